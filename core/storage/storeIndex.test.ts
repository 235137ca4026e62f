import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { Store } from './store';

const pod = (name: string, node?: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: node ? { nodeName: node } : {} }) as KubeObject;
const key = (name: string) => `/registry/core/pods/default/${name}`;
const byNode = (o: KubeObject) => ((o as { spec?: { nodeName?: string } }).spec?.nodeName ?? '');

describe('store secondary indexes', () => {
  it('finds keys by value, built on first use and kept up to date by creates, updates and deletes', () => {
    const s = new Store();
    s.addIndex('node', '/registry/core/pods/', byNode);
    s.create(key('b'), pod('b', 'n1'));
    s.create(key('a'), pod('a', 'n1'));
    s.create(key('c'), pod('c'));
    s.create('/registry/core/configmaps/default/x', pod('x', 'n1'));
    expect(s.keysByIndex('node', 'n1')).toEqual([key('a'), key('b')]);
    expect(s.keysByIndex('node', '')).toEqual([key('c')]);
    s.update(key('c'), pod('c', 'n2'));
    s.update(key('b'), pod('b', 'n2'));
    s.delete(key('a'));
    expect(s.keysByIndex('node', 'n1')).toEqual([]);
    expect(s.keysByIndex('node', 'n2')).toEqual([key('b'), key('c')]);
    expect(s.keysByIndex('node', '')).toEqual([]);
    expect(s.keysByIndex('nope', 'n2')).toBeUndefined();
  });

  it('is rebuilt after a restore', () => {
    const s = new Store();
    s.addIndex('node', '/registry/core/pods/', byNode);
    s.create(key('a'), pod('a', 'n1'));
    expect(s.keysByIndex('node', 'n1')).toEqual([key('a')]);
    const t = new Store();
    t.addIndex('node', '/registry/core/pods/', byNode);
    t.create(key('z'), pod('z', 'n1'));
    expect(t.keysByIndex('node', 'n1')).toEqual([key('z')]);
    const fresh = new Store();
    fresh.addIndex('node', '/registry/core/pods/', byNode);
    fresh.restore(s.exportState(), [{ revision: 2, type: 'ADDED', key: key('b'), json: JSON.stringify(pod('b', 'n1')) }]);
    expect(fresh.keysByIndex('node', 'n1')).toEqual([key('a'), key('b')]);
  });
});
