import { describe, expect, it } from 'vitest';
import type { Pod } from '../../core/api/types';
import { ApiServerDownError } from '../../core/faults';
import { scenario } from './harness';

const pod = (name: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

describe('faults', () => {
  it('a stopped scheduler leaves new pods Pending until it is started again', async () => {
    const s = await scenario();
    await s.cluster.stopComponent('kube-scheduler');
    const cs = await s.kubectl('kubectl get componentstatuses');
    expect(cs.out).toMatch(/scheduler\s+Unhealthy\s+Get "https:\/\/127\.0\.0\.1:10259\/healthz": dial tcp 127\.0\.0\.1:10259: connect: connection refused/);
    await s.client.create({ resource: 'pods', namespace: 'default' }, pod('waiting'));
    await s.advance(30_000, 1000);
    const out = await s.kubectl('kubectl get pods');
    expect(out.out).toMatch(/^waiting\s+0\/1\s+Pending\s+0\s+/m);
    const p = await s.client.get<Pod>({ resource: 'pods', namespace: 'default', name: 'waiting' });
    expect(p.spec.nodeName).toBeUndefined();
    await s.cluster.startComponent('kube-scheduler');
    await s.until(async () => (await s.client.get<Pod>({ resource: 'pods', namespace: 'default', name: 'waiting' })).status?.phase === 'Running' || undefined, 60_000);
    expect((await s.kubectl('kubectl get componentstatuses')).out).toMatch(/scheduler\s+Healthy\s+ok/);
    s.stop();
  });

  it('a stopped API server refuses requests; a stopped etcd fails those that need storage', async () => {
    const s = await scenario({ workers: 1 });
    await s.cluster.stopComponent('kube-apiserver');
    await expect(s.client.list({ resource: 'pods', namespace: 'default' })).rejects.toBeInstanceOf(ApiServerDownError);
    expect(s.cluster.components().controlPlane['kube-apiserver']).toBe('Stopped');
    await s.cluster.startComponent('kube-apiserver');
    await s.cluster.stopComponent('etcd');
    const r = await s.kubectl('kubectl get pods');
    expect(r.err).toBe('Error from server: etcdserver: request timed out\n');
    await s.cluster.startComponent('etcd');
    // The components' informers relist after the outage: a new pod still gets scheduled and runs.
    await s.client.create({ resource: 'pods', namespace: 'default' }, pod('after'));
    await s.until(async () => (await s.client.get<Pod>({ resource: 'pods', namespace: 'default', name: 'after' })).status?.phase === 'Running' || undefined, 60_000);
    s.stop();
  });

  it('a stopped controller manager stops reconciling: no default ServiceAccount in a new namespace until it restarts', async () => {
    const s = await scenario({ workers: 1 });
    await s.cluster.stopComponent('kube-controller-manager');
    await s.client.create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    await s.advance(10_000, 1000);
    expect((await s.kubectl('kubectl get serviceaccounts -n team')).err).toBe('No resources found in team namespace.\n');
    await s.cluster.startComponent('kube-controller-manager');
    await s.advance(2000);
    expect((await s.kubectl('kubectl get serviceaccounts -n team')).out).toMatch(/^default\s+0\s+/m);
    s.stop();
  });

  it('records API writes and faults on the trace stream', async () => {
    const s = await scenario({ workers: 1 });
    const from = s.cluster.trace.since().at(-1)?.seq ?? 0;
    await s.client.create({ resource: 'pods', namespace: 'default' }, pod('traced'));
    await s.cluster.stopComponent('kube-scheduler');
    const events = s.cluster.trace.since(from);
    expect(events.some((e) => e.component === 'kube-apiserver' && e.object === '/api/v1/namespaces/default/pods')).toBe(true);
    expect(events.some((e) => e.component === 'etcd' && e.action === 'write')).toBe(true);
    expect(events.some((e) => e.component === 'lab' && e.object === 'kube-scheduler' && e.action === 'stop')).toBe(true);
    s.stop();
  });
});
