/**
 * The hash of a pod template, as `pod-template-hash` and `controller-revision-hash` carry it
 * (controller.ComputeHash: FNV-1a 32 of the template, mixed with the collision count, written
 * with rand.SafeEncodeString's vowel-free alphabet). Kubernetes hashes a `spew` dump of the Go
 * struct; here the hash is of the canonical JSON of the template, so the values differ from a
 * real cluster's but have the same form and the same properties (equal templates, equal hash).
 */

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * A deep copy of `v` whose objects have their keys in sorted order (undefined values dropped), so
 * that JSON.stringify writes it as Go's encoding/json writes a map: what a controller that marshals
 * a map (a ControllerRevision's data) stores byte for byte.
 */
export function sortedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortedKeys) as T;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortedKeys(o[k]);
    return out as T;
  }
  return v;
}

/** JSON with object keys sorted, so that equal values give equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** FNV-1a, 32 bits, of a string's UTF-16 code units. */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character mapped into the vowel-free alphabet. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** controller.ComputeHash(template, collisionCount). */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv1a32(canonicalJson(template));
  if (collisionCount !== undefined && collisionCount !== null) {
    // Kubernetes writes the collision count's 4 little-endian bytes into the hash.
    for (let i = 0; i < 4; i++) {
      h ^= (collisionCount >>> (8 * i)) & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return safeEncode(String(h));
}
