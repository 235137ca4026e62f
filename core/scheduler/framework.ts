/**
 * The scheduling framework's shapes, as in kube-scheduler: Filter plugins say whether a pod
 * fits a node (with a human reason when not), Score plugins rank the nodes that passed.
 */
import type { Node, Pod } from '../api/types';

/** What a plugin sees of a node: the node and the pods already on it. */
export interface NodeInfo {
  node: Node;
  pods: Pod[];
}

/** The result of a filter: undefined when the pod fits, else the reasons it does not. */
export type FilterResult = undefined | { reasons: string[]; unresolvable?: boolean };

/** A Filter plugin. */
export interface FilterPlugin {
  name: string;
  filter(pod: Pod, node: NodeInfo): FilterResult;
}

/** A Score plugin: 0..100 per node. */
export interface ScorePlugin {
  name: string;
  weight: number;
  score(pod: Pod, node: NodeInfo): number;
}

/** The outcome on one node, kept for the scheduler's explanation. */
export interface NodeVerdict {
  node: string;
  /** The plugin that filtered the node out, and why (unresolvable: preemption cannot help). */
  filteredBy?: { plugin: string; reasons: string[]; unresolvable?: boolean };
  /** Scores per plugin (weighted), for nodes that passed. */
  scores?: Record<string, number>;
  total?: number;
}

/** Why a pod was placed where it was, or why it could not be. */
export interface Explanation {
  pod: string;
  time: string;
  verdicts: NodeVerdict[];
  selected?: string;
  message?: string;
}

/**
 * The FailedScheduling message: `0/3 nodes are available: 1 node(s) had untolerated taint
 * {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.` — reasons counted and sorted
 * as the scheduler's `FitError` does, then the preemption summary.
 */
export function fitErrorMessage(total: number, verdicts: NodeVerdict[]): string {
  if (total === 0) return NO_NODES_AVAILABLE;
  const counts = new Map<string, number>();
  for (const v of verdicts) for (const r of v.filteredBy?.reasons ?? []) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
  const head = `0/${total} nodes are available`;
  const reasons = parts.length ? `${head}: ${parts.join(', ')}.` : `${head}.`;
  // Preemption (PostFilter) summary: nodes filtered for an unresolvable reason cannot be helped
  // by evicting pods; the others could, but this scheduler finds no lower-priority victims yet.
  const unresolvable = verdicts.filter((v) => v.filteredBy?.unresolvable).length;
  const others = verdicts.filter((v) => v.filteredBy && !v.filteredBy.unresolvable).length;
  const pre: string[] = [];
  if (others > 0) pre.push(`${others} No preemption victims found for incoming pod`);
  if (unresolvable > 0) pre.push(`${unresolvable} Preemption is not helpful for scheduling`);
  // The preemption message ends in '.', and the FitError adds its own: kube-scheduler prints '..'.
  return `${reasons} preemption: ${head}: ${pre.sort().join(', ')}..`;
}

/** The message when the cluster has no nodes at all (ErrNoNodesAvailable). */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
