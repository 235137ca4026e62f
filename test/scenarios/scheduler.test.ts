/**
 * The scheduler as a student sees it: the exact FailedScheduling messages of kube-scheduler
 * 1.32 (taints, insufficient cpu/memory, nodeSelector, anti-affinity, topology spread, a mix),
 * a Pending pod scheduled once its node gets the label it needs, preemption of a low-priority
 * pod, a 3/3 spread of six replicas, and the per-node, per-plugin explanation.
 */
import { describe, expect, it } from 'vitest';
import type { EventsV1Event, KubeList, Node, Pod } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';

const CP_TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

function pod(name: string, spec: Record<string, unknown> = {}, labels: Record<string, string> = {}, cpu?: string, memory?: string): Pod {
  const requests: Record<string, string> = {};
  if (cpu) requests.cpu = cpu;
  if (memory) requests.memory = memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests } }], ...spec },
  } as Pod;
}

async function create(s: Scenario, p: Pod): Promise<void> {
  await s.client.create(ref('pods', 'default'), p);
}

async function get(s: Scenario, name: string): Promise<Pod> {
  return s.client.get<Pod>(ref('pods', 'default', name));
}

async function failedMessage(s: Scenario, name: string): Promise<string> {
  return s.until(async () => {
    const p = await get(s, name);
    return p.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')?.message;
  });
}

async function events(s: Scenario, reason: string): Promise<EventsV1Event[]> {
  const list = await s.client.list<EventsV1Event>({ group: 'events.k8s.io', version: 'v1', resource: 'events', namespace: 'default' });
  return (list as KubeList<EventsV1Event>).items.filter((e) => e.reason === reason);
}

describe('kube-scheduler', () => {
  it('says why a pod fits nowhere: taint and insufficient cpu, with the preemption tail', async () => {
    const s = await scenario({ workers: 2 });
    await create(s, pod('big', {}, {}, '5'));
    const msg = await failedMessage(s, 'big');
    expect(msg).toBe(`0/3 nodes are available: ${CP_TAINT}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..`);
    await s.advance(1000);
    const failed = await events(s, 'FailedScheduling');
    expect(failed.some((e) => e.note === msg && e.type === 'Warning' && e.reportingController === 'default-scheduler')).toBe(true);
    const out = await s.kubectl('kubectl get pods');
    expect(out.out).toMatch(/big\s+0\/1\s+Pending/);
    s.stop();
  });

  it('counts insufficient memory and cpu on the same node, and a nodeSelector mismatch', async () => {
    const s = await scenario({ workers: 2 });
    await create(s, pod('huge', {}, {}, '5', '100Gi'));
    expect(await failedMessage(s, 'huge')).toBe(`0/3 nodes are available: ${CP_TAINT}, 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..`);
    await create(s, pod('picky', { nodeSelector: { disktype: 'ssd' } }));
    expect(await failedMessage(s, 'picky')).toBe(`0/3 nodes are available: ${CP_TAINT}, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..`);
    s.stop();
  });

  it('schedules a Pending pod once a node gets the label it needs', async () => {
    const s = await scenario({ workers: 2 });
    await create(s, pod('picky', { nodeSelector: { disktype: 'ssd' } }));
    await failedMessage(s, 'picky');
    await s.client.patch<Node>({ resource: 'nodes', name: 'kubelab-worker2' }, { metadata: { labels: { disktype: 'ssd' } } });
    const node = await s.until(async () => (await get(s, 'picky')).spec.nodeName, 20_000);
    expect(node).toBe('kubelab-worker2');
    await s.advance(1000);
    const scheduled = await events(s, 'Scheduled');
    expect(scheduled.map((e) => e.note)).toContain('Successfully assigned default/picky to kubelab-worker2');
    s.stop();
  });

  it('keeps anti-affine pods apart and spreads by topology constraints', async () => {
    const s = await scenario({ workers: 2 });
    const anti = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } } };
    for (const n of ['db-0', 'db-1', 'db-2']) await create(s, pod(n, anti, { app: 'db' }));
    expect(await failedMessage(s, 'db-2')).toBe(`0/3 nodes are available: ${CP_TAINT}, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..`);
    const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, nodeAffinityPolicy: 'Ignore' }], nodeSelector: { 'kubernetes.io/hostname': 'kubelab-worker' } };
    await create(s, pod('web-0', spread, { app: 'web' }));
    await s.until(async () => (await get(s, 'web-0')).spec.nodeName);
    await create(s, pod('web-1', spread, { app: 'web' }));
    expect(await failedMessage(s, 'web-1')).toBe(
      `0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't match pod topology spread constraints, ${CP_TAINT}. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..`,
    );
    s.stop();
  });

  it('mixes reasons over three nodes: a cordoned node, a taint, too little cpu', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.patch<Node>({ resource: 'nodes', name: 'kubelab-worker' }, { spec: { unschedulable: true } });
    await create(s, pod('mixed', {}, {}, '5'));
    expect(await failedMessage(s, 'mixed')).toBe(`0/3 nodes are available: 1 Insufficient cpu, ${CP_TAINT}, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..`);
    s.stop();
  });

  it('preempts a low-priority pod for a high-priority one, which lands with nominatedNodeName', async () => {
    const s = await scenario({ workers: 1 });
    await s.client.create({ group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses' }, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 } as never);
    await create(s, pod('low', {}, {}, '3'));
    await s.until(async () => (await get(s, 'low')).spec.nodeName);
    await create(s, pod('high', { priorityClassName: 'high' }, {}, '3'));
    const nominated = await s.until(async () => (await get(s, 'high')).status?.nominatedNodeName);
    expect(nominated).toBe('kubelab-worker');
    const bound = await s.until(async () => (await get(s, 'high')).spec.nodeName, 120_000);
    expect(bound).toBe('kubelab-worker');
    await expect(get(s, 'low')).rejects.toThrow();
    const preempted = await events(s, 'Preempted');
    const high = await get(s, 'high');
    expect(preempted.map((e) => e.note)).toContain(`Preempted by pod ${high.metadata.uid} on node kubelab-worker`);
    s.stop();
  });

  it('spreads six replicas 3/3 over two workers, and explains the choice per node and plugin', async () => {
    const s = await scenario({ workers: 2 });
    for (let i = 0; i < 6; i++) await create(s, pod(`rs-${i}`, {}, { app: 'rs' }, '100m', '64Mi'));
    await s.until(async () => {
      const list = await s.client.list<Pod>(ref('pods', 'default'));
      return list.items.filter((p) => p.metadata.name?.startsWith('rs-')).every((p) => p.spec.nodeName) || undefined;
    });
    const list = await s.client.list<Pod>(ref('pods', 'default'));
    const counts: Record<string, number> = {};
    for (const p of list.items) if (p.metadata.name?.startsWith('rs-')) counts[p.spec.nodeName ?? ''] = (counts[p.spec.nodeName ?? ''] ?? 0) + 1;
    expect(counts).toEqual({ 'kubelab-worker': 3, 'kubelab-worker2': 3 });
    const e = s.cluster.scheduler.explain('default/rs-5');
    expect(e?.result).toBe('Scheduled');
    const cp = e?.verdicts.find((v) => v.node === 'kubelab-control-plane');
    expect(cp?.filteredBy).toMatchObject({ plugin: 'TaintToleration', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], unresolvable: true });
    const worker = e?.verdicts.find((v) => v.node === e.selected);
    expect(Object.keys(worker?.scores ?? {})).toEqual(expect.arrayContaining(['TaintToleration', 'NodeResourcesFit', 'NodeResourcesBalancedAllocation', 'ImageLocality']));
    expect(worker?.scores?.TaintToleration).toMatchObject({ normalized: 100, weight: 3, weighted: 300 });
    const total = Object.values(worker?.scores ?? {}).reduce((a, p) => a + p.weighted, 0);
    expect(worker?.total).toBe(total);
    expect(e?.notEvaluated).toEqual([]);
    s.stop();
  });
});
