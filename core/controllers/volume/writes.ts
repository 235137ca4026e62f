/**
 * The binder's writes (pkg/controller/volume/persistentvolume pv_controller.go): binding a volume
 * and a claim in four steps — the volume's claimRef, the volume's phase, the claim's volumeName
 * and annotations, the claim's phase — each saved only when it changes, and the phase updates
 * with their events. Every write goes through the API server and into the binder's own cache of
 * what it last wrote, so that the next sync does not act on an older copy.
 */
import type { Clock } from '../../clock/clock';
import type { Client } from '../../client/client';
import type { EventRecorder, EventType } from '../../client/events';
import type { ObjectReference, PersistentVolume, PersistentVolumeClaim } from '../../api/types';
import { clone, timestamp } from '../util/pods';
import { ANN_BETA_STORAGE_PROVISIONER, ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_STORAGE_PROVISIONER, isVolumeBoundToClaim } from './helpers';

/** What the binder's writes need. */
export interface BinderWrites {
  client: Client;
  clock: Clock;
  recorder: EventRecorder;
  /** Remembers an object the binder wrote (storeVolumeUpdate / storeClaimUpdate). */
  remember(obj: PersistentVolume | PersistentVolumeClaim): void;
}

const pvRef = (name: string, subresource?: string) => ({ resource: 'persistentvolumes', name, ...(subresource ? { subresource } : {}) });
const pvcRef = (c: PersistentVolumeClaim, subresource?: string) => ({ resource: 'persistentvolumeclaims', namespace: c.metadata.namespace ?? '', name: c.metadata.name ?? '', ...(subresource ? { subresource } : {}) });

/** updateVolumePhase: the phase (and message) of a volume, written when it changes. */
export async function updateVolumePhase(w: BinderWrites, volume: PersistentVolume, phase: string, message = ''): Promise<PersistentVolume> {
  if (volume.status?.phase === phase) return volume;
  const next = clone(volume);
  // kube-apiserver's strategy stamps lastPhaseTransitionTime on a phase change; the binder does it here.
  next.status = { ...(next.status ?? {}), phase, lastPhaseTransitionTime: timestamp(w.clock.now()) };
  if (message) next.status.message = message;
  else delete next.status.message;
  const saved = await w.client.update<PersistentVolume>(pvRef(volume.metadata.name ?? '', 'status'), next);
  w.remember(saved);
  return saved;
}

/** updateVolumePhaseWithEvent: the phase, and the event only when it changed. */
export async function updateVolumePhaseWithEvent(w: BinderWrites, volume: PersistentVolume, phase: string, type: EventType, reason: string, message: string): Promise<PersistentVolume> {
  if (volume.status?.phase === phase) return volume;
  const saved = await updateVolumePhase(w, volume, phase, message);
  w.recorder.event(saved, type, reason, message);
  return saved;
}

/** updateClaimStatus: phase, and the access modes and capacity of the volume (reset without one). */
export async function updateClaimStatus(w: BinderWrites, claim: PersistentVolumeClaim, phase: string, volume: PersistentVolume | undefined): Promise<PersistentVolumeClaim> {
  const next = clone(claim);
  const status = (next.status ??= {});
  let dirty = false;
  if (claim.status?.phase !== phase) {
    status.phase = phase;
    dirty = true;
  }
  if (!volume) {
    if (status.accessModes !== undefined) {
      delete status.accessModes;
      dirty = true;
    }
    if (status.capacity !== undefined) {
      delete status.capacity;
      dirty = true;
    }
  } else {
    if (JSON.stringify(status.accessModes) !== JSON.stringify(volume.spec?.accessModes)) {
      status.accessModes = volume.spec?.accessModes ?? [];
      dirty = true;
    }
    // The capacity is set when the claim becomes Bound, not after (a resize may differ on purpose).
    if (claim.status?.phase !== phase && JSON.stringify(status.capacity) !== JSON.stringify(volume.spec?.capacity)) {
      status.capacity = { ...(volume.spec?.capacity ?? {}) };
      dirty = true;
    }
  }
  if (!dirty) return claim;
  const saved = await w.client.update<PersistentVolumeClaim>(pvcRef(claim, 'status'), next);
  w.remember(saved);
  return saved;
}

/** updateClaimStatusWithEvent. */
export async function updateClaimStatusWithEvent(w: BinderWrites, claim: PersistentVolumeClaim, phase: string, volume: PersistentVolume | undefined, type: EventType, reason: string, message: string): Promise<PersistentVolumeClaim> {
  if (claim.status?.phase === phase) return claim;
  const saved = await updateClaimStatus(w, claim, phase, volume);
  w.recorder.event(saved, type, reason, message);
  return saved;
}

/** ref.GetReference of a claim: what a volume's claimRef holds. */
export function claimReference(claim: PersistentVolumeClaim): ObjectReference {
  const ref: ObjectReference = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace ?? '', name: claim.metadata.name ?? '', uid: claim.metadata.uid ?? '', apiVersion: 'v1' };
  if (claim.metadata.resourceVersion) ref.resourceVersion = claim.metadata.resourceVersion;
  return ref;
}

/** GetBindVolumeToClaim + updateBindVolumeToClaim: the volume's claimRef (and bound-by-controller when the controller chose it). */
async function bindVolumeToClaim(w: BinderWrites, volume: PersistentVolume, claim: PersistentVolumeClaim): Promise<PersistentVolume> {
  const next = clone(volume);
  let dirty = false;
  const shouldSetBoundByController = !isVolumeBoundToClaim(volume, claim);
  const ref = volume.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace || ref.uid !== claim.metadata.uid) {
    next.spec.claimRef = claimReference(claim);
    dirty = true;
  }
  if (shouldSetBoundByController && next.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined) {
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    dirty = true;
  }
  if (!dirty) return volume;
  const saved = await w.client.update<PersistentVolume>(pvRef(volume.metadata.name ?? ''), next);
  w.remember(saved);
  return saved;
}

/** bindClaimToVolume: the claim's volumeName and its bind-completed (and bound-by-controller) annotations. */
async function bindClaimToVolume(w: BinderWrites, claim: PersistentVolumeClaim, volume: PersistentVolume): Promise<PersistentVolumeClaim> {
  const next = clone(claim);
  let dirty = false;
  const annotations = { ...(next.metadata.annotations ?? {}) };
  if (claim.spec?.volumeName !== volume.metadata.name) {
    next.spec.volumeName = volume.metadata.name ?? '';
    if (annotations[ANN_BOUND_BY_CONTROLLER] === undefined) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    dirty = true;
  }
  if (annotations[ANN_BIND_COMPLETED] === undefined) {
    annotations[ANN_BIND_COMPLETED] = 'yes';
    dirty = true;
  }
  if (!dirty) return claim;
  next.metadata.annotations = annotations;
  const saved = await w.client.update<PersistentVolumeClaim>(pvcRef(claim), next);
  w.remember(saved);
  return saved;
}

/** bind: volume first, then claim; both end Bound. Returns on the first error (the next sync finishes). */
export async function bind(w: BinderWrites, volume: PersistentVolume, claim: PersistentVolumeClaim): Promise<void> {
  let v = await bindVolumeToClaim(w, volume, claim);
  v = await updateVolumePhase(w, v, 'Bound');
  const c = await bindClaimToVolume(w, claim, v);
  await updateClaimStatus(w, c, 'Bound', v);
}

/** unbindVolume: a controller-made binding is undone; a user's pre-binding only loses the claim's uid. Then Available. */
export async function unbindVolume(w: BinderWrites, volume: PersistentVolume): Promise<PersistentVolume> {
  const next = clone(volume);
  if (next.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] !== undefined) {
    delete next.spec.claimRef;
    delete next.metadata.annotations[ANN_BOUND_BY_CONTROLLER];
    if (Object.keys(next.metadata.annotations).length === 0) delete next.metadata.annotations;
  } else if (next.spec.claimRef) {
    delete next.spec.claimRef.uid;
  }
  const saved = await w.client.update<PersistentVolume>(pvRef(volume.metadata.name ?? ''), next);
  w.remember(saved);
  return updateVolumePhase(w, saved, 'Available');
}

/** setClaimProvisioner: the claim's storage-provisioner annotations (beta and GA), so that its provisioner starts. */
export async function setClaimProvisioner(w: BinderWrites, claim: PersistentVolumeClaim, provisioner: string): Promise<PersistentVolumeClaim> {
  if (claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER] === provisioner) return claim;
  const next = clone(claim);
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
  const saved = await w.client.update<PersistentVolumeClaim>(pvcRef(claim), next);
  w.remember(saved);
  return saved;
}
