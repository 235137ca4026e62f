/** PodTopologySpread: spreads matching pods across topology domains (zones, nodes). */
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { ClusterEvent, CycleState, FilterPlugin, Handle, PreFilterPlugin, PreScorePlugin, ScorePlugin, Status } from '../../framework/types';
import { filterSpread, preFilterSpread } from './filtering';
import { normalizeSpread, preScoreSpread, scoreSpread } from './scoring';

export { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH } from './filtering';

/** The PodTopologySpread plugin. */
export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = 'PodTopologySpread';
  readonly events: readonly ClusterEvent[] = ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'NodeAdd', 'NodeUpdate'];

  constructor(private readonly handle: Handle) {}

  preFilter(state: CycleState, pod: PodInfo): Status | undefined {
    return preFilterSpread(this.handle, state, pod);
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    return filterSpread(state, pod, node);
  }

  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | undefined {
    return preScoreSpread(this.handle, state, pod, nodes);
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return scoreSpread(state, pod, node);
  }

  normalize(state: CycleState, _pod: PodInfo, scores: number[], nodes: readonly NodeInfo[]): void {
    normalizeSpread(state, scores, nodes);
  }
}
