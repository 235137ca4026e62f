/** apps/v1 deployments: defaults, validation, the immutable selector, generation, printing. */
import type { Deployment, KubeObject } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { column, nameColumn, ageColumn, type TablePrinter } from '../table';
import { goIntOrString, goQuote, intOrPercentValue, invalidRaw, nonNegative, notMoreThan100Percent, validateIntOrPercent } from './fields';
import { validateObjectMeta } from './meta';
import { containerCells, defaultPodTemplate } from './podspec';
import { ageOf, containersColumn, imagesColumn, int } from './printing';
import { labelSelectorString, selectorIsValid } from './selector';
import { keepStatus, resetStatus, validateCounts, validateRequiredSelector, validateSelectedTemplate, validateSelectorImmutable } from './workload';

/** SetDefaults_Deployment (apps/v1) with the pod template defaults. */
export function deploymentDefaults(obj: KubeObject): void {
  const d = obj as Deployment;
  const spec = (d.spec ??= { template: { spec: { containers: [] } } });
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(spec.template);
}

function validateStrategy(errs: FieldErrors, strategy: NonNullable<Deployment['spec']['strategy']>): void {
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate) errs.forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'");
  } else if (strategy.type === 'RollingUpdate') {
    const ru = strategy.rollingUpdate;
    if (!ru) return errs.required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil');
    validateIntOrPercent(errs, 'spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable);
    validateIntOrPercent(errs, 'spec.strategy.rollingUpdate.maxSurge', ru.maxSurge);
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      invalidRaw(errs, 'spec.strategy.rollingUpdate.maxUnavailable', goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0');
    }
    notMoreThan100Percent(errs, 'spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable);
  } else {
    const rendered = `apps.DeploymentStrategy{Type:${goQuote(strategy.type ?? '')}, RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`;
    errs.causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: ${rendered}: supported values: "Recreate", "RollingUpdate"`, field: 'spec.strategy' });
  }
}

/** ValidateDeployment, plus the immutable selector of apps/v1 on update. */
export function validateDeployment(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const spec = (obj as Deployment).spec;
  if (!spec || typeof spec !== 'object') return errs.required('spec.template');
  nonNegative(errs, 'spec.replicas', spec.replicas ?? 0);
  const usable = validateRequiredSelector(errs, spec.selector, 'deployment');
  validateSelectedTemplate(errs, spec.selector, usable, spec.template, 'ReplicaSet');
  if (spec.strategy) validateStrategy(errs, spec.strategy);
  validateCounts(errs, { minReadySeconds: spec.minReadySeconds, revisionHistoryLimit: spec.revisionHistoryLimit });
  if (spec.progressDeadlineSeconds !== undefined) {
    nonNegative(errs, 'spec.progressDeadlineSeconds', spec.progressDeadlineSeconds);
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) errs.invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds');
  }
  if (old) validateSelectorImmutable(errs, spec.selector, (old as Deployment).spec?.selector);
}

/** The deployment printer (printDeployment). */
export const deploymentPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', 1),
  ],
  cells(obj, now) {
    const d = obj as Deployment;
    const status = d.status ?? {};
    const [names, images] = containerCells(d.spec?.template?.spec?.containers);
    const selector = selectorIsValid(d.spec?.selector) ? labelSelectorString(d.spec?.selector) : '<invalid>';
    return [d.metadata.name, `${int(status.readyReplicas)}/${int(d.spec?.replicas)}`, int(status.updatedReplicas), int(status.availableReplicas), ageOf(d, now), names, images, selector];
  },
};

/** apps/v1 deployments. */
export const deployments: ResourceDef = {
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  singular: 'deployment',
  kind: 'Deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['scale', 'status'],
  schemaName: 'io.k8s.api.apps.v1.Deployment',
  hasGeneration: true,
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' },
  printer: deploymentPrinter,
  defaults: deploymentDefaults,
  validate: validateDeployment,
  prepareForCreate: (obj) => resetStatus(obj, {}),
  // Annotation changes bump the generation too: they are copied to the ReplicaSets.
  prepareForUpdate: (obj, old) => keepStatus(obj, old, (o) => o.metadata.annotations ?? {}),
  statusWritesAnnotations: true,
};
