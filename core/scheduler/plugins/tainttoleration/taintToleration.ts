/**
 * TaintToleration: Filter keeps a pod off nodes with a NoSchedule or NoExecute taint it does
 * not tolerate; Score prefers nodes with fewer untolerated PreferNoSchedule taints (reversed
 * normalisation: fewest taints, highest score).
 */
import type { Toleration } from '../../../api/types';
import { defaultNormalizeScore } from '../../framework/normalize';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { findUntoleratedTaint, tolerates } from '../../framework/selectors';
import { MAX_NODE_SCORE, unresolvable, type ClusterEvent, type CycleState, type FilterPlugin, type PreScorePlugin, type ScorePlugin, type Status } from '../../framework/types';

/** Reason: `node(s) had untolerated taint {key: value}`. */
export function errReasonUntoleratedTaint(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}

const PRESCORE = 'PreScoreTaintToleration';

/** The TaintToleration plugin. */
export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = 'TaintToleration';
  readonly events: readonly ClusterEvent[] = ['NodeAdd', 'NodeUpdate'];

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    if (node.taints.length === 0) return undefined;
    const taint = findUntoleratedTaint(node.taints, pod.pod.spec.tolerations ?? [], (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    return taint ? unresolvable(errReasonUntoleratedTaint(taint.key, taint.value)) : undefined;
  }

  preScore(state: CycleState, pod: PodInfo): Status | undefined {
    state.set(PRESCORE, (pod.pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule'));
    return undefined;
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    if (node.taints.length === 0) return 0;
    const tolerations = state.get(PRESCORE) as Toleration[];
    let n = 0;
    for (const taint of node.taints) if (taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint))) n++;
    return n;
  }

  normalize(_state: CycleState, _pod: PodInfo, scores: number[]): void {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  }
}
