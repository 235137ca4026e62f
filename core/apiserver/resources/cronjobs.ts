/** batch/v1 cronjobs: defaults, schedule and time zone validation, the job template, printing. */
import type { CronJob, KubeObject } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { invalidRaw, nonNegative } from './fields';
import { isValidTimeZone, parseCron } from './cron';
import { validateJobSpecCommon } from './jobs';
import { validateObjectMeta } from './meta';
import { containerCells, defaultPodTemplate } from './podspec';
import { ageOf, boolPtr, containersColumn, imagesColumn, since } from './printing';
import { formatLabelSelector, goLabelSelector } from './selector';
import { keepStatus, resetStatus } from './workload';

/** SetDefaults_CronJob (batch/v1) and the defaults of its job template's pod template. */
export function cronJobDefaults(obj: KubeObject): void {
  const cj = obj as CronJob;
  const spec = (cj.spec ??= { schedule: '', jobTemplate: { spec: { template: { spec: { containers: [] } } } } });
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jt = (spec.jobTemplate ??= { spec: { template: { spec: { containers: [] } } } });
  jt.metadata ??= {};
  if (jt.metadata.creationTimestamp === undefined) (jt.metadata as Record<string, unknown>)['creationTimestamp'] = null;
  jt.spec ??= { template: { spec: { containers: [] } } };
  defaultPodTemplate(jt.spec.template);
}

function validateTimeZone(errs: FieldErrors, tz: string | undefined): void {
  if (tz === undefined) return;
  if (tz.length === 0) return errs.invalid('spec.timeZone', tz, 'timeZone must be nil or non-empty string');
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) return errs.invalid('spec.timeZone', tz, `unknown time zone ${tz}`);
  }
  if (tz.toLowerCase() === 'local') return errs.invalid('spec.timeZone', tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
  if (!isValidTimeZone(tz)) errs.invalid('spec.timeZone', tz, `unknown time zone ${tz}`);
}

/** ValidateCronJobCreate / ValidateCronJobUpdate. */
export function validateCronJob(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const cj = obj as CronJob;
  const spec = cj.spec;
  if (!spec || typeof spec !== 'object') return errs.required('spec.schedule');
  const oldSpec = (old as CronJob | undefined)?.spec;
  if (!spec.schedule) errs.required('spec.schedule');
  else {
    const parsed = parseCron(spec.schedule);
    if ('error' in parsed) errs.invalid('spec.schedule', spec.schedule, parsed.error);
    const allowTZ = oldSpec?.schedule?.includes('TZ') ?? false;
    if (allowTZ && spec.schedule.includes('TZ') && spec.timeZone !== undefined) errs.invalid('spec.schedule', spec.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule');
    else if (!allowTZ && spec.schedule.includes('TZ')) errs.invalid('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
  }
  if (spec.startingDeadlineSeconds !== undefined) nonNegative(errs, 'spec.startingDeadlineSeconds', spec.startingDeadlineSeconds);
  if (!oldSpec || oldSpec.timeZone !== spec.timeZone) validateTimeZone(errs, spec.timeZone);
  const cp = spec.concurrencyPolicy;
  if (!cp) errs.required('spec.concurrencyPolicy');
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']);
  const jobSpec = spec.jobTemplate?.spec;
  if (jobSpec) {
    validateJobSpecCommon(errs, jobSpec, 'spec.jobTemplate.spec');
    if (jobSpec.selector) invalidRaw(errs, 'spec.jobTemplate.spec.selector', goLabelSelector(jobSpec.selector), '`selector` will be auto-generated');
    if (jobSpec.manualSelector) errs.notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']);
  } else errs.required('spec.jobTemplate.spec.template.spec.containers');
  if (spec.successfulJobsHistoryLimit !== undefined) nonNegative(errs, 'spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit);
  if (spec.failedJobsHistoryLimit !== undefined) nonNegative(errs, 'spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit);
  // The controller appends an 11-character suffix to job names, which may not pass 63.
  if (!old && (cj.metadata.name ?? '').length > 52) errs.invalid('metadata.name', cj.metadata.name, 'must be no more than 52 characters');
}

/** The CronJob printer (printCronJob). */
export const cronJobPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    column('Timezone', 'string', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones'),
    column('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
    column('Active', 'integer', 'A list of pointers to currently running jobs.'),
    column('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', 1),
  ],
  cells(obj, now) {
    const cj = obj as CronJob;
    const last = cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>';
    const jobSpec = cj.spec?.jobTemplate?.spec;
    const [names, images] = containerCells(jobSpec?.template?.spec?.containers);
    return [cj.metadata.name, cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '<none>', boolPtr(cj.spec?.suspend), (cj.status?.active ?? []).length, last, ageOf(cj, now), names, images, formatLabelSelector(jobSpec?.selector)];
  },
};

/** batch/v1 cronjobs. */
export const cronjobs: ResourceDef = {
  group: 'batch',
  version: 'v1',
  resource: 'cronjobs',
  singular: 'cronjob',
  kind: 'CronJob',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status'],
  schemaName: 'io.k8s.api.batch.v1.CronJob',
  hasGeneration: true,
  printer: cronJobPrinter,
  defaults: cronJobDefaults,
  validate: validateCronJob,
  prepareForCreate: (obj) => resetStatus(obj, {}),
  prepareForUpdate: (obj, old) => keepStatus(obj, old),
};
