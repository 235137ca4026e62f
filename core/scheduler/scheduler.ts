/**
 * kube-scheduler: watches pods without a node, runs the filter plugins on every node, scores
 * the ones that fit, binds the pod to the best through `pods/binding`, and keeps an
 * explanation of each decision. A pod that fits nowhere gets `PodScheduled=False`
 * (Unschedulable) with the real message and is retried when the cluster changes.
 */
import { rfc3339 } from '../api/duration';
import { isStatusError } from '../api/status';
import type { Node, Pod } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Random } from '../clock/random';
import type { Client } from '../client/client';
import { Informer, keyOf } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import type { EventsRecorder } from '../client/eventsV1';
import { fitErrorMessage, type Explanation, type FilterPlugin, type NodeInfo, type NodeVerdict, type ScorePlugin } from './framework';
import { leastAllocatedPods, nodeName, nodeResourcesFit, nodeSelector, nodeUnschedulable, taintToleration } from './plugins/basic';

/** The scheduler's name, as pods ask for it in `spec.schedulerName`. */
export const DEFAULT_SCHEDULER = 'default-scheduler';

/** How long an unschedulable pod waits before another attempt when nothing changes. */
const UNSCHEDULABLE_RETRY_MS = 10_000;

/** The scheduler. */
export class Scheduler {
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly queue: WorkQueue;
  private readonly filters: FilterPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeSelector, nodeResourcesFit];
  private readonly scorers: ScorePlugin[] = [leastAllocatedPods];
  private readonly explanations = new Map<string, Explanation>();
  private readonly unschedulable = new Set<string>();

  /** `events`: the scheduler's events.k8s.io recorder (Scheduled, FailedScheduling); none without. */
  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly events?: EventsRecorder,
  ) {
    this.pods = new Informer<Pod>(client, { resource: 'pods' }, clock);
    this.nodes = new Informer<Node>(client, { resource: 'nodes' }, clock);
    this.queue = new WorkQueue(clock, (key) => this.scheduleOne(key));
    this.pods.addHandlers({
      add: (p) => this.enqueueIfPending(p),
      update: (_o, p) => this.enqueueIfPending(p),
      // A pod leaving frees room: give the unschedulable ones another chance.
      delete: (p) => {
        this.explanations.delete(keyOf(p));
        this.retryUnschedulable();
      },
    });
    const onNode = () => this.retryUnschedulable();
    this.nodes.addHandlers({ add: onNode, update: onNode, delete: onNode });
  }

  /** Starts the informers. */
  async start(): Promise<void> {
    this.events?.start();
    await Promise.all([this.nodes.start(), this.pods.start()]);
  }

  /** Stops the scheduler. */
  stop(): void {
    this.events?.stop();
    this.pods.stop();
    this.nodes.stop();
    this.queue.shutdown();
  }

  /** The explanation of the last decision about a pod (`namespace/name`). */
  explain(key: string): Explanation | undefined {
    return this.explanations.get(key);
  }

  private enqueueIfPending(pod: Pod): void {
    if (pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
    if ((pod.spec.schedulerName ?? DEFAULT_SCHEDULER) !== DEFAULT_SCHEDULER) return;
    if (this.unschedulable.has(keyOf(pod))) return;
    this.queue.add(keyOf(pod));
  }

  private retryUnschedulable(): void {
    for (const key of [...this.unschedulable]) {
      this.unschedulable.delete(key);
      this.queue.add(key);
    }
  }

  private nodeInfos(): NodeInfo[] {
    const byNode = new Map<string, Pod[]>();
    for (const p of this.pods.list()) {
      if (!p.spec.nodeName || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      const list = byNode.get(p.spec.nodeName) ?? [];
      list.push(p);
      byNode.set(p.spec.nodeName, list);
    }
    return this.nodes
      .list()
      .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))
      .map((node) => ({ node, pods: byNode.get(node.metadata.name ?? '') ?? [] }));
  }

  private async scheduleOne(key: string): Promise<void> {
    this.unschedulable.delete(key);
    const pod = this.pods.get(key);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
    const infos = this.nodeInfos();
    const verdicts: NodeVerdict[] = [];
    const feasible: { info: NodeInfo; verdict: NodeVerdict }[] = [];
    for (const info of infos) {
      const verdict: NodeVerdict = { node: info.node.metadata.name ?? '' };
      verdicts.push(verdict);
      for (const f of this.filters) {
        const r = f.filter(pod, info);
        if (r) {
          verdict.filteredBy = { plugin: f.name, reasons: r.reasons, unresolvable: r.unresolvable ?? false };
          break;
        }
      }
      if (!verdict.filteredBy) feasible.push({ info, verdict });
    }
    const explanation: Explanation = { pod: key, time: rfc3339(this.clock.now()), verdicts };
    this.remember(key, explanation);
    if (feasible.length === 0) {
      explanation.message = fitErrorMessage(infos.length, verdicts);
      this.unschedulable.add(key);
      this.queue.addAfter(key, UNSCHEDULABLE_RETRY_MS);
      this.events?.eventf(pod, undefined, 'Warning', 'FailedScheduling', 'Scheduling', explanation.message);
      await this.markUnschedulable(pod, explanation.message);
      return;
    }
    let best: { info: NodeInfo; total: number }[] = [];
    for (const { info, verdict } of feasible) {
      verdict.scores = {};
      let total = 0;
      for (const s of this.scorers) {
        const v = s.score(pod, info) * s.weight;
        verdict.scores[s.name] = v;
        total += v;
      }
      verdict.total = total;
      if (best.length === 0 || total > (best[0] as { total: number }).total) best = [{ info, total }];
      else if (total === (best[0] as { total: number }).total) best.push({ info, total });
    }
    // Ties are broken at random, as kube-scheduler does (seeded here, so replays agree).
    const chosen = best[this.random.int(best.length)] as { info: NodeInfo };
    const nodeNameChosen = chosen.info.node.metadata.name ?? '';
    explanation.selected = nodeNameChosen;
    try {
      await this.client.post(
        { resource: 'pods', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', subresource: 'binding' },
        { apiVersion: 'v1', kind: 'Binding', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid }, target: { apiVersion: 'v1', kind: 'Node', name: nodeNameChosen } },
      );
    } catch (e) {
      // Already bound or gone: nothing more to do for this pod.
      if (isStatusError(e, 'Conflict') || isStatusError(e, 'NotFound')) return;
      throw e;
    }
    this.events?.eventf(pod, undefined, 'Normal', 'Scheduled', 'Binding', `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''} to ${nodeNameChosen}`);
  }

  private remember(key: string, e: Explanation): void {
    this.explanations.delete(key);
    this.explanations.set(key, e);
    if (this.explanations.size > 5000) this.explanations.delete(this.explanations.keys().next().value as string);
  }

  private async markUnschedulable(pod: Pod, message: string): Promise<void> {
    const conditions = pod.status?.conditions ?? [];
    const current = conditions.find((c) => c.type === 'PodScheduled');
    if (current && current.status === 'False' && current.message === message) return;
    const updated: Pod = {
      ...pod,
      status: {
        ...pod.status,
        conditions: [
          ...conditions.filter((c) => c.type !== 'PodScheduled'),
          { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()) },
        ],
      },
    };
    try {
      await this.client.update({ resource: 'pods', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', subresource: 'status' }, updated);
    } catch (e) {
      if (!isStatusError(e, 'Conflict') && !isStatusError(e, 'NotFound')) throw e;
    }
  }
}
