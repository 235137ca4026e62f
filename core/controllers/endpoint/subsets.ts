/**
 * The subsets of an Endpoints object, as the endpoints controller computes them
 * (pkg/controller/endpoint): one address per selected pod (ready or not ready), the ports
 * resolved per pod, then repacked into the canonical layout (pkg/api/v1/endpoints
 * RepackSubsets): addresses grouped by the set of ports they offer, sorted.
 */
import type { EndpointAddress, Endpoints, Pod, Service } from '../../api/types';
import { canonicalJson, fnv1a32 } from '../util/hash';
import { findPort, podIPv4, shouldPodBeInEndpoints, shouldSetHostname } from '../util/endpoints';
import { isPodReady } from '../util/pods';

/** An Endpoints subset. */
export type Subset = NonNullable<Endpoints['subsets']>[number];
/** An Endpoints port. */
export type EndpointPort = NonNullable<Subset['ports']>[number];

/** The address of a pod in a service's Endpoints (podToEndpointAddressForService). */
export function podAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  const ip = podIPv4(pod);
  if (!ip) return undefined;
  const a: EndpointAddress = { ip, nodeName: pod.spec.nodeName ?? '', targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' } };
  if (shouldSetHostname(pod, svc)) a.hostname = pod.spec['hostname'] as string;
  return a;
}

/** One address in one port, before repacking. */
interface Entry {
  address: EndpointAddress;
  port: EndpointPort | undefined;
  ready: boolean;
}

/** The endpoints of `svc` over `pods` (the pods its selector matches): subsets in canonical form, and the ready / not-ready counts. */
export function computeSubsets(svc: Service, pods: readonly Pod[]): { subsets: Subset[]; ready: number; notReady: number } {
  const entries: Entry[] = [];
  const tolerate = svc.spec['publishNotReadyAddresses'] === true;
  let ready = 0;
  let notReady = 0;
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const address = podAddress(svc, pod);
    if (!address) continue;
    const isReady = tolerate || isPodReady(pod);
    const ports = svc.spec.ports ?? [];
    if (ports.length === 0) {
      // A headless service may have no ports.
      if (svc.spec.clusterIP === 'None') {
        entries.push({ address, port: undefined, ready: isReady });
        if (isReady) ready++;
        else notReady++;
      }
      continue;
    }
    for (const sp of ports) {
      const num = findPort(pod, sp);
      if (num === undefined) continue;
      const port: EndpointPort = { name: sp.name ?? '', port: num, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol) port.appProtocol = sp.appProtocol;
      entries.push({ address, port, ready: isReady });
      if (isReady) ready++;
      else notReady++;
    }
  }
  return { subsets: repack(entries), ready, notReady };
}

function lessAddress(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function hashOf(v: unknown): number {
  return fnv1a32(canonicalJson(v));
}

/**
 * RepackSubsets: every distinct port maps to the addresses offering it (not ready wins over
 * ready); ports with the same address set share a subset. Addresses sort by IP then UID;
 * ports and subsets by a hash (Kubernetes uses an MD5 of a dump; here FNV of canonical JSON).
 */
function repack(entries: Entry[]): Subset[] {
  const addrKey = (a: EndpointAddress) => `${a.ip}/${a.targetRef?.uid ?? ''}`;
  const byPort = new Map<string, { port: EndpointPort | undefined; addrs: Map<string, { address: EndpointAddress; ready: boolean }> }>();
  for (const e of entries) {
    const pk = canonicalJson(e.port ?? null);
    let group = byPort.get(pk);
    if (!group) byPort.set(pk, (group = { port: e.port, addrs: new Map() }));
    const k = addrKey(e.address);
    const prev = group.addrs.get(k);
    if (!prev || prev.ready) group.addrs.set(k, { address: e.address, ready: e.ready });
  }
  const byAddrs = new Map<string, { addrs: { address: EndpointAddress; ready: boolean }[]; ports: EndpointPort[] }>();
  for (const { port, addrs } of byPort.values()) {
    const list = [...addrs.values()].sort((a, b) => lessAddress(a.address, b.address));
    const key = list.map((x) => `${addrKey(x.address)}:${x.ready}`).join(',');
    let g = byAddrs.get(key);
    if (!g) byAddrs.set(key, (g = { addrs: list, ports: [] }));
    if (port) g.ports.push(port);
  }
  const out: Subset[] = [];
  for (const g of byAddrs.values()) {
    const s: Subset = {};
    const readyAddrs = g.addrs.filter((x) => x.ready).map((x) => x.address);
    const notReadyAddrs = g.addrs.filter((x) => !x.ready).map((x) => x.address);
    if (readyAddrs.length > 0) s.addresses = readyAddrs;
    if (notReadyAddrs.length > 0) s.notReadyAddresses = notReadyAddrs;
    if (g.ports.length > 0) s.ports = [...g.ports].sort((a, b) => hashOf(a) - hashOf(b));
    out.push(s);
  }
  return out.sort((a, b) => hashOf(a) - hashOf(b));
}

/** Whether two subset lists are equal, ignoring the targetRefs' resourceVersion. */
export function subsetsEqual(a: readonly Subset[] | undefined, b: readonly Subset[] | undefined): boolean {
  const strip = (s: readonly Subset[] | undefined) =>
    canonicalJson(
      (s ?? []).map((x) => ({
        ...x,
        addresses: x.addresses?.map((ad) => ({ ...ad, targetRef: ad.targetRef ? { ...ad.targetRef, resourceVersion: undefined } : undefined })),
        notReadyAddresses: x.notReadyAddresses?.map((ad) => ({ ...ad, targetRef: ad.targetRef ? { ...ad.targetRef, resourceVersion: undefined } : undefined })),
      })),
    );
  return strip(a) === strip(b);
}
