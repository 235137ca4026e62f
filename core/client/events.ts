/**
 * The event recorder components use, as client-go's tools/record: `event(obj, type, reason,
 * message)` makes a core/v1 Event about the object (`involvedObject`, `source.component` /
 * `host`, `reportingComponent` / `reportingInstance`, count 1, first and last timestamps) and
 * writes it asynchronously, in order, through the EventCorrelator: a spam filter per source and
 * object (a token bucket of 25, refilled one per 5 minutes), an aggregator that folds more than
 * 10 similar events in 10 minutes into one `(combined from similar events): ...`, and a logger
 * that turns a repeat of an identical event into a PATCH of the first one (`count` + 1, a new
 * `lastTimestamp`) instead of a new object.
 */
import { rfc3339 } from '../api/duration';
import { isStatusError } from '../api/status';
import type { CoreEvent, KubeObject, ObjectReference } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client } from './client';

/** The type of an event. */
export type EventType = 'Normal' | 'Warning';

/** Who records (core/v1 EventSource): the component and, for kubelets, the node. */
export interface EventSource {
  component: string;
  host?: string;
}

/** The ObjectReference of an object an event is about (reference.GetReference), with an optional field path. */
export function objectReference(obj: KubeObject | ObjectReference, fieldPath?: string): ObjectReference {
  if (!('metadata' in obj)) return fieldPath ? { ...obj, fieldPath } : { ...obj };
  const o = obj as KubeObject;
  const ref: ObjectReference = { kind: o.kind ?? '', name: o.metadata.name ?? '' };
  if (o.metadata.namespace) ref.namespace = o.metadata.namespace;
  if (o.metadata.uid) ref.uid = o.metadata.uid;
  ref.apiVersion = o.apiVersion ?? '';
  if (o.metadata.resourceVersion) ref.resourceVersion = o.metadata.resourceVersion;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

/**
 * `name.<hex UnixNano>`: the name client-go gives an event. The clock has milliseconds only, so
 * the nanoseconds below them come from the recorder (`salt`, from its identity) and a counter
 * (`seq`): events of one millisecond get distinct names.
 */
export function eventName(regarding: string, ms: number, seq: number, salt = 0): string {
  return `${regarding}.${(BigInt(ms) * 1000000n + BigInt((salt % 1000) * 1000 + (seq % 1000))).toString(16)}`;
}

/** A small stable number for a recorder's identity (FNV-1a). */
export function saltOf(identity: string): number {
  let h = 2166136261;
  for (const ch of identity) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h;
}

const SEP = '\u0000';
const MAX_SIMILAR = 10;
const AGGREGATE_WINDOW_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 300_000;
const CACHE_SIZE = 4096;

function refKey(r: ObjectReference): string[] {
  return [r.kind ?? '', r.namespace ?? '', r.name ?? '', r.uid ?? '', r.apiVersion ?? ''];
}

/** A bounded map that forgets its oldest entries (the LRU caches of the correlator). */
class Lru<V> extends Map<string, V> {
  override set(key: string, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > CACHE_SIZE) this.delete(this.keys().next().value as string);
    return this;
  }
}

interface Observation {
  count: number;
  firstTimestamp: string;
  name: string;
  resourceVersion: string;
}

/** A recorder for one component (EventBroadcaster + EventRecorder + EventCorrelator, legacy API). */
export class EventRecorder {
  private chain: Promise<void> = Promise.resolve();
  private seq = 0;
  private readonly spam = new Lru<{ tokens: number; at: number }>();
  private readonly similar = new Lru<{ messages: Set<string>; last: number }>();
  private readonly seen = new Lru<Observation>();
  private readonly salt: number;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    readonly source: EventSource,
  ) {
    this.salt = saltOf(`${source.component}/${source.host ?? ''}`);
  }

  /** Records an event about `regarding` (an object, or a reference with a `fieldPath` for a container). */
  event(regarding: KubeObject | ObjectReference, type: EventType, reason: string, message: string): void {
    const now = this.clock.now();
    const ref = objectReference(regarding);
    const t = rfc3339(now);
    const e: CoreEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: eventName(ref.name ?? '', now, this.seq++, this.salt), namespace: ref.namespace || 'default' },
      involvedObject: ref,
      reason,
      message,
      source: this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component },
      firstTimestamp: t,
      lastTimestamp: t,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    };
    this.chain = this.chain.then(() => this.record(e, now)).catch(() => undefined);
  }

  /** Resolves once every event recorded so far is written (or given up). */
  flush(): Promise<void> {
    return this.chain;
  }

  /** EventSourceObjectSpamFilter: whether the event is dropped. */
  private spamFiltered(e: CoreEvent, now: number): boolean {
    const key = [e.source?.component ?? '', e.source?.host ?? '', ...refKey(e.involvedObject), e.type ?? ''].join(SEP);
    const bucket = this.spam.get(key) ?? { tokens: SPAM_BURST, at: now };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + (now - bucket.at) / SPAM_REFILL_MS);
    bucket.at = now;
    this.spam.set(key, bucket);
    if (bucket.tokens < 1) return true;
    bucket.tokens -= 1;
    return false;
  }

  /** EventAggregator: the event (or its aggregate) and the key it is observed under. */
  private aggregate(e: CoreEvent, now: number): { event: CoreEvent; key: string } {
    const base = [e.source?.component ?? '', e.source?.host ?? '', ...refKey(e.involvedObject)];
    const eventKey = [...base, e.involvedObject.fieldPath ?? '', e.type ?? '', e.reason ?? '', e.message ?? ''].join(SEP);
    const aggregateKey = [...base, e.type ?? '', e.reason ?? '', e.reportingComponent ?? '', e.reportingInstance ?? ''].join(SEP);
    let record = this.similar.get(aggregateKey);
    if (!record || now - record.last > AGGREGATE_WINDOW_MS) record = { messages: new Set(), last: now };
    record.messages.add(e.message ?? '');
    record.last = now;
    this.similar.set(aggregateKey, record);
    if (record.messages.size < MAX_SIMILAR) return { event: e, key: eventKey };
    record.messages.delete(record.messages.values().next().value as string);
    const t = rfc3339(now);
    const combined: CoreEvent = { ...e, metadata: { name: eventName(e.involvedObject.name ?? '', now, this.seq++, this.salt), namespace: e.metadata.namespace }, count: 1, firstTimestamp: t, lastTimestamp: t, message: `(combined from similar events): ${e.message ?? ''}` };
    return { event: combined, key: aggregateKey };
  }

  private async record(e: CoreEvent, now: number): Promise<void> {
    if (this.spamFiltered(e, now)) return;
    const { event, key } = this.aggregate(e, now);
    const last = this.seen.get(key);
    let written: Readonly<CoreEvent> | undefined;
    const ref = { resource: 'events', namespace: event.metadata.namespace ?? 'default' };
    if (last) {
      event.metadata.name = last.name;
      event.firstTimestamp = last.firstTimestamp;
      event.count = last.count + 1;
      this.seen.set(key, { ...last, count: event.count });
      try {
        written = await this.client.patchShared<CoreEvent>({ ...ref, name: last.name }, { count: event.count, lastTimestamp: event.lastTimestamp, message: event.message });
      } catch (err) {
        if (!isStatusError(err, 'NotFound')) throw err;
      }
    } else this.seen.set(key, { count: 1, firstTimestamp: event.firstTimestamp ?? '', name: event.metadata.name ?? '', resourceVersion: '' });
    // A name taken already (another recorder, the same millisecond) gets the next one.
    for (let attempt = 0; !written; attempt++) {
      try {
        written = await this.client.createShared<CoreEvent>(ref, { ...event, metadata: { ...event.metadata, resourceVersion: undefined } });
      } catch (err) {
        if (!isStatusError(err, 'AlreadyExists') || attempt >= 3) throw err;
        event.metadata.name = eventName(event.involvedObject.name ?? '', now, this.seq++, this.salt);
      }
    }
    this.seen.set(key, { count: written.count ?? 1, firstTimestamp: written.firstTimestamp ?? '', name: written.metadata.name ?? '', resourceVersion: written.metadata.resourceVersion ?? '' });
  }
}
