import { describe, expect, it } from 'vitest';
import { getCondition, newCondition, removeCondition, setCondition, type DeploymentStatus } from './conditions';

const T0 = Date.parse('2026-03-01T09:00:00Z');

describe('Deployment conditions', () => {
  it('keep lastTransitionTime while the status stays, and move a changed condition to the end', () => {
    const status: DeploymentStatus = {};
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', 'Created new replica set "web-abc"', T0));
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', T0));
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', 'ReplicaSet "web-abc" has successfully progressed.', T0 + 30_000));
    expect(status.conditions?.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    expect(getCondition(status, 'Progressing')).toEqual({
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: '2026-03-01T09:00:30Z',
      lastTransitionTime: '2026-03-01T09:00:00Z',
      reason: 'NewReplicaSetAvailable',
      message: 'ReplicaSet "web-abc" has successfully progressed.',
    });
  });

  it('change nothing when the status and reason are the same', () => {
    const status: DeploymentStatus = {};
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', T0));
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', T0 + 5000));
    expect(getCondition(status, 'Available')?.lastUpdateTime).toBe('2026-03-01T09:00:00Z');
    removeCondition(status, 'Available');
    expect(status.conditions).toBeUndefined();
  });
});
