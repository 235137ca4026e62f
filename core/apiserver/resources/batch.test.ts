import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../api/duration';
import type { CronJob, Job, KubeObject } from '../../api/types';
import { Random } from '../../clock/random';
import type { ResourceDef, StrategyContext } from '../registry';
import { cronjobs } from './cronjobs';
import { causeLines, simulateCreate, simulateUpdate } from './harness';
import { jobs } from './jobs';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const MIN = 60_000;
const ctx = (): StrategyContext => ({ now: () => NOW, random: new Random(5) });
const columns = (def: ResourceDef) => def.printer.columns.map((c) => (c.priority ? `${c.name}*` : c.name));
const podSpec = (restartPolicy?: string) => ({ ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'pi', image: 'perl:5.34' }] });
const created = <T extends KubeObject>(def: ResourceDef, body: KubeObject) => simulateCreate<T>(def, body, ctx());

describe('jobs', () => {
  const body = { metadata: { name: 'pi' }, spec: { template: { spec: podSpec('Never') } } };

  it('prints NAME STATUS COMPLETIONS DURATION AGE, wide CONTAINERS IMAGES SELECTOR', () => {
    expect(columns(jobs)).toEqual(['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers*', 'Images*', 'Selector*']);
    const job = created<Job>(jobs, body).obj;
    job.metadata.creationTimestamp = rfc3339(NOW - 10 * MIN);
    job.status = { startTime: rfc3339(NOW - 10 * MIN), completionTime: rfc3339(NOW - 9 * MIN), succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] };
    expect(jobs.printer.cells(job, NOW)).toEqual(['pi', 'Complete', '1/1', '60s', '10m', 'pi', 'perl:5.34', `batch.kubernetes.io/controller-uid=${job.metadata.uid}`]);
    job.status = { startTime: rfc3339(NOW - 3 * MIN) };
    expect(jobs.printer.cells(job, NOW).slice(1, 4)).toEqual(['Running', '0/1', '3m']);
    job.spec.completions = undefined;
    job.spec.parallelism = 3;
    job.status = {};
    expect(jobs.printer.cells(job, NOW).slice(1, 4)).toEqual(['Running', '0/1 of 3', '']);
  });

  it('generates the selector and labels from the uid, and defaults as batch/v1', () => {
    const { obj: job, causes } = created<Job>(jobs, body);
    expect(causes).toEqual([]);
    const uid = job.metadata.uid as string;
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
    expect(job.spec.template.metadata?.labels).toEqual(labels);
    expect(job.metadata.labels).toEqual(labels);
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, manualSelector: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect([job.status, job.metadata.generation]).toEqual([{}, 1]);
    expect(jobs.selectableFields?.(job)).toEqual({ 'status.successful': '0' });
  });

  it('requires restartPolicy OnFailure or Never', () => {
    expect(causeLines(created(jobs, { metadata: { name: 'pi' }, spec: { template: { spec: podSpec() } } }).causes)).toEqual(['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  });

  it('keeps selector and template immutable', () => {
    const old = created<Job>(jobs, body).obj;
    const next = structuredClone(old);
    next.spec.template.spec.containers[0]!.image = 'perl:5.36';
    expect(causeLines(simulateUpdate(jobs, next, old, ctx()).causes)).toEqual(['spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable']);
    const sel = structuredClone(old);
    sel.spec.selector = { matchLabels: { ...old.spec.selector?.matchLabels, extra: 'x' } };
    expect(causeLines(simulateUpdate(jobs, sel, old, ctx()).causes)).toContain(
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"${old.metadata.uid}", "extra":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable`,
    );
  });

  it('lets a manual selector through, checked against the template', () => {
    const manual = { metadata: { name: 'm' }, spec: { manualSelector: true, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'y' } }, spec: podSpec('Never') } } };
    expect(causeLines(created(jobs, manual).causes)).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`']);
  });
});

describe('cronjobs', () => {
  const body = { metadata: { name: 'hello' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: podSpec('OnFailure') } } } } };

  it('prints NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, wide CONTAINERS IMAGES SELECTOR', () => {
    expect(columns(cronjobs)).toEqual(['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers*', 'Images*', 'Selector*']);
    const cj = created<CronJob>(cronjobs, body).obj;
    cj.metadata.creationTimestamp = rfc3339(NOW - 60 * MIN);
    expect(cronjobs.printer.cells(cj, NOW)).toEqual(['hello', '*/5 * * * *', '<none>', 'False', 0, '<none>', '60m', 'pi', 'perl:5.34', '<none>']);
    cj.spec.timeZone = 'Europe/Paris';
    cj.status = { active: [{ name: 'hello-1' }], lastScheduleTime: rfc3339(NOW - 2 * MIN) };
    expect(cronjobs.printer.cells(cj, NOW).slice(2, 6)).toEqual(['Europe/Paris', 'False', 1, '2m']);
  });

  it('defaults Allow, not suspended, 3 and 1 jobs of history, template defaults', () => {
    const cj = created<CronJob>(cronjobs, body).obj;
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(cj.spec.jobTemplate).toMatchObject({ metadata: { creationTimestamp: null }, spec: { template: { metadata: { creationTimestamp: null }, spec: { dnsPolicy: 'ClusterFirst' } } } });
    expect(cj.spec.jobTemplate.spec).not.toHaveProperty('backoffLimit');
  });

  it('rejects a bad schedule, a bad time zone and a long name', () => {
    const bad = { ...body, metadata: { name: 'x'.repeat(53) }, spec: { ...body.spec, schedule: '*/5 * *', timeZone: 'Mars/Olympus' } };
    expect(causeLines(created(cronjobs, bad).causes)).toEqual([
      'spec.schedule: Invalid value: "*/5 * *": expected exactly 5 fields, found 3: [*/5 * *]',
      'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
      `metadata.name: Invalid value: "${'x'.repeat(53)}": must be no more than 52 characters`,
    ]);
  });
});
