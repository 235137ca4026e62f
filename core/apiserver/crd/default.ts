/**
 * Defaulting of custom resources from the `default` values of their schema, as kube-apiserver's
 * structural defaulting does it: a missing field with a default gets a copy of it (a `null`
 * where the schema is not `nullable` counts as missing), depth first, inside objects, maps and
 * list items; afterwards a `null` that is not allowed and has no default is dropped
 * (PruneNonNullableNullsWithoutDefaults). It runs on every write in the request's version and
 * on every read in the storage version.
 */
import { additionalSchema, isJsonObject, itemSchema, type JSONSchemaProps } from './schema';

function copy<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function defaultNode(v: unknown, s: JSONSchemaProps | undefined): void {
  if (!s) return;
  if (Array.isArray(v)) {
    const items = itemSchema(s);
    if (items) for (const item of v) defaultNode(item, items);
    return;
  }
  if (!isJsonObject(v)) return;
  const props = s.properties ?? {};
  for (const [k, prop] of Object.entries(props)) {
    const missing = !(k in v) || (v[k] === null && !prop.nullable);
    if (missing && prop.default !== undefined) v[k] = copy(prop.default);
  }
  const extra = additionalSchema(s);
  for (const [k, value] of Object.entries(v)) {
    const prop = props[k] ?? extra;
    if (!prop) continue;
    defaultNode(value, prop);
    if (value === null && !prop.nullable && prop.default === undefined) delete v[k];
  }
}

/** Applies the schema's defaults to a value in place (a whole object, or a part with its sub-schema). */
export function applyDefaults(value: unknown, schema: JSONSchemaProps | undefined): void {
  defaultNode(value, schema);
}

/** Whether a schema declares any default at all (so that reads can skip the walk). */
export function hasDefaults(schema: JSONSchemaProps | undefined, depth = 0): boolean {
  if (!schema || depth > 64) return false;
  if (schema.default !== undefined) return true;
  if (Object.values(schema.properties ?? {}).some((p) => hasDefaults(p, depth + 1))) return true;
  const items = itemSchema(schema);
  return hasDefaults(items, depth + 1) || hasDefaults(additionalSchema(schema), depth + 1);
}
