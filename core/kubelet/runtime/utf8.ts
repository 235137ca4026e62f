/**
 * UTF-8 for the simulated containers, whose files and streams are text: byte lengths and
 * conversions for the tools that count bytes (tar headers, `ls -l` sizes). core/ has no
 * TextEncoder (it compiles without the DOM or Node), hence these few lines.
 */

/** The UTF-8 bytes of a string. */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** A string from UTF-8 bytes (an invalid sequence becomes U+FFFD). */
export function utf8Decode(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const x = b[i] as number;
    const need = x < 0x80 ? 0 : x >= 0xf0 && x < 0xf8 ? 3 : x >= 0xe0 && x < 0xf0 ? 2 : x >= 0xc0 && x < 0xe0 ? 1 : -1;
    if (need === 0) {
      out += String.fromCharCode(x);
      i++;
      continue;
    }
    let c = need > 0 ? x & (0x3f >> need) : 0;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const y = b[i + k];
      if (y === undefined || (y & 0xc0) !== 0x80) ok = false;
      else c = (c << 6) | (y & 63);
    }
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(c);
    i += need + 1;
  }
  return out;
}

/** The UTF-8 length of a string, in bytes. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
