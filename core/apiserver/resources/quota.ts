/** core/v1 resourcequotas and limitranges: defaults, validation, the REQUEST / LIMIT printer. */
import type { KubeObject, LimitRange, LimitRangeItem, ResourceQuota } from '../../api/types';
import { type FieldErrors, labelKey } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, defaultPrinter, nameColumn, type TablePrinter } from '../table';
import { deepEqual, goQuote, invalidRaw } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf } from './printing';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity, QUANTITY_FORMAT_ERROR } from './quantity';

const STANDARD_QUOTA = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports',
  'services.loadbalancers', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage',
  'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
]);
const INTEGER_RESOURCES = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);
const SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

function isStandardQuota(name: string): boolean {
  return STANDARD_QUOTA.has(name) || /^(requests\.|limits\.)?hugepages-/.test(name);
}

/** ValidateResourceQuantityValue: a valid, non-negative quantity, an integer for countable resources. */
function validateQuantity(errs: FieldErrors, field: string, resource: string, value: unknown): Quantity | undefined {
  const q = parseQuantity(value);
  if (!q) {
    errs.invalid(field, value, QUANTITY_FORMAT_ERROR);
    return undefined;
  }
  if (q.mantissa < 0n) errs.invalid(field, formatQuantity(q), 'must be greater than or equal to 0');
  if ((INTEGER_RESOURCES.has(resource) || resource.startsWith('count/')) && q.exp < 0) errs.invalid(field, formatQuantity(q), 'must be an integer');
  return q;
}

function validateQuotaList(errs: FieldErrors, path: string, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const field = `${path}[${k}]`;
    const nameErrs = labelKey(k);
    for (const m of nameErrs) errs.invalid(field, k, m);
    if (nameErrs.length === 0 && !k.includes('/') && !isStandardQuota(k)) errs.invalid(field, k, 'must be a standard resource for quota');
    validateQuantity(errs, field, k, v);
  }
}

function goScopes(scopes: string[] | undefined): string {
  return scopes ? `[]core.ResourceQuotaScope{${scopes.map(goQuote).join(', ')}}` : '[]core.ResourceQuotaScope(nil)';
}

/** ValidateResourceQuota and, on update, the immutable scopes. */
export function validateResourceQuota(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const rq = obj as ResourceQuota;
  validateQuotaList(errs, 'spec.hard', rq.spec?.hard);
  const scopes = rq.spec?.scopes ?? [];
  for (const s of scopes) if (!SCOPES.includes(s)) invalidRaw(errs, 'spec.scopes', goScopes(rq.spec?.scopes), 'unsupported scope');
  const has = (a: string, b: string) => scopes.includes(a) && scopes.includes(b);
  if (has('BestEffort', 'NotBestEffort') || has('Terminating', 'NotTerminating')) invalidRaw(errs, 'spec.scopes', goScopes(rq.spec?.scopes), 'conflicting scopes');
  if (!old) {
    validateQuotaList(errs, 'status.hard', rq.status?.hard);
    validateQuotaList(errs, 'status.used', rq.status?.used);
  } else if (!deepEqual([...scopes].sort(), [...((old as ResourceQuota).spec?.scopes ?? [])].sort())) {
    invalidRaw(errs, 'spec.scopes', goScopes(rq.spec?.scopes), 'field is immutable');
  }
}

/** The REQUEST and LIMIT cells of a quota: `cpu: 500m/2, pods: 1/10`, `limits.*` in the second. */
export function quotaCells(rq: ResourceQuota): [string, string] {
  const hard = rq.status?.hard ?? {};
  const used = rq.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const u = parseQuantity(used[name]);
    const h = parseQuantity(hard[name]);
    const text = `${name}: ${u ? formatQuantity(u) : '0'}/${h ? formatQuantity(h) : '0'}`;
    const pieces = name.split('.');
    (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(text);
  }
  return [request.join(', '), limit.join(', ')];
}

/** The resource quota printer (printResourceQuota). */
export const resourceQuotaPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    ageColumn,
  ],
  cells(obj, now) {
    const [request, limit] = quotaCells(obj as ResourceQuota);
    return [obj.metadata.name, request, limit, ageOf(obj, now)];
  },
};

/** SetDefaults_LimitRangeItem: for containers, default limits from max, default requests from default or min. */
export function limitRangeItemDefaults(item: LimitRangeItem): void {
  if (item.type !== 'Container') return;
  const def = (item.default ??= {});
  const req = (item.defaultRequest ??= {});
  for (const [k, v] of Object.entries(item.max ?? {})) def[k] ??= v;
  for (const [k, v] of Object.entries(def)) req[k] ??= v;
  for (const [k, v] of Object.entries(item.min ?? {})) req[k] ??= v;
}

const LIMIT_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'];
const NO_OVERCOMMIT = /^(hugepages-|requests\.hugepages-)|\//;

function quantities(errs: FieldErrors, path: string, list: Record<string, string> | undefined, into: Map<string, Quantity>, keys: Set<string>): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    keys.add(k);
    for (const m of labelKey(k)) errs.invalid(`${path}[${k}]`, k, m);
    const q = parseQuantity(v);
    if (q) into.set(k, q);
    else errs.invalid(`${path}[${k}]`, v, QUANTITY_FORMAT_ERROR);
  }
}

/** ValidateLimitRange. */
export function validateLimitRange(obj: KubeObject, errs: FieldErrors): void {
  validateObjectMeta(obj, true, errs);
  const seen = new Set<string>();
  ((obj as LimitRange).spec?.limits ?? []).forEach((item, i) => {
    const path = `spec.limits[${i}]`;
    const typeErrs = labelKey(item.type ?? '');
    for (const m of typeErrs) errs.invalid(`${path}.type`, item.type ?? '', m);
    if (typeErrs.length === 0 && !item.type.includes('/') && !LIMIT_TYPES.includes(item.type)) errs.invalid(`${path}.type`, item.type, 'must be a standard limit type or fully qualified');
    if (seen.has(item.type)) errs.duplicate(`${path}.type`, item.type);
    seen.add(item.type);
    const keys = new Set<string>();
    const [max, min, def, defReq, ratio] = [new Map<string, Quantity>(), new Map<string, Quantity>(), new Map<string, Quantity>(), new Map<string, Quantity>(), new Map<string, Quantity>()];
    quantities(errs, `${path}.max`, item.max, max, keys);
    quantities(errs, `${path}.min`, item.min, min, keys);
    if (item.type === 'Pod') {
      if (Object.keys(item.default ?? {}).length > 0) errs.forbidden(`${path}.default`, "may not be specified when `type` is 'Pod'");
      if (Object.keys(item.defaultRequest ?? {}).length > 0) errs.forbidden(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'");
    } else {
      quantities(errs, `${path}.default`, item.default, def, keys);
      quantities(errs, `${path}.defaultRequest`, item.defaultRequest, defReq, keys);
    }
    if (item.type === 'PersistentVolumeClaim' && !min.has('storage') && !max.has('storage')) errs.required(`${path}.limits`, 'either minimum or maximum storage value is required, but neither was provided');
    quantities(errs, `${path}.maxLimitRequestRatio`, item.maxLimitRequestRatio, ratio, keys);
    for (const k of keys) {
      const [mn, mx, d, dr, r] = [min.get(k), max.get(k), def.get(k), defReq.get(k), ratio.get(k)];
      const f = (q: Quantity) => formatQuantity(q);
      if (mn && mx && compareQuantities(mn, mx) > 0) errs.invalid(`${path}.min[${k}]`, f(mn), `min value ${f(mn)} is greater than max value ${f(mx)}`);
      if (dr && mn && compareQuantities(mn, dr) > 0) errs.invalid(`${path}.defaultRequest[${k}]`, f(dr), `min value ${f(mn)} is greater than default request value ${f(dr)}`);
      if (dr && mx && compareQuantities(dr, mx) > 0) errs.invalid(`${path}.defaultRequest[${k}]`, f(dr), `default request value ${f(dr)} is greater than max value ${f(mx)}`);
      if (dr && d && compareQuantities(dr, d) > 0) errs.invalid(`${path}.defaultRequest[${k}]`, f(dr), `default request value ${f(dr)} is greater than default limit value ${f(d)}`);
      if (d && mn && compareQuantities(mn, d) > 0) errs.invalid(`${path}.default[${k}]`, f(mn), `min value ${f(mn)} is greater than default value ${f(d)}`);
      if (d && mx && compareQuantities(d, mx) > 0) errs.invalid(`${path}.default[${k}]`, f(mx), `default value ${f(d)} is greater than max value ${f(mx)}`);
      if (r && compareQuantities(r, { mantissa: 1n, exp: 0, format: 'DecimalSI' }) < 0) errs.invalid(`${path}.maxLimitRequestRatio[${k}]`, f(r), `ratio ${f(r)} is less than 1`);
      if (NO_OVERCOMMIT.test(k) && d && dr && compareQuantities(d, dr) !== 0) errs.invalid(`${path}.defaultRequest[${k}]`, f(dr), `default value ${f(d)} must equal to defaultRequest value ${f(dr)} in ${k}`);
    }
  });
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** core/v1 resourcequotas. */
export const resourcequotas: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'resourcequotas',
  singular: 'resourcequota',
  kind: 'ResourceQuota',
  namespaced: true,
  shortNames: ['quota'],
  categories: [],
  verbs: VERBS,
  subresources: ['status'],
  schemaName: 'io.k8s.api.core.v1.ResourceQuota',
  printer: resourceQuotaPrinter,
  validate: validateResourceQuota,
  prepareForCreate(obj) {
    obj['status'] = {};
  },
  prepareForUpdate(obj, old) {
    obj['status'] = old['status'];
  },
};

/** core/v1 limitranges (printed by the default Name / Created At printer, as the real server does). */
export const limitranges: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'limitranges',
  singular: 'limitrange',
  kind: 'LimitRange',
  namespaced: true,
  shortNames: ['limits'],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.core.v1.LimitRange',
  printer: defaultPrinter,
  defaults(obj) {
    const lr = obj as LimitRange;
    lr.spec ??= { limits: [] };
    for (const item of Array.isArray(lr.spec.limits) ? lr.spec.limits : []) if (item && typeof item === 'object') limitRangeItemDefaults(item);
  },
  validate: validateLimitRange,
};
