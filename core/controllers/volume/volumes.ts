/**
 * syncVolume and the reclaim policies (pkg/controller/volume/persistentvolume). A volume without
 * a claim is Available; bound to an existing claim, Bound; when its claim is gone it is Released
 * and its reclaim policy runs: Retain keeps it (and its data) as it is; Delete removes it — by its
 * provisioner when it was provisioned by an external one (local-path deletes its own volumes), by
 * the in-tree hostPath deleter otherwise (which only deletes under /tmp, as in Kubernetes);
 * Recycle (deprecated: use dynamic provisioning) scrubs the files and makes it Available again.
 */
import type { PersistentVolume } from '../../api/types';
import type { BinderContext } from './context';
import { ANN_DYNAMICALLY_PROVISIONED, claimRefKey, hasAnnotation, isPodTerminated, volumeModeMismatch } from './helpers';
import { unbindVolume, updateVolumePhase, updateVolumePhaseWithEvent } from './writes';

/** The in-tree plugin of a volume's source that can delete or recycle it (only hostPath and nfs here). */
function sourceOf(volume: PersistentVolume): string {
  for (const s of ['hostPath', 'nfs', 'local', 'csi', 'iscsi', 'fc', 'cephfs', 'rbd']) if (volume.spec?.[s] !== undefined && volume.spec[s] !== null) return s;
  return '';
}

/** syncVolume. */
export async function syncVolume(b: BinderContext, volume: PersistentVolume): Promise<void> {
  const ref = volume.spec?.claimRef;
  if (!ref || !ref.uid) {
    // Unused, or reserved for a claim (pre-bound) that the claim's sync will bind.
    await updateVolumePhase(b, volume, 'Available');
    return;
  }
  let claim = b.claim(claimRefKey(ref));
  if (claim && claim.metadata.uid !== ref.uid) claim = undefined; // deleted and created again
  if (!claim) {
    let v = volume;
    // Released once; a Failed volume stays Failed while the reclaim is retried.
    if (v.status?.phase !== 'Released' && v.status?.phase !== 'Failed') {
      v = await updateVolumePhase(b, v, 'Released');
      b.trace('Release', `persistentvolumes/${v.metadata.name ?? ''}`, `${v.metadata.name ?? ''} released: claim ${claimRefKey(ref)} is gone; reclaim policy ${v.spec.persistentVolumeReclaimPolicy ?? 'Retain'}`);
    }
    await reclaimVolume(b, v);
    return;
  }
  const volumeName = claim.spec?.volumeName ?? '';
  if (volumeName === '') {
    if (volumeModeMismatch(claim, volume)) {
      b.recorder.event(volume, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata.name ?? ''}" due to incompatible volumeMode.`);
      b.recorder.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume "${volume.metadata.name ?? ''}" to requested PersistentVolumeClaim due to incompatible volumeMode.`);
      return;
    }
    // The claim's sync finishes the binding (e.g. of a freshly provisioned volume).
    b.enqueueClaim(claimRefKey(ref));
    return;
  }
  if (volumeName === volume.metadata.name) {
    await updateVolumePhase(b, volume, 'Bound');
    return;
  }
  // Bound to a claim that is bound elsewhere.
  if (hasAnnotation(volume, ANN_DYNAMICALLY_PROVISIONED) && volume.spec.persistentVolumeReclaimPolicy === 'Delete') {
    let v = volume;
    if (v.status?.phase !== 'Released' && v.status?.phase !== 'Failed') v = await updateVolumePhase(b, v, 'Released');
    await reclaimVolume(b, v);
    return;
  }
  await unbindVolume(b, volume);
}

/** reclaimVolume. */
export async function reclaimVolume(b: BinderContext, volume: PersistentVolume): Promise<void> {
  const name = volume.metadata.name ?? '';
  switch (volume.spec.persistentVolumeReclaimPolicy ?? 'Retain') {
    case 'Retain':
      return;
    case 'Recycle':
      b.scheduleOperation(`recycle-${name}[${volume.metadata.uid ?? ''}]`, () => recycleVolume(b, name));
      return;
    case 'Delete':
      b.scheduleOperation(`delete-${name}[${volume.metadata.uid ?? ''}]`, () => deleteVolume(b, name));
      return;
    default:
      await updateVolumePhaseWithEvent(b, volume, 'Failed', 'Warning', 'VolumeUnknownReclaimPolicy', 'Volume has unrecognized PersistentVolumeReclaimPolicy');
  }
}

/** isVolumeReleased: bound to a claim that is gone (or bound to another volume). */
function isVolumeReleased(b: BinderContext, volume: PersistentVolume): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref || !ref.uid) return false;
  const claim = b.claim(claimRefKey(ref));
  if (claim && claim.metadata.uid === ref.uid) return !!claim.spec?.volumeName && claim.spec.volumeName !== volume.metadata.name;
  return true;
}

/** deleteVolumeOperation. */
async function deleteVolume(b: BinderContext, name: string): Promise<void> {
  const volume = b.volume(name);
  if (!volume || volume.metadata.deletionTimestamp || !isVolumeReleased(b, volume)) return;
  const provisioner = volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
  // An external provisioner deletes its volumes itself: nothing to do here.
  if (provisioner && !provisioner.startsWith('kubernetes.io/')) return;
  const error = inTreeDelete(volume);
  if (error) {
    await updateVolumePhaseWithEvent(b, volume, 'Failed', 'Warning', 'VolumeFailedDelete', error);
    throw new Error(error);
  }
  await b.client.delete({ resource: 'persistentvolumes', name });
  b.trace('DeleteVolume', `persistentvolumes/${name}`, `${name} deleted (reclaim policy Delete)`);
}

/** The in-tree deleter of the volume's source: an error message, or undefined once the data is gone. */
function inTreeDelete(volume: PersistentVolume): string | undefined {
  const source = sourceOf(volume);
  if (source === 'hostPath') {
    const path = (volume.spec['hostPath'] as { path?: string } | undefined)?.path ?? '';
    // The hostPath deleter removes the directory, and only under /tmp.
    return /\/tmp\/.+/.test(path) ? undefined : `host_path deleter only supports /tmp/.+ but received provided ${path}`;
  }
  return `Error getting deleter volume plugin for volume "${volume.metadata.name ?? ''}": no deletable volume plugin matched`;
}

/**
 * recycleVolumeOperation: the (deprecated) Recycle policy. Kubernetes runs a recycler pod that
 * deletes the volume's files (`rm -rf /scrub/*`); here the scrub is simulated (containers do not
 * run), then the volume is unbound and Available for a new claim.
 */
async function recycleVolume(b: BinderContext, name: string): Promise<void> {
  const volume = b.volume(name);
  if (!volume || !isVolumeReleased(b, volume)) return;
  const claimRef = volume.spec.claimRef;
  const users = claimRef ? b.podsUsing(claimRefKey(claimRef)).filter((p) => !isPodTerminated(p)) : [];
  if (users.length > 0 && !b.claim(claimRefKey(claimRef ?? {}))) {
    const pods = users.map((p) => `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`).sort();
    b.recorder.event(volume, 'Normal', 'VolumeFailedRecycle', `Volume is used by pods: ${pods.join(',')}`);
    return;
  }
  const source = sourceOf(volume);
  if (source !== 'hostPath' && source !== 'nfs') {
    await updateVolumePhaseWithEvent(b, volume, 'Failed', 'Warning', 'VolumeFailedRecycle', 'No recycler plugin found for the volume!');
    return;
  }
  b.recorder.event(volume, 'Normal', 'VolumeRecycled', 'Volume recycled');
  await unbindVolume(b, volume);
  b.trace('RecycleVolume', `persistentvolumes/${name}`, `${name} recycled (files deleted) and Available again`);
}
