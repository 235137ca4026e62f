/**
 * `crictl` (cri-tools 1.31) over a node's container runtime: `ps [-a] [-q]`, `pods`, `images`,
 * `logs [-f] [--tail N] [-t] ID`, `inspect ID`, `inspectp ID`, `version`. Tables are printed
 * as crictl's tabwriter does (cells at least 20 wide, 3 spaces of padding, the last column
 * unpadded); IDs are truncated to 13 characters unless `--no-trunc`; partial IDs resolve as
 * containerd resolves them (a unique prefix).
 */
import { lineTimestamp, type ContainerLog } from '../kubelet/runtime/logs';
import type { CommandOutput } from './journal';
import { humanDuration, humanSize } from './time';

/** A container as the CRI lists it. */
export interface CriContainer {
  id: string;
  podSandboxId: string;
  name: string;
  attempt: number;
  /** The image as the pod spec names it. */
  image: string;
  /** The image id (`sha256:...`). */
  imageId: string;
  /** The repo digest (`docker.io/library/nginx@sha256:...`). */
  imageRef: string;
  state: 'Created' | 'Running' | 'Exited';
  createdAt: number;
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  podName: string;
  podNamespace: string;
  podUid: string;
  /** The host pid of its first process (0 when it does not run). */
  pid: number;
  log: ContainerLog;
  mounts: { containerPath: string; hostPath: string; readonly: boolean }[];
  env: Record<string, string>;
  argv: string[];
}

/** A pod sandbox as the CRI lists it. */
export interface CriSandbox {
  id: string;
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  state: 'Ready' | 'NotReady';
  createdAt: number;
  ip: string;
  hostNetwork: boolean;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  pid: number;
}

/** An image in the runtime's store. */
export interface CriImage {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  size: number;
}

/** What crictl reads from the runtime. */
export interface CriView {
  now: number;
  containers(): CriContainer[];
  sandboxes(): CriSandbox[];
  images(): CriImage[];
}

/** Lays rows out as crictl's tabwriter(minwidth 20, padding 3) does. */
export function crictlTable(rows: string[][]): string {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let i = 0; i < cols - 1; i++) widths.push(Math.max(20, ...rows.map((r) => (r[i] ?? '').length + 3)));
  return rows.map((r) => `${r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] as number) : c)).join('')}\n`).join('');
}

const short = (id: string, noTrunc: boolean) => (noTrunc ? id : id.slice(0, 13));
const ago = (now: number, t: number) => `${humanDuration(now - t)} ago`;

function fatal(message: string): CommandOutput {
  return { stdout: '', stderr: `FATA[0000] ${message}\n`, exitCode: 1 };
}

interface Flags {
  bools: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

function flags(args: string[], boolNames: string[], valueNames: string[]): Flags | string {
  const f: Flags = { bools: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-') || a === '-') {
      f.operands.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.replace(/^--?/, '').slice(0, eq < 0 ? undefined : eq - (a.startsWith('--') ? 2 : 1));
    if (boolNames.includes(name)) f.bools.add(name);
    else if (valueNames.includes(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) return `flag needs an argument: ${a}`;
      f.values.set(name, v);
    } else return `flag provided but not defined: ${a.replace(/=.*$/, '')}`;
  }
  return f;
}

function resolve<T extends { id: string }>(items: T[], id: string): T | undefined {
  const exact = items.find((i) => i.id === id);
  if (exact) return exact;
  const matches = items.filter((i) => i.id.startsWith(id));
  return id.length > 0 && matches.length === 1 ? matches[0] : undefined;
}

function matches(re: string | undefined, value: string): boolean {
  if (re === undefined || re === '') return true;
  try {
    return new RegExp(re).test(value);
  } catch {
    return false;
  }
}

function ps(view: CriView, f: Flags): CommandOutput {
  const all = f.bools.has('a') || f.bools.has('all');
  const state = f.values.get('state')?.toLowerCase();
  if (state !== undefined && !['created', 'running', 'exited', 'unknown'].includes(state)) return fatal('--state should be one of created, running, exited or unknown');
  const pod = f.values.get('pod') ?? f.values.get('p');
  let list = view.containers().filter((c) => (state ? c.state.toLowerCase() === state : all || c.state === 'Running'));
  if (pod !== undefined) {
    const sb = resolve(view.sandboxes(), pod);
    list = list.filter((c) => c.podSandboxId === (sb?.id ?? pod));
  }
  list = list.filter((c) => matches(f.values.get('name'), c.name) && matches(f.values.get('namespace') ?? f.values.get('n'), c.podNamespace));
  list.sort((a, b) => b.createdAt - a.createdAt);
  if (f.bools.has('q') || f.bools.has('quiet')) return { stdout: list.map((c) => `${c.id}\n`).join(''), stderr: '', exitCode: 0 };
  const noTrunc = f.bools.has('no-trunc');
  const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE'], ...list.map((c) => [short(c.id, noTrunc), noTrunc ? c.imageId : c.imageId.replace(/^sha256:/, '').slice(0, 13), ago(view.now, c.createdAt), c.state, c.name, String(c.attempt), short(c.podSandboxId, noTrunc), c.podName, c.podNamespace])];
  return { stdout: crictlTable(rows), stderr: '', exitCode: 0 };
}

function pods(view: CriView, f: Flags): CommandOutput {
  const state = f.values.get('state')?.toLowerCase();
  if (state !== undefined && state !== 'ready' && state !== 'notready') return fatal('--state should be ready or notready');
  const list = view
    .sandboxes()
    .filter((s) => (state ? s.state.toLowerCase() === state : true))
    .filter((s) => matches(f.values.get('name'), s.name) && matches(f.values.get('namespace') ?? f.values.get('n'), s.namespace))
    .sort((a, b) => b.createdAt - a.createdAt);
  if (f.bools.has('q') || f.bools.has('quiet')) return { stdout: list.map((s) => `${s.id}\n`).join(''), stderr: '', exitCode: 0 };
  const noTrunc = f.bools.has('no-trunc');
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME'], ...list.map((s) => [short(s.id, noTrunc), ago(view.now, s.createdAt), s.state, s.name, s.namespace, String(s.attempt), '(default)'])];
  return { stdout: crictlTable(rows), stderr: '', exitCode: 0 };
}

function images(view: CriView, f: Flags): CommandOutput {
  const noTrunc = f.bools.has('no-trunc');
  const digests = f.bools.has('digests');
  const rows: string[][] = [];
  const list = [...view.images()].sort((a, b) => (a.repoTags[0] ?? '').localeCompare(b.repoTags[0] ?? ''));
  if (f.bools.has('q') || f.bools.has('quiet')) return { stdout: list.map((i) => `${i.id}\n`).join(''), stderr: '', exitCode: 0 };
  for (const img of list) {
    const id = noTrunc ? img.id : img.id.replace(/^sha256:/, '').slice(0, 13);
    const digest = (img.repoDigests[0] ?? '').split('@')[1]?.replace(/^sha256:/, '').slice(0, 13) ?? '<none>';
    for (const tag of img.repoTags.length > 0 ? img.repoTags : ['<none>:<none>']) {
      const at = tag.lastIndexOf(':');
      const row = [tag.slice(0, at), tag.slice(at + 1)];
      if (digests) row.push(digest);
      rows.push([...row, id, humanSize(img.size)]);
    }
  }
  const header = digests ? ['IMAGE', 'TAG', 'DIGEST', 'IMAGE ID', 'SIZE'] : ['IMAGE', 'TAG', 'IMAGE ID', 'SIZE'];
  return { stdout: crictlTable([header, ...rows]), stderr: '', exitCode: 0 };
}

function logs(view: CriView, f: Flags, cursor: number | undefined): CommandOutput {
  const id = f.operands[0];
  if (id === undefined) return fatal('ID cannot be empty');
  const c = resolve(view.containers(), id);
  if (!c) return fatal(`rpc error: code = NotFound desc = an error occurred when try to find container "${id}": not found`);
  const ts = f.bools.has('t') || f.bools.has('timestamps');
  const line = (l: { time: number; nanos: string; text: string }) => `${ts ? `${lineTimestamp({ ...l, stream: 'stdout' })} ` : ''}${l.text}\n`;
  const all = c.log.lines;
  let out = '';
  let err = '';
  const emit = (l: (typeof all)[number]) => {
    if (l.stream === 'stderr') err += line(l);
    else out += line(l);
  };
  if (cursor !== undefined) {
    for (const l of all.slice(cursor)) emit(l);
  } else {
    const tail = f.values.get('tail');
    const n = tail === undefined || tail === '-1' ? undefined : Number.parseInt(tail, 10);
    for (const l of n === undefined ? all : n <= 0 ? [] : all.slice(-n)) emit(l);
  }
  const follow = (f.bools.has('f') || f.bools.has('follow')) && c.state === 'Running';
  return { stdout: out, stderr: err, exitCode: 0, ...(follow ? { cursor: all.length } : {}) };
}

const iso = (t: number | undefined) => (t ? new Date(t).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z') : '0001-01-01T00:00:00Z');
const CRI_STATE = { Created: 'CONTAINER_CREATED', Running: 'CONTAINER_RUNNING', Exited: 'CONTAINER_EXITED' };

/** `crictl inspect`'s document of a container (status, and the runtime's info). */
export function inspectContainer(c: CriContainer): unknown {
  return {
    info: {
      config: { args: c.argv, envs: Object.entries(c.env).map(([key, value]) => ({ key, value })), image: { image: c.imageId }, metadata: { attempt: c.attempt, name: c.name } },
      pid: c.pid,
      runtimeSpec: { ociVersion: '1.1.0', process: { args: c.argv, cwd: '/' } },
      sandboxID: c.podSandboxId,
      snapshotKey: c.id,
      snapshotter: 'overlayfs',
    },
    status: {
      annotations: { 'io.kubernetes.container.hash': c.id.slice(0, 8), 'io.kubernetes.container.restartCount': String(c.attempt), 'io.kubernetes.container.terminationMessagePath': '/dev/termination-log', 'io.kubernetes.container.terminationMessagePolicy': 'File', 'io.kubernetes.pod.terminationGracePeriod': '30' },
      createdAt: iso(c.createdAt),
      exitCode: c.exitCode ?? 0,
      finishedAt: iso(c.finishedAt),
      id: c.id,
      image: { annotations: {}, image: c.image, runtimeHandler: '', userSpecifiedImage: '' },
      imageId: '',
      imageRef: c.imageRef,
      labels: { 'io.kubernetes.container.name': c.name, 'io.kubernetes.pod.name': c.podName, 'io.kubernetes.pod.namespace': c.podNamespace, 'io.kubernetes.pod.uid': c.podUid },
      logPath: `/var/log/pods/${c.podNamespace}_${c.podName}_${c.podUid}/${c.name}/${c.attempt}.log`,
      message: c.message ?? '',
      metadata: { attempt: c.attempt, name: c.name },
      mounts: c.mounts.map((m) => ({ containerPath: m.containerPath, gidMappings: [], hostPath: m.hostPath, propagation: 'PROPAGATION_PRIVATE', readonly: m.readonly, recursiveReadOnly: false, selinuxRelabel: false, uidMappings: [] })),
      reason: c.reason ?? '',
      resources: null,
      startedAt: iso(c.startedAt),
      state: CRI_STATE[c.state],
      user: { linux: { gid: '0', supplementalGroups: ['0'], uid: '0' } },
    },
  };
}

/** `crictl inspectp`'s document of a pod sandbox. */
export function inspectSandbox(s: CriSandbox): unknown {
  return {
    info: { config: { hostname: s.hostNetwork ? '' : s.name, metadata: { attempt: s.attempt, name: s.name, namespace: s.namespace, uid: s.uid } }, pid: s.pid, processStatus: s.state === 'Ready' ? 'running' : 'deleted', sandboxMetadata: { ID: s.id, IP: s.ip, NetNSPath: s.hostNetwork ? '' : `/var/run/netns/cni-${s.uid.slice(0, 8)}` } },
    status: {
      annotations: s.annotations,
      createdAt: iso(s.createdAt),
      id: s.id,
      labels: s.labels,
      linux: { namespaces: { options: { ipc: s.hostNetwork ? 'NODE' : 'POD', network: s.hostNetwork ? 'NODE' : 'POD', pid: 'CONTAINER', targetId: '', usernsOptions: null } } },
      metadata: { attempt: s.attempt, name: s.name, namespace: s.namespace, uid: s.uid },
      network: { additionalIps: [], ip: s.hostNetwork ? '' : s.ip },
      runtimeHandler: '',
      state: s.state === 'Ready' ? 'SANDBOX_READY' : 'SANDBOX_NOTREADY',
    },
  };
}

const USAGE = `NAME:
   crictl - client for CRI

USAGE:
   crictl [global options] command [command options]

COMMANDS (in this lab):
   images, image, img  List images
   inspect             Display the status of one or more containers
   inspectp            Display the status of one or more pods
   logs                Fetch the logs of a container
   pods                List pods
   ps                  List containers
   version             Display runtime version information
`;

/** `crictl COMMAND ...`; with `cursor`, `logs -f` continues from there. */
export function crictl(view: CriView, args: string[], cursor?: number): CommandOutput {
  const globals = new Set(['--no-pager', '-D', '--debug']);
  const rest = args.filter((a) => !globals.has(a));
  // `-r`/`--runtime-endpoint` name the socket: the node has one.
  for (let i = 0; i < rest.length; i++) if (['-r', '--runtime-endpoint', '-i', '--image-endpoint'].includes(rest[i] as string)) rest.splice(i--, 2);
  const [cmd, ...cmdArgs] = rest;
  const bools = { ps: ['a', 'all', 'q', 'quiet', 'no-trunc', 'v', 'verbose', 'l', 'latest'], pods: ['q', 'quiet', 'no-trunc', 'v', 'verbose'], images: ['q', 'quiet', 'no-trunc', 'digests', 'v', 'verbose'], logs: ['f', 'follow', 't', 'timestamps', 'p', 'previous'], inspect: ['o'], inspectp: [] } as Record<string, string[]>;
  const values = { ps: ['state', 'name', 'pod', 'p', 'namespace', 'n', 'o', 'output', 'label', 'image'], pods: ['state', 'name', 'namespace', 'n', 'o', 'output', 'label'], images: ['o', 'output'], logs: ['tail', 'since', 'limit-bytes'], inspect: ['output'], inspectp: ['o', 'output'] } as Record<string, string[]>;
  if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h') return { stdout: USAGE, stderr: '', exitCode: 0 };
  if (cmd === 'version' || cmd === '--version' || cmd === '-v') {
    if (cmd !== 'version') return { stdout: 'crictl version v1.31.1\n', stderr: '', exitCode: 0 };
    return { stdout: 'Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  1.7.24\nRuntimeApiVersion:  v1\n', stderr: '', exitCode: 0 };
  }
  const name = cmd === 'image' || cmd === 'img' ? 'images' : cmd;
  if (!(name in bools)) return fatal(`Command "${cmd}" not found in this lab: use ps, pods, images, logs, inspect, inspectp or version`);
  const f = flags(cmdArgs, bools[name] ?? [], values[name] ?? []);
  if (typeof f === 'string') return { stdout: '', stderr: `Incorrect Usage: ${f}\n\nFATA[0000] ${f}\n`, exitCode: 1 };
  switch (name) {
    case 'ps':
      return ps(view, f);
    case 'pods':
      return pods(view, f);
    case 'images':
      return images(view, f);
    case 'logs':
      return logs(view, f, cursor);
    case 'inspect': {
      if (f.operands.length === 0) return fatal('ID cannot be empty');
      const docs: unknown[] = [];
      for (const id of f.operands) {
        const c = resolve(view.containers(), id);
        if (!c) return fatal(`getting the status of the container "${id}": rpc error: code = NotFound desc = an error occurred when try to find container "${id}": not found`);
        docs.push(inspectContainer(c));
      }
      return { stdout: docs.map((d) => `${JSON.stringify(d, null, 2)}\n`).join(''), stderr: '', exitCode: 0 };
    }
    default: {
      if (f.operands.length === 0) return fatal('ID cannot be empty');
      const docs: unknown[] = [];
      for (const id of f.operands) {
        const s = resolve(view.sandboxes(), id);
        if (!s) return fatal(`getting the pod sandbox status for "${id}": rpc error: code = NotFound desc = an error occurred when try to find sandbox "${id}": not found`);
        docs.push(inspectSandbox(s));
      }
      return { stdout: docs.map((d) => `${JSON.stringify(d, null, 2)}\n`).join(''), stderr: '', exitCode: 0 };
    }
  }
}
