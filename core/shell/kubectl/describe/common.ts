/**
 * Pieces every describer prints: labels and annotations over several lines, RFC 1123 times, the
 * Events section (the object's events, found with a field selector on involvedObject, sorted by
 * last time seen), and the age of a timestamp at the client's time.
 */
import { humanDuration } from '../../../api/duration';
import type { KubeObject } from '../../../api/types';
import type { Kubectl } from '../context';
import type { DescribeWriter } from './tabwriter';

/** What a describer gets. */
export interface DescribeContext {
  k: Kubectl;
  /** The client's time (ms) for ages. */
  now: number;
}

/** Annotations kubectl describe never shows. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

/** `Labels:  a=b` then one `k=v` a line (or `<none>`). */
export function printLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${(labels as Record<string, string>)[key]}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** `Annotations:  k: v`, long or multi-line values on their own lines. */
export function printAnnotations(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = ((annotations as Record<string, string>)[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(0, `${key}: ${value}\n`);
  });
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's RFC1123Z (`Mon, 02 Jan 2006 15:04:05 +0000`), in UTC. */
export function rfc1123z(timestamp: string | undefined | null): string {
  if (!timestamp) return '<unset>';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return '<unset>';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The age of a timestamp at the client's time (`<unknown>` without one). */
export function since(timestamp: string | undefined | null, now: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

/** A core/v1 Event, the fields describe prints. */
interface Event extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string };
  reportingComponent?: string;
}

/** The events of an object (namespace '' for cluster-scoped objects: every namespace). */
export async function eventsFor(k: Kubectl, obj: KubeObject, kind: string, uid?: string): Promise<KubeObject[]> {
  const ns = obj.metadata.namespace;
  const selector = [`involvedObject.kind=${kind}`, `involvedObject.name=${obj.metadata.name}`, `involvedObject.namespace=${ns ?? ''}`, `involvedObject.uid=${uid ?? obj.metadata.uid ?? ''}`].join(',');
  const path = ns ? `/api/v1/namespaces/${ns}/events` : '/api/v1/events';
  const items: KubeObject[] = [];
  let cont = '';
  for (;;) {
    const q: Record<string, string> = { fieldSelector: selector, limit: '500' };
    if (cont) q['continue'] = cont;
    const r = await k.send('GET', path, q);
    if (r.status >= 400) return items;
    const body = r.body as { items?: KubeObject[]; metadata?: { continue?: string } };
    items.push(...(body.items ?? []));
    cont = body.metadata?.continue ?? '';
    if (!cont) return items;
  }
}

/** The newest time among events and an object (the client's time when the front end gives none). */
export function clientNow(k: Kubectl, obj: KubeObject, events: KubeObject[]): number {
  if (k.deps.now) return k.deps.now();
  let t = Date.parse(obj.metadata.creationTimestamp ?? '') || 0;
  for (const e of events as Event[]) t = Math.max(t, Date.parse(e.lastTimestamp ?? e.eventTime ?? '') || 0);
  return t;
}

/** The `Events:` section. */
export function printEvents(w: DescribeWriter, events: KubeObject[], now: number): void {
  const list = [...(events as Event[])].map((e, i) => ({ e, i, t: Date.parse(e.lastTimestamp ?? '') || 0 }));
  list.sort((a, b) => a.t - b.t || a.i - b.i);
  if (list.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n');
  w.write(1, 'Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const { e } of list) {
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${since(e.eventTime, now)})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count ?? 0} over ${since(e.firstTimestamp, now)})`;
    else interval = e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
