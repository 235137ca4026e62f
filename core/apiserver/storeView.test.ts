import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';
import { COMPONENT_STATUS_WARNING, type ComponentHealth } from './resources/componentstatuses';

const START = Date.parse('2026-01-01T00:00:00Z');
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function setup(health: ComponentHealth = {}) {
  const store = new Store();
  const api = new ApiServer({ store, clock: new ManualClock(START), random: new Random(3), componentHealth: () => health });
  const call = async (method: string, path: string, o: { body?: unknown; query?: Record<string, string>; accept?: string } = {}) => {
    const headers: Record<string, string> = method === 'PATCH' ? { 'content-type': 'application/merge-patch+json' } : {};
    if (o.accept) headers['accept'] = o.accept;
    const res = await api.handle({ method, path, query: o.query ?? {}, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as Obj, headers: res.headers };
  };
  await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } });
  /** Collects the events of a watch until `stop`. */
  const watch = async (path: string) => {
    const res = await api.handle({ method: 'GET', path, query: { watch: 'true' }, headers: {} });
    if (!isStream(res)) throw new Error('expected a stream');
    const events: { type: string; object: Obj }[] = [];
    const stop = res.stream.start({ send: (e) => events.push(e as { type: string; object: Obj }), end: () => undefined });
    return { events, stop };
  };
  return { store, api, call, watch };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const V1 = '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers';
const V2 = '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers';

describe('autoscaling/v1 and v2 HorizontalPodAutoscalers: one storage', () => {
  it('stores the v2 form and serves each version converted, with the storage defaults', async () => {
    const { call, store } = await setup();
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
    const created = await call('POST', V1, { body: { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: ref, maxReplicas: 5, targetCPUUtilizationPercentage: 50 } } });
    expect(created.status).toBe(201);
    expect(created.body.spec).toEqual({ scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 });
    const stored = store.get('/registry/autoscaling/horizontalpodautoscalers/default/web') as Obj;
    expect(stored.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    expect(stored.spec.targetCPUUtilizationPercentage).toBeUndefined();
    const v2 = (await call('GET', `${V2}/web`)).body;
    expect(v2.apiVersion).toBe('autoscaling/v2');
    expect(v2.spec.metrics[0].resource.target.averageUtilization).toBe(50);
    // Without a target, v1 shows the v2 default (80%), as a real cluster does after `kubectl autoscale`.
    await call('POST', V1, { body: { metadata: { name: 'bare' }, spec: { scaleTargetRef: ref, maxReplicas: 3 } } });
    expect((await call('GET', `${V1}/bare`)).body.spec.targetCPUUtilizationPercentage).toBe(80);
  });

  it('lets a watch of either version see changes made through the other', async () => {
    const { call, watch } = await setup();
    const w1 = await watch(V1);
    const w2 = await watch(V2);
    const created = await call('POST', V2, {
      body: { metadata: { name: 'api' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'api' }, maxReplicas: 4, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } },
    });
    const v1 = (await call('GET', `${V1}/api`)).body;
    const put = await call('PUT', `${V1}/api`, { body: { ...v1, spec: { ...v1.spec, maxReplicas: 6 } } });
    expect(put.status).toBe(200);
    await settle();
    w1.stop();
    w2.stop();
    expect(w1.events.map((e) => [e.type, e.object.apiVersion, e.object.spec.maxReplicas, e.object.spec.targetCPUUtilizationPercentage])).toEqual([
      ['ADDED', 'autoscaling/v1', 4, 70],
      ['MODIFIED', 'autoscaling/v1', 6, 70],
    ]);
    expect(w2.events.map((e) => [e.type, e.object.apiVersion, e.object.spec.maxReplicas])).toEqual([
      ['ADDED', 'autoscaling/v2', 4],
      ['MODIFIED', 'autoscaling/v2', 6],
    ]);
    expect(created.body.metadata.resourceVersion).not.toBe(put.body.metadata.resourceVersion);
  });

  it('patches through either version', async () => {
    const { call } = await setup();
    await call('POST', V2, { body: { metadata: { name: 'p' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'p' }, maxReplicas: 2 } } });
    const patched = await call('PATCH', `${V1}/p`, { body: { spec: { targetCPUUtilizationPercentage: 40 } } });
    expect(patched.status).toBe(200);
    expect((await call('GET', `${V2}/p`)).body.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 40 } } }]);
  });

  it('writes nothing for an update that changes nothing in the storage form', async () => {
    const { call } = await setup();
    await call('POST', V1, { body: { metadata: { name: 'same' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'same' }, maxReplicas: 2, targetCPUUtilizationPercentage: 60 } } });
    const v1 = (await call('GET', `${V1}/same`)).body;
    const again = await call('PUT', `${V1}/same`, { body: v1 });
    expect(again.body.metadata.resourceVersion).toBe(v1.metadata.resourceVersion);
  });
});

describe('core/v1 and events.k8s.io/v1 Events: one storage', () => {
  it('serves an event written through either version from both', async () => {
    const { call, store, watch } = await setup();
    const w = await watch('/api/v1/namespaces/default/events');
    const v1 = await call('POST', '/apis/events.k8s.io/v1/namespaces/default/events', {
      body: {
        metadata: { name: 'web.1' },
        eventTime: '2026-01-01T00:00:00.000000Z',
        reportingController: 'kubelab.io/test',
        reportingInstance: 'test-1',
        action: 'Testing',
        reason: 'Tested',
        note: 'it works',
        type: 'Normal',
        regarding: { kind: 'Pod', namespace: 'default', name: 'web' },
      },
    });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: 'it works', regarding: { name: 'web' } });
    expect(store.keysWithPrefix('/registry/core/events/')).toEqual(['/registry/core/events/default/web.1']);
    const core = (await call('GET', '/api/v1/namespaces/default/events/web.1')).body;
    expect(core).toMatchObject({ apiVersion: 'v1', kind: 'Event', message: 'it works', involvedObject: { name: 'web' }, reportingComponent: 'kubelab.io/test' });
    await settle();
    w.stop();
    expect(w.events.map((e) => [e.type, e.object.apiVersion, e.object.message])).toEqual([['ADDED', 'v1', 'it works']]);
    const list = (await call('GET', '/apis/events.k8s.io/v1/namespaces/default/events', { query: { fieldSelector: 'regarding.name=web' } })).body;
    expect(list.items.map((i: Obj) => i.note)).toEqual(['it works']);
  });
});

describe('componentstatuses: computed, read-only, deprecated', () => {
  it('lists and gets the components from the health the cluster passes in, with the deprecation warning', async () => {
    const { call } = await setup({ scheduler: false });
    const list = await call('GET', '/api/v1/componentstatuses');
    expect(list.status).toBe(200);
    expect(list.headers['warning']).toEqual([COMPONENT_STATUS_WARNING]);
    expect(list.body).toMatchObject({ kind: 'ComponentStatusList', apiVersion: 'v1', metadata: {} });
    expect(list.body.items.map((i: Obj) => [i.metadata.name, i.conditions[0].status])).toEqual([
      ['scheduler', 'False'],
      ['controller-manager', 'True'],
      ['etcd-0', 'True'],
    ]);
    const table = (await call('GET', '/api/v1/componentstatuses', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' })).body;
    expect(table.rows.map((r: Obj) => r.cells.slice(0, 2))).toEqual([
      ['scheduler', 'Unhealthy'],
      ['controller-manager', 'Healthy'],
      ['etcd-0', 'Healthy'],
    ]);
    const one = await call('GET', '/api/v1/componentstatuses/etcd-0');
    expect(one.body).toMatchObject({ kind: 'ComponentStatus', metadata: { name: 'etcd-0' }, conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] });
    expect(one.headers['warning']).toEqual([COMPONENT_STATUS_WARNING]);
    expect((await call('GET', '/api/v1/componentstatuses/nope')).body).toMatchObject({ reason: 'NotFound', message: 'componentstatuses "nope" not found' });
    expect((await call('GET', '/api/v1/componentstatuses', { query: { fieldSelector: 'metadata.name=scheduler' } })).body.items).toHaveLength(1);
  });

  it('refuses writes and watches with 405', async () => {
    const { call } = await setup();
    expect((await call('POST', '/api/v1/componentstatuses', { body: { metadata: { name: 'x' } } })).status).toBe(405);
    expect((await call('DELETE', '/api/v1/componentstatuses/etcd-0')).status).toBe(405);
    expect((await call('GET', '/api/v1/componentstatuses', { query: { watch: 'true' } })).status).toBe(405);
  });
});
