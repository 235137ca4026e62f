/**
 * Structural sharing on the status write path (the kubelets' merge patches): a patch resends
 * the whole status, most of it unchanged. `reshare` gives the unchanged parts of a patched value
 * back their stored (frozen) objects; `frozenPlaceholders` lets the decoder and the unknown-field
 * check skip those parts — the decoder accepted them when they were written, and decoding them
 * again gives them back unchanged — and then puts them back in the decoded object. The field
 * manager and the store then find them identical (`===`) and do not look inside.
 */
import { isObject, setKey, type JsonObject } from './value';

function frozenObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null && Object.isFrozen(v);
}

/**
 * `next` (a fresh value, changed in place) with every part equal to the same place of `cur` (a
 * stored, frozen value) replaced by that part; `cur` itself when all of it is equal, key order
 * included (the same JSON text).
 */
export function reshare(next: unknown, cur: unknown): unknown {
  if (next === cur || !frozenObject(cur) || typeof next !== 'object' || next === null || Object.isFrozen(next)) return next === cur ? cur : next;
  if (Array.isArray(next)) {
    if (!Array.isArray(cur)) return next;
    let same = next.length === cur.length;
    for (let i = 0; i < next.length; i++) {
      const r = reshare(next[i] as unknown, cur[i] as unknown);
      if (r !== next[i]) next[i] = r;
      if (r !== cur[i]) same = false;
    }
    return same ? cur : next;
  }
  if (Array.isArray(cur)) return next;
  const n = next as JsonObject;
  const c = cur as JsonObject;
  const curKeys = Object.keys(c);
  let same = true;
  let i = 0;
  for (const k of Object.keys(n)) {
    const before = Object.hasOwn(c, k) ? c[k] : undefined;
    const r = reshare(n[k], before);
    if (r !== n[k]) setKey(n, k, r);
    if (r !== before || curKeys[i] !== k) same = false;
    i++;
  }
  return same && i === curKeys.length ? cur : next;
}

/** A value with placeholders for its frozen parts, and how to put the parts back. */
export interface Placeholders {
  /** The value, its frozen parts (below the members of the root) replaced by empty objects or arrays. */
  value: JsonObject;
  /** Puts the frozen parts back into a value decoded from `value` (the same shape, fresh objects). */
  restore(decoded: JsonObject): void;
}

/**
 * Replaces the frozen parts of `root` found below its own members (never the members
 * themselves: a strategy may change those) by empty placeholders of the same JSON type, copying
 * the objects on the way to them; `root` is not changed.
 */
export function frozenPlaceholders(root: JsonObject): Placeholders {
  const originals = new Map<object, object>();
  const replace = (v: unknown, depth: number): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    if (depth >= 2 && Object.isFrozen(v)) {
      const ph = Array.isArray(v) ? [] : {};
      originals.set(ph, v);
      return ph;
    }
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const r = replace(v[i], depth + 1);
        if (r !== v[i]) (out ??= v.slice())[i] = r;
      }
      return out ?? v;
    }
    let out: JsonObject | undefined;
    const o = v as JsonObject;
    for (const k of Object.keys(o)) {
      const r = replace(o[k], depth + 1);
      if (r !== o[k]) {
        out ??= copyObject(o);
        setKey(out, k, r);
      }
    }
    return out ?? v;
  };
  const restore = (decoded: unknown, from: unknown): void => {
    if (typeof decoded !== 'object' || decoded === null || typeof from !== 'object' || from === null || Object.isFrozen(decoded)) return;
    if (Array.isArray(decoded)) {
      if (!Array.isArray(from)) return;
      for (let i = 0; i < decoded.length && i < from.length; i++) {
        const original = originals.get(from[i] as object);
        if (original) decoded[i] = original;
        else restore(decoded[i], from[i]);
      }
      return;
    }
    if (!isObject(from)) return;
    const d = decoded as JsonObject;
    for (const k of Object.keys(d)) {
      if (!Object.hasOwn(from, k)) continue;
      const original = originals.get(from[k] as object);
      if (original) setKey(d, k, original);
      else restore(d[k], from[k]);
    }
  };
  const result = replace(root, 0) as JsonObject;
  return { value: result, restore: (decoded) => (originals.size > 0 ? restore(decoded, result) : undefined) };
}

/** A shallow copy of an object, its own keys kept as data (a `__proto__` key included). */
function copyObject(o: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(o)) setKey(out, k, o[k]);
  return out;
}
