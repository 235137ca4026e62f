import { describe, expect, it } from 'vitest';
import { replicaFailures, rolloutStatus } from './progress';
import { deployment, replicaSet } from './testing';

const T0 = Date.parse('2026-03-01T09:00:00Z');

function progressing(reason: string, at: string) {
  return { type: 'Progressing', status: 'True' as const, lastUpdateTime: at, lastTransitionTime: '2026-03-01T09:00:00Z', reason, message: 'x' };
}

describe('the Progressing condition', () => {
  it('is NewReplicaSetAvailable with the ReplicaSet named once the rollout is complete', () => {
    const d = deployment(3);
    d.status = { conditions: [progressing('ReplicaSetUpdated', '2026-03-01T09:00:10Z')] };
    const fresh = replicaSet('5d8f', 3);
    const s = rolloutStatus(d, [fresh], fresh, T0 + 20_000);
    expect(s.conditions?.find((c) => c.type === 'Progressing')).toEqual({
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: '2026-03-01T09:00:20Z',
      lastTransitionTime: '2026-03-01T09:00:00Z',
      reason: 'NewReplicaSetAvailable',
      message: 'ReplicaSet "web-5d8f" has successfully progressed.',
    });
  });

  it('moves lastUpdateTime (only) when the rollout makes progress', () => {
    const d = deployment(3);
    d.status = { replicas: 4, updatedReplicas: 1, availableReplicas: 2, conditions: [progressing('ReplicaSetUpdated', '2026-03-01T09:00:10Z')] };
    const old = replicaSet('old', 2);
    const fresh = replicaSet('new', 2, { available: 1 });
    const s = rolloutStatus(d, [old, fresh], fresh, T0 + 30_000);
    expect(s.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({ reason: 'ReplicaSetUpdated', message: 'ReplicaSet "web-new" is progressing.', lastUpdateTime: '2026-03-01T09:00:30Z', lastTransitionTime: '2026-03-01T09:00:00Z' });
  });

  it('turns False with ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds', () => {
    const d = deployment(3);
    d.spec.progressDeadlineSeconds = 60;
    const old = replicaSet('old', 3);
    const fresh = replicaSet('new', 1, { available: 0 });
    d.status = { replicas: 4, updatedReplicas: 1, availableReplicas: 3, readyReplicas: 3, conditions: [progressing('ReplicaSetUpdated', '2026-03-01T09:00:00Z')] };
    expect(rolloutStatus(d, [old, fresh], fresh, T0 + 60_000).conditions?.find((c) => c.type === 'Progressing')?.reason).toBe('ReplicaSetUpdated');
    const late = rolloutStatus(d, [old, fresh], fresh, T0 + 61_000).conditions?.find((c) => c.type === 'Progressing');
    expect(late).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-new" has timed out progressing.', lastTransitionTime: '2026-03-01T09:01:01Z' });
  });

  it('is left out without a progress deadline', () => {
    const d = deployment(1);
    delete d.spec.progressDeadlineSeconds;
    d.status = { conditions: [progressing('ReplicaSetUpdated', '2026-03-01T09:00:00Z')] };
    const rs = replicaSet('a', 1);
    expect(rolloutStatus(d, [rs], rs, T0).conditions?.map((c) => c.type)).toEqual(['Available']);
  });
});

describe('ReplicaFailure', () => {
  it("carries the new ReplicaSet's failure over, else an old one's", () => {
    const fresh = replicaSet('new', 1);
    const old = replicaSet('old', 1);
    old.status = { ...old.status, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'old', lastTransitionTime: '2026-03-01T09:00:00Z' }] };
    expect(replicaFailures([old, fresh], fresh).map((c) => c.message)).toEqual(['old']);
    fresh.status = { ...fresh.status, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota', lastTransitionTime: '2026-03-01T09:00:00Z' }] };
    expect(replicaFailures([old, fresh], fresh)).toEqual([{ type: 'ReplicaFailure', status: 'True', lastUpdateTime: '2026-03-01T09:00:00Z', lastTransitionTime: '2026-03-01T09:00:00Z', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: exceeded quota' }]);
  });
});
