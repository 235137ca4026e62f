/** core/v1 replicationcontrollers: defaults from the template, validation, generation, printing. */
import type { KubeObject, ReplicationController } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { nonNegative } from './fields';
import { validateObjectMeta } from './meta';
import { containerCells, defaultPodTemplate } from './podspec';
import { ageOf, containersColumn, imagesColumn, int } from './printing';
import { formatLabels } from './selector';
import { keepStatus, resetStatus, validateAlwaysRestartingTemplate } from './workload';

/** SetDefaults_ReplicationController: selector and labels from the template, replicas 1. */
export function replicationControllerDefaults(obj: KubeObject): void {
  const rc = obj as ReplicationController;
  const spec = (rc.spec ??= {});
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (Object.keys(spec.selector ?? {}).length === 0) spec.selector = { ...labels };
    if (Object.keys(rc.metadata.labels ?? {}).length === 0) rc.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  if (spec.template) defaultPodTemplate(spec.template);
}

/** ValidateReplicationController (its selector may change, unlike apps/v1 selectors). */
export function validateReplicationController(obj: KubeObject, errs: FieldErrors): void {
  validateObjectMeta(obj, true, errs);
  const spec = (obj as ReplicationController).spec ?? {};
  nonNegative(errs, 'spec.minReadySeconds', spec.minReadySeconds ?? 0);
  const selector = spec.selector ?? {};
  if (Object.keys(selector).length === 0) errs.required('spec.selector');
  nonNegative(errs, 'spec.replicas', spec.replicas ?? 0);
  const matches = Object.keys(selector).length === 0 ? undefined : (labels: Record<string, string> | undefined) => Object.entries(selector).every(([k, v]) => labels?.[k] === v);
  validateAlwaysRestartingTemplate(errs, spec.template, matches, 'ReplicationController');
}

/** The ReplicationController printer (printReplicationController). */
export const replicationControllerPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Desired', 'integer', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller'),
    column('Current', 'integer', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller'),
    column('Ready', 'integer', 'The number of ready replicas for this replication controller.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels#label-selectors', 1),
  ],
  cells(obj, now) {
    const rc = obj as ReplicationController;
    const [names, images] = containerCells(rc.spec?.template?.spec?.containers);
    return [rc.metadata.name, int(rc.spec?.replicas), int(rc.status?.replicas), int(rc.status?.readyReplicas), ageOf(rc, now), names, images, formatLabels(rc.spec?.selector)];
  },
};

/** core/v1 replicationcontrollers. */
export const replicationcontrollers: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'replicationcontrollers',
  singular: 'replicationcontroller',
  kind: 'ReplicationController',
  namespaced: true,
  shortNames: ['rc'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['scale', 'status'],
  schemaName: 'io.k8s.api.core.v1.ReplicationController',
  hasGeneration: true,
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' },
  printer: replicationControllerPrinter,
  defaults: replicationControllerDefaults,
  validate: validateReplicationController,
  prepareForCreate: (obj) => resetStatus(obj, { replicas: 0 }),
  prepareForUpdate: (obj, old) => keepStatus(obj, old),
  selectableFields: (obj) => ({ 'status.replicas': String((obj as ReplicationController).status?.replicas ?? 0) }),
};
