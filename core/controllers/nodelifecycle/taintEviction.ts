/**
 * The taint eviction controller (pkg/controller/tainteviction, `--controllers=taint-eviction-
 * controller`; kube-controller-manager runs it with the `node-controller` service account). A pod
 * on a node with NoExecute taints it does not all tolerate is deleted at once; a pod that
 * tolerates them for a while (`tolerationSeconds`: the DefaultTolerationSeconds admission gives
 * every pod 300 s for `not-ready` and `unreachable`) is deleted when the shortest of those runs
 * out, counted from when the controller saw the taint. Before deleting it records
 * `TaintManagerEviction` ("Marking for deletion Pod ns/name") and gives the pod the
 * `DisruptionTarget` condition (`DeletionByTaintManager`); when the taints go before that, the
 * deletion is cancelled ("Cancelling deletion of Pod ns/name").
 */
import { isStatusError } from '../../api/status';
import type { Node, Pod, Taint } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { TimerHandle } from '../../clock/clock';
import type { Controller, ControllerContext } from '../manager';
import { getLive } from '../util/live';
import { POD_NODE_INDEX, podNodeIndex } from './controller';
import { updatePodCondition } from './pods';
import { matchingTolerations, minTolerationMs, noExecuteTaints } from './taints';

/** The controller's name, also its events' source component. */
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
/** How often a deletion is tried before giving up (retries). */
const RETRIES = 5;

/** A scheduled deletion (TimedWorker); `timer` undefined once it fired. */
interface Eviction {
  createdAt: number;
  fireAt: number;
  timer: TimerHandle | undefined;
}

/** The taint eviction controller. */
export class TaintEvictionController implements Controller {
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly recorder: EventRecorder;
  private readonly queue: WorkQueue;
  private readonly taintedNodes = new Map<string, Taint[]>();
  private readonly evictions = new Map<string, Eviction>();
  private stopped = true;

  constructor(private readonly ctx: ControllerContext) {
    this.nodes = ctx.informers.informer<Node>({ resource: 'nodes' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.pods.addIndex(POD_NODE_INDEX, podNodeIndex);
    this.recorder = ctx.recorder(TAINT_EVICTION_CONTROLLER);
    this.queue = new WorkQueue(ctx.clock, (key) => (key.startsWith('node/') ? this.handleNodeUpdate(key.slice(5)) : this.handlePodUpdate(key.slice(4))));
  }

  /** Adds the handlers: node taint changes and pod toleration or node changes. */
  start(): void {
    this.stopped = false;
    const nodeUpdated = (old: Node | undefined, node: Node) => {
      if (old && JSON.stringify(noExecuteTaints(old.spec?.taints)) === JSON.stringify(noExecuteTaints(node.spec?.taints))) return;
      this.queue.add(`node/${node.metadata.name ?? ''}`);
    };
    this.nodes.addHandlers({ add: (n) => nodeUpdated(undefined, n), update: nodeUpdated, delete: (n) => this.queue.add(`node/${n.metadata.name ?? ''}`) });
    const podUpdated = (old: Pod | undefined, pod: Pod) => {
      if (old && JSON.stringify(old.spec?.tolerations ?? []) === JSON.stringify(pod.spec?.tolerations ?? []) && old.spec?.nodeName === pod.spec?.nodeName) return;
      this.queue.add(`pod/${keyOf(pod)}`);
    };
    this.pods.addHandlers({ add: (p) => podUpdated(undefined, p), update: podUpdated, delete: (p) => this.queue.add(`pod/${keyOf(p)}`) });
  }

  /** Stops the controller and its pending deletions. */
  stop(): void {
    this.stopped = true;
    this.queue.shutdown();
    for (const e of this.evictions.values()) if (e.timer) this.ctx.clock.clearTimer(e.timer);
    this.evictions.clear();
  }

  /** The deletion scheduled for a pod (`namespace/name`), for the lab API and tests. */
  scheduledEviction(podKey: string): { createdAt: number; fireAt: number } | undefined {
    const e = this.evictions.get(podKey);
    return e?.timer ? { createdAt: e.createdAt, fireAt: e.fireAt } : undefined;
  }

  private trace(action: string, podKey: string, message: string): void {
    const [ns, name] = podKey.split('/');
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: TAINT_EVICTION_CONTROLLER, action, object: `pods/${ns ?? ''}/${name ?? ''}`, message });
  }

  private async handleNodeUpdate(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (!node) {
      this.taintedNodes.delete(name);
      return;
    }
    const taints = noExecuteTaints(node.spec?.taints);
    if (taints.length === 0) this.taintedNodes.delete(name);
    else this.taintedNodes.set(name, taints);
    const pods = this.pods.byIndex(POD_NODE_INDEX, name);
    if (taints.length === 0) {
      for (const p of pods) this.cancel(keyOf(p));
      return;
    }
    const now = this.ctx.clock.now();
    for (const p of pods) this.processPodOnNode(keyOf(p), p, taints, now);
  }

  private async handlePodUpdate(key: string): Promise<void> {
    const pod = this.pods.get(key);
    if (!pod) {
      this.cancel(key);
      return;
    }
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) return;
    const taints = this.taintedNodes.get(nodeName);
    if (!taints) return;
    this.processPodOnNode(key, pod, taints, this.ctx.clock.now());
  }

  /** processPodOnNode: delete now, later, or never. */
  private processPodOnNode(key: string, pod: Pod, taints: Taint[], now: number): void {
    if (taints.length === 0) this.cancel(key);
    const { all, used } = matchingTolerations(taints, pod.spec?.tolerations);
    if (!all) {
      this.cancel(key);
      this.addWork(key, now, now);
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) {
      this.cancel(key);
      return;
    }
    let start = now;
    const scheduled = this.evictions.get(key);
    if (scheduled?.timer) {
      start = scheduled.createdAt;
      if (start + min < now + min) return;
      this.cancel(key);
    }
    this.addWork(key, start, start + min);
  }

  /** TimedWorkerQueue.AddWork: nothing if work for the pod exists (or has run). */
  private addWork(key: string, createdAt: number, fireAt: number): void {
    if (this.evictions.has(key) || this.stopped) return;
    const delay = fireAt - createdAt;
    const eviction: Eviction = { createdAt, fireAt, timer: undefined };
    this.evictions.set(key, eviction);
    if (delay <= 0) {
      void this.deletePod(key);
      return;
    }
    eviction.timer = this.ctx.clock.setTimer(Math.max(0, fireAt - this.ctx.clock.now()), () => {
      eviction.timer = undefined;
      void this.deletePod(key);
    });
    this.trace('ScheduleEviction', key, `${key} will be deleted in ${Math.round(delay / 1000)}s unless the NoExecute taints go`);
  }

  /** cancelWorkWithEvent. */
  private cancel(key: string): void {
    const e = this.evictions.get(key);
    if (!e) return;
    this.evictions.delete(key);
    if (!e.timer) return;
    this.ctx.clock.clearTimer(e.timer);
    const [namespace, name] = key.split('/');
    this.recorder.event({ apiVersion: 'v1', kind: 'Pod', name: name ?? '', namespace: namespace ?? '' }, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
    this.trace('CancelEviction', key, `${key}: taints removed, deletion cancelled`);
  }

  /** deletePodHandler: the event, the DisruptionTarget condition, the deletion (retried). */
  private async deletePod(key: string): Promise<void> {
    if (this.stopped) return;
    const [namespace = '', name = ''] = key.split('/');
    this.recorder.event({ apiVersion: 'v1', kind: 'Pod', name, namespace }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    this.trace('EvictPod', key, `deleting ${key}: NoExecute taint not tolerated`);
    for (let i = 0; i < RETRIES; i++) {
      try {
        await this.addConditionAndDeletePod(namespace, name);
        return;
      } catch (e) {
        if (isStatusError(e, 'NotFound')) return;
      }
    }
    // Failed: forget the work so that a later update tries again.
    this.evictions.delete(key);
  }

  private async addConditionAndDeletePod(namespace: string, name: string): Promise<void> {
    const ref = { resource: 'pods', namespace, name };
    const pod = await getLive<Pod>(this.ctx.client, ref);
    if (!pod) return;
    const status = { ...(pod.status ?? {}), conditions: [...(pod.status?.conditions ?? [])] };
    const condition = { type: 'DisruptionTarget', status: 'True' as const, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
    if (updatePodCondition(status, condition, this.ctx.clock.now())) {
      await this.ctx.client.update({ ...ref, subresource: 'status' }, { ...pod, status });
    }
    await this.ctx.client.delete(ref);
  }
}
