/**
 * core/v1 services: defaults (SetDefaults_Service), cluster IP and node port allocation,
 * ValidateService / ValidateServiceUpdate (DNS-1035 names, ports, the immutable cluster IP),
 * field selectors and the TYPE / CLUSTER-IP / EXTERNAL-IP / PORT(S) printer.
 */
import type { KubeObject, Service, ServicePort } from '../../api/types';
import { type FieldErrors, dns1123Label, dns1123Subdomain, labelKey } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { dns1035Label, goIntOrString, goQuote, goStringSlice, invalidRaw, isIPv6, portNumErrors, validateIP, validatePortNumOrName } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf } from './printing';
import { formatLabels, validateLabels } from './selector';
import { allocateService, dropTypeDependentFields, inServiceRange, isHeadless, NODE_PORT_RANGE, normalizeClusterIPs, patchAllocatedValues, SERVICE_CIDR } from './service-alloc';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

function externallyAccessible(svc: Service): boolean {
  const t = svc.spec?.type;
  return t === 'LoadBalancer' || t === 'NodePort' || (t === 'ClusterIP' && (svc.spec.externalIPs ?? []).length > 0);
}

/** SetDefaults_Service. */
export function serviceDefaults(obj: KubeObject): void {
  const svc = obj as Service;
  const spec = (svc.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec['sessionAffinityConfig'];
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = (spec['sessionAffinityConfig'] ??= {}) as { clientIP?: { timeoutSeconds?: number } };
    const clientIP = (cfg.clientIP ??= {});
    clientIP.timeoutSeconds ??= 10800;
  }
  spec.type ||= 'ClusterIP';
  for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
    if (!p || typeof p !== 'object') continue;
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(svc) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

function goServicePort(p: ServicePort): string {
  const app = p.appProtocol === undefined ? '(*string)(nil)' : `&${goQuote(p.appProtocol)}`;
  return `core.ServicePort{Name:${goQuote(p.name ?? '')}, Protocol:${goQuote(p.protocol ?? '')}, AppProtocol:${app}, Port:${p.port ?? 0}, TargetPort:${goIntOrString(0)}, NodePort:0}`;
}

function validatePorts(errs: FieldErrors, svc: Service): void {
  const ports = Array.isArray(svc.spec.ports) ? svc.spec.ports : [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (!p || typeof p !== 'object') return errs.required(path);
    if (ports.length > 1 && !p.name) errs.required(`${path}.name`);
    else if (p.name) {
      for (const m of dns1123Label(p.name)) errs.invalid(`${path}.name`, p.name, m);
      if (names.has(p.name)) errs.duplicate(`${path}.name`, p.name);
      names.add(p.name);
    }
    for (const m of portNumErrors(p.port)) errs.invalid(`${path}.port`, p.port ?? 0, m);
    if (!p.protocol) errs.required(`${path}.protocol`);
    else if (!PROTOCOLS.includes(p.protocol)) errs.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS);
    validatePortNumOrName(errs, `${path}.targetPort`, p.targetPort);
    if (p.appProtocol !== undefined) for (const m of labelKey(p.appProtocol)) errs.invalid(`${path}.appProtocol`, p.appProtocol, m);
  });
  if (svc.spec.type === 'ClusterIP') ports.forEach((p, i) => p?.nodePort && errs.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
  const nodePorts = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    if (!p || typeof p !== 'object') return;
    if (p.nodePort) {
      const k = `${p.protocol}/${p.nodePort}`;
      if (nodePorts.has(k)) errs.duplicate(`spec.ports[${i}].nodePort`, p.nodePort);
      nodePorts.add(k);
    }
    const key = `${p.protocol}/${p.port}`;
    if (keys.has(key)) errs.causes.push({ reason: 'FieldValueDuplicate', message: `Duplicate value: ${goServicePort({ port: p.port, protocol: p.protocol })}`, field: `spec.ports[${i}]` });
    keys.add(key);
  });
}

function validateClusterIPs(errs: FieldErrors, svc: Service): void {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return;
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (ips.length === 0) errs.required('spec.clusterIPs');
    else if (ips[0] !== spec.clusterIP) invalidRaw(errs, 'spec.clusterIPs', goStringSlice(ips), 'first value must match `clusterIP`');
  } else if (ips.length > 0) invalidRaw(errs, 'spec.clusterIPs', goStringSlice(ips), 'must be empty when `clusterIP` is not specified');
  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']);
    if (seen.has(f)) errs.duplicate(`spec.ipFamilies[${i}]`, f);
    seen.add(f);
  });
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (spec.ipFamilyPolicy !== undefined && !policies.includes(spec.ipFamilyPolicy)) errs.notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, policies);
  let bad = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        bad = true;
        invalidRaw(errs, 'spec.clusterIPs', goStringSlice(ips), "'None' must be the first and only value");
      }
      return;
    }
    if (!validateIP(errs, `spec.clusterIPs[${i}]`, ip)) bad = true;
  });
  if (ips.length > 2) invalidRaw(errs, 'spec.clusterIPs', goStringSlice(ips), 'may only hold up to 2 values');
  if (bad) return;
  if (ips.length > 1 && isIPv6(ips[0] as string) === isIPv6(ips[1] as string)) invalidRaw(errs, 'spec.clusterIPs', goStringSlice(ips), 'may specify no more than one IP for each IP family');
  if (!isHeadless(svc)) {
    ips.forEach((ip, i) => {
      const fam = spec.ipFamilies?.[i];
      if (fam === 'IPv4' && isIPv6(ip)) errs.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``);
      if (fam === 'IPv6' && !isIPv6(ip)) errs.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``);
    });
  }
}

function validateTrafficPolicies(errs: FieldErrors, svc: Service): void {
  const spec = svc.spec;
  if (!externallyAccessible(svc)) {
    if (spec.externalTrafficPolicy) errs.invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services');
  } else if (!spec.externalTrafficPolicy) errs.required('spec.externalTrafficPolicy');
  else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) errs.notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']);
  const needsHC = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
  if (!needsHC && spec.healthCheckNodePort) errs.invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type ?? '')) errs.required('spec.internalTrafficPolicy');
  if (spec.internalTrafficPolicy !== undefined && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) errs.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']);
  const td = spec['trafficDistribution'];
  if (td !== undefined && td !== 'PreferClose') errs.notSupported('spec.trafficDistribution', td, ['PreferClose']);
}

/** ValidateService (create) and ValidateServiceUpdate. */
export function validateService(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  const svc = obj as Service;
  if (!svc.spec || typeof svc.spec !== 'object') svc.spec = {};
  const spec = svc.spec;
  if (old) validateIPUpdate(errs, svc, old as Service);
  validateObjectMeta(obj, true, errs, dns1035Label);
  if ((spec.ports ?? []).length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName') errs.required('spec.ports');
  if (spec.type === 'LoadBalancer' && isHeadless(svc)) errs.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services");
  if (spec.type === 'NodePort' && isHeadless(svc)) errs.invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services");
  if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs ?? []).length > 0) errs.forbidden('spec.clusterIPs', 'may not be set for ExternalName services');
    if ((spec.ipFamilies ?? []).length > 0) errs.forbidden('spec.ipFamilies', 'may not be set for ExternalName services');
    if (spec.ipFamilyPolicy !== undefined) errs.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services');
    const cname = (spec.externalName ?? '').replace(/\.$/, '');
    if (cname) for (const m of dns1123Subdomain(cname)) errs.invalid('spec.externalName', cname, m);
    else errs.required('spec.externalName');
  }
  validatePorts(errs, svc);
  if (spec.selector) validateLabels(spec.selector, 'spec.selector', errs);
  if (!spec.sessionAffinity) errs.required('spec.sessionAffinity');
  else if (!['ClientIP', 'None'].includes(spec.sessionAffinity)) errs.notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']);
  const timeout = (spec['sessionAffinityConfig'] as { clientIP?: { timeoutSeconds?: number } } | undefined)?.clientIP?.timeoutSeconds;
  if (spec.sessionAffinity === 'ClientIP' && timeout !== undefined && (timeout <= 0 || timeout > 86400)) errs.invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400');
  if (spec.sessionAffinity === 'None' && spec['sessionAffinityConfig'] !== undefined) errs.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None');
  validateClusterIPs(errs, svc);
  (spec.externalIPs ?? []).forEach((ip, i) => validateIP(errs, `spec.externalIPs[${i}]`, ip));
  if (!spec.type) errs.required('spec.type');
  else if (!TYPES.includes(spec.type)) errs.notSupported('spec.type', spec.type, TYPES);
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') errs.forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'");
  if (Array.isArray(spec['loadBalancerSourceRanges']) && (spec['loadBalancerSourceRanges'] as unknown[]).length > 0 && spec.type !== 'LoadBalancer') errs.forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'");
  validateTrafficPolicies(errs, svc);
  if (!old) validateAllocatable(errs, svc);
}

function validateIPUpdate(errs: FieldErrors, svc: Service, old: Service): void {
  if (svc.spec.type === 'ExternalName' || old.spec?.type === 'ExternalName' || (isHeadless(svc) && isHeadless(old))) return;
  const now = svc.spec.clusterIPs ?? [];
  const before = old.spec?.clusterIPs ?? [];
  if (before.length === now.length) before.forEach((ip, i) => ip !== now[i] && invalidRaw(errs, `spec.clusterIPs[${i}]`, goStringSlice(now), 'may not change once set'));
  else if (before.length > now.length) {
    if (now.length === 0) invalidRaw(errs, 'spec.clusterIPs[0]', goStringSlice(now), 'primary clusterIP can not be unset');
    else if (now[0] !== before[0]) invalidRaw(errs, 'spec.clusterIPs[0]', goStringSlice(now), 'may not change once set');
  } else if (before.length > 0 && now[0] !== before[0]) invalidRaw(errs, 'spec.clusterIPs[0]', goStringSlice(now), 'may not change once set');
  const fams = svc.spec.ipFamilies ?? [];
  const oldFams = old.spec?.ipFamilies ?? [];
  if (isHeadless(svc) === isHeadless(old) && fams.length === oldFams.length && oldFams.some((f, i) => f !== fams[i])) invalidRaw(errs, 'spec.ipFamilies[0]', goStringSlice(fams), 'may not change once set');
}

/** What the allocator rejects on create: a cluster IP or node port outside its range. */
function validateAllocatable(errs: FieldErrors, svc: Service): void {
  const ip = svc.spec.clusterIP;
  if (ip && ip !== 'None' && !isIPv6(ip) && svc.spec.type !== 'ExternalName' && !inServiceRange(ip)) {
    invalidRaw(errs, 'spec.clusterIPs', goStringSlice(svc.spec.clusterIPs), `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
  }
  (svc.spec.ports ?? []).forEach((p, i) => {
    if (p?.nodePort && (p.nodePort < NODE_PORT_RANGE.min || p.nodePort > NODE_PORT_RANGE.max)) {
      errs.invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`);
    }
  });
}

function externalIPCell(svc: Service): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = [...new Set((svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s))].sort().join(',');
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP`, comma-separated. */
export function servicePortsCell(ports: ServicePort[] | undefined): string {
  return (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
}

/** The service printer (printService). */
export const servicePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Type', 'string', 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types'),
    column('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
    column('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.'),
    column('Port(s)', 'string', 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
    ageColumn,
    column('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/', 1),
  ],
  cells(obj, now) {
    const svc = obj as Service;
    const spec = svc.spec ?? {};
    const ports = servicePortsCell(spec.ports) || '<none>';
    return [svc.metadata.name, spec.type ?? '', spec.clusterIPs?.[0] ?? '<none>', externalIPCell(svc), ports, ageOf(svc, now), formatLabels(spec.selector)];
  },
};

/** core/v1 services. */
export const services: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'services',
  singular: 'service',
  kind: 'Service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status'],
  schemaName: 'io.k8s.api.core.v1.Service',
  printer: servicePrinter,
  defaults: serviceDefaults,
  validate: validateService,
  prepareForCreate(obj, ctx) {
    const svc = obj as Service;
    serviceDefaults(svc);
    normalizeClusterIPs(svc);
    allocateService(svc, (n) => ctx.random.int(n));
    svc.status = { loadBalancer: {} };
  },
  prepareForUpdate(obj, old, ctx) {
    const svc = obj as Service;
    const o = old as Service;
    svc.status = o.status;
    serviceDefaults(svc);
    patchAllocatedValues(svc, o);
    normalizeClusterIPs(svc, o);
    dropTypeDependentFields(svc, o);
    // A type change may need new allocations (a cluster IP, node ports), from the cluster's random source.
    allocateService(svc, (n) => ctx.random.int(n));
  },
  selectableFields(obj) {
    const svc = obj as Service;
    return { 'spec.clusterIP': svc.spec?.clusterIP ?? '', 'spec.type': svc.spec?.type ?? '' };
  },
};
