/**
 * NodeAffinity: Filter checks `spec.nodeSelector` and the required node affinity terms (all
 * operators, `matchFields` on `metadata.name`); PreFilter narrows the nodes to the names a
 * DaemonSet-style `metadata.name In (...)` term allows; Score sums the weights of the
 * preferred terms a node matches.
 */
import { specOf, type NodeSelector, type PreferredSchedulingTerm } from '../../framework/api';
import { defaultNormalizeScore } from '../../framework/normalize';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { matchesNodeSelector, matchesTerm } from '../../framework/selectors';
import { MAX_NODE_SCORE, SKIP, unresolvable, type ClusterEvent, type CycleState, type FilterPlugin, type PreFilterPlugin, type PreFilterResult, type PreScorePlugin, type ScorePlugin, type Status } from '../../framework/types';

/** Reason: the node does not match the pod's nodeSelector or required node affinity. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** Reason: the pod's `metadata.name` terms exclude each other. */
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

/** Whether a node satisfies the pod's nodeSelector and required node affinity. */
export function podMatchesNodeSelectorAndAffinity(pod: PodInfo, node: NodeInfo): boolean {
  const spec = specOf(pod.pod);
  const sel = spec.nodeSelector;
  if (sel) for (const k in sel) if (node.labels[k] !== sel[k]) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || !node.node || matchesNodeSelector(required, node.node);
}

/** The NodeAffinity plugin. */
export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = 'NodeAffinity';
  readonly events: readonly ClusterEvent[] = ['NodeAdd', 'NodeUpdate'];

  preFilter(_state: CycleState, pod: PodInfo): Status | PreFilterResult | undefined {
    const spec = specOf(pod.pod);
    const required: NodeSelector | null | undefined = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!required && Object.keys(spec.nodeSelector ?? {}).length === 0) return SKIP;
    const terms = required?.nodeSelectorTerms ?? [];
    if (terms.length === 0) return undefined;
    let names: Set<string> | undefined;
    for (const t of terms) {
      let termNames: Set<string> | undefined;
      for (const r of t.matchFields ?? []) {
        if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
        const s = new Set(r.values ?? []);
        termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
      }
      // A term without a node-name requirement allows every node: the terms are ORed.
      if (!termNames) return undefined;
      names = new Set([...(names ?? []), ...termNames]);
    }
    if (names && names.size === 0) return unresolvable(ERR_REASON_CONFLICT);
    return names ? { nodeNames: names } : undefined;
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    return podMatchesNodeSelectorAndAffinity(pod, node) ? undefined : unresolvable(ERR_REASON_POD);
  }

  preScore(state: CycleState, pod: PodInfo): Status | undefined {
    const preferred: PreferredSchedulingTerm[] = specOf(pod.pod).affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (preferred.length === 0) return SKIP;
    state.set('PreScoreNodeAffinity', preferred);
    return undefined;
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const preferred = state.get('PreScoreNodeAffinity') as PreferredSchedulingTerm[];
    let total = 0;
    if (!node.node) return 0;
    for (const t of preferred) if (t.weight && matchesTerm(t.preference, node.node)) total += t.weight;
    return total;
  }

  normalize(_state: CycleState, _pod: PodInfo, scores: number[]): void {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  }
}
