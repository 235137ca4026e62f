/**
 * batch/v1 jobs: the generated selector and `controller-uid` / `job-name` labels, defaults,
 * ValidateJob / ValidateJobUpdate (immutable selector, completions and template), printing.
 */
import type { Job, JobSpec, KubeObject, PodTemplateSpec } from '../../api/types';
import { type FieldErrors, dns1123Label } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { clone, deepEqual, goStringMap, immutable, invalidRaw, nonNegative } from './fields';
import { validateObjectMeta } from './meta';
import { containerCells, defaultPodTemplate, validatePodTemplateSpec } from './podspec';
import { ageOf, between, containersColumn, imagesColumn, since } from './printing';
import { formatLabelSelector, goLabelSelector, selectorIsValid, selectorMatches, validateLabelSelector } from './selector';
import { keepStatus, resetStatus, selectorMismatch } from './workload';

/** The labels the API server puts on a Job's pod template (batch.kubernetes.io/... and legacy). */
export const JOB_LABELS = {
  controllerUid: 'batch.kubernetes.io/controller-uid',
  jobName: 'batch.kubernetes.io/job-name',
  legacyControllerUid: 'controller-uid',
  legacyJobName: 'job-name',
};

/** generateSelector: template labels from the job's name and uid, selector on the uid. */
export function generateJobSelector(job: Job): void {
  const template = (job.spec.template ??= { spec: { containers: [] } });
  const labels = ((template.metadata ??= {}).labels ??= {});
  for (const key of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) labels[key] ??= job.metadata.name ?? '';
  for (const key of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) labels[key] ??= job.metadata.uid ?? '';
  const selector = (job.spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels[JOB_LABELS.controllerUid] ??= job.metadata.uid ?? '';
}

/** SetDefaults_Job (batch/v1, JobPodReplacementPolicy on) with the pod template defaults. */
export function jobDefaults(obj: KubeObject): void {
  const job = obj as Job;
  const spec = (job.spec ??= { template: { spec: { containers: [] } } });
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodTemplate(spec.template);
}

/** validateJobSpec (the part a CronJob's jobTemplate shares), at `path`. */
export function validateJobSpecCommon(errs: FieldErrors, spec: JobSpec, path: string): void {
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'] as const) {
    if (spec[f] !== undefined) nonNegative(errs, `${path}.${f}`, spec[f]);
  }
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') errs.notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']);
  if (mode === 'Indexed' && spec.completions === undefined) errs.required(`${path}.completions`, 'when completion mode is Indexed');
  if (mode !== 'Indexed' && spec.backoffLimitPerIndex !== undefined) errs.invalid(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, 'requires indexed completion mode');
  const prp = spec.podReplacementPolicy;
  if (prp !== undefined) {
    if (spec.podFailurePolicy && prp !== 'Failed') errs.notSupported(`${path}.podReplacementPolicy`, prp, ['Failed']);
    else if (!['Failed', 'TerminatingOrFailed'].includes(prp)) errs.notSupported(`${path}.podReplacementPolicy`, prp, ['Failed', 'TerminatingOrFailed']);
  }
  validatePodTemplateSpec(spec.template, `${path}.template`, errs);
  const rp = spec.template?.spec?.restartPolicy;
  if (rp === 'Always' || !rp) errs.required(`${path}.template.spec.restartPolicy`, 'valid values: "OnFailure", "Never"');
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.notSupported(`${path}.template.spec.restartPolicy`, rp, ['OnFailure', 'Never']);
  else if (spec.podFailurePolicy && rp !== 'Never') errs.invalid(`${path}.template.spec.restartPolicy`, rp, 'only "Never" is supported when podFailurePolicy is specified');
}

function validateHasLabel(errs: FieldErrors, template: PodTemplateSpec | undefined, key: string, expected: string): void {
  const labels = template?.metadata?.labels;
  const path = `spec.template.metadata.labels[${key}]`;
  if (!labels || !(key in labels)) errs.required(path, `must be '${expected}'`);
  else if (labels[key] !== expected) invalidRaw(errs, path, goStringMap(labels), `must be '${expected}'`);
}

/** validateGeneratedSelector: with a generated selector, the template carries the generated labels. */
function validateGeneratedSelector(errs: FieldErrors, job: Job, requirePrefixed: boolean): void {
  const spec = job.spec;
  if (spec.manualSelector || !spec.selector) return;
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  if (!uid) errs.required('metadata.uid');
  validateHasLabel(errs, spec.template, JOB_LABELS.legacyControllerUid, uid);
  validateHasLabel(errs, spec.template, JOB_LABELS.legacyJobName, name);
  const expected: Record<string, string> = { [JOB_LABELS.legacyControllerUid]: uid, [JOB_LABELS.legacyJobName]: name };
  if (requirePrefixed) {
    validateHasLabel(errs, spec.template, JOB_LABELS.controllerUid, uid);
    validateHasLabel(errs, spec.template, JOB_LABELS.jobName, name);
    expected[JOB_LABELS.controllerUid] = uid;
    expected[JOB_LABELS.jobName] = name;
  }
  if (selectorIsValid(spec.selector) && !selectorMatches(spec.selector, expected)) invalidRaw(errs, 'spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated');
}

/** ValidateJob and, on update, ValidateJobUpdate. */
export function validateJob(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const job = obj as Job;
  const spec = job.spec;
  if (!spec || typeof spec !== 'object') return errs.required('spec.template');
  const oldJob = old as Job | undefined;
  const oldLabels = oldJob?.spec?.template?.metadata?.labels ?? {};
  validateGeneratedSelector(errs, job, !oldJob || (JOB_LABELS.jobName in oldLabels && JOB_LABELS.controllerUid in oldLabels));
  validateJobSpecCommon(errs, spec, 'spec');
  if (!spec.selector) errs.required('spec.selector');
  else validateLabelSelector(spec.selector, 'spec.selector', errs);
  if (selectorIsValid(spec.selector) && !selectorMatches(spec.selector, spec.template?.metadata?.labels)) selectorMismatch(errs, 'spec.template', spec.template?.metadata?.labels);
  if (spec.completionMode === 'Indexed' && spec.completions !== undefined && spec.completions > 0) {
    const hostname = `${job.metadata.name ?? ''}-${spec.completions - 1}`;
    if (dns1123Label(hostname).length > 0) errs.invalid('metadata.name', job.metadata.name, `will not able to create pod with invalid DNS label: ${hostname}`);
  }
  if (!oldJob) return;
  const o = oldJob.spec;
  immutable(errs, 'spec.completions', spec.completions, o.completions);
  immutable(errs, 'spec.selector', spec.selector, o.selector, (v) => goLabelSelector(v as JobSpec['selector']));
  // A suspended job that never started may change its scheduling directives.
  let before = o.template;
  if (o.suspend && !oldJob.status?.startTime) {
    before = clone(o.template);
    before.metadata = { ...(before.metadata ?? {}), labels: spec.template?.metadata?.labels, annotations: spec.template?.metadata?.annotations };
    const b = before.spec as Record<string, unknown>;
    for (const f of ['nodeSelector', 'tolerations', 'schedulingGates', 'affinity']) b[f] = (spec.template?.spec as Record<string, unknown> | undefined)?.[f];
  }
  if (!deepEqual(spec.template, before)) invalidRaw(errs, 'spec.template', 'core.PodTemplateSpec{...}', 'field is immutable');
  immutable(errs, 'spec.completionMode', spec.completionMode, o.completionMode);
  immutable(errs, 'spec.backoffLimitPerIndex', spec.backoffLimitPerIndex, o.backoffLimitPerIndex);
  immutable(errs, 'spec.managedBy', spec.managedBy, o.managedBy);
}

function hasCondition(job: Job, type: string): boolean {
  const c = job.status?.conditions?.find((x) => x.type === type);
  return c?.status === 'True';
}

/** The STATUS column of a job (1.32): Complete, Failed, Terminating, Suspended, FailureTarget, Running. */
export function jobStatusText(job: Job): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** The job printer (printJob). */
export const jobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.'),
    column('Duration', 'string', 'Time required to complete the job.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', 1),
  ],
  cells(obj, now) {
    const job = obj as Job;
    const succeeded = job.status?.succeeded ?? 0;
    let completions: string;
    if (job.spec?.completions !== undefined) completions = `${succeeded}/${job.spec.completions}`;
    else if ((job.spec?.parallelism ?? 0) > 1) completions = `${succeeded}/1 of ${job.spec?.parallelism}`;
    else completions = `${succeeded}/1`;
    const start = job.status?.startTime;
    const end = job.status?.completionTime;
    const duration = !start ? '' : !end ? since(start, now) : between(start, end);
    const [names, images] = containerCells(job.spec?.template?.spec?.containers);
    return [job.metadata.name, jobStatusText(job), completions, duration, ageOf(job, now), names, images, formatLabelSelector(job.spec?.selector)];
  },
};

/** batch/v1 jobs. */
export const jobs: ResourceDef = {
  group: 'batch',
  version: 'v1',
  resource: 'jobs',
  singular: 'job',
  kind: 'Job',
  namespaced: true,
  shortNames: [],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status'],
  schemaName: 'io.k8s.api.batch.v1.Job',
  hasGeneration: true,
  printer: jobPrinter,
  defaults: jobDefaults,
  validate: validateJob,
  prepareForCreate(obj) {
    const job = obj as Job;
    job.spec ??= { template: { spec: { containers: [] } } };
    if (!job.spec.manualSelector) generateJobSelector(job);
    // Read back from storage, the job is defaulted again: its labels come from the generated ones.
    const labels = job.spec.template?.metadata?.labels;
    if (labels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
    resetStatus(obj, {});
  },
  prepareForUpdate: (obj, old) => keepStatus(obj, old),
  selectableFields: (obj) => ({ 'status.successful': String((obj as Job).status?.succeeded ?? 0) }),
};
