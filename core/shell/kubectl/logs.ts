/**
 * `kubectl logs (POD | TYPE/NAME | -l SELECTOR) [CONTAINER] [-c C] [--all-containers] [--prefix]
 * [--tail N] [--since D] [-p] [--timestamps] [-f [--max-log-requests N]]` as kubectl 1.32 runs it
 * (staging/src/k8s.io/kubectl/pkg/cmd/logs, polymorphichelpers.LogsForObjectFn) over
 * `GET .../pods/NAME/log` (core/apiserver/podLogs.ts): a selector lists pods (10 lines each
 * unless --tail says otherwise), a workload or Service picks one pod as GetFirstPod does
 * (`Found N pods, using pod/NAME` on stderr), each pod its default container (with the
 * "Defaulted container" notice); `-f` streams until the containers end or Ctrl-C, several
 * streams at once up to --max-log-requests.
 */
import { parseGoDuration } from '../../api/duration';
import type { Pod } from '../../api/types';
import type { Kubectl } from './context';
import { resourcePath } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags } from './flags';
import { allContainerNames, selectorString } from './remote';

type Obj = Record<string, unknown>;

const USAGE = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";

/** One log to read: a container of a pod. */
interface LogRequest {
  pod: string;
  namespace: string;
  container: string;
}

function ready(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function readyTime(p: Pod): string {
  return (p.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? '';
}

function restarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

/** afterOrZero(t1, t2): t1 is zero, or after t2 (RFC 3339 times compare as text). */
function afterOrZero(t1: string, t2: string): boolean {
  if (t1 === '' || t2 === '') return t1 === '';
  return t1 > t2;
}

/** podutils.ByLogging's Less: the pod whose logs are the most interesting first. */
export function byLogging(a: Pod, b: Pod): boolean {
  const an = a.spec.nodeName ?? '';
  const bn = b.spec.nodeName ?? '';
  if (an !== bn && (an === '' || bn === '')) return an !== '';
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const pa = a.status?.phase ?? '';
  const pb = b.status?.phase ?? '';
  if (pa !== pb) return (rank[pa] ?? 0) > (rank[pb] ?? 0);
  if (ready(a) !== ready(b)) return ready(a);
  if (ready(a) && ready(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  if (restarts(a) !== restarts(b)) return restarts(a) > restarts(b);
  const ca = a.metadata.creationTimestamp ?? '';
  const cb = b.metadata.creationTimestamp ?? '';
  if (ca !== cb) return afterOrZero(cb, ca);
  return false;
}

/** The pods in ByLogging order (stable, as Go's insertion sort of fewer than 13 pods is; ties keep the list's name order). */
function sortPods(pods: Pod[]): Pod[] {
  return [...pods].sort((a, b) => (byLogging(a, b) ? -1 : byLogging(b, a) ? 1 : 0));
}

/** The log requests of one pod: its default (or named) container, or all of them. */
function podRequests(k: Kubectl, pod: Pod, container: string, all: boolean): LogRequest[] {
  const base = { pod: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '' };
  const eph = (pod.spec['ephemeralContainers'] as { name: string }[] | undefined) ?? [];
  if (all) return [...(pod.spec.initContainers ?? []), ...pod.spec.containers, ...eph].map((c) => ({ ...base, container: c.name }));
  let name = container;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const exists = (n: string) => [...pod.spec.containers, ...(pod.spec.initContainers ?? []), ...eph].some((c) => c.name === n);
  if (!name && annotated) {
    if (exists(annotated)) name = annotated;
    else k.io.err(`Default container name ${JSON.stringify(annotated)} not found in pod ${base.pod}\n`);
  }
  if (!name) {
    name = pod.spec.containers[0]?.name ?? '';
    if (pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0 || eph.length > 0) k.io.err(`Defaulted container ${JSON.stringify(name)} out of: ${allContainerNames(pod)}\n`);
  }
  if (!exists(name)) throw new CommandError(`error: container ${name} is not valid for pod ${base.pod}`);
  return [{ ...base, container: name }];
}

/** The pod a workload or Service's logs come from (GetFirstPod), with kubectl's notice when it had a choice. */
async function firstPod(k: Kubectl, namespace: string, obj: Obj, type: { group: string; version: string; resource: string; kind: string }): Promise<Pod> {
  const spec = (obj['spec'] as Obj | undefined) ?? {};
  let selector: string;
  const t = `*${type.version}.${type.kind}`;
  if (type.group === '' && (type.resource === 'services' || type.resource === 'replicationcontrollers')) {
    const s = (spec['selector'] as Record<string, string> | undefined) ?? {};
    if (type.resource === 'services' && Object.keys(s).length === 0) throw new CommandError(`error: cannot get the logs from ${t}: invalid service '${String((obj['metadata'] as Obj | undefined)?.['name'] ?? '')}': Service is defined without a selector`);
    selector = selectorString({ matchLabels: s });
  }
  else if ((type.group === 'apps' && ['deployments', 'replicasets', 'statefulsets', 'daemonsets'].includes(type.resource)) || (type.group === 'batch' && type.resource === 'jobs')) selector = selectorString(spec['selector'] as Obj | undefined);
  else throw new CommandError(`error: cannot get the logs from ${t}: selector for ${t} not implemented`);
  const list = await k.ok<{ items: Pod[] }>('GET', `/api/v1/namespaces/${namespace}/pods`, { labelSelector: selector });
  const pods = sortPods(list.items);
  const first = pods[0];
  // GetFirstPod would watch for a pod until --pod-running-timeout; the lab answers at once.
  if (!first) throw new CommandError('error: timed out waiting for the condition');
  if (pods.length > 1) k.io.err(`Found ${pods.length} pods, using pod/${first.metadata.name ?? ''}\n`);
  return first;
}

/** Writes log text line by line, each line with the prefix (DefaultConsumeRequest through prefixingWriter). */
function lineWriter(k: Kubectl, prefix: string): { write(text: string): void; end(): void } {
  let buffer = '';
  return {
    write(text) {
      buffer += text;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        k.io.out(`${prefix}${buffer.slice(0, nl + 1)}`);
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
      }
    },
    end() {
      if (buffer !== '') k.io.out(`${prefix}${buffer}`);
      buffer = '';
    },
  };
}

/** `kubectl logs`. */
export async function logs(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl logs', args, {
      container: { kind: 'string', short: 'c' },
      tail: { kind: 'int' },
      previous: { kind: 'bool', short: 'p' },
      timestamps: { kind: 'bool' },
      follow: { kind: 'bool', short: 'f' },
      since: { kind: 'string' },
      'since-time': { kind: 'string' },
      'limit-bytes': { kind: 'int' },
      'all-containers': { kind: 'bool' },
      selector: { kind: 'string', short: 'l' },
      'max-log-requests': { kind: 'int' },
      prefix: { kind: 'bool' },
      'ignore-errors': { kind: 'bool' },
      'pod-running-timeout': { kind: 'string' },
      'insecure-skip-tls-verify-backend': { kind: 'bool' },
    }),
  );
  const positional = flags.positional;
  const selector = flags.str('selector');
  if (positional.length === 0 && !selector) throw new CommandError(USAGE);
  if (positional.length === 1 && selector) throw new CommandError("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples");
  if (positional.length > 2) throw new CommandError(USAGE);
  const [target, inlineContainer] = positional;
  const container = inlineContainer ?? flags.str('container');
  const ns = k.namespace(flags);
  const q: Record<string, string> = {};
  if (container) q['container'] = container;
  if (flags.bool('follow')) q['follow'] = 'true';
  if (flags.bool('previous')) q['previous'] = 'true';
  if (flags.bool('timestamps')) q['timestamps'] = 'true';
  if (flags.str('since-time')) q['sinceTime'] = flags.str('since-time');
  if (flags.int('limit-bytes', 0) !== 0) q['limitBytes'] = String(flags.int('limit-bytes', 0));
  let since = 0;
  if (flags.str('since')) {
    const ms = parseGoDuration(flags.str('since').replace(/^-/, ''));
    if (ms === undefined) throw new CommandError(`Error: invalid argument "${flags.str('since')}" for "--since" flag: time: invalid duration "${flags.str('since')}"\nSee 'kubectl logs --help' for usage.`);
    since = Math.round((flags.str('since').startsWith('-') ? -ms : ms) / 1000);
    if (since !== 0) q['sinceSeconds'] = String(since);
  }
  const tail = flags.int('tail', -1);
  if (selector && tail === -1 && !flags.has('tail')) q['tailLines'] = '10';
  else if (tail !== -1) q['tailLines'] = String(tail);

  // The object (resource.Builder): the pods of the selector, else the one named.
  let pods: Pod[] = [];
  let other: { obj: Obj; type: Awaited<ReturnType<typeof k.discovery.resolve>> } | undefined;
  if (selector) {
    const r = await k.send('GET', `/api/v1/namespaces/${ns}/pods`, { labelSelector: selector });
    if (r.status >= 400) throw new CommandError(serverError(r.body));
    pods = (r.body as { items: Pod[] }).items;
    if (pods.length === 0) k.io.err(`No resources found in ${ns} namespace.\n`);
  } else {
    const t = target as string;
    const slash = t.indexOf('/');
    const type = await k.discovery.resolve(slash < 0 ? 'pods' : t.slice(0, slash));
    const name = slash < 0 ? t : t.slice(slash + 1);
    const r = await k.send('GET', resourcePath(type, ns, name));
    // resource.Builder's NotFound, with the namespace.
    if (r.status === 404) throw new CommandError(`error: error from server (NotFound): ${type.resource}${type.group ? `.${type.group}` : ''} "${name}" not found in namespace "${ns}"`);
    if (r.status >= 400) throw new CommandError(serverError(r.body));
    if (type.resource === 'pods' && type.group === '') pods = [r.body as Pod];
    else other = { obj: r.body as Obj, type };
  }
  // Validate.
  if (flags.str('since-time') && since !== 0) throw new CommandError('error: at most one of `sinceTime` or `since` may be specified');
  if (flags.bool('all-containers') && container) throw new CommandError(`error: --all-containers=true should not be specified with container name ${container}`);
  if (flags.has('container') && inlineContainer !== undefined) throw new CommandError('error: only one of -c or an inline [CONTAINER] arg is allowed');
  if (flags.int('limit-bytes', 0) < 0) throw new CommandError('error: --limit-bytes must be greater than 0');
  if (since < 0) throw new CommandError('error: --since must be greater than 0');
  if (tail < -1) throw new CommandError('error: --tail must be greater than or equal to -1');

  if (other) pods = [await firstPod(k, ns, other.obj, other.type)];
  const requests = pods.flatMap((p) => podRequests(k, p, container, flags.bool('all-containers')));
  const prefixOf = (r: LogRequest) => (flags.bool('prefix') ? `[pod/${r.pod}/${r.container}] ` : '');
  const queryOf = (r: LogRequest) => ({ ...q, container: r.container });
  const pathOf = (r: LogRequest) => `/api/v1/namespaces/${r.namespace}/pods/${r.pod}/log`;
  if (flags.bool('follow')) {
    const max = flags.int('max-log-requests', 5);
    if (requests.length > 1 && requests.length > max) throw new CommandError(`error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
    await follow(k, requests.map((r) => ({ path: pathOf(r), query: queryOf(r), prefix: prefixOf(r) })), flags.bool('ignore-errors'));
    return;
  }
  for (const r of requests) {
    const res = await k.send('GET', pathOf(r), queryOf(r), undefined, undefined, '*/*');
    if (res.status >= 400) {
      if (!flags.bool('ignore-errors')) throw new CommandError(serverError(res.body));
      k.io.out(`error: ${serverError(res.body).replace(/^Error from server \(\w+\): /, '')}\n`);
      continue;
    }
    const w = lineWriter(k, prefixOf(r));
    w.write(typeof res.body === 'string' ? res.body : JSON.stringify(res.body));
    w.end();
  }
}

/** Follows the logs (several at once, each line whole) until they all end or Ctrl-C. */
async function follow(k: Kubectl, streams: { path: string; query: Record<string, string>; prefix: string }[], ignoreErrors: boolean): Promise<void> {
  const stream = k.deps.stream;
  if (!stream) throw new CommandError('error: following logs is not supported by this terminal');
  const handles = streams.map((s) => {
    const w = lineWriter(k, s.prefix);
    const h = stream(s.path, s.query, '*/*', (chunk) => w.write(typeof chunk === 'string' ? chunk : JSON.stringify(chunk)));
    return { done: h.done.then((end) => (w.end(), end)), stop: () => h.stop() };
  });
  const stopAll = () => handles.forEach((h) => h.stop());
  k.signal?.addEventListener('abort', stopAll);
  if (k.signal?.aborted) stopAll();
  const ends = await Promise.all(handles.map((h) => h.done));
  for (const end of ends) {
    if (!end || end.status < 400) continue;
    if (!ignoreErrors) throw new CommandError(serverError(end.body));
    k.io.out(`error: ${serverError(end.body).replace(/^Error from server \(\w+\): /, '')}\n`);
  }
}
