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
