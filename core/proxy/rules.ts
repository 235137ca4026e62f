/**
 * From Services and EndpointSlices to the rules of one node, as kube-proxy's service and
 * endpoints change trackers do (pkg/proxy/servicechangetracker.go, endpointschangetracker.go,
 * endpointslicecache.go): one rule per service port with a cluster IP (headless and
 * ExternalName services get none), its node port and external IPs, session affinity, traffic
 * policies, and the endpoints of every slice of the service whose port matches by name and
 * protocol (a nil `ready` counts as ready, as kube-proxy reads it).
 */
import type { EndpointSlice, Service } from '../api/types';
import type { RuleEndpoint, ServicePortRule } from '../network/rules';

/** The label naming a slice's service. */
const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
/** sessionAffinityConfig.clientIP.timeoutSeconds' default (3 hours). */
export const DEFAULT_AFFINITY_SECONDS = 10800;

/** Whether kube-proxy programs the service at all. */
export function proxied(svc: Service): boolean {
  return svc.spec.type !== 'ExternalName' && !!svc.spec.clusterIP && svc.spec.clusterIP !== 'None';
}

/** The rules of every service port, from the services and slices kube-proxy sees. */
export function buildRules(services: readonly Service[], slices: readonly EndpointSlice[]): ServicePortRule[] {
  const slicesBySvc = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.[LABEL_SERVICE_NAME];
    if (!svc || s.addressType !== 'IPv4') continue;
    const k = `${s.metadata.namespace ?? ''}/${svc}`;
    slicesBySvc.set(k, [...(slicesBySvc.get(k) ?? []), s]);
  }
  const out: ServicePortRule[] = [];
  const sorted = [...services].sort((a, b) => key(a).localeCompare(key(b)));
  for (const svc of sorted) {
    if (!proxied(svc)) continue;
    const k = key(svc);
    const affinity = svc.spec.sessionAffinity === 'ClientIP' ? affinitySeconds(svc) : undefined;
    const withNodePort = svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer';
    for (const p of svc.spec.ports ?? []) {
      const protocol = p.protocol ?? 'TCP';
      const name = p.name ?? '';
      const rule: ServicePortRule = {
        name: `${k}:${name}`,
        service: k,
        protocol,
        clusterIP: svc.spec.clusterIP as string,
        port: p.port,
        externalIPs: [...(svc.spec.externalIPs ?? [])],
        internalLocal: svc.spec.internalTrafficPolicy === 'Local',
        externalLocal: withNodePort && svc.spec.externalTrafficPolicy === 'Local',
        endpoints: endpointsFor(slicesBySvc.get(k) ?? [], name, protocol),
      };
      if (withNodePort && p.nodePort) rule.nodePort = p.nodePort;
      if (affinity !== undefined) rule.affinitySeconds = affinity;
      out.push(rule);
    }
  }
  return out;
}

function key(svc: Service): string {
  return `${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}`;
}

function affinitySeconds(svc: Service): number {
  const cfg = svc.spec['sessionAffinityConfig'] as { clientIP?: { timeoutSeconds?: number } } | undefined;
  return cfg?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS;
}

function endpointsFor(slices: readonly EndpointSlice[], portName: string, protocol: string): RuleEndpoint[] {
  const seen = new Map<string, RuleEndpoint>();
  for (const s of slices) {
    const port = (s.ports ?? []).find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol);
    if (!port || port.port === undefined || port.port === null) continue;
    for (const ep of s.endpoints ?? []) {
      const ip = ep.addresses?.[0];
      if (!ip) continue;
      const ready = ep.conditions?.ready ?? true;
      const e: RuleEndpoint = {
        ip,
        port: port.port,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
      };
      if (ep.nodeName) e.nodeName = ep.nodeName;
      if (ep.targetRef?.kind === 'Pod' && ep.targetRef.name) e.pod = `${ep.targetRef.namespace ?? s.metadata.namespace ?? ''}/${ep.targetRef.name}`;
      const id = `${ip}:${port.port}`;
      if (!seen.has(id)) seen.set(id, e);
    }
  }
  return [...seen.values()];
}
