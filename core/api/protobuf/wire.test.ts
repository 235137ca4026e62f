import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from './text';
import { ProtobufError, Reader, WIRE_BYTES, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT, Writer, readFields, toFloat, toInt32, toInt64, unpackVarints } from './wire';

const bytes = (...b: number[]) => Uint8Array.from(b);
const hex = (u: Uint8Array) => [...u].map((b) => b.toString(16).padStart(2, '0')).join(' ');

describe('varints', () => {
  it('reads the examples of the protobuf encoding guide', () => {
    expect(new Reader(bytes(0x01)).varint()).toBe(1n);
    expect(new Reader(bytes(0x96, 0x01)).varint()).toBe(150n);
    expect(new Reader(bytes(0xac, 0x02)).varint()).toBe(300n);
  });

  it('reads 64-bit values exactly, beyond 2^53', () => {
    const max = bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01);
    expect(new Reader(max).varint()).toBe(2n ** 64n - 1n);
    expect(toInt64(new Reader(max).varint())).toBe(-1);
    const big = new Writer().varint(2n ** 60n + 7n).finish();
    expect(new Reader(big).varint()).toBe(2n ** 60n + 7n);
  });

  it('writes negative numbers as 10-byte two’s complement, read back as int32 and int64', () => {
    const w = new Writer().varint(-2).finish();
    expect(hex(w)).toBe('fe ff ff ff ff ff ff ff ff 01');
    expect(toInt32(new Reader(w).varint())).toBe(-2);
    expect(toInt64(new Reader(w).varint())).toBe(-2);
  });

  it('round-trips numbers of every width', () => {
    for (const n of [0, 1, 127, 128, 16383, 16384, 2 ** 31 - 1, 2 ** 32, 2 ** 49 - 1, 2 ** 49, 2 ** 53 - 1]) {
      expect(toInt64(new Reader(new Writer().varint(n).finish()).varint())).toBe(n);
    }
  });

  it('refuses a truncated or an over-long varint', () => {
    expect(() => new Reader(bytes(0x80, 0x80)).varint()).toThrow(ProtobufError);
    expect(() => new Reader(new Uint8Array(11).fill(0x80)).varint()).toThrow(/longer than 10 bytes/);
  });
});

describe('fields', () => {
  it('reads a varint field, a string and an embedded message (field 1 = 150, field 2 = "testing")', () => {
    const msg = bytes(0x08, 0x96, 0x01, 0x12, 0x07, ...utf8Encode('testing'), 0x1a, 0x03, 0x08, 0x96, 0x01);
    const fields = readFields(msg);
    expect(fields.map((f) => [f.field, f.wire])).toEqual([
      [1, WIRE_VARINT],
      [2, WIRE_BYTES],
      [3, WIRE_BYTES],
    ]);
    expect(fields[0]).toMatchObject({ value: 150n });
    const [, s, m] = fields;
    expect(s?.wire === WIRE_BYTES && utf8Decode(s.bytes)).toBe('testing');
    expect(m?.wire === WIRE_BYTES && readFields(m.bytes)).toEqual([{ field: 1, wire: WIRE_VARINT, value: 150n }]);
  });

  it('reads fixed 64-bit doubles and 32-bit floats, little-endian', () => {
    const w = new Writer().doubleField(5, 1.5).finish();
    expect(hex(w)).toBe('29 00 00 00 00 00 00 f8 3f');
    const [f] = readFields(w);
    expect(f?.wire).toBe(WIRE_FIXED64);
    expect(f && f.wire !== WIRE_VARINT && toFloat(f.bytes)).toBe(1.5);
    const [g] = readFields(bytes(0x0d, 0x00, 0x00, 0xc0, 0x3f));
    expect(g?.wire).toBe(WIRE_FIXED32);
    expect(g && g.wire !== WIRE_VARINT && toFloat(g.bytes)).toBe(1.5);
  });

  it('unpacks a packed repeated field', () => {
    // repeated int32 f = 4 [packed=true]: 3, 270, 86942
    const [f] = readFields(bytes(0x22, 0x06, 0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05));
    expect(f?.wire === WIRE_BYTES && unpackVarints(f.bytes)).toEqual([3n, 270n, 86942n]);
  });

  it('skips nothing silently: truncated lengths and unknown wire types are errors', () => {
    expect(() => readFields(bytes(0x12, 0x05, 0x61))).toThrow(/end of data|beyond the end/);
    expect(() => readFields(bytes(0x0b))).toThrow(/wire type 3/);
    expect(() => readFields(bytes(0x00))).toThrow(/illegal field number 0/);
  });

  it('writes what it reads', () => {
    const inner = new Writer().varintField(1, true).finish();
    const w = new Writer().varintField(1, 300).bytesField(2, utf8Encode('é')).bytesField(3, inner).finish();
    expect(hex(w)).toBe('08 ac 02 12 02 c3 a9 1a 02 08 01');
  });
});

describe('UTF-8', () => {
  it('encodes and decodes 1- to 4-byte characters', () => {
    const s = 'a é € 𝄞 中文';
    expect(utf8Decode(utf8Encode(s))).toBe(s);
    expect(hex(utf8Encode('€𝄞'))).toBe('e2 82 ac f0 9d 84 9e');
  });

  it('replaces invalid sequences with U+FFFD, as TextDecoder does', () => {
    expect(utf8Decode(bytes(0x61, 0xff, 0x62))).toBe('a\ufffdb');
    expect(utf8Decode(bytes(0xc0, 0xaf))).toBe('\ufffd\ufffd'); // overlong
    expect(utf8Decode(bytes(0xed, 0xa0, 0x80))).toBe('\ufffd\ufffd\ufffd'); // a surrogate
    expect(utf8Decode(bytes(0xe2, 0x82))).toBe('\ufffd'); // truncated
    expect(hex(utf8Encode('\ud800'))).toBe('ef bf bd');
  });

  it('decodes long strings', () => {
    const s = 'x€'.repeat(20000);
    expect(utf8Decode(utf8Encode(s))).toBe(s);
  });
});

describe('base64', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, coded] of vectors) {
      expect(base64Encode(utf8Encode(plain))).toBe(coded);
      expect(utf8Decode(base64Decode(coded))).toBe(plain);
    }
  });

  it('round-trips every byte value and refuses bad input', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64Decode(base64Encode(all))).toEqual(all);
    expect(() => base64Decode('a$==')).toThrow(/illegal base64 data at input byte 1/);
  });
});
