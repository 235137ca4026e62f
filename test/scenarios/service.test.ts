/**
 * Services as a student meets them: the Endpoints and EndpointSlices the controllers write,
 * kube-proxy spreading requests over the pods (round robin here, see core/network/network.ts),
 * session affinity, node ports on every node, a service losing its pods, a stopped kube-proxy
 * whose rules stay, and cluster DNS (every name form, headless services, StatefulSet-style
 * hostnames, coredns scaled to zero).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject, Pod, Service } from '../../core/api/types';
import type { Table } from '../../core/apiserver/table';
import { TABLE_ACCEPT } from '../../core/shell/engine';
import { printTable } from '../../core/shell/printer';
import { ref, scenario, type Scenario } from './harness';

let s: Scenario | undefined;
afterEach(() => s?.stop());

const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' };

/** A pod serving HTTP on its named port `http` (80); `extra` adds spec fields. */
async function createPod(t: Scenario, name: string, labels: Record<string, string>, extra: Record<string, unknown> = {}, namespace = 'default'): Promise<void> {
  await t.client.create(ref('pods', namespace), {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }], ...extra },
  } as Pod);
}

/** Waits until the pods run with an IP; returns their IPs by name. */
async function running(t: Scenario, names: string[], namespace = 'default'): Promise<Record<string, string>> {
  return t.until(async () => {
    const out: Record<string, string> = {};
    for (const n of names) {
      const p = await t.client.get<Pod>(ref('pods', namespace, n));
      if (p.status?.phase !== 'Running' || !p.status.podIP) return undefined;
      out[n] = p.status.podIP;
    }
    return out;
  });
}

/** What the containers would serve: an HTTP listener on each pod's port 80 (the runtime's nginx, when it runs one, answers the same way). */
function serve(t: Scenario, ips: Record<string, string>): void {
  for (const [name, ip] of Object.entries(ips)) t.cluster.networking.network.listen(ip, 80, { http: () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: `hello from ${name}\n` }) });
}

/** Three web pods, a client pod (busybox) and the `web` Service; waits for coredns and the endpoints. */
async function webService(t: Scenario, spec: Partial<Service['spec']> = {}): Promise<Record<string, string>> {
  for (const n of ['web-0', 'web-1', 'web-2']) await createPod(t, n, { app: 'web' });
  await t.client.create(ref('pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', labels: { role: 'client' } }, spec: { containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '86400'] }] } } as Pod);
  await t.client.create(ref('services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }], ...spec } } as Service);
  const ips = await running(t, ['web-0', 'web-1', 'web-2']);
  await running(t, ['client']);
  serve(t, ips);
  await corednsRunning(t);
  // The EndpointSlice lists the three pods; kube-proxy programs it within its minSyncPeriod (1 s).
  await t.until(async () => {
    const slices = await t.client.list<KubeObject & { endpoints?: unknown[] }>({ group: 'discovery.k8s.io', resource: 'endpointslices', namespace: 'default' }, { labelSelector: 'kubernetes.io/service-name=web' });
    return slices.items.reduce((n, x) => n + (x.endpoints?.length ?? 0), 0) === 3 ? true : undefined;
  });
  await t.advance(1500);
  return ips;
}

async function corednsRunning(t: Scenario): Promise<void> {
  await t.until(async () => {
    const pods = await t.client.list<Pod>(ref('pods', 'kube-system'), { labelSelector: 'k8s-app=kube-dns' });
    return pods.items.some((p) => p.status?.phase === 'Running') ? true : undefined;
  });
}

function sortedIPs(ips: Record<string, string>): string[] {
  return Object.values(ips).sort((a, b) => a.split('.').map(Number).reduce((d, x, i) => d || x - Number(b.split('.')[i]), 0));
}

async function sliceTable(t: Scenario): Promise<string> {
  const res = await t.cluster.handle({ method: 'GET', path: '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices', query: {}, headers: { accept: TABLE_ACCEPT }, user: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
  if ('stream' in res) throw new Error('unexpected stream');
  return printTable(res.body as Table);
}

describe('Service', () => {
  it('lists its three pods in the Endpoints and in an EndpointSlice', async () => {
    s = await scenario({ seed: 11 });
    const ips = await webService(s);
    const { out } = await s.kubectl('kubectl get endpoints web');
    const row = out.split('\n')[1] ?? '';
    expect(row).toMatch(/^web\s+\S+\s+\d+s$/);
    expect(row.split(/\s+/)[1]).toBe(sortedIPs(ips).map((ip) => `${ip}:80`).join(','));
    const slices = await sliceTable(s);
    expect(slices.split('\n')[0]).toMatch(/^NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE$/);
    const sliceRow = slices.split('\n').find((l) => l.startsWith('web-')) ?? '';
    expect(sliceRow).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}\s+IPv4\s+80\s+\S+\s+\d+s$/);
    expect(new Set(sliceRow.split(/\s+/)[3]?.split(','))).toEqual(new Set(Object.values(ips)));
    const list = await s.client.list<KubeObject>({ group: 'discovery.k8s.io', resource: 'endpointslices', namespace: 'default' }, { labelSelector: 'kubernetes.io/service-name=web' });
    expect(list.items).toHaveLength(1);
    const slice = list.items[0] as KubeObject & { endpoints: { conditions: object; nodeName?: string; targetRef?: { name?: string } }[] };
    expect(slice.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
    expect(slice.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2026-03-01T09:\d\d:\d\dZ$/);
    for (const e of slice.endpoints) {
      expect(e.conditions).toEqual({ ready: true, serving: true, terminating: false });
      expect(e.nodeName).toMatch(/^kubelab-worker2?$/);
    }
    // The kubernetes Service's endpoints are the API server's, untouched by the controllers.
    expect((await s.kubectl('kubectl get endpoints kubernetes')).out).toMatch(/\nkubernetes\s+172\.18\.0\.2:6443\s/);
  });

  it('spreads six requests to http://web 2/2/2 over the pods, and keeps one client on one pod with ClientIP affinity', async () => {
    s = await scenario({ seed: 12 });
    await webService(s);
    const net = s.cluster.networking.network;
    const count = (n: number) => {
      const by: Record<string, number> = {};
      for (let i = 0; i < n; i++) {
        const r = net.httpFrom('default/client', 'http://web');
        if (!r.ok) throw new Error(r.message);
        expect(r.response.body).toBe(`hello from ${r.pod?.split('/')[1] ?? ''}\n`);
        by[r.pod ?? ''] = (by[r.pod ?? ''] ?? 0) + 1;
      }
      return by;
    };
    expect(count(6)).toEqual({ 'default/web-0': 2, 'default/web-1': 2, 'default/web-2': 2 });
    await s.client.patch(ref('services', 'default', 'web'), { spec: { sessionAffinity: 'ClientIP' } });
    await s.advance(2000);
    expect(Object.values(count(6))).toEqual([6]);
  });

  it('answers a NodePort on every node address', async () => {
    s = await scenario({ seed: 13 });
    await webService(s, { type: 'NodePort' });
    const svc = await s.client.get<Service>(ref('services', 'default', 'web'));
    const nodePort = svc.spec.ports?.[0]?.nodePort as number;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    await s.advance(2000);
    for (const ip of ['172.18.0.2', '172.18.0.3', '172.18.0.4']) {
      const fromPod = s.cluster.networking.network.httpFrom('default/client', `http://${ip}:${nodePort}/`);
      expect(fromPod.ok ? fromPod.pod : fromPod.message).toMatch(/^default\/web-\d$/);
      const fromNode = s.cluster.networking.network.httpFrom('node:kubelab-control-plane', `http://${ip}:${nodePort}/`);
      expect(fromNode.ok).toBe(true);
    }
    expect(s.cluster.networking.network.httpFrom('default/client', 'http://172.18.0.3:80/')).toMatchObject({ ok: false, message: "curl: (7) Failed to connect to 172.18.0.3 port 80 after 0 ms: Couldn't connect to server" });
  });

  it('empties its endpoints when the pods lose the label, and the request is refused', async () => {
    s = await scenario({ seed: 14 });
    await webService(s);
    for (const n of ['web-0', 'web-1', 'web-2']) await s.client.patch(ref('pods', 'default', n), { metadata: { labels: { app: null } } });
    await s.until(async () => ((await s?.kubectl('kubectl get endpoints web'))?.out.match(/\nweb\s+<none>\s+\d+s\n/) ? true : undefined));
    const r = await s.until(() => {
      const x = s?.cluster.networking.network.httpFrom('default/client', 'http://web');
      return x && !x.ok ? x : undefined;
    });
    expect(r).toMatchObject({ error: 'refused', exitCode: 7, message: "curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server" });
    const slices = await sliceTable(s);
    expect(slices).toMatch(/\nweb-\w{5}\s+IPv4\s+<unset>\s+<unset>\s+\d+s\n/);
  });

  it('keeps routing with the rules it last wrote while a node’s kube-proxy is stopped', async () => {
    s = await scenario({ seed: 15 });
    await webService(s);
    const client = await s.client.get<Pod>(ref('pods', 'default', 'client'));
    const proxy = s.cluster.networking.proxy(client.spec.nodeName ?? '');
    proxy.stop();
    for (const n of ['web-0', 'web-1', 'web-2']) await s.client.patch(ref('pods', 'default', n), { metadata: { labels: { app: null } } });
    await s.until(async () => ((await s?.kubectl('kubectl get endpoints web'))?.out.includes('<none>') ? true : undefined));
    await s.advance(3000);
    expect(s.cluster.networking.network.httpFrom('default/client', 'http://web').ok).toBe(true);
    await proxy.start();
    await s.advance(2000);
    expect(s.cluster.networking.network.httpFrom('default/client', 'http://web')).toMatchObject({ ok: false, error: 'refused' });
  });
});

describe('cluster DNS', () => {
  it('resolves a service by every name form, from its namespace and from another', async () => {
    s = await scenario({ seed: 21 });
    await webService(s);
    const svc = await s.client.get<Service>(ref('services', 'default', 'web'));
    const net = s.cluster.networking.network;
    for (const name of ['web', 'web.default', 'web.default.svc', 'web.default.svc.cluster.local', 'web.default.svc.cluster.local.']) {
      expect(net.nslookup('default/client', name).out).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${svc.spec.clusterIP}\n\n`);
    }
    expect(net.nslookup('default/client', 'kubernetes').out).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n');
    expect(net.nslookup('default/client', 'kube-dns.kube-system').out).toContain('Address: 10.96.0.10\n');
    await s.client.create(ref('namespaces', ''), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    await s.client.create(ref('pods', 'shop'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tool', namespace: 'shop' }, spec: { containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '86400'] }] } } as Pod);
    await running(s, ['tool'], 'shop');
    await s.advance(1000);
    expect(net.nslookup('shop/tool', 'web')).toMatchObject({ code: 1, out: "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find web: NXDOMAIN\n\n" });
    expect(net.nslookup('shop/tool', 'web.default').code).toBe(0);
    expect(net.httpFrom('shop/tool', 'http://web.default')).toMatchObject({ ok: true });
    expect(net.httpFrom('default/client', 'http://nope')).toMatchObject({ ok: false, message: 'curl: (6) Could not resolve host: nope', exitCode: 6 });
  });

  it('resolves a headless service to its pod IPs and its pods by hostname', async () => {
    s = await scenario({ seed: 22 });
    const ips: Record<string, string> = {};
    for (const n of ['db-0', 'db-1']) await createPod(s, n, { app: 'db' }, { hostname: n, subdomain: 'db' });
    await s.client.create(ref('pods', 'default'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client' }, spec: { containers: [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '86400'] }] } } as Pod);
    await s.client.create(ref('services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 80 }] } } as Service);
    Object.assign(ips, await running(s, ['db-0', 'db-1']));
    await running(s, ['client']);
    await corednsRunning(s);
    const net = s.cluster.networking.network;
    const out = await s.until(() => {
      const r = net.nslookup('default/client', 'db');
      return r.code === 0 && r.out.split('Address: ').length === 3 ? r.out : undefined;
    });
    expect(out).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n${sortedIPs(ips).map((ip) => `Name:\tdb.default.svc.cluster.local\nAddress: ${ip}\n`).join('')}\n`);
    expect(net.nslookup('default/client', 'db-1.db').out).toContain(`Name:\tdb-1.db.default.svc.cluster.local\nAddress: ${ips['db-1'] ?? ''}\n`);
    expect(net.nslookup('default/client', 'db-1.db.default.svc.cluster.local').code).toBe(0);
    expect((await s.kubectl('kubectl get endpoints db')).out).toMatch(/\ndb\s+\S+:80,\S+:80\s+\d+s\n/);
  });

  it('times out while no coredns pod runs', async () => {
    s = await scenario({ seed: 23 });
    await webService(s);
    await s.client.patch({ ...DEPLOYMENTS, namespace: 'kube-system', name: 'coredns' }, { spec: { replicas: 0 } });
    const net = s.cluster.networking.network;
    const r = await s.until(() => {
      const x = net.nslookup('default/client', 'web');
      return x.code !== 0 ? x : undefined;
    });
    expect(r.out).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(net.httpFrom('default/client', 'http://web')).toMatchObject({ ok: false, message: 'curl: (6) Could not resolve host: web' });
  });
});
