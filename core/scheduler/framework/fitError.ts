/**
 * The FitError message, exactly as kube-scheduler 1.32 prints it (framework.FitError.Error):
 * `0/3 nodes are available: 1 node(s) had untolerated taint {...}, 2 Insufficient cpu.
 * preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No
 * preemption victims found for incoming pod..` — each reason counted over the nodes, the
 * "N reason" strings sorted, a PreFilter rejection's message instead of the per-node reasons,
 * and the PostFilter (preemption) message after; each part followed by a '.'.
 */
import type { NodeStatuses } from './types';

/** framework.NoNodeAvailableMsg. */
export function noNodeAvailableMsg(n: number): string {
  return `0/${n} nodes are available`;
}

/** The message when the cluster has no nodes (ErrNoNodesAvailable). */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** What a failed decision knew (framework.Diagnosis). */
export interface Diagnosis {
  statuses: NodeStatuses;
  preFilterMsg?: string;
  postFilterMsg?: string;
}

/** FitError.Error(). */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `${noNodeAvailableMsg(numAllNodes)}:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const counts = new Map<string, number>();
    for (const s of d.statuses.byNode.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const absentNodes = numAllNodes - d.statuses.byNode.size;
    if (absentNodes > 0 && d.statuses.absent) for (const r of d.statuses.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absentNodes);
    const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort();
    if (parts.length) msg += ` ${parts.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}.`;
  return msg;
}
