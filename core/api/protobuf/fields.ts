/**
 * The field table of a message, built from the schema DSL's `proto` tags: field number →
 * property (and its schema), or → the table of a Go struct embedded inline (whose properties
 * live in the same JSON object). Shared by the decoder and the encoder, cached per schema node.
 */
import type { Schema, SchemaRegistry } from '../schema/dsl';
import { ProtobufError } from './wire';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** What a field number stands for in a message. */
export type FieldEntry = { prop: string; schema: Schema } | { inline: FieldTable };

/** Field number → what it holds. */
export type FieldTable = Map<number, FieldEntry>;

/** An object schema (the `object` variant of `Schema`). */
export type ObjectSchema = Extract<Schema, { kind: 'object' }>;

const tables = new WeakMap<Schema, FieldTable>();

/** The field table of an object schema; throws when the schema has no protobuf tags. */
export function fieldTable(s: ObjectSchema, name: string): FieldTable {
  const cached = tables.get(s);
  if (cached) return cached;
  if (!s.proto) throw new ProtobufError(`${name} has no protobuf form`);
  const table: FieldTable = new Map();
  for (const [prop, tag] of Object.entries(s.proto.tags)) {
    const schema = s.properties[prop];
    if (!schema) throw new ProtobufError(`${name}: protobuf tag for unknown property ${prop}`);
    const path = typeof tag === 'number' ? [tag] : [...tag];
    let t = table;
    for (const n of path.slice(0, -1)) {
      let e = t.get(n);
      if (!e) t.set(n, (e = { inline: new Map() }));
      if (!('inline' in e)) throw new ProtobufError(`${name}: field ${n} is both a property and an inline struct`);
      t = e.inline;
    }
    t.set(path[path.length - 1] as number, { prop, schema });
  }
  tables.set(s, table);
  return table;
}

/** A schema with its refs followed, and the name of the definition it came from (if any). */
export interface Resolved {
  schema: Schema;
  name: string;
}

/** Follows refs to the schema a value is encoded by. */
export function resolve(s: Schema, registry: SchemaRegistry, context: string): Resolved {
  let cur = s;
  let name = context;
  for (let i = 0; i < 32 && cur.kind === 'ref'; i++) {
    const d = registry.get(cur.name);
    if (!d) throw new ProtobufError(`unknown schema definition ${cur.name}`);
    name = d.name;
    cur = d.schema;
  }
  return { schema: cur, name };
}

/** Whether a repeated field of this item schema may be packed (numeric and boolean scalars). */
export function packable(s: Schema): boolean {
  return s.kind === 'integer' || s.kind === 'boolean' || s.kind === 'number';
}

/** The JSON form of a zero Go value of this schema (a map entry without a value). */
export function zeroValue(s: Schema): unknown {
  switch (s.kind) {
    case 'string':
      return s.goType ? null : '';
    case 'integer':
    case 'number':
    case 'intOrString':
      return 0;
    case 'boolean':
      return false;
    case 'quantity':
      return '0';
    case 'object':
    case 'map':
      return {};
    default:
      return null;
  }
}
