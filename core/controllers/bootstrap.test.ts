import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/clock';
import { Cluster } from '../cluster';
import type { KubeObject, Service } from '../api/types';
import { allocateClusterIP, inServiceRange } from '../apiserver/resources/service-alloc';
import { KUBERNETES_SERVICE_IP } from './bootstrap';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the API server\'s own Service', () => {
  it('is created at start in default as kube-apiserver creates it: 10.96.0.1, 443 → 6443, labeled', async () => {
    const cluster = new Cluster({ clock: new ManualClock(Date.parse('2026-01-01T00:00:00Z')), seed: 1, workers: 1 });
    await cluster.start();
    const client = cluster.client();
    const svc = await client.get<Service>({ resource: 'services', namespace: 'default', name: 'kubernetes' });
    expect(svc.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' });
    expect(svc.spec.selector).toBeUndefined();
    const ep = (await client.get<KubeObject>({ resource: 'endpoints', namespace: 'default', name: 'kubernetes' })) as Obj;
    expect(ep['subsets']).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    const slice = (await client.get<KubeObject>({ group: 'discovery.k8s.io', resource: 'endpointslices', namespace: 'default', name: 'kubernetes' })) as Obj;
    expect(slice['metadata'].labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect([slice['addressType'], slice['endpoints'], slice['ports']]).toEqual(['IPv4', [{ addresses: ['172.18.0.2'], conditions: { ready: true } }], [{ name: 'https', port: 6443, protocol: 'TCP' }]]);
    cluster.stop();
  });

  it('keeps its address out of the allocator: dynamic cluster IPs start at 10.96.1.1', () => {
    expect(inServiceRange(KUBERNETES_SERVICE_IP)).toBe(true);
    expect(allocateClusterIP(() => 0)).toBe('10.96.1.1');
    expect(allocateClusterIP((max) => max - 1)).toBe('10.111.255.254');
    const seen = new Set<string>();
    for (let n = 0; n < 5000; n++) seen.add(allocateClusterIP((max) => (n * 7919) % max));
    expect(seen.has(KUBERNETES_SERVICE_IP)).toBe(false);
  });
});
