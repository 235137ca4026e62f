import { describe, expect, it } from 'vitest';
import { deployment, replicaSet } from '../testing';
import { lastRevision, maxRevision, setDeploymentAnnotationsTo, setDeploymentRevision, setNewReplicaSetAnnotations } from './annotations';

describe('ReplicaSet annotations', () => {
  it('copies the Deployment annotations but kubectl last-applied and the revision ones, and sets the replica annotations on a new ReplicaSet', () => {
    const d = deployment(4, { maxSurge: 1, maxUnavailable: 1 });
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'kubectl set image', 'deployment.kubernetes.io/revision': '7', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const rs = replicaSet('abc', 0);
    expect(setNewReplicaSetAnnotations(d, rs, 1, false, 1)).toBe(true);
    expect(rs.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image',
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
    expect(setNewReplicaSetAnnotations(d, rs, 1, true, 1)).toBe(false);
  });

  it('raises the revision of a ReplicaSet rolled back to, keeping the revisions it had', () => {
    const d = deployment(4);
    const rs = replicaSet('abc', 0, { revision: 1 });
    expect(setNewReplicaSetAnnotations(d, rs, 3, true, 1)).toBe(true);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    setNewReplicaSetAnnotations(d, rs, 5, true, 1);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1,3');
    // Never lowered.
    expect(setNewReplicaSetAnnotations(d, rs, 2, true, 1)).toBe(false);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('5');
  });

  it('drops the oldest revisions when the history grows past its length limit', () => {
    const rs = replicaSet('abc', 0, { revision: 12 });
    rs.metadata.annotations = { ...rs.metadata.annotations, 'deployment.kubernetes.io/revision-history': '1,3,10' };
    setNewReplicaSetAnnotations(deployment(1), rs, 14, true, 0, 8);
    expect(rs.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('3,10,12');
  });
});

describe('revisions', () => {
  it('finds the newest and the previous revision', () => {
    const rss = [replicaSet('a', 0, { revision: 1 }), replicaSet('b', 0, { revision: 4 }), replicaSet('c', 1, { revision: 3 }), replicaSet('d', 0)];
    expect(maxRevision(rss)).toBe(4);
    expect(lastRevision(rss)).toBe(3);
    expect(lastRevision([replicaSet('a', 1, { revision: 1 })])).toBe(0);
  });

  it('sets the Deployment revision, and its annotations from a ReplicaSet on a rollback', () => {
    const d = deployment(1);
    expect(setDeploymentRevision(d, '2')).toBe(true);
    expect(setDeploymentRevision(d, '2')).toBe(false);
    d.metadata.annotations = { ...d.metadata.annotations, 'kubernetes.io/change-cause': 'v2', team: 'a' };
    const rs = replicaSet('a', 0, { revision: 1 });
    rs.metadata.annotations = { ...rs.metadata.annotations, 'kubernetes.io/change-cause': 'v1' };
    setDeploymentAnnotationsTo(d, rs);
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'v1' });
  });
});
