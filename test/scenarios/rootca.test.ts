import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../core/api/types';
import { scenario } from './harness';

describe('root CA certificate publisher', () => {
  it('publishes kube-root-ca.crt in every namespace and restores it when deleted or changed', async () => {
    const s = await scenario({ workers: 0 });
    await s.client.create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    await s.advance(2000);
    const out = await s.kubectl('kubectl get configmaps -n team');
    expect(out.out).toMatch(/^kube-root-ca\.crt\s+1\s+/m);
    const ref = { resource: 'configmaps', namespace: 'team', name: 'kube-root-ca.crt' };
    const cm = await s.client.get<ConfigMap>(ref);
    expect(cm.data?.['ca.crt']).toContain('-----BEGIN CERTIFICATE-----');
    expect(cm.metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);
    await s.client.update<ConfigMap>(ref, { ...cm, data: { 'ca.crt': 'tampered' } });
    await s.advance(1000);
    expect((await s.client.get<ConfigMap>(ref)).data?.['ca.crt']).toBe(cm.data?.['ca.crt']);
    await s.client.delete(ref);
    await s.advance(1000);
    expect((await s.client.get<ConfigMap>(ref)).data?.['ca.crt']).toBe(cm.data?.['ca.crt']);
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) expect((await s.client.get<ConfigMap>({ ...ref, namespace: ns })).metadata.name).toBe('kube-root-ca.crt');
    s.stop();
  });
});
