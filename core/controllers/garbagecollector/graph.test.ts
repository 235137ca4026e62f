import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types';
import { DependencyGraph, type Identity } from './graph';

function setup() {
  const log: string[] = [];
  const graph = new DependencyGraph({
    attemptToDelete: (n) => log.push(`delete ${n.identity.name}`),
    attemptToOrphan: (n) => log.push(`orphan ${n.identity.name}`),
    ownerAbsent: (id) => log.push(`absent ${id.name}`),
    invalidOwnerNamespace: (n, ref) => log.push(`invalid ${n.identity.name} -> ${ref.name}`),
  });
  return { graph, log };
}

const id = (name: string, kind = 'ReplicaSet'): Identity => ({ apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1', kind, namespace: 'default', name, uid: `uid-${name}` });
const ownerRef = (name: string, block = true): OwnerReference => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name, uid: `uid-${name}`, controller: true, blockOwnerDeletion: block });
const obj = (name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({ metadata: { name, namespace: 'default', uid: `uid-${name}`, ...extra } });

describe('dependency graph (GraphBuilder)', () => {
  it('links dependents to owners, and makes a virtual node for an owner not seen yet', () => {
    const { graph, log } = setup();
    graph.upsert(id('web-1', 'Pod'), undefined, obj('web-1', { ownerReferences: [ownerRef('web')] }));
    const owner = graph.get('uid-web');
    expect(owner?.virtual).toBe(true);
    expect(log).toEqual(['delete web']);
    graph.upsert(id('web'), undefined, obj('web'));
    expect(owner?.virtual).toBe(false);
    expect(owner?.observed).toBe(true);
    expect([...(owner?.dependents ?? [])].map((d) => d.identity.name)).toEqual(['web-1']);
  });

  it('reports a reference to an owner observed in another namespace', () => {
    const { graph, log } = setup();
    graph.upsert({ ...id('web'), namespace: 'other' }, undefined, obj('web'));
    graph.upsert(id('web-1', 'Pod'), undefined, obj('web-1', { ownerReferences: [ownerRef('web')] }));
    expect(log).toEqual(['invalid web-1 -> web', 'delete web-1']);
  });

  it('looks at the dependents of a removed owner', () => {
    const { graph, log } = setup();
    graph.upsert(id('web'), undefined, obj('web'));
    graph.upsert(id('web-1', 'Pod'), undefined, obj('web-1', { ownerReferences: [ownerRef('web')] }));
    graph.remove('uid-web', false);
    expect(log).toEqual(['absent web', 'delete web-1']);
    expect(graph.get('uid-web')).toBeUndefined();
  });

  it('starts a foreground deletion: dependents then the owner; the owner again when its last blocking dependent goes', () => {
    const { graph, log } = setup();
    const rs = obj('web');
    graph.upsert(id('web'), undefined, rs);
    graph.upsert(id('web-1', 'Pod'), undefined, obj('web-1', { ownerReferences: [ownerRef('web')] }));
    graph.upsert(id('web'), rs, obj('web', { deletionTimestamp: '2026-03-01T00:00:00Z', finalizers: ['foregroundDeletion'] }));
    expect(log).toEqual(['delete web-1', 'delete web']);
    expect(graph.get('uid-web')?.deletingDependents).toBe(true);
    expect(graph.get('uid-web')?.blockingDependents().map((d) => d.identity.name)).toEqual(['web-1']);
    log.length = 0;
    graph.remove('uid-web-1', false);
    expect(log).toEqual(['delete web']);
    expect(graph.get('uid-web')?.blockingDependents()).toEqual([]);
  });

  it('starts orphaning once, when the orphan finalizer appears with the deletionTimestamp', () => {
    const { graph, log } = setup();
    const rs = obj('web');
    graph.upsert(id('web'), undefined, rs);
    const deleting = obj('web', { deletionTimestamp: '2026-03-01T00:00:00Z', finalizers: ['orphan'] });
    graph.upsert(id('web'), rs, deleting);
    graph.upsert(id('web'), deleting, { ...deleting, metadata: { ...deleting.metadata, labels: { a: 'b' } } });
    expect(log).toEqual(['orphan web']);
  });

  it('unblocks an owner waiting in the foreground when a dependent drops its blocking reference', () => {
    const { graph, log } = setup();
    graph.upsert(id('web'), undefined, obj('web', { deletionTimestamp: '2026-03-01T00:00:00Z', finalizers: ['foregroundDeletion'] }));
    const pod = obj('web-1', { ownerReferences: [ownerRef('web')] });
    graph.upsert(id('web-1', 'Pod'), undefined, pod);
    log.length = 0;
    graph.upsert(id('web-1', 'Pod'), pod, obj('web-1', { ownerReferences: [ownerRef('web', false)] }));
    expect(log).toEqual(['delete web']);
  });
});
