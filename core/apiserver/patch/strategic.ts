/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), server side: the semantics
 * of `StrategicMergeMapPatch` in k8s.io/apimachinery/pkg/util/strategicpatch, read from the
 * schema's `patchStrategy` / `patchMergeKey` instead of Go struct tags. Maps merge and `null`
 * deletes; lists merge by their merge key (or, for scalars, as sets) when the field's strategy
 * is `merge`, and are replaced otherwise; the directives `$patch: replace|delete`,
 * `$deleteFromPrimitiveList/<field>`, `$setElementOrder/<field>` and `$retainKeys` work as in
 * kube, with its error messages. (Rewritten from the Go semantics; no JS library does this.)
 */
import type { Schema } from '../../api/schema/dsl';
import { badRequest, errBadArgType, errBadSetOrder, errNoMergeKey, unknownError } from './errors';
import type { Atom, TypeView } from './schema';
import { clone, goFormat, isObject, setKey, type JsonObject } from './value';
import { normalizeElementOrder, partitionMaps, partitionPrimitives, sliceKind, validateSetOrder } from './strategicOrder';

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_PREFIX = '$deleteFromPrimitiveList';
const ORDER_PREFIX = '$setElementOrder';

/**
 * Applies a strategic merge patch (already parsed) to `original`; `root` is the schema of the
 * kind. Neither argument is modified.
 */
export function strategicMergePatch(types: TypeView, root: Schema | undefined, original: JsonObject, patch: JsonObject): JsonObject {
  return mergeMap(types, clone(original), clone(patch), types.atom(root));
}

interface FieldMeta {
  schema: Schema | undefined;
  strategy: string;
  mergeKey: string;
}

/** The patch metadata of a field (forkedjson.LookupPatchMetadata), lenient on unknown fields. */
function lookup(types: TypeView, parent: Atom, key: string): FieldMeta {
  const { schema } = types.child(parent, key);
  if (!schema) return { schema: undefined, strategy: '', mergeKey: '' };
  const own = schema.kind === 'ref' ? schema.patchStrategy : undefined;
  const resolved = schema.kind === 'ref' && types.registry?.get(schema.name) ? types.registry.resolve(schema) : schema;
  const strategy = own ?? (resolved.kind === 'array' || resolved.kind === 'object' ? resolved.patchStrategy : undefined);
  const strategies = (strategy ?? '').split(',').filter((s) => s !== '');
  const mergeKey = resolved.kind === 'array' ? (resolved.patchMergeKey ?? '') : '';
  return { schema: resolved, strategy: retainKeysStrategy(strategies), mergeKey };
}

/** The strategy besides `retainKeys` (extractRetainKeysPatchStrategy). */
function retainKeysStrategy(strategies: string[]): string {
  if (strategies.length === 0) return '';
  if (strategies.length === 1) return strategies[0] === 'retainKeys' ? '' : (strategies[0] as string);
  if (strategies.length === 2) {
    if (strategies[0] === 'retainKeys') return strategies[1] as string;
    if (strategies[1] === 'retainKeys') return strategies[0] as string;
  }
  throw unknownError(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

/** Removes directive keys and nulls from a value taken from the patch as it is. */
function sanitize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sanitize);
  if (isObject(v)) {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === DIRECTIVE || k === RETAIN_KEYS || k.startsWith(DELETE_PREFIX) || k.startsWith(ORDER_PREFIX) || x === null) continue;
      setKey(out, k, sanitize(x));
    }
    return out;
  }
  return v;
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (isObject(v)) return 'map';
  if (v === null) return 'nil';
  return typeof v;
}

function mergeMap(types: TypeView, original: JsonObject, patch: JsonObject, atom: Atom): JsonObject {
  if (DIRECTIVE in patch) {
    const d = patch[DIRECTIVE];
    if (d === 'replace') {
      delete patch[DIRECTIVE];
      return sanitize(patch) as JsonObject;
    }
    if (d === 'delete') return {};
    throw unknownError(`unknown patch type: ${goFormat(d)} in map: ${goFormat(patch)}`);
  }
  applyRetainKeys(original, patch);
  mergeOrderDirectives(types, original, patch, atom);
  for (const k of Object.keys(patch)) {
    const patchV = patch[k];
    let key = k;
    let isDeleteList = false;
    if (k.startsWith(DELETE_PREFIX)) {
      key = extractKey(k, DELETE_PREFIX);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[key];
      continue;
    }
    if (!Object.hasOwn(original, key)) {
      if (!isDeleteList) setKey(original, key, sanitize(patchV));
      continue;
    }
    const origV = original[key];
    if (kindOf(origV) !== kindOf(patchV)) {
      setKey(original, key, sanitize(patchV));
      continue;
    }
    const meta = lookup(types, atom, key);
    if (isObject(origV)) setKey(original, key, meta.strategy === 'replace' ? sanitize(patchV) : mergeMap(types, origV, patchV as JsonObject, types.atomFor(meta.schema, origV)));
    else if (Array.isArray(origV)) setKey(original, key, mergeSliceHandler(types, origV, patchV as unknown[], meta, isDeleteList));
    else setKey(original, key, patchV);
  }
  return original;
}

function extractKey(s: string, prefix: string): string {
  const i = s.indexOf('/');
  if (i < 0 || s.slice(0, i) !== prefix) {
    if (prefix === DELETE_PREFIX) throw badRequest('invalid patch format of primitive list');
    throw errBadSetOrder();
  }
  return s.slice(i + 1);
}

/** `$retainKeys`: clears the keys of `original` missing from the list (applyRetainKeysDirective). */
function applyRetainKeys(original: JsonObject, patch: JsonObject): void {
  if (!(RETAIN_KEYS in patch)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw badRequest('invalid patch format of retainKeys');
  const keep = new Set(list.filter((v): v is string => typeof v === 'string'));
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_PREFIX) || k.startsWith(ORDER_PREFIX)) continue;
    if (!keep.has(k)) throw badRequest('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/** `$setElementOrder/<field>` with its list, merged together (mergePatchIntoOriginal). */
function mergeOrderDirectives(types: TypeView, original: JsonObject, patch: JsonObject, atom: Atom): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(ORDER_PREFIX)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType('[]interface {}', order);
    const field = extractKey(key, ORDER_PREFIX);
    const foundOriginal = Object.hasOwn(original, field);
    const foundPatch = Object.hasOwn(patch, field);
    const originalList = original[field];
    const patchList = patch[field];
    if (foundOriginal && !Array.isArray(originalList)) throw errBadArgType('[]interface {}', originalList);
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType('[]interface {}', patchList);
    const origItems = (originalList as unknown[] | undefined) ?? [];
    const patchItems = (patchList as unknown[] | undefined) ?? [];
    const meta = lookup(types, atom, field);
    validateSetOrder(patchItems, order, meta.mergeKey);
    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = origItems;
    else if (!foundOriginal && foundPatch) merged = patchItems;
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(types, origItems, patchItems, meta, false);
    else continue;
    const [inOrder, serverOnly] = meta.mergeKey === '' ? partitionPrimitives(merged, order) : partitionMaps(merged, order, meta.mergeKey);
    const kind = sliceKind(origItems, patchItems);
    setKey(original, field, normalizeElementOrder(inOrder, serverOnly, order, origItems, meta.mergeKey, kind));
    delete patch[field];
  }
}

function mergeSliceHandler(types: TypeView, original: unknown[], patch: unknown[], meta: FieldMeta, isDeleteList: boolean): unknown[] {
  if (meta.strategy !== 'merge') return sanitize(patch) as unknown[];
  const items = meta.schema?.kind === 'array' ? meta.schema.items : undefined;
  return mergeSlice(types, original, patch, items, meta.mergeKey, isDeleteList);
}

function mergeSlice(types: TypeView, original: unknown[], patch: unknown[], items: Schema | undefined, mergeKey: string, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceKind(original, patch);
  let merged: unknown[];
  if (kind !== 'map') {
    if (isDeleteList) {
      const drop = new Set(patch);
      return original.filter((v) => !drop.has(v));
    }
    merged = dedupScalars([...original, ...patch]);
  } else {
    if (mergeKey === '') throw unknownError('cannot merge lists without merge key for type struct');
    [original, patch] = withSpecialElements(original, patch, mergeKey);
    merged = [...original];
    for (const v of patch) {
      const m = v as JsonObject;
      if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
      const i = findByKey(merged, mergeKey, m[mergeKey]);
      if (i >= 0) merged[i] = mergeMap(types, merged[i] as JsonObject, m, types.atomFor(items, merged[i]));
      else merged.push(sanitize(v));
    }
  }
  const [inPatch, serverOnly] = mergeKey === '' ? partitionPrimitives(merged, patch) : partitionMaps(merged, patch, mergeKey);
  return normalizeElementOrder(inPatch, serverOnly, patch, original, mergeKey, kind);
}

/** Handles `$patch` items of a patch list; returns the new original and the plain patch items. */
function withSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  let out = original;
  for (const v of patch) {
    const m = v as JsonObject;
    if (!(DIRECTIVE in m)) {
      plain.push(v);
      continue;
    }
    const d = m[DIRECTIVE];
    if (d === 'delete') {
      if (!(mergeKey in m)) throw errNoMergeKey(m, mergeKey);
      out = out.filter((x) => !(isObject(x) && mergeKey in x && x[mergeKey] === m[mergeKey]));
    } else if (d === 'replace') replace = true;
    else if (d === 'merge') throw unknownError('merging lists cannot yet be specified in the patch');
    else throw unknownError(`unknown patch type: ${goFormat(d)} in map: ${goFormat(m)}`);
  }
  if (replace) return [plain.map(sanitize), []];
  return [out, plain];
}

function findByKey(list: unknown[], key: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!isObject(v)) throw unknownError(`value for key ${i} is not a map.`);
    if (key in v && v[key] === value) return i;
  }
  return -1;
}

/** deduplicateScalars, including the order it leaves (the last item fills a duplicate's place). */
export function dedupScalars(input: unknown[]): unknown[] {
  const s = [...input];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}
