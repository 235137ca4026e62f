import { describe, expect, it } from 'vitest';
import type { CoreEvent, Node, Pod } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';

const WORKER = 'kubelab-worker';
const OTHER = 'kubelab-worker2';

const nodeStatus = async (s: Scenario, name: string) => /^\S+\s+(\S+)/m.exec((await s.kubectl(`kubectl get node ${name} --no-headers`)).out)?.[1];

async function events(s: Scenario, namespace = ''): Promise<CoreEvent[]> {
  return (await s.client.list<CoreEvent>({ resource: 'events', ...(namespace ? { namespace } : {}) })).items;
}

async function podsOn(s: Scenario, node: string): Promise<Pod[]> {
  return (await s.client.list<Pod>(ref('pods', 'default'))).items.filter((p) => p.spec.nodeName === node);
}

describe('node lifecycle and taint-based eviction', () => {
  it('a worker whose kubelet stops goes NotReady, is tainted unreachable, loses its pods after 300 s to the other worker, and recovers', async () => {
    const s = await scenario({ seed: 11 });
    await s.client.create(ref('deployments', 'default', undefined, 'apps', 'v1'), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
    } as never);
    await s.until(async () => (await s.client.list<Pod>(ref('pods', 'default'))).items.filter((p) => p.status?.phase === 'Running').length === 4 || undefined, 60_000, 500);
    const victims = await podsOn(s, WORKER);
    expect(victims.length).toBeGreaterThan(0);
    expect((await events(s)).some((e) => e.reason === 'RegisteredNode' && e.message === `Node ${WORKER} event: Registered Node ${WORKER} in Controller`)).toBe(true);

    const stoppedAt = s.clock.now();
    // The kubelet stops: no more Lease renewals, no more status.
    await s.cluster.stopNode(WORKER);
    await s.advance(30_000, 1000);
    expect(await nodeStatus(s, WORKER)).toBe('Ready');
    await s.until(async () => ((await nodeStatus(s, WORKER)) === 'NotReady' ? true : undefined), 60_000, 1000);
    const notReadyAfter = s.clock.now() - stoppedAt;
    // 40 s grace from the last heartbeat (up to 10 s before the stop), seen by a 5 s monitor period.
    expect(notReadyAfter).toBeGreaterThanOrEqual(35_000);
    expect(notReadyAfter).toBeLessThanOrEqual(55_000);
    expect((await s.kubectl('kubectl get nodes')).out).toMatch(new RegExp(`^${WORKER}\\s+NotReady\\s+<none>`, 'm'));
    expect(await nodeStatus(s, OTHER)).toBe('Ready');

    // The NoSchedule taint follows the condition at once; the NoExecute one comes with the next
    // health pass (the node is queued for it by what that pass observes), at the zone's rate.
    await s.advance(6000, 100);
    const node = await s.client.get<Node>({ resource: 'nodes', name: WORKER });
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node.status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status).toBe('Unknown');
    const taints = (node.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
    expect(taints).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(node.spec.taints?.every((t) => typeof t.timeAdded === 'string')).toBe(true);
    const evs = await events(s);
    expect(evs.some((e) => e.reason === 'NodeNotReady' && e.involvedObject.kind === 'Node' && e.message === `Node ${WORKER} status is now: NodeNotReady` && e.source?.component === 'node-controller')).toBe(true);
    // The pods on it are no longer Ready (so Services stop using them), but still there.
    for (const p of await podsOn(s, WORKER)) expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect((await events(s, 'default')).some((e) => e.reason === 'NodeNotReady' && e.message === 'Node is not ready' && e.type === 'Warning')).toBe(true);

    // The pods tolerate node.kubernetes.io/unreachable:NoExecute for 300 s (DefaultTolerationSeconds).
    const taintedAt = Date.parse(node.spec.taints?.find((t) => t.effect === 'NoExecute')?.timeAdded ?? '');
    await s.advance(taintedAt + 290_000 - s.clock.now(), 1000);
    for (const p of await podsOn(s, WORKER)) expect(p.metadata.deletionTimestamp).toBeUndefined();
    await s.advance(15_000, 500);
    const evicted = await podsOn(s, WORKER);
    expect(evicted.length).toBe(victims.length);
    for (const p of evicted) {
      expect(p.metadata.deletionTimestamp).toBeDefined();
      expect(p.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    }
    const name = evicted[0]?.metadata.name ?? '';
    // The kubelet is gone: the pods stay Terminating, as on a real cluster.
    expect((await s.kubectl('kubectl get pods')).out).toMatch(new RegExp(`^${name}\\s+1/1\\s+Terminating\\s+`, 'm'));
    const te = (await events(s, 'default')).find((e) => e.reason === 'TaintManagerEviction' && e.involvedObject.name === name);
    expect(te?.message).toBe(`Marking for deletion Pod default/${name}`);
    expect(te?.source?.component).toBe('taint-eviction-controller');
    // The ReplicaSet replaced them on the other worker.
    await s.until(async () => ((await podsOn(s, OTHER)).filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp).length === 4 ? true : undefined), 60_000, 500);

    await s.cluster.startNode(WORKER);
    await s.until(async () => ((await nodeStatus(s, WORKER)) === 'Ready' ? true : undefined), 30_000, 500);
    await s.until(async () => ((await s.client.get<Node>({ resource: 'nodes', name: WORKER })).spec.taints === undefined ? true : undefined), 30_000, 500);
    s.stop();
  }, 120_000);

  it('when every node stops heartbeating the controller stops evicting (full disruption): no NoExecute taints', async () => {
    const s = await scenario({ seed: 12, workers: 1 });
    const nodes = ['kubelab-control-plane', WORKER];
    await s.advance(5000, 500);
    for (const n of nodes) await s.cluster.stopNode(n);
    await s.until(async () => ((await nodeStatus(s, WORKER)) === 'NotReady' && (await nodeStatus(s, 'kubelab-control-plane')) === 'NotReady' ? true : undefined), 90_000, 1000);
    await s.advance(30_000, 1000);
    for (const n of nodes) {
      const node = await s.client.get<Node>({ resource: 'nodes', name: n });
      expect((node.spec.taints ?? []).filter((t) => t.effect === 'NoExecute')).toEqual([]);
      expect((node.spec.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoSchedule')).toBe(true);
    }
    s.stop();
  }, 60_000);

  it('a pod that does not tolerate a NoExecute taint is deleted at once; one tolerating it for 20 s after 20 s', async () => {
    const s = await scenario({ seed: 13, workers: 1 });
    const mk = (name: string, seconds?: number): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { nodeName: WORKER, containers: [{ name: 'c', image: 'busybox' }], ...(seconds ? { tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds }] } : {}) },
    });
    await s.client.create(ref('pods', 'default'), mk('plain'));
    await s.client.create(ref('pods', 'default'), mk('patient', 20));
    await s.advance(5000, 500);
    const node = await s.client.get<Node>({ resource: 'nodes', name: WORKER });
    await s.client.update({ resource: 'nodes', name: WORKER }, { ...node, spec: { ...node.spec, taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] } });
    await s.advance(1000, 100);
    const gone = async (n: string) => {
      try {
        const p = await s.client.get<Pod>(ref('pods', 'default', n));
        return p.metadata.deletionTimestamp !== undefined;
      } catch {
        return true;
      }
    };
    expect(await gone('plain')).toBe(true);
    expect(await gone('patient')).toBe(false);
    await s.advance(17_000, 500);
    expect(await gone('patient')).toBe(false);
    await s.advance(3000, 500);
    expect(await gone('patient')).toBe(true);
    s.stop();
  }, 60_000);
});
