/**
 * Fault injection: stopping and starting the control plane's components and the nodes'
 * kubelets, as a lesson does to show what each one is for. The state here is what the
 * dashboard, `kubectl get componentstatuses` and the lab API show; `Cluster` acts on it.
 */
import { StatusError } from './api/status';

/** The control-plane components that can be stopped. */
export const CONTROL_PLANE_COMPONENTS = ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager'] as const;

/** A control-plane component. */
export type ControlPlaneComponent = (typeof CONTROL_PLANE_COMPONENTS)[number];

/** Whether a string names a control-plane component. */
export function isControlPlaneComponent(s: string): s is ControlPlaneComponent {
  return (CONTROL_PLANE_COMPONENTS as readonly string[]).includes(s);
}

/** What runs and what is stopped. */
export interface ComponentsState {
  controlPlane: Record<ControlPlaneComponent, 'Running' | 'Stopped'>;
  /** Per node: its kubelet (and with it the node's kube-proxy and container runtime). */
  nodes: Record<string, 'Running' | 'Stopped'>;
}

/**
 * The error of a request to a stopped API server: the connection is refused. In process it
 * rejects the request; the host turns it into a refused or dropped connection.
 */
export class ApiServerDownError extends Error {
  readonly code = 'ECONNREFUSED';
  constructor() {
    super('connect: connection refused');
    this.name = 'ApiServerDownError';
  }
}

/** The Status a stopped etcd gives every request that reaches storage (kube answers 500 with the etcd client's error, no reason). */
export function etcdDownError(): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'etcdserver: request timed out', code: 500 });
}

/** The API paths that do not touch storage (answered while etcd is down). */
export function needsStorage(path: string): boolean {
  return /^\/(api|apis)\/./.test(path) && !/^\/apis\/[^/]+\/?$/.test(path) && !/^\/apis\/[^/]+\/[^/]+\/?$/.test(path) && !/^\/api\/v1\/?$/.test(path);
}
