/**
 * The CronJob controller on the virtual clock; the kubelets run the Jobs' busybox commands.
 */
import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';
import { eventsOf, kubectlGet } from './batchHelpers';

const cronRef = (name?: string) => ref('cronjobs', 'default', name, 'batch', 'v1');
const jobsRef = (name?: string) => ref('jobs', 'default', name, 'batch', 'v1');

function cronJob(name: string, spec: Partial<CronJob['spec']> = {}, script = 'date; echo Hello'): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { containers: [{ name, image: 'busybox:1.36', command: ['sh', '-c', script] }], restartPolicy: 'OnFailure' } } } },
      ...spec,
    },
  };
}

async function jobsOf(s: Scenario, cj: string): Promise<Job[]> {
  const list = await s.client.list<Job>(jobsRef());
  return list.items.filter((j) => j.metadata.ownerReferences?.[0]?.name === cj).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

/** Waits until a Job has completed. */
async function completed(s: Scenario, name: string): Promise<void> {
  await s.until(async () => {
    const j = await s.client.get<Job>(jobsRef(name));
    return j.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True') ? true : undefined;
  }, 120_000);
}

const minute = (ms: number) => Math.floor(ms / 60_000);

describe('CronJob controller', () => {
  it('creates a Job once per virtual minute, named by its scheduled minute, and keeps the 3 last successful ones', async () => {
    const s = await scenario();
    await s.client.create(cronRef(), cronJob('hello'));
    const firstMinute = minute(s.clock.now()) + 1;
    for (let i = 0; i < 5; i++) {
      const name = `hello-${firstMinute + i}`;
      await s.until(async () => ((await jobsOf(s, 'hello')).some((j) => j.metadata.name === name) ? true : undefined), 90_000);
      // Created within a second of the scheduled minute.
      expect(s.clock.now() - (firstMinute + i) * 60_000).toBeLessThan(2_000);
      await completed(s, name);
    }
    // The oldest successful Jobs are deleted once a fourth and a fifth have succeeded.
    await s.until(async () => ((await jobsOf(s, 'hello')).length === 3 ? true : undefined));
    const jobs = await jobsOf(s, 'hello');
    expect(jobs.map((j) => j.metadata.name)).toEqual([2, 3, 4].map((i) => `hello-${firstMinute + i}`));
    const last = jobs[2] as Job;
    expect(last.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(new Date((firstMinute + 4) * 60_000).toISOString().replace('.000Z', 'Z'));
    expect(last.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', controller: true, blockOwnerDeletion: true });
    const cj = await s.client.get<CronJob>(cronRef('hello'));
    expect(cj.status?.lastScheduleTime).toBe(new Date((firstMinute + 4) * 60_000).toISOString().replace('.000Z', 'Z'));
    expect(cj.status?.lastSuccessfulTime).toBe(last.status?.completionTime);
    expect(cj.status?.active ?? []).toEqual([]);
    const out = await kubectlGet(s, 'cronjobs');
    expect(out).toMatch(/^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE\n/);
    expect(out).toMatch(/\nhello\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+0\s+\d+s\s+\d+m\d*s?\n/);
    const events = await eventsOf(s, 'CronJob', 'hello');
    expect(events).toContain(`SuccessfulCreate: Created job hello-${firstMinute}`);
    expect(events).toContain(`SawCompletedJob: Saw completed job: hello-${firstMinute}, status: Complete`);
    expect(events).toContain(`SuccessfulDelete: Deleted job hello-${firstMinute}`);
    expect(events).toContain(`SuccessfulDelete: Deleted job hello-${firstMinute + 1}`);
    s.stop();
  });

  it('with concurrencyPolicy Forbid, starts no Job while the previous one runs', async () => {
    const s = await scenario();
    // Each Job runs for 150 s: the next two schedules find it still running.
    await s.client.create(cronRef(), cronJob('once', { concurrencyPolicy: 'Forbid' }, 'sleep 150'));
    const firstMinute = minute(s.clock.now()) + 1;
    await s.until(async () => ((await jobsOf(s, 'once')).length === 1 ? true : undefined), 90_000);
    await s.advance(100_000, 1000);
    expect((await jobsOf(s, 'once')).map((j) => j.metadata.name)).toEqual([`once-${firstMinute}`]);
    const cj = await s.client.get<CronJob>(cronRef('once'));
    expect(cj.status?.active?.map((r) => r.name)).toEqual([`once-${firstMinute}`]);
    expect(await kubectlGet(s, 'cronjobs')).toMatch(/\nonce\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+1\s+/);
    expect(await eventsOf(s, 'CronJob', 'once')).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
    // Once it has finished, the most recent missed schedule (minute +2; +1 was skipped for good)
    // still has no Job and no starting deadline: it runs at once, late, as the real controller does.
    await completed(s, `once-${firstMinute}`);
    const late = await s.until(async () => (await jobsOf(s, 'once')).find((j) => j.metadata.name !== `once-${firstMinute}`), 90_000);
    expect(late.metadata.name).toBe(`once-${firstMinute + 2}`);
    expect(late.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(new Date((firstMinute + 2) * 60_000).toISOString().replace('.000Z', 'Z'));
    const first = await s.client.get<Job>(jobsRef(`once-${firstMinute}`));
    expect(Date.parse(late.metadata.creationTimestamp ?? '') - Date.parse(first.status?.completionTime ?? '')).toBeLessThan(2_000);
    s.stop();
  });

  it('with concurrencyPolicy Replace, deletes the running Job and starts the new one', async () => {
    const s = await scenario();
    await s.client.create(cronRef(), cronJob('swap', { concurrencyPolicy: 'Replace' }, 'sleep 3600'));
    const firstMinute = minute(s.clock.now()) + 1;
    await s.until(async () => ((await jobsOf(s, 'swap')).some((j) => j.metadata.name === `swap-${firstMinute}`) ? true : undefined), 90_000);
    await s.until(async () => {
      const names = (await jobsOf(s, 'swap')).map((j) => j.metadata.name);
      return names.length === 1 && names[0] === `swap-${firstMinute + 1}` ? true : undefined;
    }, 90_000);
    expect(await eventsOf(s, 'CronJob', 'swap')).toContain(`SuccessfulDelete: Deleted job swap-${firstMinute}`);
    s.stop();
  });

  it('creates nothing while suspended', async () => {
    const s = await scenario();
    await s.client.create(cronRef(), cronJob('off', { suspend: true }));
    await s.advance(150_000, 1000);
    expect(await jobsOf(s, 'off')).toEqual([]);
    expect(await kubectlGet(s, 'cronjobs')).toMatch(/\noff\s+\*\/1 \* \* \* \*\s+<none>\s+True\s+0\s+<none>\s+/);
    await s.client.patch(cronRef('off'), { spec: { suspend: false } }, 'application/merge-patch+json');
    await s.until(async () => ((await jobsOf(s, 'off')).length === 1 ? true : undefined), 90_000);
    s.stop();
  });
});
