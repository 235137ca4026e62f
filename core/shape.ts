/**
 * The shape of a cluster's machines, chosen when the cluster is created: each node's CPU,
 * memory and pod capacity, its extra labels and taints, and its zone. Plain data (persisted with
 * the cluster, carried by snapshots, named by lessons); `machineShape` turns it into what one
 * kubelet registers.
 */
import type { Taint } from './api/types';
import { labelKey, labelValue } from './api/validation';
import { parseQuantity, quantityValue } from './apiserver/resources/quantity';

/** The shape of one machine; what is not given keeps the default. */
export interface NodeShape {
  /** CPU cores (`4`, `2500m`). */
  cpu?: string;
  /** Memory (`8Gi`, `4096Mi`); registered in Ki as a kubelet reports it. */
  memory?: string;
  /** The most pods the kubelet runs (`--max-pods`, default 110). */
  pods?: number;
  /** Labels besides the kubelet's own (`disk: ssd`). */
  labels?: Record<string, string>;
  /** Taints the node registers with (kubeadm `--register-with-taints`). */
  taints?: Taint[];
  /** The node's zone: the label `topology.kubernetes.io/zone` (and the region, when given). */
  zone?: string;
  region?: string;
}

/**
 * A cluster's shape: defaults for the control plane and for every worker, per-node overrides by
 * node name, and zones dealt to the workers in turn (`[a, b]`: worker → a, worker2 → b, worker3 → a).
 */
export interface ClusterShape {
  controlPlane?: NodeShape;
  workers?: NodeShape;
  nodes?: Record<string, NodeShape>;
  zones?: string[];
}

/** One machine's resolved shape. */
export interface MachineShape {
  cpu: string;
  memory: string;
  pods: number;
  labels: Record<string, string>;
  taints: Taint[];
}

/** The machines of a cluster with no shape given: a kind-like control plane and workers. */
export const DEFAULT_CONTROL_PLANE: MachineShape = { cpu: '2', memory: '4008788Ki', pods: 110, labels: {}, taints: [] };
export const DEFAULT_WORKER: MachineShape = { cpu: '4', memory: '8148392Ki', pods: 110, labels: {}, taints: [] };

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const ZONE = 'topology.kubernetes.io/zone';
const REGION = 'topology.kubernetes.io/region';

/** Memory in Ki, as a kubelet reports its capacity (`8Gi` → `8388608Ki`). */
function memoryKi(q: string): string {
  const parsed = parseQuantity(q);
  return parsed ? `${Math.floor(quantityValue(parsed) / 1024)}Ki` : q;
}

function merge(base: MachineShape, s: NodeShape | undefined): MachineShape {
  if (!s) return base;
  const labels = { ...base.labels, ...(s.labels ?? {}) };
  if (s.zone !== undefined) labels[ZONE] = s.zone;
  if (s.region !== undefined) labels[REGION] = s.region;
  return {
    cpu: s.cpu ?? base.cpu,
    memory: s.memory !== undefined ? memoryKi(s.memory) : base.memory,
    pods: s.pods ?? base.pods,
    labels,
    taints: s.taints ? s.taints.map((t) => ({ ...t })) : base.taints,
  };
}

/** The shape of the `index`-th machine (0: the control plane; workers from 1) named `name`. */
export function machineShape(shape: ClusterShape | undefined, name: string, index: number): MachineShape {
  if (index === 0) return merge(merge(DEFAULT_CONTROL_PLANE, shape?.controlPlane), shape?.nodes?.[name]);
  const zones = shape?.zones ?? [];
  const zone = zones.length > 0 ? zones[(index - 1) % zones.length] : undefined;
  const base = merge(DEFAULT_WORKER, zone !== undefined ? { zone } : undefined);
  return merge(merge(base, shape?.workers), shape?.nodes?.[name]);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkNode(s: unknown, at: string, problems: string[]): void {
  if (s === undefined) return;
  if (!isObject(s)) {
    problems.push(`${at}: must be an object`);
    return;
  }
  const known = ['cpu', 'memory', 'pods', 'labels', 'taints', 'zone', 'region'];
  for (const k of Object.keys(s)) if (!known.includes(k)) problems.push(`${at}.${k}: unknown field (known: ${known.join(', ')})`);
  for (const k of ['cpu', 'memory'] as const) {
    const v = s[k];
    if (v === undefined) continue;
    const q = typeof v === 'string' || typeof v === 'number' ? parseQuantity(String(v)) : undefined;
    if (!q || quantityValue(q) <= 0) problems.push(`${at}.${k}: ${JSON.stringify(v)} is not a positive quantity (such as ${k === 'cpu' ? '4 or 500m' : '8Gi'})`);
  }
  if (s['pods'] !== undefined && (!Number.isInteger(s['pods']) || (s['pods'] as number) < 1 || (s['pods'] as number) > 10000)) problems.push(`${at}.pods: must be a whole number from 1 to 10000`);
  for (const k of ['zone', 'region'] as const) {
    const v = s[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') problems.push(`${at}.${k}: must be a string`);
    else for (const m of labelValue(v)) problems.push(`${at}.${k}: ${m}`);
  }
  const labels = s['labels'];
  if (labels !== undefined) {
    if (!isObject(labels)) problems.push(`${at}.labels: must be a map of strings`);
    else
      for (const [k, v] of Object.entries(labels)) {
        for (const m of labelKey(k)) problems.push(`${at}.labels: key ${JSON.stringify(k)}: ${m}`);
        if (typeof v !== 'string') problems.push(`${at}.labels.${k}: must be a string`);
        else for (const m of labelValue(v)) problems.push(`${at}.labels.${k}: ${m}`);
      }
  }
  const taints = s['taints'];
  if (taints !== undefined) {
    if (!Array.isArray(taints)) problems.push(`${at}.taints: must be a list`);
    else
      taints.forEach((t: unknown, i) => {
        if (!isObject(t) || typeof t['key'] !== 'string') return problems.push(`${at}.taints[${i}]: needs a key`);
        for (const m of labelKey(t['key'])) problems.push(`${at}.taints[${i}].key: ${m}`);
        if (t['value'] !== undefined && typeof t['value'] !== 'string') problems.push(`${at}.taints[${i}].value: must be a string`);
        if (!EFFECTS.includes(String(t['effect']))) problems.push(`${at}.taints[${i}].effect: must be one of ${EFFECTS.join(', ')}`);
      });
  }
}

/** What is wrong with a cluster shape (empty when it is good), one sentence per problem. */
export function shapeProblems(shape: unknown): string[] {
  const problems: string[] = [];
  if (shape === undefined) return problems;
  if (!isObject(shape)) return ['the shape must be an object'];
  for (const k of Object.keys(shape)) if (!['controlPlane', 'workers', 'nodes', 'zones'].includes(k)) problems.push(`${k}: unknown field (known: controlPlane, workers, nodes, zones)`);
  checkNode(shape['controlPlane'], 'controlPlane', problems);
  checkNode(shape['workers'], 'workers', problems);
  const nodes = shape['nodes'];
  if (nodes !== undefined) {
    if (!isObject(nodes)) problems.push('nodes: must be a map from node name to shape');
    else for (const [name, s] of Object.entries(nodes)) checkNode(s, `nodes.${name}`, problems);
  }
  const zones = shape['zones'];
  if (zones !== undefined) {
    if (!Array.isArray(zones) || zones.some((z) => typeof z !== 'string')) problems.push('zones: must be a list of strings');
    else for (const z of zones as string[]) for (const m of labelValue(z)) problems.push(`zones: ${JSON.stringify(z)}: ${m}`);
  }
  return problems;
}
