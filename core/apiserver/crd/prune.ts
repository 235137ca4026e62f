/**
 * Pruning of unknown fields, as kube-apiserver prunes custom resources against their structural
 * schema: a field the schema does not declare is dropped — unless the node keeps unknown fields
 * (`x-kubernetes-preserve-unknown-fields`) or has a schema for any other key
 * (`additionalProperties`). `apiVersion`, `kind` and `metadata` of the object (and of every
 * `x-kubernetes-embedded-resource`) are always kept, `metadata` reduced to the ObjectMeta
 * fields. The paths of the pruned fields are what `fieldValidation` reports
 * (`unknown field "spec.foo"`).
 */
import { additionalSchema, isJsonObject, itemSchema, OBJECT_META_FIELDS, preservesUnknown, type Json, type JSONSchemaProps } from './schema';

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Drops the non-ObjectMeta fields of an object's metadata. */
function pruneMetadata(md: unknown, path: string, pruned: string[]): void {
  if (!isJsonObject(md)) return;
  for (const k of Object.keys(md)) {
    if (OBJECT_META_FIELDS.has(k)) continue;
    delete md[k];
    pruned.push(join(path, k));
  }
}

function pruneNode(v: unknown, s: JSONSchemaProps | undefined, path: string, resourceRoot: boolean, pruned: string[]): void {
  // A value kept as an unknown field has no schema: it is kept whole.
  if (s === undefined) return;
  if (Array.isArray(v)) {
    const items = itemSchema(s);
    v.forEach((item, i) => pruneNode(item, items, `${path}[${i}]`, false, pruned));
    return;
  }
  if (!isJsonObject(v)) return;
  const root = resourceRoot || s['x-kubernetes-embedded-resource'] === true;
  const preserve = preservesUnknown(s);
  const extra = additionalSchema(s);
  const props = s.properties ?? {};
  for (const k of Object.keys(v)) {
    if (root && (k === 'apiVersion' || k === 'kind')) continue;
    if (root && k === 'metadata') {
      pruneMetadata(v[k], join(path, k), pruned);
      continue;
    }
    const prop = props[k];
    if (prop) pruneNode(v[k], prop, join(path, k), false, pruned);
    else if (extra) pruneNode(v[k], extra, join(path, k), false, pruned);
    else if (!preserve) {
      delete v[k];
      pruned.push(join(path, k));
    }
  }
}

/**
 * Prunes an object in place against its version's schema (`undefined`: everything but
 * apiVersion, kind and metadata goes); answers the paths of the pruned fields. A value kept
 * under `x-kubernetes-preserve-unknown-fields` without a schema of its own is kept whole.
 */
export function pruneObject(obj: Json, schema: JSONSchemaProps | undefined): string[] {
  const pruned: string[] = [];
  pruneNode(obj, schema ?? { type: 'object' }, '', true, pruned);
  return pruned;
}

/** Prunes one value (e.g. a status) in place against a sub-schema; answers the pruned paths. */
export function pruneValue(value: unknown, schema: JSONSchemaProps | undefined, path: string): string[] {
  const pruned: string[] = [];
  if (schema) pruneNode(value, schema, path, false, pruned);
  return pruned;
}
