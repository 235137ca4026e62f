/**
 * The protobuf wire format (https://protobuf.dev/programming-guides/encoding/), read and
 * written by hand over `Uint8Array`: core/ imports nothing and needs only the few wire types
 * Kubernetes' `generated.proto` messages use — varints, 64-bit and 32-bit fixed values and
 * length-delimited fields (strings, bytes, embedded messages, packed repeated scalars).
 * No zigzag: Kubernetes has no `sint` fields.
 */

/** Wire type 0: int32, int64, uint32, uint64, bool, enum. */
export const WIRE_VARINT = 0;
/** Wire type 1: fixed64, sfixed64, double. */
export const WIRE_FIXED64 = 1;
/** Wire type 2: string, bytes, embedded messages, packed repeated fields. */
export const WIRE_BYTES = 2;
/** Wire type 5: fixed32, sfixed32, float. */
export const WIRE_FIXED32 = 5;

/** A malformed protobuf message (truncated, a bad varint, an unexpected wire type). */
export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

/** One field of a message as it lies on the wire. */
export type WireField =
  | { field: number; wire: typeof WIRE_VARINT; value: bigint }
  | { field: number; wire: typeof WIRE_FIXED64; bytes: Uint8Array }
  | { field: number; wire: typeof WIRE_BYTES; bytes: Uint8Array }
  | { field: number; wire: typeof WIRE_FIXED32; bytes: Uint8Array };

/** Reads a message field by field. */
export class Reader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  /** Whether every byte was read. */
  done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** An unsigned varint of up to 64 bits. */
  varint(): bigint {
    // Most varints are short: gather up to 49 bits in a number, the rest as a bigint.
    let low = 0;
    let shift = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new ProtobufError('unexpected end of data in a varint');
      const b = this.buf[this.pos++] as number;
      if (shift < 49) {
        low += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return BigInt(low);
      } else {
        let big = BigInt(low) + (BigInt(b & 0x7f) << BigInt(shift));
        let s = shift + 7;
        let last = b;
        while (last >= 0x80) {
          if (s >= 70) throw new ProtobufError('varint longer than 10 bytes');
          if (this.pos >= this.buf.length) throw new ProtobufError('unexpected end of data in a varint');
          last = this.buf[this.pos++] as number;
          big += BigInt(last & 0x7f) << BigInt(s);
          s += 7;
        }
        return BigInt.asUintN(64, big);
      }
      shift += 7;
    }
    throw new ProtobufError('varint longer than 10 bytes');
  }

  /** `n` bytes (a view, not a copy). */
  take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.buf.length) throw new ProtobufError(`unexpected end of data: ${n} bytes wanted, ${this.buf.length - this.pos} left`);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** The next field, or undefined at the end of the message. */
  next(): WireField | undefined {
    if (this.done()) return undefined;
    const key = this.varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field < 1 || field > 0x1fffffff) throw new ProtobufError(`illegal field number ${field}`);
    switch (wire) {
      case WIRE_VARINT:
        return { field, wire, value: this.varint() };
      case WIRE_FIXED64:
        return { field, wire, bytes: this.take(8) };
      case WIRE_BYTES: {
        const len = this.varint();
        if (len > BigInt(this.buf.length)) throw new ProtobufError(`length ${len} of field ${field} beyond the end of the data`);
        return { field, wire, bytes: this.take(Number(len)) };
      }
      case WIRE_FIXED32:
        return { field, wire, bytes: this.take(4) };
      default:
        // Groups (3, 4) were never used by Kubernetes; 6 and 7 do not exist.
        throw new ProtobufError(`unsupported wire type ${wire} for field ${field}`);
    }
  }
}

/** Every field of a message, in wire order. */
export function readFields(buf: Uint8Array): WireField[] {
  const r = new Reader(buf);
  const out: WireField[] = [];
  for (let f = r.next(); f; f = r.next()) out.push(f);
  return out;
}

/** The varints of a packed repeated field. */
export function unpackVarints(bytes: Uint8Array): bigint[] {
  const r = new Reader(bytes);
  const out: bigint[] = [];
  while (!r.done()) out.push(r.varint());
  return out;
}

/** A varint as a signed 32-bit integer (negative int32s are sign-extended to 64 bits). */
export function toInt32(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

/** A varint as a signed 64-bit integer, as a number (exact up to 2^53). */
export function toInt64(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}

/** A little-endian IEEE 754 double (wire type 1) or float (wire type 5). */
export function toFloat(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.byteLength === 8 ? view.getFloat64(0, true) : view.getFloat32(0, true);
}

/** A growable protobuf writer. */
export class Writer {
  private buf = new Uint8Array(256);
  private len = 0;

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  /** A raw varint; negative numbers are written as their 64-bit two's complement (10 bytes). */
  varint(value: number | bigint): this {
    let v = typeof value === 'bigint' ? BigInt.asUintN(64, value) : value >= 0 && Number.isSafeInteger(value) ? value : BigInt.asUintN(64, BigInt(Math.trunc(value)));
    this.ensure(10);
    if (typeof v === 'number') {
      while (v > 0x7f) {
        this.buf[this.len++] = (v % 128) | 0x80;
        v = Math.floor(v / 128);
      }
      this.buf[this.len++] = v;
      return this;
    }
    while (v > 0x7fn) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
    return this;
  }

  /** A field key. */
  tag(field: number, wire: number): this {
    return this.varint(field * 8 + wire);
  }

  /** A varint field (int32, int64, bool). */
  varintField(field: number, value: number | bigint | boolean): this {
    this.tag(field, WIRE_VARINT);
    return this.varint(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }

  /** A double field (wire type 1). */
  doubleField(field: number, value: number): this {
    this.tag(field, WIRE_FIXED64);
    this.ensure(8);
    new DataView(this.buf.buffer, this.buf.byteOffset + this.len, 8).setFloat64(0, value, true);
    this.len += 8;
    return this;
  }

  /** A length-delimited field (string bytes, bytes, an embedded message). */
  bytesField(field: number, data: Uint8Array): this {
    this.tag(field, WIRE_BYTES);
    this.varint(data.length);
    return this.raw(data);
  }

  /** Bytes as they are. */
  raw(data: Uint8Array): this {
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }

  /** The bytes written so far (a copy). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
