/**
 * Validation of a custom resource against its version's `openAPIV3Schema`, as kube-apiserver
 * runs kube-openapi's schema validator and turns its results into field errors
 * (apiextensions-apiserver `kubeOpenAPIResultToFieldErrors`): the same checks in the same order
 * per node (type, allOf/anyOf/oneOf/not, string, format, number, items, enum, object), the
 * messages `spec.replicas in body should be less than or equal to 10`, and the field paths
 * `spec.items[0].name`. Properties are visited in name order (Go visits them in map order).
 */
import type { StatusCause } from '../../api/status';
import { formatError } from './formats';
import { additionalSchema, isJsonObject, itemSchema, jsonType, type JSONSchemaProps } from './schema';

/** Go's `%v` of a number (`10`, `1.5`, `1e+21`). */
function goNumber(n: number): string {
  const s = String(n);
  return s.includes('e+') || s.includes('e-') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

/** The value in an `Invalid value: ...` message, as apimachinery's field errors print it. */
function shown(v: unknown): string {
  if (v === undefined || v === null) return '"null"';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Collects the causes of one validation. */
class Result {
  readonly causes: StatusCause[] = [];
  invalid(path: string, value: unknown, message: string): void {
    this.causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${shown(value)}: ${message}`, field: path });
  }
  typeInvalid(path: string, value: string, message: string): void {
    this.causes.push({ reason: 'FieldValueTypeInvalid', message: `Invalid value: ${shown(value)}: ${message}`, field: path });
  }
  required(path: string): void {
    this.causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: path });
  }
  notSupported(path: string, value: unknown, values: unknown[]): void {
    const list = values.map((v) => JSON.stringify(typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
    this.causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: ${shown(value)}: supported values: ${list}`, field: path });
  }
  tooLong(path: string, max: number): void {
    this.causes.push({ reason: 'FieldValueTooLong', message: `Too long: may not be more than ${max} bytes`, field: path });
  }
  tooMany(path: string, actual: number, max: number): void {
    this.causes.push({ reason: 'FieldValueTooMany', message: `Too many: ${actual}: must have at most ${max} items`, field: path });
  }
}

/** `path in body`, the subject of kube-openapi's messages. */
function subject(path: string): string {
  return `${path} in body`;
}

function typeMatches(s: JSONSchemaProps, v: unknown): boolean {
  const t = jsonType(v);
  if (s['x-kubernetes-int-or-string']) return t === 'integer' || t === 'string';
  if (!s.type) return true;
  if (s.type === t) return true;
  return (s.type === 'number' && t === 'integer') || (s.type === 'integer' && t === 'number' && Number.isInteger(v));
}

function validateNode(v: unknown, s: JSONSchemaProps, path: string, r: Result): void {
  const name = path;
  if (v === null || v === undefined) {
    if ((s.type || s['x-kubernetes-int-or-string']) && !s.nullable) r.typeInvalid(path, 'null', `${subject(name)} must be of type ${typeName(s)}: "null"`);
    if (s.enum && !s.enum.some((e) => e === null)) r.notSupported(path, v, s.enum);
    return;
  }
  if (!typeMatches(s, v)) {
    const t = jsonType(v);
    r.typeInvalid(path, t, `${subject(name)} must be of type ${typeName(s)}: ${JSON.stringify(t)}`);
  }
  for (const sub of s.allOf ?? []) validateNode(v, sub, path, r);
  if (s.anyOf && s.anyOf.length > 0 && !s.anyOf.some((sub) => valid(v, sub, path))) r.invalid(path, v, `${subject(name)} must validate at least one schema (anyOf)`);
  if (s.oneOf && s.oneOf.length > 0 && s.oneOf.filter((sub) => valid(v, sub, path)).length !== 1) r.invalid(path, v, `${subject(name)} must validate one and only one schema (oneOf)`);
  if (s.not && valid(v, s.not, path)) r.invalid(path, v, `${subject(name)} must not validate the schema (not)`);
  if (typeof v === 'string') {
    const length = [...v].length;
    if (s.maxLength !== undefined && length > s.maxLength) r.tooLong(path, s.maxLength);
    if (s.minLength !== undefined && length < s.minLength) r.invalid(path, v, `${subject(name)} should be at least ${s.minLength} chars long`);
    if (s.pattern !== undefined && !matches(s.pattern, v)) r.invalid(path, v, `${subject(name)} should match '${s.pattern}'`);
    const formatProblem = s.format ? formatError(s.format, v) : undefined;
    if (formatProblem) r.invalid(path, v, `${subject(name)} must be of type ${s.format}: ${JSON.stringify(v)}`);
  }
  if (typeof v === 'number') {
    if (s.multipleOf !== undefined && s.multipleOf > 0 && !Number.isInteger(v / s.multipleOf)) r.invalid(path, v, `${subject(name)} should be a multiple of ${goNumber(s.multipleOf)}`);
    if (s.maximum !== undefined && (s.exclusiveMaximum ? v >= s.maximum : v > s.maximum)) r.invalid(path, v, `${subject(name)} should be less than ${s.exclusiveMaximum ? '' : 'or equal to '}${goNumber(s.maximum)}`);
    if (s.minimum !== undefined && (s.exclusiveMinimum ? v <= s.minimum : v < s.minimum)) r.invalid(path, v, `${subject(name)} should be greater than ${s.exclusiveMinimum ? '' : 'or equal to '}${goNumber(s.minimum)}`);
  }
  if (Array.isArray(v)) {
    const items = itemSchema(s);
    if (items) v.forEach((item, i) => validateNode(item, items, `${path}[${i}]`, r));
    if (s.minItems !== undefined && v.length < s.minItems) r.invalid(path, v.length, `${subject(name)} should have at least ${s.minItems} items`);
    if (s.maxItems !== undefined && v.length > s.maxItems) r.tooMany(path, v.length, s.maxItems);
    if (s.uniqueItems && v.some((x, i) => v.findIndex((y) => deepEqual(x, y)) !== i)) r.causes.push({ reason: 'FieldValueDuplicate', message: `Duplicate value: ${shown(v.find((x, i) => v.findIndex((y) => deepEqual(x, y)) !== i))}`, field: path });
  }
  if (s.enum && !s.enum.some((e) => deepEqual(e, v))) r.notSupported(path, v, s.enum);
  if (isJsonObject(v)) validateObject(v, s, path, r);
}

function validateObject(v: Record<string, unknown>, s: JSONSchemaProps, path: string, r: Result): void {
  const keys = Object.keys(v);
  if (s.minProperties !== undefined && keys.length < s.minProperties) return r.invalid(path, keys.length, `${subject(path)} should have at least ${s.minProperties} properties`);
  if (s.maxProperties !== undefined && keys.length > s.maxProperties) return r.tooMany(path, keys.length, s.maxProperties);
  const join = (k: string) => (path ? `${path}.${k}` : k);
  const props = s.properties ?? {};
  const extra = additionalSchema(s);
  if (s.additionalProperties === false) {
    for (const k of keys.sort()) if (!(k in props)) r.invalid(path, k, `${path}.${k} in body is a forbidden property`);
  } else if (extra) {
    for (const k of keys.sort()) if (!(k in props)) validateNode(v[k], extra, join(k), r);
  }
  for (const k of Object.keys(props).sort()) if (k in v) validateNode(v[k], props[k] as JSONSchemaProps, join(k), r);
  for (const k of s.required ?? []) if (!(k in v)) r.required(join(k));
}

function valid(v: unknown, s: JSONSchemaProps, path: string): boolean {
  const r = new Result();
  validateNode(v, s, path, r);
  return r.causes.length === 0;
}

function typeName(s: JSONSchemaProps): string {
  return s['x-kubernetes-int-or-string'] ? 'integer,string' : (s.type ?? '');
}

const patternCache = new Map<string, RegExp | null>();

function matches(pattern: string, value: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    patternCache.set(pattern, re);
  }
  return re === null ? true : re.test(value);
}

/**
 * The causes of validating a custom resource (the whole object, with apiVersion, kind and
 * metadata) against a version's schema; empty when it is valid.
 */
export function validateAgainstSchema(obj: unknown, schema: JSONSchemaProps, root = ''): StatusCause[] {
  const r = new Result();
  validateNode(obj, schema, root, r);
  return r.causes;
}
