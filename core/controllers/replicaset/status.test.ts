import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../api/types';
import { REPLICA_SET } from './kinds';
import { slowStartBatch } from './manage';
import { calculateStatus, statusUnchanged } from './status';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function rs(status: ReplicaSet['status'] = {}, minReadySeconds = 0): ReplicaSet {
  return {
    metadata: { name: 'web', namespace: 'default', generation: 2 },
    spec: { replicas: 3, minReadySeconds, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [] } } },
    status,
  };
}

function pod(labels: Record<string, string>, readyAgoMs?: number): Pod {
  const ready = readyAgoMs !== undefined;
  return {
    metadata: { name: 'p', labels },
    spec: { containers: [] },
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: new Date(NOW - (readyAgoMs ?? 0)).toISOString() }] },
  };
}

describe('ReplicaSet status (calculateStatus)', () => {
  it('counts replicas, fully labeled, ready and available (minReadySeconds) pods', () => {
    const pods = [pod({ app: 'web', tier: 'front' }, 60_000), pod({ app: 'web' }, 2_000), pod({ app: 'web', tier: 'front' })];
    expect(calculateStatus(REPLICA_SET, rs({}, 10), pods, undefined, NOW)).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1 });
  });

  it('leaves zero counts out, as the omitempty Go fields', () => {
    expect(calculateStatus(REPLICA_SET, rs({ readyReplicas: 2 }), [], undefined, NOW)).toEqual({ replicas: 0 });
  });

  it('sets ReplicaFailure on a failed create, keeps it while failing, and removes it once pods are managed again', () => {
    const failed = calculateStatus(REPLICA_SET, rs(), [], new Error('pods "web-abcde" is forbidden: exceeded quota: q'), NOW);
    expect(failed.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2026-03-01T12:00:00Z', reason: 'FailedCreate', message: 'pods "web-abcde" is forbidden: exceeded quota: q' }]);
    const again = calculateStatus(REPLICA_SET, rs(failed), [], new Error('another message'), NOW + 5000);
    expect(again.conditions).toEqual(failed.conditions);
    expect(calculateStatus(REPLICA_SET, rs(failed), [], undefined, NOW).conditions).toBeUndefined();
  });

  it('is unchanged only when every count, the generation and the conditions are', () => {
    const status = { replicas: 3, readyReplicas: 3, observedGeneration: 2 };
    expect(statusUnchanged(rs(status), REPLICA_SET, { replicas: 3, readyReplicas: 3 })).toBe(true);
    expect(statusUnchanged(rs({ ...status, observedGeneration: 1 }), REPLICA_SET, { replicas: 3, readyReplicas: 3 })).toBe(false);
    expect(statusUnchanged(rs(status), REPLICA_SET, { replicas: 3, readyReplicas: 2 })).toBe(false);
  });
});

describe('slowStartBatch', () => {
  it('creates in batches of 1, 2, 4, ... and stops after a failing batch', async () => {
    const batches: number[] = [];
    let inFlight = 0;
    let calls = 0;
    const result = await slowStartBatch(10, 1, async () => {
      const n = ++calls;
      inFlight++;
      await Promise.resolve();
      batches.push(inFlight);
      inFlight--;
      if (n === 5) throw new Error('quota');
    });
    // Batches of 1, 2, then 4 (the fifth call fails in it): 7 calls, 6 successes, no batch of 3.
    expect(calls).toBe(7);
    expect(result.successes).toBe(6);
    expect((result.error as Error).message).toBe('quota');
    expect(Math.max(...batches)).toBe(4);
  });

  it('makes every call when all succeed', async () => {
    let calls = 0;
    expect(await slowStartBatch(5, 1, async () => void calls++)).toEqual({ successes: 5 });
    expect(calls).toBe(5);
  });
});
