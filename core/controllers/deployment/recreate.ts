/**
 * The Recreate strategy (pkg/controller/deployment/recreate.go): every old ReplicaSet is scaled
 * to 0, and only once none of their pods is left (terminating ones count) is the new
 * ReplicaSet created — or scaled up — to `spec.replicas`.
 */
import type { Deployment, Pod, ReplicaSet } from '../../api/types';
import type { DeploymentSyncContext } from './context';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';
import type { DeploymentStatus } from './util/conditions';
import { activeReplicaSets, actualReplicaCount, specReplicas } from './util/replicasets';
import { deploymentComplete } from './util/replicas';

/** The pods of each ReplicaSet, by the ReplicaSet's uid (getPodMapForDeployment). */
export type PodMap = Map<string, Pod[]>;

/** oldPodsRunning: whether an old ReplicaSet still reports replicas, or has a pod not yet Succeeded or Failed. */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: PodMap): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true;
  }
  return false;
}

/** rolloutRecreate: one step of a Recreate rollout. */
export async function rolloutRecreate(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], podMap: PodMap): Promise<void> {
  // The new ReplicaSet is not created yet, so that nothing scales up before the old ones are down.
  let { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  let allRSs = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) {
    if ((await scaleReplicaSetAndRecordEvent(dc, rs, 0, d)).scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(dc, allRSs, newRS, d);
  if (!newRS) {
    ({ newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(dc, d, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) await scaleReplicaSetAndRecordEvent(dc, newRS, specReplicas(d), d);
  if (deploymentComplete(d, (d.status ?? {}) as DeploymentStatus)) await cleanupDeployment(dc, oldRSs, d);
  return syncRolloutStatus(dc, allRSs, newRS, d);
}
