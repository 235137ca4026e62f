/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go, 1.32): for each
 * CronJob, cleans up finished Jobs beyond the history limits, then reconciles the active list
 * with the Jobs it owns, and — unless suspended, too late for `startingDeadlineSeconds`, or
 * forbidden by the concurrency policy — creates the Job of the most recent unmet schedule
 * time; then it requeues the CronJob for just after the next schedule time, on the cluster's
 * virtual clock. Handlers only map CronJob and Job events to CronJob keys.
 */
import { isStatusError } from '../../api/status';
import type { CronJob, Job } from '../../api/types';
import type { TimerHandle } from '../../clock/clock';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { isValidTimeZone } from '../../apiserver/resources/cron';
import type { Controller, ControllerContext } from '../manager';
import { controllerOf } from '../util/controllerRef';
import { timestamp } from '../util/pods';
import { byStartTime, finishedStatus, jobFromTemplate, jobName, jobReference } from './jobs';
import { mostRecentScheduleTime, nextScheduleDelay, parseSchedule } from './schedule';

/** The controller's name in `--controllers`. */
export const CRONJOB_CONTROLLER = 'cronjob';

const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' };

/** The CronJob controller. */
export class CronJobController implements Controller {
  private readonly cronJobs: Informer<CronJob>;
  private readonly jobs: Informer<Job>;
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  /** The pending requeue of each CronJob (one timer, the earliest). */
  private readonly requeues = new Map<string, { due: number; handle: TimerHandle }>();

  constructor(private readonly ctx: ControllerContext) {
    this.cronJobs = ctx.informers.informer<CronJob>({ group: 'batch', version: 'v1', resource: 'cronjobs' });
    this.jobs = ctx.informers.informer<Job>(JOBS);
    this.recorder = ctx.recorder('cronjob-controller');
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.queue.onError = (key, err) => ctx.trace.emit({ component: 'kube-controller-manager', instance: CRONJOB_CONTROLLER, action: 'error', object: `cronjobs/${key}`, message: `sync of CronJob ${key} failed: ${err instanceof Error ? err.message : String(err)}` });
  }

  /** Adds the event handlers. */
  start(): void {
    this.cronJobs.addHandlers({
      add: (cj) => this.queue.add(keyOf(cj)),
      update: (old, cur) => this.updateCronJob(old, cur),
      delete: (cj) => this.queue.add(keyOf(cj)),
    });
    const onJob = (job: Job) => {
      const cj = this.cronJobOf(job);
      if (cj) this.queue.add(keyOf(cj));
    };
    this.jobs.addHandlers({
      add: (job) => onJob(job),
      update: (old, cur) => {
        if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
        const before = this.cronJobOf(old);
        if (before && controllerOf(old)?.uid !== controllerOf(cur)?.uid) this.queue.add(keyOf(before));
        onJob(cur);
      },
      delete: (job) => onJob(job),
    });
  }

  /** Stops the queue and the requeue timers. */
  stop(): void {
    this.queue.shutdown();
    for (const r of this.requeues.values()) this.ctx.clock.clearTimer(r.handle);
    this.requeues.clear();
  }

  private cronJobOf(job: Job): CronJob | undefined {
    const ref = controllerOf(job);
    if (!ref || ref.kind !== 'CronJob') return undefined;
    const cj = this.cronJobs.get(`${job.metadata.namespace ?? ''}/${ref.name}`);
    return cj && cj.metadata.uid === ref.uid ? cj : undefined;
  }

  /** AddAfter, keeping only the earliest pending requeue of a key. */
  private requeueAfter(key: string, ms: number): void {
    const due = this.ctx.clock.now() + Math.max(0, ms);
    const cur = this.requeues.get(key);
    if (cur && cur.due <= due) return;
    if (cur) this.ctx.clock.clearTimer(cur.handle);
    const handle = this.ctx.clock.setTimer(Math.max(0, ms), () => {
      this.requeues.delete(key);
      this.queue.add(key);
    });
    this.requeues.set(key, { due, handle });
  }

  private updateCronJob(old: CronJob, cur: CronJob): void {
    if (old.spec.schedule !== cur.spec.schedule || old.spec.timeZone !== cur.spec.timeZone) {
      const sched = parseSchedule(cur.spec.schedule, this.zoneOf(cur));
      if ('error' in sched) {
        this.recorder.event(cur, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cur.spec.schedule}`);
        return;
      }
      this.requeueAfter(keyOf(cur), nextScheduleDelay(this.created(cur), this.lastSchedule(cur), this.ctx.clock.now(), sched));
      return;
    }
    this.queue.add(keyOf(cur));
  }

  private created(cj: CronJob): number {
    return Date.parse(cj.metadata.creationTimestamp ?? '') || this.ctx.clock.now();
  }

  private lastSchedule(cj: CronJob): number | undefined {
    const t = cj.status?.lastScheduleTime;
    return t ? Date.parse(t) : undefined;
  }

  /** The zone of the schedule: the `timeZone` field when it is valid (formatSchedule). */
  private zoneOf(cj: CronJob): string | undefined {
    return cj.spec.timeZone && isValidTimeZone(cj.spec.timeZone) ? cj.spec.timeZone : undefined;
  }

  /** sync: cleanup, reconcile, update the status once, requeue. */
  private async sync(key: string): Promise<void> {
    const shared = this.cronJobs.get(key);
    if (!shared) return;
    const cj = JSON.parse(JSON.stringify(shared)) as CronJob;
    cj.status ??= {};
    const jobs = this.jobs.byIndex('namespace', cj.metadata.namespace ?? '').filter((j) => controllerOf(j)?.name === cj.metadata.name && controllerOf(j)?.kind === 'CronJob');
    const cleaned = await this.cleanupFinishedJobs(cj, jobs);
    let result: { requeue?: number; update: boolean; error?: unknown };
    try {
      result = await this.syncCronJob(cj, jobs);
    } catch (e) {
      result = { update: false, error: e };
    }
    if (cleaned || result.update) {
      const ref = { group: 'batch', version: 'v1', resource: 'cronjobs', namespace: cj.metadata.namespace ?? '', name: cj.metadata.name ?? '', subresource: 'status' };
      await this.ctx.client.update(ref, cj);
    }
    if (result.requeue !== undefined) this.requeueAfter(key, result.requeue);
    else if (result.error !== undefined) throw result.error;
  }

  /** syncCronJob; may change `cj.status`. */
  private async syncCronJob(cj: CronJob, jobs: Job[]): Promise<{ requeue?: number; update: boolean }> {
    const now = this.ctx.clock.now();
    const status = (cj.status ??= {});
    let update = false;
    const uids = new Set<string>();
    const inActive = (uid: string | undefined) => (status.active ?? []).some((r) => r.uid === uid);
    const dropActive = (uid: string | undefined) => {
      status.active = (status.active ?? []).filter((r) => r.uid !== uid);
    };
    for (const j of jobs) {
      uids.add(j.metadata.uid ?? '');
      const finished = finishedStatus(j);
      const found = inActive(j.metadata.uid);
      if (!found && !finished) {
        const fresh = await this.ctx.client.get<CronJob>({ group: 'batch', version: 'v1', resource: 'cronjobs', namespace: cj.metadata.namespace ?? '', name: cj.metadata.name ?? '' });
        if ((fresh.status?.active ?? []).some((r) => r.uid === j.metadata.uid)) {
          Object.assign(cj, fresh);
          continue;
        }
        this.recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name ?? ''}`);
      } else if (found && finished) {
        dropActive(j.metadata.uid);
        this.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name ?? ''}, status: ${finished}`);
        update = true;
      } else if (finished === 'Complete') {
        const done = j.status?.completionTime;
        if (done && (!status.lastSuccessfulTime || Date.parse(done) > Date.parse(status.lastSuccessfulTime))) {
          status.lastSuccessfulTime = done;
          update = true;
        }
      }
    }
    for (const r of [...(status.active ?? [])]) {
      if (uids.has(r.uid ?? '')) continue;
      try {
        await this.ctx.client.get({ ...JOBS, namespace: r.namespace ?? '', name: r.name ?? '' });
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) throw e;
        this.recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${r.name ?? ''}`);
        dropActive(r.uid);
        update = true;
      }
    }
    if (cj.metadata.deletionTimestamp) return { update };
    const tz = cj.spec.timeZone;
    if (tz !== undefined && !isValidTimeZone(tz)) {
      this.recorder.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`);
      return { update };
    }
    if (cj.spec.suspend) return { update };
    if (cj.spec.schedule.includes('TZ')) this.recorder.event(cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule "${cj.spec.schedule}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`);
    const sched = parseSchedule(cj.spec.schedule, this.zoneOf(cj));
    if ('error' in sched) {
      this.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec.schedule}" : ${sched.error}`);
      return { update };
    }
    const requeue = () => nextScheduleDelay(this.created(cj), this.lastSchedule(cj), now, sched);
    const recent = mostRecentScheduleTime(this.created(cj), this.lastSchedule(cj), cj.spec.startingDeadlineSeconds, now, sched, true);
    if (recent.missed === 'many' && recent.mostRecent !== undefined) this.recorder.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    if (recent.error) {
      this.recorder.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${recent.error}`);
      return { update };
    }
    const scheduled = recent.mostRecent;
    if (scheduled === undefined || scheduled > now) return { update, requeue: requeue() };
    if (cj.spec.startingDeadlineSeconds !== undefined && scheduled + cj.spec.startingDeadlineSeconds * 1000 < now) {
      this.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return { update, requeue: requeue() };
    }
    const name = jobName(cj, scheduled);
    if ((status.active ?? []).some((r) => r.name === name) || this.lastSchedule(cj) === scheduled) return { update, requeue: requeue() };
    if (cj.spec.concurrencyPolicy === 'Forbid' && (status.active ?? []).length > 0) {
      this.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      this.trace(cj, 'skip', `CronJob ${cj.metadata.name ?? ''} skipped ${name}: the previous Job still runs (Forbid)`);
      return { update, requeue: requeue() };
    }
    if (cj.spec.concurrencyPolicy === 'Replace') {
      for (const r of [...(status.active ?? [])]) {
        let job: Job;
        try {
          job = await this.ctx.client.get<Job>({ ...JOBS, namespace: r.namespace ?? '', name: r.name ?? '' });
        } catch (e) {
          this.recorder.event(cj, 'Warning', 'FailedGet', `Get job: ${e instanceof Error ? e.message : String(e)}`);
          throw e;
        }
        if (!(await this.deleteJob(cj, job))) throw new Error(`could not replace job ${job.metadata.namespace ?? ''}/${job.metadata.name ?? ''}`);
        update = true;
      }
    }
    const req = jobFromTemplate(cj, scheduled);
    let created: Job;
    try {
      created = await this.ctx.client.create<Job>({ ...JOBS, namespace: cj.metadata.namespace ?? '' }, req);
      this.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name ?? ''}`);
      this.trace(cj, 'create', `CronJob ${cj.metadata.name ?? ''} created Job ${created.metadata.name ?? ''} for ${timestamp(scheduled)}`);
    } catch (e) {
      if (!isStatusError(e, 'AlreadyExists')) {
        if (!(isStatusError(e) && e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating'))) this.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
      created = await this.ctx.client.get<Job>({ ...JOBS, namespace: cj.metadata.namespace ?? '', name });
      if (controllerOf(created)?.uid !== cj.metadata.uid || inActive(created.metadata.uid)) return { update };
    }
    status.active = [...(status.active ?? []), jobReference(created)];
    status.lastScheduleTime = timestamp(scheduled);
    return { update: true, requeue: nextScheduleDelay(this.created(cj), scheduled, now, sched) };
  }

  /** cleanupFinishedJobs: deletes the oldest finished Jobs beyond the history limits. */
  private async cleanupFinishedJobs(cj: CronJob, jobs: Job[]): Promise<boolean> {
    const okLimit = cj.spec.successfulJobsHistoryLimit;
    const failLimit = cj.spec.failedJobsHistoryLimit;
    if (okLimit === undefined && failLimit === undefined) return false;
    let update = false;
    const removeOldest = async (list: Job[], max: number) => {
      const sorted = [...list].sort(byStartTime);
      for (const j of sorted.slice(0, Math.max(0, sorted.length - max))) if (await this.deleteJob(cj, j)) update = true;
    };
    if (okLimit !== undefined) await removeOldest(jobs.filter((j) => finishedStatus(j) === 'Complete'), okLimit);
    if (failLimit !== undefined) await removeOldest(jobs.filter((j) => finishedStatus(j) === 'Failed'), failLimit);
    return update;
  }

  /** deleteJob: deletes a Job (background propagation) and drops it from the active list. */
  private async deleteJob(cj: CronJob, job: Job): Promise<boolean> {
    const opts = { propagationPolicy: 'Background' as const };
    try {
      await this.ctx.client.delete({ ...JOBS, namespace: job.metadata.namespace ?? '', name: job.metadata.name ?? '' }, opts);
    } catch (e) {
      this.recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    if (cj.status) cj.status.active = (cj.status.active ?? []).filter((r) => r.uid !== job.metadata.uid);
    this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name ?? ''}`);
    this.trace(cj, 'delete', `CronJob ${cj.metadata.name ?? ''} deleted Job ${job.metadata.name ?? ''}`);
    return true;
  }

  private trace(cj: CronJob, action: string, message: string): void {
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: CRONJOB_CONTROLLER, action, object: `cronjobs/${cj.metadata.namespace ?? ''}/${cj.metadata.name ?? ''}`, message });
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Sun, 01 Mar 2026 09:01:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

