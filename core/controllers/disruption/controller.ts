/**
 * The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status
 * — expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed, the evictions still awaited
 * and the `DisruptionAllowed` condition — which the API server's pods/eviction reads. The scale of
 * the pods' controllers comes from ReplicationControllers, Deployments (through their
 * ReplicaSets), ReplicaSets and StatefulSets, or else the controller's scale subresource. When a
 * sync fails, disruptionsAllowed drops to 0 (failSafe).
 */
import { isStatusError } from '../../api/status';
import type { Deployment, KubeObject, OwnerReference, Pod, PodDisruptionBudget, ReplicaSet, ReplicationController, StatefulSet } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import { selectorMatches } from '../../apiserver/resources/selector';
import { deepEqual } from '../../apiserver/patch/value';
import type { Controller, ControllerContext } from '../manager';
import { controllerOf } from '../util/controllerRef';
import { DISRUPTION_ALLOWED, SYNC_FAILED, conditionsUpToDate, countHealthy, disruptedPodMap, expectedPodCount, selectorString, setCondition, withDisruptionCondition, type MetaCondition } from './budget';

/** The controller's name in kube-controller-manager's `--controllers`. */
export const DISRUPTION_CONTROLLER = 'disruption';

const GROUPS_OF_KIND: Record<string, string[]> = { ReplicaSet: ['apps', 'extensions'], Deployment: ['apps', 'extensions'], StatefulSet: ['apps'], ReplicationController: [''] };

function groupOf(ref: OwnerReference): string {
  const i = ref.apiVersion.indexOf('/');
  return i < 0 ? '' : ref.apiVersion.slice(0, i);
}

function isKind(ref: OwnerReference, kind: string): boolean {
  return ref.kind === kind && (GROUPS_OF_KIND[kind] ?? []).includes(groupOf(ref));
}

/** The disruption controller. */
export class DisruptionController implements Controller {
  private readonly pdbs: Informer<PodDisruptionBudget>;
  private readonly pods: Informer<Pod>;
  private readonly rcs: Informer<ReplicationController>;
  private readonly rss: Informer<ReplicaSet>;
  private readonly deployments: Informer<Deployment>;
  private readonly sets: Informer<StatefulSet>;
  private readonly queue: WorkQueue;
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ControllerContext) {
    const f = ctx.informers;
    this.pdbs = f.informer<PodDisruptionBudget>({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' });
    this.pods = f.informer<Pod>({ resource: 'pods' });
    this.rcs = f.informer<ReplicationController>({ resource: 'replicationcontrollers' });
    this.rss = f.informer<ReplicaSet>({ group: 'apps', version: 'v1', resource: 'replicasets' });
    this.deployments = f.informer<Deployment>({ group: 'apps', version: 'v1', resource: 'deployments' });
    this.sets = f.informer<StatefulSet>({ group: 'apps', version: 'v1', resource: 'statefulsets' });
    // The real controller records as "controllermanager".
    this.recorder = ctx.recorder('controllermanager');
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.queue.onError = (key, err) => ctx.trace.emit({ component: 'kube-controller-manager', instance: DISRUPTION_CONTROLLER, action: 'error', object: `poddisruptionbudgets/${key}`, message: `sync of PodDisruptionBudget ${key} failed: ${err instanceof Error ? err.message : String(err)}` });
  }

  /** Adds the event handlers. */
  start(): void {
    const enqueue = (pdb: PodDisruptionBudget) => this.queue.add(keyOf(pdb));
    this.pdbs.addHandlers({ add: enqueue, update: (_o, p) => enqueue(p), delete: enqueue });
    this.pods.addHandlers({
      add: (p) => this.enqueueFor(p),
      update: (old, cur) => {
        if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
        this.enqueueFor(cur);
        if (!deepEqual(old.metadata.labels, cur.metadata.labels)) this.enqueueFor(old);
      },
      delete: (p) => this.enqueueFor(p),
    });
  }

  /** Stops the work queue. */
  stop(): void {
    this.queue.shutdown();
  }

  /** getPdbForPod: the budget whose selector matches the pod (the first, if several). */
  private enqueueFor(pod: Pod): void {
    const pdb = this.pdbs.byIndex('namespace', pod.metadata.namespace ?? '').find((p) => selectorMatches(p.spec?.selector, pod.metadata.labels));
    if (pdb) this.queue.add(keyOf(pdb));
  }

  /** sync: one budget; a failure other than a conflict sets disruptionsAllowed to 0. */
  async sync(key: string): Promise<void> {
    const pdb = this.pdbs.get(key);
    if (!pdb) return;
    try {
      await this.trySync(pdb);
    } catch (e) {
      if (isStatusError(e, 'Conflict')) throw e;
      await this.failSafe(pdb, e);
      throw e;
    }
  }

  private async trySync(pdb: PodDisruptionBudget): Promise<void> {
    const pods = this.pods.byIndex('namespace', pdb.metadata.namespace ?? '').filter((p) => selectorMatches(pdb.spec?.selector, p.metadata.labels));
    if (pods.length === 0) this.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
    const unmanaged: string[] = [];
    let counts: { expectedCount: number; desiredHealthy: number };
    try {
      counts = await expectedPodCount(pdb, pods, () => this.expectedScale(pods, unmanaged));
    } catch (e) {
      this.recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
    if (unmanaged.length > 0) {
      this.recorder.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${selectorString(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      );
    }
    const now = this.ctx.clock.now();
    const { disrupted, overdue, recheckAt } = disruptedPodMap(pods, pdb, now);
    for (const pod of overdue) this.recorder.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace ?? ''}/${pdb.metadata.namespace ?? ''} to be deleted but it wasn't`);
    const currentHealthy = countHealthy(pods, disrupted, now);
    await this.updateStatus(pdb, currentHealthy, counts.desiredHealthy, counts.expectedCount, disrupted);
    if (recheckAt !== undefined) this.queue.addAfter(keyOf(pdb), Math.max(0, recheckAt - now));
  }

  /** getExpectedScale: the sum of the scales of the pods' controllers; unmanaged pods are listed, a pod without a known controller is an error. */
  private async expectedScale(pods: readonly Pod[], unmanaged: string[]): Promise<number> {
    const scales = new Map<string, number>();
    for (const pod of pods) {
      const ref = controllerOf(pod);
      if (!ref) {
        unmanaged.push(pod.metadata.name ?? '');
        continue;
      }
      if (scales.has(ref.uid)) continue;
      const found = await this.findController(ref, pod.metadata.namespace ?? '');
      if (!found) throw new Error(`found no controllers for pod "${pod.metadata.name ?? ''}"`);
      scales.set(found.uid, found.scale);
    }
    let total = 0;
    for (const s of scales.values()) total += s;
    return total;
  }

  /** The finders, in kube's order: RC, Deployment (through its ReplicaSet), ReplicaSet, StatefulSet, the scale subresource. */
  private async findController(ref: OwnerReference, ns: string): Promise<{ uid: string; scale: number } | undefined> {
    const get = <T extends KubeObject>(inf: Informer<T>, name: string, uid: string) => {
      const o = inf.get(`${ns}/${name}`);
      return o && o.metadata.uid === uid ? o : undefined;
    };
    if (isKind(ref, 'ReplicationController')) {
      const rc = get(this.rcs, ref.name, ref.uid);
      if (rc) return { uid: ref.uid, scale: rc.spec.replicas ?? 1 };
    }
    if (isKind(ref, 'ReplicaSet')) {
      const rs = get(this.rss, ref.name, ref.uid);
      if (rs) {
        const owner = controllerOf(rs);
        if (owner && owner.kind === 'Deployment') {
          if (isKind(owner, 'Deployment')) {
            const d = get(this.deployments, owner.name, owner.uid);
            if (d) return { uid: owner.uid, scale: d.spec.replicas ?? 1 };
          }
        } else {
          return { uid: ref.uid, scale: rs.spec.replicas ?? 1 };
        }
      }
    }
    if (isKind(ref, 'StatefulSet')) {
      const s = get(this.sets, ref.name, ref.uid);
      if (s) return { uid: ref.uid, scale: s.spec.replicas ?? 1 };
    }
    return this.scaleOf(ref, ns);
  }

  /** getScaleController: the scale subresource of any other controller. */
  private async scaleOf(ref: OwnerReference, ns: string): Promise<{ uid: string; scale: number } | undefined> {
    const group = groupOf(ref);
    const version = ref.apiVersion.slice(ref.apiVersion.indexOf('/') + 1);
    const resource = `${ref.kind.toLowerCase()}s`;
    const target = { ...(group ? { group } : {}), version, resource, namespace: ns, name: ref.name };
    try {
      const scale = await this.ctx.client.get<KubeObject & { spec?: { replicas?: number } }>({ ...target, subresource: 'scale' });
      return scale.metadata.uid === ref.uid ? { uid: ref.uid, scale: scale.spec?.replicas ?? 0 } : undefined;
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
      // NotFound: either no such object (no controller), or a resource without a scale subresource.
      try {
        await this.ctx.client.get(target);
      } catch {
        return undefined;
      }
      throw new Error(`${group ? `${resource}.${group}` : resource} does not implement the scale subresource`);
    }
  }

  /** updatePdbStatus: writes the status when anything changed. */
  private async updateStatus(pdb: PodDisruptionBudget, currentHealthy: number, desiredHealthy: number, expectedPods: number, disruptedPods: Record<string, string>): Promise<void> {
    let disruptionsAllowed = currentHealthy - desiredHealthy;
    if (expectedPods <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
    const s = pdb.status ?? {};
    const generation = pdb.metadata.generation ?? 0;
    const same =
      (s.currentHealthy ?? 0) === currentHealthy &&
      (s.desiredHealthy ?? 0) === desiredHealthy &&
      (s.expectedPods ?? 0) === expectedPods &&
      (s.disruptionsAllowed ?? 0) === disruptionsAllowed &&
      deepEqual(s.disruptedPods ?? {}, disruptedPods) &&
      (s.observedGeneration ?? 0) === generation &&
      conditionsUpToDate(pdb);
    if (same) return;
    const status: NonNullable<PodDisruptionBudget['status']> = { disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods, ...(generation ? { observedGeneration: generation } : {}) };
    if (Object.keys(disruptedPods).length > 0) status.disruptedPods = disruptedPods;
    status.conditions = s.conditions;
    status.conditions = withDisruptionCondition(status, this.ctx.clock.now());
    await this.write(pdb, status);
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: DISRUPTION_CONTROLLER, action: 'sync', object: `poddisruptionbudgets/${keyOf(pdb)}`, message: `PodDisruptionBudget ${pdb.metadata.name ?? ''}: ${currentHealthy} healthy, ${desiredHealthy} desired, ${disruptionsAllowed} disruption(s) allowed` });
  }

  /** failSafe: at least say that no disruption is allowed. */
  private async failSafe(pdb: PodDisruptionBudget, err: unknown): Promise<void> {
    const status = { ...(pdb.status ?? {}), disruptionsAllowed: 0 };
    const message = err instanceof Error ? err.message : String(err);
    status.conditions = setCondition(status.conditions as MetaCondition[] | undefined, { type: DISRUPTION_ALLOWED, status: 'False', reason: SYNC_FAILED, message, observedGeneration: status.observedGeneration ?? 0 }, this.ctx.clock.now());
    try {
      await this.write(pdb, status);
    } catch {
      // The sync error is what gets retried.
    }
  }

  private write(pdb: PodDisruptionBudget, status: NonNullable<PodDisruptionBudget['status']>): Promise<unknown> {
    return this.ctx.client.update({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespace: pdb.metadata.namespace ?? '', name: pdb.metadata.name ?? '', subresource: 'status' }, { ...pdb, status });
  }
}
