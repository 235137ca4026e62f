/**
 * The garbage collector's dependency graph (pkg/controller/garbagecollector/graph.go and
 * graph_builder.go): one node per object uid with its owner references and its dependents. The
 * informers' events update it; an owner that is referenced but not (yet) observed gets a
 * "virtual" node, which the collector verifies. The builder decides what to look at next:
 * dependents of a deleted owner, owners whose deletion waits for their dependents
 * (`foregroundDeletion`), and owners whose dependents are to be orphaned (`orphan`).
 */
import type { KubeObject, OwnerReference } from '../../api/types';

/** The finalizer that deletes an object's dependents before the object. */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
/** The finalizer that orphans an object's dependents before the object goes. */
export const ORPHAN_FINALIZER = 'orphan';

/** Who an object is: its coordinates and uid (objectReference). */
export interface Identity {
  apiVersion: string;
  kind: string;
  /** '' for a cluster-scoped object (or an owner whose scope is not known yet). */
  namespace: string;
  name: string;
  uid: string;
}

/** One object of the graph. */
export class GraphNode {
  /** Dependents: nodes with an owner reference to this one. */
  readonly dependents = new Set<GraphNode>();
  owners: OwnerReference[] = [];
  /** Seen through an informer (false for a virtual node made from an owner reference). */
  observed = false;
  /** Virtual: added for an owner reference, not from an informer. */
  virtual = false;
  beingDeleted = false;
  /** Being deleted in the foreground: waits for its blocking dependents. */
  deletingDependents = false;

  constructor(public identity: Identity) {}

  /** Dependents whose reference to this node has blockOwnerDeletion. */
  blockingDependents(): GraphNode[] {
    return [...this.dependents].filter((d) => d.owners.some((r) => r.uid === this.identity.uid && r.blockOwnerDeletion === true));
  }

  /** `kind namespace/name` for traces and errors. */
  toString(): string {
    const { kind, namespace, name, uid } = this.identity;
    return `${kind} ${namespace ? `${namespace}/` : ''}${name} (uid ${uid})`;
  }
}

/** What the builder asks the collector to do. */
export interface GraphQueues {
  /** attemptToDelete: look at this node (delete it if its owners are gone). */
  attemptToDelete(n: GraphNode): void;
  /** attemptToOrphan: remove the owner references to this node, then its `orphan` finalizer. */
  attemptToOrphan(n: GraphNode): void;
  /** An owner was found to be gone (absentOwnerCache). */
  ownerAbsent(identity: Identity): void;
  /** A dependent references an owner seen in another namespace (the OwnerRefInvalidNamespace event). */
  invalidOwnerNamespace(dependent: GraphNode, ref: OwnerReference): void;
}

function hasFinalizer(obj: KubeObject, f: string): boolean {
  return (obj.metadata.finalizers ?? []).includes(f);
}

function refsEqual(a: OwnerReference, b: OwnerReference): boolean {
  return a.apiVersion === b.apiVersion && a.kind === b.kind && a.name === b.name && a.uid === b.uid && a.controller === b.controller && a.blockOwnerDeletion === b.blockOwnerDeletion;
}

/** The dependency graph and its builder's event processing (processGraphChanges). */
export class DependencyGraph {
  private readonly nodes = new Map<string, GraphNode>();

  constructor(private readonly queues: GraphQueues) {}

  /** The node of a uid. */
  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** Every node (for tests and the dashboard). */
  all(): GraphNode[] {
    return [...this.nodes.values()];
  }

  /** insertNode + addDependentToOwners: owners not in the graph get virtual nodes, to be verified. */
  private addDependentToOwners(n: GraphNode, refs: OwnerReference[]): void {
    for (const ref of refs) {
      let owner = this.nodes.get(ref.uid);
      if (!owner) {
        owner = new GraphNode({ apiVersion: ref.apiVersion, kind: ref.kind, namespace: n.identity.namespace, name: ref.name, uid: ref.uid });
        owner.virtual = true;
        this.nodes.set(ref.uid, owner);
        this.queues.attemptToDelete(owner);
      } else if (owner.observed && owner.identity.namespace && owner.identity.namespace !== n.identity.namespace) {
        // Owners are namespace-local (or cluster-scoped): this reference can never resolve, and
        // the dependent is looked at (it goes when all its owners are verified absent).
        this.queues.invalidOwnerNamespace(n, ref);
        this.queues.attemptToDelete(n);
      }
      owner.dependents.add(n);
    }
  }

  private removeDependentFromOwners(n: GraphNode, refs: OwnerReference[]): void {
    for (const ref of refs) this.nodes.get(ref.uid)?.dependents.delete(n);
  }

  /** Owners waiting in the foreground whose blocking reference was removed or unblocked get another look. */
  private addUnblockedOwners(removed: OwnerReference[], changed: [OwnerReference, OwnerReference][]): void {
    for (const ref of removed) {
      if (ref.blockOwnerDeletion !== true) continue;
      const owner = this.nodes.get(ref.uid);
      if (owner?.deletingDependents) this.queues.attemptToDelete(owner);
    }
    for (const [oldRef, newRef] of changed) {
      if (oldRef.blockOwnerDeletion === true && newRef.blockOwnerDeletion !== true) {
        const owner = this.nodes.get(newRef.uid);
        if (owner?.deletingDependents) this.queues.attemptToDelete(owner);
      }
    }
  }

  /** processTransitions: the start of an orphaning or of a foreground deletion. */
  private processTransitions(old: KubeObject | undefined, obj: KubeObject, n: GraphNode): void {
    const deleting = obj.metadata.deletionTimestamp !== undefined;
    const startsWith = (f: string) => deleting && hasFinalizer(obj, f) && !(old?.metadata.deletionTimestamp !== undefined && hasFinalizer(old, f));
    if (startsWith(ORPHAN_FINALIZER)) {
      this.queues.attemptToOrphan(n);
      return;
    }
    if (startsWith(FOREGROUND_FINALIZER)) {
      n.deletingDependents = true;
      for (const d of n.dependents) this.queues.attemptToDelete(d);
      this.queues.attemptToDelete(n);
    }
  }

  /** An object was added or updated (as `identity`, seen through an informer). */
  upsert(identity: Identity, old: KubeObject | undefined, obj: KubeObject): void {
    const refs = obj.metadata.ownerReferences ?? [];
    const deleting = obj.metadata.deletionTimestamp !== undefined;
    let n = this.nodes.get(identity.uid);
    if (!n) {
      n = new GraphNode(identity);
      n.observed = true;
      n.owners = refs;
      n.beingDeleted = deleting;
      n.deletingDependents = deleting && hasFinalizer(obj, FOREGROUND_FINALIZER);
      this.nodes.set(identity.uid, n);
      this.addDependentToOwners(n, refs);
      this.processTransitions(old, obj, n);
      return;
    }
    if (!n.observed) {
      // A virtual node becomes real: its coordinates are now known.
      n.observed = true;
      n.virtual = false;
      n.identity = identity;
    }
    const added = refs.filter((r) => !n.owners.some((o) => o.uid === r.uid));
    const removed = n.owners.filter((o) => !refs.some((r) => r.uid === o.uid));
    const changed: [OwnerReference, OwnerReference][] = [];
    for (const o of n.owners) {
      const r = refs.find((x) => x.uid === o.uid);
      if (r && !refsEqual(o, r)) changed.push([o, r]);
    }
    if (added.length > 0 || removed.length > 0 || changed.length > 0) {
      this.addUnblockedOwners(removed, changed);
      n.owners = refs;
      this.addDependentToOwners(n, added);
      this.removeDependentFromOwners(n, removed);
    }
    if (deleting) n.beingDeleted = true;
    this.processTransitions(old, obj, n);
  }

  /**
   * An object is gone (an informer's delete, or a virtual delete after the collector found the
   * owner absent): its node leaves the graph, its dependents are looked at, and owners waiting
   * for their dependents get another look.
   */
  remove(uid: string, virtual: boolean, identity?: Identity): void {
    const n = this.nodes.get(uid);
    if (!n) return;
    // A virtual delete for other coordinates than an observed node's does not remove it.
    if (virtual && n.observed && identity && (identity.name !== n.identity.name || identity.kind !== n.identity.kind)) return;
    this.nodes.delete(uid);
    this.removeDependentFromOwners(n, n.owners);
    if (n.dependents.size > 0) this.queues.ownerAbsent(n.identity);
    for (const d of n.dependents) this.queues.attemptToDelete(d);
    for (const ref of n.owners) {
      const owner = this.nodes.get(ref.uid);
      if (owner?.deletingDependents) this.queues.attemptToDelete(owner);
    }
  }
}
