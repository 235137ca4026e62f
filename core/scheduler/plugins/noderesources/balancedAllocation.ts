/**
 * NodeResourcesBalancedAllocation: prefers nodes whose CPU and memory would be used in equal
 * shares after placing the pod: 100 × (1 − the standard deviation of the shares), from the
 * pods' actual requests.
 */
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, type ClusterEvent, type CycleState, type ScorePlugin } from '../../framework/types';

/** balancedResourceScorer over requested/allocatable pairs. */
export function balancedScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    const a = allocatable[i] as number;
    if (a === 0) continue;
    const f = Math.min(1, (requested[i] as number) / a);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs(((fractions[0] as number) - (fractions[1] as number)) / 2);
  else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** The NodeResourcesBalancedAllocation plugin. */
export class BalancedAllocation implements ScorePlugin {
  readonly name = 'NodeResourcesBalancedAllocation';
  readonly events: readonly ClusterEvent[] = ['AssignedPodDelete', 'NodeAdd', 'NodeUpdate'];

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const a = node.allocatable;
    const r = node.requested;
    const p = pod.requests;
    // balancedScore of the two shares, without its arrays (every node of every decision comes here).
    const cpu = a.milliCPU === 0 ? -1 : Math.min(1, (r.milliCPU + p.milliCPU) / a.milliCPU);
    const memory = a.memory === 0 ? -1 : Math.min(1, (r.memory + p.memory) / a.memory);
    const std = cpu >= 0 && memory >= 0 ? Math.abs((cpu - memory) / 2) : 0;
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  }
}
