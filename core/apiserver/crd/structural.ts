/**
 * Whether a CRD version's `openAPIV3Schema` is structural, as ValidateCustomResourceDefinition
 * requires of apiextensions.k8s.io/v1 CRDs (apiextensions-apiserver schema/validation.go): a
 * type on every node (unless `x-kubernetes-int-or-string` or
 * `x-kubernetes-preserve-unknown-fields`), `object` at the root and for embedded resources,
 * items for arrays, no `$ref`, no `properties` beside `additionalProperties`, no `uniqueItems`,
 * and `apiVersion`/`kind`/`metadata` of the right types where a resource starts. The messages
 * and field paths are kube's (`spec.versions[0].schema.openAPIV3Schema.properties[spec].type:
 * Required value: must not be empty for specified object fields`).
 */
import type { FieldErrors } from '../../api/validation';
import { isJsonObject, type JSONSchemaProps } from './schema';

type Level = 'root' | 'item' | 'field';

const EMPTY_TYPE: Record<Level, string> = {
  root: 'must not be empty at the root',
  item: 'must not be empty for specified array items',
  field: 'must not be empty for specified object fields',
};

function checkNode(s: JSONSchemaProps, path: string, level: Level, errs: FieldErrors, depth: number): void {
  if (depth > 64) return;
  const raw = s as Record<string, unknown>;
  if ('$ref' in raw) errs.forbidden(`${path}.$ref`, '$ref is not supported');
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  if (embedded && s.type !== 'object') {
    if (!s.type) errs.required(`${path}.type`, 'must be object if x-kubernetes-embedded-resource is true');
    else errs.invalid(`${path}.type`, s.type, 'must be object if x-kubernetes-embedded-resource is true');
  } else if (!s.type && !s['x-kubernetes-int-or-string'] && !s['x-kubernetes-preserve-unknown-fields']) {
    errs.required(`${path}.type`, EMPTY_TYPE[level]);
  }
  if (embedded && s.additionalProperties !== undefined) errs.forbidden(`${path}.additionalProperties`, 'must not be used if x-kubernetes-embedded-resource is set');
  if (level === 'root' && s.type && s.type !== 'object') errs.invalid(`${path}.type`, s.type, 'must be object at the root');
  if (level === 'root' || embedded) {
    for (const [field, type] of [['kind', 'string'], ['apiVersion', 'string'], ['metadata', 'object']] as const) {
      const p = s.properties?.[field];
      if (p && p.type !== type) errs.invalid(`${path}.properties[${field}].type`, p.type ?? '', `must be ${type}`);
    }
  }
  if (s.properties && s.additionalProperties !== undefined && s.additionalProperties !== false) errs.forbidden(`${path}.additionalProperties`, 'additionalProperties and properties are mutual exclusive');
  if (s.uniqueItems === true) errs.forbidden(`${path}.uniqueItems`, 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic');
  if (s.type === 'array' && s.items === undefined) errs.required(`${path}.items`, 'must be specified');
  if (Array.isArray(s.items)) errs.forbidden(`${path}.items`, 'items must be a schema object and not an array');
  for (const [name, p] of Object.entries(s.properties ?? {})) if (isJsonObject(p)) checkNode(p, `${path}.properties[${name}]`, 'field', errs, depth + 1);
  if (isJsonObject(s.items)) checkNode(s.items as JSONSchemaProps, `${path}.items`, 'item', errs, depth + 1);
  if (isJsonObject(s.additionalProperties)) checkNode(s.additionalProperties as JSONSchemaProps, `${path}.additionalProperties`, 'field', errs, depth + 1);
}

/** Adds the errors that make a version's schema non-structural (`path`: where the schema is). */
export function validateStructural(schema: unknown, path: string, errs: FieldErrors): void {
  if (!isJsonObject(schema)) return;
  checkNode(schema as JSONSchemaProps, path, 'root', errs, 0);
}

/** Groups that need the `api-approved.kubernetes.io` annotation (k8s.io and kubernetes.io). */
export function isProtectedGroup(group: string): boolean {
  return group === 'k8s.io' || group.endsWith('.k8s.io') || group === 'kubernetes.io' || group.endsWith('.kubernetes.io');
}
