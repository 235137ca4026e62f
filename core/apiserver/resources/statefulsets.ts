/** apps/v1 statefulsets: defaults (claim templates too), validation, the update rules, printing. */
import type { KubeObject, StatefulSet } from '../../api/types';
import { type FieldErrors, dns1123Label } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { deepEqual, goQuote, invalidRaw, nonNegative } from './fields';
import { validateObjectMeta } from './meta';
import { containerCells, defaultPodTemplate } from './podspec';
import { ageOf, containersColumn, imagesColumn, int } from './printing';
import { validateLabels } from './selector';
import { defaultClaimTemplate } from './volumes';
import { keepStatus, resetStatus, selectorMatcher, selectorMismatch, validateRequiredSelector } from './workload';

/** SetDefaults_StatefulSet (apps/v1, StatefulSetAutoDeletePVC on) with template and claim template defaults. */
export function statefulSetDefaults(obj: KubeObject): void {
  const sts = obj as StatefulSet;
  const spec = (sts.spec ??= { template: { spec: { containers: [] } } });
  spec.podManagementPolicy ??= 'OrderedReady';
  if (!spec.updateStrategy?.type) {
    spec.updateStrategy = { ...(spec.updateStrategy ?? {}), type: 'RollingUpdate' };
    spec.updateStrategy.rollingUpdate ??= {};
  }
  if (spec.updateStrategy.type === 'RollingUpdate' && spec.updateStrategy.rollingUpdate) spec.updateStrategy.rollingUpdate.partition ??= 0;
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  retention.whenDeleted ||= 'Retain';
  retention.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template);
  for (const t of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) defaultClaimTemplate(t);
}

const RETENTION = ['Retain', 'Delete'];

function validateSpec(errs: FieldErrors, spec: StatefulSet['spec']): void {
  const pmp = spec.podManagementPolicy;
  if (!pmp) errs.required('spec.podManagementPolicy');
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'");
  const us = spec.updateStrategy;
  if (!us?.type) errs.required('spec.updateStrategy');
  else if (us.type === 'OnDelete') {
    if (us.rollingUpdate) invalidRaw(errs, 'spec.updateStrategy.rollingUpdate', `apps.RollingUpdateStatefulSetStrategy{Partition:${us.rollingUpdate.partition ?? 0}, MaxUnavailable:(*intstr.IntOrString)(nil)}`, "only allowed for updateStrategy 'RollingUpdate'");
  } else if (us.type === 'RollingUpdate') {
    if (us.rollingUpdate) nonNegative(errs, 'spec.updateStrategy.rollingUpdate.partition', us.rollingUpdate.partition ?? 0);
  } else invalidRaw(errs, 'spec.updateStrategy', `apps.StatefulSetUpdateStrategy{Type:${goQuote(us.type)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`, "must be 'RollingUpdate' or 'OnDelete'");
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[f] ?? '';
      if (!RETENTION.includes(v)) errs.notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, RETENTION);
    }
  }
  nonNegative(errs, 'spec.replicas', spec.replicas ?? 0);
  nonNegative(errs, 'spec.minReadySeconds', spec.minReadySeconds ?? 0);
  if (spec.ordinals) nonNegative(errs, 'spec.ordinals.start', spec.ordinals.start ?? 0);
  const usable = validateRequiredSelector(errs, spec.selector, 'statefulset');
  // ValidatePodTemplateSpecForStatefulSet checks labels and annotations, not the whole pod spec.
  const template = spec.template;
  if (!template || typeof template !== 'object') errs.required('spec.template');
  else {
    const matches = selectorMatcher(spec.selector, usable || !spec.selector);
    if (matches && !matches(template.metadata?.labels)) selectorMismatch(errs, 'spec.template', template.metadata?.labels);
    validateLabels(template.metadata?.labels, 'spec.template.labels', errs);
  }
  const rp = template?.spec?.restartPolicy;
  if (rp !== 'Always') errs.notSupported('spec.template.spec.restartPolicy', rp ?? '', ['Always']);
  if (template?.spec?.['activeDeadlineSeconds'] !== undefined) errs.forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported');
}

const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

/** ValidateStatefulSet (DNS-label names) and, on update, ValidateStatefulSetUpdate. */
export function validateStatefulSet(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs, dns1123Label);
  const spec = (obj as StatefulSet).spec;
  if (!spec || typeof spec !== 'object') return errs.required('spec.template');
  validateSpec(errs, spec);
  if (old) {
    const strip = (s: StatefulSet['spec'] | undefined) => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => !MUTABLE.includes(k)));
    if (!deepEqual(strip(spec), strip((old as StatefulSet).spec))) {
      errs.forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
    }
  }
}

/** The StatefulSet printer (printStatefulSet). */
export const statefulSetPrinter: TablePrinter = {
  columns: [nameColumn, column('Ready', 'string', 'Number of the pod with ready state'), ageColumn, containersColumn, imagesColumn],
  cells(obj, now) {
    const sts = obj as StatefulSet;
    const [names, images] = containerCells(sts.spec?.template?.spec?.containers);
    return [sts.metadata.name, `${int(sts.status?.readyReplicas)}/${int(sts.spec?.replicas)}`, ageOf(sts, now), names, images];
  },
};

/** apps/v1 statefulsets. */
export const statefulsets: ResourceDef = {
  group: 'apps',
  version: 'v1',
  resource: 'statefulsets',
  singular: 'statefulset',
  kind: 'StatefulSet',
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['scale', 'status'],
  schemaName: 'io.k8s.api.apps.v1.StatefulSet',
  hasGeneration: true,
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' },
  printer: statefulSetPrinter,
  defaults: statefulSetDefaults,
  validate: validateStatefulSet,
  prepareForCreate: (obj) => resetStatus(obj, { replicas: 0, availableReplicas: 0 }),
  prepareForUpdate: (obj, old) => keepStatus(obj, old),
};
