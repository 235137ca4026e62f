/**
 * The two-way strategic merge patch kubectl computes from an object before and after a change
 * (strategicpatch.CreateTwoWayMergePatch: `edit`, `set`, `taint`): fields added or changed are
 * set, fields removed are `null`; lists with the `merge` strategy are diffed by their merge key
 * (`{"$patch":"delete", key}` for removed items, a `$setElementOrder/<field>` list when items or
 * their order changed) or as sets of scalars (`$deleteFromPrimitiveList/<field>`); structs with
 * the `retainKeys` strategy get a `$retainKeys` list; other lists are replaced whole. The patch
 * metadata is read from the API schemas (core/api/schema) instead of Go struct tags. Written from
 * apimachinery's semantics (no JS library computes strategic merge patches).
 */
import { apiSchemas } from '../../api/schema';
import type { Schema } from '../../api/schema/dsl';
import { TypeView, type Atom } from '../../apiserver/patch/schema';
import { jsonEqual } from './threeWay';

type JsonMap = Record<string, unknown>;

function isMap(v: unknown): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's reflect kind of a decoded JSON value, for "the type changed" checks. */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  return typeof v === 'object' ? 'map' : typeof v;
}

/** fmt.Sprintf("%v") of a scalar, the sort key of scalars and merge keys. */
function goString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function sortByString<T>(list: T[], key: (v: T) => string): T[] {
  return [...list].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The patch metadata of a field: the schema of its value, its strategy (without retainKeys), its merge key. */
interface FieldMeta {
  atom: Atom;
  strategy: string;
  retainKeys: boolean;
  mergeKey: string;
}

class Lookup {
  constructor(readonly types: TypeView) {}

  field(parent: Atom, key: string): FieldMeta {
    const { schema } = this.types.child(parent, key);
    if (!schema) return { atom: { kind: 'untyped' }, strategy: '', retainKeys: false, mergeKey: '' };
    const own = schema.kind === 'ref' ? schema.patchStrategy : undefined;
    const resolved: Schema = schema.kind === 'ref' && this.types.registry?.get(schema.name) ? this.types.registry.resolve(schema) : schema;
    const strategy = own ?? (resolved.kind === 'array' || resolved.kind === 'object' ? resolved.patchStrategy : undefined) ?? '';
    const parts = strategy.split(',').filter((s) => s !== '');
    const retainKeys = parts.includes('retainKeys');
    const rest = parts.filter((s) => s !== 'retainKeys');
    const mergeKey = resolved.kind === 'array' ? (resolved.patchMergeKey ?? '') : '';
    return { atom: this.types.atom(schema), strategy: rest[0] ?? '', retainKeys, mergeKey };
  }

  items(list: Atom): Atom {
    return list.kind === 'list' ? this.types.atom(list.items) : { kind: 'untyped' };
  }
}

/** An error computing the patch, with apimachinery's message. */
export class PatchDiffError extends Error {}

function diffMaps(l: Lookup, original: JsonMap, modified: JsonMap, atom: Atom, buildRetainKeys: boolean): JsonMap {
  const patch: JsonMap = {};
  const retain: string[] = [];
  for (const [key, m] of Object.entries(modified)) {
    if (buildRetainKeys && m !== null) retain.push(key);
    if (!Object.hasOwn(original, key)) {
      patch[key] = m;
      continue;
    }
    const o = original[key];
    if (key === '$patch') {
      if (o !== m) patch[key] = m;
      continue;
    }
    if (kindOf(o) !== kindOf(m)) {
      patch[key] = m;
      continue;
    }
    if (isMap(o) && isMap(m)) {
      const meta = l.field(atom, key);
      if (meta.strategy === 'replace') patch[key] = m;
      else {
        const sub = diffMaps(l, o, m, meta.atom, meta.retainKeys);
        if (Object.keys(sub).length > 0) patch[key] = sub;
      }
    } else if (Array.isArray(o) && Array.isArray(m)) {
      const meta = l.field(atom, key);
      if (meta.strategy === 'merge') {
        const { add, del, order } = diffLists(l, o, m, l.items(meta.atom), meta.mergeKey, meta.retainKeys);
        if (add.length > 0) patch[key] = add;
        if (del.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = del;
        if (order.length > 0) patch[`$setElementOrder/${key}`] = order;
      } else if (!jsonEqual(o, m)) patch[key] = m;
    } else if (!jsonEqual(o, m)) patch[key] = m;
  }
  for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  const additional = Object.entries(original).some(([k, v]) => v !== null && !Object.hasOwn(modified, k));
  if (retain.length > 0 && (Object.keys(patch).length > 0 || additional)) patch['$retainKeys'] = sortByString(retain, goString);
  return patch;
}

function diffLists(l: Lookup, original: unknown[], modified: unknown[], items: Atom, mergeKey: string, retainKeys: boolean): { add: unknown[]; del: unknown[]; order: unknown[] } {
  if (original.length === 0) return { add: modified.length === 0 ? [] : modified, del: [], order: [] };
  const kinds = new Set([...original, ...modified].map(kindOf));
  if (kinds.has('slice')) throw new PatchDiffError('lists of lists are not supported');
  if (kinds.size > 1) throw new PatchDiffError('list element types are not identical');
  if (kinds.has('map')) {
    for (const e of [...original, ...modified]) if (!Object.hasOwn(e as JsonMap, mergeKey)) throw new PatchDiffError(`map: ${goString(e)} does not contain declared merge key: ${mergeKey}`);
    const { patch, deletions } = diffListsOfMaps(l, original as JsonMap[], modified as JsonMap[], items, mergeKey, retainKeys);
    const add = [...normalizeOrder(patch, modified, (e) => goString((e as JsonMap)[mergeKey])), ...deletions];
    const orderSame = original.length === modified.length && modified.every((e, i) => jsonEqual((e as JsonMap)[mergeKey], (original[i] as JsonMap)[mergeKey]));
    const order = add.length > 0 || !orderSame ? modified.map((e) => ({ [mergeKey]: (e as JsonMap)[mergeKey] })) : [];
    return { add, del: [], order };
  }
  const o = sortByString(original, goString);
  const m = sortByString(modified, goString);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goString(o[i]) : undefined;
    const ms = j < m.length ? goString(m[j]) : undefined;
    if (os !== undefined && ms !== undefined && os === ms) {
      i++;
      j++;
    } else if (os === undefined || (ms !== undefined && os > ms)) add.push(m[j++]);
    else {
      if (!del.some((d) => d === o[i])) del.push(o[i]);
      i++;
    }
  }
  const order = del.length > 0 || !jsonEqual(original, modified) ? modified : [];
  return { add: normalizeOrder(add, modified, goString), del, order };
}

function diffListsOfMaps(l: Lookup, original: JsonMap[], modified: JsonMap[], items: Atom, key: string, retainKeys: boolean): { patch: JsonMap[]; deletions: JsonMap[] } {
  const ks = (e: JsonMap) => goString(e[key]);
  const o = sortByString(original, ks);
  const m = sortByString(modified, ks);
  const patch: JsonMap[] = [];
  const deletions: JsonMap[] = [];
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const oe = o[i];
    const me = m[j];
    if (oe && me && ks(oe) === ks(me)) {
      const sub = diffMaps(l, oe, me, items, retainKeys);
      if (Object.keys(sub).length > 0) patch.push({ ...sub, [key]: me[key] });
      i++;
      j++;
    } else if (!oe || (me && ks(oe) > ks(me))) {
      patch.push(me as JsonMap);
      j++;
    } else {
      deletions.push({ $patch: 'delete', [key]: oe[key] });
      i++;
    }
  }
  return { patch, deletions };
}

/** Sorts `list` by the positions of its elements in `order` (normalizeSliceOrder). */
function normalizeOrder<T>(list: T[], order: unknown[], key: (v: unknown) => string): T[] {
  const pos = new Map<string, number>();
  order.forEach((e, i) => {
    const k = key(e);
    if (!pos.has(k)) pos.set(k, i);
  });
  return list
    .map((e, i) => ({ e, i, p: pos.get(key(e)) }))
    .sort((a, b) => (a.p !== undefined && b.p !== undefined ? a.p - b.p : a.i - b.i))
    .map((x) => x.e);
}

/** The schema a kind's patches are computed with (undefined: a kind kubectl does not know, which gets a JSON merge patch). */
export function kindSchema(group: string, version: string, kind: string): Schema | undefined {
  const registry = apiSchemas();
  const def = registry.forKind(group, version, kind);
  return def ? { kind: 'ref', name: def.name } : undefined;
}

/** CreateTwoWayMergePatch of two JSON objects, with the patch metadata of `schema` (a kind's, see kindSchema). */
export function twoWayMergePatch(original: JsonMap, modified: JsonMap, schema: Schema | undefined): JsonMap {
  const types = new TypeView(apiSchemas());
  return diffMaps(new Lookup(types), original, modified, types.atom(schema), false);
}

/** jsonpatch.CreateMergePatch (RFC 7386) of two JSON values: what changed, `null` for what was removed. */
export function jsonMergePatch(original: JsonMap, modified: JsonMap): JsonMap {
  const patch: JsonMap = {};
  for (const [k, m] of Object.entries(modified)) {
    const o = original[k];
    if (!Object.hasOwn(original, k)) patch[k] = m;
    else if (isMap(o) && isMap(m)) {
      const sub = jsonMergePatch(o, m);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (!jsonEqual(o, m)) patch[k] = m;
  }
  for (const k of Object.keys(original)) if (!Object.hasOwn(modified, k)) patch[k] = null;
  return patch;
}
