/**
 * The arithmetic of a rollout (pkg/controller/deployment/util/deployment_util.go): maxSurge and
 * maxUnavailable resolved against `spec.replicas` (a surge rounds up, an unavailability rounds
 * down, and both never resolve to 0), how far the new ReplicaSet may grow, the proportional
 * share of each ReplicaSet when the Deployment is scaled mid-rollout, and whether a rollout is
 * complete, progressing or past its deadline.
 */
import type { Deployment, IntOrString, ReplicaSet } from '../../../api/types';
import { maxReplicasAnnotation, desiredReplicasAnnotation } from './annotations';
import { getCondition, Reason, DeploymentConditionType, type DeploymentStatus } from './conditions';
import { specReplicaCount, specReplicas } from './replicasets';

/** The largest int32: a progress deadline of this value means none. */
const MAX_INT32 = 2147483647;

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is; `N%` of `total`, rounded up or down.
 * Throws on a string that is not a percentage (validation refuses it).
 */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** Whether the Deployment uses the RollingUpdate strategy. */
export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** ResolveFenceposts: [surge, unavailable]; when both resolve to 0, unavailable is 1. */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

/** MaxSurge: how many pods above `spec.replicas` a rolling update may run (0 for Recreate). */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d))[0];
}

/** MaxUnavailable: how many pods below `spec.replicas` a rolling update may go (0 for Recreate or 0 replicas). */
export function maxUnavailable(d: Deployment): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return Math.min(resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas)[1], replicas);
}

/** NewRSNewReplicas: the size the new ReplicaSet may grow to now. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d)) {
    if (d.spec.strategy?.type === 'Recreate') return replicas;
    throw new Error(`deployment type ${d.spec.strategy?.type ?? ''} isn't supported`);
  }
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge, replicas, true);
  const current = specReplicaCount(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  const up = Math.min(maxTotal - current, replicas - specReplicas(newRS));
  return specReplicas(newRS) + up;
}

/** IsSaturated: the ReplicaSet has all the Deployment's replicas, desired and available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = specReplicas(d);
  return specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** Go's math.Round, then int32: half away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** getReplicaSetFraction: the change of the ReplicaSet's size proportional to the Deployment's new maximum. */
export function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const size = specReplicas(rs);
  if (specReplicas(d) === 0) return -size;
  const max = specReplicas(d) + maxSurge(d);
  let before = maxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return roundHalfAway((size * max) / before) - size;
}

/** GetProportion: how many replicas this ReplicaSet gains (or loses) of those still to add. */
export function proportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** HasProgressDeadline. */
export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds;
  return s !== undefined && s !== MAX_INT32;
}

/** DeploymentComplete: every replica updated and available, the newest generation observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus): boolean {
  const replicas = specReplicas(d);
  return (status.updatedReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas && (status.availableReplicas ?? 0) === replicas && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than the current status says. */
export function deploymentProgressing(d: Deployment, status: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** DeploymentTimedOut: no progress reported for `progressDeadlineSeconds` (a completed rollout never times out). */
export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(status, DeploymentConditionType.Progressing);
  if (!c) return false;
  if (c.reason === Reason.NewRSAvailable) return false;
  if (c.reason === Reason.TimedOut) return true;
  const from = Date.parse(c.lastUpdateTime ?? '') || 0;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < now;
}
