/**
 * The `httpFrom` check: "a `curl` from this pod (or node) to this URL succeeds / answers this
 * status / this body / fails", evaluated through the cluster's simulated network — the same
 * path `curl` in a container takes: cluster DNS with the pod's search path, kube-proxy's rules
 * (ClusterIP, NodePort, round robin, ClientIP affinity), NetworkPolicies, then the server.
 *
 * The requests are real ones inside the simulation: the server logs them and kube-proxy's
 * round robin moves on, as a checker running `kubectl exec ... -- curl` in a real lab would.
 */
import type { KubeObject } from '../api/types';
import type { HttpOptions, HttpOutcome } from '../network/tools';
import { parseUrl } from '../network/tools';
import type { Check } from './types';

/** What the engine needs of the cluster's network to evaluate `httpFrom` checks (`cluster.networking.network`). */
export interface HttpNetwork {
  /** `curl URL` from a pod (`namespace/name`) or a node (`node:NAME`). */
  httpFrom(from: string, url: string, opts?: HttpOptions): HttpOutcome;
}

/** The ways a request can fail, as the check names them (curl's exit codes 6, 7, 28, 52). */
export const HTTP_FAILURES = ['dns', 'refused', 'timeout', 'empty', 'unreachable'] as const;

/** The most requests one check sends. */
export const MAX_HTTP_REQUESTS = 20;

type HttpCheck = Extract<Check, { type: 'httpFrom' }>;

/** The hosts that name the pod itself (its network namespace, shared by its containers). */
const SELF = new Set(['localhost', '127.0.0.1']);

function podIP(p: KubeObject): string | undefined {
  return (p.status as { podIP?: string } | undefined)?.podIP;
}

/** The source of the requests: `namespace/name` of the first running pod picked (by name), or `node:NAME`; undefined when none runs yet. */
export function httpSource(c: HttpCheck, pods: KubeObject[]): { from: string; ip?: string } | undefined {
  if (c.node !== undefined) return { from: `node:${c.node}` };
  const running = pods
    .filter((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running' && podIP(p))
    .sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  const p = running[0];
  return p ? { from: `${String(p.metadata.namespace)}/${String(p.metadata.name)}`, ip: podIP(p) as string } : undefined;
}

/** The URL as the network sees it: `localhost` from a pod is the pod's own address (its containers share one network namespace). */
export function httpTarget(url: string, ip: string | undefined): { url: string; host?: string } {
  const u = parseUrl(url);
  if (!u || !ip || !SELF.has(u.host)) return { url };
  return { url: `${u.scheme}://${ip}:${u.port}${u.path}`, host: u.port === 80 ? u.host : `${u.host}:${u.port}` };
}

/** Problems of an `httpFrom` check's fields (for `lab validate`). */
export function httpCheckProblems(c: Record<string, unknown>, where: string): string[] {
  const out: string[] = [];
  const sources = ['pod', 'selector', 'node'].filter((k) => c[k] !== undefined);
  if (sources.length !== 1) out.push(`${where}: needs exactly one source: pod, selector or node`);
  for (const k of ['pod', 'selector', 'node', 'namespace']) if (c[k] !== undefined && typeof c[k] !== 'string') out.push(`${where}: ${k} must be a string`);
  if (typeof c.url !== 'string' || !parseUrl(c.url)) out.push(`${where}: url must be a URL as curl takes it (http://web, http://web.prod.svc.cluster.local:80/)`);
  else if ((parseUrl(c.url) as { scheme: string }).scheme !== 'http') out.push(`${where}: url must be http:// (the simulated servers speak plain HTTP)`);
  if (c.status !== undefined && (!Number.isInteger(c.status) || (c.status as number) < 100 || (c.status as number) > 599)) out.push(`${where}: status must be an HTTP status (100-599)`);
  if (c.fails !== undefined && c.fails !== true && !(HTTP_FAILURES as readonly unknown[]).includes(c.fails)) out.push(`${where}: fails must be true or one of ${HTTP_FAILURES.join(', ')}`);
  if (c.fails !== undefined && (c.status !== undefined || c.bodyMatches !== undefined || c.backends !== undefined)) out.push(`${where}: fails excludes status, bodyMatches and backends (a failed request has no answer)`);
  const requests = c.requests ?? 1;
  if (!Number.isInteger(requests) || (requests as number) < 1 || (requests as number) > MAX_HTTP_REQUESTS) out.push(`${where}: requests must be a whole number from 1 to ${MAX_HTTP_REQUESTS}`);
  if (c.backends !== undefined && (!Number.isInteger(c.backends) || (c.backends as number) < 1 || (typeof requests === 'number' && (c.backends as number) > requests))) out.push(`${where}: backends must be a whole number from 1 to requests`);
  return out;
}

function failureOf(o: HttpOutcome): string {
  if (o.ok) return 'none';
  return o.error === 'no-route' ? 'unreachable' : o.error;
}

/**
 * Whether the check holds: sends `requests` requests (default 1) from its source. Without
 * `fails`, every request must be answered — with `status` when given (else any status below
 * 400, as `curl -f` sees it) and a body matching `bodyMatches` — and, with `backends`, by
 * exactly that many different pods. With `fails`, every request must fail (for that reason).
 * Throws when no network was given to the engine.
 */
export function evaluateHttpCheck(network: HttpNetwork | undefined, c: HttpCheck, pods: KubeObject[]): boolean {
  if (!network) throw new Error('this host cannot send requests inside the cluster (no network was given to the lesson engine)');
  const source = httpSource(c, pods);
  if (!source) return false;
  const target = httpTarget(c.url, source.ip);
  const opts: HttpOptions = target.host ? { headers: { host: target.host } } : {};
  const re = c.bodyMatches !== undefined ? new RegExp(c.bodyMatches) : undefined;
  const answeredBy = new Set<string>();
  for (let i = 0; i < (c.requests ?? 1); i++) {
    const o = network.httpFrom(source.from, target.url, opts);
    if (c.fails !== undefined) {
      if (o.ok || (c.fails !== true && failureOf(o) !== c.fails)) return false;
      continue;
    }
    if (!o.ok) return false;
    const status = o.response.status;
    if (c.status !== undefined ? status !== c.status : status >= 400) return false;
    if (re && !re.test(o.response.body)) return false;
    answeredBy.add(o.pod ?? `${o.ip}:${o.port}`);
  }
  return c.backends === undefined || answeredBy.size === c.backends;
}
