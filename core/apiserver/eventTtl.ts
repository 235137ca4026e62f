/**
 * Events expire: kube-apiserver writes every Event with an etcd lease of `--event-ttl` (one
 * hour), renewed by each update, and etcd deletes the key when the lease runs out. Here each
 * stored event has an expiry on the cluster's clock that does the same: reset on every write, and
 * on expiry the key is deleted from the store (watchers see DELETED, as they would from etcd).
 */
import type { CoreEvent } from '../api/types';
import type { Clock, TimerHandle } from '../clock/clock';
import { StoreError, type Store, type StoreEvent, type StoreWatch } from '../storage/store';
import { Registry, type ResourceDef } from './registry';

/** kube-apiserver's default `--event-ttl`: 1h. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

/** The latest time an event says it happened (for events found at start). */
function lastSeen(e: CoreEvent): number {
  const times = [e.lastTimestamp, e.series?.lastObservedTime, e.eventTime, e.firstTimestamp, e.metadata.creationTimestamp].map((t) => (t ? Date.parse(t) : NaN)).filter((t) => Number.isFinite(t));
  return times.length > 0 ? Math.max(...times) : 0;
}

/** One event waiting to expire. */
interface Expiry {
  key: string;
  due: number;
  /** The order the expiries were set in (among equal due times, the first set goes first). */
  seq: number;
}

function before(a: Expiry, b: Expiry): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

/**
 * The expiry of events in one store. The expiries wait in a heap by due time, and only the
 * earliest has a timer on the clock — one timer, not one per event: a busy cluster keeps tens of
 * thousands of events, and every other timer of the cluster would be ordered among theirs.
 * Events due at the same moment go in the order their expiries were set, as timers would.
 */
export class EventTtl {
  private readonly due = new Map<string, Expiry>();
  private readonly heap: Expiry[] = [];
  private seq = 0;
  private timer: { handle: TimerHandle; due: number } | undefined;
  private readonly watches: StoreWatch[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    defs: ResourceDef[],
    private readonly ttlMs = EVENT_TTL_MS,
  ) {
    const prefixes = new Set(defs.filter((d) => d.resource === 'events').map((d) => Registry.keyPrefix(d)));
    for (const prefix of prefixes) {
      for (const key of store.keysWithPrefix(prefix)) {
        const e = store.get(key) as CoreEvent | undefined;
        if (e) this.schedule(key, Math.max(0, lastSeen(e) + ttlMs - clock.now()));
      }
      this.watches.push(store.watch(prefix, store.currentRevision(), (ev) => this.onEvent(ev)));
    }
  }

  /** The number of events waiting to expire. */
  pending(): number {
    return this.due.size;
  }

  /** Stops expiring events. */
  stop(): void {
    for (const w of this.watches) w.stop();
    if (this.timer) this.clock.clearTimer(this.timer.handle);
    this.timer = undefined;
    this.due.clear();
    this.heap.length = 0;
  }

  private onEvent(ev: StoreEvent): void {
    if (ev.type === 'DELETED') {
      this.due.delete(ev.key);
      this.arm();
      return;
    }
    // A write renews the lease: the event lives one TTL from now.
    this.schedule(ev.key, this.ttlMs);
  }

  private schedule(key: string, delayMs: number): void {
    const e: Expiry = { key, due: this.clock.now() + Math.max(0, delayMs), seq: this.seq++ };
    // The expiry set before stays in the heap, stale (no longer the key's): skipped when it comes up.
    this.due.set(key, e);
    this.push(e);
    this.arm();
  }

  /** Keeps one clock timer, for the earliest expiry. */
  private arm(): void {
    let first = this.heap[0];
    while (first && this.due.get(first.key) !== first) {
      this.pop();
      first = this.heap[0];
    }
    if (this.timer && first && this.timer.due === first.due) return;
    if (this.timer) this.clock.clearTimer(this.timer.handle);
    this.timer = undefined;
    if (!first) return;
    const due = first.due;
    this.timer = { due, handle: this.clock.setTimer(Math.max(0, due - this.clock.now()), () => this.expire(due)) };
  }

  /** Deletes every event due by `due`, in order. */
  private expire(due: number): void {
    this.timer = undefined;
    for (let first = this.heap[0]; first && first.due <= due; first = this.heap[0]) {
      this.pop();
      if (this.due.get(first.key) !== first) continue;
      this.due.delete(first.key);
      try {
        this.store.delete(first.key);
      } catch (e) {
        if (!(e instanceof StoreError)) throw e;
      }
    }
    this.arm();
  }

  private push(e: Expiry): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(h[i] as Expiry, h[p] as Expiry)) break;
      [h[i], h[p]] = [h[p] as Expiry, h[i] as Expiry];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop() as Expiry;
    if (h.length === 0) return;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l] as Expiry, h[m] as Expiry)) m = l;
      if (r < h.length && before(h[r] as Expiry, h[m] as Expiry)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as Expiry, h[i] as Expiry];
      i = m;
    }
  }
}
