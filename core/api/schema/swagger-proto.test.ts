import { describe, expect, it } from 'vitest';
import { encodeSwaggerProto } from './swagger-proto';
import { utf8Encode as utf8 } from '../protobuf/text';

/** A minimal protobuf reader: field number → list of raw values (numbers or byte arrays). */
function read(buf: Uint8Array): Map<number, (number | Uint8Array)[]> {
  const out = new Map<number, (number | Uint8Array)[]>();
  let i = 0;
  const varint = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = buf[i++] as number;
      v += (b & 0x7f) * mul;
      mul *= 128;
      if (b < 0x80) return v;
    }
  };
  while (i < buf.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    const list = out.get(field) ?? [];
    if (wire === 0) list.push(varint());
    else if (wire === 2) {
      const len = varint();
      list.push(buf.subarray(i, i + len));
      i += len;
    } else throw new Error(`wire type ${wire}`);
    out.set(field, list);
  }
  return out;
}
const text = (b: unknown) => new TextDecoder().decode(b as Uint8Array);
const msg = (m: Map<number, (number | Uint8Array)[]>, f: number, i = 0) => read(m.get(f)?.[i] as Uint8Array);

describe('encodeSwaggerProto', () => {
  it('encodes UTF-8 like TextEncoder', () => {
    for (const s of ['', 'abc', 'é', '☃', '𝄞 clef', 'a"b\n']) expect([...utf8(s)]).toEqual([...new TextEncoder().encode(s)]);
  });

  it('writes the gnostic Document: info, definitions with properties, refs, types and extensions', () => {
    const doc = {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'v1.32.0' },
      definitions: {
        'io.k8s.api.core.v1.PodSpec': {
          description: 'PodSpec is a description of a pod.',
          required: ['containers'],
          type: 'object',
          properties: {
            containers: { type: 'array', items: { $ref: '#/definitions/io.k8s.api.core.v1.Container' }, 'x-kubernetes-patch-merge-key': 'name' },
            nodeSelector: { type: 'object', additionalProperties: { type: 'string' } },
          },
          'x-kubernetes-group-version-kind': [{ group: '', kind: 'Pod', version: 'v1' }],
        },
      },
    };
    const d = read(encodeSwaggerProto(doc));
    expect(text(d.get(1)?.[0])).toBe('2.0');
    expect(text(msg(d, 2).get(1)?.[0])).toBe('Kubernetes');
    const named = msg(msg(d, 9), 1);
    expect(text(named.get(1)?.[0])).toBe('io.k8s.api.core.v1.PodSpec');
    const schema = msg(named, 2);
    expect(text(schema.get(4)?.[0])).toBe('PodSpec is a description of a pod.');
    expect(text(schema.get(19)?.[0])).toBe('containers');
    expect(text(msg(schema, 22).get(1)?.[0])).toBe('object');
    const ext = msg(schema, 31);
    expect(text(ext.get(1)?.[0])).toBe('x-kubernetes-group-version-kind');
    expect(JSON.parse(text(msg(ext, 2).get(2)?.[0]))).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    const props = msg(schema, 25);
    expect(props.get(1)).toHaveLength(2);
    const containers = msg(read(props.get(1)?.[0] as Uint8Array), 2);
    const item = msg(msg(containers, 23), 1);
    expect(text(item.get(1)?.[0])).toBe('#/definitions/io.k8s.api.core.v1.Container');
    expect(JSON.parse(text(msg(msg(containers, 31), 2).get(2)?.[0]))).toBe('name');
    const nodeSelector = msg(read(props.get(1)?.[1] as Uint8Array), 2);
    expect(text(msg(msg(msg(nodeSelector, 21), 1), 22).get(1)?.[0])).toBe('string');
  });

  it('writes paths with operations, query parameters and vendor extensions', () => {
    const doc = {
      swagger: '2.0',
      paths: {
        '/api/v1/namespaces/{namespace}/pods/{name}': {
          patch: {
            operationId: 'patchCoreV1NamespacedPod',
            consumes: ['application/strategic-merge-patch+json'],
            parameters: [{ in: 'body', name: 'body', required: true, schema: { $ref: '#/definitions/x.Patch' } }, { in: 'query', name: 'fieldValidation', type: 'string', uniqueItems: true }],
            responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/x.Pod' } } },
            'x-kubernetes-group-version-kind': { group: '', kind: 'Pod', version: 'v1' },
          },
          parameters: [{ in: 'path', name: 'name', required: true, type: 'string' }],
        },
      },
    };
    const d = read(encodeSwaggerProto(doc));
    const named = msg(msg(d, 8), 2);
    expect(text(named.get(1)?.[0])).toBe('/api/v1/namespaces/{namespace}/pods/{name}');
    const item = msg(named, 2);
    const patch = msg(item, 8);
    expect(text(patch.get(5)?.[0])).toBe('patchCoreV1NamespacedPod');
    expect(patch.get(8)).toHaveLength(2);
    const query = msg(msg(msg(read(patch.get(8)?.[1] as Uint8Array), 1), 2), 3);
    expect(text(query.get(4)?.[0])).toBe('fieldValidation');
    expect(text(query.get(2)?.[0])).toBe('query');
    const body = msg(msg(read(patch.get(8)?.[0] as Uint8Array), 1), 1);
    expect(text(body.get(2)?.[0])).toBe('body');
    expect(body.get(4)).toEqual([1]);
    expect(JSON.parse(text(msg(msg(patch, 13), 2).get(2)?.[0]))).toEqual({ group: '', kind: 'Pod', version: 'v1' });
    const resp = msg(msg(msg(msg(patch, 9), 1), 2), 1);
    expect(text(resp.get(1)?.[0])).toBe('OK');
    const pathParam = msg(msg(msg(item, 9), 1), 2);
    expect(text(msg(pathParam, 4).get(4)?.[0])).toBe('name');
  });
});
