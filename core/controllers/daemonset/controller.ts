/**
 * The DaemonSet controller (pkg/controller/daemon/daemon_controller.go): one daemon pod on every
 * node that should run one. Event handlers only map DaemonSet, ControllerRevision, pod and node
 * events to DaemonSet keys; `sync` (daemonSync.ts) does the work. Pods are created with a
 * required `metadata.name` node affinity, and the default scheduler binds them to their node.
 */
import type { ControllerRevision, DaemonSet, Node, OwnerReference, Pod } from '../../api/types';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { CONTROLLER_UID_INDEX, controllerOf, controllerUidIndex } from '../util/controllerRef';
import { isPodReady } from '../util/pods';
import { selectorMatches } from '../../apiserver/resources/selector';
import { deepEqual } from '../../apiserver/patch/value';
import { nodeShouldRunDaemonPod } from './eligibility';
import { Expectations } from './expectations';
import { DaemonSetSync } from './daemonSync';

/** The controller's name in kube-controller-manager's `--controllers`. */
export const DAEMONSET_CONTROLLER = 'daemonset';

/** Whether two nodes differ only in their conditions' heartbeat details (shouldIgnoreNodeUpdate). */
export function nodeUpdateIgnorable(old: Node, cur: Node): boolean {
  const trueTypes = (n: Node) => (n.status?.conditions ?? []).filter((c) => c.status === 'True').map((c) => c.type).sort().join(',');
  if (trueTypes(old) !== trueTypes(cur)) return false;
  const strip = (n: Node) => ({ ...n, metadata: { ...n.metadata, resourceVersion: undefined, managedFields: undefined }, status: { ...(n.status ?? {}), conditions: undefined } });
  return deepEqual(strip(old), strip(cur));
}

/** The DaemonSet controller. */
export class DaemonSetController implements Controller {
  private readonly daemonSets: Informer<DaemonSet>;
  private readonly revisions: Informer<ControllerRevision>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly queue: WorkQueue;
  private readonly expectations: Expectations;
  private readonly syncer: DaemonSetSync;

  constructor(ctx: ControllerContext) {
    this.daemonSets = ctx.informers.informer<DaemonSet>({ group: 'apps', version: 'v1', resource: 'daemonsets' });
    this.revisions = ctx.informers.informer<ControllerRevision>({ group: 'apps', version: 'v1', resource: 'controllerrevisions' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.nodes = ctx.informers.informer<Node>({ resource: 'nodes' });
    this.pods.addIndex(CONTROLLER_UID_INDEX, controllerUidIndex);
    this.expectations = new Expectations(ctx.clock);
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncer.sync(key));
    this.queue.onError = (key, err) => ctx.trace.emit({ component: 'kube-controller-manager', instance: DAEMONSET_CONTROLLER, action: 'error', object: `daemonsets/${key}`, message: `sync of DaemonSet ${key} failed: ${err instanceof Error ? err.message : String(err)}` });
    this.syncer = new DaemonSetSync(ctx, { daemonSets: this.daemonSets, revisions: this.revisions, pods: this.pods, nodes: this.nodes }, this.expectations, (key, ms) => this.queue.addAfter(key, ms));
  }

  /** Adds the event handlers. */
  start(): void {
    this.daemonSets.addHandlers({
      add: (ds) => this.enqueue(ds),
      update: (old, cur) => {
        if (old.metadata.uid !== cur.metadata.uid) this.expectations.delete(keyOf(old));
        this.enqueue(cur);
      },
      delete: (ds) => {
        this.expectations.delete(keyOf(ds));
        this.enqueue(ds);
      },
    });
    this.revisions.addHandlers({
      add: (r) => this.onDependent(r, undefined),
      update: (old, cur) => this.onDependent(cur, old),
      delete: (r) => this.onOwnedGone(r),
    });
    this.pods.addHandlers({
      add: (p) => this.addPod(p),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (p) => this.deletePod(p),
    });
    this.nodes.addHandlers({
      add: (n) => {
        for (const ds of this.daemonSets.list()) if (nodeShouldRunDaemonPod(n, ds).shouldRun) this.enqueue(ds);
      },
      update: (old, cur) => {
        if (nodeUpdateIgnorable(old, cur)) return;
        for (const ds of this.daemonSets.list()) {
          const a = nodeShouldRunDaemonPod(old, ds);
          const b = nodeShouldRunDaemonPod(cur, ds);
          if (a.shouldRun !== b.shouldRun || a.shouldContinueRunning !== b.shouldContinueRunning) this.enqueue(ds);
        }
      },
    });
  }

  /** Stops the work queue. */
  stop(): void {
    this.queue.shutdown();
  }

  /** The sync of one DaemonSet key (for tests). */
  sync(key: string): Promise<void> {
    return this.syncer.sync(key);
  }

  private enqueue(ds: DaemonSet): void {
    this.queue.add(keyOf(ds));
  }

  private resolve(namespace: string | undefined, ref: OwnerReference): DaemonSet | undefined {
    if (ref.kind !== 'DaemonSet') return undefined;
    const ds = this.daemonSets.get(`${namespace ?? ''}/${ref.name}`);
    return ds && ds.metadata.uid === ref.uid ? ds : undefined;
  }

  private matching(obj: Pod | ControllerRevision): DaemonSet[] {
    return this.daemonSets.byIndex('namespace', obj.metadata.namespace ?? '').filter((ds) => selectorMatches(ds.spec.selector, obj.metadata.labels));
  }

  /** addHistory / updateHistory (and the orphan part of the pod handlers). */
  private onDependent(obj: ControllerRevision, old: ControllerRevision | undefined): void {
    if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    const cur = controllerOf(obj);
    const prev = old ? controllerOf(old) : undefined;
    const refChanged = old !== undefined && !deepEqual(cur, prev);
    if (refChanged && prev) {
      const ds = this.resolve(obj.metadata.namespace, prev);
      if (ds) this.enqueue(ds);
    }
    if (cur) {
      const ds = this.resolve(obj.metadata.namespace, cur);
      if (ds) this.enqueue(ds);
      return;
    }
    if (!old || refChanged || !deepEqual(old.metadata.labels, obj.metadata.labels)) for (const ds of this.matching(obj)) this.enqueue(ds);
  }

  private onOwnedGone(obj: ControllerRevision | Pod): DaemonSet | undefined {
    const ref = controllerOf(obj);
    const ds = ref ? this.resolve(obj.metadata.namespace, ref) : undefined;
    if (ds) this.enqueue(ds);
    return ds;
  }

  private addPod(pod: Pod): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    const ref = controllerOf(pod);
    if (ref) {
      const ds = this.resolve(pod.metadata.namespace, ref);
      if (!ds) return;
      this.expectations.creationObserved(keyOf(ds));
      this.enqueue(ds);
      return;
    }
    for (const ds of this.matching(pod)) this.enqueue(ds);
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    if (cur.metadata.deletionTimestamp) {
      // A graceful deletion counts as observed as soon as it starts.
      if (!old.metadata.deletionTimestamp) this.deletePod(cur);
      else this.onOwnedGone(cur);
      return;
    }
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !deepEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const ds = this.resolve(old.metadata.namespace, oldRef);
      if (ds) this.enqueue(ds);
    }
    if (curRef) {
      const ds = this.resolve(cur.metadata.namespace, curRef);
      if (!ds) return;
      this.enqueue(ds);
      const minReady = ds.spec.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(keyOf(ds), minReady * 1000 + 1000);
      return;
    }
    if (refChanged || !deepEqual(cur.metadata.labels, old.metadata.labels)) for (const ds of this.matching(cur)) this.enqueue(ds);
  }

  private deletePod(pod: Pod): void {
    const ds = this.onOwnedGone(pod);
    if (ds) this.expectations.deletionObserved(keyOf(ds));
  }
}
