import { describe, expect, it } from 'vitest';
import { StatusError } from '../../api/status';
import { applyJsonPatch, goJsonError } from './json';
import { applyMergePatch } from './merge';
import { patchTypeOf, validatePatchOptions } from './patch';

function fail(f: () => unknown): { code: number; reason?: string; message?: string; details?: unknown } {
  try {
    f();
  } catch (e) {
    if (e instanceof StatusError) return e.status as never;
    throw e;
  }
  throw new Error('expected an error');
}

const doc = { metadata: { name: 'web', labels: { a: '1' } }, spec: { list: [1, 2] } };

describe('JSON patch (RFC 6902)', () => {
  it('applies operations without touching the document', () => {
    const out = applyJsonPatch(doc, JSON.stringify([{ op: 'add', path: '/metadata/labels/b', value: '2' }, { op: 'remove', path: '/spec/list/0' }, { op: 'test', path: '/metadata/name', value: 'web' }]));
    expect(out).toEqual({ metadata: { name: 'web', labels: { a: '1', b: '2' } }, spec: { list: [2] } });
    expect(doc.spec.list).toEqual([1, 2]);
  });

  it('answers a failed test or a missing path with the generic 422', () => {
    for (const op of [{ op: 'test', path: '/metadata/name', value: 'other' }, { op: 'remove', path: '/metadata/nope' }, { op: 'bogus', path: '/a' }]) {
      const s = fail(() => applyJsonPatch(doc, JSON.stringify([op])));
      expect(s).toMatchObject({ code: 422, reason: 'Invalid', message: 'the server rejected our request due to an error in our request', details: {} });
    }
  });

  it('answers a body that is not a list of operations with a 400', () => {
    expect(fail(() => applyJsonPatch(doc, '{"op":"add"}'))).toMatchObject({ code: 400, reason: 'BadRequest', message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' });
    expect(fail(() => applyJsonPatch(doc, '[{'))).toMatchObject({ code: 400, message: 'unexpected end of JSON input' });
    expect(fail(() => applyJsonPatch(doc, '[{a'))).toMatchObject({ code: 400, message: "invalid character 'a' looking for beginning of object key string" });
  });

  it('limits the number of operations', () => {
    const ops = Array.from({ length: 10_001 }, () => ({ op: 'test', path: '/metadata/name', value: 'web' }));
    expect(fail(() => applyJsonPatch(doc, JSON.stringify(ops)))).toMatchObject({ code: 413, message: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001' });
  });

  it('speaks Go encoding/json errors', () => {
    expect(goJsonError('', 'Unexpected end of JSON input')).toBe('unexpected end of JSON input');
    expect(goJsonError('x', "Unexpected token 'x', \"x\" is not valid JSON")).toBe("invalid character 'x' looking for beginning of value");
  });
});

describe('JSON merge patch (RFC 7386)', () => {
  it('merges objects, deletes with null and replaces lists', () => {
    expect(applyMergePatch(doc, '{"metadata":{"labels":{"a":null,"c":"3"}},"spec":{"list":[9]}}', 'v1.Pod')).toEqual({ metadata: { name: 'web', labels: { c: '3' } }, spec: { list: [9] } });
    expect(doc.metadata.labels).toEqual({ a: '1' });
  });

  it('answers Invalid JSON Patch for a body that is not JSON or is null', () => {
    for (const body of ['{', 'null', '3']) expect(fail(() => applyMergePatch(doc, body, 'v1.Pod'))).toMatchObject({ code: 400, reason: 'BadRequest', message: 'Invalid JSON Patch' });
  });

  it('answers 422 for a list, which replaces the object', () => {
    expect(fail(() => applyMergePatch(doc, '[1,null]', 'v1.Pod'))).toMatchObject({ code: 422, message: ' "" is invalid: patch: Invalid value: "[1]": json: cannot unmarshal array into Go value of type v1.Pod' });
  });
});

describe('patch content types and options', () => {
  it('takes the four patch types, and no strategic merge patch for custom resources', () => {
    expect(patchTypeOf('application/json-patch+json', false)).toBe('json');
    expect(patchTypeOf('application/merge-patch+json; charset=utf-8', false)).toBe('merge');
    expect(patchTypeOf('application/strategic-merge-patch+json', false)).toBe('strategic');
    expect(patchTypeOf('application/apply-patch+yaml', false)).toBe('apply');
    expect(fail(() => patchTypeOf('application/strategic-merge-patch+json', true))).toMatchObject({
      code: 415,
      reason: 'UnsupportedMediaType',
      message: 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    });
    expect(fail(() => patchTypeOf('application/json', false)).code).toBe(415);
  });

  it('requires a field manager for apply and refuses force otherwise', () => {
    expect(fail(() => validatePatchOptions('apply', {}, []))).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      details: { group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }] },
    });
    expect(fail(() => validatePatchOptions('merge', { force: 'true' }, [])).message).toBe('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
    expect(fail(() => validatePatchOptions('apply', { fieldManager: 'a\u0007b' }, [])).message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Invalid value: "a\\u0007b": invalid character U+0007 (at position 1)');
    expect(() => validatePatchOptions('apply', { fieldManager: 'kubectl', force: 'true' }, [])).not.toThrow();
  });
});

describe('keys named like prototype members are ordinary keys, and never reach a prototype', () => {
  const cm = JSON.parse('{"metadata":{"name":"cm"},"data":{"__proto__":"v","constructor":"c"}}') as unknown;
  const clean = () => {
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  };

  it('applies JSON patch operations on __proto__, constructor and toString as on any key (evanphx/json-patch)', () => {
    const added = applyJsonPatch(cm, '[{"op":"add","path":"/data/__proto__","value":"y"},{"op":"replace","path":"/data/constructor","value":"d"},{"op":"add","path":"/data/toString","value":"t"}]');
    expect(JSON.stringify(added)).toBe('{"metadata":{"name":"cm"},"data":{"__proto__":"y","constructor":"d","toString":"t"}}');
    expect(JSON.stringify(applyJsonPatch(cm, '[{"op":"test","path":"/data","value":{"__proto__":"v","constructor":"c"}},{"op":"move","from":"/data/__proto__","path":"/data/moved"}]'))).toBe('{"metadata":{"name":"cm"},"data":{"constructor":"c","moved":"v"}}');
    // Inherited members are not there: removing or walking into one is the generic 422.
    for (const path of ['/metadata/toString', '/constructor/prototype/polluted', '/__proto__/polluted', '/metadata/__proto__/polluted']) {
      expect(fail(() => applyJsonPatch(cm, JSON.stringify([{ op: path.endsWith('polluted') ? 'add' : 'remove', path, value: true }])))).toMatchObject({ code: 422 });
    }
    clean();
  });

  it('merges a merge patch whose first key is constructor, __proto__ or prototype, all of it', () => {
    for (const first of ['constructor', '__proto__', 'prototype']) {
      const out = applyMergePatch(cm, `{"${first}":{"polluted":true},"metadata":{"labels":{"m":"1"}},"data":{"__proto__":null,"x":"1"}}`, 'v1.ConfigMap') as Record<string, unknown>;
      expect(Object.hasOwn(out, first)).toBe(true);
      expect(JSON.stringify(out['metadata'])).toBe('{"name":"cm","labels":{"m":"1"}}');
      expect(JSON.stringify(out['data'])).toBe('{"constructor":"c","x":"1"}');
    }
    clean();
  });

  it('prunes nulls from new members and list items as evanphx/json-patch v4 does', () => {
    expect(applyMergePatch({ a: { b: 1 } }, '{"a":{"b":null,"c":{"d":null,"e":1}},"f":[1,null,{"g":null}]}', 'v1.X')).toEqual({ a: { c: { e: 1 } }, f: [1, {}] });
    expect(applyMergePatch({ a: [1] }, '{"a":{"b":null,"c":1}}', 'v1.X')).toEqual({ a: { c: 1 } });
  });
});
