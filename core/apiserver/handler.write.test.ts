import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../api/duration';
import type { Status } from '../api/status';
import type { KubeList, Namespace, Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';

const START = Date.parse('2026-01-01T00:00:00Z');
const PODS = '/api/v1/namespaces/default/pods';

interface CallOptions {
  body?: unknown;
  query?: Record<string, string>;
}

async function setup() {
  const store = new Store();
  const clock = new ManualClock(START);
  const api = new ApiServer({ store, clock, random: new Random(1) });
  const call = async <T = Record<string, unknown>>(method: string, path: string, o: CallOptions = {}) => {
    const res = await api.handle({ method, path, query: o.query ?? {}, headers: {}, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T };
  };
  const createPod = async (name: string, ns = 'default') =>
    (await call<Pod>('POST', `/api/v1/namespaces/${ns}/pods`, { body: { metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } })).body;
  const bind = (name: string, node = 'n1') => call<Status>('POST', `${PODS}/${name}/binding`, { body: { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: node } } });
  await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } });
  return { store, clock, call, createPod, bind };
}

describe('ApiServer update', () => {
  it('updates with the current resourceVersion and refuses a stale one with 409', async () => {
    const { call, createPod } = await setup();
    const pod = await createPod('web');
    const updated = await call<Pod>('PUT', `${PODS}/web`, { body: { ...pod, metadata: { ...pod.metadata, labels: { app: 'api' } } } });
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.labels).toEqual({ app: 'api' });
    expect(Number(updated.body.metadata.resourceVersion)).toBeGreaterThan(Number(pod.metadata.resourceVersion));
    const stale = await call<Status>('PUT', `${PODS}/web`, { body: { ...pod, metadata: { ...pod.metadata, labels: { app: 'old' } } } });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('Conflict');
    expect(stale.body.message).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again');
    expect((await call<Pod>('GET', `${PODS}/web`)).body.metadata.labels).toEqual({ app: 'api' });
  });

  it('keeps status and identity on a PUT of the main resource', async () => {
    const { call, createPod } = await setup();
    const pod = await createPod('web');
    const { body } = await call<Pod>('PUT', `${PODS}/web`, { body: { ...pod, metadata: { ...pod.metadata, uid: undefined, creationTimestamp: '2000-01-01T00:00:00Z' }, status: { phase: 'Running' } } });
    expect(body.status?.phase).toBe('Pending');
    expect(body.metadata.uid).toBe(pod.metadata.uid);
    expect(body.metadata.creationTimestamp).toBe(pod.metadata.creationTimestamp);
  });

  it('allows an image change but forbids other spec changes', async () => {
    const { call, createPod } = await setup();
    const pod = await createPod('web');
    const image = await call<Pod>('PUT', `${PODS}/web`, { body: { ...pod, spec: { ...pod.spec, containers: [{ ...pod.spec.containers[0], image: 'nginx:1.28' }] } } });
    expect(image.status).toBe(200);
    expect(image.body.spec.containers[0]?.image).toBe('nginx:1.28');
    const other = await call<Status>('PUT', `${PODS}/web`, { body: { ...image.body, spec: { ...image.body.spec, restartPolicy: 'Never' } } });
    expect(other.status).toBe(422);
    expect(other.body.details?.causes?.[0]).toMatchObject({ reason: 'FieldValueForbidden', field: 'spec' });
    expect(other.body.message).toMatch(/^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than /);
  });

  it('refuses a name that differs from the URL', async () => {
    const { call, createPod } = await setup();
    const pod = await createPod('web');
    expect((await call('PUT', `${PODS}/web`, { body: { ...pod, metadata: { ...pod.metadata, name: 'other' } } })).status).toBe(400);
  });

  it('changes only status through pods/status', async () => {
    const { call, createPod } = await setup();
    const pod = await createPod('web');
    const { status, body } = await call<Pod>('PUT', `${PODS}/web/status`, {
      body: { ...pod, metadata: { ...pod.metadata, labels: { changed: 'yes' } }, spec: { ...pod.spec, nodeName: 'sneaky' }, status: { phase: 'Running', podIP: '10.244.1.2' } },
    });
    expect(status).toBe(200);
    expect(body.status).toEqual({ phase: 'Running', podIP: '10.244.1.2' });
    expect(body.metadata.labels).toEqual({ app: 'web' });
    expect(body.spec.nodeName).toBeUndefined();
    const stale = await call<Status>('PUT', `${PODS}/web/status`, { body: { ...pod, status: { phase: 'Failed' } } });
    expect(stale.status).toBe(409);
  });
});

describe('ApiServer binding', () => {
  it('assigns the node and sets PodScheduled, once', async () => {
    const { call, createPod, bind, clock } = await setup();
    await createPod('web');
    clock.advance(2000);
    const first = await bind('web');
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('Success');
    const pod = (await call<Pod>('GET', `${PODS}/web`)).body;
    expect(pod.spec.nodeName).toBe('n1');
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'True', lastTransitionTime: rfc3339(START + 2000) });
    const second = await bind('web', 'n2');
    expect(second.status).toBe(409);
    expect(second.body.message).toBe('Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "n1"');
    expect((await call<Pod>('GET', `${PODS}/web`)).body.spec.nodeName).toBe('n1');
  });

  it('needs a target and an existing pod', async () => {
    const { call, createPod, bind } = await setup();
    await createPod('web');
    expect((await call('POST', `${PODS}/web/binding`, { body: { target: {} } })).status).toBe(422);
    expect((await bind('nope')).status).toBe(404);
  });
});

describe('ApiServer delete', () => {
  it('removes an unbound pod at once', async () => {
    const { call, createPod } = await setup();
    await createPod('web');
    const { status, body } = await call<Pod>('DELETE', `${PODS}/web`);
    expect(status).toBe(200);
    expect(body.metadata.name).toBe('web');
    expect((await call('GET', `${PODS}/web`)).status).toBe(404);
    expect((await call<Status>('DELETE', `${PODS}/web`)).body.message).toBe('pods "web" not found');
  });

  it('marks a bound pod for graceful deletion with the pod grace period', async () => {
    const { call, createPod, bind } = await setup();
    await createPod('web');
    await bind('web');
    const { status, body } = await call<Pod>('DELETE', `${PODS}/web`);
    expect(status).toBe(200);
    expect(body.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(body.metadata.deletionTimestamp).toBe(rfc3339(START + 30_000));
    expect((await call<Pod>('GET', `${PODS}/web`)).body.metadata.deletionTimestamp).toBe(body.metadata.deletionTimestamp);
  });

  it('takes gracePeriodSeconds from DeleteOptions or the query, and 0 removes the pod', async () => {
    const { call, createPod, bind } = await setup();
    for (const name of ['a', 'b', 'c']) {
      await createPod(name);
      await bind(name);
    }
    const a = await call<Pod>('DELETE', `${PODS}/a`, { body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 10 } });
    expect(a.body.metadata.deletionGracePeriodSeconds).toBe(10);
    expect(a.body.metadata.deletionTimestamp).toBe(rfc3339(START + 10_000));
    const b = await call<Pod>('DELETE', `${PODS}/b`, { query: { gracePeriodSeconds: '5' } });
    expect(b.body.metadata.deletionGracePeriodSeconds).toBe(5);
    await call('DELETE', `${PODS}/c`, { body: { gracePeriodSeconds: 0 } });
    expect((await call('GET', `${PODS}/c`)).status).toBe(404);
    // Forcing an already terminating pod removes it too.
    await call('DELETE', `${PODS}/a`, { body: { gracePeriodSeconds: 0 } });
    expect((await call('GET', `${PODS}/a`)).status).toBe(404);
  });

  it('checks preconditions', async () => {
    const { call, createPod } = await setup();
    await createPod('web');
    const { status } = await call('DELETE', `${PODS}/web`, { body: { preconditions: { uid: 'not-the-uid' } } });
    expect(status).toBe(409);
    expect((await call('GET', `${PODS}/web`)).status).toBe(200);
  });

  it('deletes a collection by selector', async () => {
    const { call, createPod } = await setup();
    await createPod('a');
    await createPod('b');
    await call('POST', PODS, { body: { metadata: { name: 'keep', labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } });
    const { status } = await call('DELETE', PODS, { query: { labelSelector: 'app=web' } });
    expect(status).toBe(200);
    expect((await call<KubeList<Pod>>('GET', PODS)).body.items.map((p) => p.metadata.name)).toEqual(['keep']);
  });
});

describe('ApiServer namespaces', () => {
  it('refuses to delete default and kube-system', async () => {
    const { call } = await setup();
    await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'kube-system' } } });
    const { status, body } = await call<Status>('DELETE', '/api/v1/namespaces/default');
    expect(status).toBe(403);
    expect(body.reason).toBe('Forbidden');
    expect(body.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
    expect((await call<Status>('DELETE', '/api/v1/namespaces/kube-system')).status).toBe(403);
  });

  it('terminates another namespace, refuses new content in it, and removes it once finalized', async () => {
    const { call, createPod } = await setup();
    await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'team' } } });
    await createPod('old', 'team');
    const del = await call<Namespace>('DELETE', '/api/v1/namespaces/team');
    expect(del.status).toBe(200);
    expect(del.body.status?.phase).toBe('Terminating');
    expect(del.body.metadata.deletionTimestamp).toBe(rfc3339(START));
    expect(del.body.spec?.finalizers).toEqual(['kubernetes']);

    const create = await call<Status>('POST', '/api/v1/namespaces/team/pods', { body: { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } } });
    expect(create.status).toBe(403);
    expect(create.body.message).toBe('pods "p" is forbidden: unable to create new content in namespace team because it is being terminated');

    const ns = (await call<Namespace>('GET', '/api/v1/namespaces/team')).body;
    const fin = await call('PUT', '/api/v1/namespaces/team/finalize', { body: { ...ns, spec: { finalizers: [] } } });
    expect(fin.status).toBe(200);
    expect((await call('GET', '/api/v1/namespaces/team')).status).toBe(404);
  });
});
