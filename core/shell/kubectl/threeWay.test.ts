import { describe, expect, it } from 'vitest';
import { diffMap } from './threeWay';
import { withLastApplied, LAST_APPLIED } from './apply';

describe('the three-way patch of kubectl apply', () => {
  it('is empty when the configuration did not change, whatever the server defaulted', () => {
    const applied = { spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const live = { spec: { containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'Always' }], dnsPolicy: 'ClusterFirst' } };
    expect(diffMap(applied, applied, live)).toEqual({});
  });

  it('deletes what the last applied configuration had and the new one drops', () => {
    expect(diffMap({ data: { a: '1', b: '2' } }, { data: { a: '1' } }, { data: { a: '1', b: '2' } })).toEqual({ data: { b: null } });
  });

  it('patches a keyed list element by its merge key, with the element order', () => {
    const original = { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
    const modified = { spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } };
    const live = { spec: { containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] } };
    expect(diffMap(original, modified, live)).toEqual({ spec: { '$setElementOrder/containers': [{ name: 'web' }], containers: [{ name: 'web', image: 'nginx:1.28' }] } });
  });

  it('keeps the applied configuration as sorted JSON with a newline, empty annotations included', () => {
    const o = withLastApplied({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'a' }, data: { k: 'v' } });
    expect(o.metadata.annotations?.[LAST_APPLIED]).toBe('{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"a"}}\n');
  });
});
