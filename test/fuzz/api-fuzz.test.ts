/**
 * Fuzzing the API server (issue 3, "What it must show"): at least 10,000 randomized malformed
 * or hostile requests — broken JSON and YAML, wrong content types, bodies over 3 MiB, deep
 * nesting, prototype keys, wrong kinds, unknown paths and verbs, bad query parameters, invalid
 * patches of all four types, random field mutations of valid objects, bad names, nulls where
 * objects go — most through `ApiServer.handle` in process (a cluster on a ManualClock), a few
 * hundred over real HTTP against a lab host (the adapter). Invariants: never a 5xx, never a
 * thrown exception, every error a `Status` whose code is the HTTP status, and a rejected
 * request leaves the store (its revision and every object) exactly as it was.
 *
 * Seeded: `FUZZ_SEED=N` replays a run (failures print their request index); `FUZZ_COUNT` and
 * `FUZZ_HTTP_COUNT` change the number of requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from 'node:http';
import type { ApiRequest } from '../../core/apiserver/request';
import { apiVersionOf } from '../../core/apiserver/registry';
import { ManualClock, type LabClock } from '../../core/clock/clock';
import { Cluster } from '../../core/cluster';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { tempDir } from '../helpers';
import { GENERATORS, NAME_POOL, collectionPath, generate, poolName, type FuzzContext, type Target } from './generators';
import { Tally, diffSnapshots, settle, snapshot } from './harness';
import { HttpFuzzer, httpOnly, toRaw } from './http';
import { InProcessFuzzer } from './inprocess';
import { builderFor } from './objects';
import { FuzzRandom } from './rng';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_301);
const COUNT = Number(process.env['FUZZ_COUNT'] ?? 10_000);
const HTTP_COUNT = Number(process.env['FUZZ_HTTP_COUNT'] ?? 400);
const NS = 'fuzz';
const ADMIN = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** Crashes outside a request's own promise (a watch delivery that throws, say), attributed to the request being sent. */
const stray: string[] = [];
let current = 'setup';
const onStray = (e: unknown) => stray.push(`${current}: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}`);

beforeAll(() => {
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
});
afterAll(() => {
  process.off('unhandledRejection', onStray);
  process.off('uncaughtException', onStray);
});

function targetsOf(cluster: Cluster): Target[] {
  const targets: Target[] = [];
  for (const def of cluster.apiServer.registry.all()) {
    const build = builderFor(def.group, def.resource);
    if (!build) continue;
    targets.push({ def, build: (name) => ({ ...build(name), apiVersion: apiVersionOf(def) }) });
  }
  return targets;
}

/** Creates the fuzzer's namespace and its default service account (the ServiceAccount admission plugin wants it). */
async function createNamespace(handle: (r: ApiRequest) => Promise<unknown>): Promise<void> {
  const post = (path: string, body: unknown) => handle({ method: 'POST', path, query: {}, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), user: ADMIN });
  await post('/api/v1/namespaces', { metadata: { name: NS } });
  await post(`/api/v1/namespaces/${NS}/serviceaccounts`, { metadata: { name: 'default' } });
}

async function seedObjects(handle: (r: ApiRequest) => Promise<{ status: number; body?: unknown }>, targets: Target[], ns: string): Promise<string[]> {
  const refused: string[] = [];
  for (const t of targets) {
    const name = poolName(t.def, NAME_POOL[0] as string);
    const res = await handle({ method: 'POST', path: collectionPath(t.def, ns), query: {}, headers: { 'content-type': 'application/json', 'user-agent': 'fuzzer/1.0' }, body: JSON.stringify(t.build(name)), user: ADMIN });
    // 409: the same storage served under two versions or groups (autoscaling v1/v2, core and events.k8s.io events).
    if (res.status !== 201 && res.status !== 409) refused.push(`${t.def.resource}.${t.def.group || 'core'}/${t.def.version}: ${res.status} ${JSON.stringify((res as { body?: { message?: string } }).body?.message)}`);
  }
  return refused;
}

describe('the API server in process', () => {
  let cluster: Cluster;
  let targets: Target[];
  let refused: string[] = [];

  beforeAll(async () => {
    const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
    cluster = new Cluster({ clock, seed: 7, workers: 2 });
    await cluster.start();
    await settle(cluster.store);
    await createNamespace((r) => cluster.handle(r));
    targets = targetsOf(cluster);
    refused = await seedObjects((r) => cluster.handle(r), targets, NS);
    await settle(cluster.store);
  });
  afterAll(() => cluster?.stop());

  it('sees a write in its state check (the check is not vacuous)', async () => {
    const before = snapshot(cluster.store);
    const res = await cluster.handle({ method: 'POST', path: `/api/v1/namespaces/${NS}/configmaps`, query: {}, headers: {}, body: JSON.stringify({ metadata: { name: 'state-check' } }), user: ADMIN });
    expect(res.status).toBe(201);
    expect(diffSnapshots(before, snapshot(cluster.store))).toMatch(/^revision \d+ -> \d+; created \/registry\/core\/configmaps\/fuzz\/state-check$/);
  });

  it('accepts one valid object of every resource the fuzzer mutates', () => {
    expect(targets.length).toBeGreaterThan(30);
    expect(refused).toEqual([]);
  });

  it(`survives ${COUNT} hostile requests: no 5xx, no throw, Status errors, no change from rejected requests`, async () => {
    const tally = new Tally();
    const fuzzer = new InProcessFuzzer(cluster.store, (r) => cluster.handle(r), tally);
    const ctx: FuzzContext = { rng: new FuzzRandom(SEED), targets, namespaces: [NS, 'default'] };
    const t0 = Date.now();
    for (let i = 0; i < COUNT; i++) {
      const { generator, req } = generate(ctx);
      req.user = ADMIN;
      current = `#${i} ${generator} ${req.method} ${req.path.slice(0, 100)}`;
      await fuzzer.send(i, generator, req);
    }
    current = 'after the in-process run';
    await settle(cluster.store);
    console.log(`${tally.report(`api fuzz (in process, seed ${SEED})`)}\n  ${Date.now() - t0} ms, ${cluster.store.size()} objects in the store at the end`);
    if (tally.failures.length > 0) console.log(`invariant failures (grouped):\n${tally.failureReport()}`);
    if (stray.length > 0) console.log(`crashes outside a request's answer:\n  ${stray.slice(0, 10).join('\n  ')}`);
    expect(tally.requests).toBe(COUNT);
    expect(new Set(GENERATORS.map((g) => g[1])).size).toBe([...tally.byGenerator.keys()].length);
    expect(tally.failures.map((f) => `#${f.index} ${f.generator}: ${f.problem}`).slice(0, 25)).toEqual([]);
    expect(stray).toEqual([]);
  }, 180_000);
});

describe('the lab host over HTTP', () => {
  let lab: LabHost;
  let agent: Agent;
  let targets: Target[];

  beforeAll(async () => {
    lab = await startLabHost({ dataDir: tempDir('kubelab-fuzz-'), port: 0, workers: 1, seed: 9 });
    // Simulated time stands still, so nothing but the fuzzer's own requests changes the store.
    (lab.cluster.options.clock as LabClock).pause();
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await createNamespace((r) => lab.cluster.handle(r));
    targets = targetsOf(lab.cluster);
    await seedObjects((r) => lab.cluster.handle(r), targets, NS);
    await settle(lab.cluster.store);
  });
  afterAll(async () => {
    agent?.destroy();
    await lab?.close();
  });

  it(`survives ${HTTP_COUNT} hostile HTTP requests: 413 over 3 MiB, no 5xx, Status errors, no change from rejected requests`, async () => {
    const tally = new Tally();
    const fuzzer = new HttpFuzzer(lab.origin, lab.token, agent, lab.cluster.store, tally);
    const rng = new FuzzRandom(SEED + 1);
    const ctx: FuzzContext = { rng, targets, namespaces: [NS, 'default'] };
    for (let i = 0; i < HTTP_COUNT; i++) {
      if (rng.chance(0.5)) {
        const { generator, req } = generate(ctx);
        current = `http #${i} ${generator}`;
        await fuzzer.send(i, `http:${generator}`, toRaw(req));
      } else {
        current = `http #${i} httpOnly`;
        await fuzzer.send(i, 'http:adapter', httpOnly(rng, NS));
      }
    }
    current = 'after the HTTP run';
    console.log(tally.report(`api fuzz (HTTP, seed ${SEED + 1})`));
    if (tally.failures.length > 0) console.log(`invariant failures (grouped):\n${tally.failureReport()}`);
    expect(tally.failures.map((f) => `#${f.index} ${f.generator}: ${f.problem}`).slice(0, 25)).toEqual([]);
    expect(stray).toEqual([]);
  }, 120_000);
});

describe('prototype keys are ordinary keys', () => {
  let cluster: Cluster;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }, query: Record<string, string> = {}) =>
    cluster.handle({ method, path, query, headers, user: ADMIN, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) }) as Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string | string[]> }>;
  const cms = `/api/v1/namespaces/default/configmaps`;

  beforeAll(async () => {
    cluster = new Cluster({ clock: new ManualClock(Date.parse('2026-03-01T09:00:00Z')), seed: 8, workers: 1 });
    await cluster.start();
    const res = await call('POST', cms, '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"proto","labels":{"constructor":"x"}},"data":{"__proto__":"v","constructor":"c","toString":"t"}}');
    expect(res.status).toBe(201);
  });
  afterAll(() => cluster?.stop());

  it('keeps ConfigMap keys named __proto__, constructor and toString, and selects on a label named constructor', async () => {
    const got = await call('GET', `${cms}/proto`);
    expect(JSON.stringify((got.body as { data: unknown }).data)).toBe('{"__proto__":"v","constructor":"c","toString":"t"}');
    const list = await call('GET', cms, undefined, {}, { labelSelector: 'constructor=x' });
    expect((list.body as { items: { metadata: { name: string } }[] }).items.map((i) => i.metadata.name)).toEqual(['proto']);
  });

  // kube-apiserver (evanphx/json-patch) treats "__proto__" as any other key: the patch adds data["__proto__"].
  it('applies a JSON patch that adds the key /data/__proto__', async () => {
    const res = await call('PATCH', `${cms}/proto`, [{ op: 'add', path: '/data/__proto__', value: 'y' }], { 'content-type': 'application/json-patch+json' });
    expect(res.status).toBe(200);
    expect(JSON.stringify((res.body as { data: unknown }).data)).toContain('"__proto__":"y"');
  });

  // A merge patch with an unknown top-level field "constructor": kube-apiserver applies the rest of
  // the patch and warns about the unknown field (fieldValidation Warn, the default).
  it('applies the rest of a merge patch whose first key is "constructor"', async () => {
    const res = await call('PATCH', `${cms}/proto`, '{"constructor":"x","metadata":{"labels":{"m":"1"}}}', { 'content-type': 'application/merge-patch+json' });
    expect(res.status).toBe(200);
    expect((res.body as { metadata: { labels: Record<string, string> } }).metadata.labels).toEqual({ constructor: 'x', m: '1' });
    expect(String(res.headers['warning'] ?? '')).toContain('unknown field \\"constructor\\"');
  });
});
