/**
 * syncJob and manageJob of the 1.32 Job controller: count the Job's pods, decide whether it has
 * succeeded (completions reached; `SuccessCriteriaMet`) or failed (more failures than
 * `backoffLimit`, restarts past it with OnFailure, or `activeDeadlineSeconds` passed;
 * `FailureTarget`), otherwise keep `min(parallelism, completions − succeeded)` pods active —
 * creating them in slow-start batches, after the failure back-off, with the next pending
 * indexes for an Indexed Job — or delete them all while suspended; then write the status
 * (tracking.ts).
 */
import { isStatusError } from '../../api/status';
import type { Job, Pod } from '../../api/types';
import type { Informer } from '../../client/informer';
import type { EventRecorder } from '../../client/events';
import type { ControllerContext } from '../manager';
import { compareForDeletion, isPodActive, isPodReady, isPodTerminating } from '../util/pods';
import { remainingBackoff, type BackoffStore } from './backoff';
import { ensureCondition, finishedType, newCondition, successCriteriaMet, findCondition } from './conditions';
import { JOB_CONTROLLER, MAX_POD_CREATE_DELETE_PER_SYNC, REASONS } from './constants';
import type { FinalizerExpectations, PodExpectations } from './expectations';
import { completionIndex, duplicatedIndexPods, firstPendingIndexes, succeededIndexes } from './indexes';
import { jobPodTemplate, newJobPod, type JobPodControl } from './podControl';
import { StatusTracker, hasTrackingFinalizer, isIndexed, isPodFailed, onlyReplaceFailedPods } from './tracking';
import type { JobStatus, SyncJobCtx } from './types';
import { timestamp } from '../util/pods';

/** What a sync needs. */
export interface JobSyncDeps {
  ctx: ControllerContext;
  jobs: Informer<Job>;
  pods: Informer<Pod>;
  podsOf(job: Job): Pod[];
  expectations: PodExpectations;
  finalizers: FinalizerExpectations;
  backoff: BackoffStore;
  podControl: JobPodControl;
  recorder: EventRecorder;
  /** Syncs the Job again after `ms`. */
  enqueueAfter(key: string, ms: number): void;
}

function suspended(job: Job): boolean {
  return job.spec.suspend === true;
}

/** pastBackoffLimitOnFailure: container restarts of running pods reach backoffLimit (restartPolicy OnFailure). */
function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** The Job controller's sync of one Job. */
export class JobSync {
  private readonly tracker: StatusTracker;

  constructor(private readonly d: JobSyncDeps) {
    this.tracker = new StatusTracker({ client: d.ctx.client, clock: d.ctx.clock, recorder: d.recorder, pods: d.podControl, finalizers: d.finalizers, backoff: d.backoff });
  }

  private now(): number {
    return this.d.ctx.clock.now();
  }

  /** syncJob. */
  async sync(key: string): Promise<void> {
    const shared = this.d.jobs.get(key);
    if (!shared) {
      this.d.expectations.delete(key);
      this.d.finalizers.delete(key);
      this.d.backoff.remove(key);
      return;
    }
    if (shared.spec.managedBy !== undefined && shared.spec.managedBy !== 'kubernetes.io/job-controller') return;
    if (finishedType(shared)) {
      this.d.backoff.remove(key);
      return;
    }
    const job = JSON.parse(JSON.stringify(shared)) as SyncJobCtx['job'];
    job.status ??= {};
    const status: JobStatus = job.status;
    status.uncountedTerminatedPods ??= {};
    const satisfied = this.d.expectations.satisfied(key);
    const pods = this.d.podsOf(job);
    const activePods = pods.filter(isPodActive);
    const expectedRm = this.d.finalizers.expected(key);
    const uncounted = { succeeded: new Set(status.uncountedTerminatedPods.succeeded ?? []), failed: new Set(status.uncountedTerminatedPods.failed ?? []) };
    const fresh = (p: Pod, inSet: Set<string>) => hasTrackingFinalizer(p) && !inSet.has(p.metadata.uid ?? '') && !expectedRm.has(p.metadata.uid ?? '') && (!isIndexed(job) || ((i) => i !== undefined && i < (job.spec.completions ?? 0))(completionIndex(p)));
    const newSucceeded = pods.filter((p) => fresh(p, uncounted.succeeded) && p.status?.phase === 'Succeeded');
    const newFailed = pods.filter((p) => fresh(p, uncounted.failed) && isPodFailed(p, job));
    const c: SyncJobCtx = {
      job,
      pods,
      activePods,
      succeeded: (status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size,
      failed: (status.failed ?? 0) + newFailed.length + uncounted.failed.size,
      prevSucceededIndexes: [],
      succeededIndexes: [],
      newBackoff: this.d.backoff.next(key, newSucceeded, newFailed),
      expectedRmFinalizers: expectedRm,
      uncounted,
      terminating: pods.filter((p) => isPodTerminating(p) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length,
      ready: activePods.filter(isPodReady).length,
    };
    let active = activePods.length;
    if (!status.startTime && !suspended(job)) status.startTime = timestamp(this.now());
    const exceedsBackoffLimit = c.failed > (job.spec.backoffLimit ?? 6);
    const met = successCriteriaMet(job);
    if (met) c.finished = met;
    if (!c.finished) {
      const target = findCondition(status.conditions, 'FailureTarget');
      if (target?.status === 'True') c.finished = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', this.now());
    }
    if (!c.finished) {
      if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, pods)) c.finished = newCondition('FailureTarget', 'True', REASONS.backoffLimitExceeded, REASONS.backoffLimitExceededMessage, this.now());
      else if (this.pastActiveDeadline(job)) c.finished = newCondition('FailureTarget', 'True', REASONS.deadlineExceeded, REASONS.deadlineExceededMessage, this.now());
      else if (job.spec.activeDeadlineSeconds !== undefined && !suspended(job) && status.startTime) {
        this.d.enqueueAfter(key, job.spec.activeDeadlineSeconds * 1000 - (this.now() - Date.parse(status.startTime)));
      }
    }
    if (isIndexed(job)) {
      const ix = succeededIndexes(job, pods);
      c.prevSucceededIndexes = ix.prev;
      c.succeededIndexes = ix.now;
      c.succeeded = ix.now.reduce((n, i) => n + i.last - i.first + 1, 0);
    }
    let suspendChanged = false;
    if (c.finished) {
      const { deleted, deletedReady } = await this.deleteActive(job, c.activePods);
      if (deleted !== active || !satisfied) c.finished = undefined;
      active -= deleted;
      c.terminating += deleted;
      c.ready -= deletedReady;
    } else {
      let managed = false;
      if (satisfied && !job.metadata.deletionTimestamp) {
        active = await this.manage(key, c);
        managed = true;
      }
      const completions = job.spec.completions;
      const complete = completions === undefined ? c.succeeded > 0 && active === 0 : c.succeeded >= completions && active === 0;
      if (complete) c.finished = newCondition('SuccessCriteriaMet', 'True', REASONS.completionsReached, REASONS.completionsReachedMessage, this.now());
      else if (managed) suspendChanged = this.updateSuspended(c);
    }
    const needsStatusUpdate = suspendChanged || active !== (status.active ?? 0) || c.ready !== status.ready || c.terminating !== status.terminating;
    status.active = active;
    status.ready = c.ready;
    status.terminating = c.terminating;
    await this.tracker.track(key, c, needsStatusUpdate);
  }

  private pastActiveDeadline(job: SyncJobCtx['job']): boolean {
    const ads = job.spec.activeDeadlineSeconds;
    if (ads === undefined || !job.status.startTime || suspended(job)) return false;
    return this.now() - Date.parse(job.status.startTime) >= ads * 1000;
  }

  /** The Suspended condition and its events; whether the status changed. */
  private updateSuspended(c: SyncJobCtx): boolean {
    const status = c.job.status;
    const now = this.now();
    if (suspended(c.job)) {
      const r = ensureCondition(status.conditions ?? [], 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
      if (!r.changed) return false;
      status.conditions = r.list;
      this.d.recorder.event(c.job, 'Normal', 'Suspended', 'Job suspended');
      return true;
    }
    const r = ensureCondition(status.conditions ?? [], 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
    if (!r.changed) return false;
    status.conditions = r.list;
    this.d.recorder.event(c.job, 'Normal', 'Resumed', 'Job resumed');
    // A resumed Job's active deadline counts from now.
    status.startTime = timestamp(now);
    return true;
  }

  /** deleteActivePods: deletes (keeping finalizers) every active pod of a finishing Job. */
  private async deleteActive(job: Job, pods: Pod[]): Promise<{ deleted: number; deletedReady: number }> {
    let deleted = 0;
    let deletedReady = 0;
    let err: unknown;
    for (const p of pods) {
      try {
        await this.d.podControl.delete(job, p);
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) {
          err ??= e;
          continue;
        }
      }
      deleted++;
      if (isPodReady(p)) deletedReady++;
    }
    if (err !== undefined && deleted === 0) throw err;
    return { deleted, deletedReady };
  }

  /** manageJob: the number of active pods after creating or deleting some. */
  private async manage(key: string, c: SyncJobCtx): Promise<number> {
    const job = c.job;
    let active = c.activePods.length;
    const parallelism = job.spec.parallelism ?? 1;
    if (suspended(job)) {
      const rm = this.podsForRemoval(job, c.activePods, active);
      return active - (await this.deletePods(key, c, rm));
    }
    let wantActive: number;
    if (job.spec.completions === undefined) wantActive = c.succeeded > 0 ? active : parallelism;
    else wantActive = Math.max(0, Math.min(job.spec.completions - c.succeeded, parallelism));
    const rm = this.podsForRemoval(job, c.activePods, Math.max(0, active - wantActive)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (rm.length > 0) return active - (await this.deletePods(key, c, rm));
    const terminating = onlyReplaceFailedPods(job) ? c.terminating : 0;
    let diff = wantActive - terminating - active;
    if (diff <= 0) return active;
    const wait = remainingBackoff(c.newBackoff, this.now());
    if (wait > 0) {
      this.d.enqueueAfter(key, Math.max(wait, 1000));
      this.d.ctx.trace.emit({ component: 'kube-controller-manager', instance: JOB_CONTROLLER, action: 'backoff', object: `jobs/${key}`, message: `Job ${job.metadata.name ?? ''} waits ${Math.ceil(wait / 1000)}s before creating pods after failures` });
      return 0;
    }
    diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
    let indexes: number[] = [];
    if (isIndexed(job)) {
      indexes = firstPendingIndexes(c.succeededIndexes, c.activePods, diff, job.spec.completions ?? 0);
      diff = indexes.length;
    }
    if (diff === 0) return active;
    this.d.expectations.expectCreations(key, diff);
    const template = jobPodTemplate(job);
    let err: unknown;
    // Slow start: batches of 1, 2, 4, ... stop at the first batch with a failure.
    for (let batch = Math.min(diff, 1); diff > 0; batch = Math.min(2 * batch, diff)) {
      let failed = 0;
      for (let i = 0; i < batch; i++) {
        const index = indexes.shift();
        try {
          await this.d.podControl.create(job, newJobPod(job, template, index));
          active++;
        } catch (e) {
          this.d.expectations.creationObserved(key);
          failed++;
          err ??= e;
        }
      }
      diff -= batch;
      if (failed > 0) {
        for (let i = 0; i < diff; i++) this.d.expectations.creationObserved(key);
        break;
      }
    }
    if (err !== undefined) throw err;
    return active;
  }

  /** activePodsForRemoval: repeated or invalid indexes first, then the least advanced pods. */
  private podsForRemoval(job: Job, pods: Pod[], atLeast: number): Pod[] {
    let rm: Pod[] = [];
    let left = pods;
    if (isIndexed(job)) ({ rm, left } = duplicatedIndexPods(pods, job.spec.completions ?? 0));
    if (rm.length < atLeast) rm = [...rm, ...[...left].sort(compareForDeletion).slice(0, atLeast - rm.length)];
    return rm;
  }

  /** deleteJobPods: removes the finalizer then deletes; the number deleted. */
  private async deletePods(key: string, c: SyncJobCtx, pods: Pod[]): Promise<number> {
    if (pods.length === 0) return 0;
    this.d.expectations.expectDeletions(key, pods.length);
    let deleted = 0;
    let err: unknown;
    for (const p of pods) {
      try {
        await this.d.podControl.removeFinalizer(p);
        await this.d.podControl.delete(c.job, p);
        deleted++;
        if (isPodReady(p)) c.ready--;
      } catch (e) {
        this.d.expectations.deletionObserved(key);
        if (isStatusError(e, 'NotFound')) deleted++;
        else err ??= e;
      }
    }
    c.terminating += deleted;
    if (err !== undefined) throw err;
    return deleted;
  }
}
