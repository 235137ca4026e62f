/**
 * syncDaemonSet (pkg/controller/daemon): builds the revisions, then — once the pod creations and
 * deletions asked for before have been observed — manages the pods node by node, runs one step of
 * the update strategy, prunes old revisions, and always writes the status.
 */
import { isStatusError } from '../../api/status';
import type { ControllerRevision, DaemonSet, Node, Pod } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { selectorIsEmpty, selectorMatches } from '../../apiserver/resources/selector';
import type { ControllerContext } from '../manager';
import { claimObjects, recheckOwner } from '../history/adoption';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/revisions';
import { controllerRef } from '../util/controllerRef';
import { podFromTemplate, podNamePrefix } from '../util/pods';
import type { Expectations } from './expectations';
import { DaemonSetHistory, daemonSetRef } from './history';
import { allowsSurge, rollingUpdateStep } from './rolling';
import { daemonPodTemplate, pinToNode, podsShouldBeOnNode, targetNodeName } from './pods';
import { daemonSetCounts, statusBody, statusUpToDate } from './status';

/** BurstReplicas: the most creations (and deletions) of one sync. */
export const BURST_REPLICAS = 250;

/** SlowStartInitialBatchSize. */
const SLOW_START_INITIAL_BATCH = 1;

/** The informers the sync reads. */
export interface DaemonSetListers {
  daemonSets: Informer<DaemonSet>;
  revisions: Informer<ControllerRevision>;
  pods: Informer<Pod>;
  nodes: Informer<Node>;
}

const INSTANCE = 'daemonset';

function message(e: unknown): string {
  return isStatusError(e) ? e.status.message ?? String(e) : e instanceof Error ? e.message : String(e);
}

/** The work of the DaemonSet controller for one key. */
export class DaemonSetSync {
  private readonly recorder: EventRecorder;
  private readonly history: DaemonSetHistory;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly listers: DaemonSetListers,
    private readonly expectations: Expectations,
    private readonly enqueueAfter: (key: string, ms: number) => void,
  ) {
    this.recorder = ctx.recorder('daemonset-controller');
    this.history = new DaemonSetHistory(ctx.client, listers.revisions);
  }

  /** syncDaemonSet. */
  async sync(key: string): Promise<void> {
    const ds = this.listers.daemonSets.get(key);
    if (!ds) {
      this.expectations.delete(key);
      return;
    }
    const nodes = [...this.listers.nodes.list()].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    if (selectorIsEmpty(ds.spec.selector)) {
      this.recorder.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return;
    }
    if (ds.metadata.deletionTimestamp) return;
    const { cur, old } = await this.history.construct(ds, (hash) => this.relabelPods(ds, hash));
    const hash = cur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
    if (!this.expectations.satisfied(key)) {
      await this.updateStatus(ds, nodes, hash, false);
      return;
    }
    let error: unknown;
    try {
      await this.manage(ds, nodes, hash);
      if (this.expectations.satisfied(key) && ds.spec.updateStrategy?.type === 'RollingUpdate') {
        const step = rollingUpdateStep(ds, nodes, await this.podsByNode(ds, false), hash, this.ctx.clock.now());
        await this.syncNodes(ds, step.delete, step.create, hash);
      }
      await this.history.cleanup(ds, old, [...(await this.podsByNode(ds, true)).values()].flat());
    } catch (e) {
      error = e;
    }
    try {
      await this.updateStatus(ds, nodes, hash, true);
    } catch (e) {
      error ??= e;
    }
    if (error) throw error;
  }

  /** getNodesToDaemonPods: the claimed daemon pods by target node (finished pods being deleted only with `includeDeletedTerminal`). */
  async podsByNode(ds: DaemonSet, includeDeletedTerminal: boolean): Promise<Map<string, Pod[]>> {
    const ns = ds.metadata.namespace ?? '';
    const claimed = await claimObjects(this.listers.pods.byIndex('namespace', ns), {
      client: this.ctx.client,
      parent: ds,
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      resource: { resource: 'pods' },
      matches: (p) => selectorMatches(ds.spec.selector, p.metadata.labels),
      canAdopt: recheckOwner(this.ctx.client, daemonSetRef(ns, ds.metadata.name), ds.metadata.uid),
    });
    const out = new Map<string, Pod[]>();
    for (const pod of claimed) {
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (!includeDeletedTerminal && terminal && pod.metadata.deletionTimestamp) continue;
      const node = targetNodeName(pod);
      if (node === undefined) continue;
      const list = out.get(node) ?? [];
      list.push(pod);
      out.set(node, list);
    }
    return out;
  }

  /** manage: creates the missing daemon pods and deletes the ones that should go. */
  private async manage(ds: DaemonSet, nodes: readonly Node[], hash: string): Promise<void> {
    const byNode = await this.podsByNode(ds, false);
    const create: string[] = [];
    const del: string[] = [];
    const surge = allowsSurge(ds);
    const now = this.ctx.clock.now();
    for (const node of nodes) {
      const plan = podsShouldBeOnNode(node, ds, byNode.get(node.metadata.name ?? ''), hash, surge, now);
      for (const e of plan.events) this.recorder.event(ds, e.type, e.reason, e.message);
      if (plan.create) create.push(node.metadata.name ?? '');
      del.push(...plan.delete);
    }
    // Pods pinned to nodes that no longer exist are never scheduled: delete them.
    const existing = new Set(nodes.map((n) => n.metadata.name ?? ''));
    for (const [node, pods] of byNode) if (!existing.has(node)) for (const p of pods) if (!p.spec.nodeName) del.push(p.metadata.name ?? '');
    await this.syncNodes(ds, del, create, hash);
  }

  /** syncNodes: deletes pods and creates one daemon pod per node, in slow-start batches, with expectations. */
  private async syncNodes(ds: DaemonSet, podsToDelete: readonly string[], nodesNeedingPods: readonly string[], hash: string): Promise<void> {
    const key = keyOf(ds);
    const createDiff = Math.min(nodesNeedingPods.length, BURST_REPLICAS);
    const deleteDiff = Math.min(podsToDelete.length, BURST_REPLICAS);
    this.expectations.set(key, createDiff, deleteDiff);
    const errors: unknown[] = [];
    const template = daemonPodTemplate(ds, hash);
    let batch = Math.min(createDiff, SLOW_START_INITIAL_BATCH);
    for (let pos = 0; pos < createDiff; ) {
      const before = errors.length;
      for (let i = pos; i < pos + batch; i++) await this.createPod(ds, template, nodesNeedingPods[i] as string, errors);
      pos += batch;
      const skipped = createDiff - pos;
      if (errors.length > before && skipped > 0) {
        this.expectations.lower(key, skipped, 0);
        break;
      }
      batch = Math.min(2 * batch, createDiff - pos);
    }
    for (const name of podsToDelete.slice(0, deleteDiff)) await this.deletePod(ds, name, errors);
    if (errors.length > 0) throw errors[0];
  }

  private async createPod(ds: DaemonSet, template: ReturnType<typeof daemonPodTemplate>, nodeName: string, errors: unknown[]): Promise<void> {
    const ns = ds.metadata.namespace ?? '';
    const pod = podFromTemplate(pinToNode(JSON.parse(JSON.stringify(template)), nodeName), ns, controllerRef(ds, 'apps/v1', 'DaemonSet'), { generateName: podNamePrefix(ds.metadata.name ?? '') });
    try {
      const created = await this.ctx.client.create<Pod>({ resource: 'pods', namespace: ns }, pod);
      const name = created.metadata.name ?? '';
      this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`);
      this.ctx.trace.emit({ component: 'kube-controller-manager', instance: INSTANCE, action: 'create', object: `pods/${ns}/${name}`, message: `DaemonSet ${ds.metadata.name ?? ''} created pod ${name} for node ${nodeName}` });
    } catch (e) {
      const terminating = isStatusError(e) && (e.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');
      if (terminating) return;
      this.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${message(e)}`);
      this.expectations.creationObserved(keyOf(ds));
      errors.push(e);
    }
  }

  private async deletePod(ds: DaemonSet, name: string, errors: unknown[]): Promise<void> {
    const ns = ds.metadata.namespace ?? '';
    try {
      await this.ctx.client.delete({ resource: 'pods', namespace: ns, name });
      this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
      this.ctx.trace.emit({ component: 'kube-controller-manager', instance: INSTANCE, action: 'delete', object: `pods/${ns}/${name}`, message: `DaemonSet ${ds.metadata.name ?? ''} deleted pod ${name}` });
    } catch (e) {
      this.expectations.deletionObserved(keyOf(ds));
      if (isStatusError(e, 'NotFound')) return;
      this.recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${message(e)}`);
      errors.push(e);
    }
  }

  /** Relabels the DaemonSet's pods with the kept revision's hash (dedupCurHistories). */
  private async relabelPods(ds: DaemonSet, hash: string): Promise<void> {
    for (const pods of (await this.podsByNode(ds, true)).values()) {
      for (const pod of pods) {
        if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) continue;
        await this.ctx.client.patch({ resource: 'pods', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' }, { metadata: { labels: { [CONTROLLER_REVISION_HASH_LABEL]: hash } } }, 'application/merge-patch+json');
      }
    }
  }

  /** updateDaemonSetStatus + storeDaemonSetStatus (one retry on a fresh read). */
  private async updateStatus(ds: DaemonSet, nodes: readonly Node[], hash: string, updateObservedGeneration: boolean): Promise<void> {
    const now = this.ctx.clock.now();
    const counts = daemonSetCounts(ds, nodes, await this.podsByNode(ds, false), hash, now);
    if (!statusUpToDate(ds, counts)) {
      const ns = ds.metadata.namespace ?? '';
      let target = ds;
      for (let attempt = 0; ; attempt++) {
        const status = statusBody(target.status, counts, updateObservedGeneration ? (ds.metadata.generation ?? 0) : undefined);
        try {
          await this.ctx.client.update(daemonSetRef(ns, ds.metadata.name, 'status'), { ...target, status });
          break;
        } catch (e) {
          if (attempt >= 1) throw e;
          target = await this.ctx.client.get<DaemonSet>(daemonSetRef(ns, ds.metadata.name));
        }
      }
    }
    const minReady = ds.spec.minReadySeconds ?? 0;
    if (minReady > 0 && counts.numberReady !== counts.numberAvailable) this.enqueueAfter(keyOf(ds), minReady * 1000);
  }
}
