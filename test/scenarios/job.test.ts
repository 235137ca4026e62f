/**
 * The Job and TTL-after-finished controllers as a student sees them. The kubelets run the
 * busybox commands: `sleep 5` succeeds after five seconds, `exit 1` fails at once.
 */
import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';
import { busyboxJob, eventsOf, finishedAt, jobPods, kubectlGet, untilRunning } from './batchHelpers';

const jobsRef = (name?: string) => ref('jobs', 'default', name, 'batch', 'v1');

function condition(job: Job, type: string) {
  return job.status?.conditions?.find((c) => c.type === type);
}

async function untilCondition(s: Scenario, name: string, type: string): Promise<Job> {
  return s.until(async () => {
    const j = await s.client.get<Job>(jobsRef(name));
    return condition(j, type)?.status === 'True' ? j : undefined;
  });
}

describe('Job controller', () => {
  it('runs a Job with completions 3 and parallelism 2 to Complete, never more than 2 pods at a time', async () => {
    const s = await scenario();
    await s.client.create(jobsRef(), busyboxJob('pi', 'sleep 5', { completions: 3, parallelism: 2 }));
    const first = await untilRunning(s, 'pi', 2);
    expect((await jobPods(s, 'pi')).length).toBe(2);
    const running = await kubectlGet(s, 'jobs');
    expect(running).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\n/);
    expect(running).toMatch(/\npi\s+Running\s+0\/3\s+\d+s\s+\d+s\n/);
    const pod = first[0] as Pod;
    expect(pod.metadata.finalizers).toContain('batch.kubernetes.io/job-tracking');
    expect(pod.metadata.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi' });
    expect(pod.metadata.labels?.['batch.kubernetes.io/controller-uid']).toBeTruthy();
    expect(pod.metadata.generateName).toBe('pi-');
    const done = await untilCondition(s, 'pi', 'Complete');
    expect(done.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(done.status?.completionTime).toBeTruthy();
    expect(condition(done, 'SuccessCriteriaMet')).toMatchObject({ status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    expect(condition(done, 'Complete')).toMatchObject({ status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    expect(await kubectlGet(s, 'jobs')).toMatch(/\npi\s+Complete\s+3\/3\s+\d+s\s+\d+s\n/);
    // The finished pods stay (Completed), their finalizers removed once counted; the third
    // pod was only created once one of the first two had succeeded.
    const pods = await jobPods(s, 'pi');
    expect(pods.map((p) => p.status?.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    expect(pods.every((p) => !(p.metadata.finalizers ?? []).includes('batch.kubernetes.io/job-tracking'))).toBe(true);
    expect(Date.parse(pods[2]?.metadata.creationTimestamp ?? '')).toBeGreaterThanOrEqual(Math.min(finishedAt(pods[0] as Pod), finishedAt(pods[1] as Pod)) - 1000);
    const events = await eventsOf(s, 'Job', 'pi');
    expect(events.filter((e) => e.startsWith('SuccessfulCreate: Created pod: pi-'))).toHaveLength(3);
    expect(events[events.length - 1]).toBe('Completed: Job completed');
    s.stop();
  });

  it('replaces failed pods after 10 s, then 20 s, and fails the Job with BackoffLimitExceeded after backoffLimit + 1 failures', async () => {
    const s = await scenario();
    await s.client.create(jobsRef(), busyboxJob('fail', 'exit 1', { backoffLimit: 2 }));
    const failed = await untilCondition(s, 'fail', 'Failed');
    const pods = await jobPods(s, 'fail');
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p.status?.phase)).toEqual(['Failed', 'Failed', 'Failed']);
    const created = pods.map((p) => Date.parse(p.metadata.creationTimestamp ?? ''));
    // Exponential back-off between recreations: 10 s after the first failure, 20 s after the second.
    const gap1 = (created[1] as number) - finishedAt(pods[0] as Pod);
    const gap2 = (created[2] as number) - finishedAt(pods[1] as Pod);
    expect(gap1).toBeGreaterThanOrEqual(9_000);
    expect(gap1).toBeLessThan(13_000);
    expect(gap2).toBeGreaterThanOrEqual(19_000);
    expect(gap2).toBeLessThan(23_000);
    expect(failed.status).toMatchObject({ failed: 3 });
    expect(failed.status?.succeeded ?? 0).toBe(0);
    expect(condition(failed, 'FailureTarget')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(condition(failed, 'Failed')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(await kubectlGet(s, 'jobs')).toMatch(/\nfail\s+Failed\s+0\/1\s+\d+s\s+\d+s\n/);
    const events = await eventsOf(s, 'Job', 'fail');
    expect(events).toContain('BackoffLimitExceeded: Job has reached the specified backoff limit');
    expect(events.filter((e) => e.startsWith('SuccessfulCreate'))).toHaveLength(3);
    s.stop();
  });

  it('gives an Indexed Job one pod per completion index, with its annotation, label, hostname and env', async () => {
    const s = await scenario();
    await s.client.create(jobsRef(), busyboxJob('idx', 'sleep 5', { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    const pods = await untilRunning(s, 'idx', 3);
    const byIndex = pods.map((p) => [p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'], p.metadata.labels?.['batch.kubernetes.io/job-completion-index'], p.spec['hostname'], p.metadata.generateName]).sort();
    expect(byIndex).toEqual([
      ['0', '0', 'idx-0', 'idx-0-'],
      ['1', '1', 'idx-1', 'idx-1-'],
      ['2', '2', 'idx-2', 'idx-2-'],
    ]);
    expect(pods[0]?.spec.containers[0]?.env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
    const done = await untilCondition(s, 'idx', 'Complete');
    expect(done.status?.['completedIndexes']).toBe('0-2');
    expect(done.status?.succeeded).toBe(3);
    s.stop();
  });

  it('fails a Job that runs longer than activeDeadlineSeconds with DeadlineExceeded and deletes its pods', async () => {
    const s = await scenario();
    await s.client.create(jobsRef(), busyboxJob('slow', 'sleep 3600', { activeDeadlineSeconds: 30 }));
    await untilRunning(s, 'slow', 1);
    const failed = await untilCondition(s, 'slow', 'Failed');
    expect(condition(failed, 'Failed')).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    const elapsed = Date.parse(condition(failed, 'FailureTarget')?.lastTransitionTime ?? '') - Date.parse(failed.status?.startTime ?? '');
    expect(elapsed).toBeGreaterThanOrEqual(30_000);
    expect(elapsed).toBeLessThan(32_000);
    expect(failed.status).toMatchObject({ failed: 1 });
    expect(failed.status?.active).toBeUndefined();
    // Its pod was deleted (the kubelet stops it after the grace period).
    expect((await jobPods(s, 'slow')).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(await eventsOf(s, 'Job', 'slow')).toContain('DeadlineExceeded: Job was active longer than specified deadline');
    s.stop();
  });

  it('deletes the pods of a suspended Job and creates them again when it resumes', async () => {
    const s = await scenario();
    await s.client.create(jobsRef(), busyboxJob('pause', 'sleep 3600', { parallelism: 2, completions: 4 }));
    await untilRunning(s, 'pause', 2);
    await s.client.patch(jobsRef('pause'), { spec: { suspend: true } }, 'application/merge-patch+json');
    // Every pod is deleted and none active any more.
    const j = await s.until(async () => {
      const job = await s.client.get<Job>(jobsRef('pause'));
      const pods = await jobPods(s, 'pause');
      return pods.every((p) => p.metadata.deletionTimestamp) && !job.status?.active ? job : undefined;
    });
    expect(condition(j, 'Suspended')).toMatchObject({ status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(await kubectlGet(s, 'jobs')).toMatch(/\npause\s+Suspended\s+0\/4\s+/);
    await s.client.patch(jobsRef('pause'), { spec: { suspend: false } }, 'application/merge-patch+json');
    await untilRunning(s, 'pause', 2);
    const events = await eventsOf(s, 'Job', 'pause');
    expect(events).toContain('Suspended: Job suspended');
    expect(events).toContain('Resumed: Job resumed');
    s.stop();
  });

  it('deletes a finished Job ttlSecondsAfterFinished after it finished, with its pods', async () => {
    const s = await scenario();
    await s.client.create(jobsRef(), busyboxJob('short', 'sleep 5', { ttlSecondsAfterFinished: 60 }));
    const done = await untilCondition(s, 'short', 'Complete');
    const finished = Date.parse(condition(done, 'Complete')?.lastTransitionTime ?? '');
    await s.advance(50_000, 1000);
    expect(await kubectlGet(s, 'jobs')).toMatch(/\nshort\s+Complete\s+1\/1\s+/);
    const gone = await s.until(async () => {
      const list = await s.client.list<Job>(jobsRef());
      return list.items.some((j) => j.metadata.name === 'short') ? undefined : s.clock.now();
    }, 120_000, 1000);
    expect(gone - finished).toBeGreaterThanOrEqual(60_000);
    expect(gone - finished).toBeLessThan(70_000);
    // Foreground deletion: the garbage collector removed the Job's pods first.
    expect(await jobPods(s, 'short')).toEqual([]);
    expect(await kubectlGet(s, 'jobs')).toBe('No resources found in default namespace.\n');
    s.stop();
  });
});
