/** NodeName: a pod that names a node in `spec.nodeName` fits only that node. */
import { unresolvable, type ClusterEvent, type CycleState, type FilterPlugin, type Status } from '../../framework/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';

/** Reason: the pod asks for another node. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/** The NodeName plugin. */
export class NodeName implements FilterPlugin {
  readonly name = 'NodeName';
  readonly events: readonly ClusterEvent[] = ['NodeAdd'];

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    const want = pod.pod.spec.nodeName;
    return want && want !== node.name ? unresolvable(ERR_REASON_NODE_NAME) : undefined;
  }
}
