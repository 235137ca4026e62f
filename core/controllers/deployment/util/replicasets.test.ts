import { describe, expect, it } from 'vitest';
import { deployment, replicaSet } from '../testing';
import { activeReplicaSets, byRevision, bySizeNewer, bySizeOlder, equalIgnoreHash, findActiveOrLatest, findNewReplicaSet, findOldReplicaSets } from './replicasets';

describe("a Deployment's ReplicaSets", () => {
  it('compare templates without the pod-template-hash label, nil and empty alike', () => {
    const d = deployment(3);
    const rs = replicaSet('abc', 3);
    expect(equalIgnoreHash(d.spec.template, rs.spec.template)).toBe(true);
    expect(equalIgnoreHash({ ...d.spec.template, spec: { ...d.spec.template.spec, volumes: [] } }, rs.spec.template)).toBe(true);
    expect(equalIgnoreHash(deployment(3, { image: 'nginx:1.27' }).spec.template, rs.spec.template)).toBe(false);
  });

  it('find the new ReplicaSet (the oldest with the template) and the old ones', () => {
    const d = deployment(3, { image: 'nginx:1.27' });
    const old = replicaSet('old', 2, { created: 1 });
    const old0 = replicaSet('zero', 0, { created: 0, image: 'nginx:1.25' });
    const fresh = replicaSet('new', 1, { created: 5, image: 'nginx:1.27' });
    const twin = replicaSet('twin', 0, { created: 9, image: 'nginx:1.27' });
    expect(findNewReplicaSet(d, [twin, old, fresh, old0])?.metadata.name).toBe('web-new');
    const { required, all } = findOldReplicaSets(d, [old, fresh, old0]);
    expect(required.map((r) => r.metadata.name)).toEqual(['web-old']);
    expect(all.map((r) => r.metadata.name)).toEqual(['web-old', 'web-zero']);
  });

  it('find the only active ReplicaSet, or the newest when none is active', () => {
    const a = replicaSet('a', 0, { created: 1 });
    const b = replicaSet('b', 0, { created: 2 });
    expect(findActiveOrLatest(undefined, [a, b])?.metadata.name).toBe('web-b');
    expect(findActiveOrLatest(replicaSet('n', 0), [a, b])?.metadata.name).toBe('web-n');
    expect(findActiveOrLatest(replicaSet('n', 0), [a, replicaSet('c', 2)])?.metadata.name).toBe('web-c');
    expect(findActiveOrLatest(replicaSet('n', 1), [replicaSet('c', 2)])).toBeUndefined();
    expect(activeReplicaSets([a, undefined, replicaSet('c', 2)]).map((r) => r.metadata.name)).toEqual(['web-c']);
  });

  it('order by size (newer first to scale up, older first to scale down) and by revision', () => {
    const older = replicaSet('older', 2, { created: 1, revision: 2 });
    const newer = replicaSet('newer', 2, { created: 2, revision: 1 });
    const big = replicaSet('big', 5, { created: 3, revision: 3 });
    expect([older, newer, big].sort(bySizeNewer).map((r) => r.metadata.name)).toEqual(['web-big', 'web-newer', 'web-older']);
    expect([newer, older, big].sort(bySizeOlder).map((r) => r.metadata.name)).toEqual(['web-big', 'web-older', 'web-newer']);
    expect([big, older, newer].sort(byRevision).map((r) => r.metadata.name)).toEqual(['web-newer', 'web-older', 'web-big']);
  });
});
