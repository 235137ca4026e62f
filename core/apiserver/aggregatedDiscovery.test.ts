import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { negotiateAggregated, type GroupDiscoveryList, type ResourceDiscovery } from './aggregatedDiscovery';
import { cronTabCrd } from './crd/testing';
import { ApiServer } from './handler';
import { isStream } from './request';

const START = Date.parse('2026-01-01T00:00:00Z');
/** What kubectl 1.32 asks `/api` and `/apis` for. */
const KUBECTL_ACCEPT = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function setup() {
  const api = new ApiServer({ store: new Store(), clock: new ManualClock(START), random: new Random(1) });
  const call = async <T = Obj>(path: string, accept?: string, method = 'GET', body?: unknown) => {
    const res = await api.handle({ method, path, query: {}, headers: accept ? { accept } : {}, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T, headers: res.headers };
  };
  await call('/api/v1/namespaces', undefined, 'POST', { metadata: { name: 'default' } });
  return { api, call };
}

/** The legacy APIResourceList of a group/version as [name, kind, group, version, verbs] rows. */
function legacyRows(list: Obj): unknown[] {
  return (list.resources as Obj[]).map((r) => [r.name, r.kind, r.group ?? '', r.version ?? '', r.verbs, r.namespaced, r.singularName, r.shortNames ?? [], r.categories ?? []]);
}

/** The same rows from an aggregated version entry (subresources after their resource). */
function aggregatedRows(resources: ResourceDiscovery[]): unknown[] {
  return resources.flatMap((r) => [
    [r.resource, r.responseKind.kind, r.responseKind.group, r.responseKind.version, r.verbs, r.scope === 'Namespaced', r.singularResource, r.shortNames ?? [], r.categories ?? []],
    ...(r.subresources ?? []).map((s) => [`${r.resource}/${s.subresource}`, s.responseKind.kind, s.responseKind.group, s.responseKind.version, s.verbs, r.scope === 'Namespaced', '', [], []]),
  ]);
}

describe('negotiating aggregated discovery', () => {
  it('takes the first acceptable clause, by quality, and falls back to the legacy documents', () => {
    expect(negotiateAggregated(KUBECTL_ACCEPT)).toBe('v2');
    expect(negotiateAggregated('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json')).toBe('v2beta1');
    expect(negotiateAggregated('application/json')).toBeUndefined();
    expect(negotiateAggregated(undefined)).toBeUndefined();
    expect(negotiateAggregated('application/json, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')).toBeUndefined();
    expect(negotiateAggregated('application/json;q=0.5, application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')).toBe('v2');
    expect(negotiateAggregated('application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList, application/json')).toBeUndefined();
    expect(negotiateAggregated('application/vnd.kubernetes.protobuf;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,' + V2)).toBe('v2');
  });
});

describe('GET /apis and /api with aggregated discovery', () => {
  it('answers one APIGroupDiscoveryList with the media type and headers kube sends', async () => {
    const { call } = await setup();
    const res = await call<GroupDiscoveryList>('/apis', KUBECTL_ACCEPT);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(V2);
    expect(res.headers['vary']).toBe('Accept');
    expect(res.headers['etag']).toMatch(/^"[0-9A-F]{16}"$/);
    expect(res.body).toMatchObject({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {} });
    expect((await call('/apis', KUBECTL_ACCEPT)).headers['etag']).toBe(res.headers['etag']);
    const beta = await call<GroupDiscoveryList>('/apis', 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList');
    expect(beta.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList');
    expect(beta.body.apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    expect(beta.body.items).toEqual(res.body.items);
  });

  it('lists what the legacy documents list: every group, version and resource, in the same order', async () => {
    const { call } = await setup();
    const aggregated = (await call<GroupDiscoveryList>('/apis', V2)).body;
    const legacy = (await call('/apis', 'application/json')).body;
    expect(legacy.kind).toBe('APIGroupList');
    expect(aggregated.items.map((g) => [g.metadata.name, g.versions.map((v) => v.version)])).toEqual((legacy.groups as Obj[]).map((g) => [g.name, (g.versions as Obj[]).map((v) => v.version)]));
    for (const group of aggregated.items) {
      for (const v of group.versions) {
        expect(v.freshness).toBe('Current');
        const list = (await call(`/apis/${group.metadata.name ?? ''}/${v.version}`)).body;
        expect([group.metadata.name, v.version, aggregatedRows(v.resources)]).toEqual([group.metadata.name, v.version, legacyRows(list)]);
      }
    }
    const core = (await call<GroupDiscoveryList>('/api', V2)).body;
    expect(core.items).toHaveLength(1);
    expect(core.items[0]?.metadata).toEqual({ creationTimestamp: null });
    expect(core.items[0]?.versions.map((v) => v.version)).toEqual(['v1']);
    expect(aggregatedRows(core.items[0]?.versions[0]?.resources ?? [])).toEqual(legacyRows((await call('/api/v1')).body));
  });

  it('describes a resource as ConvertGroupVersionIntoToDiscovery does', async () => {
    const { call } = await setup();
    const apps = (await call<GroupDiscoveryList>('/apis', V2)).body.items.find((g) => g.metadata.name === 'apps');
    const deployments = apps?.versions[0]?.resources.find((r) => r.resource === 'deployments');
    expect(deployments).toEqual({
      resource: 'deployments',
      responseKind: { group: '', version: '', kind: 'Deployment' },
      scope: 'Namespaced',
      singularResource: 'deployment',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
      subresources: [
        { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
        { subresource: 'status', responseKind: { group: '', version: '', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
    const pods = (await call<GroupDiscoveryList>('/api', V2)).body.items[0]?.versions[0]?.resources.find((r) => r.resource === 'pods');
    expect(pods?.subresources).toEqual([
      { subresource: 'attach', responseKind: { group: '', version: '', kind: 'PodAttachOptions' }, verbs: ['create', 'get'] },
      { subresource: 'binding', responseKind: { group: '', version: '', kind: 'Binding' }, verbs: ['create'] },
      { subresource: 'eviction', responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] },
      { subresource: 'exec', responseKind: { group: '', version: '', kind: 'PodExecOptions' }, verbs: ['create', 'get'] },
      { subresource: 'log', responseKind: { group: '', version: '', kind: 'Pod' }, verbs: ['get'] },
      { subresource: 'status', responseKind: { group: '', version: '', kind: 'Pod' }, verbs: ['get', 'patch', 'update'] },
    ]);
    const nodes = (await call<GroupDiscoveryList>('/api', V2)).body.items[0]?.versions[0]?.resources.find((r) => r.resource === 'nodes');
    expect(nodes?.scope).toBe('Cluster');
  });

  it('includes the custom resources of established CRDs, with their group and version in every responseKind', async () => {
    const { call } = await setup();
    const crd = cronTabCrd();
    const v1 = crd.spec.versions[0];
    if (!v1) throw new Error('no version');
    v1.subresources = { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' } };
    crd.spec.versions.push({ ...v1, name: 'v1beta1', storage: false, subresources: {} });
    crd.spec.names.categories = ['all'];
    expect((await call('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', undefined, 'POST', crd)).status).toBe(201);
    await new Promise((r) => setTimeout(r, 0));
    const items = (await call<GroupDiscoveryList>('/apis', V2)).body.items;
    const group = items.at(-1);
    expect(group?.metadata.name).toBe('stable.example.com');
    expect(group?.versions.map((v) => v.version)).toEqual(['v1', 'v1beta1']);
    expect(group?.versions[0]?.resources).toEqual([
      {
        resource: 'crontabs',
        responseKind: { group: 'stable.example.com', version: 'v1', kind: 'CronTab' },
        scope: 'Namespaced',
        singularResource: 'crontab',
        verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
        shortNames: ['ct'],
        categories: ['all'],
        subresources: [
          { subresource: 'status', responseKind: { group: 'stable.example.com', version: 'v1', kind: 'CronTab' }, verbs: ['get', 'patch', 'update'] },
          { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
        ],
      },
    ]);
    expect(group?.versions[1]?.resources[0]?.responseKind).toEqual({ group: 'stable.example.com', version: 'v1beta1', kind: 'CronTab' });
    expect(group?.versions[1]?.resources[0]?.subresources).toBeUndefined();
  });

  it('keeps the legacy documents for plain JSON and for the other discovery paths', async () => {
    const { call } = await setup();
    const api = await call('/api', 'application/json');
    expect(api.headers['content-type']).toBe('application/json');
    expect(api.body.kind).toBe('APIVersions');
    expect((await call('/api')).body.kind).toBe('APIVersions');
    expect((await call('/apis/apps', V2)).body.kind).toBe('APIGroup');
    expect((await call('/apis/apps/v1', V2)).body.kind).toBe('APIResourceList');
    expect((await call('/apis', V2, 'POST', {})).status).toBe(405);
  });
});
