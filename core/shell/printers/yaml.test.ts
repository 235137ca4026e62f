import { describe, expect, it } from 'vitest';
import { toYaml, yamlKeyLess } from './yaml';
import { goJson, toJson } from './json';

describe('toYaml (go-yaml v2 as kubectl -o yaml)', () => {
  it('sorts keys, leaves sequences in mappings unindented and prints empty collections inline', () => {
    expect(toYaml({ spec: { ports: [{ port: 80, name: 'http' }], b: [], a: {} }, kind: 'Service' })).toBe(
      'kind: Service\nspec:\n  a: {}\n  b: []\n  ports:\n  - name: http\n    port: 80\n',
    );
  });

  it('quotes strings that would read back as another type with double quotes', () => {
    expect(toYaml({ a: '80', b: 'true', c: '', d: '2026-01-01T00:00:00Z', e: 'yes', f: '1.5', g: 'null', h: '10.96.0.1' })).toBe(
      'a: "80"\nb: "true"\nc: ""\nd: "2026-01-01T00:00:00Z"\ne: "yes"\nf: "1.5"\ng: "null"\nh: 10.96.0.1\n',
    );
  });

  it('single-quotes strings that cannot be plain, and writes multi-line strings as literal blocks', () => {
    expect(toYaml({ a: '*', b: 'a: b', c: "it's", d: 'x\ny\n', e: 'x\ny' })).toBe("a: '*'\nb: 'a: b'\nc: it's\nd: |\n  x\n  y\ne: |-\n  x\n  y\n");
  });

  it('folds a long plain string at a space past column 80', () => {
    const long = 'this is a rather long value with spaces that go past the eightieth column of the yaml output, to fold';
    expect(toYaml({ long })).toBe('long: this is a rather long value with spaces that go past the eightieth column of\n  the yaml output, to fold\n');
  });

  it('orders keys as go-yaml does, digit runs by value', () => {
    expect(['a10', 'a9', 'b', 'a'].sort((x, y) => (yamlKeyLess(x, y) ? -1 : 1))).toEqual(['a', 'a9', 'a10', 'b']);
  });
});

describe('toJson (json.MarshalIndent as kubectl -o json)', () => {
  it('sorts keys, indents by four and escapes HTML characters', () => {
    expect(toJson({ b: [1, { y: '<&>' }], a: {} })).toBe('{\n    "a": {},\n    "b": [\n        1,\n        {\n            "y": "\\u003c\\u0026\\u003e"\n        }\n    ]\n}\n');
    expect(goJson({ b: 1, a: 'x' })).toBe('{"a":"x","b":1}');
  });

  it('keeps the key order of an object kubectl built itself', () => {
    expect(toJson({ kind: 'X', apiVersion: 'v1' }, false)).toBe('{\n    "kind": "X",\n    "apiVersion": "v1"\n}\n');
  });
});
