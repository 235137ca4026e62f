/** core/v1 endpoints and discovery.k8s.io/v1 endpointslices: defaults, validation, printing. */
import type { EndpointAddress, Endpoints, EndpointSlice, KubeObject } from '../../api/types';
import { type FieldErrors, dns1123Label, dns1123Subdomain, labelKey } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { bumpGeneration, deepEqual, immutable, initGeneration, isIPv4, isIPv6, portNumErrors, validateIP } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf, listWithMore } from './printing';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

/** ValidateNonSpecialIP: no unspecified, loopback or link-local addresses. */
function validateNonSpecialIP(errs: FieldErrors, field: string, ip: string): void {
  if (ip === '0.0.0.0' || ip === '::') errs.invalid(field, ip, `may not be unspecified (${ip})`);
  if (ip.startsWith('127.') || ip === '::1') errs.invalid(field, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)');
  if (ip.startsWith('169.254.') || /^fe[89ab]/i.test(ip)) errs.invalid(field, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)');
  if (ip.startsWith('224.0.0.') || /^ff02:/i.test(ip)) errs.invalid(field, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)');
}

function validatePort(errs: FieldErrors, path: string, p: { name?: string; port?: number; protocol?: string }, requireName: boolean): void {
  if (requireName && !p.name) errs.required(`${path}.name`);
  else if (p.name) for (const m of dns1123Label(p.name)) errs.invalid(`${path}.name`, p.name, m);
  for (const m of portNumErrors(p.port)) errs.invalid(`${path}.port`, p.port ?? 0, m);
  if (!p.protocol) errs.required(`${path}.protocol`);
  else if (!PROTOCOLS.includes(p.protocol)) errs.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS);
}

function validateAddress(errs: FieldErrors, path: string, a: EndpointAddress): void {
  if (validateIP(errs, `${path}.ip`, a?.ip ?? '')) validateNonSpecialIP(errs, `${path}.ip`, a.ip);
  if (a?.hostname) for (const m of dns1123Label(a.hostname)) errs.invalid(`${path}.hostname`, a.hostname, m);
  if (a?.nodeName) for (const m of dns1123Subdomain(a.nodeName)) errs.invalid(`${path}.nodeName`, a.nodeName, m);
}

/** ValidateEndpoints (create and update). */
export function validateEndpoints(obj: KubeObject, errs: FieldErrors): void {
  validateObjectMeta(obj, true, errs);
  ((obj as Endpoints).subsets ?? []).forEach((ss, i) => {
    const path = `subsets[${i}]`;
    if ((ss.addresses ?? []).length === 0 && (ss.notReadyAddresses ?? []).length === 0) errs.required(path, 'must specify `addresses` or `notReadyAddresses`');
    (ss.addresses ?? []).forEach((a, j) => validateAddress(errs, `${path}.addresses[${j}]`, a));
    (ss.notReadyAddresses ?? []).forEach((a, j) => validateAddress(errs, `${path}.notReadyAddresses[${j}]`, a));
    (ss.ports ?? []).forEach((p, j) => validatePort(errs, `${path}.ports[${j}]`, p, (ss.ports ?? []).length > 1));
  });
}

/** formatEndpoints: up to three `ip:port`, then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) if (list.length < 3) list.push(a.ip);
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) if (list.length < 3) list.push(a.ip.includes(':') ? `[${a.ip}]:${p.port}` : `${a.ip}:${p.port}`);
    }
  }
  const ret = list.join(',');
  return count > 3 ? `${ret} + ${count - 3} more...` : ret;
}

/** The endpoints printer (printEndpoints). */
export const endpointsPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Endpoints', 'string', 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.'),
    ageColumn,
  ],
  cells: (obj, now) => [obj.metadata.name, formatEndpoints(obj as Endpoints), ageOf(obj, now)],
};

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** core/v1 endpoints. */
export const endpoints: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'endpoints',
  singular: 'endpoints',
  kind: 'Endpoints',
  namespaced: true,
  shortNames: ['ep'],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.core.v1.Endpoints',
  printer: endpointsPrinter,
  defaults(obj) {
    for (const ss of (obj as Endpoints).subsets ?? []) for (const p of ss.ports ?? []) p.protocol ||= 'TCP';
  },
  validate: validateEndpoints,
};

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

/** ValidateEndpointSlice and, on update, the immutable address type. */
export function validateEndpointSlice(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const es = obj as EndpointSlice;
  const type = es.addressType;
  if (!type) errs.required('addressType');
  else if (!ADDRESS_TYPES.includes(type)) errs.notSupported('addressType', type, ADDRESS_TYPES);
  (es.endpoints ?? []).forEach((ep, i) => {
    const path = `endpoints[${i}]`;
    const addrs = ep?.addresses ?? [];
    if (addrs.length === 0) errs.required(`${path}.addresses`, 'must contain at least 1 address');
    else if (addrs.length > 100) errs.causes.push({ reason: 'FieldValueTooMany', message: `Too many: ${addrs.length}: must have at most 100 items`, field: `${path}.addresses` });
    addrs.forEach((a, j) => {
      const ap = `${path}.addresses[${j}]`;
      if (type === 'IPv4' && !isIPv4(a)) errs.invalid(ap, a, 'must be a valid IPv4 address');
      else if (type === 'IPv6' && !isIPv6(a)) errs.invalid(ap, a, 'must be a valid IPv6 address');
      else if (type === 'FQDN') for (const m of dns1123Subdomain(a)) errs.invalid(ap, a, m);
    });
    if (ep?.hostname) for (const m of dns1123Label(ep.hostname)) errs.invalid(`${path}.hostname`, ep.hostname, m);
  });
  const names = new Set<string>();
  (es.ports ?? []).forEach((p, i) => {
    const path = `ports[${i}]`;
    if (p?.name) {
      for (const m of dns1123Label(p.name)) errs.invalid(`${path}.name`, p.name, m);
      if (names.has(p.name)) errs.duplicate(`${path}.name`, p.name);
    }
    names.add(p?.name ?? '');
    if (p?.protocol && !PROTOCOLS.includes(p.protocol)) errs.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS);
    if (p?.port !== undefined && p.port !== null) for (const m of portNumErrors(p.port)) errs.invalid(`${path}.port`, p.port, m);
    if (p?.appProtocol) for (const m of labelKey(p.appProtocol)) errs.invalid(`${path}.appProtocol`, p.appProtocol, m);
  });
  if (old) immutable(errs, 'addressType', type, (old as EndpointSlice).addressType);
}

/** The EndpointSlice printer (printEndpointSlice). */
export const endpointSlicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. CAUTION: This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.'),
    column('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.'),
    column('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.'),
    ageColumn,
  ],
  cells(obj, now) {
    const es = obj as EndpointSlice;
    const ports = (es.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*'));
    const addresses = (es.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [es.metadata.name, es.addressType ?? '', listWithMore(ports), listWithMore(addresses), ageOf(es, now)];
  },
};

/** discovery.k8s.io/v1 endpointslices. */
export const endpointslices: ResourceDef = {
  group: 'discovery.k8s.io',
  version: 'v1',
  resource: 'endpointslices',
  singular: 'endpointslice',
  kind: 'EndpointSlice',
  namespaced: true,
  shortNames: [],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.discovery.v1.EndpointSlice',
  hasGeneration: true,
  printer: endpointSlicePrinter,
  defaults(obj) {
    const es = obj as EndpointSlice;
    es.endpoints ??= [];
    for (const p of es.ports ?? []) {
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  validate: validateEndpointSlice,
  prepareForCreate: initGeneration,
  prepareForUpdate(obj, old) {
    const strip = (o: KubeObject) => ({ ...o, metadata: undefined });
    bumpGeneration(obj, old, !deepEqual(strip(obj), strip(old)));
  },
};
