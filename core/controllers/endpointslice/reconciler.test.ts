import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Node, Pod, Service } from '../../api/types';
import { CONTROLLER_NAME, reconcile } from './reconciler';

const svc: Service = { metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels: { tier: 'front' } }, spec: { selector: { app: 'web' }, clusterIP: '10.96.0.50', ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] } };
const nodes: Record<string, Node> = { n1: { metadata: { name: 'n1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } }, spec: {} }, n2: { metadata: { name: 'n2' }, spec: {} } };

function pod(i: number, opts: { ready?: boolean; deleting?: boolean; node?: string } = {}): Pod {
  const ip = `10.244.${Math.floor(i / 250)}.${(i % 250) + 2}`;
  return {
    metadata: { name: `web-${i}`, namespace: 'default', uid: `uid-${i}`, labels: { app: 'web' }, ...(opts.deleting ? { deletionTimestamp: '2026-03-01T09:00:00Z' } : {}) },
    spec: { nodeName: opts.node ?? 'n1', containers: [{ name: 'c' }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
}

const named = (s: EndpointSlice, name: string): EndpointSlice => ({ ...s, metadata: { ...s.metadata, name, resourceVersion: '1' } });

describe('EndpointSlice reconcile', () => {
  it('creates one slice with an endpoint per pod: conditions, node, zone, target', () => {
    const r = reconcile(svc, [pod(0), pod(1, { ready: false, node: 'n2' }), pod(2, { deleting: true })], [], (n) => nodes[n]);
    expect(r.update).toEqual([]);
    expect(r.delete).toEqual([]);
    expect(r.create).toHaveLength(1);
    const s = r.create[0] as EndpointSlice;
    expect(s.metadata.generateName).toBe('web-');
    expect(s.metadata.labels).toEqual({ tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': CONTROLLER_NAME });
    expect(s.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }]);
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints).toEqual([
      { addresses: ['10.244.0.2'], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0', uid: 'uid-0' }, nodeName: 'n1', zone: 'zone-a' },
      { addresses: ['10.244.0.3'], conditions: { ready: false, serving: false, terminating: false }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'uid-1' }, nodeName: 'n2' },
      { addresses: ['10.244.0.4'], conditions: { ready: false, serving: true, terminating: true }, targetRef: { kind: 'Pod', namespace: 'default', name: 'web-2', uid: 'uid-2' }, nodeName: 'n1', zone: 'zone-a' },
    ]);
  });

  it('puts at most 100 endpoints in a slice', () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(i));
    const r = reconcile(svc, pods, [], (n) => nodes[n]);
    expect(r.create.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
  });

  it('keeps a placeholder slice when there are no endpoints, and reuses it when endpoints come', () => {
    const empty = reconcile(svc, [], [], (n) => nodes[n]);
    expect(empty.create).toHaveLength(1);
    expect(empty.create[0]?.endpoints).toEqual([]);
    expect(empty.create[0]?.ports).toBeUndefined();
    const placeholder = named(empty.create[0] as EndpointSlice, 'web-abcde');
    expect(reconcile(svc, [], [placeholder], (n) => nodes[n])).toMatchObject({ create: [], update: [], delete: [] });
    const filled = reconcile(svc, [pod(0)], [placeholder], (n) => nodes[n]);
    expect(filled.create).toEqual([]);
    expect(filled.delete).toEqual([]);
    expect(filled.update.map((s) => [s.metadata.name, s.endpoints.length, s.ports?.[0]?.port])).toEqual([['web-abcde', 1, 8080]]);
  });

  it('updates a slice in place when an endpoint changes and leaves an unchanged one alone', () => {
    const first = named(reconcile(svc, [pod(0), pod(1)], [], (n) => nodes[n]).create[0] as EndpointSlice, 'web-xyz12');
    expect(reconcile(svc, [pod(0), pod(1)], [first], (n) => nodes[n])).toMatchObject({ create: [], update: [], delete: [] });
    const r = reconcile(svc, [pod(0), pod(1, { ready: false })], [first], (n) => nodes[n]);
    expect(r.update).toHaveLength(1);
    expect(r.update[0]?.endpoints[1]?.conditions).toEqual({ ready: false, serving: false, terminating: false });
    const gone = reconcile(svc, [pod(0)], [first], (n) => nodes[n]);
    expect(gone.update[0]?.endpoints.map((e) => e.addresses[0])).toEqual(['10.244.0.2']);
  });

  it('skips pods on unknown nodes (and reports them)', () => {
    const r = reconcile(svc, [pod(0), pod(1, { node: 'gone' })], [], (n) => nodes[n]);
    expect(r.create[0]?.endpoints).toHaveLength(1);
    expect(r.skipped).toEqual(['web-1']);
  });

  it('marks a headless service slice and uses no ports for a headless service without ports', () => {
    const headless: Service = { ...svc, spec: { selector: { app: 'web' }, clusterIP: 'None' } };
    const r = reconcile(headless, [pod(0)], [], (n) => nodes[n]);
    expect(r.create[0]?.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(r.create[0]?.ports).toBeUndefined();
  });
});
