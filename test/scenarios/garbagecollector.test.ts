import { describe, expect, it } from 'vitest';
import { isStatusError } from '../../core/api/status';
import type { ConfigMap, KubeObject, OwnerReference, Pod, ReplicaSet } from '../../core/api/types';
import type { Table } from '../../core/apiserver/table';
import type { ResourceRef } from '../../core/client/client';
import { ref, scenario, type Scenario } from './harness';

const RS = ref('replicasets', 'default', undefined, 'apps', 'v1');
const PODS = ref('pods', 'default');
const CONFIGMAPS = ref('configmaps', 'default');
const ADMIN = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

function replicaSet(name: string, replicas: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  };
}

/** The Accept header of `kubectl get` (server-side Tables). */
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

/** A Table laid out as `kubectl get` prints it: the priority-0 columns, upper-case headers, 3 spaces of padding. */
function printTable(t: Table): string {
  const cols = t.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => c.priority === 0);
  const rows = [cols.map(({ c }) => c.name.toUpperCase()), ...t.rows.map((r) => cols.map(({ i }) => String(r.cells[i] ?? '')))];
  const widths = cols.map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)) + 3);
  return rows.map((r) => `${r.map((cell, j) => (j === r.length - 1 ? cell : cell.padEnd(widths[j] ?? 0))).join('')}\n`).join('');
}

/** `kubectl get` of any path as the real kubectl prints it. */
async function get(s: Scenario, path: string): Promise<string> {
  const res = await s.cluster.handle({ method: 'GET', path, query: {}, headers: { accept: TABLE_ACCEPT }, user: ADMIN });
  if ('stream' in res) throw new Error('unexpected stream');
  if (res.status >= 400) return `Error from server (${(res.body as { reason: string }).reason})`;
  return printTable(res.body as Table);
}

/** `kubectl delete ... --cascade=background|foreground|orphan`: a DELETE with that propagation policy. */
async function kubectlDelete(s: Scenario, path: string, cascade: 'background' | 'foreground' | 'orphan'): Promise<number> {
  const policy = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan' }[cascade];
  const res = await s.cluster.handle({ method: 'DELETE', path, query: {}, headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: policy }), user: ADMIN });
  return res.status;
}

async function podNames(s: Scenario): Promise<string[]> {
  const { out } = await s.kubectl('kubectl get pods');
  return out.split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => l.split(/\s+/)[0] as string);
}

async function exists(s: Scenario, r: ResourceRef): Promise<KubeObject | undefined> {
  try {
    return await s.client.get<KubeObject>(r);
  } catch (e) {
    if (isStatusError(e, 'NotFound')) return undefined;
    throw e;
  }
}

async function runningReplicaSet(s: Scenario, name: string, n: number): Promise<string[]> {
  await s.client.create(RS, replicaSet(name, n));
  return s.until(async () => {
    const { out } = await s.kubectl('kubectl get pods');
    const rows = out.split('\n').slice(1).filter((l) => l.includes(' Running '));
    return rows.length === n ? rows.map((l) => l.split(/\s+/)[0] as string) : undefined;
  });
}

describe('garbage collector', () => {
  it('deletes the pods of a ReplicaSet deleted in the background (the default)', async () => {
    const s = await scenario();
    await runningReplicaSet(s, 'web', 3);
    expect(await kubectlDelete(s, '/apis/apps/v1/namespaces/default/replicasets/web', 'background')).toBe(200);
    expect(await get(s, '/apis/apps/v1/namespaces/default/replicasets/web')).toBe('Error from server (NotFound)');
    await s.until(async () => ((await s.kubectl('kubectl get pods')).err === 'No resources found in default namespace.\n' ? true : undefined));
    s.stop();
  });

  it('leaves the pods running without owner references when the ReplicaSet is deleted with propagationPolicy=Orphan', async () => {
    const s = await scenario();
    const names = await runningReplicaSet(s, 'web', 3);
    expect(await kubectlDelete(s, '/apis/apps/v1/namespaces/default/replicasets/web', 'orphan')).toBe(200);
    await s.until(async () => ((await exists(s, { ...RS, name: 'web' })) ? undefined : true));
    await s.advance(5000);
    const { out } = await s.kubectl('kubectl get pods');
    for (const n of names) expect(out).toMatch(new RegExp(`\\n${n}\\s+1/1\\s+Running\\s`));
    for (const n of names) expect((await s.client.get<Pod>({ ...PODS, name: n })).metadata.ownerReferences ?? []).toEqual([]);
    s.stop();
  });

  it('keeps a ReplicaSet deleted in the foreground, with its deletionTimestamp, until its pods are gone', async () => {
    const s = await scenario();
    await runningReplicaSet(s, 'web', 3);
    expect(await kubectlDelete(s, '/apis/apps/v1/namespaces/default/replicasets/web', 'foreground')).toBe(200);
    await s.settle();
    const rs = await s.client.get<ReplicaSet>({ ...RS, name: 'web' });
    expect(rs.metadata.deletionTimestamp).toBeDefined();
    expect(rs.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(await get(s, '/apis/apps/v1/namespaces/default/replicasets')).toMatch(/\nweb\s+3\s+/);
    const { out } = await s.kubectl('kubectl get pods');
    expect(out.split('\n').filter((l) => l.includes('Terminating'))).toHaveLength(3);
    // The ReplicaSet stays while any pod is left, and goes after the last one.
    await s.until(async () => {
      const pods = await podNames(s);
      const owner = await exists(s, { ...RS, name: 'web' });
      if (pods.length > 0) expect(owner?.metadata.deletionTimestamp).toBeDefined();
      return owner ? undefined : pods;
    }, 60_000, 50);
    expect(await s.kubectl('kubectl get pods')).toMatchObject({ out: '', err: 'No resources found in default namespace.\n' });
    s.stop();
  });

  it('cascades a foreground deletion two levels down: owner → ReplicaSet (itself in the foreground) → pods', async () => {
    const s = await scenario();
    const app = await s.client.create<ConfigMap>(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: {} } as ConfigMap);
    const rs = replicaSet('web', 2);
    rs.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'app', uid: app.metadata.uid ?? '', blockOwnerDeletion: true }];
    await s.client.create(RS, rs);
    await s.until(async () => ((await s.kubectl('kubectl get pods')).out.split('\n').filter((l) => l.includes(' Running ')).length === 2 ? true : undefined));
    expect(await kubectlDelete(s, '/api/v1/namespaces/default/configmaps/app', 'foreground')).toBe(200);
    const middle = await s.until(async () => {
      const o = await exists(s, { ...RS, name: 'web' });
      return o?.metadata.deletionTimestamp ? o : undefined;
    });
    // The ReplicaSet has dependents of its own: it is deleted in the foreground too.
    expect(middle.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect((await exists(s, { ...CONFIGMAPS, name: 'app' }))?.metadata.finalizers).toEqual(['foregroundDeletion']);
    await s.until(async () => {
      const pods = await podNames(s);
      const owner = await exists(s, { ...CONFIGMAPS, name: 'app' });
      const rsLeft = await exists(s, { ...RS, name: 'web' });
      if (pods.length > 0) expect(rsLeft).toBeDefined();
      if (rsLeft) expect(owner).toBeDefined();
      return owner ? undefined : true;
    }, 60_000, 50);
    expect(await podNames(s)).toEqual([]);
    s.stop();
  });

  it('deletes an object whose only owner is gone, and only drops the reference when another owner remains', async () => {
    const s = await scenario();
    const cm = (name: string, owners: OwnerReference[] = []): ConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(owners.length ? { ownerReferences: owners } : {}) }, data: {} });
    const a = await s.client.create<ConfigMap>(CONFIGMAPS, cm('owner-a'));
    const b = await s.client.create<ConfigMap>(CONFIGMAPS, cm('owner-b'));
    const refTo = (o: ConfigMap): OwnerReference => ({ apiVersion: 'v1', kind: 'ConfigMap', name: o.metadata.name ?? '', uid: o.metadata.uid ?? '' });
    await s.client.create(CONFIGMAPS, cm('only-a', [refTo(a)]));
    await s.client.create(CONFIGMAPS, cm('a-and-b', [refTo(a), refTo(b)]));
    await s.advance(1000);
    await s.client.delete({ ...CONFIGMAPS, name: 'owner-a' });
    await s.until(async () => ((await exists(s, { ...CONFIGMAPS, name: 'only-a' })) ? undefined : true));
    const shared = await s.until(async () => {
      const o = await exists(s, { ...CONFIGMAPS, name: 'a-and-b' });
      return o?.metadata.ownerReferences?.length === 1 ? o : undefined;
    });
    expect(shared.metadata.ownerReferences).toEqual([refTo(b)]);
    const { out } = await s.kubectl('kubectl get configmaps');
    expect(out).toMatch(/\na-and-b\s+0\s+/);
    expect(out).not.toMatch(/only-a/);
    s.stop();
  });

  it('treats an owner in another namespace as absent, with an OwnerRefInvalidNamespace warning', async () => {
    const s = await scenario();
    await s.client.create({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const owner = await s.client.create<ConfigMap>(ref('configmaps', 'other'), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' }, data: {} } as ConfigMap);
    await s.advance(1000);
    const ownerRef: OwnerReference = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid ?? '' };
    await s.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'stray', ownerReferences: [ownerRef] }, data: {} } as ConfigMap);
    await s.until(async () => ((await exists(s, { ...CONFIGMAPS, name: 'stray' })) ? undefined : true));
    const { out } = await s.kubectl('kubectl get events');
    expect(out).toMatch(new RegExp(`Warning\\s+OwnerRefInvalidNamespace\\s+configmap/stray\\s+ownerRef \\[v1/ConfigMap, namespace: default, name: owner, uid: ${owner.metadata.uid ?? ''}\\] does not exist in namespace "default"`));
    expect(await exists(s, ref('configmaps', 'other', 'owner'))).toBeDefined();
    s.stop();
  });

  it('collects dependents of custom resources, found by discovery after their CRD is created', async () => {
    const s = await scenario();
    const crdRef: ResourceRef = { group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' };
    await s.client.create(crdRef, {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
      },
    } as KubeObject);
    await s.advance(2000);
    const widgets: ResourceRef = { group: 'example.com', version: 'v1', resource: 'widgets', namespace: 'default' };
    const w = await s.client.create<KubeObject>(widgets, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'gear' } });
    await s.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'gear-config', ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'gear', uid: w.metadata.uid ?? '' }] }, data: {} } as ConfigMap);
    await s.advance(1000);
    expect(await exists(s, { ...CONFIGMAPS, name: 'gear-config' })).toBeDefined();
    await s.client.delete({ ...widgets, name: 'gear' });
    await s.until(async () => ((await exists(s, { ...CONFIGMAPS, name: 'gear-config' })) ? undefined : true), 30_000);
    s.stop();
  });
});
