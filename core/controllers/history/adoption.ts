/**
 * The adoption and release of dependents (pkg/controller controller_ref_manager.go
 * BaseControllerRefManager.ClaimObject), shared by the DaemonSet and StatefulSet controllers for
 * their pods and their ControllerRevisions: an orphan that the owner's selector matches is
 * adopted (a strategic merge patch adds the controller reference), a dependent that no longer
 * matches is released (the patch deletes the reference), and only what the owner controls and
 * selects is returned.
 */
import { isStatusError } from '../../api/status';
import type { KubeObject } from '../../api/types';
import type { Client, ResourceRef } from '../../client/client';
import { controllerOf, controllerRef } from '../util/controllerRef';

/** What claiming needs to know. */
export interface ClaimOptions {
  client: Client;
  /** The owner. */
  parent: KubeObject;
  /** The owner's controller reference: `apps/v1`, `DaemonSet`. */
  apiVersion: string;
  kind: string;
  /** The dependents' resource (pods, controllerrevisions). */
  resource: Omit<ResourceRef, 'name' | 'namespace'>;
  /** Whether the owner wants the object (its selector, and for StatefulSets its name). */
  matches(obj: KubeObject): boolean;
  /** RecheckDeletionTimestamp: a fresh read that the owner still exists and is not being deleted. */
  canAdopt(): Promise<boolean>;
}

function refTo(opts: ClaimOptions, obj: KubeObject): ResourceRef {
  return { ...opts.resource, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' };
}

/** ClaimObjects: the objects `opts.parent` controls after adopting the orphans it matches and releasing the ones it no longer matches. */
export async function claimObjects<T extends KubeObject>(objects: readonly T[], opts: ClaimOptions): Promise<T[]> {
  const parentUid = opts.parent.metadata.uid ?? '';
  const parentDeleting = opts.parent.metadata.deletionTimestamp !== undefined;
  const claimed: T[] = [];
  let adoptable: boolean | undefined;
  for (const obj of objects) {
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.uid !== parentUid) continue;
      if (opts.matches(obj)) {
        claimed.push(obj);
      } else if (!parentDeleting) {
        // Release: the owner no longer selects it.
        const patch = { metadata: { ownerReferences: [{ $patch: 'delete', uid: parentUid }], uid: obj.metadata.uid } };
        try {
          await opts.client.patch(refTo(opts, obj), patch);
        } catch (e) {
          if (!isStatusError(e, 'NotFound') && !isStatusError(e, 'Invalid')) throw e;
        }
      }
      continue;
    }
    if (parentDeleting || obj.metadata.deletionTimestamp || !opts.matches(obj)) continue;
    adoptable ??= await opts.canAdopt();
    if (!adoptable) continue;
    const patch = { metadata: { ownerReferences: [controllerRef(opts.parent, opts.apiVersion, opts.kind)], uid: obj.metadata.uid } };
    try {
      claimed.push(await opts.client.patch<T>(refTo(opts, obj), patch));
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
    }
  }
  return claimed;
}

/** A canAdopt that re-reads the owner (RecheckDeletionTimestamp): it must exist with the same uid and not be deleting. */
export function recheckOwner(client: Client, ref: ResourceRef, uid: string | undefined): () => Promise<boolean> {
  return async () => {
    try {
      const fresh = await client.get(ref);
      return fresh.metadata.uid === uid && !fresh.metadata.deletionTimestamp;
    } catch {
      return false;
    }
  };
}
