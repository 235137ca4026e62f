/**
 * What `kubectl exec`, `attach`, `cp` and `run -it` share: the pod of `POD` or `TYPE/NAME`
 * (polymorphichelpers.AttachablePodForObjectFn: a workload's or a Service's most active pod),
 * the container to use (podcmd.FindOrDefaultContainerByName, with its "Defaulted container"
 * notice), running a stream over the front end's `exec` capability (stdin handed over, raw with
 * a terminal; resizes forwarded), and how kubectl reports the end of a session.
 */
import type { Pod } from '../../api/types';
import type { RemoteOutput, TransportResponse } from '../types';
import type { Kubectl } from './context';
import { resourcePath } from './discovery';
import { CommandError, serverError } from './errors';

type Obj = Record<string, unknown>;

/** A label selector object (matchLabels, matchExpressions) as the string form of LabelSelectorAsSelector. */
export function selectorString(sel: Obj | undefined): string {
  const parts: [string, string][] = [];
  for (const [k, v] of Object.entries((sel?.['matchLabels'] as Record<string, string> | undefined) ?? {})) parts.push([k, `${k}=${v}`]);
  for (const e of (sel?.['matchExpressions'] as Obj[] | undefined) ?? []) {
    const key = String(e['key']);
    const values = ((e['values'] as string[] | undefined) ?? []).slice().sort().join(',');
    const op = String(e['operator']);
    parts.push([key, op === 'In' ? `${key} in (${values})` : op === 'NotIn' ? `${key} notin (${values})` : op === 'Exists' ? key : `!${key}`]);
  }
  return parts
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((p) => p[1])
    .join(',');
}

function ready(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function restarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

/** podutils.ActivePods' order (less active first); kubectl takes the last of it, the most active pod. */
function lessActive(a: Pod, b: Pod): number {
  const an = a.spec.nodeName ?? '';
  const bn = b.spec.nodeName ?? '';
  if (an !== bn && (an === '' || bn === '')) return an === '' ? -1 : 1;
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const ra = rank[a.status?.phase ?? ''] ?? 0;
  const rb = rank[b.status?.phase ?? ''] ?? 0;
  if (ra !== rb) return ra - rb;
  if (ready(a) !== ready(b)) return ready(a) ? 1 : -1;
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const ca = a.metadata.creationTimestamp ?? '';
  const cb = b.metadata.creationTimestamp ?? '';
  if (ca !== cb) return ca > cb ? -1 : 1;
  return 0;
}

/** The pod `POD` or `TYPE/NAME` names (a workload's or Service's most active pod). */
export async function attachablePod(k: Kubectl, namespace: string, arg: string): Promise<Pod> {
  const slash = arg.indexOf('/');
  if (slash < 0) return k.ok<Pod>('GET', `/api/v1/namespaces/${namespace}/pods/${arg}`);
  const t = await k.discovery.resolve(arg.slice(0, slash));
  const obj = await k.ok<Obj & Pod>('GET', resourcePath(t, namespace, arg.slice(slash + 1)));
  if (t.resource === 'pods' && t.group === '') return obj;
  const spec = (obj['spec'] as Obj | undefined) ?? {};
  let selector: string;
  if (t.group === '' && t.resource === 'services') {
    const s = spec['selector'] as Record<string, string> | undefined;
    if (!s || Object.keys(s).length === 0) throw new CommandError(`error: invalid service '${obj.metadata.name ?? ''}': Service is defined without a selector`);
    selector = selectorString({ matchLabels: s });
  } else if (t.group === '' && t.resource === 'replicationcontrollers') selector = selectorString({ matchLabels: spec['selector'] as Record<string, string> });
  else if ((t.group === 'apps' && ['deployments', 'replicasets', 'statefulsets', 'daemonsets'].includes(t.resource)) || (t.group === 'batch' && t.resource === 'jobs')) selector = selectorString(spec['selector'] as Obj | undefined);
  else throw new CommandError(`error: cannot attach to *${t.group === '' ? 'v1' : `${t.version}`}.${t.kind}: selector for *${t.group === '' ? 'v1' : t.version}.${t.kind} not implemented`);
  const list = await k.ok<{ items: Pod[] }>('GET', `/api/v1/namespaces/${namespace}/pods`, { labelSelector: selector });
  const pods = [...list.items].sort(lessActive).reverse();
  const first = pods[0];
  if (!first) throw new CommandError('error: timed out waiting for the condition');
  return first;
}

/** Every container name of a pod as kubectl lists them: containers, ephemeral `(ephem)`, init `(init)`. */
export function allContainerNames(pod: Pod): string {
  const eph = (pod.spec['ephemeralContainers'] as { name: string }[] | undefined) ?? [];
  return [...pod.spec.containers.map((c) => c.name), ...eph.map((c) => `${c.name} (ephem)`), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

/** podcmd.FindOrDefaultContainerByName: the container named, else the default one (with its notice on stderr unless quiet). */
export function findOrDefaultContainer(k: Kubectl, pod: Pod, name: string, quiet: boolean, warn: (text: string) => void = (t) => k.io.err(t)): Obj & { name: string } {
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? []), ...((pod.spec['ephemeralContainers'] as { name: string }[] | undefined) ?? [])] as (Obj & { name: string })[];
  if (name) {
    const c = all.find((x) => x.name === name);
    if (!c) throw new CommandError(`error: container ${name} not found in pod ${pod.metadata.name ?? ''}`);
    return c;
  }
  if (pod.spec.containers.length === 0) throw new CommandError(`error: pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} does not have any containers`);
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const byAnnotation = annotated ? all.find((x) => x.name === annotated) : undefined;
  if (byAnnotation) return byAnnotation;
  const first = pod.spec.containers[0] as Obj & { name: string };
  const others = pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0 || ((pod.spec['ephemeralContainers'] as unknown[] | undefined) ?? []).length > 0;
  if (!quiet && others) warn(`Defaulted container ${JSON.stringify(first.name)} out of: ${allContainerNames(pod)}\n`);
  return first;
}

/** What a stream request asks for. */
export interface StreamRequest {
  /** `exec` or `attach`. */
  kind: 'exec' | 'attach';
  pod: Pod;
  container: string;
  command?: string[];
  stdin: boolean;
  tty: boolean;
  /** Whether stderr comes back apart (false with a terminal). */
  stderr: boolean;
  /** Where the output goes (default: the command's stdout and stderr). */
  output?: RemoteOutput;
  /** The stdin to send instead of the terminal's (kubectl cp), closed after it. */
  input?: string;
}

/** The query of a pods/exec or pods/attach request as kubectl encodes PodExecOptions (keys sorted, false flags left out). */
export function streamQuery(r: StreamRequest): [string, string][] {
  const q: [string, string][] = [];
  for (const c of r.command ?? []) q.push(['command', c]);
  q.push(['container', r.container]);
  if (r.stderr) q.push(['stderr', 'true']);
  if (r.stdin) q.push(['stdin', 'true']);
  q.push(['stdout', 'true']);
  if (r.tty) q.push(['tty', 'true']);
  return q;
}

function upgradeRequired(body: unknown): boolean {
  return (body as { message?: string } | undefined)?.message === 'Upgrade request required';
}

/**
 * Opens the stream and runs it to its end: output to `output`, stdin from the terminal (raw when
 * `tty`) or from `input`. A refused upgrade is kubectl's SPDY fallback: the same request as a POST
 * (authorized as `create`) says what kubectl then prints. Resolves with the error channel's Status.
 */
export async function runStream(k: Kubectl, r: StreamRequest): Promise<Obj | undefined> {
  const ex = k.deps.exec;
  if (!ex) throw new CommandError(`error: this terminal cannot open ${r.kind} streams`);
  const ns = r.pod.metadata.namespace ?? k.state.namespace;
  const path = `/api/v1/namespaces/${ns}/pods/${r.pod.metadata.name ?? ''}/${r.kind}`;
  const query = streamQuery(r);
  const output = r.output ?? { stdout: (t: string) => k.io.out(t), stderr: (t: string) => k.io.err(t) };
  const opened = await ex.open(path, query, output);
  if (!('done' in opened)) {
    const refused = opened as TransportResponse;
    if (refused.status === 403) {
      const post = await k.send('POST', path, Object.fromEntries(query));
      if (post.status >= 400 && !upgradeRequired(post.body)) throw new CommandError(serverError(post.body));
    }
    throw new CommandError(serverError(refused.body));
  }
  const s = opened;
  let release = () => undefined as void;
  let interrupted = false;
  const abort = () => {
    interrupted = true;
    s.close();
  };
  if (r.input !== undefined) {
    s.write(r.input);
    s.closeStdin();
  } else if (r.stdin) {
    release = ex.takeStdin(r.tty, { data: (t) => s.write(t), end: () => s.closeStdin(), resize: (c, rows) => s.resize(c, rows), interrupt: abort });
  }
  const size = r.tty ? ex.size() : undefined;
  // kubectl attach sends the size plus one first, so that a program started earlier redraws.
  if (size && r.kind === 'attach') s.resize(size.cols + 1, size.rows + 1);
  if (size) s.resize(size.cols, size.rows);
  k.signal?.addEventListener('abort', abort);
  if (k.signal?.aborted) abort();
  try {
    const status = await s.done;
    // Ctrl-C ends kubectl (130) without a word.
    return status === undefined && interrupted ? INTERRUPTED : status;
  } finally {
    release();
  }
}

/** What `runStream` answers when Ctrl-C ended the session (kubectl dies of the signal). */
export const INTERRUPTED: Obj = { status: 'Interrupted' };

/** Reports how a session ended as kubectl does: nothing for Success, `command terminated with exit code N`, or the error; 130 after Ctrl-C. */
export function reportEnd(k: Kubectl, status: Obj | undefined): void {
  if (status === INTERRUPTED) {
    k.exit = 130;
    return;
  }
  if (status === undefined) throw new CommandError('error: websocket: close 1006 (abnormal closure): unexpected EOF');
  if (status['status'] === 'Success') return;
  const causes = ((status['details'] as Obj | undefined)?.['causes'] as Obj[] | undefined) ?? [];
  const exit = causes.find((c) => c['reason'] === 'ExitCode');
  if (status['reason'] === 'NonZeroExitCode' && exit) {
    const code = Number(exit['message']);
    throw new CommandError(`command terminated with exit code ${code}`, code);
  }
  throw new CommandError(`error: ${String(status['message'] ?? '')}`);
}
