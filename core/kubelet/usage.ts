/**
 * Resource usage as the kubelets' Summary API reports it (the `UsageSource` contract of
 * core/metrics): each running container's CPU and working-set memory, and each node's total
 * (its containers plus what the node's own daemons use).
 */
import type { ContainerUsage, UsageSource } from '../metrics/types';
import type { Kubelet } from './kubelet';

/** What a node's system daemons use besides pods (kubelet, containerd, the kernel). */
export const NODE_OVERHEAD = { cpuMilli: 60, memoryBytes: 520_000_000 };

/** The usage of every kubelet of a cluster. */
export class KubeletsUsage implements UsageSource {
  constructor(private readonly kubelets: () => Kubelet[]) {}

  podUsage(namespace: string, name: string): ContainerUsage[] | undefined {
    for (const k of this.kubelets()) {
      const u = k.podUsage(namespace, name);
      if (u) return u;
    }
    return undefined;
  }

  nodeUsage(node: string): { cpuMilli: number; memoryBytes: number } | undefined {
    return this.kubelets()
      .find((k) => k.nodeName === node)
      ?.nodeUsage();
  }
}
