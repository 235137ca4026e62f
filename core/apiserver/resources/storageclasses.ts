/** storage.k8s.io/v1 storageclasses: defaults, validation (mostly immutable), the `(default)` printer. */
import type { KubeObject, StorageClass } from '../../api/types';
import { type FieldErrors, labelKey } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { deepEqual, immutable } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf } from './printing';

/** The annotations that make a StorageClass the default one. */
export const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** storageutil.IsDefaultAnnotation. */
export function isDefaultStorageClass(obj: KubeObject): boolean {
  return DEFAULT_CLASS_ANNOTATIONS.some((a) => obj.metadata.annotations?.[a] === 'true');
}

/** ValidateStorageClass and, on update, ValidateStorageClassUpdate. */
export function validateStorageClass(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, false, errs);
  const sc = obj as StorageClass;
  if (!sc.provisioner) errs.required('provisioner');
  else for (const m of labelKey(sc.provisioner.toLowerCase())) errs.invalid('provisioner', sc.provisioner.toLowerCase(), m);
  let total = 0;
  for (const [k, v] of Object.entries(sc.parameters ?? {})) {
    if (!k) errs.invalid('parameters', k, 'field can not be empty.');
    total += k.length + String(v).length;
  }
  if (Object.keys(sc.parameters ?? {}).length > 512) errs.causes.push({ reason: 'FieldValueTooLong', message: 'Too long: must have at most 512 bytes', field: 'parameters' });
  if (total > 256 * 1024) errs.causes.push({ reason: 'FieldValueTooLong', message: 'Too long: must have at most 262144 bytes', field: 'parameters' });
  if (sc.reclaimPolicy !== undefined && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']);
  if (sc.volumeBindingMode === undefined) errs.required('volumeBindingMode');
  else if (!['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) errs.notSupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']);
  if (old) {
    const o = old as StorageClass;
    if (!deepEqual(o.parameters ?? {}, sc.parameters ?? {})) errs.forbidden('parameters', 'updates to parameters are forbidden.');
    if (sc.provisioner !== o.provisioner) errs.forbidden('provisioner', 'updates to provisioner are forbidden.');
    if (sc.reclaimPolicy !== o.reclaimPolicy) errs.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.');
    immutable(errs, 'volumeBindingMode', sc.volumeBindingMode, o.volumeBindingMode);
  }
}

/** The storage class printer (printStorageClass). */
export const storageClassPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
    column('ReclaimPolicy', 'string', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.'),
    column('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.'),
    column('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageColumn,
  ],
  cells(obj, now) {
    const sc = obj as StorageClass;
    const name = isDefaultStorageClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name;
    return [name, sc.provisioner ?? '', sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate', sc.allowVolumeExpansion ?? false, ageOf(sc, now)];
  },
};

/** storage.k8s.io/v1 storageclasses. */
export const storageclasses: ResourceDef = {
  group: 'storage.k8s.io',
  version: 'v1',
  resource: 'storageclasses',
  singular: 'storageclass',
  kind: 'StorageClass',
  namespaced: false,
  shortNames: ['sc'],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [],
  schemaName: 'io.k8s.api.storage.v1.StorageClass',
  printer: storageClassPrinter,
  defaults(obj) {
    const sc = obj as StorageClass;
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  validate: validateStorageClass,
};
