/** NodeUnschedulable: a cordoned node (`spec.unschedulable`) takes no pod that does not tolerate it. */
import { tolerates } from '../../framework/selectors';
import { unresolvable, type ClusterEvent, type CycleState, type FilterPlugin, type Status } from '../../framework/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';

/** Reason: the node is cordoned. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
/** The taint a cordoned node behaves as having. */
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** The NodeUnschedulable plugin. */
export class NodeUnschedulable implements FilterPlugin {
  readonly name = 'NodeUnschedulable';
  readonly events: readonly ClusterEvent[] = ['NodeAdd', 'NodeUpdate'];

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    if (!node.node?.spec?.unschedulable) return undefined;
    const taint = { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' as const };
    if ((pod.pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))) return undefined;
    return unresolvable(ERR_REASON_UNSCHEDULABLE);
  }
}
