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
  /** Images a fault made unavailable, sorted. */
  unavailableImages: string[];
  /** Nodes whose memory a fault fills, sorted. */
  memoryFilled: string[];
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

/**
 * A fault a lesson, the lab API or the `kubelab fault` command asks for: stop or start a node's
 * kubelet or a control-plane component; make an image unavailable in its registry (`remove`:
 * pulls fail as for a deleted image, nodes that have it keep using it) or available again
 * (`restore`); fill a node's memory from outside its pods (`fill`: the kubelet's eviction manager
 * reacts) or give it back (`release`).
 */
export type FaultRequest =
  | { kind: 'node' | 'component'; name: string; action: 'stop' | 'start' }
  | { kind: 'image'; name: string; action: 'remove' | 'restore' }
  | { kind: 'memory'; name: string; action: 'fill' | 'release' };

/** The actions of each kind of fault. */
export const FAULT_ACTIONS: Record<FaultRequest['kind'], readonly string[]> = { node: ['stop', 'start'], component: ['stop', 'start'], image: ['remove', 'restore'], memory: ['fill', 'release'] };

/** A fault that cannot be applied, with one sentence saying why (`notFound`: no such node). */
export class FaultError extends Error {
  constructor(
    message: string,
    readonly notFound = false,
  ) {
    super(message);
    this.name = 'FaultError';
  }
}

/** Checks the shape of a fault request (from JSON); a FaultError naming the problem. */
export function parseFault(body: Record<string, unknown>): FaultRequest {
  const { kind, name, action } = body;
  if (typeof kind !== 'string' || !(kind in FAULT_ACTIONS)) throw new FaultError(`kind must be one of ${Object.keys(FAULT_ACTIONS).join(', ')}`);
  const actions = FAULT_ACTIONS[kind as FaultRequest['kind']];
  if (typeof action !== 'string' || !actions.includes(action)) throw new FaultError(`action of a ${kind} fault must be ${actions.map((a) => `"${a}"`).join(' or ')}`);
  if (typeof name !== 'string' || name === '') throw new FaultError('name is required');
  if (kind === 'component' && !isControlPlaneComponent(name)) throw new FaultError(`unknown component "${name}": one of ${CONTROL_PLANE_COMPONENTS.join(', ')}`);
  return { kind, name, action } as FaultRequest;
}
