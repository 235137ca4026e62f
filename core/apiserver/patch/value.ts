/**
 * JSON value helpers shared by the patch mechanisms: type tests, deep equality and cloning,
 * the total order structured-merge-diff uses for values, and Go-style printing for the error
 * messages kube-apiserver builds with `fmt.Sprintf("%v", ...)`.
 */

/** A JSON object. */
export type JsonObject = { [key: string]: unknown };

/** Whether `v` is a JSON object (not an array, not null). */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A deep copy of a JSON value. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Deep equality of JSON values (key order does not matter; `undefined` members are absent). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ak = Object.keys(a).filter((k) => a[k] !== undefined);
    const bk = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ak.length !== bk.length) return false;
    for (const k of ak) if (!(k in b) || !deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

function typeRank(v: unknown): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (Array.isArray(v)) return 3;
  if (isObject(v)) return 4;
  return 5; // null
}

/**
 * The total order of structured-merge-diff's `value.Compare`: numbers, then strings, then
 * booleans, lists, maps and null; within a type, the natural order.
 */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }
  if (isObject(a) && isObject(b)) {
    const ak = Object.keys(a).sort();
    const bk = Object.keys(b).sort();
    for (let i = 0; i < Math.min(ak.length, bk.length); i++) {
      const ka = ak[i] as string;
      const kb = bk[i] as string;
      if (ka !== kb) return ka < kb ? -1 : 1;
      const c = compareValues(a[ka], b[kb]);
      if (c !== 0) return c;
    }
    return ak.length === bk.length ? 0 : ak.length < bk.length ? -1 : 1;
  }
  return 0;
}

/** JSON with object keys sorted at every level (a canonical text, as Go's encoder of maps writes). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/**
 * A value as Go's `%v` prints an `interface{}` decoded from JSON: `map[a:1 b:[x y]]`,
 * `[1 2]`, `<nil>`; map keys sorted.
 */
export function goFormat(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFormat).join(' ')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goFormat(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** The Go type name of a decoded JSON value, as `reflect.TypeOf(v)` prints it. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return '[]interface {}';
  if (isObject(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

/** An own member of an object (never an inherited one, such as `__proto__`). */
export function getOwn(o: JsonObject | undefined, k: string): unknown {
  return o !== undefined && Object.hasOwn(o, k) ? o[k] : undefined;
}

/**
 * Sets an own member, even one named `__proto__` (which plain assignment would turn into a
 * prototype change): request bodies are data, whatever their keys.
 */
export function setKey(o: JsonObject, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Removes object members whose value is null, recursively (what decoding into Go types does). */
export function dropNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropNulls);
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) setKey(out, k, dropNulls(x));
    return out;
  }
  return v;
}
