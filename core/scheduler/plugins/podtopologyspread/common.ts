/**
 * PodTopologySpread's constraints: the pod's own, or — when it has none and belongs to a
 * Service, ReplicationController, ReplicaSet or StatefulSet — the system defaults (maxSkew 3 by
 * hostname, 5 by zone, ScheduleAnyway) with a selector built from those owners
 * (helper.DefaultSelector); `matchLabelKeys` are merged into the selector; the nodes counted
 * follow nodeAffinityPolicy (Honor) and nodeTaintsPolicy (Ignore).
 */
import { LABEL_HOSTNAME, LABEL_ZONE, specOf, type TopologySpreadConstraint } from '../../framework/api';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { compileLabelSelector, findUntoleratedTaint, matchesMap, type LabelMatcher } from '../../framework/selectors';
import type { Handle } from '../../framework/types';
import type { LabelSelectorRequirement } from '../../../api/types';
import { podMatchesNodeSelectorAndAffinity } from '../nodeaffinity/nodeAffinity';

/** A constraint, compiled. */
export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  minDomains: number;
  selector: LabelMatcher;
  /** The selector's identity: the same text for the same selector, whoever compiled it. */
  selectorKey: string;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

/** The system default constraints (kube-scheduler's `systemDefaultConstraints`). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly { topologyKey: string; maxSkew: number }[] = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
];

function compile(pod: PodInfo, c: TopologySpreadConstraint): Constraint {
  const labels = pod.pod.metadata.labels ?? {};
  const extra = (c.matchLabelKeys ?? []).filter((k) => labels[k] !== undefined).map((k) => ({ key: k, operator: 'In', values: [labels[k] as string] }));
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    minDomains: c.minDomains ?? 1,
    selector: compileLabelSelector(c.labelSelector, extra),
    selectorKey: JSON.stringify([c.labelSelector ?? null, extra]),
    nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
    nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
  };
}

/** The pod's explicit constraints with the given `whenUnsatisfiable`. */
export function explicitConstraints(pod: PodInfo, when: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  return (specOf(pod.pod).topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === when).map((c) => compile(pod, c));
}

/** The default constraints for a pod without its own, or [] when nothing selects it. */
export function defaultConstraints(handle: Handle, pod: PodInfo): Constraint[] {
  const reqs = defaultSelectorRequirements(handle, pod);
  if (!reqs) return [];
  const selector = compileLabelSelector({ matchExpressions: reqs });
  const selectorKey = JSON.stringify(reqs);
  return SYSTEM_DEFAULT_CONSTRAINTS.map((d) => ({ maxSkew: d.maxSkew, topologyKey: d.topologyKey, minDomains: 1, selector, selectorKey, nodeAffinityPolicy: 'Honor' as const, nodeTaintsPolicy: 'Ignore' as const }));
}

/** helper.DefaultSelector: the merged selectors of the Services and the controller selecting the pod; undefined when empty. */
export function defaultSelector(handle: Handle, pod: PodInfo): LabelMatcher | undefined {
  const reqs = defaultSelectorRequirements(handle, pod);
  return reqs ? compileLabelSelector({ matchExpressions: reqs }) : undefined;
}

/** The requirements of `defaultSelector`; undefined when there are none. */
function defaultSelectorRequirements(handle: Handle, pod: PodInfo): LabelSelectorRequirement[] | undefined {
  const labels = pod.pod.metadata.labels ?? {};
  const set: Record<string, string> = {};
  for (const svc of handle.services(pod.namespace)) {
    const sel = svc.spec?.selector as Record<string, string> | undefined;
    if (sel && Object.keys(sel).length > 0 && matchesMap(sel, labels)) Object.assign(set, sel);
  }
  const reqs: LabelSelectorRequirement[] = Object.entries(set).map(([key, v]) => ({ key, operator: 'In', values: [v] }));
  const owner = pod.pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) {
    const group = owner.apiVersion.includes('/') ? owner.apiVersion.split('/')[0] : '';
    if (owner.kind === 'ReplicationController' && group === '') {
      const rc = handle.replicationController(pod.namespace, owner.name);
      for (const [key, v] of Object.entries(rc?.spec.selector ?? {})) reqs.push({ key, operator: 'In', values: [v] });
    } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && group === 'apps') {
      const o = owner.kind === 'ReplicaSet' ? handle.replicaSet(pod.namespace, owner.name) : handle.statefulSet(pod.namespace, owner.name);
      const sel = o?.spec.selector;
      if (sel) {
        for (const [key, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, operator: 'In', values: [v] });
        reqs.push(...(sel.matchExpressions ?? []));
      }
    }
  }
  return reqs.length === 0 ? undefined : reqs;
}

/** Whether the node counts for the constraint's domains (node inclusion policies). */
export function nodeIncluded(c: Constraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !podMatchesNodeSelectorAndAffinity(pod, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.taints, pod.pod.spec.tolerations ?? [], (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) return false;
  return true;
}

/** Whether the node has every constraint's topology key. */
export function hasAllKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (node.labels[c.topologyKey] === undefined) return false;
  return true;
}

/**
 * Counts already made, per node: by selector and namespace, with the node's generation they were
 * made at (every decision counts the pods of every node; most nodes have not changed since).
 */
const counted = new WeakMap<NodeInfo, Map<string, { generation: number; n: number }>>();

/** The pods on the node, in the pod's namespace and not terminating, that the constraint's selector matches. */
export function countMatching(node: NodeInfo, c: Pick<Constraint, 'selector' | 'selectorKey'>, namespace: string): number {
  let byKey = counted.get(node);
  if (!byKey || byKey.size > 1000) counted.set(node, (byKey = new Map()));
  const key = `${namespace}\u0000${c.selectorKey}`;
  const known = byKey.get(key);
  if (known && known.generation === node.generation) return known.n;
  let n = 0;
  for (const p of node.pods.values()) {
    if (p.namespace !== namespace || p.pod.metadata.deletionTimestamp) continue;
    if (c.selector(p.pod.metadata.labels)) n++;
  }
  byKey.set(key, { generation: node.generation, n });
  return n;
}
