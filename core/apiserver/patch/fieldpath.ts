/**
 * Field sets, as structured-merge-diff's `fieldpath.Set`: the fields a manager owns, as a tree
 * of path elements with *members* (owned paths) and *children*. A path element is kept in its
 * FieldsV1 spelling — `f:name` (a field), `k:{"name":"web"}` (a list item by its keys),
 * `v:"x"` (a set item), `i:0` (an index) — which is canonical and serializes straight to the
 * `managedFields[].fieldsV1` JSON.
 */
import { canonicalJson, compareValues, isObject, type JsonObject } from './value';

/** One step of a field path, in its FieldsV1 spelling. */
export type PathElement = string;
/** A field path. */
export type Path = PathElement[];

/** The elements of the field names seen (most are the schema's, met on every write), made once each. */
const fieldPEs = new Map<string, PathElement>();

/** A field name element. */
export function fieldPE(name: string): PathElement {
  let pe = fieldPEs.get(name);
  if (pe === undefined) {
    // Bounded: the names of maps (labels, annotations, data) are the user's.
    if (fieldPEs.size >= 10_000) fieldPEs.clear();
    pe = `f:${name}`;
    fieldPEs.set(name, pe);
  }
  return pe;
}

/** The elements of the list items keyed by one string field, by field and value. */
const keyPEs = new Map<string, PathElement>();

/** A list item element for its key fields (sorted by name, as a FieldList is). */
export function keyPE(fields: [string, unknown][]): PathElement {
  // One string key (a condition's type, a container's name): the element of each pair made once.
  if (fields.length === 1 && typeof (fields[0] as [string, unknown])[1] === 'string') {
    const [k, v] = fields[0] as [string, string];
    const id = `${k}\u0000${v}`;
    let pe = keyPEs.get(id);
    if (pe === undefined) {
      if (keyPEs.size >= 10_000) keyPEs.clear();
      pe = `k:{${JSON.stringify(k)}:${JSON.stringify(v)}}`;
      keyPEs.set(id, pe);
    }
    return pe;
  }
  const sorted = [...fields].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `k:{${sorted.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
/** A set item element. */
export const valuePE = (v: unknown): PathElement => `v:${canonicalJson(v)}`;
/** An index element. */
export const indexPE = (i: number): PathElement => `i:${i}`;

interface Parsed {
  rank: number;
  name?: string;
  key?: [string, unknown][];
  value?: unknown;
  index?: number;
}

const parsedCache = new Map<string, Parsed>();

function parse(pe: PathElement): Parsed {
  let p = parsedCache.get(pe);
  if (p) return p;
  const body = pe.slice(2);
  if (pe.startsWith('f:')) p = { rank: 0, name: body };
  else if (pe.startsWith('k:')) p = { rank: 1, key: Object.entries(JSON.parse(body) as JsonObject) };
  else if (pe.startsWith('v:')) p = { rank: 2, value: JSON.parse(body) as unknown };
  else if (pe.startsWith('i:')) p = { rank: 3, index: Number(body) };
  else throw new Error(`invalid path element ${pe}`);
  if (parsedCache.size > 50_000) parsedCache.clear();
  parsedCache.set(pe, p);
  return p;
}

/** Whether a string is a valid FieldsV1 path element. */
export function isPathElement(pe: string): boolean {
  try {
    const p = parse(pe);
    if (p.rank === 1) return true;
    if (p.rank === 3) return Number.isInteger(p.index);
    return true;
  } catch {
    return false;
  }
}

/** The order of path elements (PathElement.Compare): fields, keys, values, indexes. */
export function comparePE(a: PathElement, b: PathElement): number {
  if (a === b) return 0;
  // Two fields compare as their names do (the same `f:` prefix on both).
  if (a.charCodeAt(0) === 102 && b.charCodeAt(0) === 102 && a.charCodeAt(1) === 58 && b.charCodeAt(1) === 58) return a < b ? -1 : 1;
  const pa = parse(a);
  const pb = parse(b);
  if (pa.rank !== pb.rank) return pa.rank < pb.rank ? -1 : 1;
  if (pa.rank === 0) return (pa.name as string) < (pb.name as string) ? -1 : 1;
  if (pa.rank === 1) {
    const ka = pa.key as [string, unknown][];
    const kb = pb.key as [string, unknown][];
    for (let i = 0; ; i++) {
      if (i >= ka.length && i >= kb.length) return 0;
      if (i >= ka.length) return -1;
      if (i >= kb.length) return 1;
      const [na, va] = ka[i] as [string, unknown];
      const [nb, vb] = kb[i] as [string, unknown];
      if (na !== nb) return na < nb ? -1 : 1;
      const c = compareValues(va, vb);
      if (c !== 0) return c;
    }
  }
  if (pa.rank === 2) return compareValues(pa.value, pb.value);
  return (pa.index as number) - (pb.index as number);
}

function goQuote(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  return typeof v === 'object' ? canonicalJson(v) : String(v);
}

/** A path element as structured-merge-diff prints it: `.name`, `[name="web"]`, `[="x"]`, `[0]`. */
export function peString(pe: PathElement): string {
  const p = parse(pe);
  if (p.rank === 0) return `.${p.name as string}`;
  if (p.rank === 1) return `[${(p.key as [string, unknown][]).map(([k, v]) => `${k}=${goQuote(v)}`).join(',')}]`;
  if (p.rank === 2) return `[=${goQuote(p.value)}]`;
  return `[${p.index as number}]`;
}

/** A path as structured-merge-diff prints it: `.spec.containers[name="web"].image`. */
export function pathString(path: Path): string {
  return path.map(peString).join('');
}

/** A set of field paths. */
export class FieldSet {
  readonly members = new Set<PathElement>();
  readonly children = new Map<PathElement, FieldSet>();

  /** A set holding the given paths. */
  static of(...paths: Path[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Adds a path (the empty path is ignored). */
  insert(path: Path): void {
    if (path.length === 0) return;
    // A loop rather than recursion on `path.slice(1)`: the paths of a pod's status are inserted
    // on every write, and the copies were a visible share of the write path's time.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk starts at this set
    let set: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) {
      const pe = path[i] as PathElement;
      let child = set.children.get(pe);
      if (!child) {
        child = new FieldSet();
        set.children.set(pe, child);
      }
      set = child;
    }
    set.members.add(path[path.length - 1] as PathElement);
  }

  /** Whether the path is a member. */
  has(path: Path): boolean {
    if (path.length === 0) return false;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk starts at this set
    let set: FieldSet | undefined = this;
    for (let i = 0; i < path.length - 1 && set; i++) set = set.children.get(path[i] as PathElement);
    return set?.members.has(path[path.length - 1] as PathElement) ?? false;
  }

  /** Whether the set holds no path. */
  isEmpty(): boolean {
    if (this.members.size > 0) return false;
    for (const c of this.children.values()) if (!c.isEmpty()) return false;
    return true;
  }

  /** The subset under one element. */
  withPrefix(pe: PathElement): FieldSet {
    return this.children.get(pe) ?? new FieldSet();
  }

  /** s ∪ o (this very set when `o` adds nothing to it: sets are never changed once built). */
  union(o: FieldSet): FieldSet {
    if (o === this) return this;
    let members = false;
    for (const m of o.members) {
      if (!this.members.has(m)) {
        members = true;
        break;
      }
    }
    let merged: Map<PathElement, FieldSet> | undefined;
    for (const [pe, c] of o.children) {
      const mine = this.children.get(pe);
      const u = mine ? mine.union(c) : c;
      if (u !== mine) (merged ??= new Map()).set(pe, u);
    }
    if (!members && !merged) return this;
    const out = new FieldSet();
    for (const m of this.members) out.members.add(m);
    for (const m of o.members) out.members.add(m);
    for (const [pe, c] of this.children) out.children.set(pe, c);
    if (merged) for (const [pe, c] of merged) out.children.set(pe, c);
    return out;
  }

  /** s ∩ o. */
  intersection(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (o.members.has(m)) out.members.add(m);
    for (const [pe, c] of this.children) {
      const other = o.children.get(pe);
      if (!other) continue;
      const i = c.intersection(other);
      if (!i.isEmpty()) out.children.set(pe, i);
    }
    return out;
  }

  /** s − o, path by path (a parent minus its child stays); this very set when nothing goes. */
  difference(o: FieldSet): FieldSet {
    return this.minus(o, false);
  }

  /** s − o, where a member of o also removes everything under it; this very set when nothing goes. */
  recursiveDifference(o: FieldSet): FieldSet {
    return this.minus(o, true);
  }

  private minus(o: FieldSet, recursive: boolean): FieldSet {
    let changed = false;
    for (const m of this.members) {
      if (o.members.has(m)) {
        changed = true;
        break;
      }
    }
    // Each child's difference; an emptied child goes (undefined).
    const kept: [PathElement, FieldSet | undefined][] = [];
    for (const [pe, c] of this.children) {
      let d: FieldSet | undefined;
      if (!(recursive && o.members.has(pe))) {
        const other = o.children.get(pe);
        d = other ? c.minus(other, recursive) : c;
        if (d.isEmpty()) d = undefined;
      }
      if (d !== c) changed = true;
      kept.push([pe, d]);
    }
    if (!changed) return this;
    const out = new FieldSet();
    for (const m of this.members) if (!o.members.has(m)) out.members.add(m);
    for (const [pe, d] of kept) if (d) out.children.set(pe, d);
    return out;
  }

  /** Every member path, in order. */
  paths(prefix: Path = []): Path[] {
    const out: Path[] = [];
    const keys = [...new Set([...this.members, ...this.children.keys()])].sort(comparePE);
    for (const pe of keys) {
      if (this.members.has(pe)) out.push([...prefix, pe]);
      const c = this.children.get(pe);
      if (c) out.push(...c.paths([...prefix, pe]));
    }
    return out;
  }

  /**
   * Whether both sets have the same FieldsV1 document (`toFieldsV1`), compared without building
   * it: a member and a path with an empty subset both write `{}`.
   */
  sameFieldsV1(o: FieldSet): boolean {
    if (o === this) return true;
    const keys = new Set<PathElement>();
    for (const pe of this.members) keys.add(pe);
    for (const pe of this.children.keys()) keys.add(pe);
    let others = 0;
    for (const pe of o.members) if (!o.children.has(pe)) others++;
    others += o.children.size;
    if (others !== keys.size) return false;
    for (const pe of keys) {
      if (!o.members.has(pe) && !o.children.has(pe)) return false;
      const a = this.children.get(pe);
      const b = o.children.get(pe);
      const an = a !== undefined && !a.isEmpty();
      const bn = b !== undefined && !b.isEmpty();
      if (an !== bn) return false;
      if (an && (this.members.has(pe) !== o.members.has(pe) || !(a as FieldSet).sameFieldsV1(b as FieldSet))) return false;
    }
    return true;
  }

  /** Whether both sets hold the same paths. */
  equals(o: FieldSet): boolean {
    return this.difference(o).isEmpty() && o.difference(this).isEmpty();
  }

  /** The FieldsV1 JSON of the set (`"."` marks a member that also has children). */
  toFieldsV1(): JsonObject {
    return this.fieldsV1Into({});
  }

  /** Writes the FieldsV1 members of the set into `out` (after what it has). */
  private fieldsV1Into(out: JsonObject): JsonObject {
    const keys: PathElement[] = [];
    for (const pe of this.members) keys.push(pe);
    for (const pe of this.children.keys()) if (!this.members.has(pe)) keys.push(pe);
    keys.sort(comparePE);
    for (const pe of keys) {
      const c = this.children.get(pe);
      if (c && !c.isEmpty()) out[pe] = c.fieldsV1Into(this.members.has(pe) ? { '.': {} } : {});
      else out[pe] = {};
    }
    return out;
  }

  /** Parses FieldsV1 JSON; throws an Error on a malformed document. */
  static fromFieldsV1(doc: unknown): FieldSet {
    const s = new FieldSet();
    if (!isObject(doc)) throw new Error('FieldsV1 must be a JSON object');
    for (const [k, v] of Object.entries(doc)) {
      if (k === '.') continue;
      if (!isPathElement(k)) throw new Error(`invalid path element ${JSON.stringify(k)}`);
      if (!isObject(v)) throw new Error(`the value of ${JSON.stringify(k)} must be a JSON object`);
      const keys = Object.keys(v);
      if (keys.length === 0 || '.' in v) s.members.add(k);
      if (keys.some((x) => x !== '.')) {
        const child = FieldSet.fromFieldsV1(v);
        if (!child.isEmpty()) s.children.set(k, child);
      }
    }
    return s;
  }
}
