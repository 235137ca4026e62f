/**
 * The events.k8s.io/v1 recorder, as client-go's tools/events (what kube-scheduler uses):
 * `eventf(regarding, related, type, reason, action, note)` writes an Event with `eventTime`,
 * `reportingController` and `reportingInstance`. An isomorphic repeat (same regarding, related,
 * reason, action and controller) turns the first event into a series: its first repeat patches
 * `series: {count: 2, lastObservedTime}`, later ones count locally and are written every
 * 30 minutes; a series quiet for 6 minutes is written one last time and forgotten.
 */
import { isStatusError } from '../api/status';
import type { EventsV1Event, KubeObject, ObjectReference } from '../api/types';
import type { Clock, TimerHandle } from '../clock/clock';
import type { Client } from './client';
import { eventName, objectReference, saltOf, type EventType } from './events';

/** How often running series are written. */
const REFRESH_MS = 30 * 60_000;
/** How long a series stays open without a repeat. */
const FINISH_MS = 6 * 60_000;

/** metav1.MicroTime: RFC 3339 with microseconds. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function isomorphicKey(e: EventsV1Event): string {
  return JSON.stringify([e.action ?? '', e.reason ?? '', e.reportingController ?? '', e.regarding ?? {}, e.related ?? null]);
}

/** A recorder of events.k8s.io/v1 events for one controller. */
export class EventsRecorder {
  private chain: Promise<void> = Promise.resolve();
  private seq = 0;
  private readonly cache = new Map<string, EventsV1Event>();
  private readonly timers = new Map<string, TimerHandle>();
  private readonly salt: number;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    readonly reportingController: string,
    readonly reportingInstance: string,
  ) {
    this.salt = saltOf(`${reportingController}/${reportingInstance}`);
  }

  /** Starts the periodic writes of running series. */
  start(): void {
    const every = (slot: string, ms: number, fn: () => void) => {
      this.timers.set(
        slot,
        this.clock.setTimer(ms, () => {
          fn();
          every(slot, ms, fn);
        }),
      );
    };
    every('refresh', REFRESH_MS, () => this.enqueue(async () => this.refresh()));
    every('finish', FINISH_MS, () => this.enqueue(async () => this.finish()));
  }

  /** Stops the periodic writes. */
  stop(): void {
    for (const t of this.timers.values()) this.clock.clearTimer(t);
    this.timers.clear();
  }

  /** Records an event. */
  eventf(regarding: KubeObject | ObjectReference, related: KubeObject | ObjectReference | undefined, type: EventType, reason: string, action: string, note: string): void {
    const now = this.clock.now();
    const ref = objectReference(regarding);
    const e: EventsV1Event = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: eventName(ref.name ?? '', now, this.seq++, this.salt), namespace: ref.namespace || 'default' },
      eventTime: microTime(now),
      reportingController: this.reportingController,
      reportingInstance: this.reportingInstance,
      action,
      reason,
      regarding: ref,
      note,
      type,
    };
    if (related) e.related = objectReference(related);
    const key = isomorphicKey(e);
    const cached = this.cache.get(key);
    if (cached?.series) {
      cached.series = { count: cached.series.count + 1, lastObservedTime: microTime(now) };
      return;
    }
    if (cached) {
      cached.series = { count: 2, lastObservedTime: microTime(now) };
      const copy = structuredCopy(cached);
      this.enqueue(() => this.write(copy));
      return;
    }
    this.cache.set(key, e);
    const copy = structuredCopy(e);
    this.enqueue(() => this.write(copy));
  }

  /** Resolves once every event recorded so far is written (or given up). */
  flush(): Promise<void> {
    return this.chain;
  }

  private enqueue(fn: () => Promise<void>): void {
    this.chain = this.chain.then(fn).catch(() => undefined);
  }

  private async write(e: EventsV1Event): Promise<void> {
    const ref = { group: 'events.k8s.io', resource: 'events', namespace: e.metadata.namespace ?? 'default' };
    if (e.series) {
      try {
        await this.client.patchShared({ ...ref, name: e.metadata.name ?? '' }, { series: e.series });
        return;
      } catch (err) {
        if (!isStatusError(err, 'NotFound')) throw err;
      }
    }
    // A name taken already (another recorder, the same millisecond) gets the next one.
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.createShared(ref, { ...e, metadata: { name: e.metadata.name, namespace: e.metadata.namespace } });
        return;
      } catch (err) {
        if (!isStatusError(err, 'AlreadyExists') || attempt >= 3) throw err;
        e.metadata.name = eventName(e.regarding?.name ?? '', Date.parse(e.eventTime ?? '') || 0, this.seq++, this.salt);
        const cached = this.cache.get(isomorphicKey(e));
        if (cached) cached.metadata.name = e.metadata.name;
      }
    }
  }

  private async refresh(): Promise<void> {
    for (const e of this.cache.values()) if (e.series) await this.write(structuredCopy(e));
  }

  private async finish(): Promise<void> {
    const cutoff = this.clock.now() - FINISH_MS;
    for (const [key, e] of [...this.cache]) {
      if (e.series) {
        if (Date.parse(e.series.lastObservedTime) < cutoff) {
          await this.write(structuredCopy(e));
          this.cache.delete(key);
        }
      } else if (Date.parse(e.eventTime ?? '') < cutoff) this.cache.delete(key);
    }
  }
}

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
