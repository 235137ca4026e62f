/**
 * A cluster created with a shape: the nodes register the capacity, labels, taints and zones it
 * names, and the scheduler places pods by them (a zone spread, a request no node can hold).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../core/api/types';
import { ref, scenario } from './harness';

const SHAPE = {
  workers: { cpu: '2', memory: '4Gi' },
  zones: ['zone-a', 'zone-b'],
  nodes: { 'kubelab-worker3': { labels: { accelerator: 'gpu' }, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' as const }] } },
};

describe('a cluster of a chosen shape', () => {
  it('registers the nodes with the capacity, labels, taints and zones of the shape', async () => {
    const s = await scenario({ workers: 3, shape: SHAPE });
    const nodes = await s.kubectl('kubectl get nodes -L topology.kubernetes.io/zone,accelerator --no-headers');
    const zoneOf = (name: string) => nodes.out.split('\n').find((l) => l.startsWith(`${name} `))?.trim().split(/\s+/).slice(5);
    expect(zoneOf('kubelab-control-plane')).toEqual([]);
    expect(zoneOf('kubelab-worker')).toEqual(['zone-a']);
    expect(zoneOf('kubelab-worker2')).toEqual(['zone-b']);
    expect(zoneOf('kubelab-worker3')).toEqual(['zone-a', 'gpu']);
    const capacity = await s.kubectl('kubectl get node kubelab-worker -o jsonpath={.status.capacity.cpu}/{.status.capacity.memory}');
    expect(capacity.out).toBe('2/4194304Ki');
    const taints = await s.kubectl('kubectl get node kubelab-worker3 -o jsonpath={.spec.taints}');
    expect(JSON.parse(taints.out)).toEqual([{ effect: 'NoSchedule', key: 'gpu', value: 'true' }]);
    s.stop();
  });

  it('schedules by the shape: a spread over the zones, and a request no node can hold', async () => {
    const s = await scenario({ workers: 3, shape: SHAPE });
    const spread = { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'spread' } } };
    for (let i = 0; i < 4; i++) {
      await s.client.create(ref('pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: `spread-${i}`, labels: { app: 'spread' } }, spec: { topologySpreadConstraints: [spread], containers: [{ name: 'app', image: 'nginx:1.27' }] } } as Pod);
      await s.advance(500);
    }
    const placed = await s.until(async () => {
      const pods = await s.client.list<Pod>(ref('pods', 'default'), { labelSelector: 'app=spread' });
      return pods.items.every((p) => p.spec?.nodeName) ? pods.items.map((p) => p.spec?.nodeName as string) : undefined;
    });
    const zone = (n: string) => (n === 'kubelab-worker2' ? 'zone-b' : 'zone-a');
    expect(placed.filter((n) => zone(n) === 'zone-a')).toHaveLength(2);
    expect(placed.filter((n) => zone(n) === 'zone-b')).toHaveLength(2);
    expect(placed).not.toContain('kubelab-worker3');

    await s.client.create(ref('pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '3' } } }] } } as Pod);
    const message = await s.until(async () => (await s.client.get<Pod>(ref('pods', 'default', 'big'))).status?.conditions?.find((c) => c.type === 'PodScheduled')?.message);
    expect(message).toMatch(/^0\/4 nodes are available: 1 node\(s\) had untolerated taint \{gpu: true\}, 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 2 Insufficient cpu\. /);
    s.stop();
  });
});
