import { describe, expect, it } from 'vitest';
import { FieldErrors, dns1123Label, dns1123Subdomain, labelKey, labelValue } from './validation';

// apimachinery's exact messages (k8s.io/apimachinery/pkg/util/validation).
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('dns1123Label', () => {
  it.each(['a', 'my-name', '123-abc', 'x'.repeat(63)])('accepts %s', (v) => {
    expect(dns1123Label(v)).toEqual([]);
  });

  it.each(['My-Name', '-a', 'a-', 'a.b', 'a_b', ''])('rejects %j with the RFC 1123 label message', (v) => {
    expect(dns1123Label(v)).toEqual([LABEL_MSG]);
  });

  it('reports the length too', () => {
    expect(dns1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(dns1123Label('A'.repeat(64))).toEqual(['must be no more than 63 characters', LABEL_MSG]);
  });
});

describe('dns1123Subdomain', () => {
  it.each(['example.com', 'web', 'a-1.b-2.c', `${'a'.repeat(63)}.${'b'.repeat(63)}`])('accepts %s', (v) => {
    expect(dns1123Subdomain(v)).toEqual([]);
  });

  it.each(['Web_1', 'a..b', '.a', 'a.', 'a b'])('rejects %j with the RFC 1123 subdomain message', (v) => {
    expect(dns1123Subdomain(v)).toEqual([SUBDOMAIN_MSG]);
  });

  it('allows 253 characters, not 254', () => {
    const name = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'a' : '.')).join('').replace(/\.$/, 'a');
    expect(dns1123Subdomain(name(253))).toEqual([]);
    expect(dns1123Subdomain(`${name(253)}a`)).toEqual(['must be no more than 253 characters']);
  });
});

describe('labelKey', () => {
  it.each(['app', 'App_Name.v1', 'example.com/app', 'node-role.kubernetes.io/control-plane', 'a/b'])('accepts %s', (k) => {
    expect(labelKey(k)).toEqual([]);
  });

  it('checks the prefix as a DNS subdomain', () => {
    expect(labelKey('Example.com/app')).toEqual([`prefix part ${SUBDOMAIN_MSG}`]);
    expect(labelKey('/app')).toEqual(['prefix part must be non-empty']);
  });

  it('checks the name part', () => {
    expect(labelKey('-app')).toEqual([NAME_PART_MSG]);
    expect(labelKey('example.com/')).toContain('name part must be non-empty');
    expect(labelKey('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
    expect(labelKey(`example.com/${'a'.repeat(63)}`)).toEqual([]);
  });
});

describe('labelValue', () => {
  it.each(['', 'web', 'v1.0', 'My_Value', '12345', 'a'.repeat(63)])('accepts %j', (v) => {
    expect(labelValue(v)).toEqual([]);
  });

  it.each(['-x', 'x-', 'a b', 'a/b'])('rejects %j', (v) => {
    expect(labelValue(v)).toEqual([VALUE_MSG]);
  });

  it('limits the length to 63', () => {
    expect(labelValue('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('FieldErrors', () => {
  it('starts empty', () => {
    expect(new FieldErrors().any).toBe(false);
  });

  it('formats each kind of error as field.Error does', () => {
    const errs = new FieldErrors();
    errs.required('spec.containers');
    errs.required('metadata.name', 'name or generateName is required');
    errs.invalid('metadata.name', 'Web_1', 'bad name');
    errs.invalid('spec.replicas', -1, 'must be greater than or equal to 0');
    errs.invalid('spec.x', undefined, 'missing');
    errs.notSupported('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']);
    errs.duplicate('spec.containers[1].name', 'c');
    errs.forbidden('metadata.namespace', 'not allowed on this type');
    expect(errs.any).toBe(true);
    expect(errs.causes).toEqual([
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers' },
      { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: "Web_1": bad name', field: 'metadata.name' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: null: missing', field: 'spec.x' },
      { reason: 'FieldValueNotSupported', message: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"', field: 'spec.restartPolicy' },
      { reason: 'FieldValueDuplicate', message: 'Duplicate value: "c"', field: 'spec.containers[1].name' },
      { reason: 'FieldValueForbidden', message: 'Forbidden: not allowed on this type', field: 'metadata.namespace' },
    ]);
  });
});
