import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../api/duration';
import type { Endpoints, EndpointSlice, KubeObject, Service } from '../../api/types';
import { Random } from '../../clock/random';
import type { ResourceDef, StrategyContext } from '../registry';
import { endpoints, endpointslices } from './endpoints';
import { causeLines, simulateCreate, simulateUpdate } from './harness';
import { services } from './services';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ctx = (): StrategyContext => ({ now: () => NOW, random: new Random(11) });
const columns = (def: ResourceDef) => def.printer.columns.map((c) => (c.priority ? `${c.name}*` : c.name));
const created = <T extends KubeObject>(def: ResourceDef, body: KubeObject) => simulateCreate<T>(def, body, ctx());
const aged = <T extends KubeObject>(o: T): T => ({ ...o, metadata: { ...o.metadata, creationTimestamp: rfc3339(NOW - 3 * 60_000) } });

describe('services', () => {
  const body = { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } };

  it('prints NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, wide SELECTOR', () => {
    expect(columns(services)).toEqual(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector*']);
    const svc = aged(created<Service>(services, body).obj);
    expect(services.printer.cells(svc, NOW)).toEqual(['web', 'ClusterIP', svc.spec.clusterIP, '<none>', '80/TCP', '3m', 'app=web']);
    const np = aged(created<Service>(services, { metadata: { name: 'np' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }, { name: 'b', port: 53, protocol: 'UDP' }] } }).obj);
    expect(services.printer.cells(np, NOW).slice(3, 5)).toEqual(['<none>', `80:30080/TCP,53:${np.spec.ports?.[1]?.nodePort}/UDP`]);
    const lb = aged(created<Service>(services, { metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', ports: [{ port: 443 }] } }).obj);
    expect(services.printer.cells(lb, NOW)[3]).toBe('<pending>');
    lb.status = { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } };
    expect(services.printer.cells(lb, NOW)[3]).toBe('203.0.113.10');
    const ext = aged(created<Service>(services, { metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } }).obj);
    expect(services.printer.cells(ext, NOW)).toEqual(['ext', 'ExternalName', '<none>', 'db.example.com', '<none>', '3m', '<none>']);
    const headless = aged(created<Service>(services, { metadata: { name: 'h' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] } }).obj);
    expect(services.printer.cells(headless, NOW)[2]).toBe('None');
  });

  it('defaults ClusterIP, None affinity, TCP, targetPort = port, IPv4 single stack, Cluster policy, and allocates a cluster IP', () => {
    const { obj: svc, causes } = created<Service>(services, { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } });
    expect(causes).toEqual([]);
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(svc.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
    expect(svc.status).toEqual({ loadBalancer: {} });
    expect(services.selectableFields?.(svc)).toEqual({ 'spec.clusterIP': svc.spec.clusterIP, 'spec.type': 'ClusterIP' });
  });

  it('allocates node ports for NodePort and LoadBalancer, with their extra defaults', () => {
    const lb = created<Service>(services, { metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', ports: [{ port: 443 }] } }).obj;
    const nodePort = lb.spec.ports?.[0]?.nodePort ?? 0;
    expect(nodePort >= 30000 && nodePort <= 32767).toBe(true);
    expect(lb.spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true });
  });

  it('requires DNS-1035 names', () => {
    expect(causeLines(created(services, { ...body, metadata: { name: '1web' } }).causes)).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });

  it('validates ports: names with several ports, nodePort only off ClusterIP, range of node ports', () => {
    const two = { metadata: { name: 'two' }, spec: { ports: [{ port: 80 }, { port: 443, nodePort: 31000 }] } };
    expect(causeLines(created(services, two).causes)).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[1].name: Required value',
      "spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    const low = { metadata: { name: 'low' }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] } };
    expect(causeLines(created(services, low).causes)).toEqual(['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767']);
    const ip = { metadata: { name: 'ip' }, spec: { clusterIP: '192.168.1.1', ports: [{ port: 80 }] } };
    expect(causeLines(created(services, ip).causes)).toEqual(['spec.clusterIPs: Invalid value: []string{"192.168.1.1"}: failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12']);
  });

  it('keeps the cluster IP: an omitted one is kept, a changed one is refused', () => {
    const old = created<Service>(services, body).obj;
    const omitted = structuredClone(old);
    delete omitted.spec.clusterIP;
    delete omitted.spec.clusterIPs;
    const kept = simulateUpdate<Service>(services, omitted, old, ctx());
    expect([kept.causes, kept.obj.spec.clusterIP]).toEqual([[], old.spec.clusterIP]);
    const changed = structuredClone(old);
    changed.spec.clusterIP = '10.96.0.100';
    expect(causeLines(simulateUpdate(services, changed, old, ctx()).causes)).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.100"}: may not change once set']);
  });

  it('drops node ports when switching back to ClusterIP, keeps them across updates', () => {
    const np = created<Service>(services, { metadata: { name: 'np' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } }).obj;
    const same = structuredClone(np);
    delete same.spec.ports![0]!.nodePort;
    expect(simulateUpdate<Service>(services, same, np, ctx()).obj.spec.ports?.[0]?.nodePort).toBe(np.spec.ports?.[0]?.nodePort);
    const back = structuredClone(np);
    back.spec.type = 'ClusterIP';
    const result = simulateUpdate<Service>(services, back, np, ctx());
    expect([result.causes, result.obj.spec.ports?.[0]?.nodePort, result.obj.spec.externalTrafficPolicy]).toEqual([[], undefined, undefined]);
  });
});

describe('endpoints', () => {
  it('prints NAME ENDPOINTS AGE: three addresses, then + N more...', () => {
    expect(columns(endpoints)).toEqual(['Name', 'Endpoints', 'Age']);
    const ep = aged<Endpoints>({ metadata: { name: 'web' }, subsets: [{ addresses: ['10.244.1.2', '10.244.1.3', '10.244.2.4', '10.244.2.5'].map((ip) => ({ ip })), ports: [{ port: 80 }] }] });
    expect(endpoints.printer.cells(ep, NOW)).toEqual(['web', '10.244.1.2:80,10.244.1.3:80,10.244.2.4:80 + 1 more...', '3m']);
    expect(endpoints.printer.cells(aged<Endpoints>({ metadata: { name: 'none' } }), NOW)[1]).toBe('<none>');
  });

  it('defaults ports to TCP and validates addresses', () => {
    const { obj, causes } = created<Endpoints>(endpoints, { metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80 }] }] });
    expect(obj.subsets?.[0]?.ports?.[0]?.protocol).toBe('TCP');
    expect(causeLines(causes)).toEqual(['subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']);
  });
});

describe('endpointslices', () => {
  const body = { metadata: { name: 'web-x1' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.2'] }, { addresses: ['10.244.1.3'] }], ports: [{ port: 8080 }] };

  it('prints NAME ADDRESSTYPE PORTS ENDPOINTS AGE', () => {
    expect(columns(endpointslices)).toEqual(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
    const es = aged(created<EndpointSlice>(endpointslices, body).obj);
    expect(endpointslices.printer.cells(es, NOW)).toEqual(['web-x1', 'IPv4', '8080', '10.244.1.2,10.244.1.3', '3m']);
    expect(endpointslices.printer.cells(aged<EndpointSlice>({ metadata: { name: 'e' }, addressType: 'IPv4', endpoints: [] }), NOW).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });

  it('defaults port names and protocols, keeps a generation', () => {
    const es = created<EndpointSlice>(endpointslices, body).obj;
    expect([es.ports, es.metadata.generation]).toEqual([[{ port: 8080, name: '', protocol: 'TCP' }], 1]);
  });

  it('checks addresses against the address type, which is immutable', () => {
    expect(causeLines(created(endpointslices, { ...body, endpoints: [{ addresses: ['fe80::1'] }] }).causes)).toEqual(['endpoints[0].addresses[0]: Invalid value: "fe80::1": must be a valid IPv4 address']);
    const old = created<EndpointSlice>(endpointslices, body).obj;
    expect(causeLines(simulateUpdate(endpointslices, { ...old, addressType: 'FQDN', endpoints: [{ addresses: ['a.example.com'] }] }, old, ctx()).causes)).toEqual(['addressType: Invalid value: "FQDN": field is immutable']);
  });
});
