/**
 * The conditions of a Deployment (pkg/controller/deployment/util/deployment_util.go): their
 * reasons, as `kubectl describe deployment` shows them, and the helpers that set them without
 * moving `lastTransitionTime` when the status does not change.
 */
import type { Condition, Deployment } from '../../../api/types';
import { timestamp } from '../../util/pods';

/** apps/v1 DeploymentCondition (lastUpdateTime moves on every progress, lastTransitionTime on a status change). */
export interface DeploymentCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The condition types of a Deployment. */
export const DeploymentConditionType = {
  Available: 'Available',
  Progressing: 'Progressing',
  ReplicaFailure: 'ReplicaFailure',
} as const;

/** The reasons of the Deployment conditions (deploymentutil's constants). */
export const Reason = {
  /** Progressing: a ReplicaSet could not be created. */
  FailedRSCreate: 'ReplicaSetCreateError',
  /** Progressing: the controller created the new ReplicaSet. */
  NewReplicaSet: 'NewReplicaSetCreated',
  /** Progressing: the controller found the new ReplicaSet (first estimate of progress). */
  FoundNewRS: 'FoundNewReplicaSet',
  /** Progressing: the rollout made progress. */
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  /** Progressing False: no progress within progressDeadlineSeconds. */
  TimedOut: 'ProgressDeadlineExceeded',
  /** Progressing True: the new ReplicaSet is fully rolled out and available. */
  NewRSAvailable: 'NewReplicaSetAvailable',
  /** Progressing Unknown: `spec.paused` set. */
  PausedDeploy: 'DeploymentPaused',
  /** Progressing Unknown: `spec.paused` cleared. */
  ResumedDeploy: 'DeploymentResumed',
  /** Available True. */
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  /** Available False. */
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** The status of a Deployment, with its conditions typed. */
export type DeploymentStatus = Omit<NonNullable<Deployment['status']>, 'conditions'> & { conditions?: DeploymentCondition[] };

/** NewDeploymentCondition: both times are now. */
export function newCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: number): DeploymentCondition {
  const t = timestamp(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** GetDeploymentCondition. */
export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: nothing changes when the status and reason are the same; the
 * transition time is kept when only the reason changes; the condition goes to the end.
 */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const c = { ...condition };
  if (current && current.status === c.status) c.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), c];
}

/** RemoveDeploymentCondition. */
export function removeCondition(status: DeploymentStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}

/** ReplicaSetToDeploymentCondition: a ReplicaSet's ReplicaFailure condition as the Deployment's. */
export function fromReplicaSetCondition(c: Condition): DeploymentCondition {
  const t = c.lastTransitionTime ?? undefined;
  return { type: c.type, status: c.status, ...(t ? { lastUpdateTime: t, lastTransitionTime: t } : {}), ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}) };
}

/** The Deployment's status (created empty when absent), with its conditions typed; changes to it change the Deployment. */
export function statusOf(d: Deployment): DeploymentStatus {
  return (d.status ??= {}) as DeploymentStatus;
}
