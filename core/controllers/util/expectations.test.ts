import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock/clock';
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS } from './expectations';
import { adoptPatch, claimObjects, releasePatch } from './refManager';
import type { KubeObject, OwnerReference } from '../../api/types';

describe('ControllerExpectations', () => {
  it('holds a controller until every expected creation is observed', () => {
    const e = new ControllerExpectations(new ManualClock(0));
    expect(e.satisfied('ns/web')).toBe(true);
    e.expectCreations('ns/web', 2);
    expect(e.satisfied('ns/web')).toBe(false);
    e.creationObserved('ns/web');
    expect(e.satisfied('ns/web')).toBe(false);
    e.creationObserved('ns/web');
    expect(e.satisfied('ns/web')).toBe(true);
  });

  it('counts the deletion of each pod once (a graceful deletion and the final delete)', () => {
    const e = new ControllerExpectations(new ManualClock(0));
    e.expectDeletions('ns/web', ['ns/a', 'ns/b']);
    e.deletionObserved('ns/web', 'ns/a');
    e.deletionObserved('ns/web', 'ns/a');
    e.deletionObserved('ns/web', 'ns/other');
    expect(e.pending('ns/web')).toEqual({ add: 0, del: 1 });
    e.deletionObserved('ns/web', 'ns/b');
    expect(e.satisfied('ns/web')).toBe(true);
  });

  it('expires after five minutes of cluster time', () => {
    const clock = new ManualClock(0);
    const e = new ControllerExpectations(clock);
    e.expectCreations('ns/web', 1);
    clock.advance(EXPECTATIONS_TIMEOUT_MS);
    expect(e.satisfied('ns/web')).toBe(false);
    clock.advance(1);
    expect(e.satisfied('ns/web')).toBe(true);
  });
});

describe('claiming (ControllerRefManager)', () => {
  const owner: KubeObject = { metadata: { name: 'web', namespace: 'ns', uid: 'rs-1' } };
  const ref: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-1', controller: true, blockOwnerDeletion: true };
  const obj = (name: string, labels: Record<string, string>, owners?: OwnerReference[]): KubeObject => ({ metadata: { name, namespace: 'ns', uid: `u-${name}`, labels, ...(owners ? { ownerReferences: owners } : {}) } });

  it('adopts matching orphans, keeps its own matching objects, releases its non-matching ones and ignores others', async () => {
    const patches: [string, unknown][] = [];
    const objs = [
      obj('orphan', { app: 'web' }),
      obj('mine', { app: 'web' }, [ref]),
      obj('relabelled', { app: 'debug' }, [ref]),
      obj('theirs', { app: 'web' }, [{ ...ref, uid: 'other' }]),
      obj('stranger', { app: 'db' }),
    ];
    const claimed = await claimObjects(objs, {
      controller: owner,
      ref,
      match: (o) => o.metadata.labels?.['app'] === 'web',
      canAdopt: async () => undefined,
      patch: async (o, p) => void patches.push([o.metadata.name ?? '', p]),
    });
    expect(claimed.map((o) => o.metadata.name)).toEqual(['orphan', 'mine']);
    expect(patches).toEqual([
      ['orphan', adoptPatch(objs[0]!, ref)],
      ['relabelled', releasePatch(objs[2]!, ['rs-1'])],
    ]);
    expect(patches[1]![1]).toEqual({ metadata: { ownerReferences: [{ $patch: 'delete', uid: 'rs-1' }], uid: 'u-relabelled' } });
  });

  it('adopts nothing when the controller is being deleted or canAdopt refuses', async () => {
    const deleting = { metadata: { ...owner.metadata, deletionTimestamp: '2026-03-01T00:00:00Z' } };
    const none = await claimObjects([obj('orphan', { app: 'web' })], { controller: deleting, ref, match: () => true, canAdopt: async () => undefined, patch: async () => undefined });
    expect(none).toEqual([]);
    await expect(
      claimObjects([obj('orphan', { app: 'web' })], { controller: owner, ref, match: () => true, canAdopt: async () => Promise.reject(new Error('ns/web has just been deleted')), patch: async () => undefined }),
    ).rejects.toThrow(/can't adopt object ns\/orphan \(u-orphan\): ns\/web has just been deleted/);
  });
});
