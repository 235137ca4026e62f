/**
 * DaemonSets as a student sees them: one pod per eligible node (none on the tainted control
 * plane unless tolerated), pods that come and go as nodes are labelled and tainted, and a rolling
 * update that replaces the pods node by node.
 */
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, Node, Pod, Taint } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';

const DS = ref('daemonsets', 'default', undefined, 'apps', 'v1');

function daemonSet(name: string, extra: Partial<DaemonSet['spec']['template']['spec']> = {}, image = 'nginx:1.25'): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image }], ...extra } } },
  };
}

async function podsOf(s: Scenario, app: string): Promise<Pod[]> {
  return (await s.client.list<Pod>(ref('pods', 'default'), { labelSelector: `app=${app}` })).items;
}

/** The NODE column of `kubectl get pods -l app=<app> -o wide`, without terminating pods, sorted. */
async function nodesWithPods(s: Scenario, app: string): Promise<string[]> {
  const lines = (await s.kubectl(`kubectl get pods -l app=${app} -o wide`)).out.trim().split('\n').slice(1);
  return lines
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s{2,}/))
    .filter((c) => c[2] !== 'Terminating')
    .map((c) => c[6] ?? '')
    .sort();
}

async function patchNode(s: Scenario, name: string, patch: unknown): Promise<void> {
  await s.client.patch<Node>(ref('nodes', '', name), patch, 'application/merge-patch+json');
}

/** What `kubectl get <args>` prints. */
async function kubectlGet(s: Scenario, args: string): Promise<string> {
  const r = await s.kubectl(`kubectl get ${args}`);
  if (r.code !== 0) throw new Error(r.err);
  return r.out;
}

/** The rows of `kubectl get` as arrays of cells (header first). */
function rows(out: string): string[][] {
  return out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s{2,}/));
}

describe('DaemonSet', () => {
  it('runs one pod per worker, none on the tainted control plane unless it tolerates the taint', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.create(DS, daemonSet('agent'));
    await s.until(async () => (await podsOf(s, 'agent')).filter((p) => p.status?.phase === 'Running').length === 2 || undefined);
    await s.advance(3000);
    expect(await nodesWithPods(s, 'agent')).toEqual(['kubelab-worker', 'kubelab-worker2']);
    const table = rows((await kubectlGet(s, 'daemonsets')));
    expect(table[0]).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE']);
    expect(table[1]?.slice(0, 7)).toEqual(['agent', '2', '2', '2', '2', '2', '<none>']);

    // The pods carry the revision's hash and the template generation, and are pinned by node affinity.
    const [revision] = (await s.client.list<ControllerRevision>(ref('controllerrevisions', 'default', undefined, 'apps', 'v1'))).items;
    const hash = revision?.metadata.labels?.['controller-revision-hash'];
    expect(revision?.metadata.name).toBe(`agent-${hash ?? ''}`);
    for (const pod of await podsOf(s, 'agent')) {
      expect(pod.metadata.labels).toMatchObject({ 'controller-revision-hash': hash, 'pod-template-generation': '1' });
      const terms = (pod.spec['affinity'] as { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: unknown[] } } }).nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;
      expect(terms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod.spec.nodeName] }] }]);
      expect(pod.spec.tolerations?.map((t) => t.key)).toContain('node.kubernetes.io/unreachable');
    }
    const events = (await s.kubectl('kubectl get events')).out;
    expect(events).toMatch(/SuccessfulCreate\s+daemonset\/agent\s+Created pod: agent-\w{5}/);

    // A DaemonSet that tolerates the control-plane taint runs there too.
    await s.client.create(DS, daemonSet('logs', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    await s.until(async () => (await nodesWithPods(s, 'logs')).length === 3 || undefined);
    expect(await nodesWithPods(s, 'logs')).toEqual(['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2']);
    await s.until(async () => (await kubectlGet(s, 'daemonsets logs')).match(/logs\s+3\s+3\s+3\s+3\s+3/) ?? undefined);
    s.stop();
  });

  it('creates and deletes pods as node labels and taints change which nodes are eligible', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.create(DS, daemonSet('ssd-monitor', { nodeSelector: { disk: 'ssd' } }));
    await s.advance(3000);
    expect(await nodesWithPods(s, 'ssd-monitor')).toEqual([]);
    expect(rows((await kubectlGet(s, 'daemonsets')))[1]?.slice(0, 7)).toEqual(['ssd-monitor', '0', '0', '0', '0', '0', 'disk=ssd']);

    await patchNode(s, 'kubelab-worker', { metadata: { labels: { disk: 'ssd' } } });
    await s.until(async () => ((await nodesWithPods(s, 'ssd-monitor')).join() === 'kubelab-worker' ? true : undefined));
    await patchNode(s, 'kubelab-worker2', { metadata: { labels: { disk: 'ssd' } } });
    await s.until(async () => ((await nodesWithPods(s, 'ssd-monitor')).join() === 'kubelab-worker,kubelab-worker2' ? true : undefined));

    // Unlabelled: the pod on that node is deleted.
    await patchNode(s, 'kubelab-worker', { metadata: { labels: { disk: null } } });
    await s.until(async () => ((await nodesWithPods(s, 'ssd-monitor')).join() === 'kubelab-worker2' ? true : undefined));
    expect((await s.kubectl('kubectl get events')).out).toMatch(/SuccessfulDelete\s+daemonset\/ssd-monitor\s+Deleted pod: ssd-monitor-\w{5}/);

    // A NoSchedule taint keeps the running pod (it is then misscheduled); a NoExecute taint evicts it.
    const taint = (effect: Taint['effect']): Taint => ({ key: 'maintenance', value: 'true', effect });
    await patchNode(s, 'kubelab-worker2', { spec: { taints: [taint('NoSchedule')] } });
    await s.until(async () => ((await s.client.get<DaemonSet>({ ...DS, name: 'ssd-monitor' })).status?.numberMisscheduled === 1 ? true : undefined));
    expect(await nodesWithPods(s, 'ssd-monitor')).toEqual(['kubelab-worker2']);
    await patchNode(s, 'kubelab-worker2', { spec: { taints: [taint('NoExecute')] } });
    await s.until(async () => ((await nodesWithPods(s, 'ssd-monitor')).length === 0 ? true : undefined));
    const status = (await s.client.get<DaemonSet>({ ...DS, name: 'ssd-monitor' })).status;
    await s.until(async () => ((await s.client.get<DaemonSet>({ ...DS, name: 'ssd-monitor' })).status?.currentNumberScheduled === 0 ? true : undefined));
    expect(status?.desiredNumberScheduled).toBe(0);
    s.stop();
  });

  it('rolls an image update out node by node, never leaving more than maxUnavailable nodes without a ready pod', async () => {
    const s = await scenario({ workers: 3 });
    await s.client.create(DS, daemonSet('agent'));
    await s.until(async () => ((await kubectlGet(s, 'daemonsets agent')).match(/agent\s+3\s+3\s+3\s+3\s+3/) ? true : undefined));
    const before = new Set((await podsOf(s, 'agent')).map((p) => p.metadata.name));

    await s.client.patch({ ...DS, name: 'agent' }, { spec: { template: { spec: { containers: [{ name: 'agent', image: 'nginx:1.26' }] } } } });
    let minReady = 3;
    let sawMixed = false;
    await s.until(async () => {
      const pods = (await podsOf(s, 'agent')).filter((p) => !p.metadata.deletionTimestamp);
      const ready = pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
      minReady = Math.min(minReady, ready.length);
      const images = new Set(pods.map((p) => p.spec.containers[0]?.image));
      if (images.size > 1) sawMixed = true;
      const done = pods.length === 3 && ready.length === 3 && pods.every((p) => p.spec.containers[0]?.image === 'nginx:1.26' && !before.has(p.metadata.name));
      return done || undefined;
    });
    // maxUnavailable 1: at least two nodes always had a ready pod, and old and new pods ran side by side.
    expect(minReady).toBeGreaterThanOrEqual(2);
    expect(sawMixed).toBe(true);
    for (const pod of await podsOf(s, 'agent')) expect(pod.metadata.labels?.['pod-template-generation']).toBe('2');
    await s.until(async () => ((await kubectlGet(s, 'daemonsets agent')).match(/agent\s+3\s+3\s+3\s+3\s+3/) ? true : undefined));
    const revisions = rows((await kubectlGet(s, 'controllerrevisions')));
    expect(revisions[0]).toEqual(['NAME', 'CONTROLLER', 'REVISION', 'AGE']);
    expect(revisions.slice(1).map((r) => [r[1], r[2]]).sort()).toEqual([
      ['daemonset.apps/agent', '1'],
      ['daemonset.apps/agent', '2'],
    ]);
    s.stop();
  });

  it('with OnDelete, replaces a pod only when it is deleted', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.create(DS, { ...daemonSet('agent'), spec: { ...daemonSet('agent').spec, updateStrategy: { type: 'OnDelete' } } });
    await s.until(async () => ((await kubectlGet(s, 'daemonsets agent')).match(/agent\s+2\s+2\s+2\s+2\s+2/) ? true : undefined));
    await s.client.patch({ ...DS, name: 'agent' }, { spec: { template: { spec: { containers: [{ name: 'agent', image: 'nginx:1.26' }] } } } });
    await s.until(async () => ((await kubectlGet(s, 'daemonsets agent')).match(/agent\s+2\s+2\s+2\s+0\s+2/) ? true : undefined));
    await s.advance(5000);
    const images = async () => (await podsOf(s, 'agent')).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0]?.image).sort();
    expect(await images()).toEqual(['nginx:1.25', 'nginx:1.25']);
    const victim = (await podsOf(s, 'agent'))[0];
    await s.client.delete(ref('pods', 'default', victim?.metadata.name));
    await s.until(async () => ((await images()).join() === 'nginx:1.25,nginx:1.26' ? true : undefined));
    await s.until(async () => ((await kubectlGet(s, 'daemonsets agent')).match(/agent\s+2\s+2\s+2\s+1\s+2/) ? true : undefined));
    s.stop();
  });

  it('with maxSurge, starts the new pod beside the old one and removes the old one once the new one is ready', async () => {
    const s = await scenario({ workers: 2 });
    await s.client.create(DS, { ...daemonSet('agent'), spec: { ...daemonSet('agent').spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } } });
    await s.until(async () => ((await kubectlGet(s, 'daemonsets agent')).match(/agent\s+2\s+2\s+2\s+2\s+2/) ? true : undefined));
    await s.client.patch({ ...DS, name: 'agent' }, { spec: { template: { spec: { containers: [{ name: 'agent', image: 'nginx:1.26' }] } } } });
    let minReady = 2;
    let maxOnOneNode = 1;
    await s.until(async () => {
      const pods = (await podsOf(s, 'agent')).filter((p) => !p.metadata.deletionTimestamp);
      const ready = pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
      minReady = Math.min(minReady, ready.length);
      const perNode = new Map<string, number>();
      for (const p of pods) perNode.set(p.spec.nodeName ?? '', (perNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
      maxOnOneNode = Math.max(maxOnOneNode, ...perNode.values());
      return (pods.length === 2 && ready.length === 2 && pods.every((p) => p.spec.containers[0]?.image === 'nginx:1.26')) || undefined;
    });
    // No node was ever without a ready pod, and a node briefly ran the old and the new pod together.
    expect(minReady).toBe(2);
    expect(maxOnOneNode).toBe(2);
    s.stop();
  });
});
