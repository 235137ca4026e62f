/**
 * kube-scheduler (pkg/scheduler): pops the next pod from the scheduling queue, runs the
 * default profile's plugins (`plugins/`) through the framework (`framework/`), assumes the pod
 * on the chosen node in its cache and binds it through `pods/binding` while it goes on with
 * the next pod. A pod that fits nowhere gets preemption's try, the `FailedScheduling` event and
 * the `PodScheduled=False` (Unschedulable) condition with the real message, and waits in the
 * queue (`queue/`) for a cluster event that may help. Each decision is kept for `explain(key)`
 * and said on the trace stream.
 */
import { rfc3339 } from '../api/duration';
import { isStatusError } from '../api/status';
import type { Pod } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Random } from '../clock/random';
import type { Client } from '../client/client';
import type { EventsRecorder } from '../client/eventsV1';
import { NO_TRACE, type Tracer } from '../trace/trace';
import { SchedulerCache } from './framework/cache';
import { DecisionLog, explainDecision, type Decision, type Explanation } from './framework/explain';
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage } from './framework/fitError';
import { newPodInfo, type PodInfo } from './framework/podInfo';
import { Framework, type ScheduleResult } from './framework/runtime';
import type { ClusterEvent, PostFilterPlugin, PreBindPlugin, PostFilterResult } from './framework/types';
import { DEFAULT_SCHEDULER, SchedulerInformers } from './informers';
import { defaultPlugins } from './plugins/registry';
import { Nominator } from './queue/nominator';
import { SchedulingQueue, type QueuedPod } from './queue/schedulingQueue';

export { DEFAULT_SCHEDULER } from './informers';
export type { Explanation, NodeVerdict, PluginScore } from './framework/explain';

/** How many bindings may be in flight while the scheduler goes on. */
const MAX_BINDINGS_IN_FLIGHT = 64;

/** Tuning (KubeSchedulerConfiguration). */
export interface SchedulerOptions {
  /** percentageOfNodesToScore; 0 is adaptive (50 − nodes/125, at least 5). */
  percentageOfNodesToScore?: number;
  /** How many recent decisions `explain` keeps. */
  explanations?: number;
}

/** The scheduler. */
export class Scheduler {
  private readonly informers: SchedulerInformers;
  private readonly cache = new SchedulerCache();
  private readonly nominator = new Nominator();
  private readonly queue: SchedulingQueue;
  private readonly framework: Framework;
  private readonly postFilter: PostFilterPlugin[];
  private readonly preBind: PreBindPlugin[];
  private readonly decisions: DecisionLog;
  private readonly bindings = new Set<Promise<void>>();
  private running = false;
  private looping = false;
  private idleWaiters: (() => void)[] = [];
  /** Pods bound by this scheduler (for benchmarks and tests). */
  scheduledCount = 0;

  /** `events`: the scheduler's events.k8s.io recorder (Scheduled, FailedScheduling, Preempted); `trace`: the trace stream. */
  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    random: Random,
    private readonly events?: EventsRecorder,
    private readonly trace: Pick<Tracer, 'emit'> = NO_TRACE,
    options: SchedulerOptions = {},
  ) {
    this.informers = new SchedulerInformers(client, clock, {
      cache: this.cache,
      nominator: this.nominator,
      pending: (key, pod) => this.queue.add(key, pod),
      gone: (key) => this.queue.delete(key),
      event: (e: ClusterEvent) => this.queue.onEvent(e),
    });
    const plugins = defaultPlugins({
      handle: this.informers,
      client,
      clock,
      random,
      ...(events ? { events } : {}),
      filter: (state, pod, node) => this.framework.runFilters(state, pod, node, new Set()),
    });
    this.framework = new Framework(plugins.profile, this.informers, random, options.percentageOfNodesToScore ?? 0);
    this.postFilter = plugins.postFilter;
    this.preBind = plugins.preBind;
    this.queue = new SchedulingQueue(clock, new Map(plugins.all.map((p) => [p.name, p.events ?? []])), () => this.kick());
    this.decisions = new DecisionLog(options.explanations ?? 1000);
  }

  /** Starts the informers, then scheduling. */
  async start(): Promise<void> {
    this.events?.start();
    await this.informers.start();
    this.running = true;
    this.kick();
  }

  /** Stops the scheduler. */
  stop(): void {
    this.running = false;
    this.events?.stop();
    this.informers.stop();
    this.queue.close();
  }

  /** The explanation of the last decision about a pod (`namespace/name`). */
  explain(key: string): Explanation | undefined {
    const d = this.decisions.get(key);
    return d ? explainDecision(d) : undefined;
  }

  /** How many pods wait, per sub-queue. */
  pending(): { active: number; backoff: number; unschedulable: number } {
    return this.queue.counts();
  }

  /** Resolves when the active queue is empty and no binding is in flight. */
  async idle(): Promise<void> {
    if (!this.looping && this.bindings.size === 0) return;
    await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  private kick(): void {
    if (this.looping || !this.running) return;
    this.looping = true;
    void Promise.resolve().then(() => this.loop());
  }

  private async loop(): Promise<void> {
    try {
      while (this.running) {
        const qp = this.queue.pop();
        if (!qp) break;
        await this.scheduleOne(qp);
        if (this.bindings.size >= MAX_BINDINGS_IN_FLIGHT) await Promise.race(this.bindings);
        else await Promise.resolve();
      }
      await Promise.all(this.bindings);
    } finally {
      this.looping = false;
      if (this.bindings.size === 0) this.idleWaiters.splice(0).forEach((r) => r());
    }
    // Something may have been queued after the last pop, while bindings finished.
    if (this.running && this.queue.counts().active > 0) this.kick();
  }

  private async scheduleOne(qp: QueuedPod): Promise<void> {
    const pod = this.informers.pod(qp.key);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp || this.cache.isAssumed(qp.key)) {
      this.queue.done(qp.key);
      return;
    }
    qp.pod = pod;
    const pi = newPodInfo(pod);
    let r: ScheduleResult;
    try {
      r = this.framework.schedule(pi);
    } catch (e) {
      await this.failed(qp, pi, (e as Error).message, new Set(), true, undefined, undefined);
      return;
    }
    const selected = r.selected;
    if (selected) {
      this.record(qp, pod, r, 'Scheduled');
      this.cache.assume(pi, selected.name);
      this.trace.emit({ component: 'kube-scheduler', action: 'schedule', object: `pods/${pi.key}`, message: `chose ${selected.name} for ${pi.key} (${r.feasible.length} of ${r.allNodes.length} nodes fit)` });
      const p = this.bind(qp, pi, r, selected.name);
      this.bindings.add(p);
      void p.finally(() => this.bindings.delete(p));
      return;
    }
    await this.unschedulable(qp, pi, r);
  }

  private async unschedulable(qp: QueuedPod, pi: PodInfo, r: ScheduleResult): Promise<void> {
    let post: PostFilterResult | undefined;
    if (!r.noNodes) {
      for (const p of this.postFilter) {
        try {
          post = await p.postFilter(r.state, pi, r.statuses);
        } catch (e) {
          post = undefined;
          await this.failed(qp, pi, (e as Error).message, r.unschedulablePlugins, true, r, undefined);
          return;
        }
        if (post.status.code === 'Success') break;
      }
    }
    const postFilterMsg = post && post.status.code !== 'Success' ? post.status.message : '';
    const message = r.noNodes ? ERR_NO_NODES_AVAILABLE : fitErrorMessage(r.allNodes.length, { statuses: r.statuses, ...(r.preFilterMsg ? { preFilterMsg: r.preFilterMsg } : {}), ...(postFilterMsg ? { postFilterMsg } : {}) });
    if (post?.victims) {
      this.trace.emit({ component: 'kube-scheduler', action: 'preempt', object: `pods/${pi.key}`, message: `preempted ${post.victims.pods.join(', ')} on ${post.victims.node} for ${pi.key}` });
    }
    await this.failed(qp, pi, message, r.unschedulablePlugins, false, r, post);
  }

  /** handleSchedulingFailure: queue, event, condition and nomination. */
  private async failed(qp: QueuedPod, pi: PodInfo, message: string, plugins: Set<string>, error: boolean, r: ScheduleResult | undefined, post: PostFilterResult | undefined): Promise<void> {
    if (r) {
      this.record(qp, pi.pod, r, error ? 'Error' : 'Unschedulable', message, post);
    }
    const nominated = post?.nominatedNodeName;
    if (nominated !== undefined) this.nominator.set(pi, nominated);
    this.queue.requeueFailed(qp, plugins, error);
    this.trace.emit({ component: 'kube-scheduler', action: 'unschedulable', object: `pods/${pi.key}`, message });
    const live = this.informers.pod(pi.key);
    if (!live || live.spec.nodeName) return;
    this.events?.eventf(live, undefined, 'Warning', 'FailedScheduling', 'Scheduling', message);
    await this.updatePod(live, message, error ? 'SchedulerError' : 'Unschedulable', nominated);
  }

  private record(qp: QueuedPod, pod: Pod, r: ScheduleResult, result: Decision['result'], message?: string, post?: PostFilterResult): void {
    const { state: _state, ...rest } = r;
    const preemption = post ? { ...(post.status.code !== 'Success' ? { message: post.status.message } : {}), ...(post.nominatedNodeName ? { nominatedNode: post.nominatedNodeName } : {}), ...(post.victims ? { victims: post.victims.pods } : {}) } : undefined;
    this.decisions.record({ key: qp.key, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}), time: this.clock.now(), attempt: qp.attempts, result, r: rest, ...(message ? { message } : {}), ...(preemption ? { preemption } : {}) });
  }

  /** The binding cycle: PreBind (volumes), then the Binding; a failure forgets the assumed pod. */
  private async bind(qp: QueuedPod, pi: PodInfo, r: ScheduleResult, node: string): Promise<void> {
    const pod = pi.pod;
    const ns = pi.namespace;
    const name = pod.metadata.name ?? '';
    try {
      for (const p of this.preBind) {
        const s = await p.preBind(r.state, pi, node);
        if (s) throw new Error(`running PreBind plugin "${p.name}": ${s.message}`);
      }
      await this.client.post(
        { resource: 'pods', namespace: ns, name, subresource: 'binding' },
        { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: ns, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) }, target: { apiVersion: 'v1', kind: 'Node', name: node } },
      );
    } catch (e) {
      this.cache.forget(pi.key);
      if (isStatusError(e, 'NotFound') || isStatusError(e, 'Conflict')) {
        // Gone, or bound already: nothing more to do for this pod.
        this.queue.done(pi.key);
        return;
      }
      this.queue.requeueFailed(qp, new Set(), true);
      const live = this.informers.pod(pi.key);
      if (live) this.events?.eventf(live, undefined, 'Warning', 'FailedScheduling', 'Scheduling', `Binding rejected: ${(e as Error).message}`);
      return;
    }
    this.queue.done(pi.key);
    this.nominator.remove(pi.key);
    this.scheduledCount++;
    this.events?.eventf(pod, undefined, 'Normal', 'Scheduled', 'Binding', `Successfully assigned ${ns}/${name} to ${node}`);
    this.trace.emit({ component: 'kube-scheduler', action: 'bind', object: `pods/${pi.key}`, message: `bound ${pi.key} to ${node}` });
  }

  /** updatePod: the PodScheduled condition and the nomination, patched only when they change. */
  private async updatePod(pod: Pod, message: string, reason: string, nominated: string | undefined): Promise<void> {
    const current = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const condChanged = !current || current.status !== 'False' || current.reason !== reason || current.message !== message;
    const nnnChanged = nominated !== undefined && (pod.status?.nominatedNodeName ?? '') !== nominated;
    if (!condChanged && !nnnChanged) return;
    const lastTransitionTime = current && current.status === 'False' ? (current.lastTransitionTime ?? rfc3339(this.clock.now())) : rfc3339(this.clock.now());
    const status: Record<string, unknown> = { conditions: [{ type: 'PodScheduled', status: 'False', reason, message, lastProbeTime: null, lastTransitionTime }] };
    if (nnnChanged) status.nominatedNodeName = nominated === '' ? null : nominated;
    try {
      await this.client.patch({ resource: 'pods', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', subresource: 'status' }, { status });
    } catch (e) {
      if (!isStatusError(e, 'Conflict') && !isStatusError(e, 'NotFound')) throw e;
    }
  }
}

/** The scheduler name a pod asks for. */
export function schedulerNameOf(pod: Pod): string {
  return pod.spec.schedulerName ?? DEFAULT_SCHEDULER;
}
