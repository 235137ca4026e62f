/**
 * PodTopologySpread's PreFilter and Filter for DoNotSchedule constraints: matching pods per
 * domain over the eligible nodes, then per node `matching in its domain + (1 if the pod matches
 * itself) − the global minimum ≤ maxSkew`, the minimum being 0 while there are fewer domains
 * than minDomains.
 */
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SKIP, unresolvable, unschedulable, type CycleState, type Handle, type Status } from '../../framework/types';
import { countMatching, explicitConstraints, hasAllKeys, nodeIncluded, type Constraint } from './common';

/** Reason: placing the pod would skew a domain beyond maxSkew. */
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
/** Reason: the node lacks a constraint's topology key. */
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const KEY = 'PreFilterPodTopologySpread';

interface FilterState {
  constraints: Constraint[];
  /** Per constraint: domain value → matching pods. */
  counts: Map<string, number>[];
}

/** PreFilter. */
export function preFilterSpread(handle: Handle, state: CycleState, pod: PodInfo): Status | undefined {
  // Only explicit DoNotSchedule constraints filter (the defaults are ScheduleAnyway).
  const constraints = explicitConstraints(pod, 'DoNotSchedule');
  if (constraints.length === 0) return SKIP;
  const counts = constraints.map(() => new Map<string, number>());
  for (const node of handle.nodes()) {
    if (!hasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, node)) return;
      const v = node.labels[c.topologyKey] as string;
      const m = counts[i] as Map<string, number>;
      m.set(v, (m.get(v) ?? 0) + countMatching(node, c, pod.namespace));
    });
  }
  state.set(KEY, { constraints, counts } satisfies FilterState);
  return undefined;
}

/** Filter. */
export function filterSpread(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
  const s = state.get(KEY) as FilterState | undefined;
  if (!s) return undefined;
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i] as Constraint;
    const v = node.labels[c.topologyKey];
    if (v === undefined) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    const counts = s.counts[i] as Map<string, number>;
    let min = Number.MAX_SAFE_INTEGER;
    for (const n of counts.values()) if (n < min) min = n;
    if (counts.size < c.minDomains) min = 0;
    const self = c.selector(pod.pod.metadata.labels) ? 1 : 0;
    const skew = (counts.get(v) ?? 0) + self - min;
    if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return undefined;
}
