import { describe, expect, it } from 'vitest';
import type { Status } from '../api/status';
import type { Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { isStream } from './request';
import type { Table } from './table';

const START = Date.parse('2026-01-01T00:00:00Z');
const PODS = '/api/v1/namespaces/default/pods';
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

async function setup(store = new Store()) {
  const api = new ApiServer({ store, clock: new ManualClock(START), random: new Random(1) });
  const call = async <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => {
    const res = await api.handle({ method, path, query: {}, headers: {}, body: body === undefined ? undefined : JSON.stringify(body) });
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as T };
  };
  const createPod = async (name: string, labels: Record<string, string> = {}) =>
    (await call<Pod>('POST', PODS, { metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })).body;
  const relabel = async (name: string, labels: Record<string, string>) => {
    const pod = (await call<Pod>('GET', `${PODS}/${name}`)).body;
    return (await call<Pod>('PUT', `${PODS}/${name}`, { ...pod, metadata: { ...pod.metadata, labels } })).body;
  };
  /** Opens a watch and records its events as `TYPE name` (or the raw objects). */
  const watch = async (query: Record<string, string> = {}, accept?: string) => {
    const res = await api.handle({ method: 'GET', path: PODS, query: { ...query, watch: 'true' }, headers: accept ? { accept } : {} });
    if (!isStream(res)) throw new Error(`expected a stream, got ${res.status}: ${JSON.stringify(res.body)}`);
    const events: { type: string; object: unknown }[] = [];
    let ended = false;
    const stop = res.stream.start({ send: (e) => events.push(e), end: () => (ended = true) });
    const seen = () => events.map((e) => `${e.type} ${(e.object as Pod).metadata?.name ?? ''}`);
    return { events, seen, stop, ended: () => ended, stream: res.stream };
  };
  await call('POST', '/api/v1/namespaces', { metadata: { name: 'default' } });
  return { store, call, createPod, relabel, watch };
}

describe('ApiServer watch', () => {
  it('sends the current objects as ADDED, then changes in order', async () => {
    const { call, createPod, relabel, watch } = await setup();
    await createPod('a');
    const w = await watch();
    await createPod('b');
    await relabel('a', { x: 'y' });
    await call('DELETE', `${PODS}/b`);
    await flush();
    // A pod is deleted gracefully even with a zero grace period: marked first, then removed.
    expect(w.seen()).toEqual(['ADDED a', 'ADDED b', 'MODIFIED a', 'MODIFIED b', 'DELETED b']);
    const modified = w.events[2]?.object as Pod;
    expect(modified.kind).toBe('Pod');
    expect(modified.apiVersion).toBe('v1');
    expect(modified.metadata.labels).toEqual({ x: 'y' });
    w.stop();
  });

  it('stops delivering once stopped', async () => {
    const { createPod, watch } = await setup();
    const w = await watch();
    w.stop();
    await createPod('a');
    await flush();
    expect(w.events).toEqual([]);
  });

  it('resumes from a resourceVersion', async () => {
    const { createPod, watch } = await setup();
    const a = await createPod('a');
    await createPod('b');
    const w = await watch({ resourceVersion: a.metadata.resourceVersion as string });
    await flush();
    expect(w.seen()).toEqual(['ADDED b']);
  });

  it('turns a relabel out of the selector into DELETED and into it into ADDED', async () => {
    const { createPod, relabel, watch } = await setup();
    await createPod('a', { app: 'web' });
    await createPod('b', { app: 'db' });
    const w = await watch({ labelSelector: 'app=web' });
    await relabel('a', { app: 'web', v: '2' });
    await relabel('a', { app: 'api' });
    await relabel('b', { app: 'cache' });
    await relabel('b', { app: 'web' });
    await flush();
    expect(w.seen()).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a', 'ADDED b']);
    // The DELETED event carries the object as it last matched, at the new resourceVersion.
    const deleted = w.events[2]?.object as Pod;
    expect(deleted.metadata.labels).toEqual({ app: 'web', v: '2' });
    const current = (w.events[3]?.object as Pod).metadata.resourceVersion;
    expect(Number(deleted.metadata.resourceVersion)).toBeLessThan(Number(current));
    expect(Number(deleted.metadata.resourceVersion)).toBeGreaterThan(Number((w.events[1]?.object as Pod).metadata.resourceVersion));
  });

  it('applies field selectors to events', async () => {
    const { call, createPod, watch } = await setup();
    await createPod('a');
    await createPod('b');
    const w = await watch({ fieldSelector: 'spec.nodeName=n1' });
    await call('POST', `${PODS}/b/binding`, { target: { name: 'n1' } });
    await flush();
    expect(w.seen()).toEqual(['ADDED b']);
  });

  it('sends one ERROR with a 410 Status and ends when the resourceVersion is too old', async () => {
    const { createPod, watch } = await setup(new Store({ historySize: 3 }));
    for (const name of ['a', 'b', 'c', 'd', 'e']) await createPod(name);
    const w = await watch({ resourceVersion: '1' });
    expect(w.ended()).toBe(true);
    expect(w.events).toHaveLength(1);
    expect(w.events[0]?.type).toBe('ERROR');
    const status = w.events[0]?.object as Status;
    expect(status).toMatchObject({ kind: 'Status', status: 'Failure', code: 410, reason: 'Expired' });
    expect(status.message).toContain('too old resource version');
  });

  it('sends Tables when a Table was asked for', async () => {
    const { createPod, watch } = await setup();
    await createPod('a');
    const w = await watch({}, TABLE);
    await flush();
    expect(w.events).toHaveLength(1);
    expect(w.events[0]?.type).toBe('ADDED');
    const table = w.events[0]?.object as Table;
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c) => c.name).slice(0, 5)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    expect(table.rows.map((r) => r.cells.slice(0, 3))).toEqual([['a', '0/1', 'Pending']]);
    expect((table.rows[0]?.object as { kind: string }).kind).toBe('PartialObjectMetadata');
  });

  it('sends the column definitions in the first Table event only, as the watch encoder does', async () => {
    const { createPod, watch } = await setup();
    await createPod('a');
    const w = await watch({}, TABLE);
    await createPod('b');
    await flush();
    expect(w.events.map((e) => (e.object as Table).columnDefinitions.length > 0)).toEqual([true, false]);
    expect((w.events[1]?.object as Table).rows[0]?.cells[0]).toBe('b');
  });

  it('sends a BOOKMARK with the current resourceVersion when asked, after the events due', async () => {
    const { createPod, watch, store } = await setup();
    await createPod('a');
    const w = await watch({ allowWatchBookmarks: 'true' });
    expect(w.stream.bookmarks).toBe(true);
    await createPod('b');
    await w.stream.bookmark?.();
    expect(w.events.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'BOOKMARK']);
    expect(w.events[2]?.object).toEqual({ kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: String(store.currentRevision()) } });
    w.stop();
    await w.stream.bookmark?.();
    expect(w.events).toHaveLength(3);
    const plain = await watch();
    expect(plain.stream.bookmarks).toBeUndefined();
    expect(plain.stream.bookmark).toBeUndefined();
  });

  it('sends an empty Table as the BOOKMARK of a Table watch', async () => {
    const { watch, store } = await setup();
    const w = await watch({ allowWatchBookmarks: 'true' }, TABLE);
    await w.stream.bookmark?.();
    expect(w.events).toEqual([{ type: 'BOOKMARK', object: { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: String(store.currentRevision()) }, columnDefinitions: [], rows: [] } }]);
  });

  it('refuses a malformed resourceVersion and passes timeoutSeconds to the adapter', async () => {
    const { watch } = await setup();
    const w = await watch({ timeoutSeconds: '30' });
    expect(w.stream.timeoutSeconds).toBe(30);
    await expect(watch({ resourceVersion: 'abc' })).rejects.toThrow(/expected a stream, got 400/);
  });
});
