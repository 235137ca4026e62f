/**
 * The Jobs of a CronJob (pkg/controller/cronjob/utils.go): the Job made from the template for a
 * scheduled time — named `<cronjob>-<minutes since the epoch>` so that one scheduled time can
 * never make two Jobs, with the `batch.kubernetes.io/cronjob-scheduled-timestamp` annotation —
 * the active list in the status, and the order in which old Jobs are cleaned up.
 */
import type { CronJob, Job, ObjectReference } from '../../api/types';
import { objectReference } from '../../client/events';
import { controllerRef } from '../util/controllerRef';
import { clone } from '../util/pods';
import { rfc3339In } from './schedule';

/** batch.CronJobScheduledTimestampAnnotation. */
export const CRONJOB_SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function jobName(cj: CronJob, scheduled: number): string {
  return `${cj.metadata.name ?? ''}-${Math.floor(scheduled / 60_000)}`;
}

/** getJobFromTemplate2: the Job of one scheduled time. */
export function jobFromTemplate(cj: CronJob, scheduled: number): Job {
  const tmpl = cj.spec.jobTemplate;
  const annotations = { ...(tmpl.metadata?.annotations ?? {}), [CRONJOB_SCHEDULED_TIMESTAMP]: rfc3339In(scheduled, cj.spec.timeZone) };
  const labels = { ...(tmpl.metadata?.labels ?? {}) };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: jobName(cj, scheduled), namespace: cj.metadata.namespace ?? '', labels, annotations, ownerReferences: [controllerRef(cj, 'batch/v1', 'CronJob')] },
    spec: clone(tmpl.spec),
  };
}

/** The reference of a Job in `status.active`. */
export function jobReference(job: Job): ObjectReference {
  return objectReference({ ...job, apiVersion: 'batch/v1', kind: 'Job' });
}

/** The terminal condition type of a Job (Complete or Failed), if finished. */
export function finishedStatus(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  return undefined;
}

/** byJobStartTime: started Jobs first, oldest start first, then by name. */
export function byStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  if (sa === sb) return (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
  return Date.parse(sa ?? '') - Date.parse(sb ?? '');
}
