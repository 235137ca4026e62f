import { describe, expect, it } from 'vitest';
import type { Condition, Lease, Node } from '../../api/types';
import { ManualClock } from '../../clock/clock';
import { checkNodeHealth } from './health';
import { RateLimitedTimedQueue, TokenBucket } from './ratelimitedqueue';
import { conditionTaints, matchingTolerations, minTolerationMs, taintSetDiff, toleratesTaint } from './taints';
import { computeZoneState, zoneKey, zoneQPS, DEFAULT_EVICTION_CONFIG } from './zones';

const T0 = Date.parse('2026-03-01T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function node(ready: Condition['status'], heartbeat: number, extra: Partial<Node['spec']> = {}): Node {
  const c = (type: string, status: Condition['status']): Condition => ({ type, status, lastHeartbeatTime: iso(heartbeat), lastTransitionTime: iso(T0), reason: 'KubeletReady', message: 'kubelet is posting ready status' });
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', creationTimestamp: iso(T0) }, spec: { ...extra }, status: { conditions: [c('MemoryPressure', 'False'), c('Ready', ready)] } };
}

const GRACE = { monitorMs: 40_000, startupMs: 60_000 };

describe('taints and tolerations', () => {
  it('matches tolerations as ToleratesTaint does and takes the shortest tolerationSeconds of the first matches', () => {
    const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' as const };
    expect(toleratesTaint({ operator: 'Exists' }, unreachable)).toBe(true);
    expect(toleratesTaint({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }, unreachable)).toBe(false);
    expect(toleratesTaint({ key: 'dedicated', value: 'db' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' })).toBe(true);
    expect(toleratesTaint({ key: 'dedicated', value: 'web' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' })).toBe(false);
    const tol = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 }];
    const m = matchingTolerations([unreachable], tol);
    expect(m.all).toBe(true);
    expect(minTolerationMs(m.used)).toBe(300_000);
    expect(matchingTolerations([unreachable, { key: 'x', effect: 'NoExecute' }], tol).all).toBe(false);
    expect(minTolerationMs([{ operator: 'Exists' }])).toBe(-1);
    expect(minTolerationMs([{ operator: 'Exists', tolerationSeconds: 0 }])).toBe(0);
  });

  it('derives NoSchedule taints from conditions and cordoning', () => {
    const n = node('Unknown', T0, { unschedulable: true });
    expect(conditionTaints(n).map((t) => t.key)).toEqual(['node.kubernetes.io/unreachable', 'node.kubernetes.io/unschedulable']);
    const diff = taintSetDiff(conditionTaints(node('False', T0)), [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]);
    expect(diff).toEqual({ add: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }], remove: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }] });
  });
});

describe('node health', () => {
  it('turns the conditions Unknown once no heartbeat and no lease renewal came for the grace period', () => {
    const n = node('True', T0);
    let h = checkNodeHealth(n, undefined, undefined, T0, GRACE);
    expect(h.update).toBeUndefined();
    h = checkNodeHealth(n, h.health, undefined, T0 + 40_000, GRACE);
    expect(h.update).toBeUndefined();
    h = checkNodeHealth(n, h.health, undefined, T0 + 41_000, GRACE);
    const ready = h.update?.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: iso(T0), lastTransitionTime: iso(T0 + 41_000) });
    expect(h.update?.status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status).toBe('Unknown');
    expect(h.observedReady.status).toBe('True');
  });

  it('counts a renewed Lease as a sign of life', () => {
    const n = node('True', T0);
    const lease = (ms: number): Lease => ({ metadata: { name: 'n1', namespace: 'kube-node-lease' }, spec: { renewTime: new Date(ms).toISOString() } });
    let h = checkNodeHealth(n, undefined, lease(T0), T0, GRACE);
    for (let t = 10_000; t <= 120_000; t += 10_000) {
      h = checkNodeHealth(n, h.health, lease(T0 + t), T0 + t, GRACE);
      expect(h.update).toBeUndefined();
    }
    h = checkNodeHealth(n, h.health, lease(T0 + 120_000), T0 + 160_001, GRACE);
    expect(h.update).toBeDefined();
  });
});

describe('zones and the tainting queue', () => {
  it('computes zone states as ComputeZoneState and picks the eviction rate', () => {
    const c = (s: Condition['status']): Condition => ({ type: 'Ready', status: s });
    expect(computeZoneState([c('True'), c('Unknown')], 0.55).state).toBe('Normal');
    expect(computeZoneState([c('Unknown'), c('False')], 0.55).state).toBe('FullDisruption');
    expect(computeZoneState([c('True'), c('Unknown'), c('Unknown'), c('False')], 0.55).state).toBe('PartialDisruption');
    expect(zoneQPS('PartialDisruption', 10, DEFAULT_EVICTION_CONFIG)).toBe(0);
    expect(zoneQPS('PartialDisruption', 60, DEFAULT_EVICTION_CONFIG)).toBe(0.01);
    expect(zoneQPS('Normal', 3, DEFAULT_EVICTION_CONFIG)).toBe(0.1);
    expect(zoneKey({ metadata: { labels: { 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'a' } }, spec: {} })).toBe('r:\u0000:a');
  });

  it('processes one node per 10 s at 0.1 qps and each node once until removed', async () => {
    const clock = new ManualClock(T0);
    const q = new RateLimitedTimedQueue(new TokenBucket(0.1, 1, clock), clock);
    const done: string[] = [];
    const act = async (v: { value: string }) => {
      done.push(v.value);
      return { done: true };
    };
    expect(q.add('a', '1')).toBe(true);
    expect(q.add('b', '2')).toBe(true);
    expect(q.add('a', '1')).toBe(false);
    await q.try(act);
    expect(done).toEqual(['a']);
    clock.advance(5000);
    await q.try(act);
    expect(done).toEqual(['a']);
    clock.advance(5000);
    await q.try(act);
    expect(done).toEqual(['a', 'b']);
    expect(q.add('a', '1')).toBe(false);
    q.remove('a');
    expect(q.add('a', '1')).toBe(true);
    q.swapLimiter(0);
    clock.advance(60_000);
    await q.try(act);
    expect(done).toEqual(['a', 'b']);
  });
});
