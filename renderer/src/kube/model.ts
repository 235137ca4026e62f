// Pure helpers that turn Kubernetes objects into what the dashboard draws.
import type { Node, Pod, PodPhase } from './types';

/** The label kubeadm puts on control-plane nodes. */
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** The control-plane components, run as static pods named `<component>-<nodeName>`. */
export const CONTROL_PLANE_COMPONENTS = ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'] as const;

/** A pod's phase as the dashboard shows it: "Terminating" once deletion has started. */
export type PodDisplayPhase = PodPhase | 'Terminating';

/** How a component looks: working, starting, broken, stopped by a fault, or not found in the cluster. */
export type Health = 'ok' | 'starting' | 'down' | 'stopped' | 'absent';

/** An object's name ('' for the nameless objects the API never returns from a read). */
export function nameOf(object: Node | Pod): string {
  return object.metadata.name ?? '';
}

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${nameOf(pod)}`;
}

export function podDisplayPhase(pod: Pod): PodDisplayPhase {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  return pod.status?.phase ?? 'Pending';
}

export function isControlPlane(node: Node): boolean {
  return node.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined;
}

/** The status of the node's Ready condition; Unknown when the node has not reported one. */
export function nodeReady(node: Node): 'True' | 'False' | 'Unknown' {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

/** The health of a component that runs as `pod` (undefined: no such pod). */
export function podHealth(pod: Pod | undefined): Health {
  if (!pod) return 'absent';
  switch (podDisplayPhase(pod)) {
    case 'Running': {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status;
      return ready === 'False' ? 'starting' : 'ok';
    }
    case 'Pending':
      return 'starting';
    default:
      return 'down';
  }
}

/** The health of the node agents (kubelet, container runtime): the node's Ready condition. */
export function nodeHealth(node: Node): Health {
  return nodeReady(node) === 'True' ? 'ok' : 'down';
}

/** "containerd://1.7.0" → "containerd 1.7.0"; undefined when the node does not say. */
export function runtimeName(node: Node): string | undefined {
  return node.status?.nodeInfo?.containerRuntimeVersion?.replace('://', ' ');
}

/** Sorts pods by namespace, then name. */
export function byPodKey(a: Pod, b: Pod): number {
  return podKey(a).localeCompare(podKey(b));
}

/** A component drawn on a node card. `name` is empty for an unnamed container runtime. */
export interface ComponentView {
  name: string;
  health: Health;
}

/** Marks the components stopped by a fault (`stopped(name)` says which) as stopped. */
export function withFaults(views: ComponentView[], stopped: (name: string) => boolean): ComponentView[] {
  return views.map((view) => (view.name && stopped(view.name) ? { ...view, health: 'stopped' } : view));
}

function kubeSystemPod(pods: Pod[], match: (name: string) => boolean): Pod | undefined {
  return pods.find((pod) => pod.metadata.namespace === 'kube-system' && match(nameOf(pod)));
}

/** The control-plane components of `node`, from its static pods `<component>-<nodeName>`. */
export function controlPlaneComponents(node: Node, pods: Pod[]): ComponentView[] {
  return CONTROL_PLANE_COMPONENTS.map((name) => ({
    name,
    health: podHealth(kubeSystemPod(pods, (podName) => podName === `${name}-${nameOf(node)}`)),
  }));
}

/** What runs on every node: the kubelet, kube-proxy (a DaemonSet pod) and the runtime. */
export function nodeAgents(node: Node, pods: Pod[]): ComponentView[] {
  return [
    { name: 'kubelet', health: nodeHealth(node) },
    { name: 'kube-proxy', health: podHealth(kubeSystemPod(pods, (podName) => podName.startsWith('kube-proxy'))) },
    { name: runtimeName(node) ?? '', health: nodeHealth(node) },
  ];
}
