import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../api/duration';
import { encodeProtobufObject, PROTOBUF_MEDIA_TYPE } from '../api/protobuf/envelope';
import { apiSchemas } from '../api/schema/index';
import type { Status } from '../api/status';
import type { Pod, PodDisruptionBudget } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { EVICTION_REFUSED, MULTIPLE_BUDGETS } from './eviction';
import { ApiServer } from './handler';
import { isStream, type UserInfo } from './request';

const START = Date.parse('2026-01-01T00:00:00Z');
const PODS = '/api/v1/namespaces/default/pods';
const PDBS = '/apis/policy/v1/namespaces/default/poddisruptionbudgets';
const SUCCESS = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };

interface CallOptions {
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  user?: UserInfo;
  /** A binary body (protobuf). */
  bytes?: Uint8Array;
}

/** An API server with the `default` namespace, running pods and budgets made through the API. */
async function setup() {
  const store = new Store();
  const clock = new ManualClock(START);
  const api = new ApiServer({ store, clock, random: new Random(1) });
  const call = async <T = Record<string, unknown>>(method: string, path: string, o: CallOptions = {}) => {
    const body = o.bytes ? { bodyBytes: o.bytes } : o.body === undefined ? {} : { body: JSON.stringify(o.body) };
    const res = await api.handle({ method, path, query: o.query ?? {}, headers: o.headers ?? {}, ...body, ...(o.user ? { user: o.user } : {}) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T, headers: res.headers };
  };
  await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } });
  /** A pod bound to n1, Running, Ready unless said otherwise. */
  const runningPod = async (name: string, o: { labels?: Record<string, string>; ready?: boolean; phase?: string } = {}) => {
    await call('POST', PODS, { body: { metadata: { name, labels: o.labels ?? { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    await call('POST', `${PODS}/${name}/binding`, { body: { target: { kind: 'Node', name: 'n1' } } });
    const pod = (await call<Pod>('GET', `${PODS}/${name}`)).body;
    const ready = o.ready ?? true;
    const status = { ...pod.status, phase: o.phase ?? 'Running', conditions: [...(pod.status?.conditions ?? []), { type: 'Ready', status: ready ? 'True' : 'False' }] };
    return (await call<Pod>('PUT', `${PODS}/${name}/status`, { body: { ...pod, status } })).body;
  };
  /** A budget over app=web with the status a disruption controller would have written. */
  const budget = async (name: string, status: NonNullable<PodDisruptionBudget['status']>, spec: Record<string, unknown> = {}) => {
    const created = (await call<PodDisruptionBudget>('POST', PDBS, { body: { metadata: { name }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } }, ...spec } } })).body;
    const res = await call<PodDisruptionBudget>('PUT', `${PDBS}/${name}/status`, { body: { ...created, status: { observedGeneration: 1, currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, ...status } } });
    expect(res.status).toBe(200);
    return res.body;
  };
  const evict = (name: string, o: CallOptions & { deleteOptions?: unknown } = {}) =>
    call<Status>('POST', `${PODS}/${name}/eviction`, { ...o, body: o.body ?? { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name }, ...(o.deleteOptions ? { deleteOptions: o.deleteOptions } : {}) } });
  const pdb = async (name: string) => (await call<PodDisruptionBudget>('GET', `${PDBS}/${name}`)).body;
  const pod = async (name: string) => call<Pod>('GET', `${PODS}/${name}`);
  return { store, clock, call, runningPod, budget, evict, pdb, pod };
}

describe('POST pods/NAME/eviction under a PodDisruptionBudget', () => {
  it('spends one disruption, records the pod, deletes it gracefully and answers 201 Success', async () => {
    const { runningPod, budget, evict, pdb, pod } = await setup();
    await runningPod('web-1');
    await runningPod('web-2');
    const before = await budget('web', { disruptionsAllowed: 1 });
    const res = await evict('web-1');
    expect(res.status).toBe(201);
    expect(res.body).toEqual(SUCCESS);
    const after = await pdb('web');
    expect(Number(after.metadata.resourceVersion)).toBeGreaterThan(Number(before.metadata.resourceVersion));
    expect(after.status).toMatchObject({ disruptionsAllowed: 0, disruptedPods: { 'web-1': rfc3339(START) }, currentHealthy: 2, desiredHealthy: 1 });
    // None left: UpdateDisruptionAllowedCondition.
    expect(after.status?.conditions).toEqual([{ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: 1, lastTransitionTime: rfc3339(START) }]);
    const managers = (after.metadata.managedFields ?? []) as { manager?: string; subresource?: string }[];
    expect(managers.map((f) => [f.manager, f.subresource ?? ''])).toContainEqual(['kube-apiserver', 'status']);
    const evicted = (await pod('web-1')).body;
    expect(evicted.metadata.deletionTimestamp).toBe(rfc3339(START + 30_000));
    expect(evicted.metadata.deletionGracePeriodSeconds).toBe(30);
  });

  it("refuses with 429 and kube's DisruptionBudget cause when no disruption is allowed", async () => {
    const { runningPod, budget, evict, pdb, pod } = await setup();
    await runningPod('web-1');
    const before = await budget('web', { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1 });
    const res = await evict('web-1');
    expect(res.status).toBe(429);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: EVICTION_REFUSED,
      reason: 'TooManyRequests',
      details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 1 healthy pods and has 1 currently' }] },
      code: 429,
    });
    expect(res.body.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(res.headers['retry-after']).toBeUndefined();
    expect((await pdb('web')).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect((await pod('web-1')).body.metadata.deletionTimestamp).toBeUndefined();
  });

  it('allows one eviction per disruption: the second is refused', async () => {
    const { runningPod, budget, evict } = await setup();
    await runningPod('web-1');
    await runningPod('web-2');
    await budget('web', { disruptionsAllowed: 1 });
    expect((await evict('web-1')).status).toBe(201);
    const second = await evict('web-2');
    expect(second.status).toBe(429);
    expect(second.body.details?.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web needs 1 healthy pods and has 2 currently' }]);
  });

  it('answers 429 with Retry-After: 10 while the budget is not yet observed at its generation', async () => {
    const { call, runningPod, budget, evict, pdb } = await setup();
    await runningPod('web-1');
    const b = await budget('web', { disruptionsAllowed: 5 });
    await call('PUT', `${PDBS}/web`, { body: { ...b, spec: { ...b.spec, minAvailable: 0 } } });
    expect((await pdb('web')).metadata.generation).toBe(2);
    const res = await evict('web-1');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('10');
    expect(res.body.details).toEqual({ causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web is still being processed by the server.' }], retryAfterSeconds: 10 });
  });

  it('refuses a budget with negative disruptions as kube does (403)', async () => {
    const { runningPod, budget, evict } = await setup();
    await runningPod('web-1');
    await budget('web', { disruptionsAllowed: -1 });
    const res = await evict('web-1');
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('poddisruptionbudget.policy "web" is forbidden: pdb disruptions allowed is negative');
  });

  it('refuses a pod under two budgets with a 403 carrying kube\'s message (kube: a Failure Status with code 500)', async () => {
    const { runningPod, budget, evict, pdb, pod } = await setup();
    await runningPod('web-1');
    await budget('a', { disruptionsAllowed: 1 });
    await budget('b', { disruptionsAllowed: 1 }, { selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } });
    const res = await evict('web-1');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 'Failure', reason: 'Forbidden', code: 403, message: MULTIPLE_BUDGETS });
    expect(res.body.message).toBe('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    expect((await pdb('a')).status?.disruptionsAllowed).toBe(1);
    expect((await pod('web-1')).body.metadata.deletionTimestamp).toBeUndefined();
  });

  it('ignores budgets of other namespaces, that select nothing, or select other pods', async () => {
    const { call, runningPod, budget, evict, pod } = await setup();
    await runningPod('web-1');
    await budget('other', { disruptionsAllowed: 0 }, { selector: { matchLabels: { app: 'db' } } });
    await budget('empty', { disruptionsAllowed: 0 }, { selector: {} });
    await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'elsewhere' } } });
    await call('POST', '/apis/policy/v1/namespaces/elsewhere/poddisruptionbudgets', { body: { metadata: { name: 'x' }, spec: { selector: { matchLabels: { app: 'web' } } } } });
    expect((await evict('web-1')).status).toBe(201);
    expect((await pod('web-1')).body.metadata.deletionTimestamp).toBeDefined();
  });
});

describe('pods that need no budget', () => {
  it('deletes pending, finished and terminating pods at once, without touching the budget', async () => {
    const { call, runningPod, budget, evict, pdb, pod } = await setup();
    await call('POST', PODS, { body: { metadata: { name: 'pending', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    await runningPod('done', { phase: 'Succeeded' });
    await runningPod('failed', { phase: 'Failed' });
    await runningPod('going');
    const b = await budget('web', { disruptionsAllowed: 0 });
    await call('DELETE', `${PODS}/going`);
    for (const name of ['pending', 'done', 'failed', 'going']) expect((await evict(name)).status).toBe(201);
    for (const name of ['pending', 'done', 'failed']) expect((await pod(name)).status).toBe(404);
    expect((await pod('going')).body.metadata.deletionTimestamp).toBeDefined();
    expect((await pdb('web')).metadata.resourceVersion).toBe(b.metadata.resourceVersion);
  });

  it('evicts an unready pod of a healthy application without spending a disruption', async () => {
    const { runningPod, budget, evict, pdb, pod } = await setup();
    await runningPod('sick', { ready: false });
    const b = await budget('web', { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 });
    expect((await evict('sick')).status).toBe(201);
    expect((await pod('sick')).body.metadata.deletionTimestamp).toBeDefined();
    expect((await pdb('web')).metadata.resourceVersion).toBe(b.metadata.resourceVersion);
  });

  it('guards an unready pod of an unhealthy application, unless unhealthyPodEvictionPolicy is AlwaysAllow', async () => {
    const { runningPod, budget, evict, call } = await setup();
    await runningPod('sick', { ready: false });
    await budget('web', { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 });
    expect((await evict('sick')).status).toBe(429);
    await call('DELETE', `${PDBS}/web`);
    await budget('web', { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 }, { unhealthyPodEvictionPolicy: 'AlwaysAllow' });
    expect((await evict('sick')).status).toBe(201);
  });

  it('evicts a pod no budget covers', async () => {
    const { runningPod, evict, pod } = await setup();
    await runningPod('lonely', { labels: { app: 'solo' } });
    expect((await evict('lonely')).status).toBe(201);
    expect((await pod('lonely')).body.metadata.deletionTimestamp).toBeDefined();
  });
});

describe('the DeleteOptions of an eviction', () => {
  it('honours the grace period', async () => {
    const { runningPod, evict, pod } = await setup();
    await runningPod('web-1');
    expect((await evict('web-1', { deleteOptions: { gracePeriodSeconds: 5 } })).status).toBe(201);
    expect((await pod('web-1')).body.metadata.deletionGracePeriodSeconds).toBe(5);
    await runningPod('web-2');
    expect((await evict('web-2', { deleteOptions: { gracePeriodSeconds: 0 } })).status).toBe(201);
    expect((await pod('web-2')).status).toBe(404);
  });

  it('checks preconditions before the budget is spent', async () => {
    const { runningPod, budget, evict, pdb, pod } = await setup();
    const p = await runningPod('web-1');
    const b = await budget('web', { disruptionsAllowed: 1 });
    const stale = await evict('web-1', { deleteOptions: { preconditions: { uid: 'not-it' } } });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe(`Operation cannot be fulfilled on Pod "web-1": the UID in the precondition (not-it) does not match the UID in record (${p.metadata.uid ?? ''}). The object might have been deleted and then recreated`);
    expect((await pdb('web')).metadata.resourceVersion).toBe(b.metadata.resourceVersion);
    const invalid = await evict('web-1', { deleteOptions: { propagationPolicy: 'Sideways' } });
    expect(invalid.status).toBe(422);
    expect((await evict('web-1', { deleteOptions: { preconditions: { uid: p.metadata.uid, resourceVersion: p.metadata.resourceVersion } } })).status).toBe(201);
    expect((await pod('web-1')).body.metadata.deletionTimestamp).toBeDefined();
  });

  it('changes nothing on a dry run, from the query or the DeleteOptions; refuses different ones', async () => {
    const { runningPod, budget, evict, pdb, pod } = await setup();
    await runningPod('web-1');
    const b = await budget('web', { disruptionsAllowed: 1 });
    expect(await evict('web-1', { query: { dryRun: 'All' } })).toMatchObject({ status: 201, body: SUCCESS });
    expect((await evict('web-1', { deleteOptions: { dryRun: ['All'] } })).status).toBe(201);
    expect((await pdb('web')).metadata.resourceVersion).toBe(b.metadata.resourceVersion);
    expect((await pod('web-1')).body.metadata.deletionTimestamp).toBeUndefined();
    const mixed = await evict('web-1', { query: { dryRun: 'All' }, deleteOptions: { dryRun: ['Other'] } });
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toBe('Non-matching dry-run options in request and content: [All] and [Other]');
    const bad = await evict('web-1', { query: { dryRun: 'Maybe' } });
    expect(bad.status).toBe(422);
  });
});

describe('the eviction request itself', () => {
  it('answers 400 to a name or kind that does not match, 404 for a missing pod, 405 to other methods', async () => {
    const { runningPod, call, evict } = await setup();
    await runningPod('web-1');
    const other = await evict('web-1', { body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web-2' } } });
    expect(other).toMatchObject({ status: 400, body: { message: 'name in URL does not match name in Eviction object' } });
    expect((await evict('web-1', { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1' } } })).status).toBe(400);
    expect((await evict('web-1', { body: { apiVersion: 'policy/v1beta1', kind: 'Eviction', metadata: { name: 'web-1' }, deleteOptions: { dryRun: ['All'] } } })).status).toBe(201);
    expect((await evict('missing')).body).toMatchObject({ code: 404, message: 'pods "missing" not found' });
    expect((await call('GET', `${PODS}/web-1/eviction`)).status).toBe(405);
    expect((await call('POST', '/api/v1/namespaces/default/configmaps/x/eviction', { body: {} })).status).toBe(404);
  });

  it('takes a protobuf Eviction, as kubectl drain sends it', async () => {
    const { runningPod, call, pod } = await setup();
    await runningPod('web-1');
    const eviction = { kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name: 'web-1', namespace: 'default' }, deleteOptions: { gracePeriodSeconds: 7 } };
    const res = await call('POST', `${PODS}/web-1/eviction`, { headers: { 'content-type': PROTOBUF_MEDIA_TYPE }, bytes: encodeProtobufObject(eviction, apiSchemas()) });
    expect(res).toMatchObject({ status: 201, body: SUCCESS });
    expect((await pod('web-1')).body.metadata.deletionGracePeriodSeconds).toBe(7);
  });

  it('is authorized as the create verb on pods/eviction', async () => {
    const { call, runningPod, evict } = await setup();
    await runningPod('web-1');
    const jane: UserInfo = { name: 'jane', groups: ['system:authenticated'] };
    const refused = await evict('web-1', { user: jane });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('pods "web-1" is forbidden: User "jane" cannot create resource "pods/eviction" in API group "" in the namespace "default"');
    await call('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', { body: { metadata: { name: 'evictor' }, rules: [{ apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] }] } });
    await call('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', { body: { metadata: { name: 'jane' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'evictor' }, subjects: [{ kind: 'User', name: 'jane' }] } });
    expect((await evict('web-1', { user: jane })).status).toBe(201);
  });
});
