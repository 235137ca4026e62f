import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet, ReplicationController } from '../../core/api/types';
import type { Table } from '../../core/apiserver/table';
import { ref, scenario, type Scenario } from './harness';

const RS = ref('replicasets', 'default', undefined, 'apps', 'v1');
const PODS = ref('pods', 'default');

function replicaSet(name: string, replicas: number, extra: Partial<ReplicaSet['spec']> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name, tier: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } }, ...extra },
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

/** `kubectl get` of any path as the real kubectl prints it (the bundled shell knows core/v1 types only). */
async function get(s: Scenario, path: string): Promise<string> {
  const res = await s.cluster.handle({ method: 'GET', path, query: {}, headers: { accept: TABLE_ACCEPT }, user: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
  if ('stream' in res) throw new Error('unexpected stream');
  return printTable(res.body as Table);
}

/** The NAME and STATUS columns of `kubectl get pods`. */
async function podRows(s: Scenario): Promise<[string, string][]> {
  const { out } = await s.kubectl('kubectl get pods');
  return out
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.split(/\s+/);
      return [cols[0] as string, cols[2] as string];
    });
}

/** Waits until exactly `n` pods are listed and all are Running; answers their names. */
async function runningPods(s: Scenario, n: number): Promise<string[]> {
  return s.until(async () => {
    const rows = await podRows(s);
    return rows.length === n && rows.every(([, st]) => st === 'Running') ? rows.map(([name]) => name) : undefined;
  });
}

describe('ReplicaSet controller', () => {
  it('runs 3 pods for a ReplicaSet of 3 and replaces a deleted pod with a new one', async () => {
    const s = await scenario();
    await s.client.create(RS, replicaSet('web', 3));
    const names = await runningPods(s, 3);
    for (const n of names) expect(n).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const table = await get(s, '/apis/apps/v1/namespaces/default/replicasets');
    expect(table).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\n/);
    expect(table).toMatch(/\nweb\s+3\s+3\s+3\s+\d+s\n/);
    const rs = await s.client.get<ReplicaSet>({ ...RS, name: 'web' });
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });

    const victim = names[0] as string;
    await s.client.delete({ ...PODS, name: victim });
    const after = await s.until(async () => {
      const rows = await podRows(s);
      return rows.length === 3 && !rows.some(([n]) => n === victim) && rows.every(([, st]) => st === 'Running') ? rows.map(([n]) => n) : undefined;
    });
    const fresh = after.filter((n) => !names.includes(n));
    expect(fresh).toHaveLength(1);
    const events = (await s.kubectl('kubectl get events')).out;
    expect(events).toMatch(new RegExp(`Normal\\s+SuccessfulCreate\\s+replicaset/web\\s+Created pod: ${fresh[0]}`));
    for (const n of names) expect(events).toMatch(new RegExp(`SuccessfulCreate\\s+replicaset/web\\s+Created pod: ${n}`));
    const pod = await s.client.get<Pod>({ ...PODS, name: fresh[0] as string });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    s.stop();
  });

  it('scales up to 5 and back to 2, deleting the pods not yet running first', async () => {
    const s = await scenario();
    await s.client.create(RS, replicaSet('web', 3));
    const original = await runningPods(s, 3);
    await s.client.patch({ ...RS, name: 'web' }, { spec: { replicas: 5 } }, 'application/merge-patch+json');
    // A moment later the two new pods exist but are not running yet.
    const five = await s.until(async () => {
      const rows = await podRows(s);
      return rows.length === 5 ? rows : undefined;
    });
    const added = five.map(([n]) => n).filter((n) => !original.includes(n));
    expect(added).toHaveLength(2);
    expect(five.filter(([n]) => added.includes(n)).every(([, st]) => st !== 'Running')).toBe(true);
    await s.client.patch({ ...RS, name: 'web' }, { spec: { replicas: 2 } }, 'application/merge-patch+json');
    const left = await runningPods(s, 2);
    for (const n of left) expect(original).toContain(n);
    const events = (await s.kubectl('kubectl get events')).out;
    for (const n of added) expect(events).toMatch(new RegExp(`Normal\\s+SuccessfulDelete\\s+replicaset/web\\s+Deleted pod: ${n}`));
    expect((events.match(/SuccessfulDelete/g) ?? []).length).toBe(3);
    expect(await get(s, '/apis/apps/v1/namespaces/default/replicasets/web')).toMatch(/\nweb\s+2\s+2\s+2\s+/);
    s.stop();
  });

  it('adopts an orphan pod whose labels match, and releases and replaces a pod relabelled out', async () => {
    const s = await scenario();
    const orphan: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
    await s.client.create(PODS, orphan);
    await s.until(async () => (await podRows(s)).some(([n, st]) => n === 'stray' && st === 'Running') || undefined);
    await s.client.create(RS, replicaSet('web', 3));
    const names = await runningPods(s, 3);
    expect(names).toContain('stray');
    const rs = await s.client.get<ReplicaSet>({ ...RS, name: 'web' });
    const adopted = await s.client.get<Pod>({ ...PODS, name: 'stray' });
    expect(adopted.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true });
    // Only two pods were created: the third replica is the adopted one.
    expect(((await s.kubectl('kubectl get events')).out.match(/SuccessfulCreate/g) ?? []).length).toBe(2);
    // fullyLabeledReplicas counts pods with every template label: the adopted pod lacks tier=web.
    expect((await s.client.get<ReplicaSet>({ ...RS, name: 'web' })).status?.fullyLabeledReplicas).toBe(2);

    await s.client.patch({ ...PODS, name: 'stray' }, { metadata: { labels: { app: 'debug' } } });
    const four = await s.until(async () => {
      const rows = await podRows(s);
      return rows.length === 4 && rows.every(([, st]) => st === 'Running') ? rows.map(([n]) => n) : undefined;
    });
    expect(four).toContain('stray');
    const released = await s.client.get<Pod>({ ...PODS, name: 'stray' });
    expect(released.metadata.ownerReferences ?? []).toEqual([]);
    const selected = await s.client.list<Pod>(PODS, { labelSelector: 'app=web' });
    expect(selected.items.map((p) => p.metadata.name)).not.toContain('stray');
    expect(selected.items).toHaveLength(3);
    s.stop();
  });

  it('reconciles nothing while the controller manager is stopped, and makes no extra pods when it comes back', async () => {
    const s = await scenario();
    await s.client.create(RS, replicaSet('web', 2));
    const names = await runningPods(s, 2);
    s.cluster.controllerManager.stop();
    await s.client.delete({ ...PODS, name: names[0] as string });
    await s.advance(5000);
    expect(await podRows(s)).toEqual([[names[1], 'Running']]);
    await s.cluster.controllerManager.start();
    const after = await runningPods(s, 2);
    expect(after).toContain(names[1]);
    await s.advance(5000);
    expect(await podRows(s)).toHaveLength(2);
    s.stop();
  });

  it('replays identically from a seed: the same pod names, the same cluster', async () => {
    const run = async () => {
      const s = await scenario({ seed: 42 });
      await s.client.create(RS, replicaSet('web', 4));
      const names = await runningPods(s, 4);
      await s.client.patch({ ...RS, name: 'web' }, { spec: { replicas: 1 } }, 'application/merge-patch+json');
      await runningPods(s, 1);
      const dump = JSON.stringify(s.dump());
      s.stop();
      return { names, dump };
    };
    const a = await run();
    const b = await run();
    expect(b.names).toEqual(a.names);
    expect(b.dump).toBe(a.dump);
  });

  it('counts pods available only after minReadySeconds', async () => {
    const s = await scenario();
    await s.client.create(RS, replicaSet('slow', 2, { minReadySeconds: 20 }));
    await runningPods(s, 2);
    const rs = await s.client.get<ReplicaSet>({ ...RS, name: 'slow' });
    expect(rs.status?.readyReplicas).toBe(2);
    expect(rs.status?.availableReplicas).toBeUndefined();
    await s.advance(22_000, 500);
    expect((await s.client.get<ReplicaSet>({ ...RS, name: 'slow' })).status?.availableReplicas).toBe(2);
    s.stop();
  });

  it('reports FailedCreate with the quota message and a ReplicaFailure condition until the quota allows the pods', async () => {
    const s = await scenario();
    await s.client.create(ref('resourcequotas', 'default'), { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'pods' }, spec: { hard: { pods: '2' } } });
    await s.until(async () => (await s.client.get<{ status?: { hard?: object } } & Pod>(ref('resourcequotas', 'default', 'pods'))).status?.hard || undefined);
    await s.client.create(RS, replicaSet('web', 3));
    await runningPods(s, 2);
    const failure = await s.until(async () => (await s.client.get<ReplicaSet>({ ...RS, name: 'web' })).status?.conditions?.find((c) => c.type === 'ReplicaFailure'));
    expect(failure).toMatchObject({ status: 'True', reason: 'FailedCreate' });
    expect(failure.message).toMatch(/^pods "web-[a-z0-9]{5}" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2$/);
    const events = (await s.kubectl('kubectl get events')).out;
    expect(events).toMatch(/Warning\s+FailedCreate\s+replicaset\/web\s+Error creating: pods "web-[a-z0-9]{5}" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2/);

    await s.client.patch(ref('resourcequotas', 'default', 'pods'), { spec: { hard: { pods: '5' } } }, 'application/merge-patch+json');
    await runningPods(s, 3);
    await s.until(async () => ((await s.client.get<ReplicaSet>({ ...RS, name: 'web' })).status?.conditions === undefined ? true : undefined));
    s.stop();
  });
});

describe('ReplicationController', () => {
  it('keeps its replicas like a ReplicaSet, with its own events', async () => {
    const s = await scenario();
    const rc: ReplicationController = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy' },
      spec: { replicas: 2, selector: { app: 'legacy' }, template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    };
    await s.client.create(ref('replicationcontrollers', 'default'), rc);
    const names = await runningPods(s, 2);
    const { out } = await s.kubectl('kubectl get rc');
    expect(out).toMatch(/^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\nlegacy\s+2\s+2\s+2\s+\d+s\n$/);
    await s.client.delete({ ...PODS, name: names[1] as string });
    const after = await s.until(async () => {
      const rows = await podRows(s);
      return rows.length === 2 && !rows.some(([n]) => n === names[1]) && rows.every(([, st]) => st === 'Running') ? rows.map(([n]) => n) : undefined;
    });
    const fresh = after.find((n) => !names.includes(n)) as string;
    const events = (await s.kubectl('kubectl get events')).out;
    expect(events).toMatch(new RegExp(`Normal\\s+SuccessfulCreate\\s+replicationcontroller/legacy\\s+Created pod: ${fresh}`));
    const pod = await s.client.get<Pod>({ ...PODS, name: fresh });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'ReplicationController', name: 'legacy', controller: true, blockOwnerDeletion: true });
    const status = (await s.client.get<ReplicationController>(ref('replicationcontrollers', 'default', 'legacy'))).status;
    expect(status).toMatchObject({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
    s.stop();
  });
});
