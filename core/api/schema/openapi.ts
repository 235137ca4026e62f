/**
 * Renders DSL schemas as OpenAPI, the way kube-apiserver publishes them: Swagger 2.0
 * `definitions` for `/openapi/v2` and OpenAPI 3.0 `components.schemas` for `/openapi/v3`,
 * with the Kubernetes extensions (`x-kubernetes-group-version-kind`, patch strategy and merge
 * key, list type and map keys, map type). Quantity, IntOrString and Time are named definitions
 * referenced by `$ref`, as in the real documents.
 */
import type { Definition, Schema, SchemaRegistry } from './dsl';

/** A JSON object of an OpenAPI document. */
export type JsonObject = { [key: string]: unknown };

/** The OpenAPI names of the scalar wrapper types. */
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
/** The OpenAPI name of intstr.IntOrString. */
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/** The OpenAPI name of metav1.Time. */
export const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';

/** Which document a schema is rendered for. */
export type OpenApiFlavor = 'v2' | 'v3';

const wrapperName: Partial<Record<Schema['kind'], string>> = { quantity: QUANTITY, intOrString: INT_OR_STRING, time: TIME };

/** The name a field schema refers to (a `ref`, or a Quantity/IntOrString/Time field), if any. */
export function referencedName(s: Schema): string | undefined {
  if (s.kind === 'ref') return s.name;
  return wrapperName[s.kind];
}

function refTarget(flavor: OpenApiFlavor, name: string): string {
  return flavor === 'v2' ? `#/definitions/${name}` : `#/components/schemas/${name}`;
}

function withDescription(out: JsonObject, s: Schema): JsonObject {
  if (s.description) out.description = s.description;
  return out;
}

/**
 * One schema as OpenAPI. `top` is true for the schema of a named definition itself (where a
 * Quantity is `type: string`), false for a field (where it is a `$ref` to the Quantity definition).
 */
export function toOpenApi(s: Schema, flavor: OpenApiFlavor, top = false): JsonObject {
  const name = referencedName(s);
  if (name && !top) {
    const ext: JsonObject = {};
    if (s.kind === 'ref' && s.patchStrategy) ext['x-kubernetes-patch-strategy'] = s.patchStrategy;
    if (s.kind === 'ref' && s.mapType) ext['x-kubernetes-map-type'] = s.mapType;
    const ref = { $ref: refTarget(flavor, name) };
    if (flavor === 'v2') return withDescription({ ...ref, ...ext }, s);
    // OpenAPI 3.0 ignores the siblings of a $ref, so kube-apiserver wraps it in allOf.
    if (!s.description && Object.keys(ext).length === 0) return ref;
    return withDescription({ allOf: [ref], ...ext }, s);
  }
  switch (s.kind) {
    case 'string': {
      const out: JsonObject = withDescription({ type: 'string' }, s);
      if (s.format) out.format = s.format;
      if (s.enum?.length) out.enum = [...s.enum];
      return out;
    }
    case 'integer':
      return withDescription({ type: 'integer', format: s.format }, s);
    case 'number':
      return withDescription({ type: 'number', ...(s.format ? { format: s.format } : {}) }, s);
    case 'boolean':
      return withDescription({ type: 'boolean' }, s);
    case 'quantity':
      return withDescription(flavor === 'v2' ? { type: 'string' } : { oneOf: [{ type: 'string' }, { type: 'number' }] }, s);
    case 'intOrString':
      return withDescription(flavor === 'v2' ? { type: 'string', format: 'int-or-string' } : { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] }, s);
    case 'time':
      return withDescription({ type: 'string', format: 'date-time' }, s);
    case 'any':
      return withDescription(s.type === 'object' ? { type: 'object' } : {}, s);
    case 'map': {
      const out = withDescription({ type: 'object', additionalProperties: toOpenApi(s.values, flavor) }, s);
      if (s.mapType) out['x-kubernetes-map-type'] = s.mapType;
      return out;
    }
    case 'array': {
      const out = withDescription({ type: 'array', items: toOpenApi(s.items, flavor) }, s);
      if (s.listMapKeys?.length) out['x-kubernetes-list-map-keys'] = [...s.listMapKeys];
      if (s.listType) out['x-kubernetes-list-type'] = s.listType;
      if (s.patchMergeKey) out['x-kubernetes-patch-merge-key'] = s.patchMergeKey;
      if (s.patchStrategy) out['x-kubernetes-patch-strategy'] = s.patchStrategy;
      return out;
    }
    case 'object': {
      const out = withDescription({ type: 'object' }, s);
      const keys = Object.keys(s.properties).sort();
      if (keys.length) {
        const props: JsonObject = {};
        for (const k of keys) props[k] = toOpenApi(s.properties[k] as Schema, flavor);
        out.properties = props;
      }
      if (s.required?.length) out.required = [...s.required];
      if (s.mapType) out['x-kubernetes-map-type'] = s.mapType;
      if (s.patchStrategy) out['x-kubernetes-patch-strategy'] = s.patchStrategy;
      return out;
    }
    case 'ref':
      // A ref at the top of a definition: an alias of another definition.
      return withDescription({ $ref: refTarget(flavor, s.name) }, s);
  }
}

/** A named definition as OpenAPI, with its `x-kubernetes-group-version-kind`. */
export function definitionToOpenApi(d: Definition, flavor: OpenApiFlavor): JsonObject {
  const out = toOpenApi(d.schema, flavor, true);
  if (d.gvk?.length) out['x-kubernetes-group-version-kind'] = d.gvk.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));
  return out;
}

/** Every name a schema refers to, directly or through its items, values and properties. */
export function referencedNames(s: Schema, into: Set<string> = new Set()): Set<string> {
  const name = referencedName(s);
  if (name) into.add(name);
  if (s.kind === 'array') referencedNames(s.items, into);
  else if (s.kind === 'map') referencedNames(s.values, into);
  else if (s.kind === 'object') for (const p of Object.values(s.properties)) referencedNames(p, into);
  return into;
}

/**
 * The definitions reachable from `roots` (the roots included), sorted by name. A name that
 * the registry does not hold is reported in `missing` rather than thrown.
 */
export function closure(registry: SchemaRegistry, roots: Iterable<string>): { definitions: Definition[]; missing: string[] } {
  const seen = new Map<string, Definition>();
  const missing = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop() as string;
    if (seen.has(name) || missing.has(name)) continue;
    const d = registry.get(name);
    if (!d) {
      missing.add(name);
      continue;
    }
    seen.set(name, d);
    for (const n of referencedNames(d.schema)) if (!seen.has(n)) queue.push(n);
  }
  const definitions = [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { definitions, missing: [...missing].sort() };
}
