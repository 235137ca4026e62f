/**
 * The progress of a rollout (pkg/controller/deployment/progress.go): the Progressing condition
 * — `NewReplicaSetAvailable` once the rollout is complete, `ReplicaSetUpdated` (its
 * lastUpdateTime moved) whenever more pods are updated, ready or available, and
 * `ProgressDeadlineExceeded` (False) when nothing moved for `progressDeadlineSeconds` — the
 * ReplicaSets' ReplicaFailure condition carried over, and the requeue that checks the deadline
 * in time when a rollout is stuck.
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import { traceName, updateDeploymentStatus, type DeploymentSyncContext } from './context';
import { calculateStatus, statusEqual } from './sync';
import { DeploymentConditionType, fromReplicaSetCondition, getCondition, newCondition, Reason, removeCondition, setCondition, type DeploymentCondition, type DeploymentStatus } from './util/conditions';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, hasProgressDeadline } from './util/replicas';

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions, else those of the others. */
export function replicaFailures(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const of = (rs: ReplicaSet | undefined) => (rs?.status?.conditions ?? []).filter((c) => c.type === DeploymentConditionType.ReplicaFailure).map(fromReplicaSetCondition);
  const fromNew = of(newRS);
  return fromNew.length > 0 ? fromNew : allRSs.flatMap(of);
}

/** The status a rollout sync writes: calculateStatus plus the Progressing and ReplicaFailure conditions. */
export function rolloutStatus(d: Deployment, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(status, DeploymentConditionType.Progressing);
  const current = getCondition(d.status as DeploymentStatus | undefined, DeploymentConditionType.Progressing);
  const complete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === Reason.NewRSAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const rsName = newRS?.metadata.name;
    const name = d.metadata.name ?? '';
    if (deploymentComplete(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${name}" has successfully progressed.`;
      setCondition(status, newCondition(DeploymentConditionType.Progressing, 'True', Reason.NewRSAvailable, msg, now));
    } else if (deploymentProgressing(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${name}" is progressing.`;
      const c = newCondition(DeploymentConditionType.Progressing, 'True', Reason.ReplicaSetUpdated, msg, now);
      // Progress moves lastUpdateTime even when the reason stays the same.
      if (current) {
        if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, DeploymentConditionType.Progressing);
      }
      setCondition(status, c);
    } else if (deploymentTimedOut(d, status, now)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${name}" has timed out progressing.`;
      setCondition(status, newCondition(DeploymentConditionType.Progressing, 'False', Reason.TimedOut, msg, now));
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures[0]) setCondition(status, failures[0]);
  else removeCondition(status, DeploymentConditionType.ReplicaFailure);
  return status;
}

/**
 * requeueStuckDeployment: a rollout that is neither complete nor timed out is checked again
 * when its deadline passes (lastUpdateTime + progressDeadlineSeconds, plus a second). Returns
 * the delay (ms), 0 for a rate-limited requeue now, -1 for none.
 */
export function requeueStuckDeployment(dc: DeploymentSyncContext, d: Deployment, status: DeploymentStatus): number {
  const current = getCondition(d.status as DeploymentStatus | undefined, DeploymentConditionType.Progressing);
  if (!hasProgressDeadline(d) || !current) return -1;
  if (deploymentComplete(d, status) || current.reason === Reason.TimedOut) return -1;
  const from = Date.parse(current.lastUpdateTime ?? '') || 0;
  const after = from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - dc.clock.now();
  if (after < 1000) {
    dc.enqueueRateLimited(d);
    return 0;
  }
  dc.enqueueAfter(d, after + 1000);
  return after;
}

/** syncRolloutStatus: writes the rollout's status when it changed, else requeues a stuck rollout for its deadline. */
export async function syncRolloutStatus(dc: DeploymentSyncContext, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): Promise<void> {
  const status = rolloutStatus(d, allRSs, newRS, dc.clock.now());
  if (statusEqual(d.status as DeploymentStatus | undefined, status)) {
    requeueStuckDeployment(dc, d, status);
    return;
  }
  const before = getCondition(d.status as DeploymentStatus | undefined, DeploymentConditionType.Progressing)?.reason;
  const after = getCondition(status, DeploymentConditionType.Progressing);
  d.status = status as Deployment['status'];
  await updateDeploymentStatus(dc, d);
  if (after && after.reason !== before) dc.trace('progress', traceName('deployments', d), `Progressing ${after.status} (${after.reason ?? ''}): ${after.message ?? ''}`);
}
