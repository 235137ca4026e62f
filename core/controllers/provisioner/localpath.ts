/**
 * kind's dynamic provisioner, `rancher.io/local-path` (rancher/local-path-provisioner on
 * sig-storage-lib-external-provisioner), the provisioner of the default `standard` StorageClass.
 * In a kind cluster it runs as a pod of the `local-path-provisioner` Deployment in the
 * `local-path-storage` namespace; here it runs inside the controller manager, writing with the
 * binder's service account, and its helper pods (which create and delete the directory on the
 * node) are simulated by a short delay.
 *
 * For a claim the binder handed to it (annotation `volume.kubernetes.io/storage-provisioner:
 * rancher.io/local-path`) and — the class being WaitForFirstConsumer — whose node the scheduler
 * chose (`volume.kubernetes.io/selected-node`), it creates the PersistentVolume `pvc-<claim uid>`:
 * a hostPath directory `/var/local-path-provisioner/pvc-<uid>_<namespace>_<claim>` on that node
 * (node affinity), pre-bound to the claim; the binder then binds them. A Released volume of its own
 * with reclaim policy Delete has its directory deleted, then the PersistentVolume.
 */
import { isStatusError } from '../../api/status';
import type { Node, PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { computeHash, fnv1a32 } from '../util/hash';
import { ANN_BETA_STORAGE_PROVISIONER, ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimClass, claimKey, isDelayBinding } from '../volume/helpers';
import { claimReference } from '../volume/writes';

/** The provisioner's name (the StorageClass's `provisioner`). */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** The annotation with the volume's node. */
export const ANN_LOCAL_PATH_SELECTED_NODE = 'local.path.provisioner/selected-node';
/** kind's `nodePathMap` default path (DEFAULT_PATH_FOR_NON_LISTED_NODES). */
export const LOCAL_PATH_BASE = '/var/local-path-provisioner';
/** How long a helper pod takes to create or delete a directory (simulated). */
const HELPER_POD_MS = 1500;

/** A stable hex string of `n` digits from a name (no draw from the cluster's random source). */
function hex(name: string, n: number): string {
  let out = '';
  for (let i = 0; out.length < n; i++) out += fnv1a32(`${name}/${i}`).toString(16).padStart(8, '0');
  return out.slice(0, n);
}

/** The identity of the provisioner's pod, as its events' source shows it (`<provisioner>_<pod>_<uuid>`). */
function identity(): string {
  const pod = `local-path-provisioner-${computeHash('local-path-provisioner')}-${computeHash('pod').slice(0, 5)}`;
  const u = hex('local-path-provisioner', 32);
  return `${LOCAL_PATH_PROVISIONER}_${pod}_${u.slice(0, 8)}-${u.slice(8, 12)}-4${u.slice(13, 16)}-a${u.slice(17, 20)}-${u.slice(20, 32)}`;
}

/** The local-path provisioner. */
export class LocalPathProvisioner implements Controller {
  private readonly pvcs: Informer<PersistentVolumeClaim>;
  private readonly pvs: Informer<PersistentVolume>;
  private readonly classes: Informer<StorageClass>;
  private readonly nodes: Informer<Node>;
  private readonly recorder: EventRecorder;
  private readonly claimQueue: WorkQueue;
  private readonly volumeQueue: WorkQueue;
  /** Claims (uid) and volumes (name) whose helper pod runs. */
  private readonly busy = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    this.pvcs = ctx.informers.informer<PersistentVolumeClaim>({ resource: 'persistentvolumeclaims' });
    this.pvs = ctx.informers.informer<PersistentVolume>({ resource: 'persistentvolumes' });
    this.classes = ctx.informers.informer<StorageClass>({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' });
    this.nodes = ctx.informers.informer<Node>({ resource: 'nodes' });
    this.recorder = ctx.recorder(identity());
    this.claimQueue = new WorkQueue(ctx.clock, (key) => this.syncClaim(key));
    this.volumeQueue = new WorkQueue(ctx.clock, (name) => this.syncVolume(name));
  }

  /** Adds the handlers. */
  start(): void {
    const claim = (c: PersistentVolumeClaim) => this.claimQueue.add(keyOf(c));
    this.pvcs.addHandlers({ add: claim, update: (_o, c) => claim(c) });
    const volume = (v: PersistentVolume) => this.volumeQueue.add(v.metadata.name ?? '');
    this.pvs.addHandlers({ add: volume, update: (_o, v) => volume(v) });
  }

  /** Stops the queues. */
  stop(): void {
    this.claimQueue.shutdown();
    this.volumeQueue.shutdown();
  }

  private trace(action: string, object: string, message: string): void {
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: 'local-path-provisioner', action, object, message });
  }

  /** shouldProvision: asked for, unbound, the node chosen if the class waits for one. */
  private shouldProvision(claim: PersistentVolumeClaim, cls: StorageClass | undefined): cls is StorageClass {
    if (!cls || cls.provisioner !== LOCAL_PATH_PROVISIONER || claim.metadata.deletionTimestamp || claim.spec?.volumeName) return false;
    const ann = claim.metadata.annotations ?? {};
    if (ann[ANN_STORAGE_PROVISIONER] !== LOCAL_PATH_PROVISIONER && ann[ANN_BETA_STORAGE_PROVISIONER] !== LOCAL_PATH_PROVISIONER) return false;
    if (isDelayBinding(cls) && !ann[ANN_SELECTED_NODE]) return false;
    return !this.pvs.get(`pvc-${claim.metadata.uid ?? ''}`);
  }

  private async syncClaim(key: string): Promise<void> {
    const claim = this.pvcs.get(key);
    if (!claim) return;
    const cls = this.classes.get(claimClass(claim));
    const uid = claim.metadata.uid ?? '';
    if (!this.shouldProvision(claim, cls) || this.busy.has(uid)) return;
    this.recorder.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey(claim)}"`);
    const fail = (why: string) => this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${cls.metadata.name ?? ''}": ${why}`);
    if (claim.spec?.selector) return fail('claim.Spec.Selector is not supported');
    if ((claim.spec?.accessModes ?? []).some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')) return fail('NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes');
    const nodeName = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    if (!nodeName) return fail('configuration error, no node was specified');
    const node = this.nodes.get(nodeName);
    if (!node) {
      this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `failed to get target node: nodes "${nodeName}" not found`);
      return;
    }
    // The helper pod creates the directory on the node, then the volume is saved.
    this.busy.add(uid);
    this.ctx.clock.setTimer(HELPER_POD_MS, () => {
      void this.createVolume(key, uid, node, cls).finally(() => this.busy.delete(uid));
    });
  }

  private async createVolume(key: string, uid: string, node: Node, cls: StorageClass): Promise<void> {
    const claim = this.pvcs.get(key);
    if (!claim || claim.metadata.uid !== uid || !this.shouldProvision(claim, cls)) return;
    const name = `pvc-${uid}`;
    const nodeLabel = node.metadata.labels?.['kubernetes.io/hostname'] ?? node.metadata.name ?? '';
    const pv: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name, annotations: { [ANN_LOCAL_PATH_SELECTED_NODE]: node.metadata.name ?? '', [ANN_DYNAMICALLY_PROVISIONED]: LOCAL_PATH_PROVISIONER } },
      spec: {
        accessModes: [...(claim.spec?.accessModes ?? [])],
        capacity: { storage: claim.spec?.resources?.requests?.['storage'] ?? '0' },
        claimRef: claimReference(claim),
        hostPath: { path: `${LOCAL_PATH_BASE}/${name}_${claim.metadata.namespace ?? ''}_${claim.metadata.name ?? ''}`, type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [nodeLabel] }] }] } },
        persistentVolumeReclaimPolicy: cls.reclaimPolicy ?? 'Delete',
        storageClassName: cls.metadata.name ?? '',
        volumeMode: 'Filesystem',
      },
    };
    try {
      await this.ctx.client.create({ resource: 'persistentvolumes' }, pv);
    } catch (e) {
      if (!isStatusError(e, 'AlreadyExists')) {
        this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${cls.metadata.name ?? ''}": ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    }
    this.recorder.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
    this.trace('Provision', `persistentvolumes/${name}`, `${name} created on ${node.metadata.name ?? ''} for ${claimKey(claim)}`);
  }

  /** shouldDelete: a Released volume of ours with reclaim policy Delete. */
  private async syncVolume(name: string): Promise<void> {
    const pv = this.pvs.get(name);
    if (!pv || this.busy.has(name) || pv.metadata.deletionTimestamp) return;
    if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== LOCAL_PATH_PROVISIONER) return;
    // The helper pod deletes the directory on the node, then the PersistentVolume goes.
    this.busy.add(name);
    this.ctx.clock.setTimer(HELPER_POD_MS, () => {
      void this.deleteVolume(name, pv.metadata.uid ?? '').finally(() => this.busy.delete(name));
    });
  }

  private async deleteVolume(name: string, uid: string): Promise<void> {
    const pv = this.pvs.get(name);
    if (!pv || pv.metadata.uid !== uid || pv.status?.phase !== 'Released') return;
    try {
      await this.ctx.client.delete({ resource: 'persistentvolumes', name }, { preconditions: { uid } });
      this.trace('DeleteVolume', `persistentvolumes/${name}`, `${name}: directory deleted on ${pv.metadata.annotations?.[ANN_LOCAL_PATH_SELECTED_NODE] ?? ''}, volume deleted`);
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return;
      this.recorder.event(pv, 'Warning', 'VolumeFailedDelete', e instanceof Error ? e.message : String(e));
      this.volumeQueue.add(name);
    }
  }
}
