/**
 * Which volume a claim gets (the binder's persistentVolumeOrderedIndex.findBestMatchForClaim and
 * component-helpers' FindMatchingVolume). Volumes are grouped by their set of access modes; the
 * groups that offer every mode the claim asks for are tried from the fewest modes up, and in the
 * first group with a match: a volume pre-bound to this claim wins, else the smallest Available
 * one that is big enough, of the claim's class and volumeMode, matching its selector. With
 * WaitForFirstConsumer only a pre-bound volume is taken here (the scheduler binds the others).
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../api/types';
import { compareQuantities } from '../../apiserver/resources/quantity';
import { selectorMatches } from '../../apiserver/resources/selector';
import { capacityCovers, claimClass, isVolumeBoundToClaim, storageOf, volumeClass, volumeModeMismatch } from './helpers';

const MODE_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

function modesKey(modes: string[] | undefined): string {
  return [...new Set(modes ?? [])].sort((a, b) => MODE_ORDER.indexOf(a) - MODE_ORDER.indexOf(b)).join(',');
}

/** FindMatchingVolume over one group of volumes (no node: the controller's path). */
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: PersistentVolume[], delayBinding: boolean): PersistentVolume | undefined {
  let smallest: PersistentVolume | undefined;
  const cls = claimClass(claim);
  for (const volume of volumes) {
    if (volume.spec?.claimRef && !isVolumeBoundToClaim(volume, claim)) continue;
    if (!capacityCovers(volume.spec?.capacity, claim.spec?.resources?.requests)) continue;
    if (volumeModeMismatch(claim, volume)) continue;
    if (volume.metadata.deletionTimestamp) continue;
    if (isVolumeBoundToClaim(volume, claim)) return volume;
    if (delayBinding) continue;
    if (volume.status?.phase !== 'Available') continue;
    if (claim.spec?.selector && !selectorMatches(claim.spec.selector, volume.metadata.labels)) continue;
    if (volumeClass(volume) !== cls) continue;
    if ((volume.spec?.volumeAttributesClassName ?? '') !== (claim.spec?.volumeAttributesClassName ?? '')) continue;
    const size = storageOf(volume.spec?.capacity);
    const best = storageOf(smallest?.spec?.capacity);
    if (!smallest || (size && best && compareQuantities(best, size) > 0)) smallest = volume;
  }
  return smallest;
}

/** findBestMatchForClaim: through the access-mode groups, fewest modes first. */
export function findBestMatchForClaim(claim: PersistentVolumeClaim, volumes: PersistentVolume[], delayBinding: boolean): PersistentVolume | undefined {
  const wanted = claim.spec?.accessModes ?? [];
  const groups = new Map<string, PersistentVolume[]>();
  for (const v of [...volumes].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))) {
    const key = modesKey(v.spec?.accessModes);
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const possible = [...groups.keys()]
    .filter((key) => {
      const offered = key.split(',');
      return wanted.every((m) => offered.includes(m));
    })
    .sort((a, b) => a.split(',').length - b.split(',').length || a.localeCompare(b));
  for (const key of possible) {
    const found = findMatchingVolume(claim, groups.get(key) ?? [], delayBinding);
    if (found) return found;
  }
  return undefined;
}
