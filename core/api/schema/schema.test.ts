import { describe, expect, it } from 'vitest';
import { arr, def, obj, ref, str, SchemaRegistry, type Schema } from './dsl';
import { apiSchemas } from './index';
import { closure, definitionToOpenApi, referencedNames, toOpenApi } from './openapi';

const registry = apiSchemas();
const CORE = 'io.k8s.api.core.v1.';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** The schema at a dotted path below a definition (following refs, array items and map values). */
function at(defName: string, path: string): Schema {
  let s = registry.get(defName)?.schema;
  if (!s) throw new Error(`no definition ${defName}`);
  for (const part of path.split('.')) {
    s = registry.resolve(s);
    while (s.kind === 'array' || s.kind === 'map') s = registry.resolve(s.kind === 'array' ? s.items : s.values);
    if (s.kind !== 'object') throw new Error(`${defName}.${path}: ${part} is not below an object`);
    const next: Schema | undefined = s.properties[part];
    if (!next) throw new Error(`${defName}.${path}: no field ${part}`);
    s = next;
  }
  return s;
}

const KINDS: [string, string, string[]][] = [
  ['', 'v1', ['Pod', 'Service', 'Endpoints', 'Node', 'Namespace', 'ConfigMap', 'Secret', 'ServiceAccount', 'Event', 'PersistentVolume', 'PersistentVolumeClaim', 'ResourceQuota', 'LimitRange', 'ReplicationController', 'ComponentStatus']],
  ['apps', 'v1', ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision']],
  ['batch', 'v1', ['Job', 'CronJob']],
  ['autoscaling', 'v1', ['HorizontalPodAutoscaler']],
  ['autoscaling', 'v2', ['HorizontalPodAutoscaler']],
  ['networking.k8s.io', 'v1', ['Ingress', 'NetworkPolicy', 'IngressClass']],
  ['storage.k8s.io', 'v1', ['StorageClass']],
  ['coordination.k8s.io', 'v1', ['Lease']],
  ['events.k8s.io', 'v1', ['Event']],
  ['discovery.k8s.io', 'v1', ['EndpointSlice']],
  ['policy', 'v1', ['PodDisruptionBudget']],
  ['rbac.authorization.k8s.io', 'v1', ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']],
  ['apiextensions.k8s.io', 'v1', ['CustomResourceDefinition']],
];

describe('the built-in schemas', () => {
  it('resolve every reference', () => {
    const missing: string[] = [];
    for (const d of registry.all()) for (const n of referencedNames(d.schema)) if (!registry.get(n)) missing.push(`${d.name} → ${n}`);
    expect(missing).toEqual([]);
  });

  it('have every kind of the API with its list, each with apiVersion, kind and metadata', () => {
    for (const [group, version, kinds] of KINDS) {
      for (const kind of [...kinds, ...kinds.map((k) => `${k}List`)]) {
        const d = registry.forKind(group, version, kind);
        expect(d, `${group}/${version} ${kind}`).toBeDefined();
        const s = d?.schema;
        expect(s?.kind).toBe('object');
        if (s?.kind !== 'object') continue;
        expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata']));
        expect(s.properties.metadata).toMatchObject({ kind: 'ref', name: kind.endsWith('List') ? `${META}ListMeta` : `${META}ObjectMeta` });
        if (kind.endsWith('List')) expect(s.required).toContain('items');
      }
    }
    for (const [group, version, kind] of [['', 'v1', 'Binding'], ['autoscaling', 'v1', 'Scale'], ['policy', 'v1', 'Eviction']] as const) {
      expect(registry.forKind(group, version, kind), kind).toBeDefined();
    }
  });

  it('carry the real OpenAPI names, descriptions and required fields', () => {
    expect(registry.forKind('', 'v1', 'Pod')?.name).toBe(`${CORE}Pod`);
    expect(registry.forKind('apps', 'v1', 'Deployment')?.name).toBe('io.k8s.api.apps.v1.Deployment');
    expect(registry.forKind('autoscaling', 'v2', 'HorizontalPodAutoscaler')?.name).toBe('io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler');
    expect(registry.get(`${CORE}Pod`)?.schema.description).toMatch(/^Pod is a collection of containers that can run on a host/);
    expect(registry.get(`${CORE}PodSpec`)?.schema).toMatchObject({ required: ['containers'] });
    expect(registry.get(`${CORE}Container`)?.schema).toMatchObject({ required: ['name'] });
    expect(registry.get('io.k8s.api.apps.v1.DeploymentSpec')?.schema).toMatchObject({ required: ['selector', 'template'] });
    for (const d of registry.all()) expect(d.schema.description ?? '', d.name).not.toBe('');
  });

  it('keep the strategic-merge keys and list types of k8s.io/api', () => {
    const merge = (d: string, p: string) => {
      const s = at(d, p);
      return s.kind === 'array' ? { strategy: s.patchStrategy, key: s.patchMergeKey, type: s.listType, keys: s.listMapKeys } : { strategy: s.kind === 'ref' ? s.patchStrategy : undefined };
    };
    expect(merge(`${CORE}PodSpec`, 'containers')).toEqual({ strategy: 'merge', key: 'name', type: 'map', keys: ['name'] });
    expect(merge(`${CORE}PodSpec`, 'initContainers')).toEqual({ strategy: 'merge', key: 'name', type: 'map', keys: ['name'] });
    expect(merge(`${CORE}Container`, 'ports')).toEqual({ strategy: 'merge', key: 'containerPort', type: 'map', keys: ['containerPort', 'protocol'] });
    expect(merge(`${CORE}Container`, 'env')).toEqual({ strategy: 'merge', key: 'name', type: 'map', keys: ['name'] });
    expect(merge(`${CORE}Container`, 'volumeMounts')).toEqual({ strategy: 'merge', key: 'mountPath', type: 'map', keys: ['mountPath'] });
    expect(merge(`${CORE}PodSpec`, 'volumes')).toEqual({ strategy: 'merge,retainKeys', key: 'name', type: 'map', keys: ['name'] });
    expect(merge(`${CORE}PodSpec`, 'tolerations')).toEqual({ strategy: undefined, key: undefined, type: 'atomic', keys: undefined });
    expect(merge(`${CORE}PodSpec`, 'imagePullSecrets')).toEqual({ strategy: 'merge', key: 'name', type: 'map', keys: ['name'] });
    expect(merge(`${CORE}PodStatus`, 'conditions')).toEqual({ strategy: 'merge', key: 'type', type: 'map', keys: ['type'] });
    expect(merge(`${CORE}ServiceSpec`, 'ports')).toEqual({ strategy: 'merge', key: 'port', type: 'map', keys: ['port', 'protocol'] });
    expect(merge(`${CORE}NodeSpec`, 'taints')).toEqual({ strategy: undefined, key: undefined, type: 'atomic', keys: undefined });
    expect(merge(`${META}ObjectMeta`, 'finalizers')).toEqual({ strategy: 'merge', key: undefined, type: 'set', keys: undefined });
    expect(merge(`${META}ObjectMeta`, 'ownerReferences')).toEqual({ strategy: 'merge', key: 'uid', type: 'map', keys: ['uid'] });
    expect(merge('io.k8s.api.apps.v1.DeploymentSpec', 'strategy')).toEqual({ strategy: 'retainKeys' });
    expect(merge('io.k8s.api.apps.v1.DeploymentSpec', 'template.spec.containers')).toMatchObject({ key: 'name' });
  });

  it('uses the Quantity, IntOrString and Time types where k8s.io/api does', () => {
    expect(at(`${CORE}ResourceRequirements`, 'limits')).toMatchObject({ kind: 'map', values: { kind: 'quantity' } });
    expect(at('io.k8s.api.apps.v1.RollingUpdateDeployment', 'maxSurge').kind).toBe('intOrString');
    expect(at(`${META}ObjectMeta`, 'creationTimestamp').kind).toBe('time');
  });
});

describe('OpenAPI rendering', () => {
  it('renders fields with $ref, extensions and the scalar wrappers as kube-apiserver does', () => {
    const containers = toOpenApi(at(`${CORE}PodSpec`, 'containers'), 'v2');
    expect(containers).toEqual({
      description: expect.stringMatching(/^List of containers belonging to the pod/),
      type: 'array',
      items: { $ref: `#/definitions/${CORE}Container` },
      'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
    });
    expect(toOpenApi(at(`${META}ObjectMeta`, 'creationTimestamp'), 'v2')).toMatchObject({ $ref: `#/definitions/${META}Time` });
    expect(toOpenApi(at(`${CORE}PodSpec`, 'nodeSelector'), 'v3')).toMatchObject({ type: 'object', additionalProperties: { type: 'string' }, 'x-kubernetes-map-type': 'atomic' });
    expect(toOpenApi(at(`${CORE}Pod`, 'spec'), 'v3')).toEqual({ allOf: [{ $ref: `#/components/schemas/${CORE}PodSpec` }], description: expect.any(String) });
    expect(definitionToOpenApi(registry.get('io.k8s.apimachinery.pkg.api.resource.Quantity')!, 'v2')).toMatchObject({ type: 'string' });
    expect(definitionToOpenApi(registry.get('io.k8s.apimachinery.pkg.api.resource.Quantity')!, 'v3')).toMatchObject({ oneOf: [{ type: 'string' }, { type: 'number' }] });
    expect(definitionToOpenApi(registry.get('io.k8s.apimachinery.pkg.util.intstr.IntOrString')!, 'v2')).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(definitionToOpenApi(registry.get(`${META}Time`)!, 'v3')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(definitionToOpenApi(registry.get(`${CORE}Pod`)!, 'v2')['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
  });

  it('publishes the values of enum types with their description', () => {
    const s = str('mode', { enum: ['A', 'B'] });
    expect(toOpenApi(s, 'v2')).toEqual({ type: 'string', description: 'mode', enum: ['A', 'B'] });
    expect(toOpenApi(s, 'v3')).toEqual({ type: 'string', description: 'mode', enum: ['A', 'B'] });
    const pullPolicy = at(`${CORE}Container`, 'imagePullPolicy');
    expect(pullPolicy).toMatchObject({ kind: 'string', enum: ['Always', 'IfNotPresent', 'Never'] });
    expect(pullPolicy.description).toContain('\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image.');
  });

  it('takes the closure of a definition and reports names it cannot find', () => {
    const r = new SchemaRegistry();
    r.add(def('a.A', obj({ b: ref('a.B'), c: arr(ref('a.C')) })), def('a.B', obj({ a: ref('a.A') })));
    const c = closure(r, ['a.A']);
    expect(c.definitions.map((d) => d.name)).toEqual(['a.A', 'a.B']);
    expect(c.missing).toEqual(['a.C']);
    expect(closure(registry, [`${CORE}Pod`]).missing).toEqual([]);
  });
});
