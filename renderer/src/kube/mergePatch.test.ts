import { describe, expect, it } from 'vitest';
import { changedPaths, mergePatch, overlaps, theirChanges } from './mergePatch';

const original = {
  metadata: { name: 'web', resourceVersion: '5', labels: { app: 'web', tier: 'a' } },
  spec: { replicas: 1, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
  status: { replicas: 1 },
};

describe('edit as a merge patch', () => {
  it('patches only what changed: nulls for removals, arrays whole', () => {
    const edited = {
      metadata: { name: 'web', resourceVersion: '5', labels: { app: 'web' } },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } },
      status: { replicas: 1 },
    };
    expect(mergePatch(original, edited)).toEqual({
      metadata: { labels: { tier: null } },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.26' }] } } },
    });
    expect(mergePatch(original, structuredClone(original))).toEqual({});
  });

  it('lists changed paths and sees which changes collide', () => {
    const mine = changedPaths(original, { ...original, metadata: { ...original.metadata, labels: { app: 'web', tier: 'b' } } });
    expect(mine).toEqual(['metadata.labels.tier']);
    const current = { ...original, metadata: { ...original.metadata, resourceVersion: '9', labels: { app: 'web', tier: 'a', other: 'x' } }, status: { replicas: 2 } };
    const theirs = theirChanges(original, current);
    expect(theirs).toEqual(['metadata.labels.other']);
    expect(overlaps(mine, theirs)).toBe(false);
    expect(overlaps(mine, ['metadata.labels'])).toBe(true);
    expect(overlaps(['spec'], ['spec.replicas'])).toBe(true);
    expect(overlaps(['spec.replicas'], ['spec.template'])).toBe(false);
  });
});
