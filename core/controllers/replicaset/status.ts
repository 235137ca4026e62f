/**
 * The status of a ReplicaSet or ReplicationController (replica_set_utils.go): counts of the
 * owned active pods (`replicas`), of those carrying every label of the template
 * (`fullyLabeledReplicas`), ready (`readyReplicas`) and ready for `minReadySeconds`
 * (`availableReplicas`); the `ReplicaFailure` condition while creating or deleting pods fails;
 * `observedGeneration`. Written through the status subresource only when it changed.
 */
import type { Condition, Pod, ReplicaStatus } from '../../api/types';
import { isPodAvailable, isPodReady, timestamp } from '../util/pods';
import type { ReplicaKind, ReplicaOwner } from './kinds';

/** The condition type set while pods cannot be created or deleted. */
export const REPLICA_FAILURE = 'ReplicaFailure';

/** Whether every label of `template` is on the pod. */
function fullyLabeled(templateLabels: Record<string, string>, pod: Pod): boolean {
  const labels = pod.metadata.labels ?? {};
  return Object.entries(templateLabels).every(([k, v]) => labels[k] === v);
}

/** SetCondition: replaces a condition of the type unless status and reason are the same. */
function setCondition(conditions: Condition[], c: Condition): Condition[] {
  const current = conditions.find((x) => x.type === c.type);
  if (current && current.status === c.status && current.reason === c.reason) return conditions;
  return [...conditions.filter((x) => x.type !== c.type), c];
}

/** calculateStatus: the new status from the owned active pods and the error of manageReplicas. */
export function calculateStatus(k: ReplicaKind, owner: ReplicaOwner, pods: Pod[], manageError: Error | undefined, now: number): ReplicaStatus {
  const old = k.status(owner);
  const templateLabels = k.template(owner)?.metadata?.labels ?? {};
  let fully = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (fullyLabeled(templateLabels, pod)) fully++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, k.minReadySeconds(owner), now)) available++;
    }
  }
  let conditions = old.conditions ?? [];
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (manageError && !failure) {
    const diff = pods.length - k.replicas(owner);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = setCondition(conditions, { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: timestamp(now), reason, message: manageError.message });
  } else if (!manageError && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }
  // The counts other than `replicas` are omitempty in the Go types: a zero is left out.
  const status: ReplicaStatus = { ...old, replicas: pods.length, fullyLabeledReplicas: fully || undefined, readyReplicas: ready || undefined, availableReplicas: available || undefined };
  for (const key of Object.keys(status) as (keyof ReplicaStatus)[]) if (status[key] === undefined) delete status[key];
  if (conditions.length > 0) status.conditions = conditions;
  else delete status.conditions;
  return status;
}

/** Whether `status` says nothing new about the owner (updateReplicaSetStatus's early return). */
export function statusUnchanged(owner: ReplicaOwner, k: ReplicaKind, status: ReplicaStatus): boolean {
  const old = k.status(owner);
  return (
    (old.replicas ?? 0) === (status.replicas ?? 0) &&
    (old.fullyLabeledReplicas ?? 0) === (status.fullyLabeledReplicas ?? 0) &&
    (old.readyReplicas ?? 0) === (status.readyReplicas ?? 0) &&
    (old.availableReplicas ?? 0) === (status.availableReplicas ?? 0) &&
    (owner.metadata.generation ?? 0) === (old.observedGeneration ?? 0) &&
    JSON.stringify(old.conditions ?? []) === JSON.stringify(status.conditions ?? [])
  );
}
