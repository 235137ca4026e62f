import { describe, expect, it } from 'vitest';
import { SchemaRegistry, int32, obj, ref, str } from '../api/schema/dsl';
import { apiSchemas } from '../api/schema/index';
import type { Status } from '../api/status';
import type { KubeObject, Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import type { ResourceDef } from './registry';
import { isStream } from './request';
import { defaultPrinter } from './table';

const START = Date.parse('2026-01-01T00:00:00Z');
const PODS = '/api/v1/namespaces/default/pods';
const WIDGETS = '/apis/example.com/v1/namespaces/default/widgets';

/** A namespaced kind with generation, status and scale, as a built-in workload would have. */
const widgets: ResourceDef = {
  group: 'example.com',
  version: 'v1',
  resource: 'widgets',
  singular: 'widget',
  kind: 'Widget',
  namespaced: true,
  shortNames: [],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status', 'scale'],
  schemaName: 'com.example.v1.Widget',
  hasGeneration: true,
  scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.spec.selector' },
  printer: defaultPrinter,
  prepareForUpdate(obj, old) {
    obj['status'] = old['status'];
  },
};

/** Every built-in type plus the Widget. */
function widgetSchemas(): SchemaRegistry {
  const r = new SchemaRegistry();
  r.add(...apiSchemas().all());
  r.add({
    name: 'com.example.v1.Widget',
    schema: obj({
      apiVersion: str(),
      kind: str(),
      metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'),
      spec: obj({ replicas: int32(), color: str(), selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector') }),
      status: obj({ replicas: int32() }),
    }),
  });
  return r;
}

/** Sets up an API server with Widgets and the default namespace. */
async function widgetServer(unknown?: (r: SchemaRegistry, d: string, o: unknown) => string[]) {
  const store = new Store();
  const clock = new ManualClock(START);
  const api = new ApiServer({ store, clock, random: new Random(1), schemas: widgetSchemas(), ...(unknown ? { unknownFields: unknown } : {}) });
  api.registry.add(widgets);
  const call = async <T = KubeObject>(method: string, path: string, o: { body?: unknown; query?: Record<string, string>; type?: string; agent?: string } = {}) => {
    const headers: Record<string, string> = { 'user-agent': o.agent ?? 'kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd' };
    if (o.type) headers['content-type'] = o.type;
    const res = await api.handle({ method, path, query: o.query ?? {}, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T, headers: res.headers };
  };
  await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } });
  return { store, clock, call };
}

const widget = (name: string, spec: Record<string, unknown> = { replicas: 1, color: 'red', selector: { matchLabels: { app: name } } }) => ({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name }, spec });
const managers = (o: KubeObject) => (o.metadata.managedFields ?? []).map((e) => (e as { manager: string }).manager);

describe('dryRun on create and update', () => {
  it('answers the object as if stored and stores nothing', async () => {
    const { call, store } = await widgetServer();
    const before = store.currentRevision();
    const dry = await call('POST', WIDGETS, { body: widget('w'), query: { dryRun: 'All' } });
    expect(dry.status).toBe(201);
    expect(dry.body.metadata.uid).toBeDefined();
    expect(dry.body.metadata.resourceVersion).toBeUndefined();
    expect(store.currentRevision()).toBe(before);
    const created = (await call('POST', WIDGETS, { body: widget('w') })).body;
    const upd = await call('PUT', `${WIDGETS}/w`, { body: { ...created, spec: { ...(created['spec'] as object), color: 'blue' } }, query: { dryRun: 'All' } });
    expect((upd.body['spec'] as { color: string }).color).toBe('blue');
    expect(upd.body.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(((await call('GET', `${WIDGETS}/w`)).body['spec'] as { color: string }).color).toBe('red');
  });

  it('refuses other dryRun values with the options kind of the verb', async () => {
    const { call } = await widgetServer();
    const r = await call<Status>('POST', WIDGETS, { body: widget('w'), query: { dryRun: 'true' } });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"true"}: supported values: "All"');
  });
});

describe('fieldValidation on create and update', () => {
  const unknown = (_r: SchemaRegistry, _d: string, o: unknown) => ('bogus' in ((o as { spec?: object }).spec ?? {}) ? ['unknown field "spec.bogus"'] : []);

  it('Strict answers 400 as the strict decoder does; Warn sends Warning headers', async () => {
    const { call } = await widgetServer(unknown);
    const strict = await call<Status>('POST', WIDGETS, { body: widget('w', { bogus: 1 }), query: { fieldValidation: 'Strict' } });
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe('Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.bogus"');
    const warn = await call('POST', WIDGETS, { body: widget('w', { bogus: 1 }) });
    expect(warn.status).toBe(201);
    expect(warn.headers['warning']).toEqual(['299 - "unknown field \\"spec.bogus\\""']);
    const put = await call('PUT', `${WIDGETS}/w`, { body: warn.body, query: { fieldValidation: 'Ignore' } });
    expect(put.headers['warning']).toBeUndefined();
  });
});

describe('metadata.generation', () => {
  it('is 1 on create and bumped only by changes outside metadata and status', async () => {
    const { call } = await widgetServer();
    const w = (await call('POST', WIDGETS, { body: widget('w') })).body;
    expect(w.metadata.generation).toBe(1);
    const labeled = (await call('PATCH', `${WIDGETS}/w`, { body: { metadata: { labels: { a: 'b' } } }, type: 'application/merge-patch+json' })).body;
    expect(labeled.metadata.generation).toBe(1);
    const status = (await call('PATCH', `${WIDGETS}/w/status`, { body: { status: { replicas: 1 } }, type: 'application/merge-patch+json' })).body;
    expect(status.metadata.generation).toBe(1);
    const spec = (await call('PATCH', `${WIDGETS}/w`, { body: { spec: { color: 'blue' } }, type: 'application/merge-patch+json' })).body;
    expect(spec.metadata.generation).toBe(2);
    const sameSpec = (await call('PUT', `${WIDGETS}/w`, { body: { ...spec, metadata: { ...spec.metadata, generation: 7 } } })).body;
    expect(sameSpec.metadata.generation).toBe(2);
  });
});

describe('managedFields of non-apply writes', () => {
  it('records the creator from fieldManager or the User-Agent, and each later writer', async () => {
    const { call } = await widgetServer();
    const created = (await call('POST', WIDGETS, { body: widget('w'), agent: 'kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/59526cd/system:serviceaccount:kube-system:deployment-controller' })).body;
    expect(created.metadata.managedFields).toEqual([
      {
        manager: 'kube-controller-manager',
        operation: 'Update',
        apiVersion: 'example.com/v1',
        time: '2026-01-01T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:spec': { 'f:color': {}, 'f:replicas': {}, 'f:selector': {} } },
      },
    ]);
    const edited = (await call('PUT', `${WIDGETS}/w`, { body: { ...created, spec: { ...(created['spec'] as object), color: 'blue' } }, query: { fieldManager: 'kubectl-edit' } })).body;
    expect(managers(edited)).toEqual(['kube-controller-manager', 'kubectl-edit']);
    expect((edited.metadata.managedFields?.[0] as { fieldsV1: unknown }).fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {}, 'f:selector': {} } });
  });

  it('writes nothing for an update that changes nothing', async () => {
    const { call } = await widgetServer();
    const created = (await call('POST', WIDGETS, { body: widget('w') })).body;
    const same = (await call('PUT', `${WIDGETS}/w`, { body: created, query: { fieldManager: 'someone' } })).body;
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    expect(managers(same)).toEqual(['kubectl']);
  });

  it('clears managedFields sent as an empty list, and keeps them untracked until an apply', async () => {
    const { call } = await widgetServer();
    const created = (await call('POST', WIDGETS, { body: widget('w') })).body;
    const reset = (await call('PUT', `${WIDGETS}/w`, { body: { ...created, metadata: { ...created.metadata, managedFields: [] } } })).body;
    expect(reset.metadata.managedFields).toBeUndefined();
    const after = (await call('PATCH', `${WIDGETS}/w`, { body: { spec: { color: 'green' } }, type: 'application/merge-patch+json' })).body;
    expect(after.metadata.managedFields).toBeUndefined();
    const applied = (await call('PATCH', `${WIDGETS}/w`, { body: widget('w', { color: 'green' }), type: 'application/apply-patch+yaml', query: { fieldManager: 'kubectl' } })).body;
    expect(managers(applied)).toEqual(['kubectl']);
  });

  it('keeps managedFields a client that does not know them leaves out', async () => {
    const { call } = await widgetServer();
    const created = (await call('POST', WIDGETS, { body: widget('w') })).body;
    const md = { ...created.metadata };
    delete md.managedFields;
    const put = (await call<Pod>('PUT', `${WIDGETS}/w`, { body: { ...created, metadata: md, spec: { ...(created['spec'] as object), color: 'x' } } })).body;
    expect(managers(put)).toEqual(['kubectl']);
  });
});

describe('the scale subresource', () => {
  const SCALE = `${WIDGETS}/w/scale`;
  const scaleOf = (replicas: number, rv?: string) => ({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'w', ...(rv ? { resourceVersion: rv } : {}) }, spec: { replicas } });

  it('answers an autoscaling/v1 Scale with the selector as text', async () => {
    const { call } = await widgetServer();
    const w = (await call('POST', WIDGETS, { body: widget('w', { replicas: 3, selector: { matchLabels: { app: 'w' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'canary', operator: 'DoesNotExist' }] } }) })).body;
    await call('PATCH', `${WIDGETS}/w/status`, { body: { status: { replicas: 2 } }, type: 'application/merge-patch+json' });
    const { status, body } = await call('GET', SCALE);
    expect(status).toBe(200);
    expect(body).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'w', namespace: 'default', uid: w.metadata.uid, resourceVersion: String(Number(w.metadata.resourceVersion) + 1), creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { replicas: 3 },
      status: { replicas: 2, selector: 'app=w,!canary,tier in (a,b)' },
    });
  });

  it('PUT sets the replicas through the parent: generation bumped, recorded for subresource scale', async () => {
    const { call } = await widgetServer();
    await call('POST', WIDGETS, { body: widget('w') });
    const r = await call('PUT', SCALE, { body: scaleOf(5) });
    expect(r.status).toBe(200);
    expect(r.body['spec']).toEqual({ replicas: 5 });
    const parent = (await call('GET', `${WIDGETS}/w`)).body;
    expect(parent['spec']).toMatchObject({ replicas: 5 });
    expect(parent.metadata.generation).toBe(2);
    expect(parent.metadata.managedFields?.find((e) => (e as { subresource?: string }).subresource === 'scale')).toEqual({
      manager: 'kubectl',
      operation: 'Update',
      apiVersion: 'example.com/v1',
      time: '2026-01-01T00:00:00Z',
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
      subresource: 'scale',
    });
    expect(((await call('GET', SCALE)).body['spec'] as object)).toEqual({ replicas: 5 });
  });

  it('validates the Scale and honours its resourceVersion', async () => {
    const { call } = await widgetServer();
    const w = (await call('POST', WIDGETS, { body: widget('w') })).body;
    const neg = await call<Status>('PUT', SCALE, { body: scaleOf(-1) });
    expect(neg.status).toBe(422);
    expect(neg.body.message).toBe('Scale.autoscaling "w" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    await call('PATCH', `${WIDGETS}/w`, { body: { spec: { color: 'blue' } }, type: 'application/merge-patch+json' });
    const stale = await call<Status>('PUT', SCALE, { body: scaleOf(2, w.metadata.resourceVersion) });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('Operation cannot be fulfilled on widgets.example.com "w": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('PATCH and apply the Scale', async () => {
    const { call } = await widgetServer();
    await call('POST', WIDGETS, { body: widget('w') });
    const merge = await call('PATCH', SCALE, { body: { spec: { replicas: 4 } }, type: 'application/merge-patch+json' });
    expect(merge.body['spec']).toEqual({ replicas: 4 });
    const applied = await call('PATCH', SCALE, { body: scaleOf(6), type: 'application/apply-patch+yaml', query: { fieldManager: 'hpa' } });
    expect(applied.status).toBe(409);
    expect((applied.body as unknown as Status).message).toBe('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using example.com/v1: .spec.replicas');
    const forced = await call('PATCH', SCALE, { body: scaleOf(6), type: 'application/apply-patch+yaml', query: { fieldManager: 'hpa', force: 'true' } });
    expect(forced.body['spec']).toEqual({ replicas: 6 });
    const parent = (await call('GET', `${WIDGETS}/w`)).body;
    expect(parent.metadata.managedFields?.find((e) => (e as { manager: string }).manager === 'hpa')).toMatchObject({ operation: 'Apply', subresource: 'scale', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
  });

  it('is not served for resources without it', async () => {
    const { call } = await widgetServer();
    expect((await call('GET', `${PODS}/p/scale`)).status).toBe(404);
  });
});
