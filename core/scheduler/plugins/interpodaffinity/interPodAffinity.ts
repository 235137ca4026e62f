/** InterPodAffinity: required and preferred pod affinity and anti-affinity by topology domain. */
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { ClusterEvent, CycleState, FilterPlugin, Handle, PreFilterPlugin, PreScorePlugin, ScorePlugin, Status } from '../../framework/types';
import { filterAffinity, preFilterAffinity } from './filtering';
import { normalizeAffinity, preScoreAffinity, scoreAffinity } from './scoring';

export { ERR_REASON_AFFINITY_RULES_NOT_MATCH, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH, ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH } from './filtering';

/** The InterPodAffinity plugin. */
export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = 'InterPodAffinity';
  readonly events: readonly ClusterEvent[] = ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'NodeAdd', 'NodeUpdate'];

  constructor(private readonly handle: Handle) {}

  preFilter(state: CycleState, pod: PodInfo): Status | undefined {
    return preFilterAffinity(this.handle, state, pod);
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    return filterAffinity(this.handle, state, pod, node);
  }

  preScore(state: CycleState, pod: PodInfo): Status | undefined {
    return preScoreAffinity(this.handle, state, pod);
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    return scoreAffinity(state, node);
  }

  normalize(_state: CycleState, _pod: PodInfo, scores: number[]): void {
    normalizeAffinity(scores);
  }
}
