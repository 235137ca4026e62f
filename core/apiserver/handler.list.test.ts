import { describe, expect, it } from 'vitest';
import type { Status } from '../api/status';
import type { KubeList, Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';
import type { Table } from './table';

const START = Date.parse('2026-01-01T00:00:00Z');
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const PODS = '/api/v1/namespaces/default/pods';

interface CallOptions {
  body?: unknown;
  query?: Record<string, string>;
  accept?: string;
}

/** An API server with namespaces default and team, pods a, b, c in default (b bound to n1) and d in team. */
async function setup() {
  const store = new Store();
  const clock = new ManualClock(START);
  const api = new ApiServer({ store, clock, random: new Random(1) });
  const call = async <T = Record<string, unknown>>(method: string, path: string, o: CallOptions = {}) => {
    const res = await api.handle({ method, path, query: o.query ?? {}, headers: o.accept ? { accept: o.accept } : {}, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T };
  };
  for (const name of ['default', 'team']) await call('POST', '/api/v1/namespaces', { body: { metadata: { name } } });
  const pod = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  await call('POST', PODS, { body: pod('a', { app: 'web', tier: 'front' }) });
  await call('POST', PODS, { body: pod('b', { app: 'web', tier: 'back' }) });
  await call('POST', PODS, { body: pod('c', { app: 'db' }) });
  await call('POST', '/api/v1/namespaces/team/pods', { body: pod('d', { app: 'web' }) });
  expect((await call('POST', `${PODS}/b/binding`, { body: { target: { name: 'n1' } } })).status).toBe(201);
  return { store, clock, call };
}

const names = (l: { items: Pod[] }) => l.items.map((p) => p.metadata.name);

describe('ApiServer list', () => {
  it('lists a namespace as a PodList at the current revision', async () => {
    const { call, store } = await setup();
    const { status, body } = await call<KubeList<Pod>>('GET', PODS);
    expect(status).toBe(200);
    expect(body.kind).toBe('PodList');
    expect(body.apiVersion).toBe('v1');
    expect(body.metadata.resourceVersion).toBe(String(store.currentRevision()));
    expect(names(body)).toEqual(['a', 'b', 'c']);
    expect(body.items.every((p) => p.kind === 'Pod' && p.apiVersion === 'v1')).toBe(true);
  });

  it('lists across namespaces at /api/v1/pods', async () => {
    const { call } = await setup();
    const { body } = await call<KubeList<Pod>>('GET', '/api/v1/pods');
    expect(body.items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/a', 'default/b', 'default/c', 'team/d']);
  });

  it('filters by label selector', async () => {
    const { call } = await setup();
    const list = async (labelSelector: string) => names((await call<KubeList<Pod>>('GET', PODS, { query: { labelSelector } })).body);
    expect(await list('app=web')).toEqual(['a', 'b']);
    expect(await list('app=web,tier!=front')).toEqual(['b']);
    expect(await list('tier')).toEqual(['a', 'b']);
    expect(await list('!tier')).toEqual(['c']);
    expect(await list('app in (db,cache)')).toEqual(['c']);
    const bad = await call<Status>('GET', PODS, { query: { labelSelector: 'app in (web' } });
    expect(bad.status).toBe(400);
  });

  it('filters by field selector', async () => {
    const { call } = await setup();
    const list = async (fieldSelector: string) => names((await call<KubeList<Pod>>('GET', PODS, { query: { fieldSelector } })).body);
    expect(await list('status.phase=Pending')).toEqual(['a', 'b', 'c']);
    expect(await list('status.phase=Running')).toEqual([]);
    expect(await list('spec.nodeName=')).toEqual(['a', 'c']);
    expect(await list('spec.nodeName=n1')).toEqual(['b']);
    expect(await list('metadata.name!=a,spec.nodeName=')).toEqual(['c']);
    expect(names((await call<KubeList<Pod>>('GET', '/api/v1/pods', { query: { fieldSelector: 'metadata.namespace=team' } })).body)).toEqual(['d']);
  });

  it('refuses a field the resource cannot select on', async () => {
    const { call } = await setup();
    const { status, body } = await call<Status>('GET', PODS, { query: { fieldSelector: 'spec.foo=bar' } });
    expect(status).toBe(400);
    expect(body.message).toBe('field label not supported: spec.foo');
  });

  it('pages with limit and continue', async () => {
    const { call } = await setup();
    const first = (await call<KubeList<Pod>>('GET', '/api/v1/pods', { query: { limit: '3' } })).body;
    expect(names(first)).toEqual(['a', 'b', 'c']);
    expect(first.metadata.continue).toBeTruthy();
    expect(first.metadata.remainingItemCount).toBe(1);
    const second = (await call<KubeList<Pod>>('GET', '/api/v1/pods', { query: { limit: '3', continue: first.metadata.continue as string } })).body;
    expect(names(second)).toEqual(['d']);
    expect(second.metadata.continue).toBeUndefined();

    const byTwo = (await call<KubeList<Pod>>('GET', PODS, { query: { limit: '2', labelSelector: 'app=web' } })).body;
    expect(names(byTwo)).toEqual(['a', 'b']);
    expect(byTwo.metadata.continue).toBeUndefined();
  });

  it('refuses a limit that is not an integer and a bad continue token; a negative limit means none, as in kube', async () => {
    const { call } = await setup();
    // Convert_Slice_string_To_int64 parses limit with strconv.ParseInt; nothing validates its sign
    // and the storage pages only when limit > 0, so kube answers -1 with the whole list.
    const all = await call<{ items: unknown[] }>('GET', PODS);
    const negative = await call<{ items: unknown[]; metadata: { continue?: string } }>('GET', PODS, { query: { limit: '-1' } });
    expect([negative.status, negative.body.items.length, negative.body.metadata.continue]).toEqual([200, all.body.items.length, undefined]);
    const abc = await call<Status>('GET', PODS, { query: { limit: 'abc' } });
    expect([abc.status, abc.body.reason, abc.body.message]).toEqual([400, 'BadRequest', 'strconv.ParseInt: parsing "abc": invalid syntax']);
    expect((await call('GET', PODS, { query: { continue: 'garbage' } })).status).toBe(400);
  });
});

describe('ApiServer Tables', () => {
  it("answers kubectl's Table request with the pod columns and cells", async () => {
    const { call, store } = await setup();
    const { status, body } = await call<Table>('GET', PODS, { accept: TABLE, query: { labelSelector: 'app=db' } });
    expect(status).toBe(200);
    expect(body.kind).toBe('Table');
    expect(body.apiVersion).toBe('meta.k8s.io/v1');
    expect(body.metadata.resourceVersion).toBe(String(store.currentRevision()));
    expect(body.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    expect(body.columnDefinitions.map((c) => c.priority)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(body.rows.map((r) => r.cells)).toEqual([['c', '0/1', 'Pending', '0', '0s', '<none>', '<none>', '<none>', '<none>']]);
    const object = body.rows[0]?.object as { kind: string; apiVersion: string; metadata: Pod['metadata'] };
    expect(object.kind).toBe('PartialObjectMetadata');
    expect(object.apiVersion).toBe('meta.k8s.io/v1');
    expect(object.metadata).toMatchObject({ name: 'c', namespace: 'default', labels: { app: 'db' } });
  });

  it('prints the age from the cluster clock and the node once bound', async () => {
    const { call, clock } = await setup();
    clock.advance(3 * 60_000 + 20_000);
    const { body } = await call<Table>('GET', `${PODS}/b`, { accept: TABLE });
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]?.cells).toEqual(['b', '0/1', 'Pending', '0', '3m20s', '<none>', 'n1', '<none>', '<none>']);
  });

  it('embeds the whole object with includeObject=Object', async () => {
    const { call } = await setup();
    const { body } = await call<Table>('GET', PODS, { accept: TABLE, query: { includeObject: 'Object', labelSelector: 'app=db' } });
    expect(body.rows[0]?.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'c' }, spec: { containers: [{ name: 'c' }] } });
  });

  it('prints nodes with their columns', async () => {
    const { call } = await setup();
    const node = {
      metadata: { name: 'n1', labels: { 'node-role.kubernetes.io/control-plane': '' } },
      spec: { unschedulable: true },
      status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.32.4' }, addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] },
    };
    expect((await call('POST', '/api/v1/nodes', { body: node })).status).toBe(201);
    const { body } = await call<Table>('GET', '/api/v1/nodes', { accept: TABLE });
    expect(body.columnDefinitions.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version']);
    expect(body.columnDefinitions.filter((c) => c.priority === 1).map((c) => c.name)).toEqual(['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']);
    expect(body.rows[0]?.cells.slice(0, 6)).toEqual(['n1', 'Ready,SchedulingDisabled', 'control-plane', '0s', 'v1.32.4', '172.18.0.2']);
  });
});
