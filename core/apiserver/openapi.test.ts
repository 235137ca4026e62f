import { describe, expect, it } from 'vitest';
import { def, gvk, obj, str } from '../api/schema/dsl';
import { fnv1a64, negotiateOpenApi, OPENAPI_V2_PROTOBUF, openapiResponse, type OpenApiResource } from './openapi';

// Documents are walked deep by path in these tests; typing every level would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = { [k: string]: any };
const PROTO = OPENAPI_V2_PROTOBUF;

const apps: OpenApiResource[] = [
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['status', 'binding', 'eviction', 'log'] },
  { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['status'] },
  { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['status', 'scale'] },
];

function get(path: string, options = {}, accept: string | undefined = 'application/json', query: Record<string, string> = {}) {
  const r = openapiResponse(path, query, accept, { resources: apps, ...options });
  if (!r) throw new Error(`no answer for ${path}`);
  return r;
}

describe('fnv1a64', () => {
  it('matches FNV-1a 64 and is stable', () => {
    const reference = (t: string) => {
      let h = 0xcbf29ce484222325n;
      for (let i = 0; i < t.length; i++) h = ((h ^ BigInt(t.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, '0').toUpperCase();
    };
    for (const t of ['', 'a', 'foobar', '{"paths":{}}', 'é☃'.repeat(50)]) expect(fnv1a64(t)).toBe(reference(t));
    expect(fnv1a64('a')).toBe('AF63DC4C8601EC8C');
  });
});

describe('negotiateOpenApi', () => {
  it('picks the first acceptable type', () => {
    expect(negotiateOpenApi(undefined, PROTO, true)).toBe('json');
    expect(negotiateOpenApi(PROTO, PROTO, true)).toBe('protobuf');
    expect(negotiateOpenApi(PROTO, PROTO, false)).toBeUndefined();
    expect(negotiateOpenApi(`${PROTO}, application/json`, PROTO, false)).toBe('json');
    expect(negotiateOpenApi('application/json;q=0, */*', PROTO, false)).toBe('json');
    expect(negotiateOpenApi('text/html', PROTO, true)).toBeUndefined();
  });
});

describe('/openapi/v2', () => {
  it('is a Swagger 2.0 document with paths and the definitions they use', () => {
    const r = get('/openapi/v2');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/json');
    const doc = r.body as Doc;
    expect(doc.swagger).toBe('2.0');
    expect(doc.definitions['io.k8s.api.core.v1.Pod']['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(doc.definitions['io.k8s.api.core.v1.PodSpec'].properties.containers['x-kubernetes-patch-merge-key']).toBe('name');
    expect(doc.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ type: 'string', format: 'int-or-string' });
    expect(doc.definitions['io.k8s.api.apps.v1.Deployment']).toBeDefined();
    expect(doc.definitions['io.k8s.api.autoscaling.v1.Scale']).toBeDefined();
    expect(doc.definitions['io.k8s.api.batch.v1.Job']).toBeUndefined();
    const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
    expect(patch.operationId).toBe('patchCoreV1NamespacedPod');
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: '', kind: 'Pod', version: 'v1' });
    expect(patch.parameters.map((p: Doc) => p.name)).toContain('fieldValidation');
    expect(patch.consumes).toContain('application/strategic-merge-patch+json');
    expect(doc.paths['/api/v1/pods'].get.operationId).toBe('listCoreV1PodForAllNamespaces');
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].get['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', kind: 'Scale', version: 'v1' });
    const refs = JSON.stringify(doc).match(/#\/definitions\/[^"]+/g) ?? [];
    for (const ref of new Set(refs)) expect(doc.definitions[ref.slice('#/definitions/'.length)], ref).toBeDefined();
  });

  it('answers protobuf when enabled, else 406 with a Status to a protobuf-only client', () => {
    const refused = get('/openapi/v2', {}, PROTO);
    expect(refused.status).toBe(406);
    expect(refused.body).toMatchObject({ kind: 'Status', reason: 'NotAcceptable', code: 406 });
    const proto = get('/openapi/v2', { protobuf: true }, PROTO);
    expect(proto.status).toBe(200);
    expect(proto.headers['content-type']).toBe('application/octet-stream');
    expect(proto.body).toBeInstanceOf(Uint8Array);
    expect((proto.body as Uint8Array).length).toBeGreaterThan(10_000);
  });

  it('leaves fieldValidation out when the server does not validate fields', () => {
    const doc = get('/openapi/v2', { serverFieldValidation: false }).body as Doc;
    expect(doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch.parameters.map((p: Doc) => p.name)).not.toContain('fieldValidation');
  });
});

describe('/openapi/v3', () => {
  it('lists one document per group/version with a stable hash', () => {
    const index = get('/openapi/v3').body as Doc;
    expect(Object.keys(index.paths)).toEqual(['api/v1', 'apis/apps/v1']);
    expect(index.paths['api/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{16}$/);
    expect((get('/openapi/v3').body as Doc).paths).toEqual(index.paths);
    const other = openapiResponse('/openapi/v3', {}, undefined, { resources: apps.slice(0, 2) })?.body as Doc;
    expect(other.paths['api/v1']).toEqual(index.paths['api/v1']);
    expect(other.paths['apis/apps/v1']).toBeUndefined();
  });

  it('serves an OpenAPI 3.0 document per group/version that kubectl explain and apply can use', () => {
    const index = get('/openapi/v3').body as Doc;
    const url = index.paths['apis/apps/v1'].serverRelativeURL as string;
    const r = get('/openapi/v3/apis/apps/v1', {}, 'application/json', { hash: url.split('hash=')[1] as string });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('public, immutable');
    const doc = r.body as Doc;
    expect(doc.openapi).toBe('3.0.0');
    const schemas = doc.components.schemas;
    expect(schemas['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(schemas['io.k8s.api.apps.v1.DeploymentSpec'].properties.strategy).toMatchObject({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy' }], 'x-kubernetes-patch-strategy': 'retainKeys' });
    expect(schemas['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toMatchObject({ format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(schemas['io.k8s.api.core.v1.Pod']).toBeUndefined();
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(Object.keys(patch.requestBody.content)).toContain('application/strategic-merge-patch+json');
    expect(patch.parameters.find((p: Doc) => p.name === 'fieldValidation')).toMatchObject({ in: 'query', schema: { type: 'string' } });
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].get['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[^"]+/g) ?? [];
    for (const ref of new Set(refs)) expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
  });

  it('redirects a stale hash, 404s an unknown group/version, and passes other paths by', () => {
    const moved = get('/openapi/v3/api/v1', {}, 'application/json', { hash: 'STALE' });
    expect(moved.status).toBe(301);
    expect(moved.headers.location).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{16}$/);
    expect(get('/openapi/v3/apis/batch/v1').status).toBe(404);
    expect(get('/openapi/v3', {}, 'application/com.github.proto-openapi.spec.v3@v1.0+protobuf').status).toBe(406);
    expect(openapiResponse('/api/v1/pods', {}, undefined)).toBeUndefined();
    expect(openapiResponse('/openapi/v2/', {}, undefined)?.status).toBe(200);
  });

  it('includes the kinds of extra definitions (CustomResourceDefinitions) without strategic merge patch', () => {
    const crd = def('com.example.v1.Widget', obj({ apiVersion: str(), kind: str(), metadata: { kind: 'ref', name: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }, spec: obj({ size: str('How big.') }) }, { description: 'A widget.' }), [gvk('example.com', 'v1', 'Widget')]);
    const widgets: OpenApiResource = { group: 'example.com', version: 'v1', resource: 'widgets', kind: 'Widget', namespaced: true, verbs: ['get', 'list', 'patch', 'create'], subresources: [], strategicMerge: false };
    const options = { resources: [...apps, widgets], extraDefinitions: [crd] };
    const index = openapiResponse('/openapi/v3', {}, undefined, options)?.body as Doc;
    expect(Object.keys(index.paths)).toContain('apis/example.com/v1');
    const doc = openapiResponse('/openapi/v3/apis/example.com/v1', {}, undefined, options)?.body as Doc;
    expect(doc.components.schemas['com.example.v1.Widget'].properties.spec.properties.size).toEqual({ type: 'string', description: 'How big.' });
    expect(Object.keys(doc.paths['/apis/example.com/v1/namespaces/{namespace}/widgets/{name}'].patch.requestBody.content)).not.toContain('application/strategic-merge-patch+json');
  });
});
