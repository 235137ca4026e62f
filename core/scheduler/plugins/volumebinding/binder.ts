/**
 * The volume binder's decisions (volumebinding.SchedulerVolumeBinder, simplified): which of a
 * pod's claims are bound, unbound with Immediate binding, or unbound with WaitForFirstConsumer;
 * and, for a node, whether each bound claim's PV allows the node and each delayed claim has a
 * matching available PV there or a provisioner to create one.
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../../api/types';
import type { VolumeNodeAffinity } from '../../framework/api';
import type { NodeInfo } from '../../framework/nodeInfo';
import { quantityScaled } from '../../framework/resources';
import { compileLabelSelector, matchesNodeSelector } from '../../framework/selectors';
import type { Handle } from '../../framework/types';

/** Reason: a delayed claim has no PV it could bind on the node (and nothing provisions one). */
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
/** Reason: a bound PV's node affinity excludes the node. */
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
/** Reason: a claim is bound to a PV that does not exist. */
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
/** PreFilter reason: Immediate claims not yet bound by the PV controller. */
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
/** The annotation that asks a provisioner to provision for a node. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** The provisioner name of classes that never provision. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/** The claims of a pod, sorted by binding state. */
export interface PodClaims {
  bound: PersistentVolumeClaim[];
  delayed: PersistentVolumeClaim[];
  immediateUnbound: PersistentVolumeClaim[];
}

/** The class of a claim ('' when none). */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.spec.storageClassName ?? pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

/** Whether a claim waits for its first consumer (its class has volumeBindingMode WaitForFirstConsumer). */
export function isDelayed(handle: Handle, pvc: PersistentVolumeClaim): boolean {
  const cls = claimClass(pvc);
  return cls !== '' && handle.storageClass(cls)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** Whether the PV's node affinity allows the node. */
export function pvAllowsNode(pv: PersistentVolume, node: NodeInfo): boolean {
  const aff = pv.spec.nodeAffinity as VolumeNodeAffinity | undefined;
  if (!aff?.required || !node.node) return true;
  return matchesNodeSelector(aff.required, node.node);
}

function storageRequest(pvc: PersistentVolumeClaim): number {
  return quantityScaled(pvc.spec.resources?.requests?.storage ?? '0', 0);
}

/** Whether an available PV could satisfy a claim (class, access modes, size, selector). */
export function pvMatchesClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  if (pv.metadata.deletionTimestamp) return false;
  const ref = pv.spec.claimRef;
  if (ref && !(ref.namespace === pvc.metadata.namespace && ref.name === pvc.metadata.name)) return false;
  if ((pv.spec.storageClassName ?? '') !== claimClass(pvc)) return false;
  const modes = pv.spec.accessModes ?? [];
  for (const m of pvc.spec.accessModes ?? []) if (!modes.includes(m)) return false;
  if (quantityScaled(pv.spec.capacity?.storage ?? '0', 0) < storageRequest(pvc)) return false;
  if ((pv.spec.volumeMode ?? 'Filesystem') !== (pvc.spec.volumeMode ?? 'Filesystem')) return false;
  if (pvc.spec.selector && !compileLabelSelector(pvc.spec.selector)(pv.metadata.labels)) return false;
  return true;
}

/** The smallest available PV for a delayed claim on a node, if any. */
export function findMatchingPV(handle: Handle, pvc: PersistentVolumeClaim, node: NodeInfo, taken: Set<string>): PersistentVolume | undefined {
  let best: PersistentVolume | undefined;
  for (const pv of handle.pvs()) {
    const name = pv.metadata.name ?? '';
    if (taken.has(name) || (pv.status?.phase && pv.status.phase !== 'Available')) continue;
    if (!pvMatchesClaim(pv, pvc) || !pvAllowsNode(pv, node)) continue;
    if (!best || quantityScaled(pv.spec.capacity?.storage ?? '0', 0) < quantityScaled(best.spec.capacity?.storage ?? '0', 0)) best = pv;
  }
  return best;
}

/** Whether the claim's class can provision a volume on the node (a provisioner, allowed topologies). */
export function canProvision(handle: Handle, pvc: PersistentVolumeClaim, node: NodeInfo): boolean {
  const cls: StorageClass | undefined = handle.storageClass(claimClass(pvc));
  if (!cls || !cls.provisioner || cls.provisioner === NO_PROVISIONER) return false;
  const topologies = (cls.allowedTopologies ?? []) as { matchLabelExpressions?: { key: string; values: string[] }[] }[];
  if (topologies.length === 0) return true;
  return topologies.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(node.labels[e.key] ?? '\u0000')));
}
