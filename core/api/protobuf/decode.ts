/**
 * Schema-driven decoding of a Kubernetes protobuf message into the JSON object Go's
 * encoding/json would write for the same Go value: the field numbers come from the schema
 * DSL's `proto` tags; zero scalars of non-pointer `omitempty` fields are left out (Go writes
 * every non-pointer field to the wire), the zero Time is left out (JSON null), and embedded
 * inline structs (Volume's VolumeSource, Probe's ProbeHandler) are flattened into their parent.
 * Unknown fields are skipped, as gogo-generated Unmarshal does.
 */
import type { Schema, SchemaRegistry } from '../schema/dsl';
import { fieldTable, packable, resolve, zeroValue, type FieldTable, type Json, type ObjectSchema } from './fields';
import { base64Encode, utf8Decode } from './text';
import { decodeIntOrString, decodeQuantity, decodeRawJson, decodeTime, type NestedDecoder } from './wellknown';
import { ProtobufError, WIRE_BYTES, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT, readFields, toFloat, toInt32, toInt64, unpackVarints, type WireField } from './wire';

const JSON_SCHEMA_PROPS = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps';

/** How to decode: the registry the refs resolve in, and a decoder of nested `k8s\0` objects. */
export interface DecodeOptions {
  registry: SchemaRegistry;
  /** Decodes a whole Kubernetes protobuf object found inside a RawExtension. */
  nested?: NestedDecoder;
}

/** Decodes the message of a definition (`io.k8s.api.apps.v1.Deployment`) to its JSON object. */
export function decodeDefinition(bytes: Uint8Array, name: string, options: DecodeOptions): Json {
  const d = options.registry.get(name);
  if (!d) throw new ProtobufError(`unknown schema definition ${name}`);
  const { schema } = resolve(d.schema, options.registry, name);
  if (schema.kind !== 'object') throw new ProtobufError(`${name} is not a message`);
  return decodeMessage(bytes, schema, name, options);
}

/** Decodes a message of an object schema. */
export function decodeMessage(bytes: Uint8Array, s: ObjectSchema, name: string, options: DecodeOptions): Json {
  const out: Json = {};
  fill(out, bytes, fieldTable(s, name), name, options);
  for (const p of s.proto?.omitEmpty ?? []) {
    const v = out[p];
    if (v === '' || v === 0 || v === false) delete out[p];
  }
  return out;
}

function fill(out: Json, bytes: Uint8Array, table: FieldTable, name: string, options: DecodeOptions): void {
  for (const f of readFields(bytes)) {
    const entry = table.get(f.field);
    if (!entry) continue;
    if ('inline' in entry) {
      fill(out, expectBytes(f, `${name} field ${f.field}`), entry.inline, name, options);
      continue;
    }
    decodeField(out, entry.prop, entry.schema, f, `${name}.${entry.prop}`, options);
  }
}

function decodeField(out: Json, prop: string, schema: Schema, f: WireField, where: string, options: DecodeOptions): void {
  const { schema: s } = resolve(schema, options.registry, where);
  if (s.kind === 'array') {
    const list = (Array.isArray(out[prop]) ? out[prop] : (out[prop] = [])) as unknown[];
    const items = resolve(s.items, options.registry, where);
    if (f.wire === WIRE_BYTES && packable(items.schema)) {
      if (items.schema.kind === 'number') {
        const bytes = f.bytes;
        for (let i = 0; i + 8 <= bytes.length; i += 8) list.push(toFloat(bytes.subarray(i, i + 8)));
      } else for (const v of unpackVarints(f.bytes)) list.push(scalarOfVarint(items.schema, v));
      return;
    }
    const v = decodeValue(s.items, f, where, options);
    list.push(v === undefined ? null : v);
    return;
  }
  if (s.kind === 'map') {
    const m = (out[prop] !== null && typeof out[prop] === 'object' ? out[prop] : (out[prop] = {})) as Json;
    let key = '';
    let value: unknown;
    for (const e of readFields(expectBytes(f, where))) {
      if (e.field === 1) key = utf8Decode(expectBytes(e, `${where} key`));
      else if (e.field === 2) value = decodeValue(s.values, e, `${where}[]`, options);
    }
    m[key] = value === undefined ? zeroValue(resolve(s.values, options.registry, where).schema) : value;
    return;
  }
  const v = decodeValue(schema, f, where, options);
  if (v !== undefined) out[prop] = v;
}

function expectBytes(f: WireField, where: string): Uint8Array {
  if (f.wire !== WIRE_BYTES) throw new ProtobufError(`${where}: wrong wire type ${f.wire}, want ${WIRE_BYTES}`);
  return f.bytes;
}

function scalarOfVarint(s: Schema, v: bigint): unknown {
  if (s.kind === 'boolean') return v !== 0n;
  if (s.kind === 'integer') return s.format === 'int32' ? toInt32(v) : toInt64(v);
  throw new ProtobufError(`a varint cannot hold a ${s.kind}`);
}

/** One value; undefined for a value Go's JSON writes as null (the zero Time, empty raw JSON). */
function decodeValue(schema: Schema, f: WireField, where: string, options: DecodeOptions): unknown {
  const { schema: s, name } = resolve(schema, options.registry, where);
  switch (s.kind) {
    case 'string': {
      const bytes = expectBytes(f, where);
      if (s.goType === 'metav1.MicroTime') return decodeTime(bytes, true);
      return s.format === 'byte' ? base64Encode(bytes) : utf8Decode(bytes);
    }
    case 'integer':
    case 'boolean':
      if (f.wire !== WIRE_VARINT) throw new ProtobufError(`${where}: wrong wire type ${f.wire}, want ${WIRE_VARINT}`);
      return scalarOfVarint(s, f.value);
    case 'number':
      if (f.wire !== WIRE_FIXED64 && f.wire !== WIRE_FIXED32) throw new ProtobufError(`${where}: wrong wire type ${f.wire}, want ${WIRE_FIXED64}`);
      return toFloat(f.bytes);
    case 'object':
      return decodeMessage(expectBytes(f, where), s, name, options);
    case 'quantity':
      return decodeQuantity(expectBytes(f, where));
    case 'intOrString':
      return decodeIntOrString(expectBytes(f, where));
    case 'time':
      return decodeTime(expectBytes(f, where), false);
    case 'any':
      return decodeAny(s.goType, expectBytes(f, where), where, options);
    default:
      throw new ProtobufError(`${where}: a ${s.kind} cannot be nested here`);
  }
}

/** The Go types of apiextensions and apimachinery whose JSON is not a plain object. */
function decodeAny(goType: Schema['goType'], bytes: Uint8Array, where: string, options: DecodeOptions): unknown {
  switch (goType) {
    case 'runtime.RawExtension':
      return decodeRawJson(bytes, where, options.nested);
    case 'metav1.FieldsV1':
    case 'apiextensionsv1.JSON':
      return decodeRawJson(bytes, where);
    case 'apiextensionsv1.JSONSchemaPropsOrArray': {
      // MarshalJSON: the array when it has items, else the schema (null without one).
      let schema: Json | undefined;
      const list: Json[] = [];
      for (const f of readFields(bytes)) {
        if (f.field === 1) schema = decodeDefinition(expectBytes(f, where), JSON_SCHEMA_PROPS, options);
        else if (f.field === 2) list.push(decodeDefinition(expectBytes(f, where), JSON_SCHEMA_PROPS, options));
      }
      return list.length > 0 ? list : schema;
    }
    case 'apiextensionsv1.JSONSchemaPropsOrBool': {
      // MarshalJSON: the schema when set, else the boolean.
      let allows = false;
      let schema: Json | undefined;
      for (const f of readFields(bytes)) {
        if (f.field === 1 && f.wire === WIRE_VARINT) allows = f.value !== 0n;
        else if (f.field === 2) schema = decodeDefinition(expectBytes(f, where), JSON_SCHEMA_PROPS, options);
      }
      return schema ?? allows;
    }
    case 'apiextensionsv1.JSONSchemaPropsOrStringArray': {
      // MarshalJSON: the strings when there are some, else the schema (null without one).
      let schema: Json | undefined;
      const list: string[] = [];
      for (const f of readFields(bytes)) {
        if (f.field === 1) schema = decodeDefinition(expectBytes(f, where), JSON_SCHEMA_PROPS, options);
        else if (f.field === 2) list.push(utf8Decode(expectBytes(f, where)));
      }
      return list.length > 0 ? list : schema;
    }
    default:
      throw new ProtobufError(`${where} has no protobuf form`);
  }
}
