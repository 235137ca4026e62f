import { describe, expect, it } from 'vitest';
import type { Status } from '../api/status';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { cronTab, cronTabCrd } from './crd/testing';
import { ApiServer } from './handler';
import { defaultPrinter } from './table';
import type { ResourceDef } from './registry';
import { isStream } from './request';

const START = Date.parse('2026-01-01T00:00:00Z');
const NS = '/api/v1/namespaces/default';
const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function setup() {
  const store = new Store();
  const api = new ApiServer({ store, clock: new ManualClock(START), random: new Random(1) });
  const call = async (method: string, path: string, body?: unknown, contentType?: string, query: Record<string, string> = {}) => {
    const headers: Record<string, string> = { 'user-agent': 'kubectl/v1.32.4' };
    if (contentType) headers['content-type'] = contentType;
    const res = await api.handle({ method, path, query, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as Obj };
  };
  await call('POST', '/api/v1/namespaces', { metadata: { name: 'default' } });
  const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } };
  expect((await call('POST', DEPLOYMENTS, deployment)).status).toBe(201);
  return { store, api, call, deployment };
}

describe('decoding request bodies into the kind (wrong JSON types are the client\'s fault)', () => {
  it('answers a create or update body that does not decode with 400, and changes nothing', async () => {
    const { store, call } = await setup();
    const before = store.currentRevision();
    const svc = await call('POST', `${NS}/services`, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: '128Mi' });
    expect([svc.status, svc.body.reason, svc.body.message]).toEqual([400, 'BadRequest', 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec']);
    const job = await call('POST', '/apis/batch/v1/namespaces/default/jobs', { metadata: { name: 'j' }, spec: false });
    expect(job.body.message).toBe('Job in version "v1" cannot be handled as a Job: json: cannot unmarshal bool into Go struct field Job.spec of type v1.JobSpec');
    const crb = await call('POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', { metadata: { name: 'b' }, subjects: 'x', roleRef: { kind: 'ClusterRole', name: 'view', apiGroup: 'rbac.authorization.k8s.io' } });
    expect(crb.body.message).toBe('ClusterRoleBinding in version "v1" cannot be handled as a ClusterRoleBinding: json: cannot unmarshal string into Go struct field ClusterRoleBinding.subjects of type []v1.Subject');
    const put = await call('PUT', `${DEPLOYMENTS}/web`, { metadata: { name: 'web' }, spec: { replicas: 'two' } });
    expect([put.status, put.body.message]).toEqual([400, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32']);
    expect(store.currentRevision()).toBe(before);
  });

  it('answers type meta that is not a string as an unrecognized object', async () => {
    const { call } = await setup();
    const r = await call('POST', `${NS}/pods`, { apiVersion: { v: 1 }, kind: 'Pod', metadata: { name: 'p' } });
    expect([r.status, r.body.message]).toEqual([400, 'the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: json: cannot unmarshal object into Go struct field .apiVersion of type string ({"apiVersion":{"v":1},"kind":" ...)']);
  });

  it('decodes nulls to Go zero values before any strategy sees them', async () => {
    const { call } = await setup();
    const secret = await call('POST', `${NS}/secrets`, { metadata: { name: 's', labels: { a: null } }, data: { a: null } });
    expect([secret.status, secret.body.data, secret.body.metadata.labels]).toEqual([201, { a: '' }, { a: '' }]);
    // A null subset is an empty one, which validation refuses (as kube does), instead of crashing.
    const ep = await call('POST', `${NS}/endpoints`, { metadata: { name: 'e' }, subsets: [null] });
    expect([ep.status, ep.body.details.causes[0].field]).toEqual([422, 'subsets[0]']);
    const lr = await call('POST', `${NS}/limitranges`, { metadata: { name: 'l' }, spec: { limits: [null] } });
    expect(lr.status).toBe(422);
  });

  it('answers a JSON or merge patch whose result does not decode with 422 on the patched object', async () => {
    const { call } = await setup();
    const merge = await call('PATCH', `${DEPLOYMENTS}/web`, { spec: { replicas: 'x' } }, 'application/merge-patch+json');
    expect(merge.status).toBe(422);
    expect(merge.body.message).toMatch(/^ "" is invalid: patch: Invalid value: "\{.*\\"replicas\\":\\"x\\".*\}": json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32$/);
    expect(merge.body.details.causes[0].field).toBe('patch');
    const json = await call('PATCH', `${DEPLOYMENTS}/web`, [{ op: 'replace', path: '/spec/template', value: 5 }], 'application/json-patch+json');
    expect(json.body.message).toMatch(/json: cannot unmarshal number into Go struct field DeploymentSpec.spec.template of type v1.PodTemplateSpec$/);
  });

  it('answers a strategic merge patch whose result does not decode with the converter\'s error on the patch map', async () => {
    const { call } = await setup();
    const r = await call('PATCH', `${DEPLOYMENTS}/web`, { spec: { template: { spec: { containers: { name: 'app' } } } } }, 'application/strategic-merge-patch+json');
    expect([r.status, r.body.message]).toEqual([422, ' "" is invalid: patch: Invalid value: "map[spec:map[template:map[spec:map[containers:map[name:app]]]]]": cannot restore slice from map']);
  });

  it('answers an applied configuration of the wrong types as the field manager does', async () => {
    const { call, deployment } = await setup();
    const config = { ...deployment, spec: { ...deployment.spec, replicas: 'two' } };
    const r = await call('PATCH', `${DEPLOYMENTS}/web`, config, 'application/apply-patch+yaml', { fieldManager: 'me' });
    expect([r.status, r.body.reason, r.body.message]).toEqual([400, undefined, 'failed to create typed patch object (/web; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string']);
    const list = await call('PATCH', `${DEPLOYMENTS}/web`, { ...deployment, spec: { ...deployment.spec, template: { spec: { containers: { name: 'c' } } } } }, 'application/apply-patch+yaml', { fieldManager: 'me' });
    expect(list.body.message).toBe('failed to create typed patch object (/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: expected list, got &{map[name:c]}');
  });

  it('decodes the bodies of status, scale and binding', async () => {
    const { call } = await setup();
    const status = await call('PUT', `${DEPLOYMENTS}/web/status`, { metadata: { name: 'web' }, status: { replicas: [] } });
    expect([status.status, status.body.message]).toEqual([400, 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal array into Go struct field DeploymentStatus.status.replicas of type int32']);
    const scale = await call('PUT', `${DEPLOYMENTS}/web/scale`, { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web' }, spec: { replicas: 'x' } });
    expect([scale.status, scale.body.message]).toEqual([400, 'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32']);
    await call('POST', `${NS}/pods`, { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const binding = await call('POST', `${NS}/pods/p/binding`, { metadata: { name: 'p' }, target: 'node-1' });
    expect([binding.status, binding.body.message]).toEqual([400, 'Binding in version "v1" cannot be handled as a Binding: json: cannot unmarshal string into Go struct field Binding.target of type v1.ObjectReference']);
  });

  it('leaves custom resources to their CRD schema: wrong types are 422, never 500', async () => {
    const { call } = await setup();
    await call('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', cronTabCrd());
    await new Promise((r) => setTimeout(r, 0));
    const path = '/apis/stable.example.com/v1/namespaces/default/crontabs';
    for (const spec of ['x', { replicas: 'two' }, { cronSpec: 5 }, [1]]) {
      const r = await call('POST', path, cronTab('c', spec as Record<string, unknown>));
      expect(r.status).toBe(422);
    }
    expect((await call('POST', path, { ...cronTab('c'), apiVersion: 7 })).status).toBe(400);
    expect((await call('POST', path, cronTab('c'))).status).toBe(201);
    expect((await call('PATCH', `${path}/c`, { spec: { replicas: 'x' } }, 'application/merge-patch+json')).status).toBe(422);
  });

  it('still answers an unexpected failure of a strategy with a 500 Status', async () => {
    const { api, call } = await setup();
    const broken = { group: 'example.com', version: 'v1', resource: 'brokens', singular: 'broken', kind: 'Broken', namespaced: true, shortNames: [], categories: [], verbs: ['create'], subresources: [], printer: defaultPrinter, validate: () => { throw new TypeError('boom'); } } as ResourceDef;
    api.registry.add(broken);
    const r = await call('POST', '/apis/example.com/v1/namespaces/default/brokens', { metadata: { name: 'b' } });
    expect([r.status, r.body.kind, r.body.reason, r.body.message]).toEqual([500, 'Status', 'InternalError', 'Internal error occurred: boom']);
    expect(({} as Status).kind).toBeUndefined();
  });
});
