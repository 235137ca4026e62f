/**
 * The StatefulSet control loop (pkg/controller/statefulset/stateful_set_control.go
 * UpdateStatefulSet): find or create the current and update revisions, then make the pods
 * conform — in OrderedReady mode one step at a time (create the lowest missing ordinal and wait
 * until it is Running and Ready; delete the highest condemned ordinal and wait until it is gone),
 * in Parallel mode all at once — and finally roll the pods at or above the partition to the
 * update revision, from the highest ordinal down, one at a time. Returns the new status.
 */
import type { ControllerRevision, Pod, StatefulSet } from '../../api/types';
import type { Client } from '../../client/client';
import { equalRevision, findEqualRevisions, nextRevision, sortRevisions } from '../history/revisions';
import { createControllerRevision, deleteRevision, renumberRevision } from '../history/store';
import type { StatefulPodControl } from './podControl';
import { applyRevision, byOrdinalDescending, endOrdinal, identityMatches, inOrdinalRange, isCreated, isRunningAndAvailable, isRunningAndReady, isTerminating, isUnavailable, newRevision, newVersionedPod, ordinalOf, podRevision, startOrdinal, storageMatches } from './utils';

/** apps/v1 StatefulSetStatus. */
export type StatefulSetStatus = NonNullable<StatefulSet['status']>;

/** computeReplicaStatus over several pod lists (updateStatus). */
export function countReplicas(status: StatefulSetStatus, minReadySeconds: number, currentRevision: string, updateRevision: string, now: number, ...lists: (Pod | undefined)[][]): void {
  status.replicas = 0;
  status.readyReplicas = 0;
  status.availableReplicas = 0;
  status.currentReplicas = 0;
  status.updatedReplicas = 0;
  for (const list of lists) {
    for (const pod of list) {
      if (!pod) continue;
      if (isCreated(pod)) status.replicas++;
      if (isRunningAndReady(pod)) {
        status.readyReplicas++;
        if (isRunningAndAvailable(pod, minReadySeconds, now)) status.availableReplicas++;
      }
      if (isCreated(pod) && !isTerminating(pod)) {
        const rev = podRevision(pod);
        if (rev === currentRevision) status.currentReplicas++;
        if (rev === updateRevision) status.updatedReplicas++;
      }
    }
  }
}

/** The revisions of a set and its collision count. */
interface Revisions {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

/** The StatefulSet control. */
export class StatefulSetControl {
  constructor(
    private readonly client: Client,
    private readonly podControl: StatefulPodControl,
    private readonly now: () => number,
  ) {}

  /**
   * UpdateStatefulSet: the pods' work for one sync, then truncateHistory. Returns the status to
   * write (absent when the revisions could not be made) and the error to retry with, if any.
   */
  async update(set: StatefulSet, pods: Pod[], revisions: ControllerRevision[]): Promise<{ status?: StatefulSetStatus; error?: unknown }> {
    const sorted = sortRevisions(revisions);
    const revs = await this.revisions(set, sorted);
    const result = await this.updatePods(set, revs, pods);
    try {
      await this.truncateHistory(set, pods, sorted, revs);
    } catch (e) {
      result.error ??= e;
    }
    return result;
  }

  /** getStatefulSetRevisions: the update revision (created, or an equal older one renumbered) and the current one. */
  private async revisions(set: StatefulSet, revisions: ControllerRevision[]): Promise<Revisions> {
    const count = { value: set.status?.collisionCount ?? 0 };
    let update = newRevision(set, nextRevision(revisions), count.value);
    const equal = findEqualRevisions(revisions, update);
    const last = revisions[revisions.length - 1];
    if (equal.length > 0 && equalRevision(last, equal[equal.length - 1])) {
      update = last as ControllerRevision;
    } else if (equal.length > 0) {
      update = await renumberRevision(this.client, equal[equal.length - 1] as ControllerRevision, update.revision);
    } else {
      update = await createControllerRevision(this.client, set, update, count);
    }
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount: count.value };
  }

  /** updateStatefulSet. */
  private async updatePods(set: StatefulSet, revs: Revisions, pods: Pod[]): Promise<{ status: StatefulSetStatus; error?: unknown }> {
    const now = this.now();
    const minReady = set.spec.minReadySeconds ?? 0;
    const currentSet = applyRevision(set, revs.current);
    const updateSet = applyRevision(set, revs.update);
    const curName = revs.current.metadata.name ?? '';
    const updName = revs.update.metadata.name ?? '';
    const status: StatefulSetStatus = { observedGeneration: set.metadata.generation ?? 0, currentRevision: curName, updateRevision: updName, collisionCount: revs.collisionCount };
    countReplicas(status, minReady, curName, updName, now, pods);

    const start = startOrdinal(set);
    const replicas: Pod[] = new Array<Pod>(set.spec.replicas ?? 1);
    const condemned: Pod[] = [];
    for (const pod of pods) {
      if (inOrdinalRange(pod, set)) replicas[ordinalOf(pod) - start] = pod;
      else if (ordinalOf(pod) >= 0) condemned.push(pod);
    }
    for (let ord = start; ord <= endOrdinal(set); ord++) {
      if (!replicas[ord - start]) replicas[ord - start] = newVersionedPod(currentSet, updateSet, curName, updName, ord);
    }
    condemned.sort(byOrdinalDescending);
    let firstUnhealthy: Pod | undefined;
    for (const p of replicas) if (!firstUnhealthy && isUnavailable(p, minReady, now)) firstUnhealthy = p;
    for (let i = condemned.length - 1; i >= 0; i--) if (!firstUnhealthy && isUnavailable(condemned[i] as Pod, minReady, now)) firstUnhealthy = condemned[i];
    if (set.metadata.deletionTimestamp) return { status };

    const monotonic = set.spec.podManagementPolicy !== 'Parallel';
    const finish = () => {
      countReplicas(status, minReady, curName, updName, now, replicas, condemned);
      return status;
    };
    try {
      await this.converge(set, updateSet, monotonic, replicas, condemned, firstUnhealthy, now, finish, updName);
    } catch (error) {
      return { status: finish(), error };
    }
    return { status };
  }

  /** The pod steps of updateStatefulSet (replicas, condemned claims, condemned pods, then the rolling update); stops at the first that blocks. */
  private async converge(set: StatefulSet, updateSet: StatefulSet, monotonic: boolean, replicas: Pod[], condemned: Pod[], firstUnhealthy: Pod | undefined, now: number, finish: () => StatefulSetStatus, updName: string): Promise<void> {
    const minReady = set.spec.minReadySeconds ?? 0;
    if (await this.runForAll(replicas.length, (i) => this.processReplica(set, updateSet, monotonic, replicas, i, now), monotonic)) return void finish();
    const fixClaim = async (i: number) => {
      const pod = condemned[i] as Pod;
      if (!(await this.podControl.claimsMatchRetentionPolicy(updateSet, pod))) await this.podControl.updateClaimsForRetentionPolicy(updateSet, pod);
      return false;
    };
    if (await this.runForAll(condemned.length, fixClaim, monotonic)) return void finish();
    if (await this.runForAll(condemned.length, (i) => this.processCondemned(set, firstUnhealthy, monotonic, condemned, i, now), monotonic)) return void finish();
    const status = finish();
    if (set.spec.updateStrategy?.type === 'OnDelete') return;

    // Roll from the highest ordinal down to the partition, one pod at a time.
    const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let target = replicas.length - 1; target >= updateMin; target--) {
      const pod = replicas[target] as Pod;
      if (podRevision(pod) !== updName && !isTerminating(pod)) {
        await this.podControl.deletePod(set, pod);
        status.currentReplicas = (status.currentReplicas ?? 0) - 1;
        return;
      }
      if (isUnavailable(pod, minReady, now)) return;
    }
  }

  /** runForAll: in order, stopping at the first that blocks (monotonic), or all (burst); true when the caller must stop. */
  private async runForAll(n: number, fn: (i: number) => Promise<boolean>, monotonic: boolean): Promise<boolean> {
    if (monotonic) {
      for (let i = 0; i < n; i++) if (await fn(i)) return true;
      return false;
    }
    // slowStartBatch(1, n): batches of 1, 2, 4, ...; an error stops and is returned.
    let done = 0;
    for (let batch = Math.min(n, 1); batch > 0; batch = Math.min(2 * batch, n - done, 500)) {
      const errors: unknown[] = [];
      for (let k = done; k < done + batch; k++) {
        try {
          await fn(k);
        } catch (e) {
          errors.push(e);
        }
      }
      done += batch;
      if (errors.length > 0) throw errors[0];
    }
    return false;
  }

  /** processReplica: recreate finished pods, create missing ones, wait for health (monotonic), restore identity. */
  private async processReplica(set: StatefulSet, updateSet: StatefulSet, monotonic: boolean, replicas: Pod[], i: number, now: number): Promise<boolean> {
    const pod = replicas[i] as Pod;
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') {
      if (!pod.metadata.deletionTimestamp) await this.podControl.deletePod(set, pod);
      return true;
    }
    if (!isCreated(pod)) {
      await this.podControl.createPod(set, pod);
      if (monotonic) return true;
    }
    if (phase === 'Pending') await this.podControl.createMissingClaims(set, pod);
    if (isTerminating(pod) && monotonic) return true;
    if (!isRunningAndReady(pod) && monotonic) return true;
    if (!isRunningAndAvailable(pod, set.spec.minReadySeconds ?? 0, now) && monotonic) return true;
    if (!isCreated(pod)) return false;
    let retentionMatch = true;
    try {
      retentionMatch = await this.podControl.claimsMatchRetentionPolicy(updateSet, pod);
    } catch {
      retentionMatch = true;
    }
    if (identityMatches(set, pod) && storageMatches(set, pod) && retentionMatch) return false;
    await this.podControl.updatePod(updateSet, pod);
    return false;
  }

  /** processCondemned: delete the highest condemned ordinal once its predecessors are healthy (monotonic). */
  private async processCondemned(set: StatefulSet, firstUnhealthy: Pod | undefined, monotonic: boolean, condemned: Pod[], i: number, now: number): Promise<boolean> {
    const pod = condemned[i] as Pod;
    if (isTerminating(pod)) return monotonic;
    if (!isRunningAndReady(pod) && monotonic && pod !== firstUnhealthy) return true;
    if (!isRunningAndAvailable(pod, set.spec.minReadySeconds ?? 0, now) && monotonic && pod !== firstUnhealthy) return true;
    await this.podControl.deletePod(set, pod);
    return true;
  }

  /** truncateHistory: deletes the oldest revisions no pod, current or update uses, down to revisionHistoryLimit. */
  private async truncateHistory(set: StatefulSet, pods: Pod[], revisions: ControllerRevision[], revs: Revisions): Promise<void> {
    const live = new Set<string>([revs.current.metadata.name ?? '', revs.update.metadata.name ?? '', ...pods.map(podRevision)]);
    const history = revisions.filter((r) => !live.has(r.metadata.name ?? ''));
    const limit = set.spec.revisionHistoryLimit ?? 10;
    if (limit < 0 || history.length <= limit) return;
    for (const r of history.slice(0, history.length - limit)) await deleteRevision(this.client, r);
  }
}
