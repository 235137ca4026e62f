/**
 * Unknown-field detection for `fieldValidation` (Strict and Warn), as kube-apiserver's strict
 * JSON decoding reports it: the path of each field that the type does not have, with
 * `.name` for struct fields and map keys and `[i]` for list items, in the order the fields
 * appear in the request, without duplicates and at most 100 of them.
 */
import type { Schema, SchemaRegistry } from './dsl';

/** The most errors the strict decoder keeps, as sigs.k8s.io/json does. */
const MAX_ERRORS = 100;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * The unknown fields of `obj` read as the definition `definitionName`, each as kube's message:
 * `unknown field "spec.containers[0].imagePullPolcy"`. Empty when every field is known (or
 * when the definition is not in the registry: then nothing can be said).
 *
 * The Strict answer is `strict decoding error: ` followed by these joined with `, `; the Warn
 * answer is one `Warning` header per message.
 */
export function unknownFields(registry: SchemaRegistry, definitionName: string, obj: unknown): string[] {
  const def = registry.get(definitionName);
  if (!def) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const report = (path: string) => {
    if (out.length >= MAX_ERRORS || seen.has(path)) return;
    seen.add(path);
    out.push(`unknown field ${JSON.stringify(path)}`);
  };
  const walk = (schema: Schema, value: unknown, path: string, depth: number): void => {
    if (depth > 64 || out.length >= MAX_ERRORS) return;
    let s = schema;
    if (s.kind === 'ref') {
      const target = registry.get(s.name);
      if (!target) return;
      s = target.schema;
      if (s.kind === 'ref') return walk(s, value, path, depth + 1);
    }
    switch (s.kind) {
      case 'object':
        if (!isObject(value)) return;
        for (const [key, v] of Object.entries(value)) {
          const field = Object.hasOwn(s.properties, key) ? s.properties[key] : undefined;
          if (field === undefined) report(join(path, key));
          else walk(field, v, join(path, key), depth + 1);
        }
        return;
      case 'map':
        if (!isObject(value)) return;
        for (const [key, v] of Object.entries(value)) walk(s.values, v, join(path, key), depth + 1);
        return;
      case 'array':
        if (!Array.isArray(value)) return;
        value.forEach((v, i) => walk(s.items, v, `${path}[${i}]`, depth + 1));
        return;
      default:
        // Scalars, Quantity, IntOrString, Time and free-form JSON have no fields of their own.
        return;
    }
  };
  walk(def.schema, obj, '', 0);
  return out;
}

/** The Strict-mode error message kube-apiserver puts in its 400 BadRequest Status. */
export function strictDecodingMessage(kind: string, version: string, unknown: string[]): string {
  return `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${unknown.join(', ')}`;
}
