/**
 * Which ReplicaSets a Deployment owns (getReplicaSetsForDeployment with the
 * ReplicaSetControllerRefManager of pkg/controller/controller_ref_manager.go): those it controls
 * and its selector still matches; an orphan its selector matches is adopted (a patch adds the
 * controller reference), one it controls that no longer matches is released (a patch removes
 * it). Before adopting, the Deployment is read again: one being deleted, or replaced by
 * another of the same name, adopts nothing.
 */
import { isStatusError } from '../../api/status';
import type { Deployment, ReplicaSet } from '../../api/types';
import { selectorMatches } from '../../apiserver/resources/selector';
import { controllerOf, controllerRef } from '../util/controllerRef';
import { deploymentRef, replicaSetRef, traceName, type DeploymentSyncContext } from './context';

/** ClaimReplicaSets: the ReplicaSets of the namespace that belong to `d`, adopting and releasing as needed. */
export async function claimReplicaSets(dc: DeploymentSyncContext, d: Deployment, candidates: ReplicaSet[]): Promise<ReplicaSet[]> {
  const uid = d.metadata.uid ?? '';
  const claimed: ReplicaSet[] = [];
  let canAdopt: boolean | undefined;
  const recheck = async (): Promise<boolean> => {
    if (canAdopt === undefined) {
      const fresh = await dc.client.get<Deployment>(deploymentRef(d));
      if (fresh.metadata.uid !== uid) throw new Error(`original Deployment ${d.metadata.namespace ?? ''}/${d.metadata.name ?? ''} is gone: got uid ${fresh.metadata.uid ?? ''}, wanted ${uid}`);
      canAdopt = !fresh.metadata.deletionTimestamp;
    }
    if (!canAdopt) throw new Error(`${d.metadata.namespace ?? ''}/${d.metadata.name ?? ''} has just been deleted at ${d.metadata.deletionTimestamp ?? ''}`);
    return true;
  };
  for (const rs of candidates) {
    const matches = selectorMatches(d.spec.selector, rs.metadata.labels);
    const ref = controllerOf(rs);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (matches) {
        claimed.push(rs);
        continue;
      }
      if (d.metadata.deletionTimestamp) continue;
      await patchOwner(dc, rs, { metadata: { ownerReferences: [{ $patch: 'delete', uid }], uid: rs.metadata.uid } });
      dc.trace('release', traceName('replicasets', rs), `released ReplicaSet ${rs.metadata.name ?? ''}: deployment ${d.metadata.name ?? ''} no longer selects it`);
      continue;
    }
    if (d.metadata.deletionTimestamp || !matches || rs.metadata.deletionTimestamp) continue;
    await recheck();
    if (await patchOwner(dc, rs, { metadata: { ownerReferences: [controllerRef(d, 'apps/v1', 'Deployment')], uid: rs.metadata.uid } })) {
      dc.trace('adopt', traceName('replicasets', rs), `deployment ${d.metadata.name ?? ''} adopted the orphan ReplicaSet ${rs.metadata.name ?? ''}`);
      claimed.push(rs);
    }
  }
  return claimed;
}

/** A strategic merge patch of a ReplicaSet's owner references; false when it is gone. */
async function patchOwner(dc: DeploymentSyncContext, rs: ReplicaSet, patch: unknown): Promise<boolean> {
  try {
    await dc.client.patch(replicaSetRef(rs.metadata.namespace ?? '', rs.metadata.name), patch);
    return true;
  } catch (e) {
    if (isStatusError(e, 'NotFound')) return false;
    throw e;
  }
}
