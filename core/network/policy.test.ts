import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from '../api/types';
import { labelSelectorMatches, policyAllows, policyTypes, type PodInfo, type PolicyView } from './policy';

const pod = (name: string, namespace: string, labels: Record<string, string>, ip: string): PodInfo => ({ key: `${namespace}/${name}`, namespace, name, ip, labels, ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], hostNetwork: false });
const web = pod('web', 'default', { app: 'web' }, '10.244.1.2');
const front = pod('front', 'default', { role: 'frontend' }, '10.244.1.3');
const other = pod('x', 'default', { role: 'other' }, '10.244.1.4');
const monitor = pod('mon', 'monitoring', { app: 'prom' }, '10.244.2.5');

function view(policies: NetworkPolicy[]): PolicyView {
  const ns: Record<string, Record<string, string>> = { default: { 'kubernetes.io/metadata.name': 'default' }, monitoring: { 'kubernetes.io/metadata.name': 'monitoring', team: 'ops' } };
  return { policies: (n) => policies.filter((p) => p.metadata.namespace === n), namespaceLabels: (n) => ns[n] };
}
const np = (name: string, spec: NetworkPolicy['spec']): NetworkPolicy => ({ metadata: { name, namespace: 'default' }, spec });

describe('NetworkPolicy', () => {
  it('matches label selectors with expressions; {} matches all', () => {
    expect(labelSelectorMatches({}, { a: 'b' })).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'a', operator: 'In', values: ['b', 'c'] }] }, { a: 'c' })).toBe(true);
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { a: 'c' })).toBe(false);
    expect(labelSelectorMatches(undefined, {})).toBe(false);
  });

  it('defaults policy types like the API', () => {
    expect(policyTypes(np('a', { podSelector: {} }))).toEqual(['Ingress']);
    expect(policyTypes(np('a', { podSelector: {}, egress: [{}] }))).toEqual(['Ingress', 'Egress']);
  });

  it('allows everything without policies, and isolates selected pods', () => {
    expect(policyAllows(view([]), 'ingress', web, { ip: other.ip, pod: other }, 8080, 'TCP')).toBe(true);
    const v = view([np('deny', { podSelector: { matchLabels: { app: 'web' } } })]);
    expect(policyAllows(v, 'ingress', web, { ip: other.ip, pod: other }, 8080, 'TCP')).toBe(false);
    expect(policyAllows(v, 'ingress', front, { ip: other.ip, pod: other }, 8080, 'TCP')).toBe(true);
    expect(policyAllows(v, 'egress', web, { ip: other.ip, pod: other }, 8080, 'TCP')).toBe(true);
  });

  it('lets only the selected peers and ports through', () => {
    const v = view([np('allow-front', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ port: 'http' }] }] })]);
    expect(policyAllows(v, 'ingress', web, { ip: front.ip, pod: front }, 8080, 'TCP')).toBe(true);
    expect(policyAllows(v, 'ingress', web, { ip: front.ip, pod: front }, 9090, 'TCP')).toBe(false);
    expect(policyAllows(v, 'ingress', web, { ip: front.ip, pod: front }, 8080, 'UDP')).toBe(false);
    expect(policyAllows(v, 'ingress', web, { ip: other.ip, pod: other }, 8080, 'TCP')).toBe(false);
    // A podSelector alone means the policy's namespace only.
    expect(policyAllows(v, 'ingress', web, { ip: monitor.ip, pod: { ...monitor, labels: { role: 'frontend' } } }, 8080, 'TCP')).toBe(false);
  });

  it('matches namespaces, ip blocks with exceptions and port ranges', () => {
    const v = view([
      np('ns', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }] }] }),
      np('cidr', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '172.18.0.0/16', except: ['172.18.0.4/32'] } }], ports: [{ port: 30000, endPort: 32767 }] }] }),
    ]);
    expect(policyAllows(v, 'ingress', web, { ip: monitor.ip, pod: monitor }, 1234, 'TCP')).toBe(true);
    expect(policyAllows(v, 'ingress', web, { ip: '172.18.0.3' }, 30080, 'TCP')).toBe(true);
    expect(policyAllows(v, 'ingress', web, { ip: '172.18.0.4' }, 30080, 'TCP')).toBe(false);
    expect(policyAllows(v, 'ingress', web, { ip: '172.18.0.3' }, 80, 'TCP')).toBe(false);
  });

  it('applies egress rules to the destination', () => {
    const v = view([np('egress', { podSelector: { matchLabels: { role: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }] }] })]);
    expect(policyAllows(v, 'egress', front, { ip: web.ip, pod: web }, 8080, 'TCP')).toBe(true);
    expect(policyAllows(v, 'egress', front, { ip: other.ip, pod: other }, 8080, 'TCP')).toBe(false);
    expect(policyAllows(v, 'egress', front, { ip: '10.96.0.10' }, 53, 'UDP')).toBe(false);
  });
});
