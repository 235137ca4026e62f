/**
 * NodeResourcesFit: Filter checks the pod's effective request (containers, init containers,
 * overhead) against what the node has left of its allocatable CPU, memory, ephemeral storage,
 * pod count and extended resources; Score is the LeastAllocated strategy (the default): the
 * emptier the node after placing the pod, the higher, CPU and memory weighted 1 each.
 */
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, unschedulable, type ClusterEvent, type CycleState, type FilterPlugin, type ScorePlugin, type Status } from '../../framework/types';

/** Reason: the node has no room for one more pod. */
export const ERR_REASON_TOO_MANY_PODS = 'Too many pods';

/** Reason: `Insufficient cpu`, `Insufficient memory`, `Insufficient example.com/gpu`... */
export function errReasonInsufficient(resource: string): string {
  return `Insufficient ${resource}`;
}

/** One resource the node lacks (noderesources.InsufficientResource). */
export interface InsufficientResource {
  resource: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/** The resources the node lacks for the pod (noderesources.fitsRequest); empty when it fits. */
export function insufficientResources(pod: PodInfo, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const a = node.allocatable;
  const used = node.requested;
  if (node.pods.size + 1 > a.allowedPodNumber) out.push({ resource: 'pods', reason: ERR_REASON_TOO_MANY_PODS, requested: 1, used: node.pods.size, capacity: a.allowedPodNumber });
  const r = pod.requests;
  if (r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0 && !r.scalar?.size) return out;
  if (a.milliCPU < r.milliCPU + used.milliCPU) out.push({ resource: 'cpu', reason: errReasonInsufficient('cpu'), requested: r.milliCPU, used: used.milliCPU, capacity: a.milliCPU });
  if (a.memory < r.memory + used.memory) out.push({ resource: 'memory', reason: errReasonInsufficient('memory'), requested: r.memory, used: used.memory, capacity: a.memory });
  if (a.ephemeralStorage < r.ephemeralStorage + used.ephemeralStorage) {
    out.push({ resource: 'ephemeral-storage', reason: errReasonInsufficient('ephemeral-storage'), requested: r.ephemeralStorage, used: used.ephemeralStorage, capacity: a.ephemeralStorage });
  }
  if (r.scalar) {
    for (const [name, q] of r.scalar) {
      if (q === 0) continue;
      const cap = a.scalar?.get(name) ?? 0;
      const u = used.scalar?.get(name) ?? 0;
      if (cap < q + u) out.push({ resource: name, reason: errReasonInsufficient(name), requested: q, used: u, capacity: cap });
    }
  }
  return out;
}

/** Whether the node has room for the pod: `insufficientResources` is empty (checked without building it, for every node of every cycle). */
function fits(pod: PodInfo, node: NodeInfo): boolean {
  const a = node.allocatable;
  const used = node.requested;
  if (node.pods.size + 1 > a.allowedPodNumber) return false;
  const r = pod.requests;
  if (r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0 && !r.scalar?.size) return true;
  if (a.milliCPU < r.milliCPU + used.milliCPU || a.memory < r.memory + used.memory || a.ephemeralStorage < r.ephemeralStorage + used.ephemeralStorage) return false;
  if (r.scalar) {
    for (const [name, q] of r.scalar) if (q !== 0 && (a.scalar?.get(name) ?? 0) < q + (used.scalar?.get(name) ?? 0)) return false;
  }
  return true;
}

/** leastRequestedScore: the free share of a resource after the pod, 0..100. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** The NodeResourcesFit plugin. */
export class NodeResourcesFit implements FilterPlugin, ScorePlugin {
  readonly name = 'NodeResourcesFit';
  readonly events: readonly ClusterEvent[] = ['AssignedPodDelete', 'NodeAdd', 'NodeUpdate'];

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
    if (fits(pod, node)) return undefined;
    const missing = insufficientResources(pod, node);
    if (missing.length === 0) return undefined;
    return unschedulable(...missing.map((m) => m.reason));
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const a = node.allocatable;
    const req = node.nonZeroRequested;
    const p = pod.nonZeroRequests;
    let score = 0;
    let weights = 0;
    if (a.milliCPU !== 0) {
      score += leastRequestedScore(req.milliCPU + p.milliCPU, a.milliCPU);
      weights++;
    }
    if (a.memory !== 0) {
      score += leastRequestedScore(req.memory + p.memory, a.memory);
      weights++;
    }
    return weights === 0 ? 0 : Math.trunc(score / weights);
  }
}
