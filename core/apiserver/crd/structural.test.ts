import { describe, expect, it } from 'vitest';
import { FieldErrors } from '../../api/validation';
import { simulateCreate } from '../resources/harness';
import { customresourcedefinitions } from '../resources/crds';
import { Random } from '../../clock/random';
import { compareVersions } from './discovery';
import { validateStructural } from './structural';
import { cronTabCrd } from './testing';

const lines = (errs: FieldErrors) => errs.causes.map((c) => `${c.field}: ${c.message}`);

describe('structural schemas', () => {
  it('accepts the CronTab schema', () => {
    const errs = new FieldErrors();
    validateStructural(cronTabCrd().spec.versions[0]?.schema?.openAPIV3Schema, 'spec.versions[0].schema.openAPIV3Schema', errs);
    expect(errs.causes).toEqual([]);
  });

  it('reports what makes a schema non-structural, with kube messages', () => {
    const errs = new FieldErrors();
    const schema = {
      type: 'array',
      properties: {
        spec: { properties: { a: { type: 'array' }, b: { $ref: '#/definitions/b', type: 'string' }, c: { type: 'object', properties: {}, additionalProperties: { type: 'string' } } } },
        kind: { type: 'integer' },
        list: { type: 'array', uniqueItems: true, items: {} },
        free: { 'x-kubernetes-preserve-unknown-fields': true },
      },
    };
    validateStructural(schema, 'spec.versions[0].schema.openAPIV3Schema', errs);
    expect(lines(errs)).toEqual([
      'spec.versions[0].schema.openAPIV3Schema.type: Invalid value: "array": must be object at the root',
      'spec.versions[0].schema.openAPIV3Schema.properties[kind].type: Invalid value: "integer": must be string',
      'spec.versions[0].schema.openAPIV3Schema.items: Required value: must be specified',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[a].items: Required value: must be specified',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[b].$ref: Forbidden: $ref is not supported',
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[c].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive',
      'spec.versions[0].schema.openAPIV3Schema.properties[list].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic',
      'spec.versions[0].schema.openAPIV3Schema.properties[list].items.type: Required value: must not be empty for specified array items',
    ]);
  });

  it('is part of CRD validation, with the approval annotation of protected groups', () => {
    const ctx = { now: () => Date.parse('2026-01-01T00:00:00Z'), random: new Random(1) };
    const crd = cronTabCrd();
    (crd.spec.versions[0]?.schema?.openAPIV3Schema as Record<string, unknown>)['type'] = undefined;
    crd.metadata.name = 'crontabs.stable.k8s.io';
    crd.spec.group = 'stable.k8s.io';
    const { causes } = simulateCreate(customresourcedefinitions, crd, ctx);
    expect(causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      'metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111',
      'spec.versions[0].schema.openAPIV3Schema.type: Required value: must not be empty at the root',
    ]);
  });
});

describe('Kubernetes-aware version order', () => {
  it('sorts GA before beta before alpha, newer first, then other names', () => {
    expect(['v1alpha1', 'foo', 'v1', 'v2beta1', 'v1beta2', 'v2', 'v1beta1', 'bar', 'v10'].sort(compareVersions)).toEqual(['v10', 'v2', 'v1', 'v2beta1', 'v1beta2', 'v1beta1', 'v1alpha1', 'bar', 'foo']);
  });
});
