/**
 * The RollingUpdate strategy of DaemonSets (pkg/controller/daemon/update.go rollingUpdate):
 * without surge, old pods are deleted while no more than `maxUnavailable` daemon pods are
 * unavailable (the manage loop then creates the new ones); with `maxSurge`, a new pod is created
 * beside an old one on up to `maxSurge` nodes, and the old pod goes once the new one is available.
 */
import type { DaemonSet, IntOrString, Node, Pod } from '../../api/types';
import { isPodAvailable } from '../util/pods';
import { nodeShouldRunDaemonPod } from './eligibility';
import { isPodUpdated, templateGeneration } from './pods';

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number.parseInt(v, 10) || 0;
  const exact = (Number.parseInt(m[1] as string, 10) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** util.SurgeCount: 0 unless RollingUpdate with a maxSurge. */
export function surgeCount(ds: DaemonSet, numberToSchedule: number): number {
  const us = ds.spec.updateStrategy;
  if (us?.type !== 'RollingUpdate' || !us.rollingUpdate) return 0;
  return scaledValue(us.rollingUpdate.maxSurge, numberToSchedule, true);
}

/** util.UnavailableCount: 0 unless RollingUpdate. */
export function unavailableCount(ds: DaemonSet, numberToSchedule: number): number {
  const us = ds.spec.updateStrategy;
  if (us?.type !== 'RollingUpdate' || !us.rollingUpdate) return 0;
  return scaledValue(us.rollingUpdate.maxUnavailable, numberToSchedule, true);
}

/** util.AllowsSurge. */
export function allowsSurge(ds: DaemonSet): boolean {
  return surgeCount(ds, 1) > 0;
}

/** findUpdatedPodsOnNode: the one new and one old live pod of a node; `ok` false when there are more. */
function updatedPodsOnNode(ds: DaemonSet, pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  const generation = templateGeneration(ds);
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** What a rolling update step does: pods to delete, nodes to create a pod on. */
export interface RollingStep {
  delete: string[];
  create: string[];
}

/** rollingUpdate: one step of the update, from the node → daemon pods map and the nodes. */
export function rollingUpdateStep(ds: DaemonSet, nodes: readonly Node[], podsByNode: ReadonlyMap<string, readonly Pod[]>, hash: string, now: number): RollingStep {
  const minReady = ds.spec.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, now);
  // updatedDesiredNodeCounts: every node that should run a pod is considered, with or without one.
  const byNode = new Map<string, readonly Pod[]>(podsByNode);
  const shouldRun = new Map<string, boolean>();
  let desired = 0;
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const run = nodeShouldRunDaemonPod(node, ds).shouldRun;
    shouldRun.set(name, run);
    if (!run) continue;
    desired++;
    if (!byNode.has(name)) byNode.set(name, []);
  }
  let maxUnavailable = unavailableCount(ds, desired);
  const maxSurge = surgeCount(ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  // Nodes in name order, for determinism (Go iterates a map).
  const entries = [...byNode.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: string[] = [];
    const candidates: string[] = [];
    for (const [, pods] of entries) {
      const { newPod, oldPod, ok } = updatedPodsOnNode(ds, pods, hash);
      if (!ok) {
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) {
          allowed.push(oldPod.metadata.name ?? '');
          numUnavailable++;
        } else if (numUnavailable < maxUnavailable) {
          candidates.push(oldPod.metadata.name ?? '');
        }
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return { delete: [...allowed, ...candidates.slice(0, remaining)], create: [] };
  }

  const toDelete: string[] = [];
  const shouldNotRun: string[] = [];
  const candidateNodes: string[] = [];
  const allowedNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [nodeName, pods] of entries) {
    const { newPod, oldPod, ok } = updatedPodsOnNode(ds, pods, hash);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod) {
      if (available(oldPod)) numAvailable++;
    } else if (newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      const run = shouldRun.get(nodeName) ?? false;
      if (!available(oldPod)) {
        if (!run) toDelete.push(oldPod.metadata.name ?? '');
        else allowedNodes.push(nodeName);
      } else if (!run) {
        shouldNotRun.push(oldPod.metadata.name ?? '');
      } else if (numSurge < maxSurge) {
        candidateNodes.push(nodeName);
      }
      continue;
    }
    // Already surged here: wait for the new pod, then delete the old one.
    if (!available(newPod)) numSurge++;
    else toDelete.push(oldPod.metadata.name ?? '');
  }
  const deletable = Math.min(Math.max(0, numAvailable - desired), shouldNotRun.length);
  toDelete.push(...shouldNotRun.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length);
  return { delete: toDelete, create: [...allowedNodes, ...candidateNodes.slice(0, remainingSurge)] };
}
