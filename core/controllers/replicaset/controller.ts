/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go), which also runs
 * ReplicationControllers (pkg/controller/replication): it keeps `spec.replicas` pods matching
 * each owner's selector. Event handlers only map an informer event to an owner key (and count
 * the expected creates and deletes they observe); `sync(key)` is level-based: it claims the
 * pods (adopting orphans that match, releasing owned pods that no longer match), creates or
 * deletes pods when the expectations are met, and always writes the status.
 */
import type { Pod, ReplicaStatus } from '../../api/types';
import { isStatusError } from '../../api/status';
import { selectorIsValid, selectorIsEmpty, selectorMatches } from '../../apiserver/resources/selector';
import type { EventRecorder } from '../../client/events';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { CONTROLLER_UID_INDEX, controllerOf, controllerRef, controllerUidIndex } from '../util/controllerRef';
import { ControllerExpectations } from '../util/expectations';
import { getLive } from '../util/live';
import { isPodActive, isPodReady } from '../util/pods';
import { claimObjects, recheckDeletionTimestamp } from '../util/refManager';
import type { ReplicaKind, ReplicaOwner } from './kinds';
import { manageReplicas, type ManageContext } from './manage';
import { calculateStatus, statusUnchanged } from './status';

function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

/** The replica set controller for one kind (ReplicaSet or ReplicationController). */
export class ReplicaSetController implements Controller {
  private readonly owners: Informer<ReplicaOwner>;
  private readonly pods: Informer<Pod>;
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;
  /** The creates and deletes each owner waits to observe. */
  readonly expectations: ControllerExpectations;
  private readonly manage: ManageContext;

  constructor(
    private readonly ctx: ControllerContext,
    readonly kind: ReplicaKind,
  ) {
    this.owners = ctx.informers.informer<ReplicaOwner>(kind.resource);
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.recorder = ctx.recorder(kind.component);
    this.expectations = new ControllerExpectations(ctx.clock);
    this.manage = { ctx, kind, recorder: this.recorder, expectations: this.expectations, relatedPods: (o) => this.relatedPods(o) };
  }

  /** Adds the event handlers and the controller-uid index. */
  start(): void {
    this.owners.addIndex(CONTROLLER_UID_INDEX, controllerUidIndex);
    this.owners.addHandlers({
      add: (o) => this.queue.add(keyOf(o)),
      update: (old, cur) => {
        if (old.metadata.uid !== cur.metadata.uid) this.deleteOwner(old);
        this.queue.add(keyOf(cur));
      },
      delete: (o) => this.deleteOwner(o),
    });
    this.pods.addHandlers({ add: (p) => this.addPod(p), update: (old, cur) => this.updatePod(old, cur), delete: (p) => this.deletePod(p) });
  }

  /** Stops the work queue. */
  stop(): void {
    this.queue.shutdown();
  }

  private deleteOwner(owner: ReplicaOwner): void {
    const key = keyOf(owner);
    this.expectations.delete(key);
    this.queue.add(key);
  }

  /** resolveControllerRef: the owner a controller reference names, if it is ours and of that uid. */
  private resolve(namespace: string, ref: { kind: string; name: string; uid: string }): ReplicaOwner | undefined {
    if (ref.kind !== this.kind.kind) return undefined;
    const owner = this.owners.get(`${namespace}/${ref.name}`);
    return owner && owner.metadata.uid === ref.uid ? owner : undefined;
  }

  /** getPodReplicaSets: the owners whose (non-empty) selector matches an orphan pod. */
  private ownersSelecting(pod: Pod): ReplicaOwner[] {
    return this.owners.byIndex('namespace', pod.metadata.namespace ?? '').filter((o) => {
      const sel = this.kind.selector(o);
      return selectorIsValid(sel) && !selectorIsEmpty(sel) && selectorMatches(sel, pod.metadata.labels);
    });
  }

  private addPod(pod: Pod): void {
    if (pod.metadata.deletionTimestamp) {
      // A pod already being deleted (seen on a relist) is no creation to observe.
      this.deletePod(pod);
      return;
    }
    const ref = controllerOf(pod);
    if (ref) {
      const owner = this.resolve(pod.metadata.namespace ?? '', ref);
      if (!owner) return;
      this.expectations.creationObserved(keyOf(owner));
      this.queue.add(keyOf(owner));
      return;
    }
    for (const o of this.ownersSelecting(pod)) this.queue.add(keyOf(o));
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const labelChanged = JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(cur.metadata.labels ?? {});
    if (cur.metadata.deletionTimestamp) {
      // A graceful deletion counts as the deletion: the owner may replace the pod at once.
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const owner = this.resolve(old.metadata.namespace ?? '', oldRef);
      if (owner) this.queue.add(keyOf(owner));
    }
    if (curRef) {
      const owner = this.resolve(cur.metadata.namespace ?? '', curRef);
      if (!owner) return;
      this.queue.add(keyOf(owner));
      const minReady = this.kind.minReadySeconds(owner);
      // Availability comes minReadySeconds after readiness: look again then (and a second more).
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(keyOf(owner), minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const o of this.ownersSelecting(cur)) this.queue.add(keyOf(o));
  }

  private deletePod(pod: Pod): void {
    const ref = controllerOf(pod);
    if (!ref) return;
    const owner = this.resolve(pod.metadata.namespace ?? '', ref);
    if (!owner) return;
    this.expectations.deletionObserved(keyOf(owner), podKey(pod));
    this.queue.add(keyOf(owner));
  }

  /** getIndirectlyRelatedPods: the pods selected by every owner under the same controller (a Deployment's ReplicaSets). */
  private relatedPods(owner: ReplicaOwner): Pod[] {
    const ref = controllerOf(owner);
    if (!ref) return [];
    const seen = new Set<string>();
    const out: Pod[] = [];
    for (const rs of this.owners.byIndex(CONTROLLER_UID_INDEX, ref.uid)) {
      const sel = this.kind.selector(rs);
      if (!selectorIsValid(sel)) continue;
      for (const pod of this.pods.byIndex('namespace', rs.metadata.namespace ?? '')) {
        if (!selectorMatches(sel, pod.metadata.labels) || seen.has(pod.metadata.uid ?? '')) continue;
        seen.add(pod.metadata.uid ?? '');
        out.push(pod);
      }
    }
    return out;
  }

  /** claimPods: adopts matching orphans, releases owned pods that no longer match. */
  private claimPods(owner: ReplicaOwner, pods: Pod[]): Promise<Pod[]> {
    const ns = owner.metadata.namespace ?? '';
    const sel = this.kind.selector(owner);
    const read = () => getLive<ReplicaOwner>(this.ctx.client, { ...this.kind.resource, namespace: ns, name: owner.metadata.name ?? '' });
    return claimObjects(pods, {
      controller: owner,
      ref: controllerRef(owner, this.kind.apiVersion, this.kind.kind),
      match: (p) => selectorMatches(sel, p.metadata.labels),
      canAdopt: recheckDeletionTimestamp(read, owner, this.kind.kind),
      patch: async (p, patch) => {
        await this.ctx.client.patch({ resource: 'pods', namespace: ns, name: p.metadata.name ?? '' }, patch);
        const adopted = controllerOf(p) === undefined;
        this.ctx.trace.emit({
          component: 'kube-controller-manager',
          instance: this.kind.controllerName,
          action: adopted ? 'adopt' : 'release',
          object: `pods/${ns}/${p.metadata.name ?? ''}`,
          message: `${adopted ? 'Adopted' : 'Released'} pod ${p.metadata.name ?? ''} ${adopted ? 'into' : 'from'} ${this.kind.kind} ${keyOf(owner)}`,
        });
      },
    });
  }

  /** syncReplicaSet: level-based reconciliation of one owner. */
  async sync(key: string): Promise<void> {
    // As WaitForNamedCacheSync: never act on a partial view (after a restart of the controller manager).
    await Promise.all([this.owners.whenSynced(), this.pods.whenSynced()]);
    const owner = this.owners.get(key);
    if (!owner) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    if (!selectorIsValid(this.kind.selector(owner))) return;
    const active = this.pods.byIndex('namespace', owner.metadata.namespace ?? '').filter(isPodActive);
    const pods = await this.claimPods(owner, active);
    let manageError: Error | undefined;
    if (needsSync && !owner.metadata.deletionTimestamp) {
      try {
        await manageReplicas(this.manage, owner, pods);
      } catch (e) {
        manageError = e instanceof Error ? e : new Error(String(e));
      }
    }
    const status = calculateStatus(this.kind, owner, pods, manageError, this.ctx.clock.now());
    const updated = await this.updateStatus(owner, status);
    const replicas = this.kind.replicas(owner);
    const minReady = this.kind.minReadySeconds(owner);
    // Resync after minReadySeconds so that availability is counted when it comes.
    if (!manageError && minReady > 0 && (updated.readyReplicas ?? 0) === replicas && (updated.availableReplicas ?? 0) !== replicas) {
      this.queue.addAfter(key, minReady * 1000);
    }
    if (manageError) throw manageError;
  }

  /** updateReplicaSetStatus: writes the status (with observedGeneration) unless unchanged; one retry on a conflict. */
  private async updateStatus(owner: ReplicaOwner, status: ReplicaStatus): Promise<ReplicaStatus> {
    if (statusUnchanged(owner, this.kind, status)) return status;
    const ref = { ...this.kind.resource, namespace: owner.metadata.namespace ?? '', name: owner.metadata.name ?? '' };
    let current = owner;
    for (let attempt = 0; ; attempt++) {
      const next = { ...status, observedGeneration: current.metadata.generation ?? 0 };
      try {
        const written = await this.ctx.client.update<ReplicaOwner>({ ...ref, subresource: 'status' }, { ...current, apiVersion: this.kind.apiVersion, kind: this.kind.kind, status: next });
        return written.status ?? next;
      } catch (e) {
        if (!isStatusError(e, 'Conflict') || attempt >= 1) throw e;
        const fresh = await getLive<ReplicaOwner>(this.ctx.client, ref);
        if (!fresh) throw e;
        current = fresh;
      }
    }
  }
}
