/**
 * The node lifecycle controller (pkg/controller/nodelifecycle, `--controllers=node-lifecycle`,
 * service account `node-controller`). Every `--node-monitor-period` (5 s) it checks each node's
 * signs of life — its Lease in `kube-node-lease` and its Ready heartbeat; after
 * `--node-monitor-grace-period` (40 s in 1.32) without one it sets the kubelet's conditions to
 * Unknown ("Kubelet stopped posting node status."), records `NodeNotReady`, marks the node's pods
 * not Ready and queues the node for the `node.kubernetes.io/unreachable:NoExecute` taint
 * (`not-ready` when the kubelet itself reports Ready=False), added at the zone's eviction rate.
 * The matching NoSchedule taints follow the conditions at once. When the node is Ready again the
 * taints go. Deleting the pods of tainted nodes is the taint eviction controller's work
 * (`taintEviction.ts`).
 */
import type { Condition, Lease, Node, Pod } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { TimerHandle } from '../../clock/clock';
import type { Controller, ControllerContext } from '../manager';
import { getLive } from '../util/live';
import { handleDisruption, type DisruptionState } from './disruption';
import { checkNodeHealth, healthAfterWrite, type NodeHealth } from './health';
import { markPodsNotReady } from './pods';
import { EVICTION_RATE_LIMITER_BURST, RateLimitedTimedQueue, TokenBucket } from './ratelimitedqueue';
import { conditionTaints, managedNoScheduleTaints, NOT_READY_NO_EXECUTE, swapNodeTaints, taintExists, taintSetDiff, UNREACHABLE_NO_EXECUTE } from './taints';
import { DEFAULT_EVICTION_CONFIG, LABEL_EXCLUDE_DISRUPTION, zoneKey, type EvictionConfig } from './zones';

/** The controller's name in `--controllers`. */
export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle';
/** scheduler.NodeEvictionPeriod: how often the NoExecute tainting queues are drained. */
const NODE_EVICTION_PERIOD_MS = 100;
/** The namespace of node heartbeat Leases. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** The pod informer index by node (nodeNameKeyIndex). */
export const POD_NODE_INDEX = 'spec.nodeName';

/** Index function: a pod's node. */
export function podNodeIndex(pod: Pod): string[] {
  return pod.spec?.nodeName ? [pod.spec.nodeName] : [];
}

/** The node lifecycle controller. */
export class NodeLifecycleController implements Controller {
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly leases: Informer<Lease>;
  private readonly recorder: EventRecorder;
  private readonly nodeQueue: WorkQueue;
  private readonly podQueue: WorkQueue;
  private readonly health = new Map<string, NodeHealth>();
  private readonly known = new Map<string, Node>();
  private readonly nodesToRetry = new Set<string>();
  private readonly disruption: DisruptionState = { zoneStates: new Map(), tainters: new Map() };
  private monitorTimer: TimerHandle | undefined;
  private taintTimer: TimerHandle | undefined;
  private stopped = true;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly cfg: EvictionConfig = DEFAULT_EVICTION_CONFIG,
  ) {
    this.nodes = ctx.informers.informer<Node>({ resource: 'nodes' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.leases = ctx.informers.informer<Lease>({ group: 'coordination.k8s.io', version: 'v1', resource: 'leases' });
    this.pods.addIndex(POD_NODE_INDEX, podNodeIndex);
    this.recorder = ctx.recorder('node-controller');
    this.nodeQueue = new WorkQueue(ctx.clock, (name) => this.doNoScheduleTaintingPass(name));
    this.podQueue = new WorkQueue(ctx.clock, (key) => this.processPod(key));
  }

  /** Adds the handlers and starts the monitor loop once the caches are filled. */
  start(): void {
    this.stopped = false;
    this.nodes.addHandlers({ add: (n) => this.nodeQueue.add(n.metadata.name ?? ''), update: (_o, n) => this.nodeQueue.add(n.metadata.name ?? '') });
    const podUpdated = (old: Pod | undefined, pod: Pod) => {
      if (pod.spec?.nodeName && (!old || old.spec?.nodeName !== pod.spec.nodeName)) this.podQueue.add(keyOf(pod));
    };
    this.pods.addHandlers({ add: (p) => podUpdated(undefined, p), update: podUpdated });
    void Promise.all([this.nodes.whenSynced(), this.pods.whenSynced(), this.leases.whenSynced()]).then(() => this.monitorLoop());
  }

  /** Stops the loops. */
  stop(): void {
    this.stopped = true;
    if (this.monitorTimer) this.ctx.clock.clearTimer(this.monitorTimer);
    if (this.taintTimer) this.ctx.clock.clearTimer(this.taintTimer);
    this.nodeQueue.shutdown();
    this.podQueue.shutdown();
  }

  private trace(action: string, node: string, message: string): void {
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: NODE_LIFECYCLE_CONTROLLER, action, object: `nodes/${node}`, message });
  }

  private async monitorLoop(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.monitorNodeHealth();
    } catch {
      // "Error monitoring node health": the next period tries again.
    }
    if (!this.stopped) this.monitorTimer = this.ctx.clock.setTimer(this.ctx.config.nodeMonitorPeriodMs, () => void this.monitorLoop());
  }

  private podsOn(node: string): Pod[] {
    return this.pods.byIndex(POD_NODE_INDEX, node);
  }

  private lease(node: string): Lease | undefined {
    return this.leases.get(`${NODE_LEASE_NAMESPACE}/${node}`);
  }

  private tainter(node: Node): RateLimitedTimedQueue {
    const zone = zoneKey(node);
    let q = this.disruption.tainters.get(zone);
    if (!q) {
      // addPodEvictorForNewZone
      this.disruption.zoneStates.set(zone, 'Initial');
      q = new RateLimitedTimedQueue(new TokenBucket(this.cfg.evictionLimiterQPS, EVICTION_RATE_LIMITER_BURST, this.ctx.clock), this.ctx.clock);
      this.disruption.tainters.set(zone, q);
    }
    return q;
  }

  /** monitorNodeHealth: one pass over every node. */
  async monitorNodeHealth(): Promise<void> {
    const nodes = this.nodes.list().sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    const names = new Set(nodes.map((n) => n.metadata.name ?? ''));
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      this.tainter(node);
      if (this.known.has(name)) continue;
      this.recordNodeEvent(node, 'RegisteredNode', `Registered Node ${name} in Controller`);
      this.known.set(name, node);
      await this.markNodeAsReachable(node);
    }
    for (const [name, node] of [...this.known]) {
      if (names.has(name)) continue;
      this.recordNodeEvent(node, 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
    }
    const zoneConditions = new Map<string, (Condition | undefined)[]>();
    for (const node of nodes) await this.updateNode(node, zoneConditions);
    await handleDisruption(this.disruption, zoneConditions, nodes, this.cfg, {
      markNodeAsReachable: (n) => this.markNodeAsReachable(n),
      resetProbes: (now) => {
        for (const [name, h] of this.health) this.health.set(name, { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
      },
      now: () => this.ctx.clock.now(),
    });
  }

  private recordNodeEvent(node: Node, reason: string, event: string): void {
    const name = node.metadata.name ?? '';
    this.recorder.event({ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }, 'Normal', reason, `Node ${name} event: ${event}`);
  }

  /** The health check of one node, its taint decision and, on the Ready → not Ready transition, its pods. */
  private async updateNode(original: Node, zoneConditions: Map<string, (Condition | undefined)[]>): Promise<void> {
    const name = original.metadata.name ?? '';
    let node = original;
    let result: { observed: Condition; current: Condition | undefined } | undefined;
    for (let attempt = 0; attempt < 5 && !result; attempt++) {
      try {
        result = await this.tryUpdateNodeHealth(node);
      } catch {
        const fresh = await getLive<Node>(this.ctx.client, { resource: 'nodes', name }).catch(() => undefined);
        if (!fresh) return; // the node is gone: no pods will be evicted
        node = fresh;
      }
    }
    if (!result) return;
    const { observed, current } = result;
    if (!(LABEL_EXCLUDE_DISRUPTION in (node.metadata.labels ?? {}))) {
      const zone = zoneKey(node);
      zoneConditions.set(zone, [...(zoneConditions.get(zone) ?? []), current]);
    }
    if (current) {
      const pods = this.podsOn(name);
      await this.processTaintBasedEviction(node, observed);
      const needsRetry = this.nodesToRetry.has(name);
      const becameNotReady = current.status !== 'True' && observed.status === 'True';
      if (becameNotReady) {
        // RecordNodeStatusChange, once per transition.
        this.recorder.event({ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      }
      if (becameNotReady || (needsRetry && observed.status !== 'True')) {
        const errors = await markPodsNotReady(this.ctx.client, this.recorder, pods, name, this.ctx.clock.now());
        if (errors.length > 0) {
          this.nodesToRetry.add(name);
          return;
        }
      }
    }
    this.nodesToRetry.delete(name);
  }

  /** tryUpdateNodeHealth: checks the node and writes its Unknown conditions when due. */
  private async tryUpdateNodeHealth(node: Node): Promise<{ observed: Condition; current: Condition | undefined }> {
    const name = node.metadata.name ?? '';
    const now = this.ctx.clock.now();
    const check = checkNodeHealth(node, this.health.get(name), this.lease(name), now, { monitorMs: this.ctx.config.nodeMonitorGracePeriodMs, startupMs: this.cfg.nodeStartupGracePeriodMs });
    this.health.set(name, check.health);
    if (check.update) {
      const written = await this.ctx.client.update<Node>({ resource: 'nodes', name, subresource: 'status' }, check.update);
      this.health.set(name, healthAfterWrite(check.health, written, now));
      this.trace('NodeStatusUnknown', name, `${name}: no heartbeat for ${Math.round((now - check.health.probeTimestamp) / 1000)}s; conditions set to Unknown`);
    }
    return { observed: check.observedReady, current: check.currentReady };
  }

  /** processTaintBaseEviction: the NoExecute taint the node's Ready condition calls for. */
  private async processTaintBasedEviction(node: Node, observed: Condition): Promise<void> {
    const taints = node.spec?.taints;
    const now = this.ctx.clock.now();
    try {
      if (observed.status === 'False') {
        if (taintExists(taints, UNREACHABLE_NO_EXECUTE)) await swapNodeTaints(this.ctx.client, node.metadata.name ?? '', [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE], now);
        else this.markNodeForTainting(node, 'False');
      } else if (observed.status === 'Unknown') {
        if (taintExists(taints, NOT_READY_NO_EXECUTE)) await swapNodeTaints(this.ctx.client, node.metadata.name ?? '', [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE], now);
        else this.markNodeForTainting(node, 'Unknown');
      } else if (await this.markNodeAsReachable(node)) {
        this.trace('NodeHealthy', node.metadata.name ?? '', `${node.metadata.name ?? ''} is Ready again; NoExecute taints removed`);
      }
    } catch {
      // Tried again on the next pass.
    }
  }

  private markNodeForTainting(node: Node, status: 'False' | 'Unknown'): void {
    const q = this.tainter(node);
    const name = node.metadata.name ?? '';
    if (status === 'False' && !taintExists(node.spec?.taints, NOT_READY_NO_EXECUTE)) q.remove(name);
    if (status === 'Unknown' && !taintExists(node.spec?.taints, UNREACHABLE_NO_EXECUTE)) q.remove(name);
    if (q.add(name, node.metadata.uid ?? '')) this.kickTainting();
  }

  /** markNodeAsReachable: removes both NoExecute taints and forgets the node in its zone's queue. */
  private async markNodeAsReachable(node: Node): Promise<boolean> {
    const name = node.metadata.name ?? '';
    const present = [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE].filter((t) => taintExists(node.spec?.taints, t));
    if (present.length > 0) await swapNodeTaints(this.ctx.client, name, [], present, this.ctx.clock.now());
    return this.tainter(node).remove(name);
  }

  private kickTainting(): void {
    if (this.taintTimer || this.stopped) return;
    this.taintTimer = this.ctx.clock.setTimer(NODE_EVICTION_PERIOD_MS, () => {
      this.taintTimer = undefined;
      void this.doNoExecuteTaintingPass().then(() => {
        if ([...this.disruption.tainters.values()].some((q) => q.pending)) this.kickTainting();
      });
    });
  }

  /** doNoExecuteTaintingPass: taints the queued nodes, as fast as each zone's limiter allows. */
  async doNoExecuteTaintingPass(): Promise<void> {
    for (const [, q] of [...this.disruption.tainters].sort(([a], [b]) => a.localeCompare(b))) {
      await q.try(async (v) => {
        const node = this.nodes.get(v.value);
        if (!node) return { done: true };
        const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
        if (!ready) return { done: false, retryMs: 50 };
        // "unreachable" and "not ready" are mutually exclusive, as Ready Unknown and False are.
        let add = NOT_READY_NO_EXECUTE;
        let opposite = UNREACHABLE_NO_EXECUTE;
        if (ready.status === 'Unknown') [add, opposite] = [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE];
        else if (ready.status !== 'False') return { done: true };
        try {
          await swapNodeTaints(this.ctx.client, v.value, [add], [opposite], this.ctx.clock.now());
          this.trace('TaintNode', v.value, `${v.value} tainted ${add.key}:NoExecute`);
          return { done: true };
        } catch {
          return { done: false, retryMs: 0 };
        }
      });
    }
  }

  /** doNoScheduleTaintingPass: the NoSchedule taints follow the node's conditions. */
  private async doNoScheduleTaintingPass(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (!node) return;
    const { add, remove } = taintSetDiff(conditionTaints(node), managedNoScheduleTaints(node));
    if (add.length === 0 && remove.length === 0) return;
    if (await swapNodeTaints(this.ctx.client, name, add, remove, this.ctx.clock.now())) {
      const what = [...add.map((t) => `+${t.key}:NoSchedule`), ...remove.map((t) => `-${t.key}:NoSchedule`)].join(' ');
      this.trace('TaintNode', name, `${name}: ${what}`);
    }
  }

  /** processPod: a pod newly assigned to a node that is not Ready is marked not Ready too. */
  private async processPod(key: string): Promise<void> {
    const pod = this.pods.get(key);
    const nodeName = pod?.spec?.nodeName;
    if (!pod || !nodeName) return;
    const health = this.health.get(nodeName);
    if (!health || !this.nodes.get(nodeName)) return;
    const ready = health.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'True') return;
    const errors = await markPodsNotReady(this.ctx.client, this.recorder, [pod], nodeName, this.ctx.clock.now());
    if (errors.length > 0) throw errors[0];
  }
}
