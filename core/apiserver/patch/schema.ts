/**
 * A view of the schema language (core/api/schema/dsl.ts) shaped for the patch mechanisms:
 * each node resolves to an *atom* — scalar, struct, map, or list with its merge semantics —
 * the way kube-openapi's `schemaconv` turns OpenAPI into structured-merge-diff types and the way
 * strategic merge patch reads `patchStrategy` / `patchMergeKey` struct tags.
 *
 * Without a schema (no registry, an unknown definition, or an `any` node) values are *deduced*,
 * as structured-merge-diff does for untyped data: objects are granular maps, arrays atomic.
 */
import type { Schema, SchemaRegistry } from '../../api/schema/dsl';
import { isObject } from './value';

/** What a schema node is, for merging. */
export type Atom =
  /** `type`: what structured-merge-diff checks a value against (`untyped` for Quantity and IntOrString). */
  | { kind: 'scalar'; type?: 'numeric' | 'string' | 'boolean' | 'untyped' }
  | { kind: 'struct'; fields: Record<string, Schema>; required: string[]; atomic: boolean; patchStrategy: string | undefined }
  | { kind: 'map'; values: Schema | undefined; atomic: boolean }
  | {
      kind: 'list';
      items: Schema | undefined;
      /** `map` (keyed items), `set` (unique scalars) or `atomic` (replaced whole). */
      relation: 'atomic' | 'set' | 'map';
      keys: string[];
      patchStrategy: string | undefined;
      mergeKey: string | undefined;
    }
  | { kind: 'untyped' };

/** Well-known defaults of list-map key fields, used when the schema carries no `default`. */
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** Resolves schema nodes against a registry (which may be missing: then everything is deduced). */
export class TypeView {
  constructor(readonly registry: SchemaRegistry | undefined) {}

  /** The schema of a named definition, if known. */
  definition(name: string | undefined): Schema | undefined {
    if (!name || !this.registry) return undefined;
    return this.registry.get(name)?.schema;
  }

  /** The atom of a schema node (untyped for a missing or `any` node). */
  atom(s: Schema | undefined): Atom {
    if (!s) return { kind: 'untyped' };
    let node: Schema = s;
    // A field referring to a named type may carry its own map type (x-kubernetes-map-type).
    const own = mapType(s);
    if (node.kind === 'ref') {
      if (!this.registry?.get(node.name)) return { kind: 'untyped' };
      node = this.registry.resolve(node);
    }
    const atomic = (own ?? mapType(node)) === 'atomic';
    switch (node.kind) {
      case 'object':
        return { kind: 'struct', fields: node.properties, required: node.required ?? [], atomic, patchStrategy: node.patchStrategy };
      case 'map':
        return { kind: 'map', values: node.values, atomic };
      case 'array': {
        const strategy = node.patchStrategy;
        let relation: 'atomic' | 'set' | 'map' = 'atomic';
        let keys: string[] = [];
        if (node.listType === 'map') {
          relation = 'map';
          keys = node.listMapKeys ?? (node.patchMergeKey ? [node.patchMergeKey] : []);
        } else if (node.listType === 'set') relation = 'set';
        else if (node.listType === 'atomic') relation = 'atomic';
        else if (strategy === 'merge' || strategy === 'merge,retainKeys') {
          // schemaconv: a merge strategy makes the list associative, keyed by the merge key.
          if (node.patchMergeKey) {
            relation = 'map';
            keys = [node.patchMergeKey];
          } else relation = 'set';
        }
        if (relation === 'map' && keys.length === 0) relation = 'atomic';
        return { kind: 'list', items: node.items, relation, keys, patchStrategy: strategy, mergeKey: node.patchMergeKey };
      }
      case 'any':
        return { kind: 'untyped' };
      case 'integer':
      case 'number':
        return { kind: 'scalar', type: 'numeric' };
      case 'boolean':
        return { kind: 'scalar', type: 'boolean' };
      case 'string':
      case 'time':
        return { kind: 'scalar', type: 'string' };
      default:
        return { kind: 'scalar', type: 'untyped' };
    }
  }

  /** The atom of a node for a given value: untyped nodes are deduced from the value. */
  atomFor(s: Schema | undefined, value: unknown): Atom {
    const a = this.atom(s);
    if (a.kind !== 'untyped') return a;
    return deduced(value);
  }

  /** The schema of a field of a struct or the values of a map (undefined: untyped). */
  child(a: Atom, name: string): { schema: Schema | undefined; declared: boolean } {
    if (a.kind === 'struct') {
      const f = Object.hasOwn(a.fields, name) ? a.fields[name] : undefined;
      return { schema: f, declared: f !== undefined };
    }
    if (a.kind === 'map') return { schema: a.values, declared: false };
    return { schema: undefined, declared: false };
  }

  /** The default of a key field of a list item, if the schema (or the well-known table) has one. */
  keyDefault(items: Schema | undefined, key: string): unknown {
    const a = this.atom(items);
    if (a.kind === 'struct') {
      const f = (Object.hasOwn(a.fields, key) ? a.fields[key] : undefined) as (Schema & { default?: unknown }) | undefined;
      if (f && f.default !== undefined) return f.default;
    }
    return KEY_DEFAULTS[key];
  }
}

/** How structured-merge-diff types untyped data: maps granular, lists atomic. */
export function deduced(value: unknown): Atom {
  if (isObject(value)) return { kind: 'map', values: undefined, atomic: false };
  if (Array.isArray(value)) return { kind: 'list', items: undefined, relation: 'atomic', keys: [], patchStrategy: undefined, mergeKey: undefined };
  return { kind: 'scalar' };
}

/** `x-kubernetes-map-type` of a node. */
function mapType(s: Schema): string | undefined {
  return s.kind === 'object' || s.kind === 'map' || s.kind === 'ref' ? s.mapType : undefined;
}
