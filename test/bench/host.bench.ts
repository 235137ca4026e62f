/** Benchmarks of the lab host: start-up time and API latency. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLabHost } from '../../electron/host/labHost';
import type { Figure } from './run';

const ROOT = resolve(import.meta.dirname, '..', '..');

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'kubelab-bench-'));
}

/** The p-th percentile (0..100) of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

/** In-process start-up: from startLabHost() to a host that answers, median of 5. */
export async function benchHostStartup(): Promise<Figure[]> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const dir = temp();
    const t0 = performance.now();
    const lab = await startLabHost({ dataDir: dir, port: 0 });
    times.push(performance.now() - t0);
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return [{ name: 'host.startup.inprocess.median', value: percentile(times, 50), unit: 'ms' }];
}

/** `kubelab serve` from process start to its ready line (Node start-up included), median of 3. */
export async function benchCliStartup(): Promise<Figure[]> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = temp();
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'electron', 'cli', 'kubelab.mjs'), 'serve', '--port', '0', '--data', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((ready, fail) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('KubeLab ready:') && ready());
      child.on('exit', () => fail(new Error('kubelab serve exited early')));
    });
    times.push(performance.now() - t0);
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return [{ name: 'host.startup.cli.median', value: percentile(times, 50), unit: 'ms' }];
}

/** Latency of `GET /api/v1/pods` over HTTP (keep-alive) with 100 pods in the store. */
export async function benchGetPods(): Promise<Figure[]> {
  const dir = temp();
  const lab = await startLabHost({ dataDir: dir, port: 0 });
  const client = lab.cluster.client();
  for (let i = 0; i < 100; i++) {
    await client.create({ resource: 'pods', namespace: 'default' }, { metadata: { name: `bench-${i}` }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
  }
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL('/api/v1/pods', lab.origin);
  const get = () =>
    new Promise<void>((done, fail) => {
      const req = request(url, { agent, headers: { authorization: `Bearer ${lab.token}`, accept: 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? done() : fail(new Error(`HTTP ${res.statusCode}`))));
      });
      req.on('error', fail);
      req.end();
    });
  for (let i = 0; i < 50; i++) await get();
  const samples: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    await get();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  agent.destroy();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: 'api.get_pods_104.p50', value: percentile(samples, 50), unit: 'ms' },
    { name: 'api.get_pods_104.p99', value: percentile(samples, 99), unit: 'ms' },
  ];
}
