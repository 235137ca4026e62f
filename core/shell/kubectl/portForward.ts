/**
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...` — simulated. kubectl 1.32's checks and
 * words run for real: the pod a Service, Deployment, ReplicaSet, StatefulSet, Job or DaemonSet
 * selects (the most available one, as kubectl picks it), named ports looked up in the pod or the
 * Service, a Service port translated to its target port, `unable to forward port because pod is
 * not running`. Then it prints kubectl's `Forwarding from 127.0.0.1:8080 -> 80` lines and one
 * line (on stderr, so stdout stays kubectl's) saying that in this lab nothing listens on the
 * student's machine and which pod and container port the traffic would reach; Ctrl-C ends it.
 * Nothing is opened: the lab's pods are simulated and the shell has no sockets.
 */
import { parseGoDuration } from '../../api/duration';
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { resourcePath } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags, usageHint } from './flags';

interface ContainerPort {
  name?: string;
  containerPort?: number;
  protocol?: string;
}
interface PodLike extends KubeObject {
  spec?: { containers?: { name?: string; ports?: ContainerPort[] }[]; nodeName?: string };
  status?: { phase?: string; conditions?: { type?: string; status?: string; lastTransitionTime?: string }[]; containerStatuses?: { restartCount?: number }[] };
}
interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: number | string;
  protocol?: string;
}
interface ServiceLike extends KubeObject {
  spec?: { selector?: Record<string, string>; ports?: ServicePort[]; clusterIP?: string };
}

/** The Go type kubectl names in "cannot attach to *v1.ConfigMap" (a custom resource is unstructured). */
function goTypeName(t: { kind: string; group: string; version: string }): string {
  const builtin = !t.group.includes('.') || t.group.endsWith('.k8s.io');
  return builtin ? `*${t.version}.${t.kind}` : '*unstructured.Unstructured';
}

function podByName(pod: PodLike, name: string): number {
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name && p.containerPort) return p.containerPort;
  throw new CommandError(`error: Pod '${pod.metadata.name ?? ''}' does not have a named port '${name}'`);
}

function splitPort(p: string): [string, string] {
  const parts = p.split(':');
  return parts.length === 2 ? [parts[0] as string, parts[1] as string] : [parts[0] as string, parts[0] as string];
}

const isInt = (s: string) => /^-?\d+$/.test(s);

/** translateServicePortToTargetPort. */
function servicePorts(ports: string[], svc: ServiceLike, pod: PodLike): string[] {
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    let portnum: number;
    if (isInt(remote)) portnum = Number(remote);
    else {
      const sp = (svc.spec?.ports ?? []).find((x) => x.name === remote);
      if (!sp?.port) throw new CommandError(`error: Service '${svc.metadata.name ?? ''}' does not have a named port '${remote}'`);
      portnum = sp.port;
      if (local === remote) local = String(portnum);
    }
    const sp = (svc.spec?.ports ?? []).find((x) => x.port === portnum);
    if (!sp) throw new CommandError(`error: Service ${svc.metadata.name ?? ''} does not have a service port ${portnum}`);
    let target: number;
    if (svc.spec?.clusterIP === 'None') target = portnum;
    else if (typeof sp.targetPort === 'string' && !isInt(sp.targetPort)) target = podByName(pod, sp.targetPort);
    else target = Number(sp.targetPort ?? 0) || portnum;
    remote = String(target);
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** convertPodNamedPortToNumber. */
function podPorts(ports: string[], pod: PodLike): string[] {
  return ports.map((port) => {
    const [local, remote] = splitPort(port);
    if (remote === '') throw new CommandError('error: remote port cannot be empty');
    const number = isInt(remote) ? remote : String(podByName(pod, remote));
    return local !== remote ? `${local}:${number}` : number;
  });
}

/** Reversed podutils.ActivePods: scheduled, running, ready longest, fewest restarts, oldest first. */
function mostAvailable(pods: PodLike[]): PodLike | undefined {
  const phase = (p: PodLike) => ({ Pending: 0, Unknown: 1, Running: 2 })[p.status?.phase ?? ''] ?? 0;
  const ready = (p: PodLike) => p.status?.conditions?.find((c) => c.type === 'Ready');
  const restarts = (p: PodLike) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const time = (t?: string) => Date.parse(t ?? '') || 0;
  const score = (a: PodLike, b: PodLike): number => {
    if (Boolean(a.spec?.nodeName) !== Boolean(b.spec?.nodeName)) return a.spec?.nodeName ? -1 : 1;
    if (phase(a) !== phase(b)) return phase(b) - phase(a);
    const ra = ready(a)?.status === 'True';
    const rb = ready(b)?.status === 'True';
    if (ra !== rb) return ra ? -1 : 1;
    if (ra && rb && time(ready(a)?.lastTransitionTime) !== time(ready(b)?.lastTransitionTime)) return time(ready(a)?.lastTransitionTime) - time(ready(b)?.lastTransitionTime);
    if (restarts(a) !== restarts(b)) return restarts(a) - restarts(b);
    return time(a.metadata.creationTimestamp) - time(b.metadata.creationTimestamp);
  };
  return [...pods].sort(score)[0];
}

/** `kubectl port-forward`. */
export async function portForward(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl port-forward', args, {
      address: { kind: 'strings' },
      'pod-running-timeout': { kind: 'string' },
    }),
  );
  if (flags.has('pod-running-timeout') && parseGoDuration(flags.str('pod-running-timeout')) === undefined) {
    const raw = flags.str('pod-running-timeout');
    throw new CommandError(`Error: invalid argument "${raw}" for "--pod-running-timeout" flag: time: invalid duration "${raw}"\n${usageHint('kubectl port-forward')}`);
  }
  if (flags.positional.length < 2) throw new CommandError("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples");
  const [target, ...portArgs] = flags.positional as [string, ...string[]];
  const ns = k.namespace(flags);
  const slash = target.indexOf('/');
  const type = await k.discovery.resolve(slash < 0 ? 'pods' : target.slice(0, slash), (w) => k.io.err(w));
  const name = slash < 0 ? target : target.slice(slash + 1);
  const got = await k.send('GET', resourcePath(type, ns, name));
  if (got.status >= 400) throw new CommandError(serverError(got.body));
  const obj = got.body as KubeObject;
  let pod: PodLike;
  if (type.group === '' && type.resource === 'pods') pod = obj as PodLike;
  else {
    let selector: string;
    if (type.group === '' && type.resource === 'services') {
      const sel = (obj as ServiceLike).spec?.selector ?? {};
      if (Object.keys(sel).length === 0) throw new CommandError(`error: invalid service '${name}': Service is defined without a selector`);
      selector = Object.entries(sel).map(([a, b]) => `${a}=${b}`).join(',');
    } else if ((type.group === 'apps' && ['deployments', 'replicasets', 'statefulsets', 'daemonsets'].includes(type.resource)) || (type.group === 'batch' && type.resource === 'jobs') || (type.group === '' && type.resource === 'replicationcontrollers')) {
      const spec = (obj as { spec?: { selector?: { matchLabels?: Record<string, string> } | Record<string, string> } }).spec;
      const sel = type.resource === 'replicationcontrollers' ? (spec?.selector as Record<string, string> | undefined) : (spec?.selector as { matchLabels?: Record<string, string> } | undefined)?.matchLabels;
      selector = Object.entries(sel ?? {}).map(([a, b]) => `${a}=${b}`).join(',');
    } else {
      const t = goTypeName(type);
      throw new CommandError(`error: cannot attach to ${t}: selector for ${t} not implemented`);
    }
    const list = await k.send('GET', `/api/v1/namespaces/${ns}/pods`, { labelSelector: selector });
    if (list.status >= 400) throw new CommandError(serverError(list.body));
    const first = mostAvailable((list.body as { items?: PodLike[] }).items ?? []);
    // kubectl would wait --pod-running-timeout for a pod to appear; the lab says so at once.
    if (!first) throw new CommandError('error: timed out waiting for the condition');
    pod = first;
  }
  const ports = type.group === '' && type.resource === 'services' ? servicePorts(portArgs, obj as ServiceLike, pod) : podPorts(portArgs, pod);
  const parsed = ports.map((p) => {
    const parts = p.split(':');
    if (parts.length > 2) throw new CommandError(`error: invalid port format '${p}'`);
    const [localText, remoteText] = parts.length === 2 ? (parts as [string, string]) : [parts[0] as string, parts[0] as string];
    const parse = (text: string, which: string) => {
      const n = Number(text);
      if (!/^\d+$/.test(text)) throw new CommandError(`error: error parsing ${which} port '${text}': strconv.ParseUint: parsing "${text}": invalid syntax`);
      if (n > 65535) throw new CommandError(`error: error parsing ${which} port '${text}': strconv.ParseUint: parsing "${text}": value out of range`);
      return n;
    };
    const local = localText === '' ? 0 : parse(localText, 'local');
    const remote = parse(remoteText, 'remote');
    if (remote === 0) throw new CommandError(`error: remote port must be > 0`);
    return { local, remote };
  });
  const current = await k.send('GET', `/api/v1/namespaces/${ns}/pods/${pod.metadata.name ?? ''}`);
  if (current.status >= 400) throw new CommandError(serverError(current.body));
  const phase = (current.body as PodLike).status?.phase ?? '';
  if (phase !== 'Running') throw new CommandError(`error: unable to forward port because pod is not running. Current status=${phase}`);
  const addresses = (flags.list('address').length > 0 ? flags.list('address') : ['localhost']).flatMap((a) => a.split(','));
  let out = '';
  let note = '';
  for (const [i, p] of parsed.entries()) {
    // The OS would pick a free port for `:REMOTE`; a stable stand-in from the pod and the port.
    const local = p.local || 32768 + ((pod.metadata.name ?? '').length * 7919 + p.remote * 31 + i) % 28231;
    for (const a of addresses) {
      const hosts = a === 'localhost' ? ['127.0.0.1', '[::1]'] : [a.includes(':') ? `[${a}]` : a];
      for (const h of hosts) out += `Forwarding from ${h}:${local} -> ${p.remote}\n`;
    }
    const container = (pod.spec?.containers ?? []).find((c) => (c.ports ?? []).some((x) => x.containerPort === p.remote)) ?? pod.spec?.containers?.[0];
    note += `KubeLab: this lab is simulated, so nothing listens on port ${local} of your machine; the traffic would reach pod ${ns}/${pod.metadata.name ?? ''}, container "${container?.name ?? ''}", port ${p.remote}. Ctrl-C ends the forwarding.\n`;
  }
  k.io.out(out);
  k.io.err(note);
  const signal = k.signal;
  if (!signal || signal.aborted) return;
  await new Promise<void>((done) => signal.addEventListener('abort', () => done()));
}
