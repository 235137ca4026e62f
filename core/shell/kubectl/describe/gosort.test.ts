import { describe, expect, it } from 'vitest';
import { Random } from '../../../clock/random';
import { goSorted } from './gosort';

describe("Go's sort.Sort", () => {
  it('sorts lists of every size, already sorted, reversed and random', () => {
    const random = new Random(7);
    for (const n of [0, 1, 2, 12, 13, 49, 50, 51, 200, 1000]) {
      const shapes = [Array.from({ length: n }, (_, i) => i), Array.from({ length: n }, (_, i) => n - i), Array.from({ length: n }, () => Math.floor(random.next() * 10))];
      for (const list of shapes) expect(goSorted(list, (a, b) => a < b)).toEqual([...list].sort((a, b) => a - b));
    }
  });

  it('keeps equal elements in their order up to twelve of them (insertion sort)', () => {
    const list = Array.from({ length: 12 }, (_, i) => ({ key: i % 2, i }));
    const sorted = goSorted(list, (a, b) => a.key < b.key);
    expect(sorted.map((x) => x.i)).toEqual([0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11]);
  });
});
