/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set.go): event handlers map
 * StatefulSet and pod events to StatefulSet keys; `sync` adopts orphaned revisions, claims the
 * pods that bear the set's name and match its selector, runs the control loop (control.ts) and
 * writes the status (StatefulSetStatusUpdater, retried on a conflict).
 */
import { isStatusError } from '../../api/status';
import type { ControllerRevision, OwnerReference, PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { selectorIsValid, selectorMatches } from '../../apiserver/resources/selector';
import { deepEqual } from '../../apiserver/patch/value';
import type { Controller, ControllerContext } from '../manager';
import { claimObjects, recheckOwner } from '../history/adoption';
import { CONTROLLER_UID_INDEX, controllerOf, controllerRef, controllerUidIndex } from '../util/controllerRef';
import { isPodReady } from '../util/pods';
import { StatefulSetControl, type StatefulSetStatus } from './control';
import { StatefulPodControl } from './podControl';
import { isMemberOf } from './utils';

/** The controller's name in kube-controller-manager's `--controllers`. */
export const STATEFULSET_CONTROLLER = 'statefulset';

function setRef(namespace: string, name?: string, subresource?: string) {
  return { group: 'apps', version: 'v1', resource: 'statefulsets', namespace, ...(name ? { name } : {}), ...(subresource ? { subresource } : {}) };
}

/** The status as the API writes it: zero `omitempty` fields left out. */
export function statusBody(status: StatefulSetStatus, conditions: StatefulSetStatus['conditions']): StatefulSetStatus {
  const out: StatefulSetStatus = { replicas: status.replicas ?? 0, availableReplicas: status.availableReplicas ?? 0 };
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.currentReplicas) out.currentReplicas = status.currentReplicas;
  if (status.updatedReplicas) out.updatedReplicas = status.updatedReplicas;
  if (status.currentRevision) out.currentRevision = status.currentRevision;
  if (status.updateRevision) out.updateRevision = status.updateRevision;
  if (status.collisionCount !== undefined) out.collisionCount = status.collisionCount;
  if (conditions && conditions.length > 0) out.conditions = conditions;
  return out;
}

/** completeRollingUpdate + inconsistentStatus: the status to write, or undefined when the stored one says the same. */
export function statusToWrite(set: StatefulSet, status: StatefulSetStatus): StatefulSetStatus | undefined {
  const replicas = set.spec.replicas ?? 1;
  const s = { ...status };
  if (set.spec.updateStrategy?.type === 'RollingUpdate' && s.updatedReplicas === replicas && s.readyReplicas === replicas && s.replicas === replicas) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = s.updateRevision;
  }
  const old = set.status ?? {};
  const same =
    (s.observedGeneration ?? 0) <= (old.observedGeneration ?? 0) &&
    (s.replicas ?? 0) === (old.replicas ?? 0) &&
    (s.currentReplicas ?? 0) === (old.currentReplicas ?? 0) &&
    (s.readyReplicas ?? 0) === (old.readyReplicas ?? 0) &&
    (s.updatedReplicas ?? 0) === (old.updatedReplicas ?? 0) &&
    (s.currentRevision ?? '') === (old.currentRevision ?? '') &&
    (s.availableReplicas ?? 0) === (old.availableReplicas ?? 0) &&
    (s.updateRevision ?? '') === (old.updateRevision ?? '');
  return same ? undefined : s;
}

/** The StatefulSet controller. */
export class StatefulSetController implements Controller {
  private readonly sets: Informer<StatefulSet>;
  private readonly pods: Informer<Pod>;
  private readonly revisions: Informer<ControllerRevision>;
  private readonly queue: WorkQueue;
  private readonly control: StatefulSetControl;

  constructor(private readonly ctx: ControllerContext) {
    this.sets = ctx.informers.informer<StatefulSet>({ group: 'apps', version: 'v1', resource: 'statefulsets' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.revisions = ctx.informers.informer<ControllerRevision>({ group: 'apps', version: 'v1', resource: 'controllerrevisions' });
    const claims = ctx.informers.informer<PersistentVolumeClaim>({ resource: 'persistentvolumeclaims' });
    this.pods.addIndex(CONTROLLER_UID_INDEX, controllerUidIndex);
    const podControl = new StatefulPodControl(ctx, claims, ctx.recorder('statefulset-controller'));
    this.control = new StatefulSetControl(ctx.client, podControl, () => ctx.clock.now());
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.queue.onError = (key, err) => ctx.trace.emit({ component: 'kube-controller-manager', instance: STATEFULSET_CONTROLLER, action: 'error', object: `statefulsets/${key}`, message: `sync of StatefulSet ${key} failed: ${err instanceof Error ? err.message : String(err)}` });
  }

  /** Adds the event handlers. */
  start(): void {
    this.sets.addHandlers({ add: (s) => this.enqueue(s), update: (_o, s) => this.enqueue(s), delete: (s) => this.enqueue(s) });
    this.pods.addHandlers({
      add: (p) => this.onPod(p, undefined),
      update: (old, cur) => this.onPod(cur, old),
      delete: (p) => {
        const ref = controllerOf(p);
        const set = ref ? this.resolve(p.metadata.namespace, ref) : undefined;
        if (set) this.enqueue(set);
      },
    });
  }

  /** Stops the work queue. */
  stop(): void {
    this.queue.shutdown();
  }

  private enqueue(set: StatefulSet): void {
    this.queue.add(keyOf(set));
  }

  private resolve(namespace: string | undefined, ref: OwnerReference): StatefulSet | undefined {
    if (ref.kind !== 'StatefulSet') return undefined;
    const set = this.sets.get(`${namespace ?? ''}/${ref.name}`);
    return set && set.metadata.uid === ref.uid ? set : undefined;
  }

  /** addPod / updatePod. */
  private onPod(pod: Pod, old: Pod | undefined): void {
    if (old && old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    const cur = controllerOf(pod);
    const prev = old ? controllerOf(old) : undefined;
    const refChanged = old !== undefined && !deepEqual(cur, prev);
    if (refChanged && prev) {
      const s = this.resolve(old?.metadata.namespace, prev);
      if (s) this.enqueue(s);
    }
    if (cur) {
      const set = this.resolve(pod.metadata.namespace, cur);
      if (!set) return;
      this.enqueue(set);
      const minReady = set.spec.minReadySeconds ?? 0;
      if (old && !isPodReady(old) && isPodReady(pod) && minReady > 0) this.queue.addAfter(keyOf(set), minReady * 1000 + 1000);
      return;
    }
    if (old && !refChanged && deepEqual(old.metadata.labels, pod.metadata.labels)) return;
    if (!old && pod.metadata.deletionTimestamp) return;
    for (const set of this.sets.byIndex('namespace', pod.metadata.namespace ?? '')) if (selectorMatches(set.spec.selector, pod.metadata.labels)) this.enqueue(set);
  }

  /** sync: one StatefulSet key. */
  async sync(key: string): Promise<void> {
    const set = this.sets.get(key);
    if (!set) return;
    if (!selectorIsValid(set.spec.selector)) return;
    const ns = set.metadata.namespace ?? '';
    const matches = (o: { metadata: { labels?: Record<string, string> } }) => selectorMatches(set.spec.selector, o.metadata.labels);
    const canAdopt = recheckOwner(this.ctx.client, setRef(ns, set.metadata.name), set.metadata.uid);
    // adoptOrphanRevisions, then ListRevisions (the set's own and the orphans its selector matches).
    const inNamespace = this.revisions.byIndex('namespace', ns).filter(matches);
    const revisions: ControllerRevision[] = [];
    for (const r of inNamespace) {
      const ref = controllerOf(r);
      if (ref && ref.uid !== set.metadata.uid) continue;
      if (!ref && !set.metadata.deletionTimestamp && (await canAdopt())) {
        try {
          revisions.push(await this.ctx.client.patch<ControllerRevision>({ group: 'apps', version: 'v1', resource: 'controllerrevisions', namespace: ns, name: r.metadata.name ?? '' }, { metadata: { ownerReferences: [controllerRef(set, 'apps/v1', 'StatefulSet')], uid: r.metadata.uid } }));
          continue;
        } catch (e) {
          if (!isStatusError(e, 'NotFound')) throw e;
          continue;
        }
      }
      revisions.push(r);
    }
    const pods = await claimObjects(this.pods.byIndex('namespace', ns), {
      client: this.ctx.client,
      parent: set,
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      resource: { resource: 'pods' },
      matches: (p) => matches(p) && isMemberOf(set, p),
      canAdopt,
    });
    const { status, error } = await this.control.update(set, pods, revisions);
    if (status) {
      await this.writeStatus(set, status);
      const minReady = set.spec.minReadySeconds ?? 0;
      if (minReady > 0 && status.readyReplicas !== status.availableReplicas) this.queue.addAfter(key, minReady * 1000);
    }
    if (error !== undefined) throw error;
  }

  /** updateStatefulSetStatus: writes the status when it changed, retrying a conflict on a fresh read. */
  private async writeStatus(set: StatefulSet, status: StatefulSetStatus): Promise<void> {
    const next = statusToWrite(set, status);
    if (!next) return;
    const ns = set.metadata.namespace ?? '';
    let target = set;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.ctx.client.update(setRef(ns, set.metadata.name, 'status'), { ...target, status: statusBody(next, target.status?.conditions) });
        return;
      } catch (e) {
        if (!isStatusError(e, 'Conflict') || attempt >= 4) throw e;
        target = await this.ctx.client.get<StatefulSet>(setRef(ns, set.metadata.name));
      }
    }
  }
}
