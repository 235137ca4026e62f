import { describe, expect, it } from 'vitest';
import { Random } from './random';

const seq = (r: Random, n: number) => Array.from({ length: n }, () => r.next());

describe('Random', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(seq(new Random(42), 20)).toEqual(seq(new Random(42), 20));
    const a = new Random(7);
    const b = new Random(7);
    expect([a.uuid(), a.nameSuffix(), a.int(1000)]).toEqual([b.uuid(), b.nameSuffix(), b.int(1000)]);
  });

  it('gives different sequences for different seeds', () => {
    expect(seq(new Random(1), 5)).not.toEqual(seq(new Random(2), 5));
  });

  it('resumes from a saved state', () => {
    const r = new Random(3);
    seq(r, 10);
    const resumed = new Random(r.getState());
    expect(seq(resumed, 10)).toEqual(seq(r, 10));
  });

  it('stays in range', () => {
    const r = new Random(5);
    for (const x of seq(r, 1000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    const ints = Array.from({ length: 1000 }, () => r.between(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('makes 5-character name suffixes without vowels, as Kubernetes does', () => {
    const r = new Random(9);
    for (let i = 0; i < 200; i++) expect(r.nameSuffix()).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('makes version-4 UUIDs', () => {
    const r = new Random(11);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const u = r.uuid();
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(u);
    }
    expect(seen.size).toBe(200);
  });
});
