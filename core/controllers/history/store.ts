/**
 * Writing ControllerRevisions through the API (history.realHistory): create with the
 * collision-count probe on a name clash (CreateControllerRevision), renumber
 * (UpdateControllerRevision), delete.
 */
import { isStatusError } from '../../api/status';
import type { ControllerRevision, KubeObject } from '../../api/types';
import type { Client, ResourceRef } from '../../client/client';
import { canonicalJson } from '../util/hash';
import { REVISION_DATA_HASH_LABEL, hashRevisionData, revisionName } from './revisions';

/** The reference of the controllerrevisions of a namespace (or of one revision). */
export function revisionsRef(namespace: string, name?: string): ResourceRef {
  return { group: 'apps', version: 'v1', resource: 'controllerrevisions', namespace, ...(name ? { name } : {}) };
}

/** A collision count the creation may raise (the owner's `status.collisionCount`). */
export interface CollisionCount {
  value: number;
}

/**
 * CreateControllerRevision: creates `revision` for `parent` named by the hash of its data and
 * the collision count; on a name already taken by other data, raises the count and tries again.
 * An existing revision with the same data is returned as is.
 */
export async function createControllerRevision(client: Client, parent: KubeObject, revision: ControllerRevision, collisionCount: CollisionCount): Promise<ControllerRevision> {
  const namespace = parent.metadata.namespace ?? '';
  for (let attempt = 0; attempt < 100; attempt++) {
    const hash = hashRevisionData(revision.data, collisionCount.value);
    const candidate: ControllerRevision = {
      ...revision,
      metadata: { ...revision.metadata, name: revisionName(parent.metadata.name ?? '', hash), labels: { ...(revision.metadata.labels ?? {}), [REVISION_DATA_HASH_LABEL]: hash } },
    };
    try {
      return await client.create(revisionsRef(namespace), candidate);
    } catch (e) {
      if (!isStatusError(e, 'AlreadyExists')) throw e;
      const exists = await client.get<ControllerRevision>(revisionsRef(namespace, candidate.metadata.name));
      if (canonicalJson(exists.data) === canonicalJson(candidate.data)) return exists;
      collisionCount.value++;
    }
  }
  throw new Error(`too many hash collisions creating a revision of ${parent.metadata.name ?? ''}`);
}

/** UpdateControllerRevision: gives the revision a new number (a rollback to it). */
export async function renumberRevision(client: Client, revision: ControllerRevision, newRevision: number): Promise<ControllerRevision> {
  if (revision.revision === newRevision) return revision;
  return client.update(revisionsRef(revision.metadata.namespace ?? '', revision.metadata.name), { ...revision, revision: newRevision });
}

/** DeleteControllerRevision (a revision already gone is not an error). */
export async function deleteRevision(client: Client, revision: ControllerRevision): Promise<void> {
  try {
    await client.delete(revisionsRef(revision.metadata.namespace ?? '', revision.metadata.name));
  } catch (e) {
    if (!isStatusError(e, 'NotFound')) throw e;
  }
}
