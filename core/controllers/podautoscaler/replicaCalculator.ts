/**
 * The HorizontalPodAutoscaler's replica calculator for resource metrics
 * (pkg/controller/podautoscaler/replica_calculator.go): from the pods' usage (the metrics API)
 * and requests, the replica count that brings the average to the target — within a tolerance
 * of 10 % nothing changes; pods not yet ready (Pending, or within their CPU initialization
 * period) and pods without metrics are left out, then counted conservatively (0 % on a
 * scale-up, 100 % on a scale-down) so that they never push the decision further.
 */
import type { Pod } from '../../api/types';
import { parseQuantity, quantityValue } from '../../apiserver/resources/quantity';

/** --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
export const INITIAL_READINESS_DELAY_MS = 30_000;

/** One pod's metric: the value (milli-units), when it was taken and over which window. */
export interface PodMetric {
  value: number;
  timestamp: number;
  windowMs: number;
}

/** The metrics of the pods, by pod name. */
export type PodMetricsInfo = Map<string, PodMetric>;

/** The result of a replica calculation. */
export interface ReplicaProposal {
  replicas: number;
  /** Average utilization in percent of the requests (Utilization targets). */
  utilization?: number;
  /** Average raw value (milli-units) per pod. */
  rawAverage: number;
}

/** An error of the calculation, with the message the controller reports. */
export class ReplicaCalcError extends Error {}

function parseTime(t: string | null | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** groupPods: ready pods, unready ones, those without metrics, and those to ignore. */
export function groupPods(pods: Pod[], metrics: PodMetricsInfo, resource: string, now: number): { readyCount: number; unready: Set<string>; missing: Set<string>; ignored: Set<string> } {
  const unready = new Set<string>();
  const missing = new Set<string>();
  const ignored = new Set<string>();
  let readyCount = 0;
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const start = parseTime(pod.status?.startTime);
      let isUnready: boolean;
      if (!cond || start === undefined) isUnready = true;
      else {
        const transition = parseTime(cond.lastTransitionTime) ?? 0;
        if (start + CPU_INITIALIZATION_PERIOD_MS > now) isUnready = cond.status === 'False' || metric.timestamp < transition + metric.windowMs;
        else isUnready = cond.status === 'False' && start + INITIAL_READINESS_DELAY_MS > transition;
      }
      if (isUnready) {
        unready.add(name);
        continue;
      }
    }
    readyCount++;
  }
  return { readyCount, unready, missing, ignored };
}

/** calculateRequests: each pod's request of the resource (milli-units); an error when a container has none. */
export function calculateRequests(pods: Pod[], resource: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const pod of pods) {
    let total = 0;
    for (const c of pod.spec.containers) {
      const q = parseQuantity(c.resources?.requests?.[resource]);
      if (!q) throw new ReplicaCalcError(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name ?? ''}`);
      total += Math.round(quantityValue(q) * 1000);
    }
    out.set(pod.metadata.name ?? '', total);
  }
  return out;
}

/** GetResourceUtilizationRatio. */
export function utilizationRatio(metrics: PodMetricsInfo, requests: Map<string, number>, target: number): { ratio: number; utilization: number; rawAverage: number } {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let n = 0;
  for (const [name, m] of metrics) {
    const r = requests.get(name);
    if (r === undefined) continue;
    metricsTotal += m.value;
    requestsTotal += r;
    n++;
  }
  if (requestsTotal === 0) throw new ReplicaCalcError('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(metricsTotal / n) };
}

function withoutPods(metrics: PodMetricsInfo, names: Set<string>): PodMetricsInfo {
  const out: PodMetricsInfo = new Map(metrics);
  for (const n of names) out.delete(n);
  return out;
}

/** GetResourceReplicas: the replicas for a target utilization (percent of requests). */
export function resourceReplicas(current: number, target: number, resource: string, pods: Pod[], all: PodMetricsInfo, now: number): ReplicaProposal {
  if (pods.length === 0) throw new ReplicaCalcError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, all, resource, now);
  const metrics = withoutPods(withoutPods(all, g.ignored), g.unready);
  if (metrics.size === 0) throw new ReplicaCalcError('did not receive metrics for targeted pods (pods might be unready)');
  const requests = calculateRequests(pods, resource);
  const { ratio, utilization, rawAverage } = utilizationRatio(metrics, requests, target);
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - ratio) <= TOLERANCE) return { replicas: current, utilization, rawAverage };
    return { replicas: Math.ceil(ratio * g.readyCount), utilization, rawAverage };
  }
  if (g.missing.size > 0) {
    const fallback = Math.max(100, target);
    for (const name of g.missing) metrics.set(name, { value: ratio < 1 ? Math.trunc(((requests.get(name) ?? 0) * fallback) / 100) : 0, timestamp: now, windowMs: 0 });
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, { value: 0, timestamp: now, windowMs: 0 });
  const next = utilizationRatio(metrics, requests, target).ratio;
  if (Math.abs(1 - next) <= TOLERANCE || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return { replicas: current, utilization, rawAverage };
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return { replicas: current, utilization, rawAverage };
  return { replicas, utilization, rawAverage };
}

/** GetRawResourceReplicas: the replicas for a target average value per pod (milli-units). */
export function rawResourceReplicas(current: number, targetMilli: number, resource: string, pods: Pod[], all: PodMetricsInfo, now: number): ReplicaProposal {
  if (pods.length === 0) throw new ReplicaCalcError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, all, resource, now);
  const metrics = withoutPods(withoutPods(all, g.ignored), g.unready);
  if (metrics.size === 0) throw new ReplicaCalcError('did not receive metrics for targeted pods (pods might be unready)');
  const usage = (m: PodMetricsInfo) => {
    let total = 0;
    for (const v of m.values()) total += v.value;
    const avg = Math.trunc(total / m.size);
    return { ratio: avg / targetMilli, avg };
  };
  const { ratio, avg } = usage(metrics);
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (Math.abs(1 - ratio) <= TOLERANCE) return { replicas: current, rawAverage: avg };
    return { replicas: Math.ceil(ratio * g.readyCount), rawAverage: avg };
  }
  if (g.missing.size > 0) for (const name of g.missing) metrics.set(name, { value: ratio < 1 ? targetMilli : 0, timestamp: now, windowMs: 0 });
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, { value: 0, timestamp: now, windowMs: 0 });
  const next = usage(metrics).ratio;
  if (Math.abs(1 - next) <= TOLERANCE || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return { replicas: current, rawAverage: avg };
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > current) || (next > 1 && replicas < current)) return { replicas: current, rawAverage: avg };
  return { replicas, rawAverage: avg };
}
