/**
 * The Deployment controller (pkg/controller/deployment/deployment_controller.go). Its handlers
 * only map events to Deployment keys: a Deployment's own changes; a ReplicaSet's, to the
 * Deployment that controls it (or, for an orphan, to every Deployment selecting it, which may
 * adopt it); a pod's deletion, to a Recreate Deployment left with no pods. `syncDeployment`
 * then reads the listers and acts as 1.32 does: status only while deleting, the
 * Paused/Resumed conditions, a paused Deployment or a scaling event only scales, a deprecated
 * rollback request, else one step of the Recreate or RollingUpdate rollout.
 */
import type { Deployment, KubeObject, OwnerReference, Pod, ReplicaSet } from '../../api/types';
import { selectorIsEmpty, selectorMatches } from '../../apiserver/resources/selector';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { CONTROLLER_UID_INDEX, controllerOf, controllerUidIndex } from '../util/controllerRef';
import { clone } from '../util/pods';
import { claimReplicaSets } from './claim';
import { DEPLOYMENT_CONTROLLER, updateDeploymentStatus, type DeploymentSyncContext } from './context';
import { rolloutRecreate, type PodMap } from './recreate';
import { rollback } from './rollback';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, isScalingEvent, rollbackTo, sync, syncStatusOnly } from './sync';

/** The delay of a rate-limited requeue after a successful sync (the rate limiter's base delay). */
const RATE_LIMITED_DELAY_MS = 5;

/** The Deployment controller (`--controllers` name `deployment`, service account `deployment-controller`). */
export class DeploymentController implements Controller {
  private readonly deployments: Informer<Deployment>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly pods: Informer<Pod>;
  private readonly queue: WorkQueue;
  /** What the sync functions are given. */
  readonly dc: DeploymentSyncContext;

  constructor(ctx: ControllerContext) {
    this.deployments = ctx.informers.informer<Deployment>({ group: 'apps', version: 'v1', resource: 'deployments' });
    this.replicaSets = ctx.informers.informer<ReplicaSet>({ group: 'apps', version: 'v1', resource: 'replicasets' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.replicaSets.addIndex(CONTROLLER_UID_INDEX, controllerUidIndex);
    this.pods.addIndex(CONTROLLER_UID_INDEX, controllerUidIndex);
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncDeployment(key));
    const recorder = ctx.recorder(DEPLOYMENT_CONTROLLER);
    this.dc = {
      client: ctx.client,
      recorder,
      clock: ctx.clock,
      replicaSets: this.replicaSets,
      enqueueAfter: (d, ms) => this.queue.addAfter(keyOf(d), ms),
      enqueueRateLimited: (d) => this.queue.addAfter(keyOf(d), RATE_LIMITED_DELAY_MS),
      trace: (action, object, message) => ctx.trace.emit({ component: 'kube-controller-manager', instance: 'deployment', action, object, message }),
    };
  }

  /** Adds the event handlers. */
  start(): void {
    const enqueue = (d: Deployment) => this.queue.add(keyOf(d));
    this.deployments.addHandlers({ add: enqueue, update: (_old, d) => enqueue(d), delete: enqueue });
    this.replicaSets.addHandlers({ add: (rs) => this.addReplicaSet(rs), update: (old, rs) => this.updateReplicaSet(old, rs), delete: (rs) => this.deleteReplicaSet(rs) });
    this.pods.addHandlers({ delete: (p) => this.deletePod(p) });
  }

  /** Stops the controller. */
  stop(): void {
    this.queue.shutdown();
  }

  private enqueue(d: Deployment | undefined): void {
    if (d) this.queue.add(keyOf(d));
  }

  /** resolveControllerRef: the Deployment a controller reference names, if it is the same object. */
  private resolve(namespace: string, ref: OwnerReference | undefined): Deployment | undefined {
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.deployments.get(`${namespace}/${ref.name}`);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  /** getDeploymentsForReplicaSet: the Deployments whose selector matches an orphan ReplicaSet. */
  private deploymentsSelecting(rs: ReplicaSet): Deployment[] {
    return this.deployments.byIndex('namespace', rs.metadata.namespace ?? '').filter((d) => !selectorIsEmpty(d.spec.selector) && selectorMatches(d.spec.selector, rs.metadata.labels));
  }

  private addReplicaSet(rs: ReplicaSet): void {
    if (rs.metadata.deletionTimestamp) return this.deleteReplicaSet(rs);
    const ref = controllerOf(rs);
    if (ref) return this.enqueue(this.resolve(rs.metadata.namespace ?? '', ref));
    for (const d of this.deploymentsSelecting(rs)) this.enqueue(d);
  }

  private updateReplicaSet(old: ReplicaSet, cur: ReplicaSet): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const ns = cur.metadata.namespace ?? '';
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = curRef?.uid !== oldRef?.uid;
    if (refChanged && oldRef) this.enqueue(this.resolve(ns, oldRef));
    if (curRef) return this.enqueue(this.resolve(ns, curRef));
    const labelsChanged = JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(cur.metadata.labels ?? {});
    if (labelsChanged || refChanged) for (const d of this.deploymentsSelecting(cur)) this.enqueue(d);
  }

  private deleteReplicaSet(rs: ReplicaSet): void {
    this.enqueue(this.resolve(rs.metadata.namespace ?? '', controllerOf(rs)));
  }

  /** A Recreate Deployment waits for its old pods to be gone: the last one's deletion queues it. */
  private deletePod(pod: Pod): void {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const ns = pod.metadata.namespace ?? '';
    const rs = this.replicaSets.get(`${ns}/${ref.name}`);
    if (!rs || rs.metadata.uid !== ref.uid) return;
    const d = this.resolve(ns, controllerOf(rs));
    if (!d || d.spec.strategy?.type !== 'Recreate') return;
    const rsList = this.replicaSets.byIndex(CONTROLLER_UID_INDEX, d.metadata.uid ?? '');
    let pods = 0;
    for (const list of this.podMap(d, rsList).values()) pods += list.length;
    if (pods === 0) this.enqueue(d);
  }

  /** getPodMapForDeployment: the pods the Deployment selects, by the uid of the ReplicaSet that controls them. */
  private podMap(d: Deployment, rsList: ReplicaSet[]): PodMap {
    const map: PodMap = new Map();
    for (const rs of rsList) {
      const uid = rs.metadata.uid ?? '';
      map.set(uid, this.pods.byIndex(CONTROLLER_UID_INDEX, uid).filter((p) => p.metadata.namespace === d.metadata.namespace && selectorMatches(d.spec.selector, p.metadata.labels)));
    }
    return map;
  }

  /** syncDeployment: one level-based sync of the Deployment `namespace/name`. */
  async syncDeployment(key: string): Promise<void> {
    const cached = this.deployments.get(key);
    if (!cached) return;
    const d = clone(cached);
    const dc = this.dc;
    if (!d.spec.selector || selectorIsEmpty(d.spec.selector)) {
      dc.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation ?? 0 };
        await updateDeploymentStatus(dc, d);
      }
      return;
    }
    const rsList = await claimReplicaSets(dc, d, this.replicaSets.byIndex('namespace', d.metadata.namespace ?? ''));
    return reconcileDeployment(dc, d, rsList, this.podMap(d, rsList));
  }
}

/**
 * The part of syncDeployment after the ReplicaSets are claimed: status only while deleting,
 * the Paused/Resumed conditions, a paused Deployment or a scaling event only scales, a
 * deprecated rollback request, else one step of the rollout. `d` is a working copy.
 */
export async function reconcileDeployment(dc: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], podMap: PodMap): Promise<void> {
  if (d.metadata.deletionTimestamp) return syncStatusOnly(dc, d, rsList);
  await checkPausedConditions(dc, d);
  if (d.spec.paused) return sync(dc, d, rsList);
  if (rollbackTo(d)) return rollback(dc, d, rsList);
  if (await isScalingEvent(dc, d, rsList)) return sync(dc, d, rsList);
  if (d.spec.strategy?.type === 'Recreate') return rolloutRecreate(dc, d, rsList, podMap);
  return rolloutRolling(dc, d, rsList);
}

/** Whether an object is one of the Deployment controller's ReplicaSets (for tests and the dashboard). */
export function isDeploymentReplicaSet(o: KubeObject): boolean {
  return controllerOf(o)?.kind === 'Deployment';
}
