/**
 * syncClaim (pkg/controller/volume/persistentvolume): what the binder does with a claim. A claim
 * not yet bound gets the best matching volume, or — when it names a StorageClass — a provisioned
 * one (the class's external provisioner is asked through the claim's annotations), or stays
 * Pending with a `FailedBinding` event; with WaitForFirstConsumer it waits for the scheduler to
 * choose a node. A bound claim whose volume went away is `Lost`.
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types';
import type { BinderContext } from './context';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, accessModesCovered, capacityCovers, claimClass, claimKey, claimRefKey, hasAnnotation, isDelayBinding, isPodTerminated, isVolumeBoundToClaim, volumeClass, volumeModeMismatch } from './helpers';
import { findBestMatchForClaim } from './match';
import { bind, setClaimProvisioner, updateClaimStatus, updateClaimStatusWithEvent } from './writes';

/** syncClaim. */
export async function syncClaim(b: BinderContext, claim: PersistentVolumeClaim): Promise<void> {
  if (!hasAnnotation(claim, ANN_BIND_COMPLETED)) await syncUnboundClaim(b, claim);
  else await syncBoundClaim(b, claim);
}

/** checkVolumeSatisfyClaim: why a requested volume does not fit, if it does not. */
export function checkVolumeSatisfyClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  if (volume.metadata.deletionTimestamp) return `the volume is marked for deletion "${volume.metadata.name ?? ''}"`;
  if (!capacityCovers(volume.spec?.capacity, claim.spec?.resources?.requests)) return 'requested PV is too small';
  if (volumeClass(volume) !== claimClass(claim)) return 'storageClassName does not match';
  if (volumeModeMismatch(claim, volume)) return 'incompatible volumeMode';
  if (!accessModesCovered(claim, volume)) return 'incompatible accessMode';
  return undefined;
}

/** emitEventForUnboundDelayBindingClaim. */
function emitDelayBindingEvent(b: BinderContext, claim: PersistentVolumeClaim): void {
  const names = b
    .podsUsing(claimKey(claim))
    .filter((p) => !isPodTerminated(p) && !p.spec?.nodeName)
    .map((p) => p.metadata.name ?? '');
  if (names.length === 0) b.recorder.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
  else if (names.length === 1) b.recorder.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for pod ${names[0] ?? ''} to be scheduled`);
  else b.recorder.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for pods ${names.join(',')} to be scheduled`);
}

async function syncUnboundClaim(b: BinderContext, claim: PersistentVolumeClaim): Promise<void> {
  const volumeName = claim.spec?.volumeName ?? '';
  if (volumeName === '') {
    const cls = claimClass(claim);
    const delayBinding = cls !== '' && isDelayBinding(b.storageClass(cls));
    const volume = findBestMatchForClaim(claim, b.volumes(), delayBinding);
    if (volume) {
      await bind(b, volume, claim);
      b.trace('Bind', `persistentvolumeclaims/${claimKey(claim)}`, `${claimKey(claim)} bound to ${volume.metadata.name ?? ''}`);
      return;
    }
    if (delayBinding && !hasAnnotation(claim, ANN_SELECTED_NODE)) emitDelayBindingEvent(b, claim);
    else if (cls !== '') {
      provisionClaim(b, claim);
      return;
    } else b.recorder.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
    await updateClaimStatus(b, claim, 'Pending', undefined);
    return;
  }
  // The user asked for a specific volume.
  const volume = b.volume(volumeName);
  if (!volume) {
    await updateClaimStatus(b, claim, 'Pending', undefined);
    return;
  }
  if (!volume.spec?.claimRef) {
    const why = checkVolumeSatisfyClaim(volume, claim);
    if (why) {
      b.recorder.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volumeName}": ${why}`);
      await updateClaimStatus(b, claim, 'Pending', undefined);
    } else await bind(b, volume, claim);
    return;
  }
  if (isVolumeBoundToClaim(volume, claim)) {
    await bind(b, volume, claim);
    return;
  }
  b.recorder.event(claim, 'Warning', 'FailedBinding', `volume "${volumeName}" already bound to a different claim.`);
  if (!hasAnnotation(claim, ANN_BOUND_BY_CONTROLLER)) {
    await updateClaimStatus(b, claim, 'Pending', undefined);
    return;
  }
  throw new Error(`Invalid binding of claim "${claimKey(claim)}" to volume "${volumeName}": volume already claimed by "${claimRefKey(volume.spec.claimRef)}"`);
}

async function syncBoundClaim(b: BinderContext, claim: PersistentVolumeClaim): Promise<void> {
  const volumeName = claim.spec?.volumeName ?? '';
  if (volumeName === '') {
    await updateClaimStatusWithEvent(b, claim, 'Lost', undefined, 'Warning', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
    return;
  }
  const volume = b.volume(volumeName);
  if (!volume) {
    await updateClaimStatusWithEvent(b, claim, 'Lost', undefined, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    return;
  }
  if (!volume.spec?.claimRef || volume.spec.claimRef.uid === claim.metadata.uid) {
    // Unbound volume (or an old copy): bind again; or all is well and bind() writes nothing.
    await bind(b, volume, claim);
    return;
  }
  await updateClaimStatusWithEvent(b, claim, 'Lost', undefined, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
}

/**
 * provisionClaim: the class's provisioner is asked for a volume. No provisioner runs inside the
 * binder (no in-tree plugin provisions in a kind cluster): for an external one the claim gets the
 * storage-provisioner annotations and an `ExternalProvisioning` event, and the provisioner
 * creates the volume, which a later sync binds.
 */
function provisionClaim(b: BinderContext, claim: PersistentVolumeClaim): void {
  const clsName = claimClass(claim);
  const cls = b.storageClass(clsName);
  if (!cls) {
    b.recorder.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${clsName}" not found`);
    return;
  }
  if (cls.provisioner.startsWith('kubernetes.io/')) {
    b.recorder.event(claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${cls.provisioner}`);
    return;
  }
  b.scheduleOperation(`provision-${claimKey(claim)}[${claim.metadata.uid ?? ''}]`, async () => {
    const saved = await setClaimProvisioner(b, claim, cls.provisioner);
    const msg = `Waiting for a volume to be created either by the external provisioner '${cls.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
    b.recorder.event(saved, 'Normal', 'ExternalProvisioning', msg);
  });
}
