import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../api/duration';
import type { Status } from '../api/status';
import type { Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';

const START = Date.parse('2026-01-01T00:00:00Z');

interface CallOptions {
  body?: unknown;
  query?: Record<string, string>;
  accept?: string;
}

/** An API server on a fresh store, with the `default` namespace created through the API. */
async function setup() {
  const store = new Store();
  const api = new ApiServer({ store, clock: new ManualClock(START), random: new Random(1) });
  const call = async <T = Record<string, unknown>>(method: string, path: string, o: CallOptions = {}) => {
    const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    const res = await api.handle({ method, path, query: o.query ?? {}, headers: o.accept ? { accept: o.accept } : {}, body });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T };
  };
  expect((await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } })).status).toBe(201);
  return { store, api, call };
}

function podBody(name: string, images: string[] = ['nginx']): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } };
}

const PODS = '/api/v1/namespaces/default/pods';

describe('ApiServer discovery', () => {
  it('serves /version as a v1.32 server', async () => {
    const { call } = await setup();
    const { status, body } = await call<{ gitVersion: string; major: string; minor: string }>('GET', '/version');
    expect(status).toBe(200);
    expect(body.gitVersion).toMatch(/^v1\.32\.\d+$/);
    expect(body.major).toBe('1');
    expect(body.minor).toBe('32');
  });

  it('serves /api and /apis', async () => {
    const { call } = await setup();
    expect((await call<{ kind: string; versions: string[] }>('GET', '/api')).body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const apis = (await call<{ kind: string; groups: { name: string }[] }>('GET', '/apis')).body;
    expect(apis.kind).toBe('APIGroupList');
    expect(apis.groups.map((g) => g.name)).not.toContain('');
  });

  it('lists core/v1 resources with short names, categories and subresources', async () => {
    const { call } = await setup();
    type Res = { name: string; kind: string; namespaced: boolean; verbs: string[]; shortNames?: string[]; categories?: string[] };
    const { body } = await call<{ kind: string; groupVersion: string; resources: Res[] }>('GET', '/api/v1/');
    expect(body.kind).toBe('APIResourceList');
    expect(body.groupVersion).toBe('v1');
    const byName = new Map(body.resources.map((r) => [r.name, r]));
    expect(byName.get('pods')).toMatchObject({ kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'] });
    expect(byName.get('pods')?.verbs).toEqual(expect.arrayContaining(['create', 'get', 'list', 'watch', 'delete']));
    expect(byName.get('pods/status')).toMatchObject({ kind: 'Pod', verbs: ['get', 'patch', 'update'] });
    expect(byName.get('pods/binding')).toMatchObject({ kind: 'Binding', verbs: ['create'] });
    expect(byName.get('nodes')).toMatchObject({ namespaced: false, shortNames: ['no'] });
    expect(byName.get('namespaces')).toMatchObject({ namespaced: false, shortNames: ['ns'] });
  });
});

describe('ApiServer routing errors', () => {
  it('answers 404 for paths that name no resource', async () => {
    const { call } = await setup();
    for (const path of ['/foo', '/api/v1/widgets', '/api/v1/namespaces/default/nodes', '/api/v1/namespaces/default/pods/web/widgets', '/api/v2/pods']) {
      const { status, body } = await call<Status>('GET', path);
      expect([path, status, body.message]).toEqual([path, 404, 'the server could not find the requested resource']);
    }
  });

  it('answers 405 to a write on discovery', async () => {
    const { call } = await setup();
    const { status, body } = await call<Status>('POST', '/version', { body: {} });
    expect(status).toBe(405);
    expect(body.reason).toBe('MethodNotAllowed');
  });

  it('answers 406 when only protobuf is acceptable', async () => {
    const { call } = await setup();
    expect((await call('GET', PODS, { accept: 'application/vnd.kubernetes.protobuf' })).status).toBe(406);
  });
});

describe('ApiServer create', () => {
  it('stores a pod with identity, timestamps and defaults, and answers 201', async () => {
    const { call } = await setup();
    const { status, body } = await call<Pod>('POST', PODS, { body: { ...podBody('web', ['nginx', 'nginx:latest', 'nginx:1.27', 'registry.local:5000/app', 'nginx@sha256:abc']), status: { phase: 'Running' } } });
    expect(status).toBe(201);
    expect(body.apiVersion).toBe('v1');
    expect(body.kind).toBe('Pod');
    expect(body.metadata.namespace).toBe('default');
    expect(body.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.metadata.creationTimestamp).toBe(rfc3339(START));
    expect(body.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(body.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' });
    expect(body.spec.containers.map((c) => c.imagePullPolicy)).toEqual(['Always', 'Always', 'IfNotPresent', 'Always', 'IfNotPresent']);
    expect(body.status?.phase).toBe('Pending');
    const got = await call<Pod>('GET', `${PODS}/web`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(body);
  });

  it('keeps an explicit imagePullPolicy and ignores client-set identity fields', async () => {
    const { call } = await setup();
    const pod = podBody('web');
    (pod.spec as Pod['spec']).containers[0]!.imagePullPolicy = 'Never';
    pod.metadata = { name: 'web', uid: 'mine', resourceVersion: '999', creationTimestamp: '2000-01-01T00:00:00Z' };
    const { body } = await call<Pod>('POST', PODS, { body: pod });
    expect(body.spec.containers[0]?.imagePullPolicy).toBe('Never');
    expect(body.metadata.uid).not.toBe('mine');
    expect(body.metadata.resourceVersion).not.toBe('999');
    expect(body.metadata.creationTimestamp).toBe(rfc3339(START));
  });

  it('completes a generateName with a 5-character suffix', async () => {
    const { call } = await setup();
    const { status, body } = await call<Pod>('POST', PODS, { body: { metadata: { generateName: 'web-' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    expect(status).toBe(201);
    expect(body.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect((await call('GET', `${PODS}/${body.metadata.name}`)).status).toBe(200);
  });

  it('refuses a duplicate with 409 AlreadyExists', async () => {
    const { call } = await setup();
    await call('POST', PODS, { body: podBody('web') });
    const { status, body } = await call<Status>('POST', PODS, { body: podBody('web') });
    expect(status).toBe(409);
    expect(body.reason).toBe('AlreadyExists');
    expect(body.message).toBe('pods "web" already exists');
  });

  it('refuses an invalid pod with 422 and the field causes', async () => {
    const { call, store } = await setup();
    const before = store.currentRevision();
    const noContainers = await call<Status>('POST', PODS, { body: { metadata: { name: 'web' }, spec: {} } });
    expect(noContainers.status).toBe(422);
    expect(noContainers.body.reason).toBe('Invalid');
    expect(noContainers.body.message).toBe('Pod "web" is invalid: spec.containers: Required value');
    expect(noContainers.body.details?.causes?.map((c) => c.field)).toEqual(['spec.containers']);

    const badName = await call<Status>('POST', PODS, { body: podBody('Web_1') });
    expect(badName.status).toBe(422);
    expect(badName.body.message).toBe(
      `Pod "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );

    const twoCauses = await call<Status>('POST', PODS, { body: { metadata: { name: 'web' }, spec: { containers: [{}] } } });
    expect(twoCauses.body.message).toBe('Pod "web" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]');
    expect(store.currentRevision()).toBe(before);
  });

  it('answers 404 for a pod in a namespace that does not exist', async () => {
    const { call } = await setup();
    const { status, body } = await call<Status>('POST', '/api/v1/namespaces/nope/pods', { body: podBody('web') });
    expect(status).toBe(404);
    expect(body.message).toBe('namespaces "nope" not found');
    expect(body.details).toMatchObject({ name: 'nope', kind: 'namespaces' });
    // Admission runs before validation: even an invalid pod gets the namespace error.
    const invalidPod = await call<Status>('POST', '/api/v1/namespaces/nope/pods', { body: { metadata: { name: 'x' }, spec: {} } });
    expect(invalidPod.status).toBe(404);
  });

  it('answers 400 for a kind, apiVersion or namespace that does not match the path', async () => {
    const { call } = await setup();
    expect((await call('POST', PODS, { body: { ...podBody('a'), kind: 'Service' } })).status).toBe(400);
    expect((await call('POST', PODS, { body: { ...podBody('b'), apiVersion: 'apps/v1' } })).status).toBe(400);
    expect((await call('POST', PODS, { body: { ...podBody('c'), metadata: { name: 'c', namespace: 'other' } } })).status).toBe(400);
    expect((await call<{ items: unknown[] }>('GET', PODS)).body.items).toEqual([]);
  });

  it('answers 400 for a body that is not a JSON object, and stores nothing', async () => {
    const { call, store } = await setup();
    const before = store.currentRevision();
    for (const body of ['{"metadata": {"name": "web"', '[]', '"pod"', '']) {
      const res = await call<Status>('POST', PODS, { body });
      expect([body, res.status, res.body.reason]).toEqual([body, 400, 'BadRequest']);
    }
    expect(store.currentRevision()).toBe(before);
  });

  it('stores nothing with dryRun=All but answers as if it had', async () => {
    const { call, store } = await setup();
    const before = store.currentRevision();
    const { status, body } = await call<Pod>('POST', PODS, { body: podBody('web'), query: { dryRun: 'All' } });
    expect(status).toBe(201);
    expect(body.metadata.name).toBe('web');
    expect(body.spec.restartPolicy).toBe('Always');
    expect(store.currentRevision()).toBe(before);
    expect((await call('GET', `${PODS}/web`)).status).toBe(404);
  });
});

describe('ApiServer get', () => {
  it('answers 404 NotFound for a missing object', async () => {
    const { call } = await setup();
    const { status, body } = await call<Status>('GET', `${PODS}/x`);
    expect(status).toBe(404);
    expect(body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'NotFound', message: 'pods "x" not found', details: { name: 'x', kind: 'pods' }, code: 404 });
  });

  it('serves the namespace itself at /api/v1/namespaces/NAME', async () => {
    const { call } = await setup();
    const { status, body } = await call<{ kind: string; metadata: { name: string; labels: Record<string, string> }; status: { phase: string } }>('GET', '/api/v1/namespaces/default');
    expect(status).toBe(200);
    expect(body.kind).toBe('Namespace');
    expect(body.status.phase).toBe('Active');
    expect(body.metadata.labels['kubernetes.io/metadata.name']).toBe('default');
  });
});
