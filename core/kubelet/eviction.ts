/**
 * The kubelet's eviction manager for memory (pkg/kubelet/eviction), enough for the "fill a
 * node's memory" fault: every 10 s (the monitoring period) it compares the node's available
 * memory with the hard threshold `memory.available<100Mi`; while it is crossed the node reports
 * MemoryPressure (and keeps reporting it for the 5-minute pressure transition period after), a
 * Warning `EvictionThresholdMet` event is recorded on the node, and one pod per round is evicted —
 * ranked as kubelet 1.32 ranks for memory: pods using more than they request first, then lower
 * priority, then the most usage above requests. Critical pods (static and
 * system-node-critical/system-cluster-critical ones) are never evicted. The evicted pod ends
 * Failed with reason `Evicted`, the real message and the DisruptionTarget condition.
 * Simplified: only the memory signal (no disk, PID, soft thresholds or minimum reclaim).
 */
import type { Pod } from '../api/types';
import type { Clock, TimerHandle } from '../clock/clock';
import type { EventRecorder } from '../client/events';
import { parseQuantity, quantityValue } from '../apiserver/resources/quantity';

/** The hard threshold (`evictionHard: memory.available: 100Mi`, the kubelet's default). */
export const MEMORY_THRESHOLD_BYTES = 100 * 1024 * 1024;
/** How often the manager looks (`evictionMonitoringPeriod`, hard-coded 10 s in the kubelet). */
export const MONITORING_PERIOD_MS = 10_000;
/** How long MemoryPressure stays after the threshold is no longer met (`evictionPressureTransitionPeriod`). */
export const PRESSURE_TRANSITION_MS = 5 * 60_000;

/** A candidate pod: its API object and what each container uses now. */
export interface EvictionCandidate {
  pod: Pod;
  containers: { name: string; memoryBytes: number }[];
}

/** What the manager needs from its kubelet. */
export interface EvictionHost {
  clock: Clock;
  recorder: EventRecorder;
  nodeName: string;
  /** Memory capacity and current use of the node (bytes); undefined while the kubelet is stopped. */
  memory(): { capacity: number; used: number } | undefined;
  /** The running pods of the node. */
  candidates(): EvictionCandidate[];
  /** Ends a pod as evicted (Failed, reason Evicted, `message`). */
  evict(pod: Pod, message: string): void;
}

/** A byte count as resource.Quantity prints it in BinarySI (`52428800` → `50Mi`, `1000` → `1000`). */
export function binaryQuantity(bytes: number): string {
  const n = Math.max(0, Math.round(bytes));
  if (n === 0) return '0';
  const suffixes = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'];
  for (let i = 0; i < suffixes.length; i++) {
    const unit = 1024 ** (6 - i);
    if (n % unit === 0) return `${n / unit}${suffixes[i] ?? ''}`;
  }
  return String(n);
}

function memoryRequest(pod: Pod, container: string): number {
  const q = pod.spec.containers.find((c) => c.name === container)?.resources?.requests?.['memory'];
  const parsed = q === undefined ? undefined : parseQuantity(String(q));
  return parsed ? quantityValue(parsed) : 0;
}

function isCritical(pod: Pod): boolean {
  const source = pod.metadata.annotations?.['kubernetes.io/config.source'];
  if (source !== undefined && source !== 'api') return true;
  return (pod.spec.priority ?? 0) >= 2_000_000_000;
}

function podUsage(c: EvictionCandidate): number {
  return c.containers.reduce((s, x) => s + x.memoryBytes, 0);
}

function podRequest(c: EvictionCandidate): number {
  return c.pod.spec.containers.reduce((s, x) => s + memoryRequest(c.pod, x.name), 0);
}

/** The candidates in eviction order (rankMemoryPressure). */
export function rankForMemory(candidates: EvictionCandidate[]): EvictionCandidate[] {
  const exceeds = (c: EvictionCandidate) => (podUsage(c) > podRequest(c) ? 1 : 0);
  return [...candidates].sort((a, b) => exceeds(b) - exceeds(a) || (a.pod.spec.priority ?? 0) - (b.pod.spec.priority ?? 0) || podUsage(b) - podRequest(b) - (podUsage(a) - podRequest(a)));
}

/** The message of an eviction for memory (evictionMessage). */
export function evictionMessage(c: EvictionCandidate, availableBytes: number): string {
  let message = `The node was low on resource: memory. Threshold quantity: ${binaryQuantity(MEMORY_THRESHOLD_BYTES)}, available: ${binaryQuantity(availableBytes)}. `;
  for (const x of c.containers) {
    const request = memoryRequest(c.pod, x.name);
    if (x.memoryBytes > request) message += `Container ${x.name} was using ${binaryQuantity(x.memoryBytes)}, request is ${binaryQuantity(request)}, has larger consumption of memory. `;
  }
  return message;
}

/** The eviction manager of one kubelet. */
export class EvictionManager {
  private timer: TimerHandle | undefined;
  private lastMet: number | undefined;

  constructor(private readonly host: EvictionHost) {}

  /** Starts the monitoring rounds. */
  start(): void {
    if (this.timer) return;
    const round = () => {
      this.timer = this.host.clock.setTimer(MONITORING_PERIOD_MS, round);
      this.synchronize();
    };
    this.timer = this.host.clock.setTimer(MONITORING_PERIOD_MS, round);
  }

  /** Stops them (a stopped kubelet evicts nothing). */
  stop(): void {
    if (this.timer) this.host.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** Whether the node reports MemoryPressure now (threshold met, or met within the transition period). */
  underPressure(): boolean {
    if (this.thresholdMet() !== undefined) return true;
    return this.lastMet !== undefined && this.host.clock.now() - this.lastMet < PRESSURE_TRANSITION_MS;
  }

  /** The available bytes when below the threshold, else undefined. */
  private thresholdMet(): number | undefined {
    const m = this.host.memory();
    if (!m) return undefined;
    const available = m.capacity - m.used;
    return available < MEMORY_THRESHOLD_BYTES ? Math.max(0, available) : undefined;
  }

  /** One round: evict at most one pod when the threshold is crossed. */
  synchronize(): void {
    const available = this.thresholdMet();
    if (available === undefined) return;
    this.lastMet = this.host.clock.now();
    const node = { apiVersion: 'v1', kind: 'Node', name: this.host.nodeName, uid: this.host.nodeName };
    this.host.recorder.event(node, 'Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory');
    const victim = rankForMemory(this.host.candidates().filter((c) => !isCritical(c.pod)))[0];
    if (!victim) return;
    const message = evictionMessage(victim, available);
    this.host.recorder.event(victim.pod, 'Warning', 'Evicted', message);
    this.host.evict(victim.pod, message);
  }
}
