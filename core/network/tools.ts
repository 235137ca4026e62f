/**
 * The network tools a student runs in a container (`kubectl exec ... -- curl http://web`),
 * over the simulated network: names resolved by cluster DNS with the pod's search path, then a
 * connection routed through kube-proxy's rules and the NetworkPolicies. Failures are the exact
 * text the tools print: curl 8, busybox wget and ping, and BIND's nslookup (dnsutils).
 * Times are virtual: a refused connection fails at once, a dropped one after the tool's
 * timeout (`elapsedMs`, for the caller to wait on the clock if it wants).
 */
import type { HttpResponse } from './types';
import { isIPv4 } from './ip';
import type { Network } from './network';
import type { PodInfo } from './policy';
import type { DnsResult, Resolver } from './resolver';

/** Where a tool runs: a pod (`namespace/name`) or a node (`node:<name>`). */
export type ToolSource = string;

/** Options of an HTTP request. */
export interface HttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The tool whose messages to print. */
  tool?: 'curl' | 'wget';
  /** `--connect-timeout` / `-m` (curl) or `-T` (wget), in ms; default: the kernel gives up after ~130 s. */
  timeoutMs?: number;
}

/** The outcome of an HTTP request. */
export type HttpOutcome =
  | { ok: true; response: HttpResponse; ip: string; port: number; pod?: string; service?: string; steps: string[] }
  | { ok: false; error: 'dns' | 'refused' | 'timeout' | 'unreachable' | 'no-route' | 'empty' | 'http'; message: string; exitCode: number; elapsedMs: number; steps: string[]; response?: HttpResponse };

/** What a tool prints and its exit code. */
export interface ToolOutput {
  out: string;
  err: string;
  code: number;
  elapsedMs: number;
}

/** Linux gives up a connection attempt after the SYN retries (~130 s). */
export const KERNEL_CONNECT_TIMEOUT_MS = 130_000;
/** The resolver's wait before giving up (timeout:5, attempts:2). */
export const RESOLVER_TIMEOUT_MS = 10_000;

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** A URL as curl and wget take it (scheme optional, http by default). */
export function parseUrl(url: string): { scheme: string; host: string; port: number; path: string } | undefined {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d+))?([/?][^#\s]*)?$/.exec(url.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  const raw = m[4] ?? '/';
  return { scheme, host: m[2] as string, port, path: raw.startsWith('/') ? raw : `/${raw}` };
}

function sourceOf(network: Network, from: ToolSource): { ip: string; pod?: PodInfo } | undefined {
  if (from.startsWith('node:')) {
    const node = network.nodeAddresses().find((n) => n.name === from.slice(5));
    return node ? { ip: node.ip } : undefined;
  }
  const pod = network.pods.pod(from);
  return pod?.ip ? { ip: pod.ip, pod } : undefined;
}

/** Resolves a host as a tool in `from` does (addresses are taken as they are). */
export function resolveFrom(network: Network, resolver: Resolver | undefined, from: ToolSource, host: string): DnsResult {
  if (isIPv4(host)) return { ok: true, name: host, addresses: [host], server: '' };
  if (!resolver) return { ok: false, error: 'timeout', tried: [host], server: '' };
  return resolver.resolve(sourceOf(network, from)?.pod, host);
}

/** An HTTP request from a pod or a node, with curl's or wget's messages. */
export function httpFrom(network: Network, resolver: Resolver | undefined, from: ToolSource, url: string, opts: HttpOptions = {}): HttpOutcome {
  const tool = opts.tool ?? 'curl';
  const u = parseUrl(url);
  if (!u) return { ok: false, error: 'dns', message: tool === 'curl' ? `curl: (3) URL rejected: Malformed input to a URL function` : `wget: bad address '${url}'`, exitCode: tool === 'curl' ? 3 : 1, elapsedMs: 0, steps: [] };
  const fail = (error: Exclude<HttpOutcome, { ok: true }>['error'], elapsedMs: number, steps: string[], ip = u.host): HttpOutcome => ({ ok: false, error, message: message(tool, error, u.host, ip, u.port, elapsedMs, opts.timeoutMs), exitCode: exitCode(tool, error), elapsedMs, steps });
  const src = sourceOf(network, from);
  if (!src) return fail('unreachable', 0, [`${from} has no network`]);
  const dns = resolveFrom(network, resolver, from, u.host);
  if (!dns.ok) return fail('dns', dns.error === 'timeout' ? RESOLVER_TIMEOUT_MS : 0, [`DNS: ${u.host}: ${dns.error}`]);
  const ip = dns.addresses[0];
  if (!ip) return fail('dns', 0, [`DNS: ${u.host}: no address`]);
  const headers = { host: u.port === 80 ? u.host : `${u.host}:${u.port}`, 'user-agent': tool === 'curl' ? 'curl/8.5.0' : 'Wget', accept: '*/*', ...(opts.headers ?? {}) };
  const route = network.route({ ip: src.ip, ...(src.pod ? { pod: src.pod.key } : {}) }, ip, u.port, 'TCP');
  const steps = [`DNS: ${u.host} → ${ip}`, ...route.steps];
  if (!route.ok) return fail(route.error, route.error === 'timeout' ? (opts.timeoutMs ?? KERNEL_CONNECT_TIMEOUT_MS) : 0, steps, ip);
  if (!route.listener) return fail('refused', 0, steps, ip);
  if (!route.listener.http) return fail('empty', 0, steps, ip);
  const response = route.listener.http({ method: opts.method ?? 'GET', host: headers.host, path: u.path, headers, ...(opts.body !== undefined ? { body: opts.body } : {}) }, route.peer);
  if (response.status === 0) return fail('empty', 0, steps, ip);
  const ok: HttpOutcome = { ok: true, response, ip: route.ip, port: route.port, ...(route.pod ? { pod: route.pod.key } : {}), ...(route.service ? { service: route.service } : {}), steps };
  if (tool === 'wget' && response.status >= 400) {
    return { ok: false, error: 'http', message: `wget: server returned error: HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}`.trimEnd(), exitCode: 1, elapsedMs: 0, steps, response };
  }
  return ok;
}

function message(tool: 'curl' | 'wget', error: string, host: string, ip: string, port: number, elapsedMs: number, timeoutMs: number | undefined): string {
  if (tool === 'wget') {
    switch (error) {
      case 'dns':
        return `wget: bad address '${host}'`;
      case 'refused':
        return `wget: can't connect to remote host (${ip}): Connection refused`;
      case 'timeout':
        return timeoutMs !== undefined ? 'wget: download timed out' : `wget: can't connect to remote host (${ip}): Connection timed out`;
      case 'empty':
        return 'wget: error getting response';
      default:
        return `wget: can't connect to remote host (${ip}): No route to host`;
    }
  }
  switch (error) {
    case 'dns':
      return `curl: (6) Could not resolve host: ${host}`;
    case 'refused':
      return `curl: (7) Failed to connect to ${host} port ${port} after ${elapsedMs} ms: Couldn't connect to server`;
    case 'timeout':
      return timeoutMs !== undefined ? `curl: (28) Connection timed out after ${timeoutMs + 1} milliseconds` : `curl: (28) Failed to connect to ${host} port ${port} after ${elapsedMs} ms: Couldn't connect to server`;
    case 'empty':
      return 'curl: (52) Empty reply from server';
    default:
      return `curl: (7) Failed to connect to ${host} port ${port} after ${elapsedMs} ms: No route to host`;
  }
}

function exitCode(tool: 'curl' | 'wget', error: string): number {
  if (tool === 'wget') return 1;
  return ({ dns: 6, refused: 7, timeout: 28, empty: 52 } as Record<string, number>)[error] ?? 7;
}

/** busybox `ping -c count host` from a pod or a node. */
export function ping(network: Network, resolver: Resolver | undefined, from: ToolSource, host: string, count = 4): ToolOutput {
  const src = sourceOf(network, from);
  const dns = resolveFrom(network, resolver, from, host);
  if (!src || !dns.ok || !dns.addresses[0]) return { out: '', err: `ping: bad address '${host}'\n`, code: 1, elapsedMs: dns.ok ? 0 : dns.error === 'timeout' ? RESOLVER_TIMEOUT_MS : 0 };
  const ip = dns.addresses[0];
  const route = network.route({ ip: src.ip, ...(src.pod ? { pod: src.pod.key } : {}) }, ip, 0, 'ICMP');
  let out = `PING ${host} (${ip}): 56 data bytes\n`;
  const replies = route.ok ? count : 0;
  if (route.ok) {
    const srcNode = route.sourceNode;
    const dstNode = route.pod?.nodeName ?? network.nodeAddresses().find((n) => n.ip === ip)?.name;
    const ttl = ip === src.ip ? 64 : srcNode !== undefined && srcNode === dstNode ? 63 : 62;
    for (let i = 0; i < count; i++) out += `64 bytes from ${ip}: seq=${i} ttl=${ttl} time=0.085 ms\n`;
  }
  out += `\n--- ${host} ping statistics ---\n${count} packets transmitted, ${replies} packets received, ${replies === count ? 0 : 100}% packet loss\n`;
  if (replies > 0) out += 'round-trip min/avg/max = 0.085/0.085/0.085 ms\n';
  return { out, err: '', code: replies > 0 ? 0 : 1, elapsedMs: count * 1000 };
}

/** BIND's `nslookup name` (dnsutils) from a pod or a node. */
export function nslookup(network: Network, resolver: Resolver | undefined, from: ToolSource, name: string): ToolOutput {
  const r = resolveFrom(network, resolver, from, name);
  if (!r.ok && r.error === 'timeout') return { out: ';; connection timed out; no servers could be reached\n\n', err: '', code: 1, elapsedMs: RESOLVER_TIMEOUT_MS };
  const head = `Server:\t\t${r.server}\nAddress:\t${r.server}#53\n\n`;
  if (!r.ok) return { out: `${head}** server can't find ${name.replace(/\.$/, '')}: ${r.error.toUpperCase()}\n\n`, err: '', code: 1, elapsedMs: 0 };
  let out = head;
  if (r.cname) out += `${r.name}\tcanonical name = ${r.cname}.\n`;
  for (const a of r.addresses) out += `Name:\t${r.cname ?? r.name}\nAddress: ${a}\n`;
  return { out: `${out}\n`, err: '', code: 0, elapsedMs: 0 };
}

/** The tools a container's programs reach through the network it is on (`Network` has them). */
export interface NetworkTools {
  httpFrom(from: ToolSource, url: string, opts?: HttpOptions): HttpOutcome;
  ping(from: ToolSource, host: string, count?: number): ToolOutput;
  nslookup(from: ToolSource, name: string): ToolOutput;
}

/** Whether a pod network also offers the tools (the cluster's does; a bare test network may not). */
export function hasNetworkTools(network: unknown): network is NetworkTools {
  const n = network as Partial<NetworkTools> | undefined;
  return typeof n?.nslookup === 'function' && typeof n.ping === 'function' && typeof n.httpFrom === 'function';
}
