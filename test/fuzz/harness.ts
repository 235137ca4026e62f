/**
 * The fuzzer's invariants and bookkeeping: a snapshot of the whole store (to prove that a
 * rejected request changed nothing), the shape every error answer must have (a `Status` whose
 * `code` is the HTTP status), prototype pollution, and the tally printed at the end.
 */
import type { ApiRequest } from '../../core/apiserver/request';
import type { Store } from '../../core/storage/store';

/** The stored state: the global revision and every object's JSON, by key. */
export interface Snapshot {
  revision: number;
  objects: Map<string, string>;
}

type Entries = Map<string, { json: string; modRevision: number }>;

/**
 * A snapshot of every object in the store. It reads the store's private entry map when it has
 * one (the JSON text each object is kept as: cheap enough to take twice per request) and falls
 * back to a full range read through the public API otherwise.
 */
export function snapshot(store: Store): Snapshot {
  const objects = new Map<string, string>();
  const entries = (store as unknown as { entries?: unknown }).entries;
  if (entries instanceof Map) {
    for (const [key, e] of entries as Entries) objects.set(key, e.json);
  } else {
    for (const key of store.keysWithPrefix('')) objects.set(key, JSON.stringify(store.get(key)));
  }
  return { revision: store.currentRevision(), objects };
}

/** What differs between two snapshots (undefined: nothing). */
export function diffSnapshots(a: Snapshot, b: Snapshot): string | undefined {
  const out: string[] = [];
  if (a.revision !== b.revision) out.push(`revision ${a.revision} -> ${b.revision}`);
  for (const [k, v] of a.objects) {
    const w = b.objects.get(k);
    if (w === undefined) out.push(`deleted ${k}`);
    else if (w !== v) out.push(`changed ${k}`);
  }
  for (const k of b.objects.keys()) if (!a.objects.has(k)) out.push(`created ${k}`);
  return out.length > 0 ? out.slice(0, 5).join('; ') : undefined;
}

/** Why an error body is not a proper `Status` for `code` (undefined: it is). */
export function statusProblem(code: number, body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return `error body is not an object: ${preview(body)}`;
  const s = body as Record<string, unknown>;
  if (s['kind'] !== 'Status') return `error body kind is ${String(s['kind'])}, not Status`;
  if (s['apiVersion'] !== 'v1') return `error Status apiVersion is ${String(s['apiVersion'])}`;
  if (s['status'] !== 'Failure') return `error Status status is ${String(s['status'])}`;
  if (s['code'] !== code) return `error Status code ${String(s['code'])} differs from the HTTP status ${code}`;
  if (typeof s['reason'] !== 'string' && typeof s['message'] !== 'string') return 'error Status has neither reason nor message';
  return undefined;
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const ARRAY_PROTO_NAMES = Object.getOwnPropertyNames(Array.prototype).sort().join(',');

/** Whether a request polluted a built-in prototype (undefined: it did not). */
export function pollution(): string | undefined {
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTO_NAMES) return 'Object.prototype gained properties';
  if (Object.getOwnPropertyNames(Array.prototype).sort().join(',') !== ARRAY_PROTO_NAMES) return 'Array.prototype gained properties';
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'x', 'name', 'isAdmin']) if (probe[k] !== undefined) return `({}).${k} is defined`;
  return undefined;
}

/** Lets every pending reaction of the cluster run (its components react through microtasks and immediates). */
export async function settle(store: Store): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    await new Promise<void>((r) => setImmediate(r));
    const rev = store.currentRevision();
    if (rev === last) return;
    last = rev;
  }
}

/** A short, printable form of a value. */
export function preview(v: unknown, max = 240): string {
  let s: string;
  try {
    s = typeof v === 'string' ? v : JSON.stringify(v);
  } catch {
    s = String(v);
  }
  s = s ?? String(v);
  return s.length > max ? `${s.slice(0, max)}... (${s.length} chars)` : s;
}

/** A request, printable. */
export function describeRequest(r: ApiRequest | { method: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; body?: string | Buffer }): string {
  const q = r.query && Object.keys(r.query).length > 0 ? `?${new URLSearchParams(r.query).toString()}` : '';
  const ct = r.headers?.['content-type'] ? ` [${r.headers['content-type']}]` : '';
  const body = r.body === undefined ? '' : ` body=${preview(typeof r.body === 'string' ? r.body : `<${r.body.length} bytes>`, 160)}`;
  return `${r.method} ${preview(r.path, 120)}${q.length > 200 ? `${q.slice(0, 200)}...` : q}${ct}${body}`;
}

/** One broken invariant. */
export interface Failure {
  index: number;
  generator: string;
  problem: string;
  request: string;
}

/** The counts the fuzz test reports. */
export class Tally {
  requests = 0;
  accepted = 0;
  streams = 0;
  readonly byCode = new Map<number, number>();
  readonly byGenerator = new Map<string, { sent: number; accepted: number }>();
  readonly failures: Failure[] = [];

  /** Counts one answered request. */
  count(generator: string, code: number, stream: boolean): void {
    this.requests++;
    if (stream) this.streams++;
    if (code < 400) this.accepted++;
    else this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
    const g = this.byGenerator.get(generator) ?? { sent: 0, accepted: 0 };
    g.sent++;
    if (code < 400) g.accepted++;
    this.byGenerator.set(generator, g);
  }

  /** Records a broken invariant (the first 10 per problem kind are kept in full). */
  fail(f: Failure): void {
    this.failures.push(f);
  }

  /** The report printed in the test output. */
  report(title: string): string {
    const codes = [...this.byCode.entries()].sort((a, b) => a[0] - b[0]).map(([c, n]) => `${c}:${n}`).join(' ');
    const gens = [...this.byGenerator.entries()].sort().map(([g, s]) => `${g} ${s.sent} (${s.accepted} accepted)`).join(', ');
    return [
      `${title}: ${this.requests} requests, ${this.accepted} accepted (${this.streams} watch streams), ${this.requests - this.accepted} rejected by code: ${codes}`,
      `  by generator: ${gens}`,
      `  invariant failures: ${this.failures.length}`,
    ].join('\n');
  }

  /** The failures, grouped by problem, with one example request each. */
  failureReport(max = 40): string {
    const groups = new Map<string, Failure[]>();
    for (const f of this.failures) {
      const key = `${f.generator}: ${f.problem.replace(/\d{3,}/g, 'N').slice(0, 160)}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    return [...groups.entries()]
      .slice(0, max)
      .map(([k, fs]) => `  [${fs.length}x] ${k}\n      e.g. #${(fs[0] as Failure).index}: ${(fs[0] as Failure).request}\n      problem: ${(fs[0] as Failure).problem.slice(0, 400)}`)
      .join('\n');
  }
}
