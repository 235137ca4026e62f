import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from '../api/types';
import { ManualClock } from '../clock/clock';
import type { PodDirectory } from './agent';
import { Network } from './network';
import type { PodInfo, PolicyView } from './policy';
import type { RuleEndpoint, ServicePortRule } from './rules';

const NODES = [
  { name: 'cp', ip: '172.18.0.2', podCIDR: '10.244.0.0/24' },
  { name: 'w1', ip: '172.18.0.3', podCIDR: '10.244.1.0/24' },
  { name: 'w2', ip: '172.18.0.4', podCIDR: '10.244.2.0/24' },
];

function podInfo(name: string, ip: string, nodeName: string, labels: Record<string, string> = {}): PodInfo {
  return { key: `default/${name}`, namespace: 'default', name, ip, nodeName, labels, ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }], hostNetwork: false, phase: 'Running' };
}

function directory(pods: PodInfo[], policies: NetworkPolicy[] = []): PodDirectory & PolicyView {
  return {
    pod: (k) => pods.find((p) => p.key === k),
    podByIP: (ip) => pods.find((p) => p.ip === ip),
    runningPods: () => [],
    policies: (ns) => policies.filter((p) => p.metadata.namespace === ns),
    namespaceLabels: (ns) => ({ 'kubernetes.io/metadata.name': ns }),
  };
}

const ep = (ip: string, node: string, extra: Partial<RuleEndpoint> = {}): RuleEndpoint => ({ ip, port: 80, ready: true, serving: true, terminating: false, nodeName: node, ...extra });

function rule(endpoints: RuleEndpoint[], extra: Partial<ServicePortRule> = {}): ServicePortRule {
  return { name: 'default/web:', service: 'default/web', protocol: 'TCP', clusterIP: '10.96.0.50', port: 80, nodePort: 30080, externalIPs: [], internalLocal: false, externalLocal: false, endpoints, ...extra };
}

function setup(rules: ServicePortRule[], policies: NetworkPolicy[] = []) {
  const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
  const net = new Network(clock);
  NODES.forEach((n) => net.addNode(n));
  const pods = [podInfo('a', '10.244.1.2', 'w1', { app: 'web' }), podInfo('b', '10.244.1.3', 'w1', { app: 'web' }), podInfo('c', '10.244.2.2', 'w2', { app: 'web' }), podInfo('client', '10.244.2.9', 'w2', { role: 'client' })];
  net.setDirectory(directory(pods, policies));
  for (const p of pods.slice(0, 3)) net.listen(p.ip, 80, { http: (_req, from) => ({ status: 200, headers: {}, body: `${p.name} sees ${from.ip}` }) });
  for (const n of NODES) net.program({ node: n.name, syncedAt: clock.now(), services: rules });
  return { net, clock };
}

const client = { ip: '10.244.2.9', pod: 'default/client' };
const get = { method: 'GET', host: 'web', path: '/', headers: {} };

describe('Network', () => {
  it('spreads connections to a cluster IP round robin over the ready endpoints', () => {
    const { net } = setup([rule([ep('10.244.2.2', 'w2'), ep('10.244.1.2', 'w1'), ep('10.244.1.3', 'w1'), ep('10.244.1.9', 'w1', { ready: false, serving: false })])]);
    const seen = Array.from({ length: 6 }, () => {
      const r = net.http(client, '10.96.0.50', 80, get);
      return r.ok ? r.value.body.split(' ')[0] : r.error;
    });
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('keeps a client on one endpoint with ClientIP affinity until the timeout passes', () => {
    const { net, clock } = setup([rule([ep('10.244.1.2', 'w1'), ep('10.244.1.3', 'w1')], { affinitySeconds: 10 })]);
    const who = () => {
      const r = net.http(client, '10.96.0.50', 80, get);
      return r.ok ? r.value.body.split(' ')[0] : r.error;
    };
    expect([who(), who(), who()]).toEqual(['a', 'a', 'a']);
    clock.advance(11_000);
    expect(who()).toBe('b');
  });

  it('refuses a service without endpoints, times out an unknown address, refuses a closed port', () => {
    const { net } = setup([rule([])]);
    expect(net.http(client, '10.96.0.50', 80, get)).toEqual({ ok: false, error: 'refused' });
    expect(net.http(client, '10.96.0.99', 80, get)).toEqual({ ok: false, error: 'timeout' });
    expect(net.http(client, '10.96.0.50', 81, get)).toEqual({ ok: false, error: 'timeout' });
    expect(net.http(client, '10.244.1.2', 81, get)).toEqual({ ok: false, error: 'refused' });
  });

  it('answers a node port on every node, masqueraded to the node address', () => {
    const { net } = setup([rule([ep('10.244.1.2', 'w1')])]);
    for (const n of NODES) {
      const r = net.http({ ip: '172.18.0.1' }, n.ip, 30080, get);
      expect(r.ok && r.value.body).toBe(`a sees ${n.ip}`);
    }
  });

  it('drops external traffic to a node without local endpoints with externalTrafficPolicy Local, and keeps the client address', () => {
    const { net } = setup([rule([ep('10.244.1.2', 'w1')], { externalLocal: true })]);
    expect(net.http({ ip: '172.18.0.1' }, '172.18.0.4', 30080, get)).toEqual({ ok: false, error: 'timeout' });
    const r = net.http({ ip: '172.18.0.1' }, '172.18.0.3', 30080, get);
    expect(r.ok && r.value.body).toBe('a sees 172.18.0.1');
  });

  it('sends to serving terminating endpoints only when none is ready', () => {
    const { net } = setup([rule([ep('10.244.1.2', 'w1', { ready: false, terminating: true }), ep('10.244.1.3', 'w1', { ready: false, serving: false })])]);
    const r = net.http(client, '10.96.0.50', 80, get);
    expect(r.ok && r.ip).toBe('10.244.1.2');
  });

  it('applies the rules of the sender node: frozen rules still route', () => {
    const { net } = setup([rule([ep('10.244.1.2', 'w1')])]);
    net.program({ node: 'w1', syncedAt: 0, services: [] });
    expect(net.http(client, '10.96.0.50', 80, get).ok).toBe(true);
    expect(net.http({ ip: '10.244.1.3', pod: 'default/b' }, '10.96.0.50', 80, get)).toEqual({ ok: false, error: 'timeout' });
  });

  it('drops what a NetworkPolicy does not allow', () => {
    const deny: NetworkPolicy = { metadata: { name: 'deny', namespace: 'default' }, spec: { podSelector: { matchLabels: { app: 'web' } } } };
    const { net } = setup([rule([ep('10.244.1.2', 'w1')])], [deny]);
    expect(net.http(client, '10.96.0.50', 80, get)).toEqual({ ok: false, error: 'timeout' });
    expect(net.route(client, '10.96.0.50', 80, 'TCP').steps.at(-1)).toBe('NetworkPolicy: ingress to default/a from 10.244.2.9 on 80 not allowed: dropped');
  });
});
