/** core/v1 persistentvolumes and persistentvolumeclaims: defaults, validation, status, printing. */
import { rfc3339 } from '../../api/duration';
import type { KubeObject, PersistentVolume, PersistentVolumeClaim } from '../../api/types';
import { type FieldErrors, dns1123Subdomain } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { clone, deepEqual, immutable } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf } from './printing';
import { canonicalQuantity, parseQuantity, QUANTITY_FORMAT_ERROR } from './quantity';
import { validateLabelSelector } from './selector';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const PV_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs', 'iscsi', 'cinder',
  'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'scaleIO', 'local', 'storageos', 'csi',
];
const STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** helper.GetAccessModesAsString: `RWO,ROX,RWX,RWOP` in that order. */
export function accessModesString(modes: string[] | undefined): string {
  const m = modes ?? [];
  const out: string[] = [];
  if (m.includes('ReadWriteOnce')) out.push('RWO');
  if (m.includes('ReadOnlyMany')) out.push('ROX');
  if (m.includes('ReadWriteMany')) out.push('RWX');
  if (m.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** The defaults of a StatefulSet volumeClaimTemplate: typed, `creationTimestamp: null`, Filesystem, phase Pending. */
export function defaultClaimTemplate(t: KubeObject): void {
  if (!t || typeof t !== 'object') return;
  t.apiVersion ??= 'v1';
  t.kind ??= 'PersistentVolumeClaim';
  t.metadata ??= {};
  if (t.metadata.creationTimestamp === undefined) (t.metadata as Record<string, unknown>)['creationTimestamp'] = null;
  const spec = (t['spec'] ??= {}) as PersistentVolumeClaim['spec'];
  spec.volumeMode ??= 'Filesystem';
  const status = (t['status'] ??= {}) as { phase?: string };
  status.phase ??= 'Pending';
}

function validateAccessModes(errs: FieldErrors, modes: string[] | undefined, requiredDetail: string): void {
  if (!modes || modes.length === 0) errs.required('spec.accessModes', requiredDetail);
  let rwop = false;
  let other = false;
  for (const m of modes ?? []) {
    if (!ACCESS_MODES.includes(m)) errs.notSupported('spec.accessModes', m, ACCESS_MODES);
    else if (m === 'ReadWriteOncePod') rwop = true;
    else other = true;
  }
  if (rwop && other) errs.forbidden('spec.accessModes', 'may not use ReadWriteOncePod with other access modes');
}

function validatePositiveStorage(errs: FieldErrors, field: string, value: unknown): void {
  const q = parseQuantity(value);
  if (!q) errs.invalid(field, value, QUANTITY_FORMAT_ERROR);
  else if (q.mantissa <= 0n) errs.invalid(field, canonicalQuantity(value), 'must be greater than zero');
}

/** ValidatePersistentVolume and, on update, the immutable source and volumeMode. */
export function validatePersistentVolume(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, false, errs);
  const spec = (obj as PersistentVolume).spec ?? {};
  validateAccessModes(errs, spec.accessModes, '');
  const capacity = spec.capacity ?? {};
  if (Object.keys(capacity).length === 0) errs.required('spec.capacity');
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) {
    const rendered = `core.ResourceList{${Object.keys(capacity).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(canonicalQuantity(capacity[k]))}`).join(', ')}}`;
    errs.causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: ${rendered}: supported values: "storage"`, field: 'spec.capacity' });
  }
  for (const [r, q] of Object.entries(capacity)) validatePositiveStorage(errs, `spec.capacity[${r}]`, q);
  const rp = spec.persistentVolumeReclaimPolicy;
  if (rp && !['Delete', 'Recycle', 'Retain'].includes(rp)) errs.notSupported('spec.persistentVolumeReclaimPolicy', rp, ['Delete', 'Recycle', 'Retain']);
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined && spec[s] !== null);
  for (const extra of sources.slice(1)) errs.forbidden(`spec.${extra}`, 'may not specify more than 1 volume type');
  const hostPath = spec['hostPath'] as { path?: string } | undefined;
  if (sources[0] === 'hostPath' && !hostPath?.path) errs.required('spec.hostPath.path');
  if (sources[0] === 'local' && !spec['nodeAffinity']) errs.required('spec.nodeAffinity', 'Local volume requires node affinity');
  if (sources.length === 0) errs.required('spec', 'must specify a volume type');
  if (spec.storageClassName) for (const m of dns1123Subdomain(spec.storageClassName)) errs.invalid('spec.storageClassName', spec.storageClassName, m);
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode)) errs.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES);
  if (old) {
    const o = (old as PersistentVolume).spec ?? {};
    const source = (s: PersistentVolume['spec']) => Object.fromEntries(PV_SOURCES.map((k) => [k, s[k]]));
    // The real message goes on with a cmp.Diff of the two sources.
    if (!deepEqual(source(spec), source(o))) errs.forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation');
    immutable(errs, 'volumeMode', spec.volumeMode, o.volumeMode);
  }
}

/** ValidatePersistentVolumeClaim and, on update, the immutable spec. */
export function validatePersistentVolumeClaim(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const pvc = obj as PersistentVolumeClaim;
  const spec = pvc.spec ?? {};
  validateAccessModes(errs, spec.accessModes, 'at least 1 access mode is required');
  if (spec.selector) validateLabelSelector(spec.selector, 'spec.selector', errs);
  const storage = spec.resources?.requests?.['storage'];
  if (storage === undefined) errs.required('spec.resources[storage]');
  else validatePositiveStorage(errs, 'spec.resources[storage]', storage);
  if (spec.storageClassName) for (const m of dns1123Subdomain(spec.storageClassName)) errs.invalid('spec.storageClassName', spec.storageClassName, m);
  if (spec.volumeMode && !VOLUME_MODES.includes(spec.volumeMode)) errs.notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES);
  if (old) {
    const o = (old as PersistentVolumeClaim).spec ?? {};
    const bound = pvc.status?.phase === 'Bound';
    const now = clone(spec);
    const before = clone(o);
    // volumeName may be set once (by the binder); storageClassName may go from nil to a value.
    if (!o.volumeName) before.volumeName = now.volumeName;
    if ((o.storageClassName === undefined || o.storageClassName === null) && now.storageClassName !== undefined) now.storageClassName = before.storageClassName;
    if (bound && now.resources?.requests) now.resources.requests['storage'] = o.resources?.requests?.['storage'] as string;
    if (bound && now.volumeAttributesClassName !== undefined) now.volumeAttributesClassName = before.volumeAttributesClassName;
    if (!deepEqual(now, before)) {
      errs.forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims');
    }
    immutable(errs, 'volumeMode', spec.volumeMode, o.volumeMode);
  }
}

function volumeModeCell(mode: string | undefined): string {
  return mode ?? '<unset>';
}

/** The PersistentVolume printer (printPersistentVolume). */
export const persistentVolumePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Capacity', 'string', "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity"),
    column('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes'),
    column('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming'),
    column('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase'),
    column('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding'),
    column('StorageClass', 'string', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    column('Reason', 'string', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageColumn,
    column('VolumeMode', 'string', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.', 1),
  ],
  cells(obj, now) {
    const pv = obj as PersistentVolume;
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const phase = pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '');
    const storage = spec.capacity?.['storage'];
    const cls = pv.metadata.annotations?.[STORAGE_CLASS_ANNOTATION] ?? spec.storageClassName ?? '';
    return [
      pv.metadata.name, storage === undefined ? '0' : canonicalQuantity(storage), accessModesString(spec.accessModes), spec.persistentVolumeReclaimPolicy ?? '',
      phase, claim, cls, spec.volumeAttributesClassName ?? '<unset>', pv.status?.reason ?? '', ageOf(pv, now), volumeModeCell(spec.volumeMode),
    ];
  },
};

/** The PersistentVolumeClaim printer (printPersistentVolumeClaim). */
export const persistentVolumeClaimPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    column('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1'),
    column('StorageClass', 'string', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageColumn,
    column('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.', 1),
  ],
  cells(obj, now) {
    const pvc = obj as PersistentVolumeClaim;
    const spec = pvc.spec ?? {};
    const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
    let capacity = '';
    let modes = '';
    if (spec.volumeName) {
      modes = accessModesString(pvc.status?.accessModes);
      const cap = pvc.status?.capacity?.['storage'];
      capacity = cap === undefined ? '0' : canonicalQuantity(cap);
    }
    const cls = pvc.metadata.annotations?.[STORAGE_CLASS_ANNOTATION] ?? spec.storageClassName ?? '';
    return [pvc.metadata.name, phase, spec.volumeName ?? '', capacity, modes, cls, spec.volumeAttributesClassName ?? '<unset>', ageOf(pvc, now), volumeModeCell(spec.volumeMode)];
  },
};

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** core/v1 persistentvolumes. */
export const persistentvolumes: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'persistentvolumes',
  singular: 'persistentvolume',
  kind: 'PersistentVolume',
  namespaced: false,
  shortNames: ['pv'],
  categories: [],
  verbs: VERBS,
  subresources: ['status'],
  schemaName: 'io.k8s.api.core.v1.PersistentVolume',
  printer: persistentVolumePrinter,
  defaults(obj) {
    const pv = obj as PersistentVolume;
    const spec = (pv.spec ??= {});
    spec.persistentVolumeReclaimPolicy ||= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    const status = (pv.status ??= {});
    status.phase ||= 'Pending';
  },
  validate: validatePersistentVolume,
  prepareForCreate(obj, ctx) {
    (obj as PersistentVolume).status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(ctx.now()) };
  },
  prepareForUpdate(obj, old) {
    obj['status'] = old['status'];
  },
};

/** core/v1 persistentvolumeclaims. */
export const persistentvolumeclaims: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  kind: 'PersistentVolumeClaim',
  namespaced: true,
  shortNames: ['pvc'],
  categories: [],
  verbs: VERBS,
  subresources: ['status'],
  schemaName: 'io.k8s.api.core.v1.PersistentVolumeClaim',
  printer: persistentVolumeClaimPrinter,
  defaults(obj) {
    const pvc = obj as PersistentVolumeClaim;
    const spec = (pvc.spec ??= {});
    spec.volumeMode ??= 'Filesystem';
    const status = (pvc.status ??= {});
    status.phase ||= 'Pending';
  },
  validate: validatePersistentVolumeClaim,
  prepareForCreate(obj) {
    // Status is cleared; defaulting (also applied when read back from storage) makes it Pending.
    obj['status'] = { phase: 'Pending' };
  },
  prepareForUpdate(obj, old) {
    obj['status'] = old['status'];
  },
};
