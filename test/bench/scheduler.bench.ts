/**
 * The scheduler's own throughput (issue target: ≥ 3,000 pods/s on a 1,000-node cluster, on a
 * 2-core machine): 1,000 nodes and 30,000 pending pods in the API server, then a scheduler
 * with the default profile runs its whole Filter/Score/bind loop against the API server —
 * informers, the `pods/binding` subresource, the watch events of the bound pods — with no
 * kubelet or controller running. Reported, never asserted. Run alone with
 * `npx tsx test/bench/scheduler.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import type { Node, Pod } from '../../core/api/types';
import { ManualClock } from '../../core/clock/clock';
import { Random } from '../../core/clock/random';
import { Client } from '../../core/client/client';
import { Cluster } from '../../core/cluster';
import { Scheduler } from '../../core/scheduler/scheduler';
import type { Figure } from './run';

const NODES = 1000;
const PODS = 30_000;

function node(i: number): Node {
  const name = `bench-node-${i}`;
  const capacity = { cpu: '32', memory: '128Gi', pods: '110', 'ephemeral-storage': '100Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
    spec: {},
    status: { capacity, allocatable: capacity, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

function pod(i: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `bench-${i}`, labels: { app: `bench-${i % 50}` } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
  };
}

/** Pods bound per second by the scheduler, 1,000 nodes, 30,000 pending pods. */
export async function benchScheduler(nodes = NODES, pods = PODS): Promise<Figure[]> {
  const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
  const cluster = new Cluster({ clock, seed: 1, workers: 0 });
  await cluster.start();
  // Only the API server and the scheduler under test: no controller, no other scheduler.
  cluster.scheduler.stop();
  cluster.controllerManager.stop();
  const admin = cluster.client();
  for (let i = 0; i < nodes; i++) await admin.create({ resource: 'nodes' }, node(i));
  for (let i = 0; i < pods; i++) await admin.create({ resource: 'pods', namespace: 'default' }, pod(i));
  const client = new Client((r) => cluster.handle(r), { name: 'system:kube-scheduler', groups: ['system:authenticated'] });
  const scheduler = new Scheduler(client, clock, new Random(7));
  const t0 = performance.now();
  await scheduler.start();
  const listed = performance.now();
  while (scheduler.scheduledCount < pods) {
    await scheduler.idle();
    await new Promise<void>((r) => setImmediate(r));
    if (scheduler.pending().active === 0 && scheduler.scheduledCount < pods && scheduler.pending().backoff + scheduler.pending().unschedulable > 0) break;
  }
  const t1 = performance.now();
  scheduler.stop();
  cluster.stop();
  const seconds = (t1 - listed) / 1000;
  return [
    { name: 'scheduler.bound', value: scheduler.scheduledCount, unit: 'pods' },
    { name: 'scheduler.informerSync', value: listed - t0, unit: 'ms' },
    { name: 'scheduler.throughput', value: scheduler.scheduledCount / seconds, unit: 'pods/s' },
  ];
}

if (process.argv[1]?.endsWith('scheduler.bench.ts')) {
  benchScheduler().then(
    (figures) => {
      for (const f of figures) process.stdout.write(`${f.name} ${Number.isInteger(f.value) ? f.value : f.value.toFixed(3)} ${f.unit}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
      process.exit(1);
    },
  );
}
