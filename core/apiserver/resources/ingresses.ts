/** networking.k8s.io/v1 ingresses and ingressclasses: validation, generation, status, printing. */
import type { Ingress, IngressBackend, IngressClass, KubeObject } from '../../api/types';
import { type FieldErrors, dns1123Subdomain, labelKey } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { bumpGeneration, deepEqual, dns1035Label, immutable, initGeneration, invalidRaw, portNameErrors, portNumErrors } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf } from './printing';
import { keepStatus, resetStatus } from './workload';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(errs: FieldErrors, path: string, b: IngressBackend | undefined): void {
  const hasResource = !!b?.resource;
  const hasService = !!b?.service;
  if (hasResource && hasService) return errs.invalid(path, '', 'cannot set both resource and service backends');
  if (hasResource) {
    const r = b?.resource;
    if (!r?.kind) errs.required(`${path}.resource.kind`);
    if (!r?.name) errs.required(`${path}.resource.name`);
    return;
  }
  if (!hasService) return errs.invalid(path, '', 'resource or service backend is required');
  const svc = b?.service;
  if (!svc?.name) errs.required(`${path}.service.name`);
  else for (const m of dns1035Label(svc.name)) errs.invalid(`${path}.service.name`, svc.name, m);
  const portName = svc?.port?.name ?? '';
  const portNumber = svc?.port?.number ?? 0;
  if (portName && portNumber) errs.invalid(path, '', 'cannot set both port name & port number');
  else if (portName) for (const m of portNameErrors(portName)) errs.invalid(`${path}.service.port.name`, portName, m);
  else if (portNumber) for (const m of portNumErrors(portNumber)) errs.invalid(`${path}.service.port.number`, portNumber, m);
  else errs.required(path, 'port name or number is required');
}

function validateHost(errs: FieldErrors, path: string, host: string): void {
  if (host.startsWith('*.')) {
    for (const m of dns1123Subdomain(host.slice(2))) errs.invalid(path, host, m.replace('a lowercase RFC 1123 subdomain', 'a wildcard DNS-1123 subdomain'));
  } else for (const m of dns1123Subdomain(host)) errs.invalid(path, host, m);
}

/** ValidateIngressCreate / ValidateIngressUpdate (the spec part). */
export function validateIngress(obj: KubeObject, errs: FieldErrors): void {
  validateObjectMeta(obj, true, errs);
  const spec = (obj as Ingress).spec ?? {};
  if (!spec.defaultBackend && (spec.rules ?? []).length === 0) invalidRaw(errs, 'spec', '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified');
  if (spec.defaultBackend) validateBackend(errs, 'spec.defaultBackend', spec.defaultBackend);
  (spec.rules ?? []).forEach((rule, i) => {
    const path = `spec.rules[${i}]`;
    if (rule?.host) validateHost(errs, `${path}.host`, rule.host);
    if (!rule?.http) return;
    const paths = rule.http.paths ?? [];
    if (paths.length === 0) errs.required(`${path}.http.paths`);
    paths.forEach((p, j) => {
      const pp = `${path}.http.paths[${j}]`;
      if (!p?.pathType) errs.required(`${pp}.pathType`, 'pathType must be specified');
      else if (!PATH_TYPES.includes(p.pathType)) errs.notSupported(`${pp}.pathType`, p.pathType, PATH_TYPES);
      else if ((p.pathType === 'Exact' || p.pathType === 'Prefix') && !(p.path ?? '').startsWith('/')) errs.invalid(`${pp}.path`, p.path ?? '', 'must be an absolute path');
      validateBackend(errs, `${pp}.backend`, p?.backend);
    });
  });
  (spec.tls ?? []).forEach((tls, i) => (tls?.hosts ?? []).forEach((h, j) => validateHost(errs, `spec.tls[${i}].hosts[${j}]`, h)));
  if (spec.ingressClassName) for (const m of dns1123Subdomain(spec.ingressClassName)) errs.invalid('spec.ingressClassName', spec.ingressClassName, m);
}

/** formatHosts: up to three hosts then `+ N more...`, `*` when none. */
export function formatHosts(rules: Ingress['spec']['rules']): string {
  const list: string[] = [];
  let more = false;
  for (const r of rules ?? []) {
    if (list.length === 3) more = true;
    if (!more && r?.host) list.push(r.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${(rules ?? []).length - 3} more...` : list.join(',');
}

/** ingressLoadBalancerStatusStringer: distinct IPs or hostnames, sorted; clipped to 16 bytes unless wide. */
export function loadBalancerAddresses(ingress: { ip?: string; hostname?: string }[] | undefined): string {
  return [...new Set((ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s))].sort().join(',');
}

/** The ingress printer (printIngress; the server prints with wide=true, so ADDRESS is not clipped). */
export const ingressPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    column('Ports', 'string', 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  cells(obj, now) {
    const ing = obj as Ingress;
    const spec = ing.spec ?? {};
    return [ing.metadata.name, spec.ingressClassName ?? '<none>', formatHosts(spec.rules), loadBalancerAddresses(ing.status?.loadBalancer?.ingress), (spec.tls ?? []).length > 0 ? '80, 443' : '80', ageOf(ing, now)];
  },
};

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** networking.k8s.io/v1 ingresses. */
export const ingresses: ResourceDef = {
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingresses',
  singular: 'ingress',
  kind: 'Ingress',
  namespaced: true,
  shortNames: ['ing'],
  categories: [],
  verbs: VERBS,
  subresources: ['status'],
  schemaName: 'io.k8s.api.networking.v1.Ingress',
  hasGeneration: true,
  printer: ingressPrinter,
  validate: validateIngress,
  prepareForCreate: (obj) => resetStatus(obj, { loadBalancer: {} }),
  prepareForUpdate: (obj, old) => keepStatus(obj, old),
};

/** ValidateIngressClass and, on update, the immutable controller. */
export function validateIngressClass(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, false, errs);
  const spec = (obj as IngressClass).spec ?? {};
  const controller = spec.controller ?? '';
  if (!controller) errs.required('spec.controller');
  else if (controller.length > 250) errs.causes.push({ reason: 'FieldValueTooLong', message: 'Too long: must have at most 250 bytes', field: 'spec.controller' });
  else if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/\S+$/.test(controller) || labelKey(controller.split('/')[0] + '/x').length > 0) {
    errs.invalid('spec.controller', controller, 'must be a domain-prefixed path (such as "acme.io/foo")');
  }
  const p = spec.parameters;
  if (p) {
    if (!p.kind) errs.required('spec.parameters.kind');
    if (!p.name) errs.required('spec.parameters.name');
    if (p.scope !== undefined && p.scope !== 'Cluster' && p.scope !== 'Namespace') errs.notSupported('spec.parameters.scope', p.scope, ['Cluster', 'Namespace']);
    if (p.scope === 'Namespace' && !p.namespace) errs.required('spec.parameters.namespace', '`parameters.scope` is set to "Namespace"');
    if (p.scope === 'Cluster' && p.namespace) errs.forbidden('spec.parameters.namespace', '`parameters.scope` is set to "Cluster"');
  }
  if (old) immutable(errs, 'spec.controller', spec.controller, (old as IngressClass).spec?.controller);
}

/** The ingress class printer (printIngressClass). */
export const ingressClassPrinter: TablePrinter = {
  columns: [nameColumn, column('Controller', 'string', 'Controller that is responsible for handling this class'), column('Parameters', 'string', 'A reference to a resource with additional parameters'), ageColumn],
  cells(obj, now) {
    const ic = obj as IngressClass;
    const p = ic.spec?.parameters;
    const parameters = p ? `${p.kind}${p.apiGroup !== undefined ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [ic.metadata.name, ic.spec?.controller ?? '', parameters, ageOf(ic, now)];
  },
};

/** networking.k8s.io/v1 ingressclasses. */
export const ingressclasses: ResourceDef = {
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'ingressclasses',
  singular: 'ingressclass',
  kind: 'IngressClass',
  namespaced: false,
  shortNames: [],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.networking.v1.IngressClass',
  hasGeneration: true,
  printer: ingressClassPrinter,
  validate: validateIngressClass,
  prepareForCreate: initGeneration,
  defaults(obj) {
    const p = (obj as IngressClass).spec?.parameters;
    if (p) p.scope ??= 'Cluster';
  },
  prepareForUpdate: (obj, old) => bumpGeneration(obj, old, !deepEqual(obj['spec'], old['spec'])),
};
