/**
 * VolumeBinding: PreFilter rejects a pod whose claims are missing, being deleted, or unbound
 * with Immediate binding ("pod has unbound immediate PersistentVolumeClaims"); Filter checks
 * bound PVs' node affinity and that each WaitForFirstConsumer claim can be bound or
 * provisioned on the node; PreBind binds the chosen PVs (`spec.claimRef`) or asks for
 * provisioning (`volume.kubernetes.io/selected-node` on the claim).
 */
import type { PersistentVolume, PersistentVolumeClaim } from '../../../api/types';
import type { Client } from '../../../client/client';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { SKIP, Status, unresolvable, type ClusterEvent, type CycleState, type FilterPlugin, type Handle, type PreBindPlugin, type PreFilterPlugin } from '../../framework/types';
import {
  ANN_SELECTED_NODE,
  ERR_REASON_BIND_CONFLICT,
  ERR_REASON_NODE_CONFLICT,
  ERR_REASON_PV_NOT_EXIST,
  ERR_REASON_UNBOUND_IMMEDIATE,
  canProvision,
  findMatchingPV,
  isDelayed,
  pvAllowsNode,
  type PodClaims,
} from './binder';

export { ERR_REASON_BIND_CONFLICT, ERR_REASON_NODE_CONFLICT, ERR_REASON_PV_NOT_EXIST, ERR_REASON_UNBOUND_IMMEDIATE } from './binder';

const KEY = 'PreFilterVolumeBinding';

/** The VolumeBinding plugin. */
export class VolumeBinding implements PreFilterPlugin, FilterPlugin, PreBindPlugin {
  readonly name = 'VolumeBinding';
  readonly events: readonly ClusterEvent[] = ['PersistentVolumeAdd', 'PersistentVolumeUpdate', 'PersistentVolumeClaimAdd', 'PersistentVolumeClaimUpdate', 'StorageClassAdd', 'StorageClassUpdate', 'NodeAdd', 'NodeUpdate'];

  constructor(
    private readonly handle: Handle,
    private readonly client: Client,
  ) {}

  preFilter(state: CycleState, pod: PodInfo): Status | undefined {
    if (pod.claims.length === 0) return SKIP;
    const claims: PodClaims = { bound: [], delayed: [], immediateUnbound: [] };
    for (const key of pod.claims) {
      const [ns, name] = key.split('/') as [string, string];
      const pvc = this.handle.pvc(ns, name);
      if (!pvc) return unresolvable(`persistentvolumeclaim "${name}" not found`);
      if (pvc.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
      if (pvc.spec.volumeName) claims.bound.push(pvc);
      else if (isDelayed(this.handle, pvc)) claims.delayed.push(pvc);
      else claims.immediateUnbound.push(pvc);
    }
    if (claims.immediateUnbound.length > 0) return unresolvable(ERR_REASON_UNBOUND_IMMEDIATE);
    state.set(KEY, claims);
    return undefined;
  }

  filter(state: CycleState, _pod: PodInfo, node: NodeInfo): Status | undefined {
    const claims = state.get(KEY) as PodClaims | undefined;
    if (!claims) return undefined;
    const reasons = new Set<string>();
    for (const pvc of claims.bound) {
      const pv = this.handle.pv(pvc.spec.volumeName ?? '');
      if (!pv) reasons.add(ERR_REASON_PV_NOT_EXIST);
      else if (!pvAllowsNode(pv, node)) reasons.add(ERR_REASON_NODE_CONFLICT);
    }
    const taken = new Set<string>();
    for (const pvc of claims.delayed) {
      const pv = findMatchingPV(this.handle, pvc, node, taken);
      if (pv) taken.add(pv.metadata.name ?? '');
      else if (!canProvision(this.handle, pvc, node)) reasons.add(ERR_REASON_BIND_CONFLICT);
    }
    return reasons.size ? unresolvable(...reasons) : undefined;
  }

  async preBind(state: CycleState, _pod: PodInfo, nodeName: string): Promise<Status | undefined> {
    const claims = state.get(KEY) as PodClaims | undefined;
    const node = this.handle.nodeInfo(nodeName);
    if (!claims || claims.delayed.length === 0 || !node) return undefined;
    const taken = new Set<string>();
    try {
      for (const pvc of claims.delayed) {
        const pv: PersistentVolume | undefined = findMatchingPV(this.handle, pvc, node, taken);
        const ns = pvc.metadata.namespace ?? 'default';
        if (pv) {
          taken.add(pv.metadata.name ?? '');
          const claimRef = { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: ns, name: pvc.metadata.name, uid: pvc.metadata.uid };
          await this.client.update<PersistentVolume>({ resource: 'persistentvolumes', name: pv.metadata.name ?? '' }, { ...pv, metadata: { ...pv.metadata, annotations: { ...pv.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' } }, spec: { ...pv.spec, claimRef } });
        } else {
          await this.client.patch<PersistentVolumeClaim>({ resource: 'persistentvolumeclaims', namespace: ns, name: pvc.metadata.name ?? '' }, { metadata: { annotations: { [ANN_SELECTED_NODE]: nodeName } } });
        }
      }
    } catch (e) {
      return new Status('Error', [(e as Error).message]);
    }
    return undefined;
  }
}
