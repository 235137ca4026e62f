import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../storage/frozen';
import { frozenPlaceholders, reshare } from './shared';
import type { JsonObject } from './value';

describe('reshare', () => {
  const stored = deepFreeze({ phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }], hostIP: '10.0.0.1' });

  it('gives back the stored parts a fresh value repeats, and the stored value when all of it is the same', () => {
    const next = JSON.parse(JSON.stringify(stored)) as typeof stored;
    expect(reshare(next, stored)).toBe(stored);
    const changed = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }], hostIP: '10.0.0.1' };
    const out = reshare(changed, stored) as typeof stored;
    expect(out).toBe(changed);
    expect(out.conditions[1]).toBe(stored.conditions[1]);
    expect(out.conditions[0]).not.toBe(stored.conditions[0]);
    expect(JSON.stringify(out)).toBe('{"phase":"Running","conditions":[{"type":"Ready","status":"True"},{"type":"Initialized","status":"True"}],"hostIP":"10.0.0.1"}');
  });

  it('keeps a different key order or length as a change', () => {
    const reordered = { hostIP: '10.0.0.1', phase: 'Pending', conditions: JSON.parse(JSON.stringify(stored.conditions)) as unknown };
    const out = reshare(reordered, stored) as JsonObject;
    expect(out).toBe(reordered);
    expect(out['conditions']).toBe(stored.conditions);
    expect(reshare([...stored.conditions, { type: 'X', status: 'True' }], stored.conditions)).not.toBe(stored.conditions);
  });
});

describe('frozenPlaceholders', () => {
  it('stands in for frozen parts below the members of the root, and puts them back after a decode', () => {
    const labels = deepFreeze({ app: 'web' });
    const conditions = deepFreeze([{ type: 'Ready', status: 'True' }]);
    const root: JsonObject = { metadata: { name: 'web', labels }, status: { phase: 'Running', conditions, podIPs: [conditions] } };
    const ph = frozenPlaceholders(root);
    expect(ph.value).toEqual({ metadata: { name: 'web', labels: {} }, status: { phase: 'Running', conditions: [], podIPs: [[]] } });
    // The root is not changed.
    expect((root['metadata'] as JsonObject)['labels']).toBe(labels);
    // A decoder gives fresh objects of the same shape back.
    const decoded = JSON.parse(JSON.stringify(ph.value)) as JsonObject;
    ph.restore(decoded);
    expect((decoded['metadata'] as JsonObject)['labels']).toBe(labels);
    expect((decoded['status'] as JsonObject)['conditions']).toBe(conditions);
    expect(((decoded['status'] as JsonObject)['podIPs'] as unknown[])[0]).toBe(conditions);
    // Frozen members of the root itself stay (a strategy may change them).
    const status = deepFreeze({ phase: 'Running' });
    expect(frozenPlaceholders({ status }).value['status']).toBe(status);
  });
});
