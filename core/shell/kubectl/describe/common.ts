/**
 * Pieces every describer prints (staging/src/k8s.io/kubectl/pkg/describe/describe.go): labels
 * and annotations over several lines, label selectors, RFC 1123 times, ages at the client's time,
 * and the Events section (the object's events, found with a field selector on involvedObject,
 * sorted by last time seen).
 */
import { humanDuration } from '../../../api/duration';
import type { KubeObject } from '../../../api/types';
import type { Kubectl } from '../context';
import { goSorted } from './gosort';
import type { PrefixWriter } from './tabwriter';
import { obj, objs, str, strMap, strs, type J } from './values';

/** What a describer gets. */
export interface DescribeContext {
  k: Kubectl;
  /** Whether to print the Events section (`--show-events`). */
  showEvents: boolean;
}

/** One describer: fetches what it needs besides the object and writes kubectl's layout. */
export type Describer = (c: DescribeContext, w: PrefixWriter, o: KubeObject) => Promise<void>;

/** A request a describer needs failed: the describe of that object fails with the server's error. */
export class DescribeError extends Error {
  constructor(readonly body: unknown) {
    super('describe failed');
  }
}

/** Annotations kubectl describe never shows. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

/** `Labels:  a=b` then one `k=v` a line (or `<none>`); printLabelsMultilineWithIndent. */
export function printLabels(w: PrefixWriter, title: string, labels: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const m = strMap(labels);
  const keys = Object.keys(m).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(0, initialIndent);
      w.write(0, innerIndent);
    }
    w.write(0, `${key}=${m[key] ?? ''}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** `Annotations:  k: v`, long or multi-line values on their own lines. */
export function printAnnotations(w: PrefixWriter, title: string, annotations: unknown): void {
  w.write(0, `${title}:\t`);
  const m = strMap(annotations);
  const keys = Object.keys(m)
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (m[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(0, `${key}: ${value}\n`);
  });
}

/** `Name:` and, for namespaced objects, `Namespace:`. */
export function printHeader(w: PrefixWriter, o: KubeObject, namespaced = true): void {
  w.write(0, `Name:\t${o.metadata.name ?? ''}\n`);
  if (namespaced) w.write(0, `Namespace:\t${o.metadata.namespace ?? ''}\n`);
}

/** labels.FormatLabels: `a=b,c=d` (sorted), or `<none>`. */
export function formatLabels(m: unknown): string {
  const map = strMap(m);
  const keys = Object.keys(map).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${map[k] ?? ''}`).join(',');
}

/** metav1.LabelSelectorAsSelector(s).String(): requirements sorted by key; '' when empty or nil. */
export function selectorString(s: unknown): string {
  const sel = obj(s);
  const reqs: { key: string; text: string }[] = [];
  const labels = strMap(sel['matchLabels']);
  for (const key of Object.keys(labels)) reqs.push({ key, text: `${key}=${labels[key] ?? ''}` });
  for (const e of objs(sel['matchExpressions'])) {
    const key = str(e['key']);
    const values = [...new Set(strs(e['values']))].sort().join(',');
    switch (str(e['operator'])) {
      case 'In':
        reqs.push({ key, text: `${key} in (${values})` });
        break;
      case 'NotIn':
        reqs.push({ key, text: `${key} notin (${values})` });
        break;
      case 'Exists':
        reqs.push({ key, text: key });
        break;
      case 'DoesNotExist':
        reqs.push({ key, text: `!${key}` });
        break;
    }
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the selector's string, or `<none>`. */
export function formatSelector(s: unknown): string {
  return selectorString(s) || '<none>';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function parseTime(timestamp: unknown): Date | undefined {
  if (typeof timestamp !== 'string' || !timestamp) return undefined;
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Go's RFC1123Z (`Mon, 02 Jan 2006 15:04:05 +0000`) in UTC; a zero time prints as Go's zero time. */
export function rfc1123z(timestamp: unknown): string {
  const d = parseTime(timestamp);
  if (!d) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Go's time.Time.String() in UTC (`2006-01-02 15:04:05 +0000 UTC`), as `%s` of a metav1.Time prints. */
export function goTimeString(timestamp: unknown): string {
  const d = parseTime(timestamp);
  if (!d) return '0001-01-01 00:00:00 +0000 UTC';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 UTC`;
}

/** The age of a timestamp at the client's time (`<unknown>` without one). */
export function since(timestamp: unknown, now: number): string {
  const d = parseTime(timestamp);
  return d ? humanDuration(now - d.getTime()) : '<unknown>';
}

/** `Kind/Name` of an object's controller (printController), or ''. */
export function controllerOf(o: KubeObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** What events are searched for: involvedObject's name, namespace and, when set, kind and uid. */
export interface EventRef {
  name: string;
  namespace: string;
  kind?: string;
  uid?: string;
}

/** searchEvents: the events of an object (namespace '' for cluster-scoped objects: every namespace). */
export async function searchEvents(k: Kubectl, ref: EventRef): Promise<KubeObject[]> {
  const terms = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`];
  if (ref.kind) terms.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) terms.push(`involvedObject.uid=${ref.uid}`);
  const path = ref.namespace ? `/api/v1/namespaces/${ref.namespace}/events` : '/api/v1/events';
  const items: KubeObject[] = [];
  let cont = '';
  for (;;) {
    const q: Record<string, string> = { fieldSelector: terms.join(','), limit: '500' };
    if (cont) q['continue'] = cont;
    const r = await k.send('GET', path, q);
    if (r.status >= 400) return items;
    const body = r.body as { items?: KubeObject[]; metadata?: { continue?: string } };
    items.push(...(body.items ?? []));
    cont = body.metadata?.continue ?? '';
    if (!cont) return items;
  }
}

/** The events of an object as reference.GetReference names it (kind and uid included), when shown. */
export async function eventsOf(c: DescribeContext, o: KubeObject, kind: string): Promise<KubeObject[] | undefined> {
  if (!c.showEvents) return undefined;
  return searchEvents(c.k, { name: o.metadata.name ?? '', namespace: o.metadata.namespace ?? '', kind, uid: o.metadata.uid });
}

/** The newest time among events and an object (the client's time when the front end gives none). */
export function clientNow(k: Kubectl, o: KubeObject, events: KubeObject[]): number {
  if (k.deps.now) return k.deps.now();
  let t = Date.parse(o.metadata.creationTimestamp ?? '') || 0;
  for (const e of events as J[]) t = Math.max(t, Date.parse(str(e['lastTimestamp']) || str(e['eventTime'])) || 0);
  return t;
}

/** The time ages are counted to: the client's, else the newest the object and its events tell. */
export function nowOf(c: DescribeContext, o: KubeObject, events?: KubeObject[]): number {
  return clientNow(c.k, o, events ?? []);
}

/** The `Events:` section (DescribeEvents); nothing when events are not shown. */
export function printEvents(w: PrefixWriter, events: KubeObject[] | undefined, now: number): void {
  if (!events) return;
  // sort.Sort by last timestamp: not stable, events of the same second end where Go's sort leaves them.
  const list = goSorted(
    (events as J[]).map((e) => ({ e, t: Date.parse(str(e['lastTimestamp'])) || 0 })),
    (a, b) => a.t < b.t,
  );
  if (list.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n');
  w.write(1, 'Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const { e } of list) {
    const first = e['eventTime'] ? since(e['eventTime'], now) : since(e['firstTimestamp'], now);
    const series = e['series'] ? obj(e['series']) : undefined;
    const count = typeof e['count'] === 'number' ? e['count'] : 0;
    let interval: string;
    if (series) interval = `${since(series['lastObservedTime'], now)} (x${Number(series['count'] ?? 0)} over ${first})`;
    else if (count > 1) interval = `${since(e['lastTimestamp'], now)} (x${count} over ${first})`;
    else interval = first;
    const source = str(obj(e['source'])['component']) || str(e['reportingComponent']);
    w.write(1, `${str(e['type'])}\t${str(e['reason'])}\t${interval}\t${source}\t${str(e['message']).trim()}\n`);
  }
}
