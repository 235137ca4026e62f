/** NodePorts: a pod's host ports must be free on the node (same protocol and port, overlapping IP). */
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SKIP, unschedulable, type ClusterEvent, type CycleState, type FilterPlugin, type PreFilterPlugin, type Status } from '../../framework/types';

/** Reason: a requested host port is taken. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** The NodePorts plugin. */
export class NodePorts implements PreFilterPlugin, FilterPlugin {
  readonly name = 'NodePorts';
  readonly events: readonly ClusterEvent[] = ['AssignedPodDelete', 'NodeAdd'];

  preFilter(_state: CycleState, pod: PodInfo): Status | undefined {
    return pod.ports.length === 0 ? SKIP : undefined;
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    if (node.usedPorts.size === 0) return undefined;
    for (const p of pod.ports) {
      for (const used of node.usedPorts.keys()) {
        const [ip, protocol, port] = used.split('/');
        if (protocol !== p.protocol || Number(port) !== p.port) continue;
        if (ip === '0.0.0.0' || p.ip === '0.0.0.0' || ip === p.ip) return unschedulable(ERR_REASON_NODE_PORTS);
      }
    }
    return undefined;
  }
}
