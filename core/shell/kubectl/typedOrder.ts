/**
 * The field order of a typed Go object: kubectl prints objects it decoded into its own types
 * (`set`, `autoscale`, `taint` answers, generated objects) with `-o json` in the Go struct's field
 * order rather than sorted. The struct order is the order of the protobuf field numbers the API
 * schemas carry (Kubernetes numbers fields as they appear in the struct), `kind` and `apiVersion`
 * first; fields the schema does not know keep their place after the known ones.
 */
import { apiSchemas } from '../../api/schema';
import type { Schema } from '../../api/schema/dsl';

function reorder(value: unknown, schema: Schema | undefined, depth: number): unknown {
  if (!schema || depth > 64) return value;
  const registry = apiSchemas();
  const node = schema.kind === 'ref' && registry.get(schema.name) ? registry.resolve(schema) : schema;
  if (Array.isArray(value)) return node.kind === 'array' ? value.map((v) => reorder(v, node.items, depth + 1)) : value;
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  if (node.kind === 'map') return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, reorder(v, node.values, depth + 1)]));
  if (node.kind !== 'object') return value;
  const tags = node.proto?.tags ?? {};
  const keys = Object.keys(obj);
  const known = keys.filter((k) => tags[k] !== undefined).sort((a, b) => (tags[a] as number) - (tags[b] as number));
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...keys.filter((k) => tags[k] === undefined)]) out[k] = reorder(obj[k], node.properties[k], depth + 1);
  return out;
}

/** An object of `group/version, Kind` with its fields in the Go struct's order (unchanged when the kind is unknown). */
export function typedOrder<T>(obj: T, group: string, version: string, kind: string): T {
  const def = apiSchemas().forKind(group, version, kind);
  if (!def) return obj;
  const ordered = reorder(obj, { kind: 'ref', name: def.name }, 0) as Record<string, unknown>;
  const { kind: k, apiVersion, ...rest } = ordered;
  return { ...(k !== undefined ? { kind: k } : {}), ...(apiVersion !== undefined ? { apiVersion } : {}), ...rest } as T;
}
