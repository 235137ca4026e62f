/**
 * JSON merge patch (RFC 7386, `application/merge-patch+json`) as kube-apiserver applies it with
 * evanphx/json-patch v4 (`MergePatch`), with its errors: `Invalid JSON Patch` (400) for a body
 * that is not JSON or is `null`; a patch that is an array replaces the document, which then cannot
 * be an object (422).
 *
 * Written here rather than with the `json-merge-patch` package: that package stops at a patch
 * whose first key is `__proto__`, `constructor` or `prototype` and returns the document unchanged,
 * where kube treats those as ordinary keys (a merge patch `{"constructor":"x","metadata":...}`
 * merges all of it). Keys are only ever set as own properties (`setKey`), so no key of a request
 * reaches a prototype.
 */
import { badRequest, invalidPatch } from './errors';
import { reshare } from './shared';
import { clone, isObject, setKey, type JsonObject } from './value';

/** pruneNulls: drops null members of objects, and null items of lists, all the way down. */
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) if (x !== null) out.push(pruneNulls(x));
    return out;
  }
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x !== null) setKey(out, k, pruneNulls(x));
    }
    return out;
  }
  return v;
}

/** merge: a patch object merges into an object; anything else replaces (pruned when the current value is no object). */
function merge(cur: unknown, patch: unknown): unknown {
  if (!isObject(cur)) return pruneNulls(patch);
  if (!isObject(patch)) return patch;
  mergeDocs(cur, patch);
  return cur;
}

/** mergeDocs: null deletes a member; a new member is the pruned patch value; an existing one merges. */
function mergeDocs(doc: JsonObject, patch: JsonObject): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      if (Object.hasOwn(doc, k)) delete doc[k];
      continue;
    }
    const cur = Object.hasOwn(doc, k) ? doc[k] : undefined;
    setKey(doc, k, cur === undefined || cur === null ? pruneNulls(v) : merge(cur, v));
  }
}

/** merge without changing `cur`: the parts the patch leaves alone are shared, not copied. */
function mergeShared(cur: unknown, patch: unknown): unknown {
  if (!isObject(cur)) return pruneNulls(patch);
  if (!isObject(patch)) return patch;
  return mergeDocsShared(cur, patch);
}

/** mergeDocs into a shallow copy of `doc` (its members shared). */
function mergeDocsShared(doc: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(doc)) setKey(out, k, doc[k]);
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      if (Object.hasOwn(out, k)) delete out[k];
      continue;
    }
    const cur = Object.hasOwn(out, k) ? out[k] : undefined;
    // What the patch sets to what it already was keeps its stored object.
    setKey(out, k, reshare(cur === undefined || cur === null ? pruneNulls(v) : mergeShared(cur, v), cur));
  }
  return out;
}

/**
 * Applies a merge patch (its text) to a document; the document is not modified. With `shared`
 * the result shares with the document what the patch leaves alone or sets to what it was (the
 * document must then be in JSON form — the store's frozen objects are) instead of starting from
 * a deep copy.
 */
export function applyMergePatch(doc: unknown, patchText: string, kindName: string, shared = false): unknown {
  let patch: unknown;
  try {
    patch = JSON.parse(patchText) as unknown;
  } catch {
    throw badRequest('Invalid JSON Patch');
  }
  if (patch === null || (!isObject(patch) && !Array.isArray(patch))) throw badRequest('Invalid JSON Patch');
  if (Array.isArray(patch)) {
    // The result is the array itself (nulls pruned), which no object decodes from.
    throw invalidPatch(JSON.stringify(pruneNulls(patch)), `json: cannot unmarshal array into Go value of type ${kindName}`);
  }
  if (shared && isObject(doc)) return mergeDocsShared(doc, patch);
  const out = clone(doc);
  if (!isObject(out)) return pruneNulls(patch);
  mergeDocs(out, patch);
  return out;
}
