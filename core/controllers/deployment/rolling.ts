/**
 * The RollingUpdate strategy (pkg/controller/deployment/rolling.go): each sync first grows the
 * new ReplicaSet as far as maxSurge allows (never above `spec.replicas + maxSurge` pods in
 * all), else shrinks the old ones as far as maxUnavailable allows (never below `spec.replicas -
 * maxUnavailable` available pods) — unhealthy old replicas first, so that they cannot block the
 * rollout — and cleans up old ReplicaSets once the rollout is complete.
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import type { DeploymentSyncContext } from './context';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';
import { activeReplicaSets, availableReplicaCount, byCreationTimestamp, specReplicaCount, specReplicas } from './util/replicasets';
import { deploymentComplete, maxUnavailable, newRSNewReplicas } from './util/replicas';
import type { DeploymentStatus } from './util/conditions';

/** rolloutRolling: one step of a rolling update. */
export async function rolloutRolling(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  if (await reconcileNewReplicaSet(dc, allRSs, newRS, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (await reconcileOldReplicaSets(dc, allRSs, activeReplicaSets(oldRSs), newRS, d)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (deploymentComplete(d, (d.status ?? {}) as DeploymentStatus)) await cleanupDeployment(dc, oldRSs, d);
  return syncRolloutStatus(dc, allRSs, newRS, d);
}

/** reconcileNewReplicaSet: scales the new ReplicaSet down to `spec.replicas`, or up as far as maxSurge allows. */
export async function reconcileNewReplicaSet(dc: DeploymentSyncContext, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): Promise<boolean> {
  const replicas = specReplicas(d);
  if (specReplicas(newRS) === replicas) return false;
  const target = specReplicas(newRS) > replicas ? replicas : newRSNewReplicas(d, allRSs, newRS);
  return (await scaleReplicaSetAndRecordEvent(dc, newRS, target, d)).scaled;
}

/**
 * How many old replicas may go now: all pods, less the minimum that must stay available, less
 * the new ReplicaSet's pods that are not available yet (they cannot be counted on).
 */
export function maxScaledDown(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): number {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  return specReplicaCount(allRSs) - minAvailable - newUnavailable;
}

/** reconcileOldReplicaSets: scales old ReplicaSets down, unhealthy replicas first; whether any was. */
export async function reconcileOldReplicaSets(dc: DeploymentSyncContext, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): Promise<boolean> {
  if (specReplicaCount(oldRSs) === 0) return false;
  const max = maxScaledDown(d, allRSs, newRS);
  if (max <= 0) return false;
  const cleaned = await cleanupUnhealthyReplicas(dc, oldRSs, d, max);
  const scaledDown = await scaleDownOldReplicaSetsForRollingUpdate(dc, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  return cleaned.count + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: removes old ReplicaSets' unavailable replicas (oldest ReplicaSets first), at most `maxCleanup`. */
export async function cleanupUnhealthyReplicas(dc: DeploymentSyncContext, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): Promise<{ oldRSs: ReplicaSet[]; count: number }> {
  oldRSs.sort(byCreationTimestamp);
  let total = 0;
  for (let i = 0; i < oldRSs.length; i++) {
    const rs = oldRSs[i] as ReplicaSet;
    if (total >= maxCleanup) break;
    const size = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const count = Math.min(maxCleanup - total, size - available);
    const out = await scaleReplicaSetAndRecordEvent(dc, rs, size - count, d);
    total += count;
    oldRSs[i] = out.rs;
  }
  return { oldRSs, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: scales old ReplicaSets down (oldest first) while more than the minimum are available. */
export async function scaleDownOldReplicaSetsForRollingUpdate(dc: DeploymentSyncContext, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): Promise<number> {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  oldRSs.sort(byCreationTimestamp);
  const wanted = available - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= wanted) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), wanted - total);
    await scaleReplicaSetAndRecordEvent(dc, rs, specReplicas(rs) - count, d);
    total += count;
  }
  return total;
}
