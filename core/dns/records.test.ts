import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../api/types';
import { lookupRecord, searchCandidates, type RecordSource } from './records';

const services: Record<string, Service> = {
  'default/web': { metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.0.50' } },
  'default/db': { metadata: { name: 'db', namespace: 'default' }, spec: { clusterIP: 'None' } },
  'default/ext': { metadata: { name: 'ext', namespace: 'default' }, spec: { type: 'ExternalName', externalName: 'example.com' } },
};
const slices: Record<string, EndpointSlice[]> = {
  'default/db': [
    {
      metadata: { name: 'db-abcde', namespace: 'default' },
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.244.2.3'], hostname: 'db-1', conditions: { ready: true } },
        { addresses: ['10.244.1.7'], hostname: 'db-0', conditions: { ready: true } },
        { addresses: ['10.244.1.9'], hostname: 'db-2', conditions: { ready: false } },
      ],
    },
  ],
};
const src: RecordSource = {
  service: (ns, n) => services[`${ns}/${n}`],
  slices: (ns, s) => slices[`${ns}/${s}`] ?? [],
  namespaceExists: (ns) => ns === 'default' || ns === 'kube-system',
};
const find = (name: string) => lookupRecord(src, name, 'cluster.local');

describe('cluster DNS records', () => {
  it('answers services by cluster IP, headless services by ready endpoints, pods of StatefulSets by hostname', () => {
    expect(find('web.default.svc.cluster.local')).toEqual({ found: true, addresses: ['10.96.0.50'] });
    expect(find('WEB.default.svc.cluster.local.')).toEqual({ found: true, addresses: ['10.96.0.50'] });
    expect(find('db.default.svc.cluster.local')).toEqual({ found: true, addresses: ['10.244.1.7', '10.244.2.3'] });
    expect(find('db-1.db.default.svc.cluster.local')).toEqual({ found: true, addresses: ['10.244.2.3'] });
    expect(find('db-2.db.default.svc.cluster.local')).toEqual({ found: false });
    expect(find('ext.default.svc.cluster.local')).toEqual({ found: true, addresses: [], cname: 'example.com' });
    expect(find('10-244-1-7.default.pod.cluster.local')).toEqual({ found: true, addresses: ['10.244.1.7'] });
  });

  it('answers NXDOMAIN for unknown names and namespaces', () => {
    for (const n of ['nope.default.svc.cluster.local', 'web.nope.svc.cluster.local', 'web.default.cluster.local', 'web-0.web.default.svc.cluster.local', 'example.com']) expect(find(n)).toEqual({ found: false });
  });

  it('expands names with the search path of the pod namespace (ndots 5)', () => {
    expect(searchCandidates('web', 'default', 'cluster.local')).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(searchCandidates('web.default', 'shop', 'cluster.local')[1]).toBe('web.default.svc.cluster.local');
    expect(searchCandidates('web.default.svc.cluster.local.', 'shop', 'cluster.local')).toEqual(['web.default.svc.cluster.local']);
    expect(searchCandidates('a.b.c.d.e.f', 'shop', 'cluster.local')[0]).toBe('a.b.c.d.e.f');
  });
});
