/**
 * The ordering half of strategic merge patch: how a merged list is ordered from the patch's
 * order (or its `$setElementOrder` list) and the live object's order — `normalizeElementOrder`,
 * `mergeSortedSlice` and `validatePatchWithSetOrderList` of k8s.io/apimachinery strategicpatch.
 */
import { errBadArgType, errNoListOfLists, errNoMergeKey, unknownError } from './errors';
import { goFormat, isObject, type JsonObject } from './value';

/** The element kind of lists (`map`, or a scalar type); lists of lists are refused (sliceElementType). */
export function sliceKind(...lists: unknown[][]): string {
  let prev: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const t = Array.isArray(v) ? 'slice' : isObject(v) ? 'map' : v === null ? 'nil' : typeof v === 'number' ? (Number.isInteger(v) ? 'int64' : 'float64') : typeof v;
      if (prev === undefined) {
        prev = t;
        if (t === 'slice') throw errNoListOfLists();
      } else if (prev !== t) throw unknownError(`list element types are not identical: [${lists.map((l) => goFormat(l)).join(' ')}]`);
    }
  }
  if (prev === undefined) throw unknownError('no elements in any of the given slices');
  return prev;
}

/** Splits scalars into those present in `by` and the others. */
export function partitionPrimitives(list: unknown[], by: unknown[]): [unknown[], unknown[]] {
  const present = new Set(by);
  return [list.filter((v) => present.has(v)), list.filter((v) => !present.has(v))];
}

/** Splits maps into those whose merge key is present in `by` and the others. */
export function partitionMaps(list: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inBy: unknown[] = [];
  const others: unknown[] = [];
  for (const v of list) {
    if (!isObject(v)) throw errBadArgType('map[string]interface {}', v);
    if (!(mergeKey in v)) throw errNoMergeKey(v, mergeKey);
    let found = false;
    for (let i = 0; i < by.length; i++) {
      const b = by[i];
      if (!isObject(b)) throw unknownError(`value for key ${i} is not a map.`);
      if (mergeKey in b && b[mergeKey] === v[mergeKey]) {
        found = true;
        break;
      }
    }
    (found ? inBy : others).push(v);
  }
  return [inBy, others];
}

function keyOf(v: unknown, mergeKey: string, kind: string): unknown {
  if (kind === 'map') return isObject(v) ? v[mergeKey] : undefined;
  return v;
}

function indexIn(list: unknown[], v: unknown, mergeKey: string, kind: string): number {
  const k = keyOf(v, mergeKey, kind);
  for (let i = 0; i < list.length; i++) if (keyOf(list[i], mergeKey, kind) === k) return i;
  return -1;
}

/** Sorts `toSort` by `order`; items marked `$patch: delete` go last (normalizeSliceOrder). */
function sortByOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: string): unknown[] {
  let items = toSort;
  const deletes: unknown[] = [];
  if (kind === 'map') {
    for (const list of [toSort, order]) {
      for (const item of list) {
        if (!isObject(item)) throw errBadArgType('map[string]interface {}', item);
        if (!(mergeKey in item)) throw errNoMergeKey(item, mergeKey);
      }
    }
    items = [];
    for (const v of toSort) ((v as JsonObject)['$patch'] === 'delete' ? deletes : items).push(v);
  }
  const indexed = items.map((v) => ({ v, i: indexIn(order, v, mergeKey, kind) }));
  indexed.sort((a, b) => (a.i >= 0 && b.i >= 0 ? a.i - b.i : 0));
  return [...indexed.map((x) => x.v), ...deletes];
}

/**
 * Orders the patch items by `patchOrder` and the server-only items by `serverOrder`, then
 * interleaves them keeping the live order where both are known (normalizeElementOrder).
 */
export function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: string): unknown[] {
  const right = sortByOrder(patch, patchOrder, mergeKey, kind);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

/**
 * Checks that the patch list follows the `$setElementOrder` list: same relative order, and
 * every (non-deleting) patch item present in it (validatePatchWithSetOrderList).
 */
export function validateSetOrder(patch: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patch.length === 0) return;
  let items = patch;
  if (mergeKey !== '') {
    items = [];
    for (const v of patch) {
      if (!isObject(v)) throw errBadArgType('map[string]interface {}', v);
      if (v['$patch'] !== 'delete') items.push(v);
    }
  }
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    const item = items[p];
    if (isObject(item) && '$patch' in item) {
      p++;
      continue;
    }
    if (keysEqual(item, order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length && o >= order.length) {
    throw unknownError(`The order in patch list:\n${goFormat(patch)}\n doesn't match $setElementOrder list:\n${goFormat(order)}\n`);
  }
}

function keysEqual(a: unknown, b: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return a === b;
  if (!isObject(a)) throw errBadArgType('map[string]interface {}', a);
  if (!isObject(b)) throw errBadArgType('map[string]interface {}', b);
  if (!(mergeKey in a)) throw errNoMergeKey(a, mergeKey);
  if (!(mergeKey in b)) throw errNoMergeKey(b, mergeKey);
  return a[mergeKey] === b[mergeKey];
}
