/**
 * kubectl's `-v=N` (`--v=N`) log lines, as klog prints them to stderr with kubectl 1.32: from
 * level 6, the kubeconfig loaded (`loader.go:402] Config loaded from file:  PATH`) and each
 * request with its answer (`round_trippers.go:560] GET URL 200 OK in N milliseconds`); from
 * level 4, the Status of a failed request (`helpers.go:246] server response object: ...`).
 * The header is klog's: `I` + MMDD HH:MM:SS.micros (local time), the pid in 7 columns, the file.
 */
import type { ShellTransport } from '../types';

/** The `-v` level of kubectl arguments (0 without one); flags after `--` do not count. */
export function verbosity(args: string[]): number {
  let level = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    let value: string | undefined;
    const m = /^--?v(?:=(.*)|(\d+))?$/.exec(a);
    if (!m) continue;
    if (m[1] !== undefined) value = m[1];
    else if (m[2] !== undefined) value = m[2];
    else value = args[++i];
    const n = Number(value);
    if (value !== undefined && /^\d+$/.test(value) && Number.isFinite(n)) level = n;
  }
  return level;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** klog's line header: `I1122 11:06:50.240935   23774 file:line] `. */
export function klogHeader(ms: number, pid: number, source: string, severity = 'I'): string {
  const d = new Date(ms);
  const micros = pad(d.getMilliseconds(), 3) + pad(Math.floor((ms * 1000) % 1000), 3);
  return `${severity}${pad(d.getMonth() + 1)}${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${micros} ${String(pid).padStart(7, ' ')} ${source}] `;
}

/** Go's url.QueryEscape. */
function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Go's url.Values.Encode: keys sorted. */
export function encodeQuery(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((k) => `${queryEscape(k)}=${queryEscape(query[k] as string)}`)
    .join('&');
}

/** Go's http.StatusText of the codes an API server answers. */
const STATUS_TEXT: Record<number, string> = {
  101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 409: 'Conflict', 410: 'Gone', 413: 'Request Entity Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** What the log lines need from the session. */
export interface VerboseLog {
  level: number;
  /** The API server's URL (`https://127.0.0.1:6443`). */
  server: string;
  /** The kubeconfig file, when the front end read one. */
  kubeconfig?: string;
  /** The client's clock (ms). */
  now(): number;
  pid: number;
  err(text: string): void;
}

/** Prints the lines of the start of a command (the kubeconfig loaded). */
export function logStart(log: VerboseLog): void {
  if (log.level >= 6 && log.kubeconfig) log.err(`${klogHeader(log.now(), log.pid, 'loader.go:402')}Config loaded from file:  ${log.kubeconfig}\n`);
}

/** An object with its keys in a Go struct's field order (the others after, as they came). */
function ordered(obj: unknown, fields: string[], inner: Record<string, (v: unknown) => unknown> = {}): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return obj;
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of [...fields, ...Object.keys(src)]) if (k in src && !(k in out)) out[k] = inner[k] ? inner[k](src[k]) : src[k];
  return out;
}

/** A metav1.Status as encoding/json writes it (struct field order). */
function statusJson(status: unknown): unknown {
  const cause = (c: unknown) => ordered(c, ['reason', 'message', 'field']);
  const details = (d: unknown) => ordered(d, ['name', 'group', 'kind', 'uid', 'causes', 'retryAfterSeconds'], { causes: (cs) => (Array.isArray(cs) ? cs.map(cause) : cs) });
  return ordered(status, ['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code'], { details });
}

/** The commands whose requests go through resource.Builder's unstructured objects (a failure's Status keeps its kind there). */
const UNSTRUCTURED = new Set(['get', 'delete', 'label', 'annotate', 'apply', 'create', 'replace', 'patch', 'scale', 'edit', 'wait', 'rollout', 'set']);

/** Whether a kubectl command line decodes a failure's Status with a typed client (which drops its kind and apiVersion). */
export function typedClient(args: string[]): boolean {
  const sub = args.find((a) => !a.startsWith('-'));
  return sub === undefined || !UNSTRUCTURED.has(sub) || args.some((a) => a === '--raw' || a.startsWith('--raw='));
}

/** Prints the Status of a failed request as CheckErr does from level 4 (without its kind when a typed client decoded it). */
export function logServerResponse(log: VerboseLog, status: unknown, typed: boolean): void {
  if (log.level < 4 || typeof status !== 'object' || status === null) return;
  const json = statusJson(status) as Record<string, unknown>;
  if (typed) {
    delete json['kind'];
    delete json['apiVersion'];
  }
  log.err(`${klogHeader(log.now(), log.pid, 'helpers.go:246')}server response object: %s[${JSON.stringify(json, null, 2)}]\n`);
}

/** The transport of a command at `log.level`: each request logged with its answer from level 6. */
export function loggingTransport(transport: ShellTransport, log: VerboseLog): ShellTransport {
  if (log.level < 6) return transport;
  return async (method, path, query, accept, send) => {
    const start = log.now();
    const r = await transport(method, path, query, accept, send);
    const end = log.now();
    const q = encodeQuery(query);
    const text = STATUS_TEXT[r.status];
    log.err(`${klogHeader(end, log.pid, 'round_trippers.go:560')}${method} ${log.server}${path}${q ? `?${q}` : ''} ${r.status}${text ? ` ${text}` : ''} in ${Math.max(0, Math.round(end - start))} milliseconds\n`);
    return r;
  };
}
