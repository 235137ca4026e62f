/**
 * The records CoreDNS's `kubernetes` plugin serves for the cluster domain (the DNS
 * specification for Kubernetes, schema 1.1.0, with kubeadm's `pods insecure`):
 *  - `<svc>.<ns>.svc.<domain>`: A the cluster IP; for a headless service the ready endpoints'
 *    addresses; for an ExternalName service a CNAME to the external name;
 *  - `<hostname>.<svc>.<ns>.svc.<domain>`: the endpoint of a headless service with that hostname
 *    (a StatefulSet pod), or whose address, dashed, is that label;
 *  - `<a-b-c-d>.<ns>.pod.<domain>`: A a.b.c.d;
 * anything else under the domain, or in a namespace that does not exist: NXDOMAIN.
 */
import type { EndpointSlice, Service } from '../api/types';
import { compareIPs, isIPv4 } from '../network/ip';

/** What the records are built from (CoreDNS's informer caches). */
export interface RecordSource {
  service(namespace: string, name: string): Service | undefined;
  slices(namespace: string, service: string): readonly EndpointSlice[];
  namespaceExists(namespace: string): boolean;
}

/** The answer for one fully qualified name. */
export type RecordAnswer = { found: true; addresses: string[]; cname?: string } | { found: false };

const NOT_FOUND: RecordAnswer = { found: false };

/** The ready endpoints of a headless service: address and hostname (or dashed address). */
function headlessEndpoints(src: RecordSource, namespace: string, service: string): { ip: string; host: string }[] {
  const out = new Map<string, { ip: string; host: string }>();
  for (const s of src.slices(namespace, service)) {
    if (s.addressType !== 'IPv4') continue;
    for (const ep of s.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      for (const ip of ep.addresses ?? []) out.set(`${ip}/${ep.hostname ?? ''}`, { ip, host: ep.hostname ?? ip.replace(/\./g, '-') });
    }
  }
  return [...out.values()].sort((a, b) => compareIPs(a.ip, b.ip));
}

/** Looks up one fully qualified name (without the trailing dot) in the cluster domain. */
export function lookupRecord(src: RecordSource, fqdn: string, domain: string): RecordAnswer {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  if (!name.endsWith(`.${domain}`)) return NOT_FOUND;
  const labels = name.slice(0, -(domain.length + 1)).split('.');
  const kind = labels[labels.length - 1];
  if (kind === 'pod' && labels.length === 3) {
    const ip = (labels[0] ?? '').replace(/-/g, '.');
    return isIPv4(ip) && src.namespaceExists(labels[1] ?? '') ? { found: true, addresses: [ip] } : NOT_FOUND;
  }
  if (kind !== 'svc' || (labels.length !== 3 && labels.length !== 4)) return NOT_FOUND;
  const namespace = labels[labels.length - 2] ?? '';
  const svcName = labels[labels.length - 3] ?? '';
  if (!src.namespaceExists(namespace)) return NOT_FOUND;
  const svc = src.service(namespace, svcName);
  if (!svc) return NOT_FOUND;
  const headless = svc.spec.clusterIP === 'None';
  if (labels.length === 4) {
    if (!headless) return NOT_FOUND;
    const host = labels[0];
    const hits = headlessEndpoints(src, namespace, svcName).filter((e) => e.host === host);
    return hits.length > 0 ? { found: true, addresses: hits.map((e) => e.ip) } : NOT_FOUND;
  }
  if (svc.spec.type === 'ExternalName') return svc.spec.externalName ? { found: true, addresses: [], cname: svc.spec.externalName } : NOT_FOUND;
  if (headless) {
    const eps = headlessEndpoints(src, namespace, svcName);
    return eps.length > 0 ? { found: true, addresses: [...new Set(eps.map((e) => e.ip))] } : NOT_FOUND;
  }
  return svc.spec.clusterIP ? { found: true, addresses: [svc.spec.clusterIP] } : NOT_FOUND;
}

/**
 * The names a resolver asks for `name` with a pod's resolv.conf (`search <ns>.svc.<domain>
 * svc.<domain> <domain>`, `options ndots:5`): a name with a trailing dot as is; one with
 * fewer than 5 dots through the search path first, then as is; others as is first.
 */
export function searchCandidates(name: string, namespace: string | undefined, domain: string, ndots = 5): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const search = namespace ? [`${namespace}.svc.${domain}`, `svc.${domain}`, domain] : [];
  const expanded = search.map((s) => `${name}.${s}`);
  const dots = name.split('.').length - 1;
  return dots >= ndots ? [name, ...expanded] : [...expanded, name];
}
