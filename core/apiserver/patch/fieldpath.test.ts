import { describe, expect, it } from 'vitest';
import { FieldSet, fieldPE, keyPE, type Path } from './fieldpath';

const f = fieldPE;
const set = (...paths: Path[]) => FieldSet.of(...paths);
const text = (s: FieldSet) => JSON.stringify(s.toFieldsV1());

describe('FieldSet operations', () => {
  const a = set([f('spec'), f('replicas')], [f('spec'), f('template'), f('spec'), f('containers'), keyPE([['name', 'web']]), f('image')], [f('status')]);
  const b = set([f('spec'), f('replicas')], [f('metadata'), f('labels'), f('app')]);

  it('union, difference and recursive difference hold the expected paths', () => {
    expect(a.union(b).paths()).toEqual(set(...a.paths(), ...b.paths()).paths());
    expect(text(a.difference(b))).toBe(text(set([f('spec'), f('template'), f('spec'), f('containers'), keyPE([['name', 'web']]), f('image')], [f('status')])));
    expect(text(a.recursiveDifference(set([f('spec')])))).toBe(text(set([f('status')])));
    expect(text(a.difference(set([f('spec')])))).toBe(text(a));
  });

  it('give back the very same set when nothing changes (sets are never changed once built)', () => {
    expect(a.union(set([f('spec'), f('replicas')]))).toBe(a);
    expect(a.union(new FieldSet())).toBe(a);
    expect(a.difference(set([f('metadata'), f('name')]))).toBe(a);
    expect(a.recursiveDifference(set([f('kind')]))).toBe(a);
    expect(a.union(b)).not.toBe(a);
    expect(a.difference(b)).not.toBe(a);
  });

  it('compares FieldsV1 documents without building them', () => {
    const copy = FieldSet.fromFieldsV1(a.toFieldsV1());
    expect(copy.sameFieldsV1(a)).toBe(true);
    expect(a.sameFieldsV1(b)).toBe(false);
    expect(a.sameFieldsV1(a.union(set([f('status'), f('phase')])))).toBe(false);
    // A path with an empty subset writes `{}`, as a member does.
    const withEmpty = new FieldSet();
    withEmpty.children.set(f('x'), new FieldSet());
    expect(withEmpty.sameFieldsV1(set([f('x')]))).toBe(text(withEmpty) === text(set([f('x')])));
  });
});

describe('path elements', () => {
  it('spell a list item keyed by one string field as the general form does, whatever the value', () => {
    for (const v of ['Ready', 'a"b', 'x\\y', 'ü', '']) {
      const once = keyPE([['type', v]]);
      expect(once).toBe(`k:{"type":${JSON.stringify(v)}}`);
      // Made again (from the cache): the same element.
      expect(keyPE([['type', v]])).toBe(once);
    }
    expect(keyPE([['port', 80]])).toBe('k:{"port":80}');
    expect(keyPE([['protocol', 'TCP'], ['containerPort', 80]])).toBe('k:{"containerPort":80,"protocol":"TCP"}');
  });

  it('spell a field name the same on every call', () => {
    expect(fieldPE('status')).toBe('f:status');
    expect(fieldPE('status')).toBe('f:status');
    expect(fieldPE('')).toBe('f:');
  });
});
