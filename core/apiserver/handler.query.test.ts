import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { ManualClock } from '../clock/clock';
import { Random } from '../clock/random';
import { Store } from '../storage/store';
import { ApiServer } from './handler';
import { parseGoInt64, queryBool } from './listOptions';
import { isStream, unwatchedPath, type ApiResponse } from './request';
import { MAX_WATCH_TIMEOUT_SECONDS } from './watch';

const START = Date.parse('2026-01-01T00:00:00Z');
const PODS = '/api/v1/namespaces/default/pods';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

async function setup() {
  const store = new Store();
  const api = new ApiServer({ store, clock: new ManualClock(START), random: new Random(1) });
  const raw = (method: string, path: string, query: Record<string, string> = {}, body?: unknown): Promise<ApiResponse> =>
    api.handle({ method, path, query, headers: {}, body: body === undefined ? undefined : JSON.stringify(body) });
  const call = async (method: string, path: string, query: Record<string, string> = {}, body?: unknown) => {
    const res = await raw(method, path, query, body);
    if (isStream(res)) throw new Error('unexpected stream');
    return { status: res.status, body: res.body as Obj };
  };
  /** Opens a watch; its events as `TYPE name`. */
  const watch = async (path: string, query: Record<string, string>) => {
    const res = await raw('GET', path, query);
    if (!isStream(res)) throw new Error(`expected a stream, got ${res.status}: ${JSON.stringify(res.body)}`);
    const events: { type: string; object: Obj }[] = [];
    const stop = res.stream.start({ send: (e) => events.push(e as { type: string; object: Obj }), end: () => undefined });
    return { events, seen: () => events.map((e) => `${e.type} ${String(e.object['metadata']?.name ?? '')}`), stop, stream: res.stream };
  };
  const createPod = (name: string, ns = 'default') => call('POST', `/api/v1/namespaces/${ns}/pods`, {}, { metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  await call('POST', '/api/v1/namespaces', {}, { metadata: { name: 'default' } });
  return { store, raw, call, watch, createPod };
}

describe('ListOptions as kube-apiserver reads them', () => {
  it('parses integers with strconv.ParseInt (400 with its message) and booleans as "not 0 or false"', () => {
    expect(parseGoInt64('12')).toEqual({ value: 12 });
    expect(parseGoInt64('1e3')).toEqual({ error: 'strconv.ParseInt: parsing "1e3": invalid syntax' });
    expect(parseGoInt64(' 5')).toEqual({ error: 'strconv.ParseInt: parsing " 5": invalid syntax' });
    expect(parseGoInt64('99999999999999999999')).toEqual({ error: 'strconv.ParseInt: parsing "99999999999999999999": value out of range' });
    expect(['true', '1', 'yes', 'TRUE', ''].map(queryBool)).toEqual([true, true, true, true, true]);
    expect(['false', '0', 'FALSE', undefined].map(queryBool)).toEqual([false, false, false, false]);
  });

  it('refuses a limit or timeoutSeconds that is no integer', async () => {
    const { call } = await setup();
    for (const [k, v] of [['limit', '1.5'], ['limit', '0x10'], ['timeoutSeconds', 'abc'], ['timeoutSeconds', '1e9']] as const) {
      const r = await call('GET', PODS, { [k]: v, ...(k === 'timeoutSeconds' ? { watch: '1' } : {}) });
      expect([r.status, r.body.reason, r.body.message]).toEqual([400, 'BadRequest', `strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`]);
    }
  });

  it('refuses a resourceVersion that is no integer, as the watch cache (reasonless) or etcd (BadRequest) does', async () => {
    const { call, createPod } = await setup();
    await createPod('a');
    const list = await call('GET', PODS, { resourceVersion: 'abc' });
    expect([list.status, list.body.reason, list.body.message]).toEqual([400, undefined, 'metadata.resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax']);
    const paged = await call('GET', PODS, { resourceVersion: '-1', limit: '2' });
    expect([paged.status, paged.body.reason, paged.body.message]).toEqual([400, 'BadRequest', 'invalid resource version: metadata.resourceVersion: Invalid value: "-1": strconv.ParseUint: parsing "-1": invalid syntax']);
    const get = await call('GET', `${PODS}/a`, { resourceVersion: ' 1' });
    expect([get.status, get.body.message]).toEqual([400, 'metadata.resourceVersion: Invalid value: " 1": strconv.ParseUint: parsing " 1": invalid syntax']);
    const watch = await call('GET', PODS, { watch: 'true', resourceVersion: 'x' });
    expect(watch.status).toBe(400);
    expect((await call('GET', PODS, { resourceVersion: '0' })).status).toBe(200);
  });

  it('validates resourceVersionMatch as ValidateListOptions does (422 ListOptions)', async () => {
    const { call, store } = await setup();
    const bogus = await call('GET', PODS, { resourceVersion: '1', resourceVersionMatch: 'bogus' });
    expect([bogus.status, bogus.body.message]).toEqual([422, 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Unsupported value: "bogus": supported values: "Exact", "NotOlderThan", ""']);
    const unset = await call('GET', PODS, { resourceVersionMatch: 'NotOlderThan' });
    expect(unset.body.message).toBe('ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided');
    const exactZero = await call('GET', PODS, { resourceVersion: '0', resourceVersionMatch: 'Exact' });
    expect(exactZero.body.message).toBe('ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
    expect((await call('GET', PODS, { sendInitialEvents: 'true' })).body.message).toBe('ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list');
    const now = String(store.currentRevision());
    expect((await call('GET', PODS, { resourceVersion: now, resourceVersionMatch: 'Exact' })).status).toBe(200);
    expect((await call('GET', PODS, { resourceVersion: now, resourceVersionMatch: 'NotOlderThan' })).status).toBe(200);
    const watchMatch = await call('GET', PODS, { watch: '1', resourceVersionMatch: 'NotOlderThan' });
    expect(watchMatch.body.message).toBe('ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided');
  });

  it('watches for any watch value but 0 and false, as kube converts booleans', async () => {
    const { raw } = await setup();
    for (const w of ['yes', 'TRUE', '1', '']) expect(isStream(await raw('GET', PODS, { watch: w }))).toBe(true);
    for (const w of ['false', 'False', '0']) expect(isStream(await raw('GET', PODS, { watch: w }))).toBe(false);
  });

  it('ends a watch with a negative timeout at once, and clamps a huge one to what a timer holds', async () => {
    const { watch } = await setup();
    expect((await watch(PODS, { watch: '1', timeoutSeconds: '-5' })).stream.timeoutSeconds).toBe(0);
    expect((await watch(PODS, { watch: '1', timeoutSeconds: '99999999999' })).stream.timeoutSeconds).toBe(MAX_WATCH_TIMEOUT_SECONDS);
    expect(MAX_WATCH_TIMEOUT_SECONDS * 1000).toBeLessThanOrEqual(2 ** 31 - 1);
    expect((await watch(PODS, { watch: '1', timeoutSeconds: '30' })).stream.timeoutSeconds).toBe(30);
    expect((await watch(PODS, { watch: '1', timeoutSeconds: '0' })).stream.timeoutSeconds).toBeUndefined();
  });

  it('sends the initial events, then a bookmark that says so, with sendInitialEvents (watch list)', async () => {
    const { watch, createPod } = await setup();
    await createPod('a');
    await createPod('b');
    const w = await watch(PODS, { watch: '1', sendInitialEvents: 'true', resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: 'true' });
    await flush();
    await createPod('c');
    await flush();
    expect(w.seen()).toEqual(['ADDED a', 'ADDED b', 'BOOKMARK ', 'ADDED c']);
    expect(w.events[2]?.object['metadata']).toMatchObject({ annotations: { 'k8s.io/initial-events-end': 'true' } });
    const none = await watch(PODS, { watch: '1', sendInitialEvents: 'false', resourceVersionMatch: 'NotOlderThan' });
    await createPod('d');
    await flush();
    expect(none.seen()).toEqual(['ADDED d']);
  });
});

describe('the deprecated /watch/ paths', () => {
  it('names the path watched', () => {
    expect(unwatchedPath('/api/v1/watch/namespaces/default/pods')).toBe('/api/v1/namespaces/default/pods');
    expect(unwatchedPath('/apis/apps/v1/watch/deployments')).toBe('/apis/apps/v1/deployments');
    expect(unwatchedPath('/api/v1/watch')).toBeUndefined();
    expect(unwatchedPath('/api/v1/namespaces/watch/pods')).toBeUndefined();
  });

  it('serves them as watches: of a namespace, of all, of one object by name', async () => {
    const { watch, createPod, call } = await setup();
    await call('POST', '/api/v1/namespaces', {}, { metadata: { name: 'other' } });
    await createPod('a');
    const ns = await watch('/api/v1/watch/namespaces/default/pods', {});
    const all = await watch('/api/v1/watch/pods', {});
    const one = await watch('/api/v1/watch/namespaces/default/pods/b', {});
    await createPod('b');
    await createPod('c', 'other');
    await flush();
    expect(ns.seen()).toEqual(['ADDED a', 'ADDED b']);
    expect(all.seen()).toEqual(['ADDED a', 'ADDED b', 'ADDED c']);
    expect(one.seen()).toEqual(['ADDED b']);
    const deployments = await watch('/apis/apps/v1/watch/namespaces/default/deployments', {});
    expect(deployments.events).toEqual([]);
  });

  it('answers other methods 405 and paths that name no watch 404', async () => {
    const { call } = await setup();
    expect((await call('POST', '/api/v1/watch/namespaces/default/pods', {}, {})).status).toBe(405);
    expect((await call('GET', '/api/v1/watch/namespaces/default/pods/a/status')).status).toBe(404);
    expect((await call('GET', '/api/v1/watch/nopes')).status).toBe(404);
    expect((await call('GET', '/api/v1/watch/namespaces/default/nodes')).status).toBe(404);
  });
});

describe('health endpoints', () => {
  const text = (r: ApiResponse) => (isStream(r) ? '' : Buffer.from(r.body as Uint8Array).toString('utf8'));
  it('answers ok, and lists the checks with ?verbose', async () => {
    const { raw } = await setup();
    for (const path of ['/healthz', '/livez', '/readyz']) {
      const r = await raw('GET', path);
      expect([r.status, text(r), r.headers['content-type']]).toEqual([200, 'ok', 'text/plain; charset=utf-8']);
    }
    const verbose = text(await raw('GET', '/readyz', { verbose: '' })).split('\n');
    expect(verbose[0]).toBe('[+]ping ok');
    expect(verbose).toContain('[+]etcd ok');
    expect(verbose).toContain('[+]informer-sync ok');
    expect(verbose.slice(-2)).toEqual(['readyz check passed', '']);
    const excluded = text(await raw('GET', '/livez', { verbose: '1', exclude: 'etcd,nope' }));
    expect(excluded).toContain('[+]etcd excluded: ok\n');
    expect(excluded).toContain('warn: some health checks cannot be excluded: no matches for "nope"\n');
    expect(excluded.endsWith('livez check passed\n')).toBe(true);
    expect(text(await raw('GET', '/livez/etcd'))).toBe('ok');
    expect((await raw('GET', '/livez/nope')).status).toBe(404);
  });
});

describe('a list at a resourceVersion KubeLab cannot serve', () => {
  it('answers an Exact read of an older revision as expired (etcd compaction), the present as a list', async () => {
    const { call, createPod, store } = await setup();
    await createPod('a');
    const old = String(store.currentRevision() - 1);
    const r = await call('GET', PODS, { resourceVersion: old, resourceVersionMatch: 'Exact' });
    expect([r.status, r.body.reason]).toEqual([410, 'Expired']);
    const items = (await call('GET', PODS, { resourceVersion: String(store.currentRevision()), resourceVersionMatch: 'Exact' })).body['items'] as Pod[];
    expect(items.map((p) => p.metadata.name)).toEqual(['a']);
  });
});
