/**
 * Storage object in-use protection (pkg/controller/volume/pvcprotection and pvprotection): every
 * claim carries the `kubernetes.io/pvc-protection` finalizer and every volume the
 * `kubernetes.io/pv-protection` one (the StorageObjectInUseProtection admission plugin adds them
 * at creation; these controllers add them to objects that lack them). A deleted claim stays
 * Terminating while a pod scheduled to a node uses it; a deleted volume stays Terminating while
 * it is Bound. Then the controller removes the finalizer and the API server removes the object.
 */
import { isStatusError } from '../../api/status';
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod } from '../../api/types';
import type { ResourceRef } from '../../client/client';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { clone } from '../util/pods';
import { POD_PVC_INDEX, PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER, isPodTerminated, podClaimKeys } from './helpers';

/** protectionutil.NeedToAddFinalizer. */
function needsFinalizer(obj: KubeObject, finalizer: string): boolean {
  return !obj.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).includes(finalizer);
}

/** protectionutil.IsDeletionCandidate. */
function isDeletionCandidate(obj: KubeObject, finalizer: string): boolean {
  return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).includes(finalizer);
}

/** Adds or removes a finalizer with an update (a conflict requeues). */
async function setFinalizer(ctx: ControllerContext, ref: ResourceRef, obj: KubeObject, finalizer: string, present: boolean): Promise<void> {
  const next = clone(obj);
  const rest = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  next.metadata.finalizers = present ? [...rest, finalizer] : rest;
  try {
    await ctx.client.update(ref, next);
  } catch (e) {
    if (!isStatusError(e, 'NotFound')) throw e;
  }
}

/** The pvc-protection controller (service account `pvc-protection-controller`). */
export class PVCProtectionController implements Controller {
  private readonly pvcs: Informer<PersistentVolumeClaim>;
  private readonly pods: Informer<Pod>;
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.pvcs = ctx.informers.informer<PersistentVolumeClaim>({ resource: 'persistentvolumeclaims' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.pods.addIndex(POD_PVC_INDEX, podClaimKeys);
    this.queue = new WorkQueue(ctx.clock, (key) => this.processPVC(key));
  }

  /** Adds the handlers. */
  start(): void {
    const claim = (c: PersistentVolumeClaim) => {
      if (needsFinalizer(c, PVC_PROTECTION_FINALIZER) || isDeletionCandidate(c, PVC_PROTECTION_FINALIZER)) this.queue.add(keyOf(c));
    };
    this.pvcs.addHandlers({ add: claim, update: (_o, c) => claim(c) });
    // Only a pod that is gone, finished or not scheduled can free a claim.
    const pod = (p: Pod, deleted: boolean) => {
      if (!deleted && !isPodTerminated(p) && p.spec?.nodeName) return;
      for (const k of podClaimKeys(p)) this.queue.add(k);
    };
    this.pods.addHandlers({ add: (p) => pod(p, false), update: (_o, p) => pod(p, false), delete: (p) => pod(p, true) });
  }

  /** Stops the queue. */
  stop(): void {
    this.queue.shutdown();
  }

  private async processPVC(key: string): Promise<void> {
    const pvc = this.pvcs.get(key);
    if (!pvc) return;
    const ref = { resource: 'persistentvolumeclaims', namespace: pvc.metadata.namespace ?? '', name: pvc.metadata.name ?? '' };
    if (isDeletionCandidate(pvc, PVC_PROTECTION_FINALIZER)) {
      if (await this.isBeingUsed(pvc)) return;
      await setFinalizer(this.ctx, ref, pvc, PVC_PROTECTION_FINALIZER, false);
      this.ctx.trace.emit({ component: 'kube-controller-manager', instance: 'pvc-protection', action: 'RemoveFinalizer', object: `persistentvolumeclaims/${key}`, message: `${key} is used by no pod: ${PVC_PROTECTION_FINALIZER} removed` });
      return;
    }
    if (needsFinalizer(pvc, PVC_PROTECTION_FINALIZER)) await setFinalizer(this.ctx, ref, pvc, PVC_PROTECTION_FINALIZER, true);
  }

  /** Whether a scheduled pod uses the claim: the informer first, then a live list (the cache may lag). */
  private async isBeingUsed(pvc: PersistentVolumeClaim): Promise<boolean> {
    const key = keyOf(pvc);
    const uses = (p: Pod) => !!p.spec?.nodeName && podClaimKeys(p).includes(key);
    if (this.pods.byIndex(POD_PVC_INDEX, key).some(uses)) return true;
    const live = await this.ctx.client.list<Pod>({ resource: 'pods', namespace: pvc.metadata.namespace ?? '' });
    return live.items.some(uses);
  }
}

/** The pv-protection controller (service account `pv-protection-controller`). */
export class PVProtectionController implements Controller {
  private readonly pvs: Informer<PersistentVolume>;
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.pvs = ctx.informers.informer<PersistentVolume>({ resource: 'persistentvolumes' });
    this.queue = new WorkQueue(ctx.clock, (name) => this.processPV(name));
  }

  /** Adds the handlers. */
  start(): void {
    const volume = (v: PersistentVolume) => {
      if (needsFinalizer(v, PV_PROTECTION_FINALIZER) || isDeletionCandidate(v, PV_PROTECTION_FINALIZER)) this.queue.add(v.metadata.name ?? '');
    };
    this.pvs.addHandlers({ add: volume, update: (_o, v) => volume(v) });
  }

  /** Stops the queue. */
  stop(): void {
    this.queue.shutdown();
  }

  private async processPV(name: string): Promise<void> {
    const pv = this.pvs.get(name);
    if (!pv) return;
    const ref = { resource: 'persistentvolumes', name };
    if (isDeletionCandidate(pv, PV_PROTECTION_FINALIZER)) {
      // A Bound volume is in use.
      if (pv.status?.phase === 'Bound') return;
      await setFinalizer(this.ctx, ref, pv, PV_PROTECTION_FINALIZER, false);
      return;
    }
    if (needsFinalizer(pv, PV_PROTECTION_FINALIZER)) await setFinalizer(this.ctx, ref, pv, PV_PROTECTION_FINALIZER, true);
  }
}
