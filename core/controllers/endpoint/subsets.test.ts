import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../api/types';
import { computeSubsets } from './subsets';

function pod(name: string, ip: string | undefined, opts: { ready?: boolean; deleting?: boolean; phase?: string; ports?: { name?: string; containerPort: number }[]; labels?: Record<string, string> } = {}): Pod {
  return {
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: opts.labels ?? { app: 'web' }, ...(opts.deleting ? { deletionTimestamp: '2026-03-01T09:00:00Z' } : {}) },
    spec: { nodeName: 'n1', containers: [{ name: 'c', ports: opts.ports ?? [{ name: 'http', containerPort: 8080 }] }] },
    status: { phase: (opts.phase ?? 'Running') as 'Running', ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}), conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
}

function svc(spec: Partial<Service['spec']> = {}): Service {
  return { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, clusterIP: '10.96.0.50', ports: [{ name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' }], ...spec } };
}

describe('computeSubsets', () => {
  it('puts ready pods in addresses and unready ones in notReadyAddresses, resolving named ports', () => {
    const { subsets, ready, notReady } = computeSubsets(svc(), [pod('b', '10.244.1.3'), pod('a', '10.244.1.2'), pod('c', '10.244.2.2', { ready: false })]);
    expect(ready).toBe(2);
    expect(notReady).toBe(1);
    expect(subsets).toEqual([
      {
        addresses: [
          { ip: '10.244.1.2', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } },
          { ip: '10.244.1.3', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' } },
        ],
        notReadyAddresses: [{ ip: '10.244.2.2', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'default', name: 'c', uid: 'uid-c' } }],
        ports: [{ name: 'web', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('leaves out pods without an IP, finished pods, terminating pods and pods lacking the named port', () => {
    const pods = [pod('noip', undefined), pod('done', '10.0.0.1', { phase: 'Succeeded' }), pod('bye', '10.0.0.2', { deleting: true }), pod('other', '10.0.0.3', { ports: [{ name: 'metrics', containerPort: 9000 }] })];
    expect(computeSubsets(svc(), pods).subsets).toEqual([]);
  });

  it('publishes not-ready (and terminating) pods as ready with publishNotReadyAddresses', () => {
    const { subsets } = computeSubsets(svc({ publishNotReadyAddresses: true }), [pod('a', '10.0.0.1', { ready: false }), pod('b', '10.0.0.2', { deleting: true })]);
    expect(subsets[0]?.addresses?.map((a) => a.ip)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(subsets[0]?.notReadyAddresses).toBeUndefined();
  });

  it('groups addresses by the ports they offer', () => {
    const s = svc({ ports: [{ name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const { subsets } = computeSubsets(s, [pod('a', '10.0.0.1'), pod('b', '10.0.0.2', { ports: [{ name: 'http', containerPort: 9090 }] })]);
    expect(subsets).toHaveLength(2);
    expect(subsets.map((x) => `${x.addresses?.[0]?.ip}:${x.ports?.[0]?.port}`).sort()).toEqual(['10.0.0.1:8080', '10.0.0.2:9090']);
  });

  it('gives a headless service without ports its addresses, and sets hostnames of pods in its subdomain', () => {
    const p = pod('web-0', '10.0.0.1');
    p.spec['hostname'] = 'web-0';
    p.spec['subdomain'] = 'web';
    const { subsets } = computeSubsets(svc({ clusterIP: 'None', ports: [] }), [p]);
    expect(subsets).toEqual([{ addresses: [{ ip: '10.0.0.1', hostname: 'web-0', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: 'uid-web-0' } }] }]);
  });
});
