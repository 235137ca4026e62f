/**
 * The DefaultStorageClass admission plugin (plugin/pkg/admission/storage/storageclass/setdefault):
 * a new PersistentVolumeClaim that names no class (and has no beta class annotation) gets the
 * default StorageClass — the newest one when several are marked default.
 */
import type { PersistentVolumeClaim, StorageClass } from '../../api/types';
import { isDefaultStorageClass, storageclasses } from '../resources/storageclasses';
import { listStored, type AdmissionPlugin } from './types';

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** GetDefaultClass: the newest default class (by creation time, then name). */
export function defaultStorageClass(classes: StorageClass[]): StorageClass | undefined {
  let best: StorageClass | undefined;
  for (const sc of classes) {
    if (!isDefaultStorageClass(sc)) continue;
    const t = Date.parse(sc.metadata.creationTimestamp ?? '') || 0;
    const bt = best ? Date.parse(best.metadata.creationTimestamp ?? '') || 0 : -1;
    if (!best || t > bt || (t === bt && (sc.metadata.name ?? '') < (best.metadata.name ?? ''))) best = sc;
  }
  return best;
}

/** The DefaultStorageClass plugin. */
export const defaultStorageClassAdmission: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit(a, ctx) {
    if (a.operation !== 'CREATE' || a.subresource !== '' || a.def.group !== '' || a.def.resource !== 'persistentvolumeclaims') return;
    const pvc = a.object as PersistentVolumeClaim;
    pvc.spec ??= {};
    if (pvc.spec.storageClassName !== undefined && pvc.spec.storageClassName !== null) return;
    if (pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return;
    const def = defaultStorageClass(listStored<StorageClass>(ctx, storageclasses));
    if (def) pvc.spec.storageClassName = def.metadata.name ?? '';
  },
};
