/** networking.k8s.io/v1 networkpolicies: policyTypes defaulting, validation, the POD-SELECTOR printer. */
import type { KubeObject, LabelSelector, NetworkPolicy } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { bumpGeneration, deepEqual, initGeneration, isIPv4, isIPv6, portNameErrors, portNumErrors } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf } from './printing';
import { formatLabelSelector, validateLabelSelector } from './selector';

type Port = { protocol?: string; port?: number | string; endPort?: number };
type Peer = { podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: { cidr?: string; except?: string[] } };

/** SetDefaults_NetworkPolicy: policyTypes from the rules present; ports default to TCP. */
export function networkPolicyDefaults(obj: KubeObject): void {
  const np = obj as NetworkPolicy;
  const spec = (np.spec ??= {});
  spec.podSelector ??= {};
  if (!spec.policyTypes || spec.policyTypes.length === 0) {
    spec.policyTypes = ['Ingress'];
    if ((spec.egress ?? []).length > 0) spec.policyTypes.push('Egress');
  }
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) for (const p of (rule?.['ports'] as Port[] | undefined) ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
}

function isCIDR(s: string): boolean {
  const [ip, bits, extra] = s.split('/');
  if (extra !== undefined || bits === undefined || !/^[0-9]+$/.test(bits)) return false;
  return (isIPv4(ip ?? '') && Number(bits) <= 32) || (isIPv6(ip ?? '') && Number(bits) <= 128);
}

function validatePort(errs: FieldErrors, path: string, p: Port): void {
  if (p.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.notSupported(`${path}.protocol`, p.protocol, ['TCP', 'UDP', 'SCTP']);
  if (typeof p.port === 'number') {
    for (const m of portNumErrors(p.port)) errs.invalid(`${path}.port`, p.port, m);
    if (p.endPort !== undefined) {
      if (p.endPort < p.port) errs.invalid(`${path}.endPort`, p.port, 'must be greater than or equal to `port`');
      for (const m of portNumErrors(p.endPort)) errs.invalid(`${path}.endPort`, p.endPort, m);
    }
  } else if (typeof p.port === 'string') {
    if (p.endPort !== undefined) errs.invalid(`${path}.endPort`, p.endPort, 'may not be specified when `port` is non-numeric');
    for (const m of portNameErrors(p.port)) errs.invalid(`${path}.port`, p.port, m);
  } else if (p.endPort !== undefined) errs.invalid(`${path}.endPort`, p.endPort, 'may not be specified when `port` is not specified');
}

function validatePeer(errs: FieldErrors, path: string, peer: Peer): void {
  let n = 0;
  if (peer.podSelector) {
    n++;
    validateLabelSelector(peer.podSelector, `${path}.podSelector`, errs);
  }
  if (peer.namespaceSelector) {
    n++;
    validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`, errs);
  }
  if (peer.ipBlock) {
    n++;
    const cidr = peer.ipBlock.cidr ?? '';
    if (!cidr) errs.required(`${path}.ipBlock.cidr`);
    else if (!isCIDR(cidr)) errs.invalid(`${path}.ipBlock.cidr`, cidr, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)');
    (peer.ipBlock.except ?? []).forEach((e, i) => !isCIDR(e) && errs.invalid(`${path}.ipBlock.except[${i}]`, e, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
  }
  if (n === 0) errs.required(path, 'must specify a peer');
  else if (n > 1 && peer.ipBlock) errs.forbidden(path, 'may not specify both ipBlock and another peer');
}

/** ValidateNetworkPolicy. */
export function validateNetworkPolicy(obj: KubeObject, errs: FieldErrors): void {
  validateObjectMeta(obj, true, errs);
  const spec = (obj as NetworkPolicy).spec ?? {};
  validateLabelSelector(spec.podSelector, 'spec.podSelector', errs);
  for (const [dir, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    (spec[dir] ?? []).forEach((rule, i) => {
      ((rule?.['ports'] as Port[] | undefined) ?? []).forEach((p, j) => validatePort(errs, `spec.${dir}[${i}].ports[${j}]`, p ?? {}));
      ((rule?.[peersKey] as Peer[] | undefined) ?? []).forEach((p, j) => validatePeer(errs, `spec.${dir}[${i}].${peersKey}[${j}]`, p ?? {}));
    });
  }
  const types = spec.policyTypes ?? [];
  if (types.length > 2) errs.causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: []networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(', ')}}: may not specify more than two policyTypes`, field: 'spec.policyTypes' });
  else types.forEach((t, i) => !['Ingress', 'Egress'].includes(t) && errs.notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
}

/** The network policy printer (printNetworkPolicy). */
export const networkPolicyPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.  The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods.  In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.'),
    ageColumn,
  ],
  cells: (obj, now) => [obj.metadata.name, formatLabelSelector((obj as NetworkPolicy).spec?.podSelector ?? {}), ageOf(obj, now)],
};

/** networking.k8s.io/v1 networkpolicies. */
export const networkpolicies: ResourceDef = {
  group: 'networking.k8s.io',
  version: 'v1',
  resource: 'networkpolicies',
  singular: 'networkpolicy',
  kind: 'NetworkPolicy',
  namespaced: true,
  shortNames: ['netpol'],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [],
  schemaName: 'io.k8s.api.networking.v1.NetworkPolicy',
  hasGeneration: true,
  printer: networkPolicyPrinter,
  defaults: networkPolicyDefaults,
  validate: validateNetworkPolicy,
  prepareForCreate: initGeneration,
  prepareForUpdate: (obj, old) => bumpGeneration(obj, old, !deepEqual(obj['spec'], old['spec'])),
};
