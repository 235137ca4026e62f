/**
 * The trace stream: every component says what it did (an API request, a store write, a watch
 * delivery, a controller's action, a scheduling decision, a kubelet's step) so that the
 * dashboard can show one request travelling through the cluster. Bounded: the newest events
 * are kept in a ring, older ones are dropped.
 */

/** The component that acted. */
export type TraceComponent = 'kube-apiserver' | 'etcd' | 'kube-scheduler' | 'kube-controller-manager' | 'kubelet' | 'kube-proxy' | 'coredns' | 'lab';

/** One step of the trace. */
export interface TraceEvent {
  /** Sequence number (increasing, from 1). */
  seq: number;
  /** Virtual time (ms). */
  time: number;
  component: TraceComponent;
  /** The instance: a node name for kubelets and kube-proxy, a controller name inside kube-controller-manager. */
  instance?: string;
  /** What happened, in a word: `request`, `write`, `watch`, `sync`, `create`, `bind`, `pull`, `start`, `kill`, ... */
  action: string;
  /** The object concerned: `pods/default/web-7c5d...` (resource/namespace/name) or `nodes/kubelab-worker`. */
  object?: string;
  /** One short, human sentence (English; the UI localises by `action`). */
  message: string;
}

/** Receives trace events. */
export type TraceListener = (e: TraceEvent) => void;

/** A bounded trace stream. */
export class Tracer {
  private readonly ring: TraceEvent[] = [];
  private seq = 0;
  private readonly listeners = new Set<TraceListener>();

  constructor(
    private readonly now: () => number,
    private readonly capacity = 5000,
  ) {}

  /** Records one event and tells the listeners. */
  emit(e: Omit<TraceEvent, 'seq' | 'time'>): void {
    if (this.listeners.size === 0 && this.capacity === 0) return;
    const ev: TraceEvent = { seq: ++this.seq, time: this.now(), ...e };
    this.ring.push(ev);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    for (const l of this.listeners) l(ev);
  }

  /** The events after `afterSeq` still in the ring. */
  since(afterSeq = 0): TraceEvent[] {
    return this.ring.filter((e) => e.seq > afterSeq);
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(l: TraceListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/** A tracer that keeps nothing (for components built without one). */
export const NO_TRACE: Pick<Tracer, 'emit'> = { emit: () => undefined };
