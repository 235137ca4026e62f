/**
 * Reads and writes controllers make past their informer caches: a fresh read of one object (the
 * "uncached quorum read" of RecheckDeletionTimestamp and the garbage collector's owner lookups)
 * and DELETE with full DeleteOptions (propagation policy, preconditions).
 *
 * The fresh read is a GET as the controller's service account; where that identity may not get
 * the object (a controller manager whose reads all go as `system:kube-controller-manager`, which
 * may list and watch everything but get only a few kinds) it is a LIST with
 * `fieldSelector=metadata.name=NAME`, the same quorum read.
 */
import { isStatusError } from '../../api/status';
import type { KubeObject } from '../../api/types';
import type { Client, ResourceRef } from '../../client/client';

/** The object `ref` names, read from the API server now; undefined when it does not exist. */
export async function getLive<T extends KubeObject>(client: Client, ref: ResourceRef & { name: string }): Promise<T | undefined> {
  const { name, ...collection } = ref;
  try {
    return await client.get<T>(ref);
  } catch (e) {
    if (isStatusError(e, 'NotFound')) return undefined;
    if (!isStatusError(e, 'Forbidden')) throw e;
  }
  try {
    const list = await client.list<T>(collection, { fieldSelector: `metadata.name=${name}` });
    return list.items.find((o) => o.metadata.name === name);
  } catch (e) {
    if (isStatusError(e, 'NotFound')) return undefined;
    throw e;
  }
}

/** metav1.DeleteOptions as controllers send them. */
export interface ControllerDeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
}

/** DELETE of one object (or, without a name, of a collection) with the given options. */
export function deleteWith(client: Client, ref: ResourceRef, options: ControllerDeleteOptions): Promise<unknown> {
  // Client.delete sends its options object as the DeleteOptions body, whatever fields it has.
  const body: { preconditions?: { uid?: string } } = options;
  return client.delete(ref, body);
}
