/** apps/v1 replicasets: defaults, validation, the immutable selector, generation, printing. */
import type { KubeObject, ReplicaSet } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { validateObjectMeta } from './meta';
import { containerCells, defaultPodTemplate } from './podspec';
import { ageOf, containersColumn, imagesColumn, int } from './printing';
import { formatLabelSelector } from './selector';
import { keepStatus, resetStatus, validateCounts, validateRequiredSelector, validateSelectedTemplate, validateSelectorImmutable } from './workload';

/** The DESIRED / CURRENT / READY column descriptions of ReplicaSets (extensions/v1beta1 SwaggerDoc). */
export const replicaColumns = {
  desired: column('Desired', 'integer', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
  current: column('Current', 'integer', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
  ready: column('Ready', 'integer', 'The number of ready replicas for this replica set.'),
};

/** ValidateReplicaSet, plus the immutable selector of apps/v1 on update. */
export function validateReplicaSet(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const spec = (obj as ReplicaSet).spec;
  if (!spec || typeof spec !== 'object') return errs.required('spec.template');
  validateCounts(errs, spec);
  // The message names deployments for ReplicaSets too (apps validation reuses it).
  const usable = validateRequiredSelector(errs, spec.selector, 'deployment');
  validateSelectedTemplate(errs, spec.selector, usable, spec.template, 'ReplicaSet');
  if (old) validateSelectorImmutable(errs, spec.selector, (old as ReplicaSet).spec?.selector);
}

/** The ReplicaSet printer (printReplicaSet). */
export const replicaSetPrinter: TablePrinter = {
  columns: [
    nameColumn,
    replicaColumns.desired,
    replicaColumns.current,
    replicaColumns.ready,
    ageColumn,
    containersColumn,
    imagesColumn,
    column('Selector', 'string', 'Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', 1),
  ],
  cells(obj, now) {
    const rs = obj as ReplicaSet;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [rs.metadata.name, int(rs.spec?.replicas), int(rs.status?.replicas), int(rs.status?.readyReplicas), ageOf(rs, now), names, images, formatLabelSelector(rs.spec?.selector)];
  },
};

/** apps/v1 replicasets. */
export const replicasets: ResourceDef = {
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  singular: 'replicaset',
  kind: 'ReplicaSet',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['scale', 'status'],
  schemaName: 'io.k8s.api.apps.v1.ReplicaSet',
  hasGeneration: true,
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' },
  printer: replicaSetPrinter,
  defaults(obj) {
    const rs = obj as ReplicaSet;
    const spec = (rs.spec ??= { template: { spec: { containers: [] } } });
    spec.replicas ??= 1;
    defaultPodTemplate(spec.template);
  },
  validate: validateReplicaSet,
  prepareForCreate: (obj) => resetStatus(obj, { replicas: 0 }),
  prepareForUpdate: (obj, old) => keepStatus(obj, old),
  selectableFields: (obj) => ({ 'status.replicas': String((obj as ReplicaSet).status?.replicas ?? 0) }),
};
