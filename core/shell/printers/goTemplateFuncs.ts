/**
 * The functions of kubectl's go-templates: text/template's builtins (and, or, not, len, index,
 * slice, print, printf, println, eq, ne, lt, le, gt, ge, html, js, urlquery, call) with Go's
 * error texts, and kubectl's `exists` and `base64decode`. `and`/`or` are evaluated lazily by the
 * executor; their entries here give their arity.
 */
import { decodeBase64 } from '../../apiserver/resources/base64';
import { utf8Decode, utf8Encode } from '../../api/protobuf/text';
import { formatValue, goType, GoInt, isMap, NO_VALUE, sprint, sprintf, sprintln, type GoValue } from './goFormat';

/** A function's arity: fixed parameters, and whether more may follow. */
export interface Fn {
  params: ('any' | 'string')[];
  variadic: boolean;
  call: (args: GoValue[]) => GoValue;
}

/** Go's truth of a value (if, with, and, or, not). */
export function truth(v: GoValue): boolean {
  if (v === null || v === NO_VALUE) return false;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  if (v instanceof GoInt) return v.value !== 0;
  if (typeof v === 'function') return true;
  return Object.keys(v).length > 0;
}

type Kind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'other';
function basicKind(v: GoValue): Kind {
  if (v === null || v === NO_VALUE) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}
const num = (v: GoValue): number => (v instanceof GoInt ? v.value : (v as number));

function eq(args: GoValue[]): GoValue {
  const [a, ...rest] = args as [GoValue, ...GoValue[]];
  if (rest.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    if (k1 !== k2) {
      if (k1 !== 'invalid' && k2 !== 'invalid') throw new Error('incompatible types for comparison');
      continue;
    }
    if (k1 === 'other') throw new Error(`non-comparable types ${formatValue(a)}: ${goType(a)}, ${goType(b)}: ${formatValue(b)}`);
    if (k1 === 'invalid' || (k1 === 'int' || k1 === 'float' ? num(a) === num(b) : a === b)) return true;
  }
  return false;
}

function lt(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k1 === 'other' || k2 === 'invalid' || k2 === 'other') throw new Error('invalid type for comparison');
  if (k1 !== k2) throw new Error('incompatible types for comparison');
  if (k1 === 'bool') throw new Error('invalid type for comparison');
  return k1 === 'string' ? (a as string) < (b as string) : num(a) < num(b);
}

function indexArg(i: GoValue, cap: number): number {
  if (!(i instanceof GoInt)) throw new Error(i === null || i === NO_VALUE ? 'cannot index slice/array with nil' : `cannot index slice/array with type ${goType(i)}`);
  if (i.value < 0 || i.value > cap) throw new Error(`index out of range: ${i.value}`);
  return i.value;
}

function index(args: GoValue[]): GoValue {
  let item = args[0] as GoValue;
  if (item === null || item === NO_VALUE) throw new Error('index of untyped nil');
  for (const i of args.slice(1)) {
    if (item === null) throw new Error('index of nil pointer');
    if (Array.isArray(item) || typeof item === 'string') {
      const x = indexArg(i, item.length);
      if (x === item.length) throw new Error(`reflect: ${typeof item === 'string' ? 'string' : 'slice'} index out of range`);
      item = typeof item === 'string' ? new GoInt(utf8Encode(item)[x] ?? 0, 'uint8') : (item[x] as GoValue);
    } else if (isMap(item)) {
      if (i !== null && i !== NO_VALUE && typeof i !== 'string') throw new Error(`value has type ${goType(i)}; should be string`);
      const key = typeof i === 'string' ? i : '';
      item = key in item ? (item[key] as GoValue) : null;
    } else throw new Error(`can't index item of type ${goType(item)}`);
  }
  return item;
}

function exists(args: GoValue[]): GoValue {
  let v = args[0] as GoValue;
  for (const i of args.slice(1)) {
    if (v === null || v === NO_VALUE) return false;
    if (Array.isArray(v) || typeof v === 'string') {
      if (!(i instanceof GoInt) || i.value < 0 || i.value >= v.length) return false;
      v = typeof v === 'string' ? new GoInt(v.charCodeAt(i.value), 'uint8') : (v[i.value] as GoValue);
    } else if (isMap(v)) {
      if (i !== null && typeof i !== 'string') return false;
      v = (v[i ?? ''] as GoValue | undefined) ?? null;
    } else return false;
  }
  return v !== null && v !== NO_VALUE;
}

function length(v: GoValue): GoValue {
  if (v === null || v === NO_VALUE) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  if (typeof v === 'string') return new GoInt(utf8Encode(v).length);
  if (Array.isArray(v)) return new GoInt(v.length);
  if (isMap(v)) return new GoInt(Object.keys(v).length);
  throw new Error(`len of type ${goType(v)}`);
}

function slice(args: GoValue[]): GoValue {
  const item = args[0] as GoValue;
  if (item === null || item === NO_VALUE) throw new Error('slice of untyped nil');
  if (!Array.isArray(item) && typeof item !== 'string') throw new Error(`can't slice item of type ${goType(item)}`);
  if (args.length > 4 || (typeof item === 'string' && args.length > 3)) throw new Error(typeof item === 'string' ? 'cannot 3-index slice a string' : `too many slice indexes: ${args.length - 1}`);
  const idx = args.slice(1).map((a) => indexArg(a, item.length));
  const from = idx[0] ?? 0;
  const to = idx[1] ?? item.length;
  if (from > to) throw new Error(`invalid slice index: ${from} > ${to}`);
  return item.slice(from, to);
}

function base64decode(v: GoValue): GoValue {
  try {
    return utf8Decode(Uint8Array.from(decodeBase64(v as string)));
  } catch (e) {
    throw new Error(`base64 decode failed: ${(e as Error).message}`);
  }
}

const escapeHtml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;' })[c] as string);
const JS_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };
const escapeJs = (s: string) =>
  [...s].map((c) => JS_ESCAPES[c] ?? (c.charCodeAt(0) < 0x20 ? `\\u00${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : c)).join('');
const joined = (args: GoValue[]) => (args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args));

/** text/template's builtins and kubectl's additions, by name. */
export const FUNCS: Record<string, Fn> = {
  and: { params: ['any'], variadic: true, call: () => null },
  or: { params: ['any'], variadic: true, call: () => null },
  not: { params: ['any'], variadic: false, call: ([a]) => !truth(a as GoValue) },
  len: { params: ['any'], variadic: false, call: ([a]) => length(a as GoValue) },
  index: { params: ['any'], variadic: true, call: index },
  slice: { params: ['any'], variadic: true, call: slice },
  print: { params: [], variadic: true, call: sprint },
  printf: { params: ['string'], variadic: true, call: ([f, ...rest]) => sprintf(f as string, rest) },
  println: { params: [], variadic: true, call: sprintln },
  eq: { params: ['any'], variadic: true, call: eq },
  ne: { params: ['any', 'any'], variadic: false, call: (a) => !eq(a) },
  lt: { params: ['any', 'any'], variadic: false, call: ([a, b]) => lt(a as GoValue, b as GoValue) },
  le: { params: ['any', 'any'], variadic: false, call: ([a, b]) => lt(a as GoValue, b as GoValue) || (eq([a as GoValue, b as GoValue]) as boolean) },
  gt: { params: ['any', 'any'], variadic: false, call: ([a, b]) => !(lt(a as GoValue, b as GoValue) || (eq([a as GoValue, b as GoValue]) as boolean)) },
  ge: { params: ['any', 'any'], variadic: false, call: ([a, b]) => !lt(a as GoValue, b as GoValue) },
  html: { params: [], variadic: true, call: (a) => escapeHtml(joined(a)) },
  js: { params: [], variadic: true, call: (a) => escapeJs(joined(a)) },
  urlquery: { params: [], variadic: true, call: (a) => encodeURIComponent(joined(a)).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) },
  call: {
    params: ['any'],
    variadic: true,
    call: ([f, ...rest]) => {
      if (typeof f !== 'function') throw new Error(f === null || f === NO_VALUE ? 'call of nil' : `non-function ${formatValue(f as GoValue)} of type ${goType(f as GoValue)}`);
      return f(...rest);
    },
  },
  exists: { params: ['any'], variadic: true, call: exists },
  base64decode: { params: ['string'], variadic: false, call: ([a]) => base64decode(a as GoValue) },
};

/** The names of the functions a template may call. */
export const FUNCTION_NAMES: ReadonlySet<string> = new Set(Object.keys(FUNCS));
