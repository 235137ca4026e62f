/** What the kubelet knows about one pod on its node: the sandbox and each container's record. */
import type { Container } from '../api/types';
import type { TimerHandle } from '../clock/clock';
import type { ResolvedImage } from './images/catalogue';
import type { SimContainer } from './runtime/container';
import type { PodSandbox } from './runtime/sandbox';

/** A finished container instance, as `lastState.terminated` reports it. */
export interface Terminated {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

/** One container of the pod (its successive instances). */
export interface ContainerRecord {
  spec: Container;
  init: boolean;
  /** An init container with restartPolicy Always (a sidecar). */
  sidecar: boolean;
  /** The latest instance (running or exited). */
  instance?: SimContainer;
  /** The instance before it (for `kubectl logs --previous`). */
  previous?: SimContainer;
  restartCount: number;
  /** Why it is not running, when it waits. */
  waiting?: { reason: string; message?: string };
  /** The instance before the current one ended so (lastState). */
  lastTerminated?: Terminated;
  /** The image once the runtime has it. */
  image?: ResolvedImage;
  /** A pull, create or start is under way, or a retry is awaited. */
  busy: boolean;
  /** A start (pull, create, start) is under way: the pod's next container waits for it (SyncPod starts them in order). */
  starting?: boolean;
  /** Readiness (probe or none). */
  ready: boolean;
  /** Startup probe passed (or none). */
  started: boolean;
  /** An init container that completed successfully. */
  done: boolean;
}

/** One pod. */
export interface PodState {
  uid: string;
  /** namespace/name. */
  key: string;
  sandbox?: PodSandbox;
  /** The sandbox is being created. */
  sandboxPending: boolean;
  /** Init containers first, in order, then the containers. */
  records: ContainerRecord[];
  /** Deletion has begun. */
  terminating: boolean;
  /** Every container stopped for good (phase Succeeded or Failed). */
  finished?: 'Succeeded' | 'Failed';
  /** The eviction manager ended the pod: its status says why (reason Evicted). */
  evicted?: { message: string; at: number };
  /** The terminal phase came from the API, not from this kubelet: its status is left as it is. */
  external?: boolean;
  /** The first status was written (Pending with ContainerCreating). */
  seen: boolean;
  /** When the kubelet first saw it (status.startTime). */
  startTime: number;
  /** Timers to cancel when the pod goes. */
  timers: Set<TimerHandle>;
}

/** The termination info of an exited instance. */
export function terminated(c: SimContainer): Terminated | undefined {
  if (!c.exit) return undefined;
  const t: Terminated = { exitCode: c.exit.exitCode, reason: c.exit.reason, startedAt: c.exit.startedAt, finishedAt: c.exit.finishedAt, containerID: `containerd://${c.id}` };
  if (c.exit.message) t.message = c.exit.message;
  return t;
}
