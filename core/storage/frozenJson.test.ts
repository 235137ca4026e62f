import { describe, expect, it } from 'vitest';
import { deepFreeze, frozenJson, jsonCopy } from './frozen';

const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

const SAMPLES: unknown[] = [
  { a: 1, b: undefined, c: [1, undefined, () => 1, null], d: { e: NaN, f: Infinity, g: -0 }, h: 'x' },
  JSON.parse('{"__proto__": {"polluted": true}, "2": "two", "1": "one", "z": [[], {}]}') as unknown,
  { when: new Date(Date.UTC(2026, 0, 1)), nested: { list: [{ k: 'v', s: Symbol('s') }] } },
  [1, 'two', true, null, { x: [{ y: { z: 'deep' } }] }],
];

describe('frozenJson', () => {
  it('gives what a JSON round trip gives, deeply frozen', () => {
    for (const v of SAMPLES) {
      const out = frozenJson(v);
      expect(JSON.stringify(out)).toBe(JSON.stringify(roundTrip(v)));
      expect(out).toEqual(roundTrip(v));
      const stack: unknown[] = [out];
      while (stack.length) {
        const x = stack.pop();
        if (x && typeof x === 'object') {
          expect(Object.isFrozen(x)).toBe(true);
          stack.push(...Object.values(x));
        }
      }
    }
    expect(Object.getPrototypeOf(frozenJson(SAMPLES[1]))).toBe(Object.prototype);
  });

  it('keeps frozen parts and the parts of the previous version that did not change', () => {
    const previous = frozenJson({ metadata: { name: 'a', labels: { x: '1' } }, spec: { list: [{ k: 1 }, { k: 2 }] }, status: { n: 1 } });
    const shared = deepFreeze({ kept: true });
    const next = frozenJson({ metadata: { name: 'a', labels: { x: '1' } }, spec: { list: [{ k: 1 }, { k: 3 }] }, status: { n: 1 }, extra: shared }, previous);
    expect(next.metadata).toBe(previous.metadata);
    expect(next.status).toBe(previous.status);
    expect(next.spec).not.toBe(previous.spec);
    expect(next.spec.list[0]).toBe(previous.spec.list[0]);
    expect(next.spec.list[1]).toEqual({ k: 3 });
    expect(next.extra).toBe(shared);
    // The same content in another key order is a change of the JSON text, so no reuse.
    const reordered = frozenJson({ metadata: { labels: { x: '1' }, name: 'a' } }, previous);
    expect(reordered.metadata).not.toBe(previous.metadata);
    expect(JSON.stringify(reordered.metadata)).toBe('{"labels":{"x":"1"},"name":"a"}');
    expect(frozenJson({ ...previous }, previous)).toBe(previous);
  });
});

describe('jsonCopy', () => {
  it('gives what a JSON round trip gives, its own parts changeable, frozen parts shared', () => {
    for (const v of SAMPLES) expect(JSON.stringify(jsonCopy(v))).toBe(JSON.stringify(roundTrip(v)));
    const frozen = deepFreeze({ deep: { x: 1 } });
    const input = { own: { y: [1, 2] }, frozen };
    const copy = jsonCopy(input);
    expect(copy.frozen).toBe(frozen);
    expect(copy.own).not.toBe(input.own);
    copy.own.y.push(3);
    expect(input.own.y).toEqual([1, 2]);
  });
});
