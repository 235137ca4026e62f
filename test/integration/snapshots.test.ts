/** Snapshot files: save, open as a new cluster, inspect; every kind of bad file refused with its own message. */
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { ManualClock } from '../../core/clock/clock';
import { Cluster } from '../../core/cluster';
import { Store } from '../../core/storage/store';
import { decodeSnapshot, encodeSnapshot } from '../../electron/host/snapshots';
import { collect, kubelab, tempDir } from '../helpers';

let lab: LabHost;
let data: string;

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${lab.token}` };
  let payload: BodyInit | undefined;
  if (Buffer.isBuffer(body)) {
    headers['content-type'] = 'application/gzip';
    payload = new Uint8Array(body);
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  return fetch(`${lab.origin}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
}

async function save(title: string): Promise<Buffer> {
  const res = await call('POST', '/lab/v1/snapshots/save', { title, author: 'Teacher', description: 'a broken deployment to debug', lesson: '06-deployment', step: 2 });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${title.replace(/ /g, '-')}.kubelab"`);
  return Buffer.from(await res.arrayBuffer());
}

/** Rewrites a snapshot's outer document (and, unless told otherwise, its checksum). */
function tamper(file: Buffer, edit: (outer: Record<string, unknown>, content: Record<string, unknown>) => void, rehash = true): Buffer {
  const outer = JSON.parse(gunzipSync(file).toString('utf8')) as Record<string, unknown>;
  const content = JSON.parse(outer.content as string) as Record<string, unknown>;
  edit(outer, content);
  outer.content = JSON.stringify(content);
  if (rehash) outer.sha256 = createHash('sha256').update(outer.content as string).digest('hex');
  return gzipSync(JSON.stringify(outer));
}

beforeAll(async () => {
  data = tempDir();
  lab = await startLabHost({ dataDir: data, port: 0, workers: 1, seed: 11 });
  for (const name of ['one', 'two']) expect((await call('POST', '/api/v1/namespaces/default/configmaps', { metadata: { name }, data: { k: name } })).status).toBe(201);
  writeFileSync(join(data, 'clusters', 'default', 'workspace', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\n');
});
afterAll(async () => {
  await lab.close();
});

describe('snapshots', () => {
  it('round-trips a cluster: the same objects and workspace files in the new cluster', async () => {
    const file = await save('broken deploy');
    const before = lab.cluster.store.exportState();
    const res = await call('POST', '/lab/v1/snapshots/open?as=class-a&use=true', file);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { name: string }).name).toBe('class-a');
    expect(lab.active.name).toBe('class-a');
    // The same objects (the opened cluster's own bootstrap changes nothing that was there).
    const after = new Map(lab.cluster.store.exportState().entries.map(([k, , j]) => [k, j]));
    for (const [key, , json] of before.entries) if (key.includes('/configmaps/')) expect(after.get(key)).toBe(json);
    expect(readdirSync(join(data, 'clusters', 'class-a', 'workspace'))).toEqual(['pod.yaml']);
    const cm = (await (await call('GET', '/api/v1/namespaces/default/configmaps/two')).json()) as { data: { k: string } };
    expect(cm.data.k).toBe('two');
    await call('POST', '/lab/v1/clusters/default/use');
  });

  it('inspects a snapshot: metadata, objects per resource, workspace', async () => {
    const file = await save('inspect me');
    const info = (await (await call('POST', '/lab/v1/snapshots/inspect', file)).json()) as { metadata: { title: string; author: string; lesson: string; step: number; seed: number; workers: number }; resources: Record<string, number>; workspace: string[] };
    expect(info.metadata).toMatchObject({ title: 'inspect me', author: 'Teacher', lesson: '06-deployment', step: 2, seed: 11, workers: 1 });
    expect(info.resources.configmaps).toBeGreaterThanOrEqual(2);
    expect(info.resources.nodes).toBe(2);
    expect(info.workspace).toEqual(['pod.yaml']);
    const path = join(tempDir(), 'x.kubelab');
    writeFileSync(path, file);
    const r = await collect(kubelab(['snapshot', 'inspect', path]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Title:       inspect me\n');
    expect(r.stdout).toContain('Checksum:    SHA-256 verified\n');
    expect(r.stdout).toMatch(/^ {2}nodes\s+2$/m);
  });

  it('refuses bad files, each with its own message, and changes nothing', async () => {
    const good = await save('good');
    const clusters = readdirSync(join(data, 'clusters')).sort();
    const refused = async (bytes: Buffer) => {
      const res = await call('POST', '/lab/v1/snapshots/open?as=bad', bytes);
      expect(res.status).toBe(400);
      return ((await res.json()) as { message: string }).message;
    };
    expect(await refused(good.subarray(0, good.length - 40))).toMatch(/^the file is truncated or damaged/);
    expect(await refused(Buffer.from('hello'))).toBe('the file is not a KubeLab snapshot (it is not gzip data)');
    expect(await refused(tamper(good, (_o, c) => ((c.workspace as unknown[]).length = 0), false))).toBe('the snapshot is damaged: its SHA-256 checksum does not match its content');
    expect(await refused(tamper(good, (o) => ((o.format = 7), (o.minKubelab = '3.1.0'))))).toBe('the snapshot needs KubeLab 3.1.0 or later (format 7; this KubeLab reads format 1)');
    const polluted = tamper(good, () => undefined);
    const outer = JSON.parse(gunzipSync(polluted).toString('utf8')) as Record<string, unknown>;
    outer.content = (outer.content as string).replace('{"state":', '{"__proto__":{"isAdmin":true},"state":');
    outer.sha256 = createHash('sha256').update(outer.content as string).digest('hex');
    expect(await refused(gzipSync(JSON.stringify(outer)))).toBe('the snapshot\'s content has a forbidden key "__proto__"');
    expect(await refused(tamper(good, (_o, c) => (c.workspace as { path: string; data: string }[]).push({ path: '../../etc/evil', data: 'eA==' })))).toBe('the workspace file name "../../etc/evil" leads outside the workspace');
    expect(await refused(tamper(good, (_o, c) => (c.workspace as { path: string; data: string }[]).push({ path: '/etc/evil', data: 'eA==' })))).toBe('the workspace file name "/etc/evil" is not a relative path');
    // An object the API server's validation refuses.
    const invalid = tamper(good, (_o, c) => {
      const state = c.state as { store: { entries: [string, number, string][] } };
      const e = state.store.entries.find(([k]) => k.endsWith('/configmaps/default/one')) as [string, number, string];
      e[2] = e[2].replace('"name":"one"', '"name":"Not_Valid"');
    });
    expect(await refused(invalid)).toMatch(/^the object core\/configmaps\/default\/one is invalid: /);
    // A gzip bomb: 34 members of 64 MiB of zeros claim over 2 GiB.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(await refused(Buffer.concat(Array.from({ length: 34 }, () => member)))).toBe('the file expands to more than 1024 MiB: refused');
    expect(readdirSync(join(data, 'clusters')).sort()).toEqual(clusters);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('kubelab snapshot save and open work on disk when no lab runs', async () => {
    const dir = tempDir();
    const l2 = await startLabHost({ dataDir: dir, port: 0, workers: 0, seed: 4 });
    await fetch(`${l2.origin}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { authorization: `Bearer ${l2.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ metadata: { name: 'kept' } }) });
    await l2.close();
    const file = join(tempDir(), 'hand-out.kubelab');
    let r = await collect(kubelab(['snapshot', 'save', file, '--data', dir, '--title', 'Hand out']));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`saved ${file}\n`);
    r = await collect(kubelab(['snapshot', 'open', file, '--data', dir]));
    expect(r.stdout).toBe(`opened ${file} as cluster "hand-out" (the current cluster: "kubelab serve" runs it)\n`);
    r = await collect(kubelab(['snapshot', 'open', file, '--data', dir]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kubelab snapshot: a cluster named "hand-out" exists already: choose another name with --as\n');
    const l3 = await startLabHost({ dataDir: dir, port: 0 });
    expect(l3.active.name).toBe('hand-out');
    expect((await fetch(`${l3.origin}/api/v1/namespaces/default/configmaps/kept`, { headers: { authorization: `Bearer ${l3.token}` } })).status).toBe(200);
    await l3.close();
  });
});

describe('a snapshot continues deterministically', () => {
  async function settle(cluster: Cluster, clock: ManualClock, ms: number): Promise<void> {
    for (let t = 0; t < ms; t += 100) {
      for (let i = 0; i < 30; i++) await new Promise<void>((r) => setImmediate(r));
      clock.advance(100);
    }
    for (let i = 0; i < 30; i++) await new Promise<void>((r) => setImmediate(r));
    void cluster;
  }

  it('two clusters opened from the same file, given the same commands, end byte for byte the same', async () => {
    const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
    const a = new Cluster({ clock, seed: 5, workers: 1 });
    await a.start();
    await settle(a, clock, 2000);
    await a.client().create({ resource: 'pods', namespace: 'default' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await settle(a, clock, 5000);
    const state = { schemaVersion: 1, kubelab: 'test', savedAt: '', cluster: { name: 'a', seed: 5, workers: 1, random: a.random.getState(), clock: clock.now() }, store: a.store.exportState() };
    a.stop();
    const file = encodeSnapshot('test', { title: 't', created: '', clock: '', seed: 5, workers: 1, objects: state.store.entries.length }, state, []);
    const run = async () => {
      const snap = decodeSnapshot(file);
      const store = new Store();
      store.restore(snap.state.store);
      const c = new ManualClock(snap.state.cluster.clock);
      const cluster = new Cluster({ clock: c, seed: 5, workers: 1, store, randomState: snap.state.cluster.random });
      await cluster.start();
      await settle(cluster, c, 1000);
      await cluster.client().create({ resource: 'pods', namespace: 'default' }, { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'next-' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
      await settle(cluster, c, 10_000);
      cluster.stop();
      return JSON.stringify(cluster.store.exportState());
    };
    const first = await run();
    expect(first).toContain('/pods/default/next-');
    expect(await run()).toBe(first);
  });
});
