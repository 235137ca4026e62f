/**
 * The persistent volume binder (pkg/controller/volume/persistentvolume, `--controllers=
 * persistentvolume-binder`, service account `persistent-volume-binder`, events from
 * `persistentvolume-controller`): binds claims to volumes, asks provisioners for volumes, and
 * runs the reclaim policy of released volumes. One queue of claims and one of volumes, each
 * level-based; everything is synced again every `--pvclaimbinder-sync-period` (15 s), which is
 * why a waiting claim's events repeat.
 */
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { TimerHandle } from '../../clock/clock';
import type { Controller, ControllerContext } from '../manager';
import { syncClaim } from './claims';
import type { BinderContext } from './context';
import { POD_PVC_INDEX, podClaimKeys } from './helpers';
import { selectNodesForBoundPods } from './selectedNode';
import { syncVolume } from './volumes';

/** The controller's name in `--controllers`. */
export const PERSISTENTVOLUME_BINDER = 'persistentvolume-binder';
/** `--pvclaimbinder-sync-period`. */
const RESYNC_MS = 15_000;
/** goroutinemap's exponential backoff of failed operations: 500 ms doubling to 2m2s. */
const OP_BACKOFF = { initialMs: 500, maxMs: 122_000 };

/** The binder. */
export class PersistentVolumeController implements Controller, BinderContext {
  private readonly pvs: Informer<PersistentVolume>;
  private readonly pvcs: Informer<PersistentVolumeClaim>;
  private readonly classes: Informer<StorageClass>;
  private readonly pods: Informer<Pod>;
  private readonly claimQueue: WorkQueue;
  private readonly volumeQueue: WorkQueue;
  /** The binder's own last writes, newer than the informers' copies until their events arrive. */
  private readonly written = new Map<string, KubeObject>();
  private readonly operations = new Map<string, { running: boolean; failures: number; retryAt: number }>();
  private resync: TimerHandle | undefined;
  private stopped = true;
  readonly recorder: EventRecorder;

  constructor(private readonly ctx: ControllerContext) {
    this.pvs = ctx.informers.informer<PersistentVolume>({ resource: 'persistentvolumes' });
    this.pvcs = ctx.informers.informer<PersistentVolumeClaim>({ resource: 'persistentvolumeclaims' });
    this.classes = ctx.informers.informer<StorageClass>({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.pods.addIndex(POD_PVC_INDEX, podClaimKeys);
    this.recorder = ctx.recorder('persistentvolume-controller');
    this.claimQueue = new WorkQueue(ctx.clock, (key) => this.syncClaimKey(key));
    this.volumeQueue = new WorkQueue(ctx.clock, (name) => this.syncVolumeKey(name));
  }

  /** The client the binder writes with. */
  get client(): ControllerContext['client'] {
    return this.ctx.client;
  }

  /** The cluster clock. */
  get clock(): ControllerContext['clock'] {
    return this.ctx.clock;
  }

  /** Adds the handlers and the periodic resync. */
  start(): void {
    this.stopped = false;
    const claim = (c: PersistentVolumeClaim) => this.claimQueue.add(keyOf(c));
    this.pvcs.addHandlers({ add: claim, update: (_o, c) => claim(c), delete: (c) => this.claimDeleted(c) });
    const volume = (v: PersistentVolume) => this.volumeQueue.add(v.metadata.name ?? '');
    this.pvs.addHandlers({ add: volume, update: (_o, v) => volume(v), delete: (v) => this.written.delete(`pv/${v.metadata.name ?? ''}`) });
    // A pod's scheduling or arrival changes what a waiting claim says (WaitForPodScheduled) and, without the scheduler's volume binding, its node.
    const pod = (p: Pod) => podClaimKeys(p).forEach((k) => this.claimQueue.add(k));
    this.pods.addHandlers({ add: pod, update: (_o, p) => pod(p) });
    this.scheduleResync();
  }

  /** Stops the queues and the resync. */
  stop(): void {
    this.stopped = true;
    if (this.resync) this.ctx.clock.clearTimer(this.resync);
    this.claimQueue.shutdown();
    this.volumeQueue.shutdown();
  }

  private scheduleResync(): void {
    this.resync = this.ctx.clock.setTimer(RESYNC_MS, () => {
      if (this.stopped) return;
      for (const c of this.pvcs.list()) this.claimQueue.add(keyOf(c));
      for (const v of this.pvs.list()) this.volumeQueue.add(v.metadata.name ?? '');
      this.scheduleResync();
    });
  }

  private claimDeleted(c: PersistentVolumeClaim): void {
    this.written.delete(`pvc/${keyOf(c)}`);
    // The volume bound to it is released now.
    const name = c.spec?.volumeName;
    if (name) this.volumeQueue.add(name);
    for (const v of this.pvs.list()) if (v.spec?.claimRef?.uid && v.spec.claimRef.uid === c.metadata.uid) this.volumeQueue.add(v.metadata.name ?? '');
  }

  private newest<T extends KubeObject>(informer: T | undefined, key: string): T | undefined {
    const mine = this.written.get(key) as T | undefined;
    if (!informer) return undefined;
    if (!mine || mine.metadata.uid !== informer.metadata.uid) return informer;
    return Number(mine.metadata.resourceVersion ?? 0) > Number(informer.metadata.resourceVersion ?? 0) ? mine : informer;
  }

  /** BinderContext: the newest copy of a volume. */
  volume(name: string): PersistentVolume | undefined {
    return this.newest(this.pvs.get(name), `pv/${name}`);
  }

  /** BinderContext: the newest copy of a claim. */
  claim(key: string): PersistentVolumeClaim | undefined {
    return this.newest(this.pvcs.get(key), `pvc/${key}`);
  }

  /** BinderContext: every volume, newest copies. */
  volumes(): PersistentVolume[] {
    return this.pvs.list().map((v) => this.volume(v.metadata.name ?? '') ?? v);
  }

  /** BinderContext: a StorageClass. */
  storageClass(name: string): StorageClass | undefined {
    return this.classes.get(name);
  }

  /** BinderContext: the pods using a claim. */
  podsUsing(claimKey: string): Pod[] {
    return this.pods.byIndex(POD_PVC_INDEX, claimKey);
  }

  /** BinderContext: queue a claim. */
  enqueueClaim(key: string): void {
    this.claimQueue.add(key);
  }

  /** BinderWrites: remember a write. */
  remember(obj: PersistentVolume | PersistentVolumeClaim): void {
    const key = obj.kind === 'PersistentVolume' || !obj.metadata.namespace ? `pv/${obj.metadata.name ?? ''}` : `pvc/${keyOf(obj)}`;
    this.written.set(key, obj);
  }

  /** BinderContext: scheduleOperation, with goroutinemap's exponential backoff after a failure. */
  scheduleOperation(name: string, op: () => Promise<void>): void {
    const state = this.operations.get(name) ?? { running: false, failures: 0, retryAt: 0 };
    if (state.running || this.ctx.clock.now() < state.retryAt) return;
    state.running = true;
    this.operations.set(name, state);
    void op().then(
      () => this.operations.delete(name),
      () => {
        state.running = false;
        state.failures++;
        state.retryAt = this.ctx.clock.now() + Math.min(OP_BACKOFF.maxMs, OP_BACKOFF.initialMs * 2 ** (state.failures - 1));
      },
    );
  }

  /** BinderContext: the trace stream. */
  trace(action: string, object: string, message: string): void {
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: PERSISTENTVOLUME_BINDER, action, object, message });
  }

  private async syncClaimKey(key: string): Promise<void> {
    const claim = this.claim(key);
    if (!claim) return;
    await selectNodesForBoundPods(this, claim);
    await syncClaim(this, this.claim(key) ?? claim);
  }

  private async syncVolumeKey(name: string): Promise<void> {
    const volume = this.volume(name);
    if (volume) await syncVolume(this, volume);
  }
}
