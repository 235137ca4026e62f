/**
 * The whole cluster at scale (issue target, on a 2-core machine: 1,000 nodes, a Deployment
 * scaled to 30,000 replicas, every pod Running in under 30 s, the scheduler binding ≥ 3,000
 * pods/s, the host under 1 GiB): the real `Cluster` — API server, controller manager,
 * scheduler, one simulated kubelet per node — on a ManualClock advanced in steps of virtual
 * time, each step followed by letting every component react. Measures the wall time from the
 * Deployment's creation until every pod is Running (as `kubectl get pods` would show them),
 * the rate of bindings, and the process's peak memory. Sizes come from `KUBELAB_BENCH_NODES` and
 * `KUBELAB_BENCH_PODS`. Reported, never asserted. Run alone with
 * `npx tsx test/bench/cluster.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import type { Pod } from '../../core/api/types';
import { ManualClock } from '../../core/clock/clock';
import { Cluster } from '../../core/cluster';
import type { StoreEvent } from '../../core/storage/store';
import type { Figure } from './run';

/**
 * Default size: what finishes in a minute or two on the 2-core machine. The size
 * (`KUBELAB_BENCH_NODES=1000 KUBELAB_BENCH_PODS=30000`) takes far longer than 10 minutes today.
 */
const DEFAULT_NODES = 100;
const DEFAULT_PODS = 3000;
/** Virtual time per step, and the most virtual time a run may take. */
const STEP_MS = 200;
const MAX_VIRTUAL_MS = 30 * 60_000;

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function deployment(replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      },
    },
  };
}

/** Whether `kubectl get pods` shows the pod as Running. */
function running(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp;
}

/** Lets every component react until the store stops changing (or `max` turns pass). */
async function settle(cluster: Cluster, max = 10_000): Promise<void> {
  let last = -1;
  for (let i = 0; i < max; i++) {
    await new Promise<void>((r) => setImmediate(r));
    const rev = cluster.store.currentRevision();
    if (rev === last) return;
    last = rev;
  }
}

/** A cluster of `nodes` workers; a Deployment of `pods` replicas until every pod is Running. */
export async function benchCluster(nodes = envInt('KUBELAB_BENCH_NODES', DEFAULT_NODES), pods = envInt('KUBELAB_BENCH_PODS', DEFAULT_PODS)): Promise<Figure[]> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
  const t0 = performance.now();
  const cluster = new Cluster({ clock, seed: 1, workers: nodes, name: 'bench' });
  await cluster.start();
  for (let t = 0; t < 5000; t += STEP_MS) {
    clock.advance(STEP_MS);
    await settle(cluster);
  }
  const startMs = performance.now() - t0;
  sample();

  // What kubectl would show, followed from the store's own watch (the bench's view, no component's).
  const runningPods = new Set<string>();
  let bound = 0;
  let firstBind = 0;
  let lastBind = 0;
  const boundPods = new Set<string>();
  const watch = cluster.store.watch('/registry/core/pods/default/', cluster.store.currentRevision(), (e: StoreEvent) => {
    const pod = e.object as Pod;
    if (e.type === 'DELETED') {
      runningPods.delete(e.key);
      return;
    }
    if (pod.spec.nodeName && !boundPods.has(e.key)) {
      boundPods.add(e.key);
      bound++;
      lastBind = performance.now();
      if (firstBind === 0) firstBind = lastBind;
    }
    if (running(pod)) runningPods.add(e.key);
    else runningPods.delete(e.key);
  });

  const admin = cluster.client();
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  await admin.create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, deployment(pods));
  let virtual = 0;
  let steps = 0;
  while (runningPods.size < pods && virtual < MAX_VIRTUAL_MS) {
    await settle(cluster);
    sample();
    if (runningPods.size >= pods) break;
    clock.advance(STEP_MS);
    virtual += STEP_MS;
    steps++;
    if (process.env['KUBELAB_BENCH_VERBOSE'] && steps % 25 === 0) process.stderr.write(`cluster: ${((performance.now() - t1) / 1000).toFixed(1)} s, ${virtual / 1000} s virtual, ${bound} bound, ${runningPods.size} running\n`);
  }
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  watch.stop();
  cluster.stop();
  sample();
  const bindSeconds = (lastBind - firstBind) / 1000;
  return [
    { name: 'cluster.nodes', value: nodes, unit: 'nodes' },
    { name: 'cluster.pods', value: pods, unit: 'pods' },
    { name: 'cluster.start', value: startMs, unit: 'ms' },
    { name: 'cluster.pods_running', value: runningPods.size, unit: 'pods' },
    { name: 'cluster.all_running', value: (t2 - t1) / 1000, unit: 's' },
    { name: 'cluster.virtual_time', value: virtual / 1000, unit: 's' },
    // The process's CPU time over the same span: on a loaded machine, steadier than the wall time.
    { name: 'cluster.all_running_cpu', value: (cpu.user + cpu.system) / 1e6, unit: 's' },
    // Bindings per second between the first and the last: in the whole cluster this is bounded by
    // how fast the ReplicaSet controller creates the pods (scheduler.bench.ts measures the scheduler alone).
    { name: 'cluster.binding_rate', value: bindSeconds > 0 ? bound / bindSeconds : bound, unit: 'pods/s' },
    { name: 'cluster.peak_rss', value: Math.round(peakRss / 2 ** 20), unit: 'MiB' },
    { name: 'cluster.peak_heap', value: Math.round(peakHeap / 2 ** 20), unit: 'MiB' },
  ];
}

if (process.argv[1]?.endsWith('cluster.bench.ts')) {
  benchCluster().then(
    (figures) => {
      for (const f of figures) process.stdout.write(`${f.name} ${Number.isInteger(f.value) ? f.value : f.value.toFixed(3)} ${f.unit}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
