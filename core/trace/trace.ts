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
  /** A circular buffer: `head` is the slot the next event goes into, `size` how many are kept. */
  private readonly ring: (TraceEvent | undefined)[];
  private head = 0;
  private size = 0;
  private seq = 0;
  private readonly listeners = new Set<TraceListener>();

  constructor(
    private readonly now: () => number,
    private readonly capacity = 5000,
  ) {
    this.ring = new Array<TraceEvent | undefined>(Math.max(0, capacity));
  }

  /** Records one event and tells the listeners. */
  emit(e: Omit<TraceEvent, 'seq' | 'time'>): void {
    if (this.listeners.size === 0 && this.capacity === 0) return;
    const ev: TraceEvent = { seq: ++this.seq, time: this.now(), ...e };
    if (this.capacity > 0) {
      // Overwrites the oldest event once full: O(1) per event (a shifted array copied 5,000 entries each time).
      this.ring[this.head] = ev;
      this.head = (this.head + 1) % this.capacity;
      if (this.size < this.capacity) this.size++;
    }
    for (const l of this.listeners) l(ev);
  }

  /** The events after `afterSeq` still in the ring, oldest first. */
  since(afterSeq = 0): TraceEvent[] {
    const out: TraceEvent[] = [];
    // Sequence numbers are consecutive: the wanted events are the newest `seq - afterSeq` of those kept.
    const wanted = Math.min(this.size, Math.max(0, this.seq - afterSeq));
    for (let i = wanted; i > 0; i--) out.push(this.ring[(this.head - i + this.capacity) % this.capacity] as TraceEvent);
    return out;
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(l: TraceListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/** A tracer that keeps nothing (for components built without one). */
export const NO_TRACE: Pick<Tracer, 'emit'> = { emit: () => undefined };
