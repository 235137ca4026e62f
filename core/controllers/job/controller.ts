/**
 * The Job controller (pkg/controller/job/job_controller.go, 1.32): runs a Job's pods to
 * completion. Event handlers only map Job and pod events to Job keys — a new or changed spec
 * is synced at once, pod events are batched for a second — and record what the expectations
 * need; `JobSync.sync` (sync.ts) does the work. A second queue removes the tracking finalizer
 * of orphan pods (their Job gone or finished), as the controller's orphan worker does.
 */
import { isStatusError } from '../../api/status';
import type { Job, Pod } from '../../api/types';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { CONTROLLER_UID_INDEX, controllerOf, controllerUidIndex } from '../util/controllerRef';
import { BackoffStore } from './backoff';
import { finishedType } from './conditions';
import { JOB_COMPONENT, JOB_CONTROLLER, SYNC_BATCH_MS } from './constants';
import { FinalizerExpectations, PodExpectations } from './expectations';
import { JobPodControl } from './podControl';
import { JobSync } from './sync';
import { hasTrackingFinalizer } from './tracking';

/** The Job controller. */
export class JobController implements Controller {
  private readonly jobs: Informer<Job>;
  private readonly pods: Informer<Pod>;
  private readonly queue: WorkQueue;
  private readonly orphans: WorkQueue;
  private readonly expectations: PodExpectations;
  private readonly finalizers = new FinalizerExpectations();
  private readonly batched = new Set<string>();
  private readonly podControl: JobPodControl;
  private readonly syncer: JobSync;

  constructor(private readonly ctx: ControllerContext) {
    this.jobs = ctx.informers.informer<Job>({ group: 'batch', version: 'v1', resource: 'jobs' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.pods.addIndex(CONTROLLER_UID_INDEX, controllerUidIndex);
    this.expectations = new PodExpectations(ctx.clock);
    const recorder = ctx.recorder(JOB_COMPONENT);
    this.podControl = new JobPodControl(ctx, recorder);
    // The Job controller's queues back off from 1 s to 1 min (DefaultJobApiBackOff, MaxJobApiBackOff).
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncer.sync(key), 1000, 60_000);
    this.orphans = new WorkQueue(ctx.clock, (key) => this.syncOrphan(key), 1000, 60_000);
    const onError = (what: string) => (key: string, err: unknown) => ctx.trace.emit({ component: 'kube-controller-manager', instance: JOB_CONTROLLER, action: 'error', object: `${what}/${key}`, message: `sync of ${key} failed: ${err instanceof Error ? err.message : String(err)}` });
    this.queue.onError = onError('jobs');
    this.orphans.onError = onError('pods');
    this.syncer = new JobSync({
      ctx,
      jobs: this.jobs,
      pods: this.pods,
      podsOf: (job) => this.pods.byIndex(CONTROLLER_UID_INDEX, job.metadata.uid ?? '').filter((p) => p.metadata.namespace === job.metadata.namespace),
      expectations: this.expectations,
      finalizers: this.finalizers,
      backoff: new BackoffStore(),
      podControl: this.podControl,
      recorder,
      enqueueAfter: (key, ms) => this.queue.addAfter(key, Math.max(0, ms)),
    });
  }

  /** Adds the event handlers. */
  start(): void {
    this.jobs.addHandlers({
      add: (job) => this.queue.add(keyOf(job)),
      update: (old, cur) => this.updateJob(old, cur),
      delete: (job) => {
        this.queue.add(keyOf(job));
        this.cleanupPodFinalizers(job);
      },
    });
    this.pods.addHandlers({
      add: (p) => this.addPod(p),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (p) => this.deletePod(p, true),
    });
  }

  /** Stops the queues. */
  stop(): void {
    this.queue.shutdown();
    this.orphans.shutdown();
  }

  private enqueueBatched(job: Job): void {
    const key = keyOf(job);
    if (this.batched.has(key)) return;
    this.batched.add(key);
    this.ctx.clock.setTimer(SYNC_BATCH_MS, () => {
      this.batched.delete(key);
      this.queue.add(key);
    });
  }

  private updateJob(old: Job, cur: Job): void {
    if (cur.metadata.generation === old.metadata.generation) this.enqueueBatched(cur);
    else this.queue.add(keyOf(cur));
    if (finishedType(cur)) this.cleanupPodFinalizers(cur);
    const ads = cur.spec.activeDeadlineSeconds;
    const start = cur.status?.startTime;
    if (start && ads !== undefined && ads !== old.spec.activeDeadlineSeconds) {
      this.queue.addAfter(keyOf(cur), Math.max(0, ads * 1000 - (this.ctx.clock.now() - Date.parse(start))));
    }
  }

  /** The Job controlling a pod, resolved by name and checked by uid. */
  private jobOf(pod: Pod): Job | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'Job') return undefined;
    const job = this.jobs.get(`${pod.metadata.namespace ?? ''}/${ref.name}`);
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }

  private addPod(pod: Pod): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod, false);
    const job = this.jobOf(pod);
    if (job) {
      this.expectations.creationObserved(keyOf(job));
      this.enqueueBatched(job);
    } else if (hasTrackingFinalizer(pod)) this.orphans.add(keyOf(pod));
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    if (cur.metadata.deletionTimestamp) return this.deletePod(cur, false);
    const job = this.jobOf(cur);
    if (job) {
      if (!hasTrackingFinalizer(cur)) this.finalizers.observed(keyOf(job), cur.metadata.uid ?? '');
      this.enqueueBatched(job);
    } else if (hasTrackingFinalizer(cur)) this.orphans.add(keyOf(cur));
  }

  private deletePod(pod: Pod, final: boolean): void {
    const ref = controllerOf(pod);
    const tracked = hasTrackingFinalizer(pod);
    if (!ref) {
      if (tracked && !final) this.orphans.add(keyOf(pod));
      return;
    }
    const job = this.jobOf(pod);
    if (!job || finishedType(job)) {
      if (tracked && !final) this.orphans.add(keyOf(pod));
      return;
    }
    const key = keyOf(job);
    this.expectations.deletionObserved(key);
    if (final || !tracked) this.finalizers.observed(key, pod.metadata.uid ?? '');
    this.enqueueBatched(job);
  }

  /** Queues the pods of a finished or deleted Job that still have the finalizer. */
  private cleanupPodFinalizers(job: Job): void {
    for (const p of this.pods.byIndex(CONTROLLER_UID_INDEX, job.metadata.uid ?? '')) if (hasTrackingFinalizer(p)) this.orphans.add(keyOf(p));
  }

  /** syncOrphanPod: removes the tracking finalizer of a pod no running Job counts. */
  private async syncOrphan(key: string): Promise<void> {
    const pod = this.pods.get(key);
    if (!pod || !hasTrackingFinalizer(pod)) return;
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
      const job = this.jobOf(pod);
      if (job && !finishedType(job)) return;
    }
    try {
      await this.podControl.removeFinalizer(pod);
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
    }
  }
}
