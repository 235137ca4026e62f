/**
 * The annotations, finalizers and small predicates of the persistent volume subsystem
 * (k8s.io/component-helpers/storage/volume pv_helpers.go, pkg/volume/util).
 */
import type { KubeObject, ObjectReference, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types';
import { compareQuantities, parseQuantity } from '../../apiserver/resources/quantity';

/** On a claim: the binding has completed once (its lifecycle passed the initial setup). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** On a volume or claim: the binding was made by the controller, not pre-bound by a user. */
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** On a volume: the provisioner that created it. */
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
/** On a claim: the provisioner asked to provision it. */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
/** The beta form of the same, still set. */
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
/** On a claim: the node the scheduler chose for its first consumer (WaitForFirstConsumer). */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** The beta storage class annotation (takes precedence over `storageClassName`). */
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
/** Finalizer: a claim in use by a pod is not removed. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
/** Finalizer: a bound volume is not removed. */
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** Whether an object has an annotation. */
export function hasAnnotation(obj: KubeObject, key: string): boolean {
  return obj.metadata.annotations?.[key] !== undefined;
}

/** GetPersistentVolumeClaimClass: the beta annotation, else `storageClassName`, else ''. */
export function claimClass(claim: PersistentVolumeClaim): string {
  return claim.metadata.annotations?.[ANN_BETA_STORAGE_CLASS] ?? claim.spec?.storageClassName ?? '';
}

/** GetPersistentVolumeClass. */
export function volumeClass(volume: PersistentVolume): string {
  return volume.metadata.annotations?.[ANN_BETA_STORAGE_CLASS] ?? volume.spec?.storageClassName ?? '';
}

/** The `namespace/name` key of a claim. */
export function claimKey(claim: PersistentVolumeClaim): string {
  return `${claim.metadata.namespace ?? ''}/${claim.metadata.name ?? ''}`;
}

/** The `namespace/name` a volume's claimRef points at. */
export function claimRefKey(ref: ObjectReference): string {
  return `${ref.namespace ?? ''}/${ref.name ?? ''}`;
}

/** IsVolumeBoundToClaim: the volume's claimRef names the claim (and, when it has one, its uid). */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref) return false;
  if (claim.metadata.name !== ref.name || claim.metadata.namespace !== ref.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** The storage quantity of a resource list, parsed (undefined when missing or bad). */
export function storageOf(list: Record<string, string> | undefined): ReturnType<typeof parseQuantity> {
  return parseQuantity(list?.['storage']);
}

/** Whether `capacity` holds at least `request` (an unparsable capacity holds nothing). */
export function capacityCovers(capacity: Record<string, string> | undefined, request: Record<string, string> | undefined): boolean {
  const have = storageOf(capacity);
  const want = storageOf(request) ?? parseQuantity('0');
  if (!have || !want) return false;
  return compareQuantities(have, want) >= 0;
}

/** CheckVolumeModeMismatches: the claim's and the volume's volumeMode (default Filesystem) differ. */
export function volumeModeMismatch(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  return (claim.spec?.volumeMode ?? 'Filesystem') !== (volume.spec?.volumeMode ?? 'Filesystem');
}

/** CheckAccessModes: the volume offers every access mode the claim asks for. */
export function accessModesCovered(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  const offered = new Set(volume.spec?.accessModes ?? []);
  return (claim.spec?.accessModes ?? []).every((m) => offered.has(m));
}

/** Whether the class binds only once a pod uses the claim (volumeBindingMode WaitForFirstConsumer). */
export function isDelayBinding(cls: StorageClass | undefined): boolean {
  return cls?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** The claims a pod's volumes name (the PodPVCIndex: `namespace/claim`; generic ephemeral volumes as `<pod>-<volume>`). */
export function podClaimKeys(pod: Pod): string[] {
  const ns = pod.metadata.namespace ?? '';
  const out: string[] = [];
  for (const v of (pod.spec?.['volumes'] as Record<string, unknown>[] | undefined) ?? []) {
    const pvc = v['persistentVolumeClaim'] as { claimName?: string } | undefined;
    if (pvc?.claimName) out.push(`${ns}/${pvc.claimName}`);
    else if (v['ephemeral']) out.push(`${ns}/${pod.metadata.name ?? ''}-${String(v['name'] ?? '')}`);
  }
  return out;
}

/** The index name of pods by the claims they use. */
export const POD_PVC_INDEX = 'pod-pvc-index';

/** util.IsPodTerminated, as the binder uses it: the pod finished. */
export function isPodTerminated(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}
