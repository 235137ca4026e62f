/**
 * NetworkPolicies as a student meets them: traffic is allowed by default; a policy selecting a
 * pod makes it deny by default in that direction; rules then let chosen peers through (pods by
 * label, namespaces by label) on chosen ports. Dropped packets time out; an egress deny-all
 * also cuts DNS.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject, NetworkPolicy, Pod, Service } from '../../core/api/types';
import { ref, scenario, type Scenario } from './harness';

let s: Scenario | undefined;
afterEach(() => s?.stop());

const NETPOL = { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies' };

async function pod(t: Scenario, name: string, labels: Record<string, string>, namespace = 'default', web = false): Promise<void> {
  const containers = web ? [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }] : [{ name: 'sh', image: 'busybox:1.36', command: ['sleep', '86400'] }];
  await t.client.create(ref('pods', namespace), { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers } } as Pod);
}

async function ipOf(t: Scenario, name: string, namespace = 'default'): Promise<string> {
  return t.until(async () => {
    const p = await t.client.get<Pod>(ref('pods', namespace, name));
    return p.status?.phase === 'Running' ? p.status.podIP : undefined;
  });
}

async function policy(t: Scenario, name: string, spec: NetworkPolicy['spec'], namespace = 'default'): Promise<void> {
  await t.client.create({ ...NETPOL, namespace }, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec } as NetworkPolicy);
  await t.advance(200);
}

/** Two web pods behind `web`, a `client` and a `frontend` pod; coredns running; the service routed. */
async function setup(t: Scenario): Promise<void> {
  for (const n of ['web-0', 'web-1']) await pod(t, n, { app: 'web' }, 'default', true);
  await pod(t, 'client', { role: 'client' });
  await pod(t, 'frontend', { role: 'frontend' });
  await t.client.create(ref('services', 'default'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } } as Service);
  for (const n of ['web-0', 'web-1']) {
    const ip = await ipOf(t, n);
    t.cluster.networking.network.listen(ip, 80, { http: () => ({ status: 200, headers: {}, body: `hello from ${n}\n` }) });
  }
  await ipOf(t, 'client');
  await ipOf(t, 'frontend');
  await t.until(async () => {
    const dns = await t.client.list<Pod>(ref('pods', 'kube-system'), { labelSelector: 'k8s-app=kube-dns' });
    const slices = await t.client.list<KubeObject & { endpoints?: unknown[] }>({ group: 'discovery.k8s.io', resource: 'endpointslices', namespace: 'default' }, { labelSelector: 'kubernetes.io/service-name=web' });
    return dns.items.some((p) => p.status?.phase === 'Running') && slices.items.reduce((n, x) => n + (x.endpoints?.length ?? 0), 0) === 2 ? true : undefined;
  });
  await t.advance(1500);
}

const curl = (t: Scenario, from: string, url = 'http://web') => t.cluster.networking.network.httpFrom(from, url, { timeoutMs: 5000 });
const TIMED_OUT = { ok: false, error: 'timeout', exitCode: 28, message: 'curl: (28) Connection timed out after 5001 milliseconds' };

describe('NetworkPolicy', () => {
  it('blocks a service with a deny-all ingress policy, then lets only the selected pods through', async () => {
    s = await scenario({ seed: 31 });
    await setup(s);
    expect(curl(s, 'default/client')).toMatchObject({ ok: true });
    await policy(s, 'web-deny-all', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] });
    expect(curl(s, 'default/client')).toMatchObject(TIMED_OUT);
    expect(curl(s, 'default/frontend')).toMatchObject(TIMED_OUT);
    // Pods the policy does not select are not isolated.
    expect(s.cluster.networking.network.ping('default/client', await ipOf(s, 'frontend'), 1).code).toBe(0);

    await policy(s, 'web-allow-frontend', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ protocol: 'TCP', port: 'http' }] }] });
    for (let i = 0; i < 4; i++) expect(curl(s, 'default/frontend')).toMatchObject({ ok: true });
    expect(curl(s, 'default/client')).toMatchObject(TIMED_OUT);

    await s.client.delete({ ...NETPOL, namespace: 'default', name: 'web-deny-all' });
    await s.client.delete({ ...NETPOL, namespace: 'default', name: 'web-allow-frontend' });
    await s.advance(200);
    expect(curl(s, 'default/client')).toMatchObject({ ok: true });
  });

  it('admits the pods of namespaces chosen by label', async () => {
    s = await scenario({ seed: 32 });
    await setup(s);
    for (const [name, labels] of [
      ['monitoring', { team: 'ops' }],
      ['other', {}],
    ] as const) {
      await s.client.create(ref('namespaces', ''), { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
      await pod(s, 'probe', {}, name);
      await ipOf(s, 'probe', name);
    }
    await policy(s, 'from-ops', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }] });
    expect(curl(s, 'monitoring/probe', 'http://web.default')).toMatchObject({ ok: true });
    expect(curl(s, 'other/probe', 'http://web.default')).toMatchObject(TIMED_OUT);
    expect(curl(s, 'default/client')).toMatchObject(TIMED_OUT);
  });

  it('cuts DNS with an egress deny-all; allowing DNS brings names back but not connections', async () => {
    s = await scenario({ seed: 33 });
    await setup(s);
    const net = s.cluster.networking.network;
    await policy(s, 'client-no-egress', { podSelector: { matchLabels: { role: 'client' } }, policyTypes: ['Egress'] });
    expect(net.nslookup('default/client', 'web').out).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(curl(s, 'default/client')).toMatchObject({ ok: false, exitCode: 6, message: 'curl: (6) Could not resolve host: web' });
    expect(curl(s, 'default/frontend')).toMatchObject({ ok: true });

    await policy(s, 'client-dns', {
      podSelector: { matchLabels: { role: 'client' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }],
    });
    expect(net.nslookup('default/client', 'web').code).toBe(0);
    expect(curl(s, 'default/client')).toMatchObject(TIMED_OUT);
  });
});
