import { describe, expect, it } from 'vitest';
import { apiSchemas } from '../api/schema/index';
import type { Status } from '../api/status';
import type { Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';

const START = Date.parse('2026-01-01T00:00:00Z');
const PODS = '/api/v1/namespaces/default/pods';
const APPLY = 'application/apply-patch+yaml';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

interface Entry {
  manager: string;
  operation: string;
  apiVersion: string;
  time?: string;
  fieldsV1: unknown;
  subresource?: string;
}

async function setup() {
  const store = new Store();
  const clock = new ManualClock(START);
  const api = new ApiServer({ store, clock, random: new Random(1), schemas: apiSchemas() });
  const call = async <T = Pod>(method: string, path: string, o: { body?: unknown; query?: Record<string, string>; type?: string } = {}) => {
    const headers: Record<string, string> = { 'user-agent': 'kubectl/v1.32.4 (linux/amd64) kubernetes/59526cd' };
    if (o.type) headers['content-type'] = o.type;
    const res = await api.handle({ method, path, query: o.query ?? {}, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T };
  };
  const apply = <T = Pod>(name: string, config: unknown, query: Record<string, string> = { fieldManager: 'kubectl' }) => call<T>('PATCH', `${PODS}/${name}`, { body: config, type: APPLY, query });
  await call('POST', '/api/v1/namespaces', { body: { metadata: { name: 'default' } } });
  return { store, clock, call, apply };
}

const podConfig = (labels: Record<string, string>, image = 'nginx:1.27') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels }, spec: { containers: [{ name: 'c', image }] } });
const entries = (p: Pod) => (p.metadata.managedFields ?? []) as Entry[];

describe('server-side apply', () => {
  it('needs a field manager', async () => {
    const { apply } = await setup();
    const r = await apply<Status>('web', podConfig({ app: 'web' }), {});
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    expect(r.body.details).toEqual({ group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }] });
  });

  it('creates a missing object (201), owning only the applied fields', async () => {
    const { apply } = await setup();
    const r = await apply('web', podConfig({ app: 'web' }));
    expect(r.status).toBe(201);
    expect(r.body.spec.restartPolicy).toBe('Always');
    expect(entries(r.body)).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'v1',
        time: '2026-01-01T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:app': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"c"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } },
      },
    ]);
    const again = await apply('web', podConfig({ app: 'web' }));
    expect(again.status).toBe(200);
    expect(again.body.metadata.resourceVersion).toBe(r.body.metadata.resourceVersion);
  });

  it('conflicts on a field another manager set, unless forced; then takes it', async () => {
    const { apply, call } = await setup();
    await apply('web', podConfig({ app: 'web' }));
    await call('PATCH', `${PODS}/web`, { body: { metadata: { labels: { app: 'api' } } }, type: 'application/strategic-merge-patch+json', query: { fieldManager: 'kubectl-label' } });
    const conflict = await apply<Status>('web', podConfig({ app: 'web' }));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-label" using v1: .metadata.labels.app',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-label" using v1', field: '.metadata.labels.app' }] },
      code: 409,
    });
    const forced = await apply('web', podConfig({ app: 'web' }), { fieldManager: 'kubectl', force: 'true' });
    expect(forced.status).toBe(200);
    expect(forced.body.metadata.labels).toEqual({ app: 'web' });
    expect(entries(forced.body).map((e) => e.manager)).toEqual(['kubectl']);
  });

  it('shares a field applied with the same value, and removes what its applier no longer applies', async () => {
    const { apply } = await setup();
    await apply('web', podConfig({ app: 'web', tier: 'fe' }));
    const other = await apply('web', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } } }, { fieldManager: 'other' });
    expect(other.status).toBe(200);
    const pruned = await apply('web', podConfig({}));
    expect(pruned.body.metadata.labels).toEqual({ app: 'web' });
  });

  it('upgrades from client-side apply without conflicts for kubectl, but not for another manager', async () => {
    const { call, apply } = await setup();
    const csa = podConfig({ app: 'web' });
    await call('POST', PODS, { body: { ...csa, metadata: { ...csa.metadata, annotations: { [LAST_APPLIED]: `${JSON.stringify(csa)}\n` } } }, query: { fieldManager: 'kubectl-client-side-apply' } });
    const other = await apply<Status>('web', podConfig({ app: 'web' }, 'nginx:1.28'), { fieldManager: 'ci' });
    expect(other.status).toBe(409);
    expect(other.body.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.containers[name="c"].image');
    const kubectl = await apply('web', podConfig({ app: 'web' }, 'nginx:1.28'));
    expect(kubectl.status).toBe(200);
    expect(kubectl.body.spec.containers[0]?.image).toBe('nginx:1.28');
    expect(JSON.parse(kubectl.body.metadata.annotations?.[LAST_APPLIED] ?? '{}')).toEqual(podConfig({ app: 'web' }, 'nginx:1.28'));
  });

  it('answers kube\'s errors for a wrong kind, managedFields, unknown fields and a uid on create', async () => {
    const { apply } = await setup();
    const kind = await apply<Status>('web', { ...podConfig({}), kind: 'Deployment' });
    expect(kind.status).toBe(400);
    expect(kind.body.message).toBe('invalid object type: /v1, Kind=Deployment');
    const mf = await apply<Status>('web', { ...podConfig({}), metadata: { name: 'web', managedFields: [] } });
    expect(mf.body.message).toBe('metadata.managedFields must be nil');
    const unknown = await apply<Status>('web', { ...podConfig({}), spec: { containers: [{ name: 'c', image: 'x' }], bogus: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('failed to create typed patch object (/web; /v1, Kind=Pod): .spec.bogus: field not declared in schema');
    const uid = await apply<Status>('web', { ...podConfig({}), metadata: { name: 'web', uid: 'abc' } });
    expect(uid.status).toBe(409);
    expect(uid.body.message).toBe('Operation cannot be fulfilled on pods "web": uid mismatch: the provided object specified uid abc, and no existing object was found');
  });

  it('applies status through pods/status, and creates nothing with dryRun', async () => {
    const { apply, call } = await setup();
    const dry = await apply('web', podConfig({ app: 'web' }), { fieldManager: 'kubectl', dryRun: 'All' });
    expect(dry.status).toBe(201);
    expect((await call<Status>('GET', `${PODS}/web`)).status).toBe(404);
    await apply('web', podConfig({ app: 'web' }));
    const st = await call('PATCH', `${PODS}/web/status`, { body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, status: { phase: 'Running' } }, type: APPLY, query: { fieldManager: 'kubelet' } });
    expect(st.status).toBe(200);
    expect(st.body.status?.phase).toBe('Running');
    expect(entries(st.body).find((e) => e.manager === 'kubelet')).toMatchObject({ operation: 'Apply', subresource: 'status', fieldsV1: { 'f:status': { 'f:phase': {} } } });
  });
});
