import { describe, expect, it } from 'vitest';
import type { ControllerRevision, KubeObject, PodTemplateSpec } from '../../api/types';
import { utf8Encode } from '../../api/protobuf/text';
import { equalRevision, findEqualRevisions, fnv1, hashRevisionData, newControllerRevision, nextRevision, revisionName, sortRevisions, templateOf, templatePatch } from './revisions';

const template: PodTemplateSpec = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };
const owner: KubeObject = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default', uid: 'u-1' } };

function rev(name: string, revision: number, image: string, created = '2026-03-01T09:00:00Z'): ControllerRevision {
  return { metadata: { name, creationTimestamp: created }, revision, data: templatePatch({ ...template, spec: { containers: [{ name: 'web', image }] } }) };
}

describe('ControllerRevision helpers', () => {
  it('hashes with FNV-1 (not 1a), as Go hash/fnv New32', () => {
    expect(fnv1(utf8Encode(''))).toBe(0x811c9dc5);
    expect(fnv1(utf8Encode('a'))).toBe(0x050c5d7e);
    expect(fnv1(utf8Encode('foobar'))).toBe(0x31f0b262);
  });

  it('names a revision after its owner and the hash of its data; the collision count changes the hash', () => {
    const data = templatePatch(template);
    const a = newControllerRevision(owner, 'apps/v1', 'StatefulSet', template.metadata?.labels, data, 1, 0);
    expect(a.metadata.name).toBe(`web-${hashRevisionData(data, 0)}`);
    expect(a.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(a.metadata.labels).toEqual({ app: 'web', 'controller.kubernetes.io/hash': hashRevisionData(data, 0) });
    expect(a.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u-1', controller: true, blockOwnerDeletion: true }]);
    expect(hashRevisionData(data, 1)).not.toBe(hashRevisionData(data, 0));
    expect(hashRevisionData(templatePatch(template), 0)).toBe(hashRevisionData(data, 0));
    expect(revisionName('x'.repeat(300), 'h')).toHaveLength(225);
  });

  it('stores the template as a replacing patch and restores it', () => {
    const data = templatePatch(template);
    expect(data).toEqual({ spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: template.spec } } });
    expect(templateOf({ metadata: {}, revision: 1, data })).toEqual(template);
  });

  it('finds equal revisions by data, sorts by revision then age then name, and numbers the next one', () => {
    const r1 = rev('web-a', 1, 'nginx:1.25');
    const r2 = rev('web-b', 2, 'nginx:1.26');
    const r3 = rev('web-c', 2, 'nginx:1.27', '2026-03-01T08:00:00Z');
    expect(sortRevisions([r2, r1, r3]).map((r) => r.metadata.name)).toEqual(['web-a', 'web-c', 'web-b']);
    expect(nextRevision([r1, r2])).toBe(3);
    expect(nextRevision([])).toBe(1);
    expect(findEqualRevisions([r1, r2, r3], rev('x', 9, 'nginx:1.26'))).toEqual([r2]);
    expect(equalRevision(r1, rev('y', 5, 'nginx:1.25'))).toBe(true);
    expect(equalRevision(r1, undefined)).toBe(false);
  });
});
