/**
 * `kubectl top node|pod` over `metrics.k8s.io/v1beta1` (core/apiserver/metrics), as kubectl
 * 1.32's top command and metricsutil printer do: CPU in millicores (rounded up), memory in Mi
 * (rounded down), a node's share of its allocatable (`--show-capacity`: capacity), sorting by
 * name, `--sort-by cpu|memory` (largest first), `--containers`, `-A`, `--sum`, and every cell
 * tab-terminated (so lines end in padding, as kubectl's tabwriter leaves them). "Metrics API
 * not available" when the group is not served; "metrics not available yet" when it has no
 * numbers; a pod older than two minutes without metrics is named.
 */
import type { KubeObject } from '../../api/types';
import { parseQuantity } from '../../apiserver/resources/quantity';
import { layoutColumns } from '../printers/table';
import type { Kubectl } from './context';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags } from './flags';

const METRICS = '/apis/metrics.k8s.io/v1beta1';
type ResourceList = Record<string, string>;

interface ContainerMetrics {
  name: string;
  usage: ResourceList;
}
interface PodMetrics {
  metadata: { name: string; namespace?: string };
  containers: ContainerMetrics[];
}
interface NodeMetrics {
  metadata: { name: string };
  usage: ResourceList;
}

/** A quantity in nano-units (exact), 0 when absent or unparsable. */
function nanos(q: string | undefined): bigint {
  const p = parseQuantity(q ?? '0');
  if (!p) return 0n;
  return p.exp >= -9 ? p.mantissa * 10n ** BigInt(p.exp + 9) : p.mantissa / 10n ** BigInt(-9 - p.exp);
}

const ceilDiv = (n: bigint, d: bigint) => (n > 0n ? (n + d - 1n) / d : n / d);
/** resource.Quantity.MilliValue(): rounded up. */
const milli = (n: bigint) => ceilDiv(n, 1_000_000n);
/** resource.Quantity.Value(): rounded up. */
const value = (n: bigint) => ceilDiv(n, 1_000_000_000n);

/** The usage cells of one line: `123m`, `45Mi`, with `7%` after each when the available amount is known. */
function usageCells(cpu: bigint, memory: bigint, available?: ResourceList): string[] {
  const cells: string[] = [];
  for (const [res, used] of [['cpu', cpu], ['memory', memory]] as const) {
    cells.push(res === 'cpu' ? `${milli(used)}m` : `${value(used) / (1024n * 1024n)}Mi`);
    if (available && available[res] !== undefined) {
      const avail = milli(nanos(available[res]));
      cells.push(`${Math.trunc((Number(milli(used)) / Number(avail)) * 100)}%`);
    }
  }
  return cells;
}

/** Rows whose every cell is tab-terminated, as kubectl's top printer writes them. */
function print(k: Kubectl, rows: string[][]): void {
  if (rows.length > 0) k.io.out(layoutColumns(rows.map((r) => [...r, ''])));
}

async function metricsAvailable(k: Kubectl): Promise<boolean> {
  return (await k.discovery.versions()).includes('metrics.k8s.io/v1beta1');
}

async function getOk<T>(k: Kubectl, path: string, query: Record<string, string> = {}): Promise<T> {
  const r = await k.send('GET', path, query);
  if (r.status >= 400) throw new CommandError(serverError(r.body));
  return r.body as T;
}

function sortFlag(flags: Flags): string {
  const s = flags.str('sort-by');
  if (s && s !== 'cpu' && s !== 'memory') throw new CommandError('error: --sort-by accepts only cpu or memory');
  return s;
}

/** A stable sort by usage, largest first (Go's sort.Sort is stable on lists this short). */
function byUsage<T>(items: T[], sortBy: string, cpu: (t: T) => bigint, memory: (t: T) => bigint, name: (t: T) => string): T[] {
  const key = (t: T) => (sortBy === 'cpu' ? milli(cpu(t)) : value(memory(t)));
  return [...items].sort((a, b) => (sortBy ? Number(key(b) - key(a)) : name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

async function topNode(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl top node', args, {
      selector: { kind: 'string', short: 'l' },
      'sort-by': { kind: 'string' },
      'no-headers': { kind: 'bool' },
      'use-protocol-buffers': { kind: 'bool' },
      'show-capacity': { kind: 'bool' },
    }),
  );
  if (flags.positional.length > 1) throw new CommandError("error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples");
  const name = flags.positional[0] ?? '';
  const sortBy = sortFlag(flags);
  const selector = flags.str('selector');
  if (name && selector) throw new CommandError('error: only one of NAME or --selector can be provided');
  if (!(await metricsAvailable(k))) throw new CommandError('error: Metrics API not available');
  const query: Record<string, string> = selector ? { labelSelector: selector } : {};
  const metrics = name ? [await getOk<NodeMetrics>(k, `${METRICS}/nodes/${name}`)] : ((await getOk<{ items?: NodeMetrics[] }>(k, `${METRICS}/nodes`, query)).items ?? []);
  if (metrics.length === 0) throw new CommandError('error: metrics not available yet');
  const nodes = name ? [await getOk<KubeObject>(k, `/api/v1/nodes/${name}`)] : ((await getOk<{ items?: KubeObject[] }>(k, '/api/v1/nodes', query)).items ?? []);
  const available = new Map<string, ResourceList>();
  for (const n of nodes) {
    const status = (n as { status?: { allocatable?: ResourceList; capacity?: ResourceList } }).status ?? {};
    available.set(n.metadata.name ?? '', (flags.bool('show-capacity') ? status.capacity : status.allocatable) ?? {});
  }
  const rows: string[][] = flags.bool('no-headers') ? [] : [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']];
  const sorted = byUsage(metrics, sortBy, (m) => nanos(m.usage.cpu), (m) => nanos(m.usage.memory), (m) => m.metadata.name);
  for (const m of sorted) {
    rows.push([m.metadata.name, ...usageCells(nanos(m.usage.cpu), nanos(m.usage.memory), available.get(m.metadata.name))]);
    available.delete(m.metadata.name);
  }
  // Nodes the metrics do not cover (kubectl walks a map here: in no particular order).
  for (const n of available.keys()) rows.push([n, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  print(k, rows);
}

function podUsage(m: PodMetrics): { cpu: bigint; memory: bigint } {
  let cpu = 0n;
  let memory = 0n;
  for (const c of m.containers ?? []) {
    cpu += nanos(c.usage?.cpu);
    memory += nanos(c.usage?.memory);
  }
  return { cpu, memory };
}

/** Go's time.Duration.String() of milliseconds (`5m3.25s`). */
function goDurationString(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
}

/** verifyEmptyMetrics: why a pod has no metrics (too young: "not available yet"; older than 2 minutes: named). */
async function explainEmpty(k: Kubectl, ns: string, name: string, query: Record<string, string>): Promise<void> {
  const pods = name ? [await getOk<KubeObject>(k, `/api/v1/namespaces/${ns}/pods/${name}`)] : ((await getOk<{ items?: KubeObject[] }>(k, `/api/v1/namespaces/${ns}/pods`, query)).items ?? []);
  if (!name && pods.length === 0) return;
  // The age is the client's wall time since creation: deps.now when the front end gives it.
  const now = k.deps.now?.();
  for (const p of pods) {
    const created = Date.parse(p.metadata.creationTimestamp ?? '');
    if (now !== undefined && now - created > 120_000) throw new CommandError(`error: Metrics not available for pod ${p.metadata.namespace ?? ns}/${p.metadata.name}, age: ${goDurationString(now - created)}`);
  }
  throw new CommandError('error: metrics not available yet');
}

async function topPod(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl top pod', args, {
      selector: { kind: 'string', short: 'l' },
      'field-selector': { kind: 'string' },
      'sort-by': { kind: 'string' },
      containers: { kind: 'bool' },
      'all-namespaces': { kind: 'bool', short: 'A' },
      'no-headers': { kind: 'bool' },
      'use-protocol-buffers': { kind: 'bool' },
      sum: { kind: 'bool' },
    }),
  );
  if (flags.positional.length > 1) throw new CommandError("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples");
  const name = flags.positional[0] ?? '';
  const sortBy = sortFlag(flags);
  if (name && (flags.str('selector') || flags.str('field-selector'))) throw new CommandError('error: only one of NAME or selector can be provided');
  if (!(await metricsAvailable(k))) throw new CommandError('error: Metrics API not available');
  const all = flags.bool('all-namespaces');
  const ns = k.namespace(flags);
  const query: Record<string, string> = {};
  if (flags.str('selector')) query['labelSelector'] = flags.str('selector');
  if (flags.str('field-selector')) query['fieldSelector'] = flags.str('field-selector');
  const base = all && !name ? `${METRICS}/pods` : `${METRICS}/namespaces/${ns}/pods`;
  const metrics = name ? [await getOk<PodMetrics>(k, `${base}/${name}`)] : ((await getOk<{ items?: PodMetrics[] }>(k, base, query)).items ?? []);
  if (metrics.length === 0) {
    await explainEmpty(k, ns, name, query);
    k.io.err(all ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
    return;
  }
  const containers = flags.bool('containers');
  const headers = !flags.bool('no-headers');
  const rows: string[][] = [];
  let width = 3;
  if (headers) {
    const h = ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];
    if (containers) h.unshift('POD');
    if (all) h.unshift('NAMESPACE');
    width = h.length;
    rows.push(h);
  }
  const usage = new Map(metrics.map((m) => [m, podUsage(m)]));
  const sorted = [...metrics].sort((a, b) => {
    if (sortBy) {
      const ua = usage.get(a) as { cpu: bigint; memory: bigint };
      const ub = usage.get(b) as { cpu: bigint; memory: bigint };
      return sortBy === 'cpu' ? Number(milli(ub.cpu) - milli(ua.cpu)) : Number(value(ub.memory) - value(ua.memory));
    }
    const na = a.metadata.namespace ?? '';
    const nb = b.metadata.namespace ?? '';
    if (all && na !== nb) return na < nb ? -1 : 1;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
  for (const m of sorted) {
    const prefix = all ? [m.metadata.namespace ?? ''] : [];
    if (containers) {
      const cs = byUsage(m.containers ?? [], sortBy, (c) => nanos(c.usage?.cpu), (c) => nanos(c.usage?.memory), (c) => c.name);
      for (const c of cs) rows.push([...prefix, m.metadata.name, c.name, ...usageCells(nanos(c.usage?.cpu), nanos(c.usage?.memory))]);
    } else {
      const u = usage.get(m) as { cpu: bigint; memory: bigint };
      rows.push([...prefix, m.metadata.name, ...usageCells(u.cpu, u.memory)]);
    }
  }
  if (flags.bool('sum')) {
    let cpu = 0n;
    let memory = 0n;
    for (const u of usage.values()) {
      cpu += u.cpu;
      memory += u.memory;
    }
    rows.push([...Array<string>(width - 2).fill(''), '________', '________']);
    rows.push([...Array<string>(width - 3).fill(''), '', ...usageCells(cpu, memory)]);
  }
  print(k, rows);
}

const TOP_HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** `kubectl top`. */
export async function top(k: Kubectl, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'node' || sub === 'nodes' || sub === 'no') return topNode(k, rest);
  if (sub === 'pod' || sub === 'pods' || sub === 'po') return topPod(k, rest);
  if (sub === undefined || sub.startsWith('-')) {
    if (sub !== undefined) parseFlags('kubectl top', args, {});
    k.io.err(TOP_HELP);
    k.exit = 1;
    return;
  }
  throw new CommandError(`error: unknown command "${sub}"\nSee 'kubectl top -h' for help and examples`);
}
