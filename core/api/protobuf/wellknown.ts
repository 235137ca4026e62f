/**
 * The apimachinery types whose protobuf messages differ from their JSON form:
 * `metav1.Time`/`MicroTime` (`{seconds, nanos}` ↔ RFC 3339), `resource.Quantity` (`{string}` ↔
 * a string), `intstr.IntOrString` (`{type, intVal, strVal}` ↔ a number or a string), and the
 * raw-JSON holders `runtime.RawExtension`, `metav1.FieldsV1` and apiextensions' `JSON`
 * (`{raw}` ↔ the JSON value).
 */
import { rfc3339 } from '../duration';
import { utf8Decode, utf8Encode } from './text';
import { ProtobufError, WIRE_BYTES, WIRE_VARINT, Writer, readFields, toInt32, toInt64 } from './wire';

/** The field 1 bytes of a one-field message (Quantity, RawExtension, FieldsV1, JSON). */
function firstBytes(msg: Uint8Array, what: string): Uint8Array | undefined {
  let out: Uint8Array | undefined;
  for (const f of readFields(msg)) {
    if (f.field !== 1) continue;
    if (f.wire !== WIRE_BYTES) throw new ProtobufError(`${what}: wrong wire type ${f.wire} for field 1`);
    out = f.bytes;
  }
  return out;
}

/**
 * A `metav1.Time` (or `MicroTime` with `micro`) message as its JSON string; undefined for the
 * zero time, which Go writes as an empty message and JSON as null.
 */
export function decodeTime(msg: Uint8Array, micro: boolean): string | undefined {
  if (msg.length === 0) return undefined;
  let seconds = 0;
  let nanos = 0;
  for (const f of readFields(msg)) {
    if (f.wire !== WIRE_VARINT) throw new ProtobufError(`Time: wrong wire type ${f.wire} for field ${f.field}`);
    if (f.field === 1) seconds = toInt64(f.value);
    else if (f.field === 2) nanos = toInt32(f.value);
  }
  const base = rfc3339(seconds * 1000);
  if (!micro) return base;
  // RFC3339Micro: "2006-01-02T15:04:05.000000Z07:00", in UTC.
  return `${base.slice(0, -1)}.${String(Math.floor(Math.max(0, nanos) / 1000)).padStart(6, '0')}Z`;
}

/** An RFC 3339 time string as a `metav1.Time`/`MicroTime` message (sub-second digits kept). */
export function encodeTime(value: string): Uint8Array {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ProtobufError(`not an RFC 3339 time: ${JSON.stringify(value)}`);
  const seconds = Math.floor(ms / 1000);
  const frac = /\.(\d+)/.exec(value)?.[1] ?? '';
  const nanos = frac ? Number(frac.slice(0, 9).padEnd(9, '0')) : 0;
  const w = new Writer().varintField(1, seconds);
  if (nanos) w.varintField(2, nanos);
  return w.finish();
}

/** A `resource.Quantity` message as its string. */
export function decodeQuantity(msg: Uint8Array): string {
  const s = firstBytes(msg, 'Quantity');
  return s ? utf8Decode(s) : '0';
}

/** A quantity (a string or a number) as a `resource.Quantity` message. */
export function encodeQuantity(value: unknown): Uint8Array {
  return new Writer().bytesField(1, utf8Encode(String(value))).finish();
}

/** An `intstr.IntOrString` message as a number or a string. */
export function decodeIntOrString(msg: Uint8Array): number | string {
  let type = 0;
  let intVal = 0;
  let strVal = '';
  for (const f of readFields(msg)) {
    if (f.field === 1 && f.wire === WIRE_VARINT) type = toInt64(f.value);
    else if (f.field === 2 && f.wire === WIRE_VARINT) intVal = toInt32(f.value);
    else if (f.field === 3 && f.wire === WIRE_BYTES) strVal = utf8Decode(f.bytes);
    else if (f.field <= 3) throw new ProtobufError(`IntOrString: wrong wire type ${f.wire} for field ${f.field}`);
  }
  return type === 1 ? strVal : intVal;
}

/** A number or a string as an `intstr.IntOrString` message. */
export function encodeIntOrString(value: unknown): Uint8Array {
  const w = new Writer();
  if (typeof value === 'string') return w.varintField(1, 1).varintField(2, 0).bytesField(3, utf8Encode(value)).finish();
  if (typeof value === 'number' && Number.isInteger(value)) return w.varintField(1, 0).varintField(2, value).bytesField(3, new Uint8Array(0)).finish();
  throw new ProtobufError(`not an int or a string: ${JSON.stringify(value)}`);
}

/** A JSON document that may itself be a Kubernetes protobuf object (`k8s\0…`). */
export type NestedDecoder = (bytes: Uint8Array) => unknown;

/**
 * The JSON value of a raw-JSON message (`RawExtension`, `FieldsV1`, apiextensions `JSON`);
 * undefined when empty (Go's null). A RawExtension may hold a protobuf object instead: `nested`
 * decodes it.
 */
export function decodeRawJson(msg: Uint8Array, what: string, nested?: NestedDecoder): unknown {
  const raw = firstBytes(msg, what);
  if (!raw || raw.length === 0) return undefined;
  if (nested && raw.length >= 4 && raw[0] === 0x6b && raw[1] === 0x38 && raw[2] === 0x73 && raw[3] === 0) return nested(raw);
  const text = utf8Decode(raw);
  try {
    return JSON.parse(text);
  } catch {
    throw new ProtobufError(`${what}: the raw bytes are not JSON`);
  }
}

/** A JSON value as a raw-JSON message. */
export function encodeRawJson(value: unknown): Uint8Array {
  return new Writer().bytesField(1, utf8Encode(JSON.stringify(value))).finish();
}
