import { describe, expect, it } from 'vitest';
import { def, obj, SchemaRegistry, str } from './dsl';
import { strictDecodingMessage, unknownFields } from './fields';
import { apiSchemas } from './index';

const registry = apiSchemas();
const POD = 'io.k8s.api.core.v1.Pod';

describe('unknownFields', () => {
  it('finds nothing in a valid object', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'a/b': 'c' }, ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'x', uid: 'u' }] },
      spec: {
        containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: 128 } }, env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }],
        nodeSelector: { disk: 'ssd' },
        volumes: [{ name: 'v', emptyDir: { sizeLimit: '1Gi' } }],
      },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }] },
    };
    expect(unknownFields(registry, POD, pod)).toEqual([]);
  });

  it("reports each unknown field with kube's path and message, in the object's order", () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', lables: { a: 'b' } },
      spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y', imagePullPolcy: 'Always', ports: [{ containerPort: 1, protocl: 'TCP' }] }], foo: 1 },
      extra: true,
    };
    expect(unknownFields(registry, POD, pod)).toEqual([
      'unknown field "metadata.lables"',
      'unknown field "spec.containers[1].imagePullPolcy"',
      'unknown field "spec.containers[1].ports[0].protocl"',
      'unknown field "spec.foo"',
      'unknown field "extra"',
    ]);
    expect(strictDecodingMessage('Pod', 'v1', unknownFields(registry, POD, { spec: { foo: 1 }, bar: 2 }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.foo", unknown field "bar"',
    );
  });

  it('is case-sensitive, like the strict decoder', () => {
    expect(unknownFields(registry, POD, { Spec: {} })).toEqual(['unknown field "Spec"']);
  });

  it('descends into maps of objects with .key and into deployments through the pod template', () => {
    const crd = {
      spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { size: { type: 'integer', minimun: 1 } } } } }] },
    };
    expect(unknownFields(registry, 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition', crd)).toEqual([
      'unknown field "spec.versions[0].schema.openAPIV3Schema.properties.size.minimun"',
    ]);
    const deploy = { spec: { replicas: 2, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } }, template: { spec: { containers: [{ name: 'a', imagee: 'x' }] } } } };
    expect(unknownFields(registry, 'io.k8s.api.apps.v1.Deployment', deploy)).toEqual(['unknown field "spec.template.spec.containers[0].imagee"']);
  });

  it('accepts anything inside free-form fields and ignores values of the wrong type', () => {
    expect(unknownFields(registry, 'io.k8s.api.apps.v1.ControllerRevision', { data: { anything: { goes: 1 } }, revision: 1 })).toEqual([]);
    expect(unknownFields(registry, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', { managedFields: [{ fieldsV1: { 'f:spec': {} } }] })).toEqual([]);
    expect(unknownFields(registry, POD, { spec: 'not an object', metadata: [1] })).toEqual([]);
    expect(unknownFields(registry, 'no.such.Definition', { a: 1 })).toEqual([]);
  });

  it('reports a path once and at most 100 paths', () => {
    const r = new SchemaRegistry();
    r.add(def('t.T', obj({ a: str() })));
    const many: Record<string, number> = {};
    for (let i = 0; i < 150; i++) many[`f${i}`] = i;
    expect(unknownFields(r, 't.T', many)).toHaveLength(100);
  });
});
