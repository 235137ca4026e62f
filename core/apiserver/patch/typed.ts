/**
 * Typed walks over objects, as structured-merge-diff's `typed` package does them: the field set
 * of a value (`ToFieldSet`), the comparison of two values (`Compare`: added, modified, removed
 * paths), removing a set of paths (`RemoveItems`) and making named struct fields members
 * (`EnsureNamedFieldsAreMembers`). Types come from the schema view; untyped parts are deduced.
 */
import type { Schema } from '../../api/schema/dsl';
import { FieldSet, fieldPE, indexPE, keyPE, valuePE, type Path, type PathElement } from './fieldpath';
import type { Atom, TypeView } from './schema';
import { deepEqual, getOwn, isObject, setKey, type JsonObject } from './value';

/** The path element of a list item, or an error message (listItemToPathElement). */
export function itemPE(types: TypeView, list: Extract<Atom, { kind: 'list' }>, item: unknown): PathElement | { error: string } {
  if (list.relation === 'map') {
    if (item === null) return { error: 'associative list with keys may not have a null element' };
    if (!isObject(item)) return { error: 'associative list with keys may not have non-map elements' };
    const fields: [string, unknown][] = [];
    for (const k of list.keys) {
      if (k in item && item[k] !== undefined) fields.push([k, item[k]]);
      else {
        const d = types.keyDefault(list.items, k);
        if (d === undefined) return { error: `associative list with keys has an element that omits key field ${JSON.stringify(k)} (and doesn't have default value)` };
        fields.push([k, d]);
      }
    }
    return keyPE(fields);
  }
  if (isObject(item)) return { error: "associative list without keys has an element that's a map type" };
  if (Array.isArray(item)) return { error: 'not supported: associative list with lists as elements' };
  if (item === null) return { error: "associative list without keys has an element that's an explicit null" };
  return valuePE(item);
}

/** The path elements of a list's items; an item whose element cannot be made is addressed by index. */
export function itemPEs(types: TypeView, list: Extract<Atom, { kind: 'list' }>, items: unknown[]): PathElement[] {
  return items.map((it, i) => {
    const pe = itemPE(types, list, it);
    return typeof pe === 'string' ? pe : indexPE(i);
  });
}

/** The set of fields a value sets (ToFieldSet). */
export function toFieldSet(types: TypeView, schema: Schema | undefined, value: unknown): FieldSet {
  const set = new FieldSet();
  walkSet(types, schema, value, [], set);
  return set;
}

function walkSet(types: TypeView, schema: Schema | undefined, value: unknown, path: Path, set: FieldSet): void {
  const atom = types.atomFor(schema, value);
  if (atom.kind === 'scalar' || atom.kind === 'untyped') {
    set.insert(path);
    return;
  }
  if (atom.kind === 'list') {
    if (atom.relation === 'atomic' || !Array.isArray(value)) {
      set.insert(path);
      return;
    }
    const pes = itemPEs(types, atom, value);
    const seen = new Set<PathElement>();
    const dups = new Set<PathElement>();
    for (const pe of pes) {
      if (seen.has(pe) && !dups.has(pe)) {
        set.insert([...path, pe]);
        dups.add(pe);
      }
      seen.add(pe);
    }
    value.forEach((item, i) => {
      const pe = pes[i] as PathElement;
      if (dups.has(pe)) return;
      walkSet(types, atom.items, item, [...path, pe], set);
      set.insert([...path, pe]);
    });
    return;
  }
  if (atom.atomic || !isObject(value)) {
    set.insert(path);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const child = types.child(atom, k);
    const p = [...path, fieldPE(k)];
    walkSet(types, child.schema, v, p, set);
    if (v === null || (isObject(v) && Object.keys(v).length === 0) || !child.declared) set.insert(p);
  }
}

/** What changed from one value to another (typed.Comparison). */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/** Compares two values of a type (`undefined`: absent). */
export function compare(types: TypeView, schema: Schema | undefined, lhs: unknown, rhs: unknown): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  walkCompare(types, schema, lhs, rhs, [], c);
  return c;
}

function leaf(lhs: unknown, rhs: unknown, path: Path, c: Comparison): void {
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
  else if (!deepEqual(lhs, rhs)) c.modified.insert(path);
}

/**
 * Compares `lhs` and `rhs` at `path` — one array for the whole walk, pushed and popped on the way
 * down (the field sets copy what they keep of it), so that a walk allocates no path per member.
 */
function walkCompare(types: TypeView, schema: Schema | undefined, lhs: unknown, rhs: unknown, path: Path, c: Comparison): void {
  // The same value on both sides (a part the write shares with the live object) changes nothing.
  if (lhs === rhs && lhs !== undefined) return;
  const al = types.atomFor(schema, lhs === undefined ? rhs : lhs);
  const ar = types.atomFor(schema, rhs === undefined ? lhs : rhs);
  if (al.kind !== ar.kind || al.kind === 'scalar' || al.kind === 'untyped') {
    leaf(lhs, rhs, path, c);
    return;
  }
  if (al.kind === 'list' && ar.kind === 'list') {
    const ll = Array.isArray(lhs) ? lhs : undefined;
    const rl = Array.isArray(rhs) ? rhs : undefined;
    if (ll === undefined && rl === undefined) return post(lhs, rhs, path, c);
    if (al.relation === 'atomic' || ((ll?.length ?? 0) === 0 && (rl?.length ?? 0) === 0)) return leaf(lhs, rhs, path, c);
    const lmap = new Map<PathElement, unknown>();
    const rmap = new Map<PathElement, unknown>();
    const order: PathElement[] = [];
    const lp = itemPEs(types, al, ll ?? []);
    const rp = itemPEs(types, al, rl ?? []);
    (ll ?? []).forEach((v, i) => {
      const pe = lp[i] as PathElement;
      if (!lmap.has(pe) && !rmap.has(pe)) order.push(pe);
      lmap.set(pe, v);
    });
    (rl ?? []).forEach((v, i) => {
      const pe = rp[i] as PathElement;
      if (!lmap.has(pe) && !rmap.has(pe)) order.push(pe);
      rmap.set(pe, v);
    });
    for (const pe of order) {
      path.push(pe);
      walkCompare(types, al.items, lmap.get(pe), rmap.get(pe), path, c);
      path.pop();
    }
    return post(lhs, rhs, path, c);
  }
  if (al.kind === 'list' || ar.kind === 'list') return leaf(lhs, rhs, path, c);
  const lm = isObject(lhs) ? lhs : undefined;
  const rm = isObject(rhs) ? rhs : undefined;
  if (lm === undefined && rm === undefined) return post(lhs, rhs, path, c);
  const atomic = (al.kind === 'struct' || al.kind === 'map') && al.atomic;
  if (atomic || (isEmptyObj(lm) && isEmptyObj(rm))) return leaf(lhs, rhs, path, c);
  // The keys of the left side, then those only the right side has (the order of a Set of both).
  if (lm) for (const k of Object.keys(lm)) compareMember(types, al, k, lm, rm, path, c);
  if (rm) for (const k of Object.keys(rm)) if (lm === undefined || !Object.hasOwn(lm, k)) compareMember(types, al, k, lm, rm, path, c);
  post(lhs, rhs, path, c);
}

/** walkCompare of one member of two objects, on the shared path stack. */
function compareMember(types: TypeView, atom: Atom, k: string, lm: JsonObject | undefined, rm: JsonObject | undefined, path: Path, c: Comparison): void {
  const l = getOwn(lm, k);
  const r = getOwn(rm, k);
  if (l === undefined && r === undefined) return;
  path.push(fieldPE(k));
  walkCompare(types, types.child(atom, k).schema, l, r, path, c);
  path.pop();
}

function isEmptyObj(m: JsonObject | undefined): boolean {
  return m === undefined || Object.keys(m).length === 0;
}

function post(lhs: unknown, rhs: unknown, path: Path, c: Comparison): void {
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

/** The value without the paths of `toRemove` (RemoveItems); emptied maps and lists vanish. */
export function removeItems(types: TypeView, schema: Schema | undefined, value: unknown, toRemove: FieldSet): unknown {
  const atom = types.atomFor(schema, value);
  if (atom.kind === 'list') {
    if (!Array.isArray(value) || value.length === 0) return value;
    if (atom.relation === 'atomic') return undefined;
    const pes = itemPEs(types, atom, value);
    const out: unknown[] = [];
    value.forEach((item, i) => {
      const pe = pes[i] as PathElement;
      if (toRemove.members.has(pe)) return;
      const sub = toRemove.children.get(pe);
      const v = sub && !sub.isEmpty() ? removeItems(types, atom.items, item, sub) : item;
      if (v !== undefined) out.push(v);
    });
    return out.length > 0 ? out : undefined;
  }
  if (atom.kind !== 'struct' && atom.kind !== 'map') return value;
  if (!isObject(value) || Object.keys(value).length === 0) return value;
  if (atom.atomic) return undefined;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    const pe = fieldPE(k);
    if (toRemove.members.has(pe)) continue;
    const sub = toRemove.children.get(pe);
    const x = sub && !sub.isEmpty() ? removeItems(types, types.child(atom, k).schema, v, sub) : v;
    if (x !== undefined) setKey(out, k, x);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The set plus, as members, the named struct fields that have children in it. */
export function ensureNamedFieldsAreMembers(types: TypeView, schema: Schema | undefined, set: FieldSet): FieldSet {
  const atom = types.atom(schema);
  const out = new FieldSet();
  for (const m of set.members) out.members.add(m);
  for (const [pe, child] of set.children) {
    let childSchema: Schema | undefined;
    if (pe.startsWith('f:') && (atom.kind === 'struct' || atom.kind === 'map')) {
      const c = types.child(atom, pe.slice(2));
      childSchema = c.schema;
      if (c.declared) out.members.add(pe);
    } else if (pe.startsWith('k:') && atom.kind === 'list') childSchema = atom.items;
    out.children.set(pe, ensureNamedFieldsAreMembers(types, childSchema, child));
  }
  return out;
}
