/**
 * The HPA's resource metrics client (pkg/controller/podautoscaler/metrics/client.go,
 * resourceMetricsClient): lists the PodMetrics of the target's pods from `metrics.k8s.io`
 * through the API server — as the real controller does through the aggregated API — and sums
 * each pod's containers' usage of the resource (milli-units). A pod one of whose containers
 * lacks the resource is left out.
 */
import { parseQuantity, quantityValue } from '../../apiserver/resources/quantity';
import type { Client } from '../../client/client';
import type { PodMetricsInfo } from './replicaCalculator';
import { ReplicaCalcError } from './replicaCalculator';

interface PodMetricsItem {
  metadata: { name?: string };
  timestamp: string;
  window: string;
  containers: { name: string; usage: Record<string, string> }[];
}

/** A Go duration (`10s`, `1m30s`, `10.5s`) in ms. */
export function goDurationMs(text: string): number {
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of text.matchAll(/([0-9.]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * (units[m[2] as string] as number);
  return total;
}

/** GetResourceMetric: the pods' usage of `resource` (and the time of the metrics). */
export async function resourceMetrics(client: Client, resource: string, namespace: string, selector: string, container = ''): Promise<{ metrics: PodMetricsInfo; timestamp: number }> {
  let list: { items: PodMetricsItem[] };
  try {
    list = (await client.list({ group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', namespace }, { labelSelector: selector })) as unknown as { items: PodMetricsItem[] };
  } catch (e) {
    throw new ReplicaCalcError(`unable to fetch metrics from resource metrics API: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (list.items.length === 0) throw new ReplicaCalcError('no metrics returned from resource metrics API');
  const metrics: PodMetricsInfo = new Map();
  let timestamp = 0;
  for (const m of list.items) {
    let sum = 0;
    let ok = true;
    for (const c of m.containers) {
      if (container && c.name !== container) continue;
      const q = parseQuantity(c.usage[resource]);
      if (!q) {
        ok = false;
        break;
      }
      sum += Math.round(quantityValue(q) * 1000);
    }
    if (!ok) continue;
    const ts = Date.parse(m.timestamp);
    timestamp = ts;
    metrics.set(m.metadata.name ?? '', { value: sum, timestamp: ts, windowMs: goDurationMs(m.window) });
  }
  return { metrics, timestamp };
}
