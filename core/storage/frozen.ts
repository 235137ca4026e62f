/**
 * Read-only sharing of stored objects: the store parses each object once, freezes it deeply and
 * hands the same object to every reader and watcher. A reader that needs to change what it read
 * takes a `mutableCopy` first (a write builds a new object; it never edits the stored one).
 */

/** Freezes a JSON value and everything in it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (const v of value) deepFreeze(v);
  } else {
    for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return Object.freeze(value);
}

/** A deep, unfrozen copy of a JSON value (objects and arrays copied, everything else shared). */
export function mutableCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = mutableCopy(value[i] as unknown);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = mutableCopy((value as Record<string, unknown>)[k]);
    // A `__proto__` key (JSON.parse makes it an own property) stays a property, not a prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}

/** The JSON form of a number (`JSON.stringify` writes NaN and the infinities as null, -0 as 0). */
function jsonNumber(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}

/** Whether a member is left out of JSON (`undefined`, a function, a symbol). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * The deeply frozen JSON form of a value — what `JSON.parse(JSON.stringify(value))` gives,
 * frozen — built with structural sharing instead of a text round trip: a part already frozen is
 * kept as it is (only the store freezes, and what it freezes is already in JSON form), and a part
 * equal to the same place of `previous` (the last stored version, frozen) is that part of
 * `previous`. So a write copies only what it changed, and what it did not change keeps its
 * identity from one version to the next (which lets readers skip it by `===`).
 */
export function frozenJson<T>(value: T, previous?: unknown): T {
  return internValue(value, previous) as T;
}

function internValue(v: unknown, prev: unknown): unknown {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return jsonNumber(v);
    case 'object':
      break;
    default:
      // A bigint throws as JSON.stringify throws; undefined, functions and symbols are left out by the caller.
      return JSON.parse(JSON.stringify(v) ?? 'null') as unknown;
  }
  if (Object.isFrozen(v)) return v;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return deepFreeze(JSON.parse(JSON.stringify(v)) as unknown);
  if (Array.isArray(v)) {
    const p = Array.isArray(prev) && prev.length === v.length ? prev : undefined;
    const out = new Array<unknown>(v.length);
    let same = p !== undefined;
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as unknown;
      const y = skipped(x) ? null : internValue(x, p?.[i]);
      out[i] = y;
      if (same && y !== (p as unknown[])[i]) same = false;
    }
    return same ? p : Object.freeze(out);
  }
  const src = v as Record<string, unknown>;
  const p = prev !== null && typeof prev === 'object' && !Array.isArray(prev) ? (prev as Record<string, unknown>) : undefined;
  const prevKeys = p ? Object.keys(p) : undefined;
  const out: Record<string, unknown> = {};
  let same = p !== undefined;
  let n = 0;
  for (const k of Object.keys(src)) {
    const x = src[k];
    if (skipped(x)) continue;
    const before = p && Object.hasOwn(p, k) ? p[k] : undefined;
    const y = internValue(x, before);
    if (k === '__proto__') Object.defineProperty(out, k, { value: y, enumerable: true, writable: true, configurable: true });
    else out[k] = y;
    if (same && (prevKeys?.[n] !== k || y !== before)) same = false;
    n++;
  }
  if (same && n === prevKeys?.length) return p;
  return Object.freeze(out);
}

/**
 * A copy of a value in JSON form (what `JSON.parse(JSON.stringify(value))` gives) that shares
 * every frozen part instead of copying it: the copy's own objects may be changed, its frozen parts
 * (the store's, already in JSON form) may not. Cheaper than a text round trip, and a later store
 * write finds the shared parts unchanged at once.
 */
export function jsonCopy<T>(value: T): T {
  return copyValue(value) as T;
}

function copyValue(v: unknown): unknown {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return jsonNumber(v);
    case 'object':
      break;
    default:
      return JSON.parse(JSON.stringify(v) ?? 'null') as unknown;
  }
  if (Object.isFrozen(v)) return v;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(v)) as unknown;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i] as unknown;
      out[i] = skipped(x) ? null : copyValue(x);
    }
    return out;
  }
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(src)) {
    const x = src[k];
    if (skipped(x)) continue;
    const y = copyValue(x);
    if (k === '__proto__') Object.defineProperty(out, k, { value: y, enumerable: true, writable: true, configurable: true });
    else out[k] = y;
  }
  return out;
}
