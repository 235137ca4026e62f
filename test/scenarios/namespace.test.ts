import { describe, expect, it } from 'vitest';
import { isStatusError } from '../../core/api/status';
import type { ConfigMap, KubeObject, Namespace, ReplicaSet } from '../../core/api/types';
import type { ResourceRef } from '../../core/client/client';
import { ref, scenario, type Scenario } from './harness';

async function createNamespace(s: Scenario, name: string): Promise<void> {
  await s.client.create<Namespace>({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

async function namespaceRow(s: Scenario, name: string): Promise<string | undefined> {
  const { out } = await s.kubectl('kubectl get ns');
  return out.split('\n').find((l) => l.startsWith(`${name} `));
}

async function count(s: Scenario, r: ResourceRef): Promise<number> {
  return (await s.client.list<KubeObject>(r)).items.length;
}

function condition(ns: Namespace | undefined, type: string) {
  return ns?.status?.conditions?.find((c) => c.type === type);
}

async function getNamespace(s: Scenario, name: string): Promise<Namespace | undefined> {
  try {
    return await s.client.get<Namespace>({ resource: 'namespaces', name });
  } catch (e) {
    if (isStatusError(e, 'NotFound')) return undefined;
    throw e;
  }
}

describe('namespace controller', () => {
  it('deletes everything in a deleted namespace: Terminating while pods stop, then gone', async () => {
    const s = await scenario();
    await createNamespace(s, 'shop');
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    };
    await s.client.create(ref('replicasets', 'shop', undefined, 'apps', 'v1'), rs);
    await s.client.create(ref('pods', 'shop'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await s.client.create(ref('configmaps', 'shop'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { color: 'blue' } } as ConfigMap);
    await s.client.create(ref('secrets', 'shop'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, stringData: { key: 'value' } });
    await s.client.create(ref('services', 'shop'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    await s.until(async () => {
      const { out } = await s.kubectl('kubectl get pods -n shop');
      return out.split('\n').filter((l) => l.includes(' Running ')).length === 3 || undefined;
    });
    expect(await namespaceRow(s, 'shop')).toMatch(/^shop\s+Active\s+\d+s$/);

    await s.client.delete({ resource: 'namespaces', name: 'shop' });
    expect(await namespaceRow(s, 'shop')).toMatch(/^shop\s+Terminating\s+\d+s$/);
    // While the pods shut down, the namespace says what remains.
    const waiting = await s.until(async () => {
      const ns = await getNamespace(s, 'shop');
      return condition(ns, 'NamespaceContentRemaining')?.status === 'True' ? ns : undefined;
    });
    expect(condition(waiting, 'NamespaceContentRemaining')?.message).toMatch(/^Some resources are remaining: pods\. has \d resource instances$/);
    expect(condition(waiting, 'NamespaceDeletionDiscoveryFailure')).toMatchObject({ status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' });
    expect(condition(waiting, 'NamespaceDeletionContentFailure')).toMatchObject({ status: 'False', reason: 'ContentDeleted' });
    expect(condition(waiting, 'NamespaceFinalizersRemaining')).toMatchObject({ status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' });
    expect(await namespaceRow(s, 'shop')).toMatch(/^shop\s+Terminating\s/);

    await s.until(async () => ((await namespaceRow(s, 'shop')) === undefined ? true : undefined), 120_000);
    for (const r of ['pods', 'configmaps', 'secrets', 'services', 'serviceaccounts', 'endpoints']) expect(await count(s, ref(r, 'shop'))).toBe(0);
    expect(await count(s, ref('replicasets', 'shop', undefined, 'apps', 'v1'))).toBe(0);
    expect((await s.kubectl('kubectl get pods -n shop')).err).toBe('No resources found in shop namespace.\n');
    s.stop();
  });

  it('waits for objects held by finalizers and says which finalizers remain', async () => {
    const s = await scenario();
    await createNamespace(s, 'held');
    await s.client.create(ref('configmaps', 'held'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep', finalizers: ['example.com/hold'] }, data: {} } as ConfigMap);
    await s.client.delete({ resource: 'namespaces', name: 'held' });
    const ns = await s.until(async () => {
      const n = await getNamespace(s, 'held');
      return condition(n, 'NamespaceFinalizersRemaining')?.status === 'True' ? n : undefined;
    });
    expect(condition(ns, 'NamespaceFinalizersRemaining')).toMatchObject({ reason: 'SomeFinalizerRemain', message: 'Some finalizers are remaining: example.com/hold in 1 resource instances' });
    expect(condition(ns, 'NamespaceContentRemaining')).toMatchObject({ reason: 'SomeResourcesRemain', message: 'Some resources are remaining: configmaps. has 1 resource instances' });
    await s.advance(60_000, 1000);
    expect(await namespaceRow(s, 'held')).toMatch(/^held\s+Terminating\s/);

    await s.client.patch(ref('configmaps', 'held', 'keep'), { metadata: { finalizers: null } }, 'application/merge-patch+json');
    await s.until(async () => ((await getNamespace(s, 'held')) ? undefined : true), 60_000);
    expect(await namespaceRow(s, 'held')).toBeUndefined();
    s.stop();
  });
});
