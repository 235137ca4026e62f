/**
 * The fuzzer's HTTP side: hostile requests through the lab host's node:http adapter (body
 * limit, YAML decoding, content types, percent-encoding), sent over one keep-alive connection,
 * with the same invariants as in process.
 */
import { request, type Agent } from 'node:http';
import type { Store } from '../../core/storage/store';
import type { ApiRequest } from '../../core/apiserver/request';
import { type Tally, describeRequest, diffSnapshots, pollution, preview, settle, snapshot, statusProblem } from './harness';
import type { FuzzRandom } from './rng';

/** One raw HTTP request. */
export interface RawRequest {
  method: string;
  /** The request target, already percent-encoded (or deliberately badly encoded). */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
  /** The status the request must get, when it is known exactly. */
  expect?: number;
}

/** What came back. */
export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string } | { error: string };

/** Percent-encodes what a request target may not carry raw (keeps `%` as is, so bad escapes stay bad). */
export function encodePath(path: string): string {
  let out = '';
  for (const ch of path) {
    if (/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out || '/';
}

/** The raw form of an in-process request. */
export function toRaw(r: ApiRequest): RawRequest {
  // node:http hands CONNECT to a 'connect' listener, not to the request handler: not a request the API sees.
  const raw: RawRequest = { method: r.method === 'CONNECT' ? 'OPTIONS' : r.method, path: encodePath(r.path.startsWith('/') ? r.path : `/${r.path}`), query: r.query, headers: r.headers };
  if (r.body !== undefined) raw.body = r.body;
  return raw;
}

/** Sends a raw request; never rejects. */
export function send(origin: string, token: string, agent: Agent, r: RawRequest, timeoutMs = 15_000): Promise<RawAnswer> {
  return new Promise((done) => {
    const q = r.query && Object.keys(r.query).length > 0 ? `?${new URLSearchParams(r.query).toString()}` : '';
    const headers: Record<string, string | number> = { authorization: `Bearer ${token}`, ...(r.headers ?? {}) };
    if (r.body !== undefined && !r.chunked) headers['content-length'] = Buffer.byteLength(r.body);
    let settled = false;
    const finish = (a: RawAnswer) => {
      if (!settled) {
        settled = true;
        done(a);
      }
    };
    let req: ReturnType<typeof request>;
    try {
      const u = new URL(origin);
      req = request({ host: u.hostname, port: u.port, method: r.method, path: `${r.path}${q}`, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        const answer = () => ({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => finish(answer()));
        if (res.statusCode === 200 && res.headers['transfer-encoding'] === 'chunked') {
          // A watch: take what it sends in a moment, then hang up.
          setTimeout(() => {
            finish(answer());
            req.destroy();
          }, 150);
        }
        res.on('error', (e) => finish({ error: `response error: ${e.message}` }));
      });
    } catch (e) {
      finish({ error: `client refused the request: ${(e as Error).message}` });
      return;
    }
    req.setTimeout(timeoutMs, () => {
      finish({ error: 'timeout' });
      req.destroy();
    });
    req.on('error', (e) => finish({ error: `request error: ${e.message}` }));
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

const YAML_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');

const POD_YAML = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: NAME\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n';

/** Requests only HTTP can make: oversized and chunked bodies, YAML, bad escapes, odd methods. */
export function httpOnly(rng: FuzzRandom, ns: string): RawRequest {
  const pods = `/api/v1/namespaces/${ns}/pods`;
  const big = (n: number) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"big"},"data":{"k":"${'x'.repeat(n)}"}}`;
  return rng.pick<() => RawRequest>([
    () => ({ method: 'POST', path: `/api/v1/namespaces/${ns}/configmaps`, body: big(3 * 1024 * 1024 + rng.int(1000)), headers: { 'content-type': 'application/json' }, expect: 413 }),
    () => ({ method: 'PUT', path: `/api/v1/namespaces/${ns}/configmaps/big`, body: big(3 * 1024 * 1024 + 10), headers: { 'content-type': 'application/json' }, chunked: true, expect: 413 }),
    () => ({ method: 'PATCH', path: `/api/v1/namespaces/${ns}/configmaps/big`, body: big(4 * 1024 * 1024), headers: { 'content-type': 'application/merge-patch+json' }, chunked: rng.chance(0.5), expect: 413 }),
    () => ({ method: 'POST', path: `/api/v1/namespaces/${ns}/configmaps`, body: big(3 * 1024 * 1024 - 200), headers: { 'content-type': 'application/json' } }),
    () => ({ method: 'POST', path: pods, body: POD_YAML.replace('NAME', rng.pick(['y1', 'y2', 'Bad_Name', ''])), headers: { 'content-type': rng.pick(['application/yaml', 'text/yaml', 'application/yaml; charset=utf-8']) } }),
    () => ({ method: 'POST', path: pods, body: POD_YAML.replace('  - name', '- name:'), headers: { 'content-type': 'application/yaml' } }),
    () => ({ method: 'POST', path: pods, body: `${POD_YAML}---\n${POD_YAML}`, headers: { 'content-type': 'application/yaml' } }),
    () => ({ method: 'POST', path: pods, body: YAML_BOMB, headers: { 'content-type': 'application/yaml' } }),
    () => ({ method: 'POST', path: pods, body: rng.pick(['!!js/function "x"', 'a: !!binary Zm9v', '- 1\n- 2', '42', 'null', '~', '"s"', 'a: b: c', 'key: [unclosed', '\t- tab', 'metadata: {name: x, name: y}', '%YAML 9.9\n---\na: 1', '&a [*a]', `${'- '.repeat(2000)}x`, `${'['.repeat(5000)}`]), headers: { 'content-type': 'application/yaml' } }),
    () => ({ method: 'PATCH', path: `${pods}/y1`, query: { fieldManager: 'fuzzer' }, body: rng.pick([POD_YAML.replace('NAME', 'y1'), 'not: [valid', YAML_BOMB, '- a']), headers: { 'content-type': 'application/apply-patch+yaml' } }),
    () => ({ method: 'POST', path: pods, body: rng.pick(['\u0000\u0001\u0002', 'k8s\u0000\u000a\u0002v1', '<pod/>', '--x\r\n\r\nbody']), headers: { 'content-type': rng.pick(['application/vnd.kubernetes.protobuf', 'application/xml', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/cbor']) } }),
    () => ({ method: 'GET', path: rng.pick([`/api/v1/namespaces/%E0%A4%A/pods`, '/api/v1/%', '/api/v1/namespaces/fuzz/pods/%ZZ', '/api/v1/namespaces/%C0%AF/pods', '/api/v1/namespaces/fuzz/pods/%00', '/api/v1/namespaces/fuzz/pods/a%2Fb', '/api/%2e%2e/v1/pods', '/apis/%', '/openapi/v3/%ff']) }),
    () => ({ method: rng.pick(['OPTIONS', 'TRACE', 'PROPFIND', 'MKCOL', 'LOCK', 'SEARCH', 'PURGE', 'REPORT', 'COPY', 'MOVE', 'HEAD']), path: rng.pick([pods, `${pods}/y1`, '/api/v1', '/apis', '/version', '/openapi/v2']) }),
    () => ({ method: 'GET', path: pods, query: { limit: rng.pick(['%ZZ', '1&limit=2', '']), labelSelector: rng.pick(['a%3D%3Db', 'a=b&labelSelector=c', '\u00e9=1']) } }),
    () => ({ method: 'GET', path: pods, headers: { accept: rng.pick(['application/vnd.kubernetes.protobuf', 'application/json;as=Table;v=v1;g=meta.k8s.io, application/json', 'text/html', '\u00e9', 'application/json;q=abc', 'application/json, */*']) } }),
    () => ({ method: 'POST', path: pods, headers: { 'content-type': 'application/json', expect: '100-continue' }, body: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'y3' }, spec: { containers: [{ name: 'a', image: 'b' }] } }) }),
    () => ({ method: 'DELETE', path: `${pods}/y1`, headers: { 'content-type': rng.pick(['application/yaml', 'text/plain']) }, body: rng.pick(['gracePeriodSeconds: x', 'kind: DeleteOptions\npropagationPolicy: Bogus', ': :']) }),
    () => ({ method: 'POST', path: pods, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]) }),
    () => ({ method: 'GET', path: `${pods}?watch=true&timeoutSeconds=${rng.pick(['abc', '-1', '1e99'])}` }),
  ])();
}

/** The HTTP fuzzer: sends raw requests to a lab host and checks them against its store. */
export class HttpFuzzer {
  readonly noAnswer: string[] = [];

  constructor(
    private readonly origin: string,
    private readonly token: string,
    private readonly agent: Agent,
    private readonly store: Store,
    readonly tally: Tally,
  ) {}

  /** Sends one request and checks it. */
  async send(index: number, generator: string, r: RawRequest): Promise<void> {
    const fail = (problem: string) => this.tally.fail({ index, generator, problem, request: describeRequest({ method: r.method, path: r.path, query: r.query ?? {}, headers: r.headers ?? {}, ...(r.body !== undefined ? { body: r.body } : {}) }) });
    await settle(this.store);
    const before = snapshot(this.store);
    const a = await send(this.origin, this.token, this.agent, r);
    const polluted = pollution();
    if (polluted) fail(`prototype pollution: ${polluted}`);
    if ('error' in a) {
      // The client itself refused (a method or header node:http will not send) or the server
      // dropped the connection without an answer.
      if (a.error.startsWith('client refused')) return;
      this.noAnswer.push(`${r.method} ${r.path}: ${a.error}`);
      this.tally.count(generator, 0, false);
      fail(`no HTTP answer: ${a.error}`);
      return;
    }
    this.tally.count(generator, a.status, false);
    if (a.status >= 500) fail(`answered ${a.status}: ${preview(a.body)}`);
    if (r.expect !== undefined && a.status !== r.expect) fail(`answered ${a.status}, expected ${r.expect}: ${preview(a.body)}`);
    if (a.status >= 400) {
      if (r.method !== 'HEAD') {
        let body: unknown;
        try {
          body = JSON.parse(a.body);
        } catch {
          body = a.body;
        }
        const bad = statusProblem(a.status, body);
        if (bad) fail(bad);
      }
      await settle(this.store);
      const changed = diffSnapshots(before, snapshot(this.store));
      if (changed) fail(`rejected request (${a.status}) changed the stored state: ${changed}`);
    }
  }
}
