/** apps/v1 daemonsets: defaults, validation, the template generation annotation, printing. */
import type { DaemonSet, KubeObject } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { deepEqual, goIntOrString, goQuote, intOrPercentValue, invalidRaw, nonNegative, notMoreThan100Percent, validateIntOrPercent } from './fields';
import { validateObjectMeta } from './meta';
import { containerCells, defaultPodTemplate } from './podspec';
import { ageOf, containersColumn, imagesColumn, int } from './printing';
import { formatLabelSelector, formatLabels, goLabelSelector, selectorIsEmpty, selectorIsValid, selectorMatches, validateLabelSelector } from './selector';
import { resetStatus, selectorMismatch, validateAlwaysRestartingTemplate, validateSelectorImmutable } from './workload';

/** The annotation apps/v1 carries the internal template generation in. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** SetDefaults_DaemonSet (apps/v1) with the pod template defaults. */
export function daemonSetDefaults(obj: KubeObject): void {
  const ds = obj as DaemonSet;
  const spec = (ds.spec ??= { template: { spec: { containers: [] } } });
  const us = (spec.updateStrategy ??= {});
  us.type ??= 'RollingUpdate';
  if (us.type === 'RollingUpdate') {
    const ru = (us.rollingUpdate ??= {});
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template);
}

function validateUpdateStrategy(errs: FieldErrors, us: NonNullable<DaemonSet['spec']['updateStrategy']>): void {
  if (us.type === 'OnDelete') return;
  if (us.type === 'RollingUpdate') {
    const ru = us.rollingUpdate;
    if (!ru) return errs.required('spec.updateStrategy.rollingUpdate');
    const path = 'spec.updateStrategy.rollingUpdate';
    validateIntOrPercent(errs, `${path}.maxUnavailable`, ru.maxUnavailable);
    validateIntOrPercent(errs, `${path}.maxSurge`, ru.maxSurge);
    notMoreThan100Percent(errs, `${path}.maxUnavailable`, ru.maxUnavailable);
    notMoreThan100Percent(errs, `${path}.maxSurge`, ru.maxSurge);
    const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
    const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
    if (hasUnavailable && hasSurge) invalidRaw(errs, `${path}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero');
    else if (!hasUnavailable && !hasSurge) errs.required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0');
    return;
  }
  const rendered = `apps.DaemonSetUpdateStrategy{Type:${goQuote(us.type ?? '')}, RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}`;
  errs.causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: ${rendered}: supported values: "RollingUpdate", "OnDelete"`, field: 'spec.updateStrategy' });
}

/** ValidateDaemonSet, plus the immutable selector of apps/v1 on update. */
export function validateDaemonSet(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const spec = (obj as DaemonSet).spec;
  if (!spec || typeof spec !== 'object') return errs.required('spec.template');
  validateLabelSelector(spec.selector, 'spec.selector', errs);
  // A missing selector selects nothing, so the template never matches.
  if (selectorIsValid(spec.selector) && !(spec.selector && selectorMatches(spec.selector, spec.template?.metadata?.labels))) {
    selectorMismatch(errs, 'spec.template', spec.template?.metadata?.labels);
  }
  if (spec.selector && selectorIsEmpty(spec.selector)) invalidRaw(errs, 'spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for daemonset');
  validateAlwaysRestartingTemplate(errs, spec.template, undefined, 'DaemonSet');
  nonNegative(errs, 'spec.minReadySeconds', spec.minReadySeconds ?? 0);
  if (spec.updateStrategy) validateUpdateStrategy(errs, spec.updateStrategy);
  if (spec.revisionHistoryLimit !== undefined) nonNegative(errs, 'spec.revisionHistoryLimit', spec.revisionHistoryLimit);
  if (old) validateSelectorImmutable(errs, spec.selector, (old as DaemonSet).spec?.selector);
}

/** The DaemonSet printer (printDaemonSet). */
export const daemonSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    column('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
    column('Ready', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.'),
    column('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    column('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    column('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'A label query over pods that are managed by the daemon set. Must match in order to be controlled. If empty, defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', 1),
  ],
  cells(obj, now) {
    const ds = obj as DaemonSet;
    const s = ds.status ?? {};
    const [names, images] = containerCells(ds.spec?.template?.spec?.containers);
    return [
      ds.metadata.name, int(s.desiredNumberScheduled), int(s.currentNumberScheduled), int(s.numberReady), int(s.updatedNumberScheduled), int(s.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector), ageOf(ds, now), names, images, formatLabelSelector(ds.spec?.selector),
    ];
  },
};

/** apps/v1 daemonsets. */
export const daemonsets: ResourceDef = {
  group: 'apps',
  version: 'v1',
  resource: 'daemonsets',
  singular: 'daemonset',
  kind: 'DaemonSet',
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status'],
  schemaName: 'io.k8s.api.apps.v1.DaemonSet',
  hasGeneration: true,
  printer: daemonSetPrinter,
  defaults: daemonSetDefaults,
  validate: validateDaemonSet,
  prepareForCreate(obj) {
    resetStatus(obj, { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
    obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: '1' };
  },
  prepareForUpdate(obj, old) {
    const ds = obj as DaemonSet;
    const o = old as DaemonSet;
    ds.status = o.status;
    const before = o.metadata.generation ?? 0;
    const templateGeneration = Number.parseInt(o.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '1', 10) || 1;
    const templateChanged = !deepEqual(ds.spec?.template, o.spec?.template);
    ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(templateChanged ? templateGeneration + 1 : templateGeneration) };
    ds.metadata.generation = templateChanged || !deepEqual(ds.spec, o.spec) ? before + 1 : before;
  },
};
