/**
 * core/v1 configmaps, secrets and serviceaccounts: key validation, base64 data (decoded as Go
 * decodes `[]byte`, `stringData` merged into `data`), secret types, immutability, printing.
 */
import { badRequest } from '../../api/status';
import type { ConfigMap, KubeObject, Secret, ServiceAccount } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { decodeBase64, encodeBase64, encodeString } from './base64';
import { configMapKeyErrors, deepEqual, immutable, tooLong } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf, int } from './printing';

/** core.MaxSecretSize: the limit of a secret's or config map's data. */
export const MAX_DATA_SIZE = 1024 * 1024;

/**
 * Decodes the base64 values of `field` (as the JSON decoder would): a 400 naming the kind on
 * illegal data, the values re-encoded canonically. Returns the total decoded size.
 */
function decodeBytesField(obj: KubeObject, field: 'data' | 'binaryData', kind: string): number {
  const values = obj[field] as Record<string, unknown> | undefined;
  if (values === undefined || values === null) return 0;
  if (typeof values !== 'object' || Array.isArray(values)) throw badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: json: cannot unmarshal ${Array.isArray(values) ? 'array' : typeof values} into Go struct field ${kind}.${field} of type map[string][]uint8`);
  let size = 0;
  for (const [k, v] of Object.entries(values)) {
    if (v === null) continue;
    if (typeof v !== 'string') throw badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: json: cannot unmarshal ${typeof v} into Go struct field ${kind}.${field} of type []uint8`);
    try {
      const bytes = decodeBase64(v);
      size += bytes.length;
      values[k] = encodeBase64(bytes);
    } catch (e) {
      throw badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: ${(e as Error).message}`);
    }
  }
  return size;
}

/** The v1 → internal conversion of a Secret: data decoded, `stringData` merged into `data` and dropped. */
export function decodeSecret(obj: KubeObject): void {
  decodeBytesField(obj, 'data', 'Secret');
  const s = obj as Secret;
  if (s.stringData && typeof s.stringData === 'object') {
    const data = (s.data ??= {});
    for (const [k, v] of Object.entries(s.stringData)) data[k] = encodeString(String(v));
  }
  delete s.stringData;
}

function dataSize(values: Record<string, string> | undefined): number {
  let size = 0;
  for (const v of Object.values(values ?? {})) size += Math.floor((v.length * 3) / 4) - (v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0);
  return size;
}

function validateKeys(errs: FieldErrors, field: string, values: Record<string, unknown> | undefined): void {
  for (const k of Object.keys(values ?? {})) for (const m of configMapKeyErrors(k)) errs.invalid(`${field}[${k}]`, k, m);
}

function validateImmutableFlag(errs: FieldErrors, obj: { immutable?: boolean }, old: { immutable?: boolean }, fields: [string, unknown, unknown][]): void {
  if (!old.immutable) return;
  if (!obj.immutable) errs.forbidden('immutable', 'field is immutable when `immutable` is set');
  for (const [name, now, before] of fields) if (!deepEqual(now ?? {}, before ?? {})) errs.forbidden(name, 'field is immutable when `immutable` is set');
}

const SECRET_REQUIRED: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

/** ValidateSecret and, on update, ValidateSecretUpdate. */
export function validateSecret(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  const s = obj as Secret;
  if (old) {
    immutable(errs, 'type', s.type, (old as Secret).type);
    validateImmutableFlag(errs, s, old as Secret, [['data', s.data, (old as Secret).data]]);
  }
  validateObjectMeta(obj, true, errs);
  validateKeys(errs, 'data', s.data);
  if (dataSize(s.data) > MAX_DATA_SIZE) tooLong(errs, 'data', MAX_DATA_SIZE);
  const data = s.data ?? {};
  switch (s.type) {
    case 'kubernetes.io/service-account-token':
      if (!s.metadata.annotations?.['kubernetes.io/service-account.name']) errs.required('metadata.annotations[kubernetes.io/service-account.name]');
      break;
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) {
        errs.required('data[username]');
        errs.required('data[password]');
      }
      break;
    default:
      for (const key of SECRET_REQUIRED[s.type ?? ''] ?? []) if (!(key in data) || (key === 'ssh-privatekey' && !data[key])) errs.required(`data[${key}]`);
  }
}

/** ValidateConfigMap and, on update, ValidateConfigMapUpdate. */
export function validateConfigMap(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  const cm = obj as ConfigMap;
  if (old) {
    const o = old as ConfigMap;
    validateImmutableFlag(errs, cm, o, [['data', cm.data, o.data], ['binaryData', cm.binaryData, o.binaryData]]);
  }
  validateObjectMeta(obj, true, errs);
  let size = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    for (const m of configMapKeyErrors(k)) errs.invalid(`data[${k}]`, k, m);
    if (cm.binaryData && k in cm.binaryData) errs.invalid(`data[${k}]`, k, 'duplicate of key present in binaryData');
    size += typeof v === 'string' ? v.length : 0;
  }
  validateKeys(errs, 'binaryData', cm.binaryData);
  size += dataSize(cm.binaryData);
  if (size > MAX_DATA_SIZE) tooLong(errs, '', MAX_DATA_SIZE);
}

/** The config map printer (printConfigMap). */
export const configMapPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Data', 'string', "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."),
    ageColumn,
  ],
  cells(obj, now) {
    const cm = obj as ConfigMap;
    return [cm.metadata.name, Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, ageOf(cm, now)];
  },
};

/** The secret printer (printSecret). */
export const secretPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Type', 'string', 'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types'),
    column('Data', 'string', "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
    ageColumn,
  ],
  cells(obj, now) {
    const s = obj as Secret;
    return [s.metadata.name, s.type ?? '', Object.keys(s.data ?? {}).length, ageOf(s, now)];
  },
};

/** The service account printer (printServiceAccount). */
export const serviceAccountPrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". The "kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret'),
    ageColumn,
  ],
  cells: (obj, now) => [obj.metadata.name, int((obj as ServiceAccount).secrets?.length), ageOf(obj, now)],
};

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** core/v1 configmaps. */
export const configmaps: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'configmaps',
  singular: 'configmap',
  kind: 'ConfigMap',
  namespaced: true,
  shortNames: ['cm'],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.core.v1.ConfigMap',
  printer: configMapPrinter,
  validate: validateConfigMap,
  prepareForCreate: (obj) => void decodeBytesField(obj, 'binaryData', 'ConfigMap'),
  prepareForUpdate: (obj) => void decodeBytesField(obj, 'binaryData', 'ConfigMap'),
};

/** core/v1 secrets. */
export const secrets: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'secrets',
  singular: 'secret',
  kind: 'Secret',
  namespaced: true,
  shortNames: [],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.core.v1.Secret',
  printer: secretPrinter,
  defaults(obj) {
    (obj as Secret).type ||= 'Opaque';
  },
  validate: validateSecret,
  prepareForCreate: decodeSecret,
  prepareForUpdate: decodeSecret,
  selectableFields: (obj) => ({ type: (obj as Secret).type ?? '' }),
};

/** core/v1 serviceaccounts. */
export const serviceaccounts: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'serviceaccounts',
  singular: 'serviceaccount',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.core.v1.ServiceAccount',
  printer: serviceAccountPrinter,
  validate(obj, errs) {
    validateObjectMeta(obj, true, errs);
  },
};
