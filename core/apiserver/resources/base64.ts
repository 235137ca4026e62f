/**
 * Base64 as Go's encoding/json reads `[]byte` fields (Secret data, ConfigMap binaryData):
 * standard alphabet, padding required, CR/LF ignored, and the `illegal base64 data at input
 * byte N` error at the position Go reports. Plus UTF-8 encoding for `stringData`.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Decodes standard base64 to bytes; throws `illegal base64 data at input byte N` as Go does. */
export function decodeBase64(src: string): number[] {
  const out: number[] = [];
  let si = 0;
  for (;;) {
    const buf: number[] = [];
    let dlen = 4;
    let done = false;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return out;
        throw new Error(`illegal base64 data at input byte ${si - j}`);
      }
      const ch = src[si] as string;
      si++;
      const v = DECODE.get(ch);
      if (v !== undefined) {
        buf[j] = v;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        j--;
        continue;
      }
      if (ch !== '=') throw new Error(`illegal base64 data at input byte ${si - 1}`);
      if (j === 0 || j === 1) throw new Error(`illegal base64 data at input byte ${si - 1}`);
      if (j === 2) {
        while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
        if (si === src.length) throw new Error(`illegal base64 data at input byte ${src.length}`);
        if (src[si] !== '=') throw new Error(`illegal base64 data at input byte ${si - 1}`);
        si++;
      }
      while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++;
      if (si < src.length) throw new Error(`illegal base64 data at input byte ${si}`);
      dlen = j;
      done = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = buf;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (dlen >= 2) out.push((n >> 16) & 255);
    if (dlen >= 3) out.push((n >> 8) & 255);
    if (dlen >= 4) out.push(n & 255);
    if (done) return out;
  }
}

/** Encodes bytes as standard base64 with padding. */
export function encodeBase64(bytes: number[]): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    s += ALPHABET[(n >> 18) & 63] as string;
    s += ALPHABET[(n >> 12) & 63] as string;
    s += b === undefined ? '=' : (ALPHABET[(n >> 6) & 63] as string);
    s += c === undefined ? '=' : (ALPHABET[n & 63] as string);
  }
  return s;
}

/** The UTF-8 bytes of a string. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** The base64 of a string's UTF-8 bytes (how `stringData` becomes `data`). */
export function encodeString(s: string): string {
  return encodeBase64(utf8Bytes(s));
}
