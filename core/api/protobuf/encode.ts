/**
 * Schema-driven encoding of a JSON object into its Kubernetes protobuf message: the inverse of
 * `decode.ts`. Fields are written in field-number order, map entries sorted by key (as gogo's
 * generated Marshal does), repeated scalars unpacked (proto2); properties that are absent or
 * null are not written, so a Go reader sees its zero value.
 */
import type { Schema, SchemaRegistry } from '../schema/dsl';
import { fieldTable, resolve, type FieldTable, type Json, type ObjectSchema } from './fields';
import { base64Decode, utf8Encode } from './text';
import { encodeIntOrString, encodeQuantity, encodeRawJson, encodeTime } from './wellknown';
import { ProtobufError, Writer } from './wire';

const JSON_SCHEMA_PROPS = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Encodes a JSON object as the message of a definition (`io.k8s.api.apps.v1.Deployment`). */
export function encodeDefinition(value: Json, name: string, registry: SchemaRegistry): Uint8Array {
  const d = registry.get(name);
  if (!d) throw new ProtobufError(`unknown schema definition ${name}`);
  const { schema } = resolve(d.schema, registry, name);
  if (schema.kind !== 'object') throw new ProtobufError(`${name} is not a message`);
  return encodeMessage(value, schema, name, registry);
}

/** Encodes a JSON object as a message of an object schema. */
export function encodeMessage(value: Json, s: ObjectSchema, name: string, registry: SchemaRegistry): Uint8Array {
  const w = new Writer();
  writeTable(w, value, fieldTable(s, name), name, registry);
  return w.finish();
}

function writeTable(w: Writer, value: Json, table: FieldTable, name: string, registry: SchemaRegistry): void {
  for (const [field, entry] of [...table.entries()].sort((a, b) => a[0] - b[0])) {
    if ('inline' in entry) {
      const inner = new Writer();
      writeTable(inner, value, entry.inline, name, registry);
      const bytes = inner.finish();
      if (bytes.length > 0) w.bytesField(field, bytes);
      continue;
    }
    const v = value[entry.prop];
    if (v === undefined || v === null) continue;
    writeField(w, field, entry.schema, v, `${name}.${entry.prop}`, registry);
  }
}

function writeField(w: Writer, field: number, schema: Schema, v: unknown, where: string, registry: SchemaRegistry): void {
  const { schema: s } = resolve(schema, registry, where);
  if (s.kind === 'array') {
    if (!Array.isArray(v)) throw new ProtobufError(`${where}: expected an array`);
    // A null item is kept only where it is a JSON value (a JSONSchemaProps enum).
    const keepNull = resolve(s.items, registry, where).schema.kind === 'any';
    for (const item of v) if (item !== undefined && (item !== null || keepNull)) writeValue(w, field, s.items, item, `${where}[]`, registry);
    return;
  }
  if (s.kind === 'map') {
    if (!isObject(v)) throw new ProtobufError(`${where}: expected an object`);
    for (const key of Object.keys(v).sort()) {
      const entry = new Writer().bytesField(1, utf8Encode(key));
      const item = v[key];
      if (item !== null && item !== undefined) writeValue(entry, 2, s.values, item, `${where}[${key}]`, registry);
      w.bytesField(field, entry.finish());
    }
    return;
  }
  writeValue(w, field, schema, v, where, registry);
}

function writeValue(w: Writer, field: number, schema: Schema, v: unknown, where: string, registry: SchemaRegistry): void {
  const { schema: s, name } = resolve(schema, registry, where);
  const want = (type: string, ok: boolean) => {
    if (!ok) throw new ProtobufError(`${where}: expected ${type}, got ${JSON.stringify(v)}`);
  };
  switch (s.kind) {
    case 'string':
      want('a string', typeof v === 'string');
      if (s.goType === 'metav1.MicroTime') w.bytesField(field, encodeTime(v as string));
      else w.bytesField(field, s.format === 'byte' ? base64Decode(v as string) : utf8Encode(v as string));
      return;
    case 'integer':
      want('an integer', typeof v === 'number' && Number.isInteger(v));
      w.varintField(field, v as number);
      return;
    case 'boolean':
      want('a boolean', typeof v === 'boolean');
      w.varintField(field, v as boolean);
      return;
    case 'number':
      want('a number', typeof v === 'number');
      w.doubleField(field, v as number);
      return;
    case 'object':
      want('an object', isObject(v));
      w.bytesField(field, encodeMessage(v as Json, s, name, registry));
      return;
    case 'quantity':
      w.bytesField(field, encodeQuantity(v));
      return;
    case 'intOrString':
      w.bytesField(field, encodeIntOrString(v));
      return;
    case 'time':
      want('a time string', typeof v === 'string');
      w.bytesField(field, encodeTime(v as string));
      return;
    case 'any':
      w.bytesField(field, encodeAny(s.goType, v, where, registry));
      return;
    default:
      throw new ProtobufError(`${where}: a ${s.kind} cannot be nested here`);
  }
}

function encodeAny(goType: Schema['goType'], v: unknown, where: string, registry: SchemaRegistry): Uint8Array {
  const props = (x: unknown) => {
    if (!isObject(x)) throw new ProtobufError(`${where}: expected a JSON schema object`);
    return encodeDefinition(x, JSON_SCHEMA_PROPS, registry);
  };
  switch (goType) {
    case 'runtime.RawExtension':
    case 'metav1.FieldsV1':
    case 'apiextensionsv1.JSON':
      return encodeRawJson(v);
    case 'apiextensionsv1.JSONSchemaPropsOrArray': {
      const w = new Writer();
      if (Array.isArray(v)) for (const item of v) w.bytesField(2, props(item));
      else w.bytesField(1, props(v));
      return w.finish();
    }
    case 'apiextensionsv1.JSONSchemaPropsOrBool': {
      // UnmarshalJSON: a boolean sets Allows; a schema sets Schema and Allows = true.
      const w = new Writer();
      if (typeof v === 'boolean') w.varintField(1, v);
      else w.varintField(1, true).bytesField(2, props(v));
      return w.finish();
    }
    case 'apiextensionsv1.JSONSchemaPropsOrStringArray': {
      const w = new Writer();
      if (Array.isArray(v)) for (const item of v) w.bytesField(2, utf8Encode(String(item)));
      else w.bytesField(1, props(v));
      return w.finish();
    }
    default:
      throw new ProtobufError(`${where} has no protobuf form`);
  }
}
