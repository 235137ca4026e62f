/**
 * Which nodes a DaemonSet's pod belongs on (pkg/controller/daemon NodeShouldRunDaemonPod): the
 * template's `nodeName`, `nodeSelector` and required node affinity must match the node, and the
 * node's NoSchedule/NoExecute taints must be tolerated by the pod — with the tolerations every
 * daemon pod gets (AddOrUpdateDaemonPodTolerations). A pod already running stays while it
 * tolerates the node's NoExecute taints.
 */
import type { DaemonSet, Node, PodSpec, Taint, Toleration } from '../../api/types';

/** The standard tolerations of daemon pods, in the order the controller adds them. */
export const DAEMON_TOLERATIONS: readonly Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/** The toleration added for host-network daemon pods. */
export const NETWORK_UNAVAILABLE_TOLERATION: Toleration = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

/**
 * v1helper.AddOrUpdateTolerationInPodSpec for each standard toleration: a toleration with the
 * same key, operator, value and effect is replaced, others are appended. Mutates `spec`.
 */
export function addDaemonTolerations(spec: PodSpec): void {
  const wanted = [...DAEMON_TOLERATIONS, ...(spec['hostNetwork'] === true ? [NETWORK_UNAVAILABLE_TOLERATION] : [])];
  const list = [...(spec.tolerations ?? [])];
  for (const t of wanted) {
    const i = list.findIndex((x) => (x.key ?? '') === t.key && (x.operator ?? 'Equal') === t.operator && (x.value ?? '') === '' && (x.effect ?? '') === t.effect);
    if (i >= 0) list[i] = { ...t };
    else list.push({ ...t });
  }
  spec.tolerations = list;
}

/** Whether a toleration tolerates a taint (v1.Toleration.ToleratesTaint). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

/** FindMatchingUntoleratedTaint over the taints `filter` keeps. */
export function untoleratedTaint(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, filter: (t: Taint) => boolean): Taint | undefined {
  return (taints ?? []).filter(filter).find((taint) => !(tolerations ?? []).some((t) => toleratesTaint(t, taint)));
}

interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}
interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

function requirementMatches(r: NodeSelectorRequirement, values: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(values, r.key);
  const v = values[r.key] ?? '';
  const list = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && list.includes(v);
    case 'NotIn':
      return !has || !list.includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || list.length !== 1) return false;
      const a = Number.parseInt(v, 10);
      const b = Number.parseInt(list[0] ?? '', 10);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** Whether one node selector term matches (its expressions on labels and its fields on `metadata.name`); an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  const nodeFields = { 'metadata.name': node.metadata.name ?? '' };
  return exprs.every((r) => requirementMatches(r, labels)) && fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, nodeFields));
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): the nodeSelector and the required node affinity terms (any term). */
export function requiredNodeAffinityMatches(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const affinity = spec['affinity'] as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } } } | undefined;
  const required = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => termMatches(t, node));
}

/** What NodeShouldRunDaemonPod answers. */
export interface ShouldRun {
  /** A daemon pod should be created on the node if there is none. */
  shouldRun: boolean;
  /** A daemon pod already on the node may stay. */
  shouldContinueRunning: boolean;
}

/** NodeShouldRunDaemonPod. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const spec: PodSpec = { ...ds.spec.template.spec, tolerations: [...(ds.spec.template.spec.tolerations ?? [])] };
  addDaemonTolerations(spec);
  const name = node.metadata.name ?? '';
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  if (!requiredNodeAffinityMatches(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints;
  if (untoleratedTaint(taints, spec.tolerations, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) {
    return { shouldRun: false, shouldContinueRunning: !untoleratedTaint(taints, spec.tolerations, (t) => t.effect === 'NoExecute') };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
