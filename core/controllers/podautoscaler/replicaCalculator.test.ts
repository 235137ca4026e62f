import { describe, expect, it } from 'vitest';
import type { HorizontalPodAutoscaler, Pod } from '../../api/types';
import { normalizeWithBehavior, normalizeWithoutBehavior, type HpaMemory } from './normalize';
import { resourceReplicas, type PodMetricsInfo } from './replicaCalculator';

const T0 = Date.parse('2026-03-01T09:00:00Z');
const NOW = T0 + 600_000;

function pod(name: string, opts: { phase?: string; ready?: boolean; started?: number; request?: string } = {}): Pod {
  const t = new Date(opts.started ?? T0).toISOString();
  return {
    metadata: { name },
    spec: { containers: [{ name: 'c', resources: { requests: { cpu: opts.request ?? '200m' } } }] },
    status: { phase: (opts.phase ?? 'Running') as 'Running', startTime: t, conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', lastTransitionTime: t }] },
  };
}

function metrics(values: Record<string, number>): PodMetricsInfo {
  return new Map(Object.entries(values).map(([k, v]) => [k, { value: v, timestamp: NOW - 5000, windowMs: 10_000 }]));
}

describe('replica calculator (Utilization)', () => {
  it('scales to ceil(ratio × ready pods), and not within the 10 % tolerance', () => {
    expect(resourceReplicas(2, 50, 'cpu', [pod('a'), pod('b')], metrics({ a: 200, b: 200 }), NOW)).toEqual({ replicas: 4, utilization: 100, rawAverage: 200 });
    expect(resourceReplicas(2, 50, 'cpu', [pod('a'), pod('b')], metrics({ a: 105, b: 105 }), NOW).replicas).toBe(2);
    expect(resourceReplicas(4, 50, 'cpu', [pod('a'), pod('b'), pod('c'), pod('d')], metrics({ a: 10, b: 10, c: 10, d: 10 }), NOW).replicas).toBe(1);
  });

  it('counts unready pods as 0 % on a scale-up and missing pods as 100 % on a scale-down', () => {
    // b is Pending: a alone is at 150 %; counting b at 0 % gives 75 %, so ceil(1.5 × 2) = 3.
    const up = resourceReplicas(2, 50, 'cpu', [pod('a'), pod('b', { phase: 'Pending' })], metrics({ a: 300 }), NOW);
    expect(up.replicas).toBe(3);
    // c has no metrics: on a scale-down it counts as using its whole request, which keeps 3.
    const down = resourceReplicas(3, 50, 'cpu', [pod('a'), pod('b'), pod('c')], metrics({ a: 20, b: 20 }), NOW);
    expect(down.replicas).toBe(3);
  });

  it('reports a container without a CPU request', () => {
    expect(() => resourceReplicas(1, 50, 'cpu', [{ ...pod('a'), spec: { containers: [{ name: 'c' }] } }], metrics({ a: 10 }), NOW)).toThrow('missing request for cpu in container c of Pod a');
  });
});

function hpa(behavior?: Record<string, unknown>): HorizontalPodAutoscaler {
  return { metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, ...(behavior ? { behavior } : {}) } };
}

describe('normalization', () => {
  it('without behavior: limits a scale-up to max(2 × current, 4) and holds the highest recommendation for 5 minutes', () => {
    const mem: HpaMemory = { recommendations: [{ replicas: 1, at: T0 }], scaleUp: [], scaleDown: [] };
    const h = hpa();
    expect(normalizeWithoutBehavior(h, mem, 1, 8, 1, T0 + 15_000)).toBe(4);
    expect(h.status?.conditions?.find((c) => c.type === 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
    // The recommendation of 8 (15 s ago) holds: 8, limited by nothing but the scale-up rate from 4.
    expect(normalizeWithoutBehavior(h, mem, 4, 1, 1, T0 + 30_000)).toBe(8);
    expect(h.status?.conditions?.find((c) => c.type === 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized' });
    expect(normalizeWithoutBehavior(h, mem, 4, 1, 1, T0 + 400_000)).toBe(1);
  });

  it('with the default behavior: up by at most 100 % or 4 pods per 15 s, down after the 300 s window', () => {
    const b = { scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] }, scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] } };
    const mem: HpaMemory = { recommendations: [{ replicas: 2, at: T0 }], scaleUp: [], scaleDown: [] };
    const h = hpa(b);
    expect(normalizeWithBehavior(h, mem, 2, 10, 1, T0 + 15_000)).toBe(6);
    expect(h.status?.conditions?.find((c) => c.type === 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
    expect(normalizeWithBehavior(h, mem, 6, 1, 1, T0 + 30_000)).toBe(6);
    expect(normalizeWithBehavior(h, mem, 6, 1, 1, T0 + 400_000)).toBe(1);
  });
});
