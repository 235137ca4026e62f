import { describe, expect, it } from 'vitest';
import { conform, goTypeOfSchema, QUANTITY_REGEXP_ERROR, type ConformOptions } from './conform';
import { parseGoTime } from './goTime';
import { goFieldType, isNullTime } from './goTypes';
import { apiSchemas } from './index';

const registry = apiSchemas();
const quantity: ConformOptions['quantity'] = (t) => (/^[0-9]+(m|Mi|Gi)?$/.test(t) ? { value: t === '0.5' ? '500m' : t } : { error: QUANTITY_REGEXP_ERROR });
const decode = (kind: string, value: unknown, options: ConformOptions = {}) => conform(registry, `io.k8s.api.${kind}`, value as Record<string, unknown>, { quantity, ...options });
const error = (kind: string, value: unknown, options: ConformOptions = {}) => {
  const r = decode(kind, value, options);
  return r.ok ? `no error: ${JSON.stringify(r.value)}` : r.error;
};

describe('conform: the decoder of request bodies (json mode)', () => {
  it('answers a value of the wrong JSON type with encoding/json\'s error, struct and path as kube prints them', () => {
    expect(error('core.v1.Service', { spec: '128Mi' })).toBe('json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec');
    expect(error('batch.v1.Job', { spec: false })).toBe('json: cannot unmarshal bool into Go struct field Job.spec of type v1.JobSpec');
    expect(error('rbac.v1.ClusterRoleBinding', { subjects: 'x' })).toBe('json: cannot unmarshal string into Go struct field ClusterRoleBinding.subjects of type []v1.Subject');
    expect(error('rbac.v1.ClusterRoleBinding', { subjects: [2147483647] })).toBe('json: cannot unmarshal number into Go struct field ClusterRoleBinding.subjects of type v1.Subject');
    expect(error('core.v1.Pod', { metadata: { name: true } })).toBe('json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string');
    expect(error('core.v1.Pod', { metadata: { labels: { a: 1 } } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    expect(error('core.v1.Pod', { metadata: { labels: [] } })).toBe('json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string');
    expect(error('core.v1.Pod', { spec: { containers: { name: 'app' } } })).toBe('json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container');
  });

  it('names the Go types the schema cannot tell: named strings, named maps, types.UID', () => {
    expect(error('core.v1.Service', { spec: { type: 1 } })).toBe('json: cannot unmarshal number into Go struct field ServiceSpec.spec.type of type v1.ServiceType');
    expect(error('core.v1.Service', { spec: { ipFamilies: [4] } })).toBe('json: cannot unmarshal number into Go struct field ServiceSpec.spec.ipFamilies of type v1.IPFamily');
    expect(error('core.v1.Pod', { spec: { containers: [{ resources: { limits: 'x' } }] } })).toBe('json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList');
    expect(error('core.v1.Pod', { metadata: { uid: 5 } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.uid of type types.UID');
    expect(goFieldType('io.k8s.api.core.v1.ServicePort', 'protocol')).toBe('v1.Protocol');
    expect(goTypeOfSchema({ kind: 'array', items: { kind: 'ref', name: 'io.k8s.api.core.v1.Container' } })).toBe('[]v1.Container');
  });

  it('checks integers: a fraction or a value out of range is a number error with its text', () => {
    expect(error('core.v1.Service', { spec: { ports: [{ port: 'x' }] } })).toBe('json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32');
    expect(error('core.v1.Service', { spec: { ports: [{ port: 1.5 }] } })).toBe('json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.port of type int32');
    expect(error('apps.v1.Deployment', { spec: { replicas: 2 ** 31 } })).toBe('json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(decode('apps.v1.Deployment', { spec: { replicas: 2 ** 31 - 1 } }).ok).toBe(true);
  });

  it('reports the first type error, but an unmarshaler\'s error ends the decode at once', () => {
    expect(error('core.v1.Pod', { metadata: { name: 1, labels: { a: 2 } } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string');
    // IntOrString, Quantity and Time have their own UnmarshalJSON: their error returns at once (winning over a saved one).
    expect(error('core.v1.Service', { metadata: { name: 1 }, spec: { ports: [{ port: 80, targetPort: 1.5 }] } })).toBe('json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.targetPort of type int32');
    expect(error('core.v1.Pod', { spec: { containers: [{ resources: { limits: { cpu: true } } }] } })).toBe(QUANTITY_REGEXP_ERROR);
    expect(error('core.v1.Pod', { spec: { containers: [{ resources: { limits: { cpu: 'lots' } } }] } })).toBe(QUANTITY_REGEXP_ERROR);
    expect(error('core.v1.Pod', { metadata: { creationTimestamp: 5 } })).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string');
    expect(error('core.v1.Pod', { metadata: { creationTimestamp: 'yesterday' } })).toBe('parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"');
  });

  it('decodes nulls to Go zero values: fields left out, list items of structs {}, map values of strings ""', () => {
    expect(decode('core.v1.Endpoints', { subsets: [null] })).toEqual({ ok: true, value: { subsets: [{}] } });
    expect(decode('core.v1.LimitRange', { spec: { limits: [null] } })).toEqual({ ok: true, value: { spec: { limits: [{}] } } });
    expect(decode('core.v1.Secret', { data: { a: null } })).toEqual({ ok: true, value: { data: { a: '' } } });
    expect(decode('core.v1.Pod', { metadata: { labels: { a: null }, annotations: null }, spec: null })).toEqual({ ok: true, value: { metadata: { labels: { a: '' } } } });
    expect(decode('core.v1.Pod', { spec: { containers: [{ name: 'a', command: [null], resources: { limits: { cpu: null } } }] } })).toEqual({ ok: true, value: { spec: { containers: [{ name: 'a', command: [''], resources: { limits: { cpu: '0' } } }] } } });
  });

  it('keeps a null Time that is not a pointer (Go writes its zero as null), and leaves out a null pointer one', () => {
    expect(isNullTime('io.k8s.api.core.v1.PodCondition', 'lastProbeTime')).toBe(true);
    expect(decode('core.v1.Pod', { status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] } })).toEqual({ ok: true, value: { status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] } } });
    expect(decode('core.v1.Pod', { metadata: { deletionTimestamp: null } })).toEqual({ ok: true, value: { metadata: {} } });
  });

  it('drops unknown fields, and keeps keys named like prototype members as data', () => {
    const r = decode('core.v1.ConfigMap', JSON.parse('{"bogus":1,"__proto__":{"x":1},"constructor":"c","data":{"__proto__":"v","toString":"t"}}') as unknown);
    expect(r.ok && JSON.stringify(r.value)).toBe('{"data":{"__proto__":"v","toString":"t"}}');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('writes timestamps back in UTC, and canonical quantities for numbers', () => {
    expect(decode('core.v1.Pod', { metadata: { creationTimestamp: '2026-03-01T11:00:00.5+02:00' } })).toEqual({ ok: true, value: { metadata: { creationTimestamp: '2026-03-01T09:00:00Z' } } });
    expect(decode('core.v1.Pod', { spec: { containers: [{ resources: { limits: { memory: '128Mi', cpu: 2 } } }] } })).toEqual({ ok: true, value: { spec: { containers: [{ resources: { limits: { memory: '128Mi', cpu: '2' } } }] } } });
  });
});

describe('conform: the unstructured converter (after a strategic merge patch)', () => {
  const u = { mode: 'unstructured' as const };
  it('speaks runtime.DefaultUnstructuredConverter: restore, convert and unrecognized type', () => {
    expect(error('core.v1.Pod', { spec: { containers: { name: 'app' } } }, u)).toBe('cannot restore slice from map');
    expect(error('core.v1.Service', { spec: '128Mi' }, u)).toBe('cannot restore struct from: string');
    expect(error('core.v1.Pod', { metadata: { labels: [] } }, u)).toBe('cannot restore map from slice');
    expect(error('core.v1.Service', { spec: { type: 1 } }, u)).toBe('cannot convert int64 to v1.ServiceType');
    expect(error('core.v1.Service', { spec: { type: true } }, u)).toBe('unrecognized type: string');
    expect(error('core.v1.Service', { spec: { ports: [{ port: 1.5 }] } }, u)).toBe('cannot convert float64 to int32');
    expect(error('core.v1.Service', { spec: { ports: [{ port: 80, targetPort: 1.5 }] } }, u)).toBe('json: cannot unmarshal number 1.5 into Go value of type int32');
  });

  it('visits fields in Go order (metadata before spec), and keeps the body\'s order in the value', () => {
    expect(error('core.v1.Pod', { spec: { containers: 1 }, metadata: { name: true } }, u)).toBe('unrecognized type: string');
    const r = decode('core.v1.Pod', { spec: {}, metadata: { name: 'a' }, kind: 'Pod' }, u);
    expect(r.ok && Object.keys(r.value)).toEqual(['spec', 'metadata', 'kind']);
  });
});

describe('parseGoTime: time.Parse with RFC 3339', () => {
  it('parses offsets and fractions, and errors as Go does', () => {
    expect(parseGoTime('2026-02-28T23:30:00-01:00')).toEqual({ ok: true, value: '2026-03-01T00:30:00Z' });
    expect(parseGoTime('2024-02-30T00:00:00Z')).toEqual({ ok: false, error: 'parsing time "2024-02-30T00:00:00Z": day out of range' });
    expect(parseGoTime('2024-13-01T00:00:00Z')).toEqual({ ok: false, error: 'parsing time "2024-13-01T00:00:00Z": month out of range' });
    expect(parseGoTime('2024-01-01 00:00:00Z')).toEqual({ ok: false, error: 'parsing time "2024-01-01 00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00Z" as "T"' });
    expect(parseGoTime('2024-01-01T00:00:00')).toEqual({ ok: false, error: 'parsing time "2024-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"' });
    expect(parseGoTime('2024-01-01T00:00:00Zjunk')).toEqual({ ok: false, error: 'parsing time "2024-01-01T00:00:00Zjunk": extra text: "junk"' });
  });

  it('needs the six fraction digits of MicroTime', () => {
    expect(parseGoTime('2026-03-01T09:00:00.123456+01:00', true)).toEqual({ ok: true, value: '2026-03-01T08:00:00.123456Z' });
    expect(parseGoTime('2026-03-01T09:00:00Z', true)).toEqual({ ok: false, error: 'parsing time "2026-03-01T09:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"' });
  });
});
