/**
 * Merging an applied configuration into a live object, as structured-merge-diff's
 * `TypedValue.Merge` does it (the configuration wins on every leaf; granular maps and
 * associative lists merge item by item, keeping the live items the configuration does not
 * mention, in an order that follows the configuration), and the validation an applied
 * configuration must pass first (`field not declared in schema`, duplicate list keys).
 */
import type { Schema } from '../../api/schema/dsl';
import { fieldPE, pathString, type Path, type PathElement } from './fieldpath';
import type { Atom, TypeView } from './schema';
import { itemPE } from './typed';
import { getOwn, goFormat, isObject, setKey, type JsonObject } from './value';

/** Merges `rhs` (the configuration) into `lhs` (the live value); `undefined` is an absent value. */
export function merge(types: TypeView, schema: Schema | undefined, lhs: unknown, rhs: unknown): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined) return rhs;
  const atom = types.atomFor(schema, rhs === null ? lhs : rhs);
  if (atom.kind === 'list') return mergeList(types, atom, lhs, rhs);
  if (atom.kind === 'struct' || atom.kind === 'map') {
    const lm = isObject(lhs) ? lhs : undefined;
    const rm = isObject(rhs) ? rhs : undefined;
    const empty = (m: JsonObject | undefined) => m === undefined || Object.keys(m).length === 0;
    if (atom.atomic || (empty(lm) && empty(rm))) return rhs;
    if (lm === undefined && rm === undefined) return rhs;
    const out: JsonObject = {};
    for (const k of Object.keys(lm ?? {})) {
      const v = merge(types, types.child(atom, k).schema, getOwn(lm, k), getOwn(rm, k));
      if (v !== undefined) setKey(out, k, v);
    }
    for (const k of Object.keys(rm ?? {})) {
      if (lm && Object.hasOwn(lm, k)) continue;
      const v = merge(types, types.child(atom, k).schema, undefined, getOwn(rm, k));
      if (v !== undefined) setKey(out, k, v);
    }
    return out;
  }
  return rhs;
}

function mergeList(types: TypeView, atom: Extract<Atom, { kind: 'list' }>, lhs: unknown, rhs: unknown): unknown {
  const ll = Array.isArray(lhs) ? lhs : [];
  const rl = Array.isArray(rhs) ? rhs : [];
  if (atom.relation === 'atomic' || (ll.length === 0 && rl.length === 0)) return rhs;
  const index = (list: unknown[]) => {
    const pes: PathElement[] = [];
    const observed = new Map<PathElement, unknown>();
    for (const item of list) {
      const pe = itemPE(types, atom, item);
      if (typeof pe !== 'string') continue;
      // Duplicated live items are not merged with the configuration: they become absent.
      observed.set(pe, observed.has(pe) ? undefined : item);
      pes.push(pe);
    }
    return { pes, observed };
  };
  const r = index(rl);
  const l = index(ll);
  const shared = r.pes.filter((pe) => l.observed.has(pe));
  let next: PathElement | undefined = shared.shift();
  const mergedRHS = new Set<PathElement>();
  const out: unknown[] = [];
  const push = (v: unknown) => {
    if (v !== undefined) out.push(v);
  };
  let lI = 0;
  let rI = 0;
  while (lI < l.pes.length || rI < r.pes.length) {
    if (lI < l.pes.length && rI < r.pes.length) {
      const pe = l.pes[lI] as PathElement;
      if (pe === r.pes[rI]) {
        mergedRHS.add(pe);
        push(merge(types, atom.items, l.observed.get(pe), r.observed.get(pe)));
        lI++;
        rI++;
        next = shared.shift();
        continue;
      }
      if (r.observed.has(pe) && next !== undefined && next !== pe) {
        lI++;
        continue;
      }
    }
    if (lI < l.pes.length) {
      const pe = l.pes[lI] as PathElement;
      if (!r.observed.has(pe)) {
        push(ll[lI]);
        lI++;
        continue;
      } else if (mergedRHS.has(pe)) lI++;
    }
    if (rI < r.pes.length) {
      const pe = r.pes[rI] as PathElement;
      mergedRHS.add(pe);
      push(merge(types, atom.items, l.observed.get(pe), r.observed.get(pe)));
      rI++;
      if (next !== undefined && next === pe) next = shared.shift();
    }
  }
  return out;
}

/** One validation error of an applied configuration, with its path. */
export interface ValidationError {
  path: Path;
  message: string;
}

/** ValidationErrors.Error(): one error alone, or `errors:` and one indented line per error. */
export function formatValidationErrors(errs: ValidationError[]): string {
  const one = (e: ValidationError) => `${pathString(e.path)}: ${e.message}`;
  if (errs.length === 1) return one(errs[0] as ValidationError);
  return ['errors:', ...errs.map((e) => `  ${one(e)}`)].join('\n');
}

/** Go's `%#v` of a structured-merge-diff value made from decoded JSON (`&value.valueUnstructured{Value:"x"}`). */
function goSyntax(v: unknown): string {
  const inner = (x: unknown): string => {
    if (x === null || x === undefined) return 'interface {}(nil)';
    if (typeof x === 'string') return JSON.stringify(x);
    if (Array.isArray(x)) return `[]interface {}{${x.map(inner).join(', ')}}`;
    if (isObject(x)) return `map[string]interface {}{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${inner(x[k])}`).join(', ')}}`;
    return String(x);
  };
  return `&value.valueUnstructured{Value:${inner(v)}}`;
}

/** Go's `%T` of a decoded JSON value. */
function goType(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (isObject(v)) return 'map[string]interface {}';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'number' ? 'float64' : 'string';
}

/** The structured-merge-diff error of a value of the wrong type for its atom (nulls always fit). */
function typeMismatch(atom: Atom, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (atom.kind === 'list') return Array.isArray(value) ? undefined : `expected list, got &{${goFormat(value)}}`;
  if (atom.kind === 'struct' || atom.kind === 'map') return isObject(value) ? undefined : `expected map, got &{${goFormat(value)}}`;
  if (atom.kind !== 'scalar') return undefined;
  const scalar = !Array.isArray(value) && !isObject(value);
  switch (atom.type) {
    case 'numeric':
      return typeof value === 'number' ? undefined : `expected numeric (int or float), got ${goType(value)}`;
    case 'string':
      return typeof value === 'string' ? undefined : `expected string, got ${goSyntax(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected boolean, got &{${goFormat(value)}}`;
    default:
      return scalar ? undefined : `expected any scalar, got &{${goFormat(value)}}`;
  }
}

/** Validates an applied configuration against its schema (typed.AsTyped without duplicates): types, declared fields, list keys. */
export function validateConfig(types: TypeView, schema: Schema | undefined, value: unknown, path: Path = [], errs: ValidationError[] = []): ValidationError[] {
  const atom = types.atomFor(schema, value);
  const mismatch = typeMismatch(atom, value);
  if (mismatch) {
    errs.push({ path, message: mismatch });
    return errs;
  }
  if (atom.kind === 'list') {
    if (atom.relation === 'atomic' || !Array.isArray(value)) return errs;
    const seen = new Set<PathElement>();
    value.forEach((item, i) => {
      const pe = itemPE(types, atom, item);
      if (typeof pe !== 'string') {
        errs.push({ path, message: `element ${i}: ${pe.error}` });
        return;
      }
      if (seen.has(pe)) errs.push({ path, message: `duplicate entries for key ${pathString([pe])}` });
      seen.add(pe);
      validateConfig(types, atom.items, item, [...path, pe], errs);
    });
    return errs;
  }
  if ((atom.kind === 'struct' || atom.kind === 'map') && !atom.atomic && isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const child = types.child(atom, k);
      if (atom.kind === 'struct' && !child.declared) {
        errs.push({ path: [...path, fieldPE(k)], message: 'field not declared in schema' });
        continue;
      }
      validateConfig(types, child.schema, v, [...path, fieldPE(k)], errs);
    }
  }
  return errs;
}
