/**
 * The bundled shell's per-command latency beside the real kubectl's, against the same lab:
 * `kubectl get pods` with 100 and with 5,000 pods in the namespace. The bundled shell runs the
 * line in its already running process (as in the terminal: no process start, discovery kept);
 * the real kubectl is a new process per line, as a user's shell starts it (its discovery cache
 * warm in a private HOME). Reported, never asserted; the target is the bundled shell at
 * least 5× faster for 100 pods.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ShellEngine } from '../../core/shell/engine';
import { httpStream, httpTransport } from '../../electron/cli/shell';
import { readKubeconfig } from '../../electron/host/kubeconfig';
import { startLabHost } from '../../electron/host/labHost';
import { findKubectl } from '../helpers';
import { percentile } from './host.bench';
import type { Figure } from './run';

function runKubectl(kubeconfig: string, home: string, args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn('kubectl', args, { env: { ...process.env, KUBECONFIG: kubeconfig, HOME: home }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? done(code) : fail(new Error(`kubectl ${args.join(' ')}: ${err}`))));
  });
}

async function median(times: number, f: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return percentile(samples, 50);
}

/** `kubectl get pods` latency, bundled shell and real kubectl, with 100 and 5,000 pods. */
export async function benchShell(): Promise<Figure[]> {
  const kubectlPath = findKubectl();
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-bench-'));
  const home = join(dir, 'home');
  const lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 1 });
  const figures: Figure[] = [];
  try {
    // Paused: the pods stay as created (bound, not started), the list is what is measured.
    lab.active.clock.pause();
    const client = lab.cluster.client();
    const target = readKubeconfig(lab.kubeconfig);
    const state = { context: target.context, namespace: target.namespace, lastExit: 0, server: target.server };
    let failed = '';
    const engine = new ShellEngine(httpTransport(target), state, { out: () => undefined, err: (t) => (failed += t) }, { stream: httpStream(target) });
    let created = 0;
    for (const count of [100, 5000]) {
      for (; created < count; created++) {
        await client.create({ resource: 'pods', namespace: 'default' }, { metadata: { name: `bench-${created}` }, spec: { nodeName: 'kubelab-worker', containers: [{ name: 'c', image: 'nginx:1.27' }] } });
      }
      await engine.run('kubectl get pods');
      if (state.lastExit !== 0) throw new Error(`the bundled shell failed: ${failed}`);
      const bundled = await median(count === 100 ? 30 : 10, () => engine.run('kubectl get pods'));
      figures.push({ name: `shell.get_pods_${count}.bundled.median`, value: Math.round(bundled * 10) / 10, unit: 'ms' });
      if (!kubectlPath) {
        process.stderr.write('bench: there is no kubectl on PATH: its latency is not measured beside the bundled shell\n');
        continue;
      }
      await runKubectl(lab.kubeconfig, home, ['get', 'pods']);
      const real = await median(count === 100 ? 10 : 5, () => runKubectl(lab.kubeconfig, home, ['get', 'pods']));
      figures.push({ name: `shell.get_pods_${count}.kubectl.median`, value: Math.round(real * 10) / 10, unit: 'ms' });
      figures.push({ name: `shell.get_pods_${count}.speedup`, value: Math.round((real / bundled) * 10) / 10, unit: 'x' });
    }
  } finally {
    await lab.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
