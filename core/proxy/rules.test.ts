import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../api/types';
import { buildRules } from './rules';

const svc = (name: string, spec: Service['spec']): Service => ({ metadata: { name, namespace: 'default' }, spec });
const slice = (svcName: string, ports: EndpointSlice['ports'], endpoints: EndpointSlice['endpoints']): EndpointSlice => ({ metadata: { name: `${svcName}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': svcName } }, addressType: 'IPv4', ports, endpoints });

describe('kube-proxy rules', () => {
  it('programs each port of a service with a cluster IP, with the endpoints of its slices', () => {
    const services = [
      svc('web', { type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30080 }, { name: 'metrics', port: 9100, protocol: 'TCP', nodePort: 30091 }], sessionAffinity: 'ClientIP', externalTrafficPolicy: 'Local' }),
      svc('db', { clusterIP: 'None', ports: [{ port: 5432 }] }),
      svc('ext', { type: 'ExternalName', externalName: 'example.com' }),
    ];
    const slices = [
      slice('web', [{ name: 'http', port: 8080, protocol: 'TCP' }], [
        { addresses: ['10.244.1.2'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'w1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1' } },
        { addresses: ['10.244.1.3'], conditions: { ready: false, serving: true, terminating: true }, nodeName: 'w1' },
      ]),
      slice('web', [{ name: 'http', port: 8080, protocol: 'TCP' }], [{ addresses: ['10.244.1.2'], conditions: { ready: true } }]),
    ];
    const rules = buildRules(services, slices);
    expect(rules.map((r) => r.name)).toEqual(['default/web:http', 'default/web:metrics']);
    expect(rules[0]).toEqual({
      name: 'default/web:http',
      service: 'default/web',
      protocol: 'TCP',
      clusterIP: '10.96.0.50',
      port: 80,
      nodePort: 30080,
      externalIPs: [],
      internalLocal: false,
      externalLocal: true,
      affinitySeconds: 10800,
      endpoints: [
        { ip: '10.244.1.2', port: 8080, ready: true, serving: true, terminating: false, nodeName: 'w1', pod: 'default/web-1' },
        { ip: '10.244.1.3', port: 8080, ready: false, serving: true, terminating: true, nodeName: 'w1' },
      ],
    });
    expect(rules[1]?.endpoints).toEqual([]);
  });

  it('gives a ClusterIP service no node port and reads a nil ready as ready', () => {
    const rules = buildRules([svc('a', { clusterIP: '10.96.0.7', ports: [{ port: 80, nodePort: 30001 }], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } })], [slice('a', [{ name: '', port: 80, protocol: 'TCP' }], [{ addresses: ['10.0.0.1'] }])]);
    expect(rules[0]?.nodePort).toBeUndefined();
    expect(rules[0]?.affinitySeconds).toBe(60);
    expect(rules[0]?.endpoints[0]).toMatchObject({ ready: true, serving: true, terminating: false });
  });
});
