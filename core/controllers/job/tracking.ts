/**
 * Counting finished pods with the tracking finalizer, as the 1.32 Job controller does
 * (trackJobStatusAndRemoveFinalizers, flushUncountedAndRemoveFinalizers, enactJobFinished):
 * a finished pod is first listed in `status.uncountedTerminatedPods`, that status is written,
 * then its `batch.kubernetes.io/job-tracking` finalizer is removed, and only then is it moved
 * into `succeeded`/`failed` — so a pod is counted exactly once even if the controller stops
 * half-way. The interim `SuccessCriteriaMet`/`FailureTarget` condition is written first; the
 * terminal `Complete`/`Failed` only once nothing is uncounted and no pod is terminating.
 */
import { isStatusError } from '../../api/status';
import type { Job, Pod } from '../../api/types';
import type { Clock } from '../../clock/clock';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/events';
import type { BackoffStore } from './backoff';
import { ensureCondition, newCondition, successCriteriaMet } from './conditions';
import { JOB_TRACKING_FINALIZER, MAX_UNCOUNTED_PODS } from './constants';
import type { FinalizerExpectations } from './expectations';
import { completionIndex, formatIndexes, hasIndex, totalIndexes, withIndexes } from './indexes';
import type { JobPodControl } from './podControl';
import type { JobStatus, SyncJobCtx } from './types';

/** Whether a pod has the tracking finalizer. */
export function hasTrackingFinalizer(p: Pod): boolean {
  return (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** Whether only failed pods are replaced (podReplacementPolicy Failed, or a pod failure policy). */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy !== undefined;
}

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded. */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return p.metadata.deletionTimestamp !== undefined && p.status?.phase !== 'Succeeded';
}

/** Whether the Job is Indexed. */
export function isIndexed(job: Job): boolean {
  return job.spec.completionMode === 'Indexed';
}

/** The status as the API writes it: zero counters omitted (omitempty), `ready`/`terminating` kept (pointers). */
export function wireStatus(status: JobStatus): JobStatus {
  const s: JobStatus = { ...status };
  for (const f of ['active', 'succeeded', 'failed'] as const) if (!s[f]) delete s[f];
  if (!s.completedIndexes) delete s.completedIndexes;
  const u = s.uncountedTerminatedPods ?? {};
  s.uncountedTerminatedPods = { ...(u.succeeded?.length ? { succeeded: [...u.succeeded] } : {}), ...(u.failed?.length ? { failed: [...u.failed] } : {}) };
  return s;
}

/** cleanUncountedPodsWithoutFinalizers: moves uncounted pods whose finalizer is gone into the counters. */
function cleanUncounted(status: JobStatus, withFinalizer: Set<string>): boolean {
  let changed = false;
  const u = (status.uncountedTerminatedPods ??= {});
  const keepS = (u.succeeded ?? []).filter((uid) => withFinalizer.has(uid));
  if (keepS.length !== (u.succeeded ?? []).length) {
    changed = true;
    status.succeeded = (status.succeeded ?? 0) + (u.succeeded ?? []).length - keepS.length;
    u.succeeded = keepS;
  }
  const keepF = (u.failed ?? []).filter((uid) => withFinalizer.has(uid));
  if (keepF.length !== (u.failed ?? []).length) {
    changed = true;
    status.failed = (status.failed ?? 0) + (u.failed ?? []).length - keepF.length;
    u.failed = keepF;
  }
  return changed;
}

/** What the tracker needs. */
export interface TrackerDeps {
  client: Client;
  clock: Clock;
  recorder: EventRecorder;
  pods: JobPodControl;
  finalizers: FinalizerExpectations;
  backoff: BackoffStore;
}

/** Counts finished pods, removes their finalizers and finishes the Job. */
export class StatusTracker {
  constructor(private readonly d: TrackerDeps) {}

  /** UpdateStatus of the Job; the Job as written. */
  private async updateStatus(job: SyncJobCtx['job']): Promise<SyncJobCtx['job']> {
    const ref = { group: 'batch', version: 'v1', resource: 'jobs', namespace: job.metadata.namespace ?? '', name: job.metadata.name ?? '', subresource: 'status' };
    const written = await this.d.client.update<Job>(ref, { ...job, status: wireStatus(job.status) });
    return { ...written, status: { ...(written.status ?? {}), uncountedTerminatedPods: { ...((written.status as JobStatus | undefined)?.uncountedTerminatedPods ?? {}) } } } as SyncJobCtx['job'];
  }

  /** trackJobStatusAndRemoveFinalizers. */
  async track(key: string, c: SyncJobCtx, needsFlushIn: boolean): Promise<void> {
    let needsFlush = needsFlushIn;
    const job = c.job;
    const indexed = isIndexed(job);
    const completions = job.spec.completions ?? 0;
    const uncountedStatus = (job.status.uncountedTerminatedPods ??= {});
    const pods = indexed ? [...c.pods].sort((a, b) => (completionIndex(a) ?? -1) - (completionIndex(b) ?? -1)) : c.pods;
    const withFinalizer = new Set(pods.filter((p) => hasTrackingFinalizer(p) && !c.expectedRmFinalizers.has(p.metadata.uid ?? '')).map((p) => p.metadata.uid ?? ''));
    if (cleanUncounted(job.status, withFinalizer)) needsFlush = true;
    const toRemove: Pod[] = [];
    const newSucceededIndexes: number[] = [];
    let reachedMax = false;
    for (const pod of pods) {
      const uid = pod.metadata.uid ?? '';
      if (!hasTrackingFinalizer(pod) || c.expectedRmFinalizers.has(uid)) continue;
      const failed = isPodFailed(pod, job);
      // canRemoveFinalizer (without backoffLimitPerIndex).
      if (!(job.metadata.deletionTimestamp || c.finished || pod.status?.phase === 'Succeeded' || failed)) continue;
      toRemove.push(pod);
      if (pod.status?.phase === 'Succeeded' && !c.uncounted.failed.has(uid)) {
        if (indexed) {
          const ix = completionIndex(pod);
          if (ix !== undefined && ix < completions && !hasIndex(c.prevSucceededIndexes, ix)) {
            newSucceededIndexes.push(ix);
            needsFlush = true;
          }
        } else if (!c.uncounted.succeeded.has(uid)) {
          needsFlush = true;
          (uncountedStatus.succeeded ??= []).push(uid);
        }
      } else if (failed || (c.finished && c.finished.type !== 'SuccessCriteriaMet')) {
        // When the Job is finishing, every pod not terminated counts as failed.
        const ix = completionIndex(pod);
        if (!c.uncounted.failed.has(uid) && (!indexed || (ix !== undefined && ix < completions))) {
          needsFlush = true;
          (uncountedStatus.failed ??= []).push(uid);
        }
      }
      if (newSucceededIndexes.length + (uncountedStatus.succeeded?.length ?? 0) + (uncountedStatus.failed?.length ?? 0) >= MAX_UNCOUNTED_PODS) {
        reachedMax = true;
        break;
      }
    }
    if (indexed) {
      c.succeededIndexes = withIndexes(c.succeededIndexes, newSucceededIndexes);
      const text = formatIndexes(c.succeededIndexes);
      if (text !== (job.status.completedIndexes ?? '')) needsFlush = true;
      job.status.succeeded = totalIndexes(c.succeededIndexes);
      job.status.completedIndexes = text;
    }
    const now = this.d.clock.now();
    if (c.finished?.type === 'FailureTarget') {
      job.status.conditions = [...(job.status.conditions ?? []), c.finished];
      needsFlush = true;
      c.finished = newCondition('Failed', 'True', c.finished.reason ?? '', c.finished.message ?? '', now);
    }
    if (c.finished?.type === 'SuccessCriteriaMet') {
      if (!successCriteriaMet(job)) {
        job.status.conditions = [...(job.status.conditions ?? []), c.finished];
        needsFlush = true;
      }
      c.finished = newCondition('Complete', 'True', c.finished.reason ?? '', c.finished.message ?? '', now);
    }
    needsFlush = await this.flush(key, c, toRemove, withFinalizer, needsFlush);
    const finished = !reachedMax && this.enactFinished(c);
    if (finished) needsFlush = true;
    if (needsFlush) {
      c.job = await this.updateStatus(c.job);
      if (finished && c.finished) this.recordFinished(c.job, c.finished.type, c.finished.reason ?? '', c.finished.message ?? '');
    }
  }

  /** flushUncountedAndRemoveFinalizers; whether a status write is still pending. */
  private async flush(key: string, c: SyncJobCtx, toRemove: Pod[], withFinalizer: Set<string>, needsFlushIn: boolean): Promise<boolean> {
    let needsFlush = needsFlushIn;
    if (needsFlush) {
      c.job = await this.updateStatus(c.job);
      this.d.backoff.update(c.newBackoff);
      needsFlush = false;
    }
    let rmErr: unknown;
    if (toRemove.length > 0) {
      this.d.finalizers.expect(key, toRemove.map((p) => p.metadata.uid ?? ''));
      for (const pod of toRemove) {
        const uid = pod.metadata.uid ?? '';
        try {
          await this.d.pods.removeFinalizer(pod);
          withFinalizer.delete(uid);
        } catch (e) {
          this.d.finalizers.observed(key, uid);
          if (isStatusError(e, 'NotFound')) withFinalizer.delete(uid);
          else rmErr ??= e;
        }
      }
    }
    if (cleanUncounted(c.job.status, withFinalizer)) needsFlush = true;
    if (rmErr !== undefined) {
      if (needsFlush) c.job = await this.updateStatus(c.job);
      throw rmErr;
    }
    return needsFlush;
  }

  /** enactJobFinished: the terminal condition, once nothing is uncounted or terminating. */
  private enactFinished(c: SyncJobCtx): boolean {
    const cond = c.finished;
    if (!cond) return false;
    const u = c.job.status.uncountedTerminatedPods;
    if ((u?.succeeded?.length ?? 0) + (u?.failed?.length ?? 0) > 0) return false;
    if (c.terminating > 0) return false;
    const now = this.d.clock.now();
    c.job.status.conditions = ensureCondition(c.job.status.conditions ?? [], cond.type, 'True', cond.reason ?? '', cond.message ?? '', now).list;
    if (cond.type === 'Complete') c.job.status.completionTime = c.job.status.conditions.find((x) => x.type === 'Complete')?.lastTransitionTime ?? undefined;
    return true;
  }

  /** recordJobFinished: the events of a finished Job. */
  private recordFinished(job: Job, type: string, reason: string, message: string): void {
    if (type === 'Complete') {
      if (job.spec.completions !== undefined && (job.status?.succeeded ?? 0) > job.spec.completions) this.d.recorder.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
      this.d.recorder.event(job, 'Normal', 'Completed', 'Job completed');
    } else this.d.recorder.event(job, 'Warning', reason, message);
  }
}
