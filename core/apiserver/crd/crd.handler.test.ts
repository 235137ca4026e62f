import { describe, expect, it } from 'vitest';
import { unknownFields } from '../../api/schema/fields';
import type { Status } from '../../api/status';
import type { CustomResourceDefinition } from '../../api/types';
import { ManualClock } from '../../clock/clock';
import { Random } from '../../clock/random';
import { Store } from '../../storage/store';
import { ApiServer } from '../handler';
import { isStream, type ApiResponse } from '../request';
import { cronTab, cronTabCrd } from './testing';

const START = Date.parse('2026-01-01T00:00:00Z');
const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const CRONTABS = '/apis/stable.example.com/v1/namespaces/default/crontabs';
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Lets the API server's CRD controllers run (they follow the store's watch). */
function settle(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}

async function setup() {
  const store = new Store();
  const clock = new ManualClock(START);
  const api = new ApiServer({ store, clock, random: new Random(7), unknownFields });
  const call = async (method: string, path: string, o: { body?: unknown; query?: Record<string, string>; headers?: Record<string, string> } = {}) => {
    const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    const res: ApiResponse = await api.handle({ method, path, query: o.query ?? {}, headers: o.headers ?? {}, body });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as Obj, headers: res.headers };
  };
  await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } });
  const createCrd = async (crd: CustomResourceDefinition = cronTabCrd()) => {
    const r = await call('POST', CRDS, { body: crd });
    await settle();
    return r;
  };
  return { store, clock, api, call, createCrd };
}

describe('serving the custom resources of a CRD', () => {
  it('answers 404 for the custom resource path before the CRD exists', async () => {
    const { call } = await setup();
    const r = await call('GET', CRONTABS);
    expect(r.status).toBe(404);
    expect((r.body as Status).message).toBe('the server could not find the requested resource');
  });

  it('sets acceptedNames, NamesAccepted and Established as the apiextensions controllers do', async () => {
    const { call, createCrd } = await setup();
    const created = await createCrd();
    expect(created.status).toBe(201);
    expect(created.body.status).toEqual({ acceptedNames: { plural: '', kind: '' }, storedVersions: ['v1'] });
    const crd = (await call('GET', `${CRDS}/crontabs.stable.example.com`)).body;
    expect(crd.status.acceptedNames).toEqual({ plural: 'crontabs', singular: 'crontab', shortNames: ['ct'], kind: 'CronTab', listKind: 'CronTabList' });
    expect(crd.status.conditions).toEqual([
      { type: 'NamesAccepted', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'NoConflicts', message: 'no conflicts found' },
      { type: 'Established', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
    ]);
    expect(crd.metadata.managedFields.map((m: Obj) => [m.manager, m.subresource])).toContainEqual(['kube-apiserver', 'status']);
  });

  it('creates, reads, lists, updates and deletes custom resources', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    const created = await call('POST', CRONTABS, { body: cronTab('my-new-cron-object') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'my-new-cron-object', namespace: 'default', generation: 1 }, spec: { replicas: 3 } });
    const list = (await call('GET', CRONTABS)).body;
    expect(list.kind).toBe('CronTabList');
    expect(list.items.map((i: Obj) => i.metadata.name)).toEqual(['my-new-cron-object']);
    expect((await call('GET', '/apis/stable.example.com/v1/crontabs')).body.items).toHaveLength(1);
    const updated = await call('PUT', `${CRONTABS}/my-new-cron-object`, { body: { ...created.body, spec: { ...created.body.spec, replicas: 4 } } });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.generation).toBe(2);
    const deleted = await call('DELETE', `${CRONTABS}/my-new-cron-object`);
    expect(deleted.status).toBe(200);
    expect((await call('GET', `${CRONTABS}/my-new-cron-object`)).body).toMatchObject({ reason: 'NotFound', message: 'crontabs.stable.example.com "my-new-cron-object" not found' });
  });

  it('validates against the schema with kube-openapi messages', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    const bad = await call('POST', CRONTABS, { body: cronTab('bad', { cronSpec: '* * * *', image: 'x', replicas: 15 }) });
    expect(bad.status).toBe(422);
    expect((bad.body as Status).message).toBe(
      `CronTab.stable.example.com "bad" is invalid: [spec.cronSpec: Invalid value: "* * * *": spec.cronSpec in body should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$', spec.replicas: Invalid value: 15: spec.replicas in body should be less than or equal to 10]`,
    );
    const typed = await call('POST', CRONTABS, { body: cronTab('typed', { replicas: 'three' }) });
    expect((typed.body as Status).details?.causes).toEqual([{ reason: 'FieldValueTypeInvalid', message: 'Invalid value: "string": spec.replicas in body must be of type integer: "string"', field: 'spec.replicas' }]);
    const name = await call('POST', CRONTABS, { body: cronTab('Not_A_Name') });
    expect((name.body as Status).details?.causes?.[0]?.field).toBe('metadata.name');
  });

  it('lets an update keep a value a newer schema no longer accepts (validation ratcheting)', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    await call('POST', CRONTABS, { body: cronTab('old', { image: 'x', replicas: 8 }) });
    // In process the answer shares the store's frozen objects: change a copy, as a client would.
    const crd = structuredClone((await call('GET', `${CRDS}/crontabs.stable.example.com`)).body);
    crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.replicas.maximum = 5;
    expect((await call('PUT', `${CRDS}/crontabs.stable.example.com`, { body: crd })).status).toBe(200);
    await settle();
    const old = (await call('GET', `${CRONTABS}/old`)).body;
    expect((await call('PUT', `${CRONTABS}/old`, { body: { ...old, spec: { ...old.spec, image: 'y' } } })).status).toBe(200);
    const worse = await call('PUT', `${CRONTABS}/old`, { body: { ...old, metadata: { name: 'old' }, spec: { image: 'y', replicas: 9 } } });
    expect((worse.body as Status).details?.causes?.[0]?.message).toBe('Invalid value: 9: spec.replicas in body should be less than or equal to 5');
  });

  it('prunes unknown fields, reporting them per fieldValidation', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    const body = cronTab('pruned', { image: 'x', imagePullPolcy: 'Always' });
    const strict = await call('POST', CRONTABS, { body, query: { fieldValidation: 'Strict' } });
    expect(strict.status).toBe(400);
    expect((strict.body as Status).message).toBe('CronTab in version "v1" cannot be handled as a CronTab: strict decoding error: unknown field "spec.imagePullPolcy"');
    const warned = await call('POST', CRONTABS, { body });
    expect(warned.status).toBe(201);
    expect(warned.headers['warning']).toEqual(['299 - "unknown field \\"spec.imagePullPolcy\\""']);
    expect(warned.body.spec).toEqual({ image: 'x' });
  });

  it('defaults from the schema, on write and on read', async () => {
    const { call, createCrd, store } = await setup();
    const crd = cronTabCrd();
    const spec = (crd.spec.versions[0]?.schema?.openAPIV3Schema as Obj).properties.spec;
    spec.properties.replicas.default = 1;
    spec.properties.suspend = { type: 'boolean', nullable: false, default: false };
    await createCrd(crd);
    const created = await call('POST', CRONTABS, { body: cronTab('defaulted', { image: 'x', suspend: null }) });
    expect(created.body.spec).toEqual({ image: 'x', replicas: 1, suspend: false });
    // An object stored before a default existed gets it when read.
    const key = '/registry/stable.example.com/crontabs/default/defaulted';
    const stored = structuredClone(store.get(key)) as Obj;
    delete stored.spec.replicas;
    store.update(key, stored as never);
    expect((await call('GET', `${CRONTABS}/defaulted`)).body.spec.replicas).toBe(1);
  });

  it('prints the printer columns in Tables, wide columns by priority, and Age by default', async () => {
    const { call, createCrd, clock } = await setup();
    const crd = cronTabCrd();
    crd.spec.versions[0]?.additionalPrinterColumns?.push({ name: 'Image', type: 'string', jsonPath: '.spec.image', priority: 1 });
    await createCrd(crd);
    await call('POST', CRONTABS, { body: cronTab('my-new-cron-object') });
    clock.advance(90_000);
    const table = (await call('GET', CRONTABS, { headers: { accept: TABLE } })).body;
    expect(table.columnDefinitions.map((c: Obj) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Spec', 'string', 0],
      ['Replicas', 'integer', 0],
      ['Age', 'date', 0],
      ['Image', 'string', 1],
    ]);
    expect(table.columnDefinitions[1].description).toBe('The cron spec defining the interval a CronJob is run');
    expect(table.rows[0].cells).toEqual(['my-new-cron-object', '* * * * */5', 3, '90s', 'my-awesome-cron-image']);
    const plain = cronTabCrd();
    plain.metadata.name = 'widgets.example.com';
    plain.spec = { ...plain.spec, group: 'example.com', names: { plural: 'widgets', kind: 'Widget' } };
    delete plain.spec.versions[0]?.additionalPrinterColumns;
    await createCrd(plain);
    await call('POST', '/apis/example.com/v1/namespaces/default/widgets', { body: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } } });
    const widgets = (await call('GET', '/apis/example.com/v1/namespaces/default/widgets', { headers: { accept: TABLE } })).body;
    expect(widgets.columnDefinitions.map((c: Obj) => c.name)).toEqual(['Name', 'Age']);
    expect(widgets.rows[0].cells).toEqual(['w', '0s']);
  });

  it('refuses strategic merge patch and applies merge patches and server-side apply', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    await call('POST', CRONTABS, { body: cronTab('p') });
    const smp = await call('PATCH', `${CRONTABS}/p`, { body: { spec: { replicas: 5 } }, headers: { 'content-type': 'application/strategic-merge-patch+json' } });
    expect(smp.status).toBe(415);
    const merge = await call('PATCH', `${CRONTABS}/p`, { body: { spec: { replicas: 5 } }, headers: { 'content-type': 'application/merge-patch+json' } });
    expect(merge.body.spec.replicas).toBe(5);
    const apply = await call('PATCH', `${CRONTABS}/applied`, {
      body: cronTab('applied', { image: 'a', replicas: 2 }),
      query: { fieldManager: 'me' },
      headers: { 'content-type': 'application/apply-patch+yaml' },
    });
    expect(apply.status).toBe(201);
    expect(apply.body.metadata.managedFields[0]).toMatchObject({ manager: 'me', operation: 'Apply', apiVersion: 'stable.example.com/v1' });
  });

  it('serves the status and scale subresources when declared', async () => {
    const { call, createCrd } = await setup();
    const crd = cronTabCrd();
    const v = crd.spec.versions[0] as CustomResourceDefinition['spec']['versions'][number];
    (v.schema?.openAPIV3Schema as Obj).properties.status = { type: 'object', properties: { replicas: { type: 'integer' }, labelSelector: { type: 'string' } } };
    v.subresources = { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.labelSelector' } };
    await createCrd(crd);
    const created = await call('POST', CRONTABS, { body: { ...cronTab('s'), status: { replicas: 9 } } });
    expect(created.body.status).toBeUndefined();
    const withStatus = await call('PUT', `${CRONTABS}/s/status`, { body: { ...created.body, spec: { replicas: 1 }, status: { replicas: 2, labelSelector: 'app=cron', junk: 1 } } });
    expect(withStatus.body.status).toEqual({ replicas: 2, labelSelector: 'app=cron' });
    expect(withStatus.body.spec.replicas).toBe(3);
    const badStatus = await call('PUT', `${CRONTABS}/s/status`, { body: { ...withStatus.body, status: { replicas: 'x' } } });
    expect(badStatus.status).toBe(422);
    const scale = (await call('GET', `${CRONTABS}/s/scale`)).body;
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 3 }, status: { replicas: 2, selector: 'app=cron' } });
    const scaled = await call('PUT', `${CRONTABS}/s/scale`, { body: { ...scale, spec: { replicas: 7 } } });
    expect(scaled.body.spec.replicas).toBe(7);
    expect((await call('GET', `${CRONTABS}/s`)).body.spec.replicas).toBe(7);
    const resources = (await call('GET', '/apis/stable.example.com/v1')).body.resources;
    expect(resources.map((r: Obj) => [r.name, r.kind, r.verbs])).toEqual([
      ['crontabs', 'CronTab', ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch']],
      ['crontabs/status', 'CronTab', ['get', 'patch', 'update']],
      ['crontabs/scale', 'Scale', ['get', 'patch', 'update']],
    ]);
  });

  it('serves cluster-scoped custom resources', async () => {
    const { call, createCrd } = await setup();
    const crd = cronTabCrd();
    crd.metadata.name = 'clusterthings.example.com';
    crd.spec = { ...crd.spec, group: 'example.com', scope: 'Cluster', names: { plural: 'clusterthings', kind: 'ClusterThing' } };
    await createCrd(crd);
    const body = { apiVersion: 'example.com/v1', kind: 'ClusterThing', metadata: { name: 'one' } };
    expect((await call('POST', '/apis/example.com/v1/clusterthings', { body })).status).toBe(201);
    expect((await call('GET', '/apis/example.com/v1/namespaces/default/clusterthings')).status).toBe(404);
    const got = (await call('GET', '/apis/example.com/v1/clusterthings/one')).body;
    expect(got.metadata.namespace).toBeUndefined();
    expect((await call('GET', '/apis/example.com/v1')).body.resources[0]).toMatchObject({ name: 'clusterthings', singularName: 'clusterthing', namespaced: false });
  });

  it('serves every served version from one storage, converting only apiVersion', async () => {
    const { call, createCrd } = await setup();
    const crd = cronTabCrd();
    const v1 = crd.spec.versions[0] as CustomResourceDefinition['spec']['versions'][number];
    crd.spec.versions = [{ ...v1, name: 'v1beta1', storage: false, deprecated: true }, v1, { ...v1, name: 'v1alpha1', served: false, storage: false }];
    await createCrd(crd);
    const old = await call('POST', '/apis/stable.example.com/v1beta1/namespaces/default/crontabs', { body: { ...cronTab('b'), apiVersion: 'stable.example.com/v1beta1' } });
    expect(old.headers['warning']).toEqual(['299 - "stable.example.com/v1beta1 CronTab is deprecated"']);
    expect((await call('GET', `${CRONTABS}/b`)).body.apiVersion).toBe('stable.example.com/v1');
    expect((await call('GET', '/apis/stable.example.com/v1beta1/namespaces/default/crontabs/b')).body.apiVersion).toBe('stable.example.com/v1beta1');
    expect((await call('GET', '/apis/stable.example.com/v1alpha1/namespaces/default/crontabs/b')).status).toBe(404);
    const group = (await call('GET', '/apis/stable.example.com')).body;
    expect(group.versions.map((v: Obj) => v.version)).toEqual(['v1', 'v1beta1']);
    expect(group.preferredVersion.version).toBe('v1');
    const apis = (await call('GET', '/apis')).body.groups.map((g: Obj) => g.name);
    expect(apis[apis.length - 1]).toBe('stable.example.com');
  });

  it('publishes the custom kinds in /openapi/v3 and /openapi/v2', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    const index = (await call('GET', '/openapi/v3')).body;
    const url = index.paths['apis/stable.example.com/v1'].serverRelativeURL as string;
    const [path, hash] = url.split('?hash=');
    const doc = (await call('GET', path as string, { query: { hash: hash as string } })).body;
    const schema = doc.components.schemas['com.example.stable.v1.CronTab'];
    expect(schema['x-kubernetes-group-version-kind']).toEqual([{ group: 'stable.example.com', kind: 'CronTab', version: 'v1' }]);
    expect(Object.keys(schema.properties)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(schema.properties.spec.properties.replicas).toEqual({ type: 'integer', format: 'int64' });
    expect(doc.components.schemas['com.example.stable.v1.CronTabList'].required).toEqual(['items']);
    expect(doc.paths['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}'].patch.requestBody.content).not.toHaveProperty('application/strategic-merge-patch+json');
    const v2 = (await call('GET', '/openapi/v2')).body;
    expect(v2.definitions['com.example.stable.v1.CronTab']).toBeDefined();
  });

  it('watches custom resources', async () => {
    const { api, call, createCrd } = await setup();
    await createCrd();
    const res = await api.handle({ method: 'GET', path: CRONTABS, query: { watch: 'true' }, headers: {} });
    if (!isStream(res)) throw new Error('expected a stream');
    const events: { type: string; object: Obj }[] = [];
    const stop = res.stream.start({ send: (e) => events.push(e as { type: string; object: Obj }), end: () => undefined });
    await call('POST', CRONTABS, { body: cronTab('w') });
    await settle();
    stop();
    expect(events.map((e) => [e.type, e.object.apiVersion, e.object.metadata.name])).toEqual([['ADDED', 'stable.example.com/v1', 'w']]);
  });

  it('refuses a second CRD whose names are taken in the group', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    const other = cronTabCrd();
    other.metadata.name = 'crontabjobs.stable.example.com';
    other.spec = { ...other.spec, names: { plural: 'crontabjobs', kind: 'CronTabJob', shortNames: ['ct'] } };
    await createCrd(other);
    const crd = (await call('GET', `${CRDS}/crontabjobs.stable.example.com`)).body;
    expect(crd.status.conditions).toEqual([
      { type: 'NamesAccepted', status: 'False', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'ShortNamesConflict', message: '"ct" is already in use' },
      { type: 'Established', status: 'False', lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'NotAccepted', message: 'not all names are accepted' },
    ]);
    expect((await call('GET', '/apis/stable.example.com/v1/namespaces/default/crontabjobs')).status).toBe(404);
  });
});

describe('deleting a CRD', () => {
  it('marks it with the cleanup finalizer, deletes its custom resources, then goes', async () => {
    const { call, createCrd, store } = await setup();
    await createCrd();
    await call('POST', CRONTABS, { body: cronTab('a') });
    await call('POST', CRONTABS, { body: cronTab('b') });
    const r = await call('DELETE', `${CRDS}/crontabs.stable.example.com`);
    expect(r.status).toBe(200);
    expect(r.body.metadata.finalizers).toEqual(['customresourcecleanup.apiextensions.k8s.io']);
    expect(r.body.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(r.body.status.conditions[2]).toMatchObject({ type: 'Terminating', status: 'True', reason: 'InstanceDeletionPending' });
    await settle();
    expect((await call('GET', `${CRDS}/crontabs.stable.example.com`)).status).toBe(404);
    expect(store.keysWithPrefix('/registry/stable.example.com/')).toEqual([]);
    expect((await call('GET', CRONTABS)).status).toBe(404);
    expect((await call('GET', '/apis/stable.example.com/v1')).status).toBe(404);
    expect((await call('GET', '/apis')).body.groups.map((g: Obj) => g.name)).not.toContain('stable.example.com');
  });

  it('waits for custom resources with finalizers, refusing creates meanwhile', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    await call('POST', CRONTABS, { body: { ...cronTab('held'), metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
    await call('DELETE', `${CRDS}/crontabs.stable.example.com`);
    await settle();
    const crd = (await call('GET', `${CRDS}/crontabs.stable.example.com`)).body;
    expect(crd.status.conditions.find((c: Obj) => c.type === 'Terminating')).toMatchObject({ status: 'True', reason: 'InstanceDeletionInProgress', message: 'CustomResource deletion is in progress' });
    const refused = await call('POST', CRONTABS, { body: cronTab('late') });
    expect(refused.status).toBe(405);
    expect(refused.body).toMatchObject({ reason: 'MethodNotAllowed', message: 'create not allowed while custom resource definition is terminating' });
    const verbs = (await call('GET', '/apis/stable.example.com/v1')).body.resources[0].verbs;
    expect(verbs).toEqual(['delete', 'deletecollection', 'get', 'list', 'watch']);
    const held = (await call('GET', `${CRONTABS}/held`)).body;
    expect(held.metadata.deletionTimestamp).toBeDefined();
    await call('PATCH', `${CRONTABS}/held`, { body: { metadata: { finalizers: null } }, headers: { 'content-type': 'application/merge-patch+json' } });
    await settle();
    expect((await call('GET', `${CRDS}/crontabs.stable.example.com`)).status).toBe(404);
  });

  it('deletes every selected CRD, and their custom resources, on DELETE of the collection', async () => {
    const { call, createCrd, store } = await setup();
    await createCrd();
    await call('POST', CRONTABS, { body: cronTab('a') });
    const r = await call('DELETE', CRDS);
    expect(r.body.items.map((i: Obj) => i.metadata.name)).toEqual(['crontabs.stable.example.com']);
    await settle();
    expect((await call('GET', CRDS)).body.items).toEqual([]);
    expect(store.keysWithPrefix('/registry/stable.example.com/')).toEqual([]);
  });

  it('changes nothing on a dry run', async () => {
    const { call, createCrd } = await setup();
    await createCrd();
    const r = await call('DELETE', `${CRDS}/crontabs.stable.example.com`, { query: { dryRun: 'All' } });
    expect(r.body.metadata.deletionTimestamp).toBeDefined();
    await settle();
    expect((await call('GET', `${CRDS}/crontabs.stable.example.com`)).body.metadata.deletionTimestamp).toBeUndefined();
  });
});
