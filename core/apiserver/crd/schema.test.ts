import { describe, expect, it } from 'vitest';
import { applyDefaults, hasDefaults } from './default';
import { pruneObject } from './prune';
import type { JSONSchemaProps } from './schema';
import { validateAgainstSchema } from './validate';

const schema: JSONSchemaProps = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['image'],
      properties: {
        image: { type: 'string', minLength: 2, maxLength: 8 },
        mode: { type: 'string', enum: ['Fast', 'Slow'] },
        port: { 'x-kubernetes-int-or-string': true },
        ratio: { type: 'number', minimum: 0, maximum: 1, exclusiveMaximum: true },
        count: { type: 'integer', multipleOf: 2, default: 2 },
        tags: { type: 'array', maxItems: 2, minItems: 1, items: { type: 'string', pattern: '^[a-z]+$' } },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        when: { type: 'string', format: 'date-time' },
        note: { type: 'string', nullable: true },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { a: { type: 'string' } } } } },
      },
    },
  },
};

const causes = (spec: unknown) => validateAgainstSchema({ apiVersion: 'x.io/v1', kind: 'X', metadata: { name: 'x' }, spec }, schema).map((c) => `${c.field}: ${c.message}`);

describe('validation against the schema', () => {
  it('accepts a valid object', () => {
    expect(causes({ image: 'nginx', mode: 'Fast', port: 'http', ratio: 0.5, count: 4, tags: ['a'], labels: { a: 'b' }, free: { any: [1] }, when: '2026-01-01T00:00:00Z', note: null })).toEqual([]);
  });

  it('reports kube-openapi messages with kube field paths', () => {
    expect(causes({ mode: 'Medium', port: 1.5, ratio: 1, count: 3, tags: ['A', 'b', 'c'], labels: { a: 1 }, when: 'yesterday', image: 'x' })).toEqual([
      'spec.count: Invalid value: 3: spec.count in body should be a multiple of 2',
      'spec.image: Invalid value: "x": spec.image in body should be at least 2 chars long',
      'spec.labels.a: Invalid value: "integer": spec.labels.a in body must be of type string: "integer"',
      'spec.mode: Unsupported value: "Medium": supported values: "Fast", "Slow"',
      'spec.port: Invalid value: "number": spec.port in body must be of type integer,string: "number"',
      'spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1',
      'spec.tags[0]: Invalid value: "A": spec.tags[0] in body should match \'^[a-z]+$\'',
      'spec.tags: Too many: 3: must have at most 2 items',
      'spec.when: Invalid value: "yesterday": spec.when in body must be of type date-time: "yesterday"',
    ]);
    expect(causes({ image: 'much-too-long' })).toEqual(['spec.image: Too long: may not be more than 8 bytes']);
    expect(causes({})).toEqual(['spec.image: Required value']);
    expect(causes('text')).toEqual(['spec: Invalid value: "string": spec in body must be of type object: "string"']);
  });
});

describe('pruning', () => {
  it('drops the fields the schema does not declare and reports their paths', () => {
    const obj = {
      apiVersion: 'x.io/v1',
      kind: 'X',
      metadata: { name: 'x', bogus: 1 },
      extra: true,
      spec: { image: 'a', unknown: 1, labels: { k: 'v' }, free: { kept: { deep: 1 } }, tags: ['a'], template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', junk: 1 }, spec: { a: 'x', b: 'y' }, other: 1 } },
    };
    expect(pruneObject(obj, schema)).toEqual(['metadata.bogus', 'extra', 'spec.unknown', 'spec.template.metadata.junk', 'spec.template.spec.b', 'spec.template.other']);
    expect(obj).toEqual({
      apiVersion: 'x.io/v1',
      kind: 'X',
      metadata: { name: 'x' },
      spec: { image: 'a', labels: { k: 'v' }, free: { kept: { deep: 1 } }, tags: ['a'], template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { a: 'x' } } },
    });
  });

  it('keeps everything under x-kubernetes-preserve-unknown-fields at the root', () => {
    const obj = { metadata: { name: 'x' }, anything: { goes: true } };
    expect(pruneObject(obj, { type: 'object', 'x-kubernetes-preserve-unknown-fields': true })).toEqual([]);
    expect(obj.anything).toEqual({ goes: true });
  });
});

describe('defaulting', () => {
  it('fills missing fields and non-nullable nulls, and drops other nulls', () => {
    const s: JSONSchemaProps = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          default: {},
          properties: {
            replicas: { type: 'integer', default: 1 },
            paused: { type: 'boolean' },
            note: { type: 'string', nullable: true },
            ports: { type: 'array', items: { type: 'object', properties: { protocol: { type: 'string', default: 'TCP' } } } },
          },
        },
      },
    };
    const a: Record<string, unknown> = {};
    applyDefaults(a, s);
    expect(a).toEqual({ spec: { replicas: 1 } });
    const b = { spec: { replicas: null, paused: null, note: null, ports: [{}, { protocol: 'UDP' }] } };
    applyDefaults(b, s);
    expect(b).toEqual({ spec: { replicas: 1, note: null, ports: [{ protocol: 'TCP' }, { protocol: 'UDP' }] } });
    expect(hasDefaults(s)).toBe(true);
    expect(hasDefaults(schema.properties?.['spec']?.properties?.['image'])).toBe(false);
  });
});
