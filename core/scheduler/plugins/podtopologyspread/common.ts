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
  const selector = defaultSelector(handle, pod);
  if (!selector) return [];
  return SYSTEM_DEFAULT_CONSTRAINTS.map((d) => ({ maxSkew: d.maxSkew, topologyKey: d.topologyKey, minDomains: 1, selector, nodeAffinityPolicy: 'Honor' as const, nodeTaintsPolicy: 'Ignore' as const }));
}

/** helper.DefaultSelector: the merged selectors of the Services and the controller selecting the pod; undefined when empty. */
export function defaultSelector(handle: Handle, pod: PodInfo): LabelMatcher | undefined {
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
  if (reqs.length === 0) return undefined;
  return compileLabelSelector({ matchExpressions: reqs });
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

/** The pods on the node, in the pod's namespace and not terminating, that the selector matches. */
export function countMatching(node: NodeInfo, selector: LabelMatcher, namespace: string): number {
  let n = 0;
  for (const p of node.pods.values()) {
    if (p.namespace !== namespace || p.pod.metadata.deletionTimestamp) continue;
    if (selector(p.pod.metadata.labels)) n++;
  }
  return n;
}
