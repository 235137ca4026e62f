/**
 * What the service REST storage does around the strategy: cluster IP allocation from
 * 10.96.0.0/12 (the dynamic band above the first 256 addresses, as the bitmap allocator
 * prefers), node port allocation from 30000-32767, the IP family fields, and the
 * normalizeClusterIPs / patchAllocatedValues / dropTypeDependentFields fix-ups of updates.
 * Avoiding IPs and ports that other services already hold is left to a cluster-wide
 * allocator (not yet: collisions are possible, with 2^20 addresses improbable).
 */
import type { Service } from '../../api/types';
import { deepEqual } from './fields';

/** The service cluster IP range (kube-apiserver --service-cluster-ip-range). */
export const SERVICE_CIDR = '10.96.0.0/12';
/** The node port range (kube-apiserver --service-node-port-range). */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;

/** A source of choices: an integer in [0, n). */
export type Pick = (n: number) => number;

function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** Whether an IPv4 address can be a cluster IP (inside the range, not its network or broadcast address). */
export function inServiceRange(ip: string): boolean {
  const n = ipToInt(ip);
  return n !== undefined && n > BASE && n < BASE + SIZE - 1;
}

/** A random cluster IP from the dynamic band: 10.96.1.1 to 10.111.255.254. */
export function allocateClusterIP(pick: Pick): string {
  const first = BASE + 257;
  const last = BASE + SIZE - 2;
  return intToIp(first + pick(last - first + 1));
}

/** A random node port not in `used`. */
export function allocateNodePort(pick: Pick, used: Set<number>): number {
  const span = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
  let port = NODE_PORT_RANGE.min + pick(span);
  while (used.has(port)) port = port === NODE_PORT_RANGE.max ? NODE_PORT_RANGE.min : port + 1;
  return port;
}

/** A deterministic Pick from a seed string (FNV-1a), for allocations made during updates. */
export function seededPick(seed: string): Pick {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (n) => {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    return h % n;
  };
}

/** Whether the service type needs a cluster IP (all but ExternalName). */
export function needsClusterIP(svc: Service): boolean {
  return svc.spec?.type !== 'ExternalName';
}

/** Whether the service gets node ports (NodePort, and LoadBalancer unless allocateLoadBalancerNodePorts is false). */
export function needsNodePorts(svc: Service): boolean {
  const t = svc.spec?.type;
  return t === 'NodePort' || (t === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
}

function needsHealthCheckNodePort(svc: Service): boolean {
  return svc.spec?.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

/** Whether the service is headless (`clusterIPs: [None]`). */
export function isHeadless(svc: Service): boolean {
  const ips = svc.spec?.clusterIPs;
  return Array.isArray(ips) && ips.length === 1 && ips[0] === 'None';
}

/** normalizeClusterIPs: keeps clusterIP and clusterIPs in sync as old and new clients use them. */
export function normalizeClusterIPs(svc: Service, old?: Service): void {
  const spec = svc.spec;
  if (!old) {
    if (spec.clusterIP && (spec.clusterIPs ?? []).length === 0) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if ((old.spec.clusterIPs ?? []).length > 0 && (spec.clusterIPs ?? []).length === 0 && old.spec.clusterIP === spec.clusterIP) spec.clusterIPs = old.spec.clusterIPs;
  if (old.spec.clusterIP !== spec.clusterIP) {
    const same = deepEqual(old.spec.clusterIPs ?? [], spec.clusterIPs ?? []);
    if (old.spec.clusterIP && !spec.clusterIP && same) delete spec.clusterIPs;
    if (spec.clusterIP && same) spec.clusterIPs = [spec.clusterIP];
  }
}

/** patchAllocatedValues: an update that omits allocated values (clusterIP, node ports) keeps them. */
export function patchAllocatedValues(svc: Service, old: Service): void {
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!svc.spec.clusterIP && old.spec.clusterIP) svc.spec.clusterIP = old.spec.clusterIP;
    if ((svc.spec.clusterIPs ?? []).length === 0 && (old.spec.clusterIPs ?? []).length > 0) svc.spec.clusterIPs = old.spec.clusterIPs;
  }
  if (needsNodePorts(old) && needsNodePorts(svc)) {
    const used = (s: Service) => new Set((s.spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
    const newUsed = used(svc);
    const taken = new Set([...used(old)].filter((n) => newUsed.has(n)));
    const byName = new Map((old.spec.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
    for (const p of svc.spec.ports ?? []) {
      if (p.nodePort) continue;
      const before = byName.get(p.name ?? '') ?? 0;
      if (before && !taken.has(before)) p.nodePort = before;
    }
  }
  if (needsHealthCheckNodePort(old) && needsHealthCheckNodePort(svc) && !svc.spec.healthCheckNodePort) svc.spec.healthCheckNodePort = old.spec.healthCheckNodePort;
}

/** dropTypeDependentFields: switching type drops what the new type does not use, unless the user changed it. */
export function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    if (old.spec.clusterIP === spec.clusterIP && deepEqual(old.spec.clusterIPs ?? [], spec.clusterIPs ?? [])) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (deepEqual(old.spec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (old.spec.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  const nodePorts = (s: Service) => new Set((s.spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
  const oldPorts = nodePorts(old);
  if (needsNodePorts(old) && !needsNodePorts(svc) && [...nodePorts(svc)].every((p) => oldPorts.has(p))) for (const p of spec.ports ?? []) delete p.nodePort;
  if (needsHealthCheckNodePort(old) && !needsHealthCheckNodePort(svc) && old.spec.healthCheckNodePort === spec.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (old.spec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && old.spec.allocateLoadBalancerNodePorts === spec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
  const external = (s: Service) => s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer' || (s.spec.type === 'ClusterIP' && (s.spec.externalIPs ?? []).length > 0);
  if (external(old) && !external(svc) && old.spec.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer') svc.status = { ...(svc.status ?? {}), loadBalancer: {} };
}

/** The allocator's work: cluster IPs, IP family fields and node ports for what the type needs. */
export function allocateService(svc: Service, pick: Pick): void {
  const spec = svc.spec;
  if (needsClusterIP(svc)) {
    if (!spec.clusterIP) {
      spec.clusterIP = allocateClusterIP(pick);
      spec.clusterIPs = [spec.clusterIP];
    }
    spec.ipFamilyPolicy ??= 'SingleStack';
    if (!spec.ipFamilies || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  }
  if (needsNodePorts(svc)) {
    const used = new Set((spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n !== 0));
    for (const p of spec.ports ?? []) {
      if (p && typeof p === 'object' && !p.nodePort) {
        p.nodePort = allocateNodePort(pick, used);
        used.add(p.nodePort);
      }
    }
  }
  if (needsHealthCheckNodePort(svc) && !spec.healthCheckNodePort) spec.healthCheckNodePort = allocateNodePort(pick, new Set((spec.ports ?? []).map((p) => p.nodePort ?? 0)));
}
