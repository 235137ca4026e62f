import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { compareRanked, deletionCost, podsToDelete, rankByNode } from './ranking';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Opts {
  node?: string;
  phase?: 'Pending' | 'Running' | 'Unknown';
  readyAgo?: number;
  createdAgo?: number;
  restarts?: number;
  cost?: string;
  uid?: string;
}

function pod(name: string, o: Opts = {}): Pod {
  return {
    metadata: { name, namespace: 'default', uid: o.uid ?? name, creationTimestamp: iso(o.createdAgo ?? 3_600_000), ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}) },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...(o.node !== undefined ? { nodeName: o.node } : { nodeName: 'n1' }) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.readyAgo !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: iso(o.readyAgo) }] : [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'c', state: {}, lastState: {}, ready: o.readyAgo !== undefined, restartCount: o.restarts ?? 0, image: 'nginx', imageID: '' }],
    },
  };
}

const order = (pods: Pod[], related: Pod[] = []) => podsToDelete(pods, related, pods.length - 1, NOW).map((p) => p.metadata.name);

describe('deletion ranking (ActivePodsWithRanks)', () => {
  it('deletes unscheduled, then pending, then not-ready pods before ready ones', () => {
    const pods = [pod('ready', { readyAgo: 60_000 }), pod('notready'), pod('pending', { phase: 'Pending' }), pod('unscheduled', { node: '', phase: 'Pending' })];
    expect(order(pods)).toEqual(['unscheduled', 'pending', 'notready']);
  });

  it('honours the pod-deletion-cost annotation before readiness time', () => {
    expect(deletionCost(pod('a', { cost: '-5' }))).toBe(-5);
    expect(deletionCost(pod('a', { cost: 'high' }))).toBe(0);
    expect(deletionCost(pod('a', { cost: '99999999999' }))).toBe(0);
    const pods = [pod('cheap', { readyAgo: 3_600_000, cost: '-10' }), pod('dear', { readyAgo: 1000, cost: '10' }), pod('plain', { readyAgo: 1000 })];
    expect(order(pods)).toEqual(['cheap', 'plain']);
  });

  it('prefers pods doubled up on a node with related pods', () => {
    const a = pod('alone', { node: 'n1', readyAgo: 1000 });
    const b = pod('crowded', { node: 'n2', readyAgo: 3_600_000 });
    const c = pod('crowded2', { node: 'n2', readyAgo: 3_600_000 });
    const ranked = rankByNode([a, b, c], [a, b, c]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2]);
    expect(compareRanked(ranked[1]!, ranked[0]!, NOW)).toBeLessThan(0);
  });

  it('deletes the pod ready for less time first, comparing ages in power-of-two buckets', () => {
    const young = pod('young', { readyAgo: 10_000 });
    const old = pod('old', { readyAgo: 3_600_000 });
    expect(order([old, young])).toEqual(['young']);
    // 70 s and 100 s ago fall in the same log2 bucket of nanoseconds: the uid decides.
    const x = pod('x', { readyAgo: 70_000, uid: 'b' });
    const y = pod('y', { readyAgo: 100_000, uid: 'a' });
    expect(order([x, y])).toEqual(['y']);
  });

  it('then more restarts first, then the newer pod', () => {
    const t = 3_600_000;
    expect(order([pod('calm', { readyAgo: t }), pod('crashy', { readyAgo: t, restarts: 4 })])).toEqual(['crashy']);
    expect(order([pod('older', { readyAgo: t, createdAgo: 86_400_000 }), pod('newer', { readyAgo: t, createdAgo: 60_000 })])).toEqual(['newer']);
  });

  it('needs no ranking to delete every pod', () => {
    const pods = [pod('b', { readyAgo: 1 }), pod('a')];
    expect(podsToDelete(pods, [], 2, NOW).map((p) => p.metadata.name)).toEqual(['b', 'a']);
  });
});
