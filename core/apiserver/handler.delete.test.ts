import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../api/duration';
import type { Status } from '../api/status';
import type { KubeList, KubeObject, Namespace, Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';

const START = Date.parse('2026-01-01T00:00:00Z');
const PODS = '/api/v1/namespaces/default/pods';
const NODES = '/api/v1/nodes';

async function setup() {
  const store = new Store();
  const clock = new ManualClock(START);
  const api = new ApiServer({ store, clock, random: new Random(1) });
  const call = async <T = Pod>(method: string, path: string, o: { body?: unknown; query?: Record<string, string> } = {}) => {
    const res = await api.handle({ method, path, query: o.query ?? {}, headers: {}, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T };
  };
  const createPod = async (name: string, extra: Record<string, unknown> = {}) =>
    (await call<Pod>('POST', PODS, { body: { metadata: { name, labels: { app: 'web' }, ...extra }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } })).body;
  const bind = (name: string) => call('POST', `${PODS}/${name}/binding`, { body: { target: { kind: 'Node', name: 'n1' } } });
  const createNode = async (name: string) => (await call<KubeObject>('POST', NODES, { body: { metadata: { name } } })).body;
  await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } });
  return { store, clock, call, createPod, bind, createNode };
}

describe('DELETE propagation policies', () => {
  it('Foreground adds foregroundDeletion and keeps the object until the garbage collector is done', async () => {
    const { call, createPod } = await setup();
    await createPod('web');
    const { status, body } = await call('DELETE', `${PODS}/web`, { body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground' } });
    expect(status).toBe(200);
    expect(body.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(body.metadata.deletionTimestamp).toBe(rfc3339(START));
    expect(body.metadata.deletionGracePeriodSeconds).toBe(0);
    expect((await call('GET', `${PODS}/web`)).body.metadata.finalizers).toEqual(['foregroundDeletion']);
    // Removing the last finalizer removes the object.
    const pod = (await call('GET', `${PODS}/web`)).body;
    await call('PUT', `${PODS}/web`, { body: { ...pod, metadata: { ...pod.metadata, finalizers: [] } } });
    expect((await call('GET', `${PODS}/web`)).status).toBe(404);
  });

  it('Orphan adds orphan (from the query too); a later Background delete removes it and deletes', async () => {
    const { call, createNode } = await setup();
    await createNode('n1');
    const orphan = await call<KubeObject>('DELETE', `${NODES}/n1`, { query: { propagationPolicy: 'Orphan' } });
    expect(orphan.body.metadata.finalizers).toEqual(['orphan']);
    expect(orphan.body.metadata.deletionTimestamp).toBe(rfc3339(START));
    const background = await call<Status>('DELETE', `${NODES}/n1`, { body: { propagationPolicy: 'Background' } });
    expect(background.status).toBe(200);
    // Nodes answer a Status naming what was deleted (pods answer the pod).
    expect(background.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: 'n1', kind: 'nodes', uid: orphan.body.metadata.uid } });
    expect((await call('GET', `${NODES}/n1`)).status).toBe(404);
  });

  it('keeps other finalizers and replaces the GC ones', async () => {
    const { call, createPod, bind } = await setup();
    await createPod('web', { finalizers: ['example.com/keep', 'orphan'] });
    await bind('web');
    const { body } = await call('DELETE', `${PODS}/web`, { body: { propagationPolicy: 'Foreground' } });
    expect(body.metadata.finalizers).toEqual(['example.com/keep', 'foregroundDeletion']);
    expect(body.metadata.deletionGracePeriodSeconds).toBe(30);
  });

  it('validates DeleteOptions', async () => {
    const { call, createPod } = await setup();
    await createPod('web');
    const bad = await call<Status>('DELETE', `${PODS}/web`, { body: { propagationPolicy: 'Sideways' } });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe('DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"');
    const both = await call<Status>('DELETE', `${PODS}/web`, { body: { propagationPolicy: 'Orphan', orphanDependents: true } });
    expect(both.body.message).toBe('DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set');
    const dry = await call<Status>('DELETE', `${PODS}/web`, { query: { dryRun: 'Maybe' } });
    expect(dry.body.message).toBe('DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Maybe"}: supported values: "All"');
    const grace = await call<Status>('DELETE', `${PODS}/web`, { query: { gracePeriodSeconds: 'soon' } });
    expect(grace.status).toBe(400);
    expect(grace.body.message).toBe('strconv.ParseInt: parsing "soon": invalid syntax');
    expect((await call('GET', `${PODS}/web`)).status).toBe(200);
  });
});

describe('DELETE preconditions, grace and dry run', () => {
  it('checks preconditions with the registry\'s messages', async () => {
    const { call, createPod } = await setup();
    const pod = await createPod('web');
    const uid = await call<Status>('DELETE', `${PODS}/web`, { body: { preconditions: { uid: 'other' } } });
    expect(uid.status).toBe(409);
    expect(uid.body.message).toBe(`Operation cannot be fulfilled on Pod "web": the UID in the precondition (other) does not match the UID in record (${pod.metadata.uid ?? ''}). The object might have been deleted and then recreated`);
    const rv = await call<Status>('DELETE', `${PODS}/web`, { body: { preconditions: { resourceVersion: '1' } } });
    expect(rv.body.message).toBe(`Operation cannot be fulfilled on Pod "web": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${pod.metadata.resourceVersion ?? ''}). The object might have been modified`);
    const ok = await call('DELETE', `${PODS}/web`, { body: { preconditions: { uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion } } });
    expect(ok.status).toBe(200);
  });

  it('may only shorten a pending grace period', async () => {
    const { call, createPod, bind, clock } = await setup();
    await createPod('web');
    await bind('web');
    await call('DELETE', `${PODS}/web`);
    clock.advance(5_000);
    const longer = await call('DELETE', `${PODS}/web`, { body: { gracePeriodSeconds: 60 } });
    expect(longer.body.metadata.deletionTimestamp).toBe(rfc3339(START + 30_000));
    const shorter = await call('DELETE', `${PODS}/web`, { body: { gracePeriodSeconds: 10 } });
    expect(shorter.body.metadata.deletionGracePeriodSeconds).toBe(10);
    expect(shorter.body.metadata.deletionTimestamp).toBe(rfc3339(START + 10_000));
  });

  it('dryRun=All answers as if deleted and changes nothing', async () => {
    const { call, createPod, bind, createNode } = await setup();
    const pod = await createPod('web');
    await bind('web');
    const dry = await call('DELETE', `${PODS}/web`, { body: { dryRun: ['All'], propagationPolicy: 'Foreground' } });
    expect(dry.status).toBe(200);
    expect(dry.body.metadata.deletionTimestamp).toBe(rfc3339(START + 30_000));
    expect(dry.body.metadata.finalizers).toEqual(['foregroundDeletion']);
    const after = (await call('GET', `${PODS}/web`)).body;
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.metadata.resourceVersion).not.toBe(pod.metadata.resourceVersion);
    await createNode('n2');
    expect((await call('DELETE', `${NODES}/n2`, { query: { dryRun: 'All' } })).status).toBe(200);
    expect((await call('GET', `${NODES}/n2`)).status).toBe(200);
  });

  it('deletes a collection by selector with the same options, answering the list', async () => {
    const { call, createPod } = await setup();
    await createPod('a');
    await createPod('b');
    await call('POST', PODS, { body: { metadata: { name: 'keep', labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } });
    const { status, body } = await call<KubeList<Pod>>('DELETE', PODS, { query: { labelSelector: 'app=web' }, body: { propagationPolicy: 'Orphan' } });
    expect(status).toBe(200);
    expect(body.kind).toBe('PodList');
    expect(body.items.map((p) => p.metadata.name)).toEqual(['a', 'b']);
    const left = (await call<KubeList<Pod>>('GET', PODS)).body.items;
    expect(left.map((p) => `${p.metadata.name ?? ''}:${(p.metadata.finalizers ?? []).join(',')}`)).toEqual(['a:orphan', 'b:orphan', 'keep:']);
  });
});

describe('DELETE of namespaces', () => {
  it('answers 409 while a terminating namespace is being emptied', async () => {
    const { call } = await setup();
    await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'team' } } });
    const first = await call<Namespace>('DELETE', '/api/v1/namespaces/team');
    expect(first.body.status?.phase).toBe('Terminating');
    const second = await call<Status>('DELETE', '/api/v1/namespaces/team');
    expect(second.status).toBe(409);
    expect(second.body.message).toBe('Operation cannot be fulfilled on namespaces "team": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.');
  });
});
