import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock/clock';
import { Cluster } from './cluster';
import { isStatusError } from './api/status';
import type { CoreEvent, Pod, ResourceQuota, Role, ServiceAccount } from './api/types';

const START = Date.parse('2026-01-01T00:00:00Z');

/** Lets promise chains settle, advancing the manual clock in steps. */
async function settle(clock: ManualClock, ms: number, step = 100): Promise<void> {
  for (let t = 0; t <= ms; t += step) {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    clock.advance(step);
  }
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

async function newCluster(workers = 1) {
  const clock = new ManualClock(START);
  const cluster = new Cluster({ clock, seed: 5, workers });
  await cluster.start();
  await settle(clock, 300);
  return { clock, cluster, client: cluster.client() };
}

const podSpec = (image = 'nginx') => ({ containers: [{ name: 'nginx', image }] });

describe('a cluster under RBAC and admission', () => {
  it('starts with the bootstrap policy, the system priority classes, the standard class and default service accounts', async () => {
    const { cluster, client } = await newCluster();
    const roles = await client.list<Role>({ group: 'rbac.authorization.k8s.io', resource: 'clusterroles' });
    const names = roles.items.map((r) => r.metadata.name);
    for (const n of ['cluster-admin', 'admin', 'edit', 'view', 'system:kube-scheduler', 'system:node', 'system:controller:namespace-controller']) expect(names).toContain(n);
    expect(roles.items.find((r) => r.metadata.name === 'view')?.rules?.length).toBeGreaterThan(5);
    const pcs = await client.list({ group: 'scheduling.k8s.io', resource: 'priorityclasses' });
    expect(pcs.items.map((p) => p.metadata.name)).toEqual(['system-cluster-critical', 'system-node-critical']);
    expect((await client.get({ group: 'storage.k8s.io', resource: 'storageclasses', name: 'standard' })).metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) expect((await client.get<ServiceAccount>({ resource: 'serviceaccounts', namespace: ns, name: 'default' })).metadata.name).toBe('default');
    cluster.stop();
  });

  it('gives a new namespace its default service account, and recreates it when deleted', async () => {
    const { cluster, client, clock } = await newCluster();
    await client.create({ resource: 'namespaces' }, { metadata: { name: 'dev' } });
    await settle(clock, 200);
    const pod = await client.create<Pod>({ resource: 'pods', namespace: 'dev' }, { metadata: { name: 'web' }, spec: podSpec() });
    expect(pod.spec['serviceAccountName']).toBe('default');
    await client.delete({ resource: 'serviceaccounts', namespace: 'dev', name: 'default' });
    await settle(clock, 200);
    expect((await client.get<ServiceAccount>({ resource: 'serviceaccounts', namespace: 'dev', name: 'default' })).metadata.name).toBe('default');
    cluster.stop();
  });

  it('keeps quota usage counted by the resource quota controller, freeing it when pods go', async () => {
    const { cluster, client, clock } = await newCluster();
    await client.create({ resource: 'resourcequotas', namespace: 'default' }, { metadata: { name: 'q' }, spec: { hard: { pods: '1', 'count/configmaps': '5' } } });
    await settle(clock, 200);
    let q = await client.get<ResourceQuota>({ resource: 'resourcequotas', namespace: 'default', name: 'q' });
    // The namespace already holds one ConfigMap: kube-root-ca.crt, as on a real cluster.
    expect(q.status).toEqual({ hard: { 'count/configmaps': '5', pods: '1' }, used: { 'count/configmaps': '1', pods: '0' } });
    await client.create({ resource: 'pods', namespace: 'default' }, { metadata: { name: 'a' }, spec: podSpec() });
    await client.create({ resource: 'configmaps', namespace: 'default' }, { metadata: { name: 'c' } });
    await settle(clock, 3000);
    q = await client.get<ResourceQuota>({ resource: 'resourcequotas', namespace: 'default', name: 'q' });
    expect(q.status?.used).toEqual({ 'count/configmaps': '2', pods: '1' });
    const refused = await client.create({ resource: 'pods', namespace: 'default' }, { metadata: { name: 'b' }, spec: podSpec() }).catch((e: unknown) => e);
    expect(isStatusError(refused, 'Forbidden')).toBe(true);
    await client.delete({ resource: 'pods', namespace: 'default', name: 'a' }, { gracePeriodSeconds: 0 });
    await settle(clock, 3000);
    q = await client.get<ResourceQuota>({ resource: 'resourcequotas', namespace: 'default', name: 'q' });
    expect(q.status?.used?.['pods']).toBe('0');
    cluster.stop();
  });

  it('aggregates a new aggregate-to-view role into view', async () => {
    const { cluster, client, clock } = await newCluster();
    const rule = { apiGroups: ['example.com'], resources: ['widgets'], verbs: ['get', 'list', 'watch'] };
    await client.create({ group: 'rbac.authorization.k8s.io', resource: 'clusterroles' }, { metadata: { name: 'widget-viewer', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }, rules: [rule] } as Role);
    await settle(clock, 300);
    for (const name of ['view', 'edit', 'admin']) expect((await client.get<Role>({ group: 'rbac.authorization.k8s.io', resource: 'clusterroles', name })).rules).toContainEqual(rule);
    cluster.stop();
  });
});

describe('events of a pod', () => {
  it('records Scheduled, Pulling, Pulled, Created and Started, then Killing', async () => {
    const { cluster, client, clock } = await newCluster();
    await client.create({ resource: 'pods', namespace: 'default' }, { metadata: { name: 'web' }, spec: podSpec() });
    await settle(clock, 3000);
    const events = async () => (await client.list<CoreEvent>({ resource: 'events', namespace: 'default' }, { fieldSelector: 'involvedObject.name=web' })).items;
    const list = await events();
    expect(list.map((e) => e.reason)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    expect(list[0]).toMatchObject({ message: 'Successfully assigned default/web to kubelab-worker', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-kubelab-control-plane', action: 'Binding', type: 'Normal' });
    expect(list[1]).toMatchObject({ message: 'Pulling image "nginx"', source: { component: 'kubelet', host: 'kubelab-worker' }, involvedObject: { fieldPath: 'spec.containers{nginx}' } });
    expect(list[2]?.message).toMatch(/^Successfully pulled image "nginx" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72099501 bytes\.$/);
    expect(list.slice(3).map((e) => e.message)).toEqual(['Created container: nginx', 'Started container nginx']);
    await client.create({ resource: 'pods', namespace: 'default' }, { metadata: { name: 'again' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } });
    await settle(clock, 3000);
    await client.delete({ resource: 'pods', namespace: 'default', name: 'web' });
    await settle(clock, 500);
    expect((await events()).map((e) => [e.reason, e.message]).slice(-1)).toEqual([['Killing', 'Stopping container nginx']]);
    cluster.stop();
  });

  it('records FailedScheduling as a Warning whose repeats make a series', async () => {
    const { cluster, client, clock } = await newCluster(0);
    await client.create({ resource: 'pods', namespace: 'default' }, { metadata: { name: 'lonely' }, spec: podSpec() });
    await settle(clock, 660_000, 500); // unschedulable pods are retried after 5 min without a cluster event
    // (kube-proxy's Starting events about the nodes are there too.)
    const list = (await client.list<CoreEvent>({ resource: 'events', namespace: 'default' })).items.filter((e) => e.involvedObject.kind === 'Pod');
    // The first attempt marks the pod unschedulable (a new resourceVersion of the regarding
    // object): the later attempts, about the same version, are one series — as in kube.
    expect(list.map((e) => e.series?.count)).toEqual([undefined, 2]);
    expect(list[1]).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', action: 'Scheduling' });
    expect(list[1]?.message).toBe('0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..');
    cluster.stop();
  });
});
