/**
 * Events expire: kube-apiserver writes every Event with an etcd lease of `--event-ttl` (one
 * hour), renewed by each update, and etcd deletes the key when the lease runs out. Here a timer
 * on the cluster's clock per stored event does the same: reset on every write, and on expiry
 * the key is deleted from the store (watchers see DELETED, as they would from etcd).
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

/** The expiry of events in one store. */
export class EventTtl {
  private readonly timers = new Map<string, TimerHandle>();
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
    return this.timers.size;
  }

  /** Stops expiring events. */
  stop(): void {
    for (const w of this.watches) w.stop();
    for (const t of this.timers.values()) this.clock.clearTimer(t);
    this.timers.clear();
  }

  private onEvent(ev: StoreEvent): void {
    if (ev.type === 'DELETED') {
      const t = this.timers.get(ev.key);
      if (t) this.clock.clearTimer(t);
      this.timers.delete(ev.key);
      return;
    }
    // A write renews the lease: the event lives one TTL from now.
    this.schedule(ev.key, this.ttlMs);
  }

  private schedule(key: string, delayMs: number): void {
    const old = this.timers.get(key);
    if (old) this.clock.clearTimer(old);
    this.timers.set(
      key,
      this.clock.setTimer(delayMs, () => {
        this.timers.delete(key);
        try {
          this.store.delete(key);
        } catch (e) {
          if (!(e instanceof StoreError)) throw e;
        }
      }),
    );
  }
}
