// The save of an edited object as `kubectl edit` does it (pure): a JSON merge patch (RFC 7386)
// of what the student changed, and the check that a concurrent change by someone else touched
// none of those fields (then the patch is sent again on the newer version; otherwise it is a
// conflict to resolve by reloading).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The JSON merge patch that turns `from` into `to` (null removes a field; arrays are replaced whole). */
export function mergePatch(from: unknown, to: unknown): Record<string, Json> {
  const patch: Record<string, Json> = {};
  const a = isObject(from) ? from : {};
  const b = isObject(to) ? to : {};
  for (const key of Object.keys(a)) if (!(key in b)) patch[key] = null;
  for (const [key, value] of Object.entries(b)) {
    const before = a[key];
    if (same(before, value)) continue;
    if (isObject(before) && isObject(value)) {
      const inner = mergePatch(before, value);
      if (Object.keys(inner).length) patch[key] = inner;
    } else patch[key] = value as Json;
  }
  return patch;
}

/** The paths (`metadata.labels.tier`, arrays as a whole) where `a` and `b` differ. */
export function changedPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (same(a, b)) return [];
  if (!isObject(a) || !isObject(b)) return [prefix];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => changedPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k));
}

/** What changes by themselves and never conflicts with an edit of the object's spec or metadata. */
const BOOKKEEPING = /^(status(\.|$)|metadata\.(resourceVersion|managedFields|generation)$)/;

/** Whether two sets of changed paths touch the same field (one is the other or inside it). */
export function overlaps(mine: string[], theirs: string[]): boolean {
  const inside = (p: string, q: string) => p === q || p.startsWith(`${q}.`);
  return mine.some((p) => theirs.some((q) => inside(p, q) || inside(q, p)));
}

/** The fields someone else changed between `original` and `current` (bookkeeping left out). */
export function theirChanges(original: unknown, current: unknown): string[] {
  return changedPaths(original, current).filter((p) => !BOOKKEEPING.test(p));
}
