/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished, 1.32): a finished Job
 * (Complete or Failed) with `spec.ttlSecondsAfterFinished` is deleted that many seconds after
 * it finished. The Job is queued for when its TTL expires (on the virtual clock); before
 * deleting, the controller reads the Job fresh from the API server and checks again, then
 * deletes it with foreground propagation and a UID precondition, as the real controller does
 * (the garbage collector then deletes its pods before the Job goes). No events are recorded.
 */
import { isStatusError } from '../../api/status';
import type { Job } from '../../api/types';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';

/** The controller's name in `--controllers`. */
export const TTL_AFTER_FINISHED_CONTROLLER = 'ttl-after-finished';

/** When a finished Job finished (jobFinishTime: its terminal condition's transition), if it has. */
export function jobFinishTime(job: Job): number | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') {
      const t = Date.parse(c.lastTransitionTime ?? '');
      return Number.isNaN(t) ? undefined : t;
    }
  }
  return undefined;
}

/** Whether the Job has a TTL and has finished (needsCleanup). */
export function needsCleanup(job: Job): boolean {
  return job.spec.ttlSecondsAfterFinished !== undefined && jobFinishTime(job) !== undefined && !job.metadata.deletionTimestamp;
}

/** The TTL-after-finished controller. */
export class TtlAfterFinishedController implements Controller {
  private readonly jobs: Informer<Job>;
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.jobs = ctx.informers.informer<Job>({ group: 'batch', version: 'v1', resource: 'jobs' });
    this.queue = new WorkQueue(ctx.clock, (key) => this.processJob(key));
    this.queue.onError = (key, err) => ctx.trace.emit({ component: 'kube-controller-manager', instance: TTL_AFTER_FINISHED_CONTROLLER, action: 'error', object: `jobs/${key}`, message: `cleanup of Job ${key} failed: ${err instanceof Error ? err.message : String(err)}` });
  }

  /** Adds the event handlers. */
  start(): void {
    const enqueue = (job: Job) => {
      if (needsCleanup(job)) this.queue.add(keyOf(job));
    };
    this.jobs.addHandlers({ add: enqueue, update: (_old, cur) => enqueue(cur) });
  }

  /** Stops the queue. */
  stop(): void {
    this.queue.shutdown();
  }

  /** The time left before the Job's TTL expires (≤ 0: expired), or undefined when it needs no cleanup. */
  private timeLeft(job: Job): number | undefined {
    if (!needsCleanup(job)) return undefined;
    const finished = jobFinishTime(job) as number;
    return finished + (job.spec.ttlSecondsAfterFinished ?? 0) * 1000 - this.ctx.clock.now();
  }

  private async processJob(key: string): Promise<void> {
    const cached = this.jobs.get(key);
    if (!cached) return;
    const left = this.timeLeft(cached);
    if (left === undefined) return;
    if (left > 0) {
      this.queue.addAfter(key, left);
      return;
    }
    const [namespace, name] = key.split('/') as [string, string];
    const ref = { group: 'batch', version: 'v1', resource: 'jobs', namespace, name };
    let fresh: Job;
    try {
      fresh = await this.ctx.client.get<Job>(ref);
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return;
      throw e;
    }
    const freshLeft = this.timeLeft(fresh);
    if (freshLeft === undefined) return;
    if (freshLeft > 0) {
      this.queue.addAfter(key, freshLeft);
      return;
    }
    const options = { propagationPolicy: 'Foreground' as const, preconditions: { uid: fresh.metadata.uid ?? '' } };
    await this.ctx.client.delete(ref, options);
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: TTL_AFTER_FINISHED_CONTROLLER, action: 'delete', object: `jobs/${key}`, message: `Job ${key} finished ${fresh.spec.ttlSecondsAfterFinished ?? 0}s ago: deleted` });
  }
}
