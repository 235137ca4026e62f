/**
 * The two faults that act on what runs rather than on a component: an image removed from its
 * registry (pulls fail as for a deleted tag, nodes that have it keep it), and a node's memory
 * filled from outside its pods (MemoryPressure, the memory-pressure taint, a pod evicted and
 * replaced elsewhere, the pressure gone 5 minutes after the memory is given back).
 */
import { describe, expect, it } from 'vitest';
import type { CoreEvent, KubeList, Node, Pod } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';

const pod = (name: string, image: string, extra: Record<string, unknown> = {}): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image, ...extra }] } }) as Pod;

async function phaseRow(s: Scenario, name: string): Promise<string> {
  return ((await s.kubectl(`kubectl get pod ${name} --no-headers`)).out.trim().split(/\s+/)[2]) ?? '';
}

describe('an image made unavailable', () => {
  it('fails new pulls with the registry\'s "not found" until it is restored; a node that has it keeps running it', async () => {
    const s = await scenario({ workers: 1 });
    await s.client.create(ref('pods', 'default'), pod('before', 'redis:7.4'));
    await s.until(async () => (await phaseRow(s, 'before')) === 'Running' || undefined, 120_000);
    await s.cluster.applyFault({ kind: 'image', name: 'redis:7.4', action: 'remove' });
    expect(s.cluster.components().unavailableImages).toEqual(['docker.io/library/redis:7.4']);
    // IfNotPresent: the node has it, the pod starts.
    await s.client.create(ref('pods', 'default'), pod('cached', 'redis:7.4'));
    await s.until(async () => (await phaseRow(s, 'cached')) === 'Running' || undefined, 120_000);
    // Always: the kubelet asks the registry, which no longer has it.
    await s.client.create(ref('pods', 'default'), pod('pulled', 'redis:7.4', { imagePullPolicy: 'Always' }));
    await s.until(async () => ['ErrImagePull', 'ImagePullBackOff'].includes(await phaseRow(s, 'pulled')) || undefined, 120_000);
    const events = await s.client.list<CoreEvent>(ref('events', 'default'), { fieldSelector: 'involvedObject.name=pulled,reason=Failed' });
    expect(events.items.map((e) => e.message)).toContain('Failed to pull image "redis:7.4": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/redis:7.4": failed to resolve reference "docker.io/library/redis:7.4": docker.io/library/redis:7.4: not found');
    await s.cluster.applyFault({ kind: 'image', name: 'redis:7.4', action: 'restore' });
    await s.until(async () => (await phaseRow(s, 'pulled')) === 'Running' || undefined, 600_000, 1000);
    expect(s.cluster.components().unavailableImages).toEqual([]);
    s.stop();
  });
});

describe('a node whose memory is filled', () => {
  it('reports MemoryPressure, gets the memory-pressure taint, evicts a pod that is replaced elsewhere, and recovers after release', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.create(ref('deployments', 'default', undefined, 'apps', 'v1'), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    });
    const running = async () => (await s.client.list<Pod>(ref('pods', 'default'), { labelSelector: 'app=web' })).items.filter((p) => p.status?.phase === 'Running');
    await s.until(async () => (await running()).length === 4 || undefined, 120_000);
    const victimNode = 'kubelab-worker';
    const before = (await running()).filter((p) => p.spec.nodeName === victimNode).length;
    expect(before).toBeGreaterThan(0);
    await s.cluster.applyFault({ kind: 'memory', name: victimNode, action: 'fill' });
    expect(s.cluster.components().memoryFilled).toEqual([victimNode]);

    const evicted = await s.until(async () => (await s.client.list<Pod>(ref('pods', 'default'), { labelSelector: 'app=web' })).items.find((p) => p.status?.reason === 'Evicted'), 60_000, 1000);
    expect(evicted.spec.nodeName).toBe(victimNode);
    expect(evicted.status?.phase).toBe('Failed');
    expect(evicted.status?.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+(Ki|Mi)\. Container web was using \d+(Ki|Mi), request is 0, has larger consumption of memory\. $/);
    expect(evicted.status?.conditions?.[0]).toMatchObject({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet' });
    // kubectl's STATUS column shows the reason of the last container's state (as for any ended pod); the pod's own reason is Evicted.
    expect((await s.kubectl(`kubectl get pod ${evicted.metadata.name ?? ''} -o jsonpath={.status.phase}/{.status.reason}`)).out).toBe('Failed/Evicted');
    const podEvents = await s.client.list<CoreEvent>(ref('events', 'default'), { fieldSelector: `involvedObject.name=${evicted.metadata.name ?? ''},reason=Evicted` });
    expect(podEvents.items[0]?.type).toBe('Warning');
    const nodeEvents = await s.client.list<CoreEvent>(ref('events', 'default'), { fieldSelector: `involvedObject.name=${victimNode},reason=EvictionThresholdMet` });
    expect(nodeEvents.items[0]?.message).toBe('Attempting to reclaim memory');

    // The node says so, the node controller taints it, the replacement goes to the other worker.
    const node = await s.until(async () => {
      const n = await s.client.get<Node>(ref('nodes', '', victimNode));
      return n.status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status === 'True' && n.spec?.taints?.some((t) => t.key === 'node.kubernetes.io/memory-pressure') ? n : undefined;
    }, 60_000, 1000);
    expect(node.spec?.taints).toContainEqual(expect.objectContaining({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }));
    // The runaway memory stays, so the eviction manager goes on (one pod per 10 s round) until
    // nothing of the Deployment runs there; the taint keeps the replacements on the other worker.
    await s.until(async () => {
      const r = await running();
      return r.length === 4 && r.every((p) => p.spec.nodeName === 'kubelab-worker2') ? true : undefined;
    }, 300_000, 1000);
    expect((await s.kubectl(`kubectl get node kubelab-worker -o jsonpath='{.status.conditions[?(@.type=="MemoryPressure")].reason}'`)).out).toBe('KubeletHasInsufficientMemory');

    // Released: the pressure stays for the 5-minute transition period, then goes with its taint.
    await s.cluster.applyFault({ kind: 'memory', name: victimNode, action: 'release' });
    await s.advance(60_000, 1000);
    expect((await s.client.get<Node>(ref('nodes', '', victimNode))).status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status).toBe('True');
    await s.until(async () => {
      const n = await s.client.get<Node>(ref('nodes', '', victimNode));
      return n.status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status === 'False' && !n.spec?.taints?.some((t) => t.key === 'node.kubernetes.io/memory-pressure') ? true : undefined;
    }, 600_000, 1000);
    const list = await s.client.list<Pod>(ref('pods', 'default'));
    expect((list as KubeList<Pod>).items.filter((p) => p.status?.reason === 'Evicted').length).toBeGreaterThanOrEqual(1);
    s.stop();
  });
});
