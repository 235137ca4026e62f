/**
 * What the garbage collector does to objects (garbagecollector.go attemptToDeleteItem,
 * processDeletingDependentsItem, attemptToOrphanWorker, and operations.go): fresh reads of an
 * object and of its owners, deletes with a propagation policy and preconditions, patches that
 * remove owner references, and the removal of the `foregroundDeletion` and `orphan` finalizers.
 */
import { isStatusError } from '../../api/status';
import type { KubeObject, OwnerReference } from '../../api/types';
import type { ResourceRef } from '../../client/client';
import type { ControllerContext } from '../manager';
import { deleteWith, getLive } from '../util/live';
import { releasePatch } from '../util/refManager';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER, type GraphNode, type Identity } from './graph';

/** Where a kind is served: its resource, version and scope (the REST mapping). */
export interface Mapping {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

/** The REST mapping of a kind; undefined when the kind is not served (yet). */
export type Mapper = (apiVersion: string, kind: string) => Mapping | undefined;

/** A kind the collector cannot map to a resource (restMappingError): retried later. */
export class RestMappingError extends Error {}

/** The item was found gone and a virtual delete event was made (enqueuedVirtualDeleteEventErr). */
export class VirtualDeleteEnqueued extends Error {}

/** A cluster-scoped item references a namespaced owner (namespacedOwnerOfClusterScopedObjectErr): never collected, not retried. */
export class NamespacedOwnerOfClusterScopedObject extends Error {}

/** What the operations need from the collector. */
export interface GcOps {
  ctx: ControllerContext;
  mapper: Mapper;
  /** Owners known to be gone (absentOwnerCache), by `apiVersion/kind/namespace/name/uid`. */
  absent: Set<string>;
  /** Makes a virtual delete event for a node found gone. */
  virtualDelete(identity: Identity): void;
  attemptToDelete(n: GraphNode): void;
}

/** The absentOwnerCache key of an owner reference (namespace '' for a cluster-scoped owner). */
export function absentKey(ref: { apiVersion: string; kind: string; name: string; uid: string }, namespace: string): string {
  return `${ref.apiVersion}/${ref.kind}/${namespace}/${ref.name}/${ref.uid}`;
}

function refOf(ops: GcOps, apiVersion: string, kind: string, namespace: string, name: string): ResourceRef & { name: string } {
  const m = ops.mapper(apiVersion, kind);
  if (!m) throw new RestMappingError(`unable to get REST mapping for ${apiVersion}/${kind}`);
  return { ...(m.group ? { group: m.group } : {}), version: m.version, resource: m.resource, ...(m.namespaced ? { namespace } : {}), name };
}

function trace(ops: GcOps, action: string, n: GraphNode, message: string): void {
  const m = ops.mapper(n.identity.apiVersion, n.identity.kind);
  const object = `${m?.resource ?? n.identity.kind.toLowerCase()}/${n.identity.namespace ? `${n.identity.namespace}/` : ''}${n.identity.name}`;
  ops.ctx.trace.emit({ component: 'kube-controller-manager', instance: 'garbagecollector', action, object, message });
}

/** getObject: the object of a node, read fresh. */
async function getObject(ops: GcOps, id: Identity): Promise<KubeObject | undefined> {
  return getLive(ops.ctx.client, refOf(ops, id.apiVersion, id.kind, id.namespace, id.name));
}

/** isDangling: whether an owner reference names an object that is gone (or another object of the same name). */
async function isDangling(ops: GcOps, ref: OwnerReference, item: GraphNode): Promise<{ dangling: boolean; owner?: KubeObject }> {
  if (ops.absent.has(absentKey(ref, item.identity.namespace)) || ops.absent.has(absentKey(ref, ''))) return { dangling: true };
  const m = ops.mapper(ref.apiVersion, ref.kind);
  if (!m) throw new RestMappingError(`unable to get REST mapping for ${ref.apiVersion}/${ref.kind}`);
  if (m.namespaced && item.identity.namespace === '') throw new NamespacedOwnerOfClusterScopedObject(`cluster-scoped ${item.toString()} refers to a namespaced owner ${ref.kind} ${ref.name}`);
  const key = absentKey(ref, m.namespaced ? item.identity.namespace : '');
  const owner = await getLive(ops.ctx.client, refOf(ops, ref.apiVersion, ref.kind, item.identity.namespace, ref.name));
  if (!owner || owner.metadata.uid !== ref.uid) {
    ops.absent.add(key);
    return { dangling: true };
  }
  return { dangling: false, owner };
}

/** PATCH that removes owner references: strategic merge, or a JSON merge patch of the remaining list for custom resources. */
async function removeOwnerRefs(ops: GcOps, n: GraphNode, latest: KubeObject, uids: string[]): Promise<void> {
  const ref = refOf(ops, n.identity.apiVersion, n.identity.kind, n.identity.namespace, n.identity.name);
  try {
    await ops.ctx.client.patch(ref, releasePatch(latest, uids));
  } catch (e) {
    if (!isStatusError(e, 'UnsupportedMediaType')) throw e;
    const remaining = (latest.metadata.ownerReferences ?? []).filter((r) => !uids.includes(r.uid));
    await ops.ctx.client.patch(ref, { metadata: { ownerReferences: remaining, uid: latest.metadata.uid } }, 'application/merge-patch+json');
  }
}

/** deleteObject: DELETE with the uid (and resourceVersion) as preconditions and a propagation policy. */
async function deleteObject(ops: GcOps, n: GraphNode, latest: KubeObject, policy: 'Foreground' | 'Background' | 'Orphan'): Promise<void> {
  const ref = refOf(ops, n.identity.apiVersion, n.identity.kind, n.identity.namespace, n.identity.name);
  try {
    await deleteWith(ops.ctx.client, ref, { propagationPolicy: policy, preconditions: { uid: n.identity.uid, resourceVersion: latest.metadata.resourceVersion } });
  } catch (e) {
    if (isStatusError(e, 'NotFound')) return;
    if (!isStatusError(e, 'Conflict')) throw e;
    // The object changed: delete it anyway if its owner references are the same.
    const live = await getObject(ops, n.identity);
    if (!live || live.metadata.uid !== n.identity.uid) return;
    if (JSON.stringify(live.metadata.ownerReferences ?? []) !== JSON.stringify(latest.metadata.ownerReferences ?? [])) throw e;
    await deleteWith(ops.ctx.client, ref, { propagationPolicy: policy, preconditions: { uid: n.identity.uid } });
  }
  trace(ops, 'delete', n, `Garbage collected ${n.toString()} (propagation ${policy})`);
}

/** removeFinalizer: a JSON merge patch of the object's finalizers without `finalizer` (at its resourceVersion). */
export async function removeFinalizer(ops: GcOps, n: GraphNode, finalizer: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const obj = await getObject(ops, n.identity);
    if (!obj || obj.metadata.uid !== n.identity.uid) return;
    const finalizers = obj.metadata.finalizers ?? [];
    if (!finalizers.includes(finalizer)) return;
    const next = finalizers.filter((f) => f !== finalizer);
    const ref = refOf(ops, n.identity.apiVersion, n.identity.kind, n.identity.namespace, n.identity.name);
    try {
      await ops.ctx.client.patch(ref, { metadata: { resourceVersion: obj.metadata.resourceVersion, finalizers: next.length > 0 ? next : null } }, 'application/merge-patch+json');
      trace(ops, 'finalize', n, `Removed the ${finalizer} finalizer of ${n.toString()}`);
      return;
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return;
      if (!isStatusError(e, 'Conflict') || attempt >= 4) throw e;
    }
  }
}

/** processDeletingDependentsItem: the owner goes once no blocking dependent is left. */
async function processDeletingDependents(ops: GcOps, n: GraphNode): Promise<void> {
  const blocking = n.blockingDependents();
  if (blocking.length === 0) {
    await removeFinalizer(ops, n, FOREGROUND_FINALIZER);
    return;
  }
  for (const d of blocking) if (!d.deletingDependents) ops.attemptToDelete(d);
}

/** attemptToDeleteItem: deletes the item when none of its owners is left (or all wait for their dependents). */
export async function attemptToDeleteItem(ops: GcOps, n: GraphNode): Promise<void> {
  if (n.beingDeleted && !n.deletingDependents) return;
  const latest = await getObject(ops, n.identity);
  if (!latest || latest.metadata.uid !== n.identity.uid) {
    ops.virtualDelete(n.identity);
    throw new VirtualDeleteEnqueued();
  }
  if (n.deletingDependents) return processDeletingDependents(ops, n);
  const refs = latest.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  for (const ref of refs) {
    const r = await isDangling(ops, ref, n);
    if (r.dangling) dangling.push(ref);
    else if (r.owner?.metadata.deletionTimestamp && (r.owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)) waiting.push(ref);
    else solid.push(ref);
  }
  if (solid.length > 0) {
    if (dangling.length === 0 && waiting.length === 0) return;
    // Owners gone, or waiting for this dependent: drop those references, keep the object.
    await removeOwnerRefs(ops, n, latest, [...dangling, ...waiting].map((r) => r.uid));
    trace(ops, 'patch', n, `Removed owner references of ${n.toString()} to owners that are gone or being deleted`);
    return;
  }
  if (waiting.length > 0 && n.dependents.size > 0) {
    if ([...n.dependents].some((d) => d.deletingDependents)) {
      // Unblock our own owners to break a possible cycle, then delete in the foreground.
      const unblocked = refs.map((r) => (r.blockOwnerDeletion === true ? { ...r, blockOwnerDeletion: false } : r));
      await ops.ctx.client.patch(refOf(ops, n.identity.apiVersion, n.identity.kind, n.identity.namespace, n.identity.name), { metadata: { ownerReferences: unblocked, uid: latest.metadata.uid } }, 'application/merge-patch+json');
    }
    await deleteObject(ops, n, latest, 'Foreground');
    return;
  }
  const finalizers = latest.metadata.finalizers ?? [];
  const policy = finalizers.includes(ORPHAN_FINALIZER) ? 'Orphan' : finalizers.includes(FOREGROUND_FINALIZER) ? 'Foreground' : 'Background';
  await deleteObject(ops, n, latest, policy);
}

/** attemptToOrphanWorker: removes the owner's references from its dependents, then its `orphan` finalizer. */
export async function attemptToOrphan(ops: GcOps, owner: GraphNode): Promise<void> {
  const errors: string[] = [];
  for (const d of [...owner.dependents]) {
    try {
      const latest = await getObject(ops, d.identity);
      if (!latest || latest.metadata.uid !== d.identity.uid) continue;
      if (!(latest.metadata.ownerReferences ?? []).some((r) => r.uid === owner.identity.uid)) continue;
      await removeOwnerRefs(ops, d, latest, [owner.identity.uid]);
      trace(ops, 'orphan', d, `Orphaned ${d.toString()}: removed its owner reference to ${owner.toString()}`);
    } catch (e) {
      if (isStatusError(e, 'NotFound')) continue;
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  if (errors.length > 0) throw new Error(`failed to orphan dependents of owner ${owner.toString()}, got errors: ${errors.join(', ')}`);
  await removeFinalizer(ops, owner, ORPHAN_FINALIZER);
}

