/**
 * The parts of a Deployment's sync every strategy shares (pkg/controller/deployment/sync.go):
 * finding the new and old ReplicaSets and their revisions, scaling (a Deployment scaled in the
 * middle of a rollout shares the change among its ReplicaSets in proportion to their sizes),
 * cleaning up old ReplicaSets beyond `revisionHistoryLimit`, the Paused/Resumed conditions and
 * the status every sync ends with.
 */
import { isStatusError } from '../../api/status';
import type { Deployment, ReplicaSet } from '../../api/types';
import { canonicalJson } from '../util/hash';
import { clone } from '../util/pods';
import { replicaSetRef, traceName, updateDeploymentStatus, updateReplicaSet, type DeploymentSyncContext } from './context';
import { getNewReplicaSet } from './newReplicaSet';
import { DEPRECATED_ROLLBACK_TO, desiredReplicasAnnotation, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util/annotations';
import { DeploymentConditionType, getCondition, newCondition, Reason, setCondition, type DeploymentStatus } from './util/conditions';
import { activeReplicaSets, actualReplicaCount, availableReplicaCount, byRevision, bySizeNewer, bySizeOlder, findActiveOrLatest, findOldReplicaSets, readyReplicaCount, specReplicaCount, specReplicas } from './util/replicasets';
import { hasProgressDeadline, isRollingUpdate, isSaturated, maxSurge, maxUnavailable, proportion } from './util/replicas';

/** The new ReplicaSet (if any) and every old one. */
export interface DeploymentReplicaSets {
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
}

/** getAllReplicaSetsAndSyncRevision: the old ReplicaSets, and the new one with its revision synced (created when `create`). */
export async function getAllReplicaSetsAndSyncRevision(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], create: boolean): Promise<DeploymentReplicaSets> {
  const oldRSs = findOldReplicaSets(d, rsList).all;
  const newRS = await getNewReplicaSet(dc, d, rsList, oldRSs, create);
  return { newRS, oldRSs };
}

/** The rollback the deprecated `spec.rollbackTo` asks for (its apps/v1 annotation), if any. */
export function rollbackTo(d: Deployment): { revision: number } | undefined {
  const v = d.metadata.annotations?.[DEPRECATED_ROLLBACK_TO];
  if (!v || !/^[+-]?\d+$/.test(v)) return undefined;
  return { revision: Number(v) };
}

/**
 * scaleReplicaSet: sets the ReplicaSet's size and replica annotations when either differs;
 * records `Scaled up replica set web-... from 1 to 3` when the size changed. Returns whether it
 * scaled and the stored ReplicaSet.
 */
export async function scaleReplicaSet(dc: DeploymentSyncContext, rs: ReplicaSet, newScale: number, d: Deployment, operation: string): Promise<{ scaled: boolean; rs: ReplicaSet }> {
  const oldScale = specReplicas(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = specReplicas(d);
  const max = desired + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const copy = clone(rs);
  copy.spec.replicas = newScale;
  setReplicasAnnotations(copy, desired, max);
  const out = await updateReplicaSet(dc, copy);
  if (sizeNeedsUpdate) {
    dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${out.metadata.name ?? ''} from ${oldScale} to ${newScale}`);
    dc.trace('scale', traceName('replicasets', out), `scaled ${operation} ReplicaSet ${out.metadata.name ?? ''} from ${oldScale} to ${newScale} for deployment ${d.metadata.name ?? ''}`);
  }
  return { scaled: sizeNeedsUpdate, rs: out };
}

/** scaleReplicaSetAndRecordEvent: scales the ReplicaSet to `newScale` unless it has that size. */
export async function scaleReplicaSetAndRecordEvent(dc: DeploymentSyncContext, rs: ReplicaSet, newScale: number, d: Deployment): Promise<{ scaled: boolean; rs: ReplicaSet }> {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(dc, rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
}

/**
 * The sizes proportional scaling gives the active ReplicaSets of a rolling Deployment: the
 * replicas to add (or remove) to reach `spec.replicas + maxSurge` are shared in proportion to
 * each ReplicaSet's size, larger ones first, and what rounding leaves goes to the largest.
 * `operation` is `up`, `down` or '' (nothing to share: sizes unchanged).
 */
export function proportionalSizes(d: Deployment, allRSs: ReplicaSet[]): { sizes: Map<ReplicaSet, number>; operation: string; order: ReplicaSet[] } {
  const total = specReplicaCount(allRSs);
  const allowed = specReplicas(d) > 0 ? specReplicas(d) + maxSurge(d) : 0;
  const toAdd = allowed - total;
  let operation = '';
  const order = [...allRSs];
  if (toAdd > 0) {
    order.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    order.sort(bySizeOlder);
    operation = 'down';
  }
  const sizes = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of order) {
    if (toAdd !== 0) {
      const p = proportion(rs, d, toAdd, added);
      sizes.set(rs, specReplicas(rs) + p);
      added += p;
    } else sizes.set(rs, specReplicas(rs));
  }
  const first = order[0];
  if (first && toAdd !== 0) sizes.set(first, Math.max(0, (sizes.get(first) ?? 0) + toAdd - added));
  return { sizes, operation, order };
}

/**
 * scale: a single active ReplicaSet (or, with none, the newest) takes `spec.replicas`; a
 * saturated new ReplicaSet leaves old ones at 0; otherwise a rolling Deployment scales all its
 * active ReplicaSets proportionally.
 */
export async function scale(dc: DeploymentSyncContext, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): Promise<void> {
  const replicas = specReplicas(d);
  const one = findActiveOrLatest(newRS, oldRSs);
  if (one) {
    if (specReplicas(one) === replicas) return;
    await scaleReplicaSetAndRecordEvent(dc, one, replicas, d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) await scaleReplicaSetAndRecordEvent(dc, old, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const { sizes, operation, order } = proportionalSizes(d, activeReplicaSets([...oldRSs, newRS]));
  for (const rs of order) await scaleReplicaSet(dc, rs, sizes.get(rs) ?? specReplicas(rs), d, operation);
}

/** cleanupDeployment: deletes the oldest old ReplicaSets beyond `revisionHistoryLimit` that have no pods. */
export async function cleanupDeployment(dc: DeploymentSyncContext, oldRSs: ReplicaSet[], d: Deployment): Promise<void> {
  const limit = d.spec.revisionHistoryLimit;
  if (limit === undefined) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    try {
      await dc.client.delete(replicaSetRef(rs.metadata.namespace ?? '', rs.metadata.name));
      dc.trace('delete', traceName('replicasets', rs), `deleted old ReplicaSet ${rs.metadata.name ?? ''} of deployment ${d.metadata.name ?? ''} (revisionHistoryLimit ${limit})`);
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
    }
  }
}

/**
 * calculateStatus: the counts summed over the ReplicaSets (updated = the new one's), the
 * generation observed, and the Available condition (True when at least `replicas -
 * maxUnavailable` pods are available). Zero counts are left out, as the API's JSON omits them.
 */
export function calculateStatus(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: number): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const unavailable = Math.max(0, specReplicaCount(allRSs) - available);
  const counts: [keyof DeploymentStatus, number][] = [
    ['observedGeneration', d.metadata.generation ?? 0],
    ['replicas', actualReplicaCount(allRSs)],
    ['updatedReplicas', actualReplicaCount([newRS])],
    ['readyReplicas', readyReplicaCount(allRSs)],
    ['availableReplicas', available],
    ['unavailableReplicas', unavailable],
  ];
  const status: DeploymentStatus = {};
  for (const [k, v] of counts) if (v !== 0) (status as Record<string, unknown>)[k] = v;
  const current = (d.status as DeploymentStatus | undefined)?.conditions;
  if (current && current.length > 0) status.conditions = current.map((c) => ({ ...c }));
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition(DeploymentConditionType.Available, 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition(DeploymentConditionType.Available, 'False', Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  return status;
}

/** Whether two statuses are equal (reflect.DeepEqual over the Go struct: absent and zero alike). */
export function statusEqual(a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean {
  const norm = (s: DeploymentStatus | undefined) => {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s ?? {})) {
      if (v === undefined || v === null || (v === 0 && k !== 'collisionCount') || (Array.isArray(v) && v.length === 0)) continue;
      o[k] = v;
    }
    return canonicalJson(o);
  };
  return norm(a) === norm(b);
}

/** syncDeploymentStatus: writes the calculated status when it differs. */
export async function syncDeploymentStatus(dc: DeploymentSyncContext, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): Promise<void> {
  const status = calculateStatus(allRSs, newRS, d, dc.clock.now());
  if (statusEqual(d.status as DeploymentStatus | undefined, status)) return;
  d.status = status as Deployment['status'];
  await updateDeploymentStatus(dc, d);
}

/** checkPausedConditions: Progressing Unknown `DeploymentPaused` / `DeploymentResumed` when `spec.paused` flips (a timed-out rollout keeps its condition). */
export async function checkPausedConditions(dc: DeploymentSyncContext, d: Deployment): Promise<void> {
  if (!hasProgressDeadline(d)) return;
  const status = (d.status ?? {}) as DeploymentStatus;
  const cond = getCondition(status, DeploymentConditionType.Progressing);
  if (cond?.reason === Reason.TimedOut) return;
  const pausedCondExists = cond?.reason === Reason.PausedDeploy;
  const now = dc.clock.now();
  if (d.spec.paused && !pausedCondExists) {
    setCondition(status, newCondition(DeploymentConditionType.Progressing, 'Unknown', Reason.PausedDeploy, 'Deployment is paused', now));
  } else if (!d.spec.paused && pausedCondExists) {
    setCondition(status, newCondition(DeploymentConditionType.Progressing, 'Unknown', Reason.ResumedDeploy, 'Deployment is resumed', now));
  } else return;
  d.status = status as Deployment['status'];
  await updateDeploymentStatus(dc, d);
}

/** isScalingEvent: an active ReplicaSet was scaled for another `spec.replicas` than the Deployment's now. */
export async function isScalingEvent(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): Promise<boolean> {
  const { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== specReplicas(d)) return true;
  }
  return false;
}

/** sync: for a paused Deployment or a scaling event — scale, clean up (when paused), and the status. No rollout. */
export async function sync(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  await scale(dc, d, newRS, oldRSs);
  if (d.spec.paused && !rollbackTo(d)) await cleanupDeployment(dc, oldRSs, d);
  await syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}

/** syncStatusOnly: a Deployment being deleted only gets its status updated. */
export async function syncStatusOnly(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): Promise<void> {
  const { newRS, oldRSs } = await getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  await syncDeploymentStatus(dc, [...oldRSs, newRS], newRS, d);
}
