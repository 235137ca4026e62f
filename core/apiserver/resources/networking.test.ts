import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../api/duration';
import type { Ingress, IngressClass, KubeObject, NetworkPolicy } from '../../api/types';
import { Random } from '../../clock/random';
import type { ResourceDef, StrategyContext } from '../registry';
import { causeLines, simulateCreate, simulateUpdate } from './harness';
import { ingressclasses, ingresses } from './ingresses';
import { networkpolicies } from './networkpolicies';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ctx = (): StrategyContext => ({ now: () => NOW, random: new Random(19) });
const columns = (def: ResourceDef) => def.printer.columns.map((c) => (c.priority ? `${c.name}*` : c.name));
const created = <T extends KubeObject>(def: ResourceDef, body: KubeObject) => simulateCreate<T>(def, body, ctx());
const at = (minutesAgo: number) => rfc3339(NOW - minutesAgo * 60_000);
const backend = { service: { name: 'web', port: { number: 80 } } };

describe('ingresses', () => {
  const body = { metadata: { name: 'web' }, spec: { ingressClassName: 'nginx', tls: [{ hosts: ['a.example.com'] }], rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }, { host: 'b.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] } };

  it('prints NAME CLASS HOSTS ADDRESS PORTS AGE', () => {
    expect(columns(ingresses)).toEqual(['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
    const ing = created<Ingress>(ingresses, body).obj;
    ing.metadata.creationTimestamp = at(7);
    expect(ingresses.printer.cells(ing, NOW)).toEqual(['web', 'nginx', 'a.example.com,b.example.com', '', '80, 443', '7m']);
    ing.status = { loadBalancer: { ingress: [{ ip: '172.18.0.2' }] } };
    ing.spec.tls = [];
    expect(ingresses.printer.cells(ing, NOW).slice(3, 5)).toEqual(['172.18.0.2', '80']);
    const many = { ...ing, spec: { rules: ['a', 'b', 'c', 'd', 'e'].map((h) => ({ host: `${h}.io` })) } };
    expect(ingresses.printer.cells(many, NOW).slice(1, 3)).toEqual(['<none>', 'a.io,b.io,c.io + 2 more...']);
  });

  it('resets status to an empty load balancer and keeps a generation', () => {
    const ing = created<Ingress>(ingresses, { ...body, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } }).obj;
    expect([ing.status, ing.metadata.generation]).toEqual([{ loadBalancer: {} }, 1]);
  });

  it('requires a pathType and a backend port', () => {
    const bad = { metadata: { name: 'bad' }, spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web' } } }] } }] } };
    expect(causeLines(created(ingresses, bad).causes)).toEqual(['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified', 'spec.rules[0].http.paths[0].backend: Required value: port name or number is required']);
  });
});

describe('ingressclasses', () => {
  it('prints NAME CONTROLLER PARAMETERS AGE', () => {
    expect(columns(ingressclasses)).toEqual(['Name', 'Controller', 'Parameters', 'Age']);
    const ic: IngressClass = { metadata: { name: 'nginx', creationTimestamp: at(60) }, spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } } };
    expect(ingressclasses.printer.cells(ic, NOW)).toEqual(['nginx', 'k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/p', '60m']);
  });

  it('requires a domain-prefixed controller that never changes; defaults the parameters scope', () => {
    expect(causeLines(created(ingressclasses, { metadata: { name: 'x' }, spec: { controller: 'nginx' } }).causes)).toEqual(['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']);
    const old = created<IngressClass>(ingressclasses, { metadata: { name: 'x' }, spec: { controller: 'acme.io/a', parameters: { kind: 'P', name: 'p' } } }).obj;
    expect(old.spec.parameters?.scope).toBe('Cluster');
    expect(causeLines(simulateUpdate(ingressclasses, { ...old, spec: { controller: 'acme.io/b' } }, old, ctx()).causes)).toEqual(['spec.controller: Invalid value: "acme.io/b": field is immutable']);
  });
});

describe('networkpolicies', () => {
  it('prints NAME POD-SELECTOR AGE', () => {
    expect(columns(networkpolicies)).toEqual(['Name', 'Pod-Selector', 'Age']);
    const np: NetworkPolicy = { metadata: { name: 'deny', creationTimestamp: at(3) }, spec: { podSelector: {} } };
    expect(networkpolicies.printer.cells(np, NOW)).toEqual(['deny', '<none>', '3m']);
    expect(networkpolicies.printer.cells({ ...np, spec: { podSelector: { matchLabels: { role: 'db' } } } }, NOW)[1]).toBe('role=db');
  });

  it('defaults policyTypes from the rules and ports to TCP', () => {
    const np = created<NetworkPolicy>(networkpolicies, { metadata: { name: 'p' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } }).obj;
    expect(np.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(np.spec.egress?.[0]).toEqual({ ports: [{ port: 53, protocol: 'TCP' }] });
  });

  it('requires a peer in from/to', () => {
    expect(causeLines(created(networkpolicies, { metadata: { name: 'p' }, spec: { podSelector: {}, ingress: [{ from: [{}] }] } }).causes)).toEqual(['spec.ingress[0].from[0]: Required value: must specify a peer']);
  });
});
