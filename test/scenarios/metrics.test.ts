/**
 * The resource metrics API (`metrics.k8s.io/v1beta1`) as `kubectl top` uses it: discovery
 * advertises the group, `kubectl top node` lists NodeMetrics (and reads the nodes' allocatable),
 * `kubectl top pod` lists PodMetrics of a namespace, with a label selector or by name, from
 * what the kubelets report their containers use.
 */
import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../core/api/types';
import { ManualClock } from '../../core/clock/clock';
import { Random } from '../../core/clock/random';
import { ApiServer } from '../../core/apiserver/handler';
import { Store } from '../../core/storage/store';
import { ref, scenario, type Scenario, SCENARIO_START } from './harness';

const ADMIN = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

async function get(s: Scenario, path: string, query: Record<string, string> = {}, accept = 'application/json'): Promise<{ status: number; body: unknown }> {
  const res = await s.cluster.handle({ method: 'GET', path, query, headers: { accept }, user: ADMIN });
  if ('stream' in res) throw new Error('unexpected stream');
  return { status: res.status, body: res.body };
}

interface MetricsList<T> {
  kind: string;
  apiVersion: string;
  items: T[];
}
type NodeMetrics = KubeObject & { timestamp: string; window: string; usage: { cpu: string; memory: string } };
type PodMetrics = KubeObject & { timestamp: string; window: string; containers: { name: string; usage: { cpu: string; memory: string } }[] };

const CPU = /^(\d+n|\d+u|\d+m|\d+)$/;
const MEMORY = /^(\d+Ki|\d+Mi|\d+)$/;

describe('metrics.k8s.io/v1beta1', () => {
  it('is advertised in discovery with NodeMetrics and PodMetrics, get and list', async () => {
    const s = await scenario();
    const groups = (await get(s, '/apis')).body as { groups: { name: string; preferredVersion: { groupVersion: string } }[] };
    expect(groups.groups.find((g) => g.name === 'metrics.k8s.io')?.preferredVersion.groupVersion).toBe('metrics.k8s.io/v1beta1');
    const list = (await get(s, '/apis/metrics.k8s.io/v1beta1')).body as { resources: { name: string; kind: string; namespaced: boolean; verbs: string[] }[] };
    expect(list.resources.map((r) => [r.name, r.kind, r.namespaced, r.verbs])).toEqual([
      ['nodes', 'NodeMetrics', false, ['get', 'list']],
      ['pods', 'PodMetrics', true, ['get', 'list']],
    ]);
    s.stop();
  });

  it('answers kubectl top node: one NodeMetrics per node, CPU in nanocores, memory in Ki, a 20 s window', async () => {
    const s = await scenario();
    const res = await get(s, '/apis/metrics.k8s.io/v1beta1/nodes');
    expect(res.status).toBe(200);
    const list = res.body as MetricsList<NodeMetrics>;
    expect(list.kind).toBe('NodeMetricsList');
    expect(list.apiVersion).toBe('metrics.k8s.io/v1beta1');
    expect(list.items.map((n) => n.metadata.name)).toEqual(['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2']);
    for (const n of list.items) {
      expect(n.usage.cpu).toMatch(CPU);
      expect(n.usage.memory).toMatch(MEMORY);
      expect(n.window).toBe('20s');
      expect(Date.parse(n.timestamp)).toBeLessThanOrEqual(s.clock.now());
      expect(s.clock.now() - Date.parse(n.timestamp)).toBeLessThan(15_000);
      expect(n.metadata.labels?.['kubernetes.io/hostname']).toBe(n.metadata.name);
    }
    const one = (await get(s, '/apis/metrics.k8s.io/v1beta1/nodes/kubelab-worker')).body as NodeMetrics;
    expect(one).toMatchObject({ kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name: 'kubelab-worker' }, window: '20s' });
    const missing = await get(s, '/apis/metrics.k8s.io/v1beta1/nodes/nope');
    expect(missing).toMatchObject({ status: 404, body: { reason: 'NotFound', message: 'nodes "nope" not found' } });
    s.stop();
  });

  it('answers kubectl top pod: the PodMetrics of the running pods of a namespace, by label or by name', async () => {
    const s = await scenario();
    await s.client.create(ref('pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } as Pod);
    await s.client.create(ref('pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db', labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'redis:7' }, { name: 'exporter', image: 'busybox:1.36', command: ['sleep', '3600'] }] } } as Pod);
    await s.until(async () => {
      const pods = await s.client.list<Pod>(ref('pods', 'default'));
      return pods.items.length === 2 && pods.items.every((p) => p.status?.phase === 'Running') ? true : undefined;
    });
    const all = (await get(s, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods')).body as MetricsList<PodMetrics>;
    expect(all.kind).toBe('PodMetricsList');
    expect(all.items.map((p) => p.metadata.name)).toEqual(['db', 'web']);
    const db = all.items[0] as PodMetrics;
    expect(db.metadata).toMatchObject({ name: 'db', namespace: 'default', labels: { app: 'db' } });
    expect(db.window).toBe('10s');
    expect(db.containers.map((c) => c.name)).toEqual(['db', 'exporter']);
    for (const c of db.containers) {
      expect(c.usage.cpu).toMatch(CPU);
      expect(c.usage.memory).toMatch(MEMORY);
    }
    const byLabel = (await get(s, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods', { labelSelector: 'app=web' })).body as MetricsList<PodMetrics>;
    expect(byLabel.items.map((p) => p.metadata.name)).toEqual(['web']);
    const web = (await get(s, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web')).body as PodMetrics;
    expect(web).toMatchObject({ kind: 'PodMetrics', metadata: { name: 'web', namespace: 'default' } });
    // Every namespace (kubectl top pod -A).
    const everywhere = (await get(s, '/apis/metrics.k8s.io/v1beta1/pods')).body as MetricsList<PodMetrics>;
    expect(everywhere.items.some((p) => p.metadata.namespace === 'kube-system' && p.metadata.name === 'etcd-kubelab-control-plane')).toBe(true);
    expect(await get(s, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope')).toMatchObject({ status: 404, body: { message: 'pods "nope" not found' } });
    // The server prints a Table for `kubectl get podmetrics`.
    const table = (await get(s, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods', {}, 'application/json;as=Table;v=v1;g=meta.k8s.io')).body as { columnDefinitions: { name: string }[]; rows: { cells: unknown[] }[] };
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'CPU', 'Memory', 'Window']);
    expect(table.rows.map((r) => r.cells[0])).toEqual(['db', 'web']);
    // No watch: metrics-server has none.
    expect((await get(s, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods', { watch: 'true' })).status).toBe(405);
    s.stop();
  });

  it('answers 503 ServiceUnavailable without a usage source, as an unavailable aggregated API', async () => {
    const clock = new ManualClock(SCENARIO_START);
    const api = new ApiServer({ store: new Store(), clock, random: new Random(1) });
    const res = await api.handle({ method: 'GET', path: '/apis/metrics.k8s.io/v1beta1/nodes', query: {}, headers: { accept: 'application/json' } });
    expect(res).toMatchObject({ status: 503, body: { kind: 'Status', status: 'Failure', reason: 'ServiceUnavailable', code: 503, message: 'the server is currently unable to handle the request' } });
  });
});
