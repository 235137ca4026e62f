/**
 * The scheduling queue (pkg/scheduler/backend/queue PriorityQueue): an activeQ ordered by
 * priority then by the time the pod was queued (PrioritySort), a backoffQ for pods waiting out
 * their backoff (1 s doubling per attempt up to 10 s), and the unschedulable pods, moved back
 * when a cluster event concerns a plugin that rejected them (QueueingHints, simplified to the
 * events each plugin registers) or after 5 minutes (checked every 30 s).
 */
import type { Pod } from '../../api/types';
import type { Clock, TimerHandle } from '../../clock/clock';
import type { ClusterEvent } from '../framework/types';
import { KeyedHeap } from './heap';

/** podInitialBackoffDuration. */
export const POD_INITIAL_BACKOFF_MS = 1000;
/** podMaxBackoffDuration. */
export const POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration. */
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
/** How often unschedulable pods are checked for that (flushUnschedulablePodsLeftover). */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;

/** A pod in the queue (framework.QueuedPodInfo). */
export interface QueuedPod {
  key: string;
  pod: Pod;
  /** When it was queued last (activeQ order, backoff start, time in unschedulable). */
  timestamp: number;
  initialAttemptTimestamp?: number;
  attempts: number;
  /** The plugins that rejected it in its last attempt. */
  unschedulablePlugins: Set<string>;
}

function priority(p: Pod): number {
  return p.spec.priority ?? 0;
}

/** The queue. */
export class SchedulingQueue {
  private readonly activeQ = new KeyedHeap<QueuedPod>((a, b) => priority(a.pod) > priority(b.pod) || (priority(a.pod) === priority(b.pod) && a.timestamp < b.timestamp));
  private readonly backoffQ = new KeyedHeap<QueuedPod>((a, b) => this.backoffExpiry(a) < this.backoffExpiry(b));
  private readonly unschedulable = new Map<string, QueuedPod>();
  private readonly inFlight = new Map<string, { cycle: number; pod: QueuedPod }>();
  private schedulingCycle = 0;
  private moveRequestCycle = -1;
  private backoffTimer: { handle: TimerHandle; due: number } | undefined;
  private flushTimer: TimerHandle | undefined;
  private closed = false;

  /**
   * `pluginEvents`: the events each plugin registered; `onActive` is called when a pod
   * becomes ready to be scheduled.
   */
  constructor(
    private readonly clock: Clock,
    private readonly pluginEvents: ReadonlyMap<string, readonly ClusterEvent[]>,
    private readonly onActive: () => void,
  ) {}

  /** How many pods wait, per sub-queue. */
  counts(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.activeQ.size, backoff: this.backoffQ.size, unschedulable: this.unschedulable.size };
  }

  /** Where a pod is. */
  where(key: string): 'active' | 'backoff' | 'unschedulable' | 'inFlight' | undefined {
    if (this.activeQ.has(key)) return 'active';
    if (this.backoffQ.has(key)) return 'backoff';
    if (this.unschedulable.has(key)) return 'unschedulable';
    if (this.inFlight.has(key)) return 'inFlight';
    return undefined;
  }

  /** A new pending pod. */
  add(key: string, pod: Pod): void {
    if (this.closed || this.where(key)) return this.update(key, pod);
    this.activeQ.push(key, { key, pod, timestamp: this.clock.now(), attempts: 0, unschedulablePlugins: new Set() });
    this.onActive();
  }

  /** A pending pod changed: a changed spec or labels give an unschedulable pod another try. */
  update(key: string, pod: Pod): void {
    const inActive = this.activeQ.get(key);
    if (inActive) return this.activeQ.push(key, { ...inActive, pod });
    const inBackoff = this.backoffQ.get(key);
    if (inBackoff) return this.backoffQ.push(key, { ...inBackoff, pod });
    const flying = this.inFlight.get(key);
    if (flying) {
      flying.pod.pod = pod;
      this.moveRequestCycle = this.schedulingCycle;
      return;
    }
    const u = this.unschedulable.get(key);
    if (u) {
      const changed = JSON.stringify([u.pod.spec, u.pod.metadata.labels]) !== JSON.stringify([pod.spec, pod.metadata.labels]);
      u.pod = pod;
      if (changed) {
        this.unschedulable.delete(key);
        this.requeue(u);
      }
      return;
    }
    this.add(key, pod);
  }

  /** A pod was deleted or bound by someone else. */
  delete(key: string): void {
    this.activeQ.delete(key);
    if (this.backoffQ.delete(key)) this.armBackoffTimer();
    this.unschedulable.delete(key);
  }

  /** The next pod to schedule, if any. */
  pop(): QueuedPod | undefined {
    const qp = this.activeQ.pop();
    if (!qp) return undefined;
    qp.attempts++;
    qp.initialAttemptTimestamp ??= this.clock.now();
    this.schedulingCycle++;
    this.inFlight.set(qp.key, { cycle: this.schedulingCycle, pod: qp });
    return qp;
  }

  /** The pod's attempt is over (bound, or handed back with `requeueFailed`). */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /**
   * AddUnschedulableIfNotPresent: a pod that failed. Rejected by plugins, it waits for an event
   * (or for its backoff, if an event came while it was being scheduled); after an error, or
   * rejected by no plugin, it backs off.
   */
  requeueFailed(qp: QueuedPod, plugins: Set<string>, error: boolean): void {
    const flying = this.inFlight.get(qp.key);
    this.inFlight.delete(qp.key);
    if (this.closed) return;
    qp.timestamp = this.clock.now();
    qp.unschedulablePlugins = plugins;
    if (error || plugins.size === 0 || (flying && this.moveRequestCycle >= flying.cycle)) {
      this.toBackoff(qp);
      return;
    }
    this.unschedulable.set(qp.key, qp);
    this.armFlushTimer();
  }

  /** A cluster event: moves the unschedulable pods a rejecting plugin of which cares about it. */
  onEvent(event: ClusterEvent): void {
    this.moveRequestCycle = this.schedulingCycle;
    for (const [key, qp] of [...this.unschedulable]) {
      let interested = false;
      for (const p of qp.unschedulablePlugins) if (this.pluginEvents.get(p)?.includes(event)) interested = true;
      if (!interested) continue;
      this.unschedulable.delete(key);
      this.requeue(qp);
    }
  }

  /** Stops the timers. */
  close(): void {
    this.closed = true;
    if (this.backoffTimer) this.clock.clearTimer(this.backoffTimer.handle);
    if (this.flushTimer) this.clock.clearTimer(this.flushTimer);
    this.backoffTimer = undefined;
    this.flushTimer = undefined;
  }

  /** calculateBackoffDuration. */
  backoffDuration(attempts: number): number {
    if (attempts === 0) return 0;
    let d = POD_INITIAL_BACKOFF_MS;
    for (let i = 1; i < attempts; i++) {
      if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
      d += d;
    }
    return d;
  }

  private backoffExpiry(qp: QueuedPod): number {
    return qp.timestamp + this.backoffDuration(qp.attempts);
  }

  private requeue(qp: QueuedPod): void {
    if (this.backoffExpiry(qp) > this.clock.now()) this.toBackoff(qp);
    else {
      this.activeQ.push(qp.key, qp);
      this.onActive();
    }
  }

  private toBackoff(qp: QueuedPod): void {
    this.backoffQ.push(qp.key, qp);
    this.armBackoffTimer();
  }

  private armBackoffTimer(): void {
    const head = this.backoffQ.peek();
    if (!head) {
      if (this.backoffTimer) this.clock.clearTimer(this.backoffTimer.handle);
      this.backoffTimer = undefined;
      return;
    }
    const due = this.backoffExpiry(head);
    if (this.backoffTimer?.due === due) return;
    if (this.backoffTimer) this.clock.clearTimer(this.backoffTimer.handle);
    this.backoffTimer = { due, handle: this.clock.setTimer(due - this.clock.now(), () => this.flushBackoff()) };
  }

  /** flushBackoffQCompleted. */
  private flushBackoff(): void {
    this.backoffTimer = undefined;
    if (this.closed) return;
    const now = this.clock.now();
    let moved = false;
    for (let head = this.backoffQ.peek(); head && this.backoffExpiry(head) <= now; head = this.backoffQ.peek()) {
      this.backoffQ.pop();
      this.activeQ.push(head.key, head);
      moved = true;
    }
    this.armBackoffTimer();
    if (moved) this.onActive();
  }

  private armFlushTimer(): void {
    if (this.flushTimer || this.closed) return;
    this.flushTimer = this.clock.setTimer(UNSCHEDULABLE_FLUSH_PERIOD_MS, () => {
      this.flushTimer = undefined;
      if (this.closed) return;
      const now = this.clock.now();
      for (const [key, qp] of [...this.unschedulable]) {
        if (now - qp.timestamp < POD_MAX_IN_UNSCHEDULABLE_MS) continue;
        this.unschedulable.delete(key);
        this.requeue(qp);
      }
      if (this.unschedulable.size > 0) this.armFlushTimer();
    });
  }
}
