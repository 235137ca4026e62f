import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock/clock';
import { Cluster } from './cluster';
import type { Node, Pod, Namespace } from './api/types';
import { isStatusError } from './api/status';

const START = Date.parse('2026-01-01T00:00:00Z');

/** Lets promise chains settle, advancing the manual clock in steps. */
async function settle(clock: ManualClock, ms: number, step = 100): Promise<void> {
  for (let t = 0; t <= ms; t += step) {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    clock.advance(step);
  }
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

async function newCluster(workers = 2, seed = 1) {
  const clock = new ManualClock(START);
  const cluster = new Cluster({ clock, seed, workers });
  await cluster.start();
  await settle(clock, 500);
  return { clock, cluster, client: cluster.client() };
}

describe('Cluster', () => {
  it('starts with a control-plane node and the workers, all Ready, and the system namespaces', async () => {
    const { cluster, client } = await newCluster(2);
    const nodes = await client.list<Node>({ resource: 'nodes' });
    expect(nodes.items.map((n) => n.metadata.name)).toEqual(['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2']);
    for (const n of nodes.items) expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(nodes.items[0]?.spec.taints?.[0]?.key).toBe('node-role.kubernetes.io/control-plane');
    const ns = await client.list<Namespace>({ resource: 'namespaces' });
    expect(ns.items.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    cluster.stop();
  });

  it('runs the control plane as static pods on the control-plane node', async () => {
    const { cluster, client } = await newCluster(1);
    const all = await client.list<Pod>({ resource: 'pods', namespace: 'kube-system' });
    // The add-ons (coredns, kube-proxy) run there too, made by their Deployment and DaemonSet.
    const pods = { items: all.items.filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'Node') };
    expect(pods.items.map((p) => p.metadata.name).sort()).toEqual([
      'etcd-kubelab-control-plane',
      'kube-apiserver-kubelab-control-plane',
      'kube-controller-manager-kubelab-control-plane',
      'kube-scheduler-kubelab-control-plane',
    ]);
    for (const p of pods.items) {
      expect(p.status?.phase).toBe('Running');
      expect(p.status?.podIP).toBe('172.18.0.2');
    }
    cluster.stop();
  });

  it('schedules a new pod on a worker, never on the tainted control plane, and runs it', async () => {
    const { cluster, client, clock } = await newCluster(2);
    await client.create<Pod>({ resource: 'pods', namespace: 'default' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    await settle(clock, 200);
    let pod = await client.get<Pod>({ resource: 'pods', namespace: 'default', name: 'web' });
    expect(pod.spec.nodeName).toMatch(/^kubelab-worker2?$/);
    expect(pod.status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('ContainerCreating');
    await settle(clock, 3000);
    pod = await client.get<Pod>({ resource: 'pods', namespace: 'default', name: 'web' });
    expect(pod.status?.phase).toBe('Running');
    expect(pod.status?.podIP).toMatch(/^10\.244\.[12]\.\d+$/);
    expect(pod.status?.containerStatuses?.[0]?.image).toBe('docker.io/library/nginx:latest');
    expect(scheduledExplanation(cluster, 'default/web')).toBe(pod.spec.nodeName);
    cluster.stop();
  });

  it('explains an unschedulable pod with the real FailedScheduling message', async () => {
    const { cluster, client, clock } = await newCluster(0);
    await client.create<Pod>({ resource: 'pods', namespace: 'default' }, { metadata: { name: 'lonely' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } });
    await settle(clock, 300);
    const pod = await client.get<Pod>({ resource: 'pods', namespace: 'default', name: 'lonely' });
    const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond?.status).toBe('False');
    expect(cond?.reason).toBe('Unschedulable');
    expect(cond?.message).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
    cluster.stop();
  });

  it('deletes a running pod gracefully: Terminating, then gone once the kubelet stopped it', async () => {
    const { cluster, client, clock } = await newCluster(1);
    await client.create<Pod>({ resource: 'pods', namespace: 'default' }, { metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } });
    await settle(clock, 3000);
    const deleted = (await client.delete({ resource: 'pods', namespace: 'default', name: 'web' })) as Pod;
    expect(deleted.metadata.deletionTimestamp).toBeDefined();
    expect(deleted.metadata.deletionGracePeriodSeconds).toBe(30);
    await settle(clock, 2000);
    await expect(client.get({ resource: 'pods', namespace: 'default', name: 'web' })).rejects.toSatisfy((e) => isStatusError(e, 'NotFound'));
    cluster.stop();
  });

  it('deletes a namespace with its pods through the namespace controller', async () => {
    const { cluster, client, clock } = await newCluster(1);
    await client.create<Namespace>({ resource: 'namespaces' }, { metadata: { name: 'team' } });
    await client.create<Pod>({ resource: 'pods', namespace: 'team' }, { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    await settle(clock, 3000);
    const ns = (await client.delete({ resource: 'namespaces', name: 'team' })) as Namespace;
    expect(ns.status?.phase).toBe('Terminating');
    await expect(client.create<Pod>({ resource: 'pods', namespace: 'team' }, { metadata: { name: 'q' }, spec: { containers: [{ name: 'c', image: 'x' }] } })).rejects.toSatisfy((e) => isStatusError(e, 'Forbidden'));
    await settle(clock, 5000);
    await expect(client.get({ resource: 'namespaces', name: 'team' })).rejects.toSatisfy((e) => isStatusError(e, 'NotFound'));
    cluster.stop();
  });

  it('is deterministic: the same seed gives the same cluster', async () => {
    const dump = async (seed: number) => {
      const { cluster, client, clock } = await newCluster(2, seed);
      for (const name of ['a', 'b', 'c']) await client.create<Pod>({ resource: 'pods', namespace: 'default' }, { metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
      await settle(clock, 4000);
      const pods = await client.list<Pod>({ resource: 'pods', namespace: 'default' });
      cluster.stop();
      return JSON.stringify(pods.items);
    };
    const first = await dump(7);
    expect(await dump(7)).toBe(first);
    expect(await dump(8)).not.toBe(first);
  });
});

function scheduledExplanation(cluster: Cluster, key: string): string | undefined {
  return cluster.scheduler.explain(key)?.selected;
}
