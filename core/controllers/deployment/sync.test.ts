import { describe, expect, it } from 'vitest';
import { computeHash } from '../util/hash';
import { newReplicaSetFor } from './newReplicaSet';
import { calculateStatus, proportionalSizes, statusEqual } from './sync';
import { deployment, replicaSet } from './testing';

const NOW = Date.parse('2026-03-01T09:05:00Z');

describe('the new ReplicaSet', () => {
  it('is named <deployment>-<pod-template-hash>, with the hash in its labels, selector and template', () => {
    const d = deployment(4, { maxSurge: 1, maxUnavailable: 1 });
    d.spec.minReadySeconds = 5;
    const hash = computeHash(d.spec.template);
    const rs = newReplicaSetFor(d);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(rs.spec.template.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.minReadySeconds).toBe(5);
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }]);
    // The Deployment's own template is not touched.
    expect(d.spec.template.metadata?.labels).toEqual({ app: 'web' });
  });

  it('takes another name after a hash collision', () => {
    const d = deployment(1);
    const first = newReplicaSetFor(d).metadata.name;
    d.status = { collisionCount: 1 };
    expect(newReplicaSetFor(d).metadata.name).not.toBe(first);
    expect(newReplicaSetFor(d).metadata.name).toBe(`web-${computeHash(d.spec.template, 1)}`);
  });
});

describe('calculateStatus', () => {
  it('sums the ReplicaSets, counts the new one as updated, and says whether the minimum is available', () => {
    const d = deployment(4, { maxSurge: 1, maxUnavailable: 1, generation: 2 });
    const old = replicaSet('old', 2, { available: 2 });
    const fresh = replicaSet('new', 3, { available: 1 });
    fresh.status = { replicas: 3, readyReplicas: 2, availableReplicas: 1 };
    const s = calculateStatus([old, fresh], fresh, d, NOW);
    expect(s).toEqual({
      observedGeneration: 2,
      replicas: 5,
      updatedReplicas: 3,
      readyReplicas: 4,
      availableReplicas: 3,
      unavailableReplicas: 2,
      conditions: [{ type: 'Available', status: 'True', lastUpdateTime: '2026-03-01T09:05:00Z', lastTransitionTime: '2026-03-01T09:05:00Z', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }],
    });
    const low = calculateStatus([replicaSet('new', 4, { available: 2 })], undefined, d, NOW);
    expect(low.conditions?.[0]).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
    expect(low.updatedReplicas).toBeUndefined();
  });

  it('compares as Go does: absent and zero counts alike', () => {
    expect(statusEqual({ replicas: 0, conditions: [] }, {})).toBe(true);
    expect(statusEqual({ replicas: 1 }, {})).toBe(false);
  });
});

describe('proportional scaling', () => {
  it('gives the larger ReplicaSet the larger share and the rounding leftover', () => {
    // 10 replicas with maxSurge 3 and maxUnavailable 2, mid-rollout (old 8, new 5), scaled to 15.
    const d = deployment(15, { maxSurge: 3, maxUnavailable: 2 });
    const old = replicaSet('old', 8, { max: 13, desired: 10, created: 0 });
    const fresh = replicaSet('new', 5, { max: 13, desired: 10, created: 10 });
    const { sizes, operation, order } = proportionalSizes(d, [fresh, old]);
    expect(operation).toBe('up');
    expect(order.map((r) => r.metadata.name)).toEqual(['web-old', 'web-new']);
    expect([sizes.get(old), sizes.get(fresh)]).toEqual([11, 7]);
  });

  it('scales down, larger and older first', () => {
    const d = deployment(5, { maxSurge: 1, maxUnavailable: 0 });
    const old = replicaSet('old', 6, { max: 11, desired: 10, created: 0 });
    const fresh = replicaSet('new', 5, { max: 11, desired: 10, created: 10 });
    const { sizes, operation } = proportionalSizes(d, [old, fresh]);
    expect(operation).toBe('down');
    expect((sizes.get(old) ?? 0) + (sizes.get(fresh) ?? 0)).toBe(6);
    expect([sizes.get(old), sizes.get(fresh)]).toEqual([3, 3]);
  });
});
