import { describe, expect, it } from 'vitest';
import { KeyOrder, keyGroup } from './keys';

describe('KeyOrder', () => {
  it('groups keys by their first three segments', () => {
    expect(keyGroup('/registry/core/pods/default/web')).toBe('/registry/core/pods/');
    expect(keyGroup('/registry/core/nodes')).toBe('/registry/core/nodes');
    expect(keyGroup('/registry/core/nodes/n1')).toBe('/registry/core/nodes/');
    expect(keyGroup('/a')).toBe('/a');
  });

  it('answers range reads as a sorted array would, through any mix of adds, removes and reads', () => {
    const order = new KeyOrder();
    const present = new Set<string>();
    // A small linear congruential generator: the same sequence on every run.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const segments = ['', 'a', 'b', 'ab', 'registry', 'core', 'pods'];
    const randomKey = () => {
      const depth = 1 + next(5);
      let k = '';
      for (let i = 0; i < depth; i++) k += `/${segments[next(segments.length)] ?? ''}`;
      return k;
    };
    const prefixes = ['', '/', '/a', '/a/', '/registry/', '/registry/core/', '/registry/core/pods/', '/ab/b', '/b/a/ab/'];
    for (let step = 0; step < 3000; step++) {
      const k = randomKey();
      const op = next(10);
      if (op < 5 && !present.has(k)) {
        order.add(k);
        present.add(k);
      } else if (op < 8 && present.has(k)) {
        order.remove(k);
        present.delete(k);
      } else {
        const prefix = prefixes[next(prefixes.length)] ?? '';
        expect(order.keysWithPrefix(prefix)).toEqual([...present].filter((x) => x.startsWith(prefix)).sort());
      }
    }
    expect(order.keysWithPrefix('')).toEqual([...present].sort());
  });
});
