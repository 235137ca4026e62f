import { describe, expect, it } from 'vitest';
import { deployment, replicaSet } from '../testing';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, isSaturated, maxSurge, maxUnavailable, newRSNewReplicas, proportion, resolveFenceposts, scaledValue } from './replicas';

describe('maxSurge and maxUnavailable', () => {
  it('resolve percentages as Kubernetes does: a surge rounds up, an unavailability down', () => {
    expect(scaledValue('25%', 10, true)).toBe(3);
    expect(scaledValue('25%', 10, false)).toBe(2);
    expect(scaledValue(2, 10, false)).toBe(2);
    expect(resolveFenceposts('25%', '25%', 4)).toEqual([1, 1]);
    expect(resolveFenceposts('25%', '25%', 3)).toEqual([1, 0]);
    expect(() => scaledValue('25', 10, true)).toThrow(/not a percentage/);
  });

  it('never resolve both to 0: maxUnavailable becomes 1', () => {
    expect(resolveFenceposts('0%', '10%', 5)).toEqual([0, 1]);
    expect(maxUnavailable(deployment(5, { maxSurge: 0, maxUnavailable: '10%' }))).toBe(1);
  });

  it('cap maxUnavailable at the replicas and are 0 for Recreate', () => {
    expect(maxUnavailable(deployment(2, { maxUnavailable: 5, maxSurge: 1 }))).toBe(2);
    expect(maxUnavailable(deployment(0, { maxUnavailable: 5 }))).toBe(0);
    expect(maxSurge(deployment(4, { recreate: true }))).toBe(0);
    expect(maxUnavailable(deployment(4, { recreate: true }))).toBe(0);
    expect(maxSurge(deployment(4, { maxSurge: '50%' }))).toBe(2);
  });
});

describe('newRSNewReplicas', () => {
  it('grows the new ReplicaSet up to replicas + maxSurge pods in all, never above replicas', () => {
    const d = deployment(4, { maxSurge: 1, maxUnavailable: 1 });
    const old = replicaSet('old', 4);
    const fresh = replicaSet('new', 0);
    expect(newRSNewReplicas(d, [old, fresh], fresh)).toBe(1);
    expect(newRSNewReplicas(d, [replicaSet('old', 3), replicaSet('new', 1)], replicaSet('new', 1))).toBe(2);
    expect(newRSNewReplicas(d, [replicaSet('old', 4), replicaSet('new', 1)], replicaSet('new', 1))).toBe(1);
    expect(newRSNewReplicas(d, [replicaSet('old', 0), replicaSet('new', 3)], replicaSet('new', 3))).toBe(4);
  });

  it('gives a Recreate Deployment all its replicas at once', () => {
    expect(newRSNewReplicas(deployment(3, { recreate: true }), [replicaSet('new', 0)], replicaSet('new', 0))).toBe(3);
  });
});

describe('proportional scaling', () => {
  it('shares the change in proportion to the sizes (the Kubernetes documentation example)', () => {
    // 10 replicas, maxSurge 3: mid-rollout the old ReplicaSet has 8, the new 5; scaled to 15.
    const d = deployment(15, { maxSurge: 3, maxUnavailable: 2 });
    const old = replicaSet('old', 8, { max: 13, desired: 10 });
    const fresh = replicaSet('new', 5, { max: 13, desired: 10 });
    expect(proportion(old, d, 5, 0)).toBe(3);
    expect(proportion(fresh, d, 5, 3)).toBe(2);
  });

  it('scales every ReplicaSet to 0 with the Deployment', () => {
    const d = deployment(0, { maxSurge: 1, maxUnavailable: 1 });
    expect(proportion(replicaSet('old', 3, { max: 5 }), d, -5, 0)).toBe(-3);
  });
});

describe('rollout state', () => {
  it('is saturated when the ReplicaSet has every replica, desired and available', () => {
    const d = deployment(3);
    expect(isSaturated(d, replicaSet('a', 3, { desired: 3 }))).toBe(true);
    expect(isSaturated(d, replicaSet('a', 3, { desired: 3, available: 2 }))).toBe(false);
    expect(isSaturated(d, replicaSet('a', 3))).toBe(false);
  });

  it('is complete when all replicas are updated and available in the observed generation', () => {
    const d = deployment(3, { generation: 2 });
    expect(deploymentComplete(d, { replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 })).toBe(true);
    expect(deploymentComplete(d, { replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1 })).toBe(false);
    expect(deploymentComplete(d, { replicas: 4, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 })).toBe(false);
  });

  it('progresses when more pods are updated or available, or fewer old pods remain', () => {
    const d = deployment(3);
    d.status = { replicas: 4, updatedReplicas: 1, availableReplicas: 3 };
    expect(deploymentProgressing(d, { replicas: 4, updatedReplicas: 2, availableReplicas: 3 })).toBe(true);
    expect(deploymentProgressing(d, { replicas: 3, updatedReplicas: 1, availableReplicas: 3 })).toBe(true);
    expect(deploymentProgressing(d, { replicas: 4, updatedReplicas: 1, availableReplicas: 3 })).toBe(false);
  });

  it('times out progressDeadlineSeconds after the last progress, never after a completed rollout', () => {
    const d = deployment(3);
    const at = Date.parse('2026-03-01T09:00:00Z');
    const progressing = { conditions: [{ type: 'Progressing', status: 'True' as const, reason: 'ReplicaSetUpdated', lastUpdateTime: '2026-03-01T09:00:00Z' }] };
    expect(deploymentTimedOut(d, progressing, at + 600_000)).toBe(false);
    expect(deploymentTimedOut(d, progressing, at + 600_001)).toBe(true);
    const done = { conditions: [{ ...progressing.conditions[0]!, reason: 'NewReplicaSetAvailable' }] };
    expect(deploymentTimedOut(d, done, at + 9_999_999)).toBe(false);
  });
});
