/**
 * The contract between the kubelets (which simulate what containers use) and whatever reads
 * resource usage: the metrics API (`metrics.k8s.io`, for `kubectl top` and the
 * HorizontalPodAutoscaler) and the node's memory pressure.
 */

/** What one container uses now. */
export interface ContainerUsage {
  name: string;
  /** CPU in millicores. */
  cpuMilli: number;
  /** Working-set memory in bytes. */
  memoryBytes: number;
}

/** Resource usage as the kubelets report it (the Summary API, simplified). */
export interface UsageSource {
  /** The usage of each running container of a pod; undefined when the pod does not run on any node. */
  podUsage(namespace: string, name: string): ContainerUsage[] | undefined;
  /** The usage of a whole node; undefined when the node's kubelet is not running. */
  nodeUsage(node: string): { cpuMilli: number; memoryBytes: number } | undefined;
}
