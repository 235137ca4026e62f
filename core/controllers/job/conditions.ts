/**
 * Job conditions as the Job controller writes them (newCondition, ensureJobConditionStatus,
 * IsJobFinished): `Complete`/`Failed` are terminal; 1.32 first writes the interim
 * `SuccessCriteriaMet`/`FailureTarget` while it still removes finalizers and waits for
 * terminating pods, then the terminal condition with the same reason and message.
 */
import type { Condition, Job } from '../../api/types';
import { timestamp } from '../util/pods';

/** A job condition (lastProbeTime and lastTransitionTime now). */
export function newCondition(type: string, status: Condition['status'], reason: string, message: string, now: number): Condition {
  const t = timestamp(now);
  return { type, status, lastProbeTime: t, lastTransitionTime: t, reason, message };
}

/** The condition of a type, if any. */
export function findCondition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/**
 * ensureJobConditionStatus: sets or appends a condition (a False one is never appended);
 * returns the new list and whether it changed.
 */
export function ensureCondition(list: Condition[], type: string, status: Condition['status'], reason: string, message: string, now: number): { list: Condition[]; changed: boolean } {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i] as Condition;
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return { list, changed: false };
    const next = [...list];
    next[i] = newCondition(type, status, reason, message, now);
    return { list: next, changed: true };
  }
  if (status === 'False') return { list, changed: false };
  return { list: [...list, newCondition(type, status, reason, message, now)], changed: true };
}

/** The terminal condition type of a finished job (Complete or Failed), if it is finished (IsJobFinished). */
export function finishedType(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

/** Whether the job has a Complete condition that is True (IsJobSucceeded). */
export function isJobSucceeded(job: Job): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');
}

/** The True SuccessCriteriaMet condition, if any. */
export function successCriteriaMet(job: Job): Condition | undefined {
  const c = findCondition(job.status?.conditions, 'SuccessCriteriaMet');
  return c?.status === 'True' ? c : undefined;
}
