/**
 * The controller reference manager (pkg/controller/controller_ref_manager.go): a controller
 * claims the objects it should own. An orphan that matches its selector is adopted (a strategic
 * merge patch adds the controller reference); an object it owns that no longer matches is
 * released (a patch deletes the reference); objects owned by another controller are left alone.
 * A controller being deleted neither adopts nor releases, and adoption first re-reads the
 * controller to make sure it is not being deleted (RecheckDeletionTimestamp).
 */
import { isStatusError } from '../../api/status';
import type { KubeObject, OwnerReference } from '../../api/types';
import { controllerOf } from './controllerRef';

/** What claiming needs to know and do. */
export interface ClaimContext<T extends KubeObject> {
  /** The controller (its uid, namespace and deletionTimestamp matter). */
  controller: KubeObject;
  /** The controller reference to write on adopted objects. */
  ref: OwnerReference;
  /** Whether the controller's selector matches the object. */
  match(obj: T): boolean;
  /** Rejects when the controller may not adopt now (it is being deleted, or is gone). */
  canAdopt(): Promise<void>;
  /** Sends a strategic merge patch to the object. */
  patch(obj: T, patch: unknown): Promise<void>;
}

/** The strategic merge patch that makes `ref` the object's controller (ownerRefControllerPatch). */
export function adoptPatch(obj: KubeObject, ref: OwnerReference, finalizers: string[] = []): unknown {
  const metadata: Record<string, unknown> = { ownerReferences: [ref], uid: obj.metadata.uid };
  if (finalizers.length > 0) metadata['finalizers'] = finalizers;
  return { metadata };
}

/** The strategic merge patch that removes the references to `ownerUids` (GenerateDeleteOwnerRefStrategicMergeBytes). */
export function releasePatch(obj: KubeObject, ownerUids: string[]): unknown {
  return { metadata: { ownerReferences: ownerUids.map((uid) => ({ $patch: 'delete', uid })), uid: obj.metadata.uid } };
}

/** An error that gathers the errors of several claims (utilerrors.NewAggregate). */
export class ClaimErrors extends Error {
  constructor(readonly errors: unknown[]) {
    super(errors.length === 1 ? message(errors[0]) : `[${errors.map(message).join(', ')}]`);
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * ClaimObject for one object: whether the controller owns it after the claim. Throws when an
 * adoption or release failed for a reason other than the object being gone.
 */
export async function claimObject<T extends KubeObject>(obj: T, c: ClaimContext<T>): Promise<boolean> {
  const owner = controllerOf(obj);
  const controllerUid = c.controller.metadata.uid;
  if (owner) {
    if (owner.uid !== controllerUid) return false;
    if (c.match(obj)) return true;
    if (c.controller.metadata.deletionTimestamp) return false;
    try {
      await c.patch(obj, releasePatch(obj, [controllerUid ?? '']));
    } catch (e) {
      // Gone, or no longer referencing us (the patch is then Invalid): released either way.
      if (isStatusError(e, 'NotFound') || isStatusError(e, 'Invalid')) return false;
      throw e;
    }
    return false;
  }
  if (c.controller.metadata.deletionTimestamp || !c.match(obj)) return false;
  if (obj.metadata.deletionTimestamp) return false;
  if (c.controller.metadata.namespace && c.controller.metadata.namespace !== obj.metadata.namespace) return false;
  try {
    await c.canAdopt();
  } catch (e) {
    throw new Error(`can't adopt ${obj.kind ?? 'object'} ${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''} (${obj.metadata.uid ?? ''}): ${message(e)}`);
  }
  try {
    await c.patch(obj, adoptPatch(obj, c.ref));
  } catch (e) {
    if (isStatusError(e, 'NotFound')) return false;
    throw e;
  }
  return true;
}

/** ClaimPods (and the other Claim* functions): the objects the controller owns after claiming them all. */
export async function claimObjects<T extends KubeObject>(objs: T[], c: ClaimContext<T>): Promise<T[]> {
  const claimed: T[] = [];
  const errors: unknown[] = [];
  // canAdopt is checked once per claim round, as RecheckDeletionTimestamp's sync.Once does.
  let adoptable: Promise<void> | undefined;
  const ctx: ClaimContext<T> = { ...c, canAdopt: () => (adoptable ??= c.canAdopt()) };
  for (const obj of objs) {
    try {
      if (await claimObject(obj, ctx)) claimed.push(obj);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length > 0) throw new ClaimErrors(errors);
  return claimed;
}

/**
 * RecheckDeletionTimestamp: a canAdopt function that reads the controller fresh and refuses when
 * it is gone (another uid) or being deleted.
 */
export function recheckDeletionTimestamp(read: () => Promise<KubeObject | undefined>, expected: KubeObject, kind: string): () => Promise<void> {
  return async () => {
    const fresh = await read();
    const ns = expected.metadata.namespace ?? '';
    const name = expected.metadata.name ?? '';
    if (!fresh || fresh.metadata.uid !== expected.metadata.uid) {
      throw new Error(`original ${kind} ${ns}/${name} is gone: got uid ${fresh?.metadata.uid ?? ''}, wanted ${expected.metadata.uid ?? ''}`);
    }
    if (fresh.metadata.deletionTimestamp) throw new Error(`${ns}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
  };
}
