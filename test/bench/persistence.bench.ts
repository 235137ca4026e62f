/**
 * Benchmarks of persistence: acknowledged API writes per second with the journal (fsync on),
 * beside the same workload against etcd 3.4 (Debian's `etcd-server`, started on loopback when
 * installed); and the start-up time of a host whose saved state holds 30,000 pods.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLabHost } from '../../electron/host/labHost';
import { STATE_SCHEMA_VERSION, type StateDoc } from '../../electron/host/persistence/state';
import { ManualClock } from '../../core/clock/clock';
import { Cluster } from '../../core/cluster';
import type { Figure } from './run';

const CLIENTS = 16;
const SECONDS = 5;

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'kubelab-bench-'));
}

/** Runs `CLIENTS` loops of `write(i)` for `SECONDS`; resolves with acknowledged writes per second. */
async function writeRate(write: (n: number) => Promise<boolean>): Promise<number> {
  let acked = 0;
  let n = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) if (await write(n++)) acked++;
    }),
  );
  return acked / ((performance.now() - t0) / 1000);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** etcd's own write rate through its JSON gateway (`/v3/kv/put`), when the binary is there. */
async function etcdRate(): Promise<number | undefined> {
  if (spawnSync('sh', ['-c', 'command -v etcd']).status !== 0) return undefined;
  const dir = temp();
  const [client, peer] = [await freePort(), await freePort()];
  const etcd = spawn('etcd', ['--data-dir', join(dir, 'etcd'), '--listen-client-urls', `http://127.0.0.1:${client}`, '--advertise-client-urls', `http://127.0.0.1:${client}`, '--listen-peer-urls', `http://127.0.0.1:${peer}`, '--initial-advertise-peer-urls', `http://127.0.0.1:${peer}`, '--initial-cluster', `default=http://127.0.0.1:${peer}`], { stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${client}/v3/kv/put`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(url, { method: 'POST', body: JSON.stringify({ key: 'eA==', value: 'eA==' }) })).ok) break;
      } catch {
        // Not up yet.
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const value = Buffer.from(JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: 'v'.repeat(200) } })).toString('base64');
    return await writeRate(async (n) => (await fetch(url, { method: 'POST', body: JSON.stringify({ key: Buffer.from(`/registry/configmaps/default/c${n}`).toString('base64'), value }) })).ok);
  } finally {
    etcd.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Acknowledged writes per second: KubeLab's API (create ConfigMap over HTTP, journal fsynced) and etcd's put. */
export async function benchWrites(): Promise<Figure[]> {
  const dir = temp();
  const lab = await startLabHost({ dataDir: dir, port: 0, workers: 0 });
  const headers = { authorization: `Bearer ${lab.token}`, 'content-type': 'application/json' };
  const url = `${lab.origin}/api/v1/namespaces/default/configmaps`;
  const kubelab = await writeRate(async (n) => (await fetch(url, { method: 'POST', headers, body: JSON.stringify({ metadata: { name: `c${n}` }, data: { k: 'v'.repeat(200) } }) })).status === 201);
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
  const figures: Figure[] = [{ name: `persistence.writes.kubelab.${CLIENTS}clients`, value: Math.round(kubelab), unit: 'writes/s' }];
  const etcd = await etcdRate();
  if (etcd === undefined) process.stderr.write('bench: etcd is not installed (Debian package etcd-server): its write rate is not measured\n');
  else figures.push({ name: `persistence.writes.etcd34.${CLIENTS}clients`, value: Math.round(etcd), unit: 'writes/s' });
  return figures;
}

/** A saved state of a cluster with `pods` Running pods spread over its workers. */
async function bigState(pods: number, workers: number): Promise<StateDoc> {
  const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
  const cluster = new Cluster({ clock, seed: 1, workers });
  await cluster.start();
  for (let i = 0; i < 50; i++) await new Promise<void>((r) => setImmediate(r));
  cluster.stop();
  const t = '2026-03-01T09:00:00Z';
  for (let i = 0; i < pods; i++) {
    const node = `kubelab-worker${i % workers === 0 ? '' : (i % workers) + 1}`;
    cluster.store.create(`/registry/core/pods/default/web-${i}`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `web-${i}`, namespace: 'default', uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, creationTimestamp: t, labels: { app: 'web' } },
      spec: { nodeName: node, containers: [{ name: 'web', image: 'nginx:1.27', resources: {} }], restartPolicy: 'Always', schedulerName: 'default-scheduler' },
      status: { phase: 'Running', podIP: `10.244.${(i % workers) + 1}.${i % 250}`, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: t }], containerStatuses: [{ name: 'web', ready: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', imageID: '', state: { running: { startedAt: t } } }] },
    });
  }
  return { schemaVersion: STATE_SCHEMA_VERSION, kubelab: 'bench', savedAt: t, cluster: { name: 'default', seed: 1, workers, random: cluster.random.getState(), clock: clock.now() }, store: cluster.store.exportState() };
}

/** Start-up of a host whose saved state holds 30,000 pods: from startLabHost() to answering. */
export async function benchBigStartup(): Promise<Figure[]> {
  const dir = temp();
  const workers = 100;
  const state = await bigState(30_000, workers);
  const clusterDir = join(dir, 'clusters', 'default');
  mkdirSync(join(clusterDir, 'workspace'), { recursive: true });
  writeFileSync(join(clusterDir, 'cluster.json'), JSON.stringify({ name: 'default', seed: 1, workers, created: state.savedAt }));
  writeFileSync(join(clusterDir, 'state.json'), JSON.stringify(state));
  const t0 = performance.now();
  const lab = await startLabHost({ dataDir: dir, port: 0 });
  const ms = performance.now() - t0;
  const rss = process.memoryUsage().rss;
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: 'persistence.startup.30000pods', value: Math.round(ms), unit: 'ms' },
    { name: 'persistence.startup.30000pods.rss', value: Math.round(rss / 1024 / 1024), unit: 'MiB' },
  ];
}
