/**
 * Hostile values and the mutations the fuzzer applies to valid objects: wrong types, nulls,
 * huge numbers and strings, unicode, control characters, prototype keys and deep nesting
 * (spliced into the JSON text, because a value nested 100,000 deep cannot be stringified).
 */
import { copy, own, type FuzzRandom } from './rng';

type Obj = Record<string, unknown>;
type Path = (string | number)[];

/** The placeholder a deep value is spliced in for (see `withDeep`). */
export const DEEP = '\u0000DEEP\u0000';

/** Keys that a careless `obj[key] = v` turns into prototype writes. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/** Strings a validator should refuse or survive. */
export const NASTY_STRINGS = [
  '',
  ' ',
  'UPPER',
  'a b',
  '-leading',
  'trailing-',
  'dots..dots',
  'a/b',
  '../..',
  '.',
  '..',
  'a\u0000b',
  '\u0000',
  'line\nbreak',
  'tab\there',
  '名前',
  'ünïcödé',
  '😀',
  '\u202Eevil',
  '\ud800',
  '\uFEFFbom',
  'a'.repeat(64),
  'a'.repeat(254),
  'a'.repeat(70_000),
  '%2F',
  '%00',
  '$(rm -rf /)',
  '<script>alert(1)</script>',
  "'; DROP TABLE pods; --",
  '{{template}}',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'null',
  'true',
  '1e309',
  '-1',
  '0x10',
  '1.5',
  'NaN',
  '500m',
  '128Mi',
  '1Ei',
  '99999999999999999999999Ki',
  '*/5 * * * *',
  '10.0.0.1',
  '::1',
  '10.0.0.0/33',
];

/** Numbers at the edges. */
export const NASTY_NUMBERS = [0, -1, 1, 1.5, -0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308, 5e-324, 65535, 65536, 100000];

/** A hostile value of any type. */
export function nastyValue(rng: FuzzRandom): unknown {
  return rng.weighted<() => unknown>([
    [4, () => null],
    [4, () => rng.pick(NASTY_STRINGS)],
    [4, () => rng.pick(NASTY_NUMBERS)],
    [2, () => rng.chance(0.5)],
    [2, () => []],
    [2, () => ({})],
    [2, () => [null]],
    [1, () => [rng.pick(NASTY_STRINGS), rng.pick(NASTY_NUMBERS)]],
    [1, () => ({ [rng.pick(NASTY_STRINGS)]: rng.pick(NASTY_STRINGS) })],
    [2, () => own({}, rng.pick(PROTO_KEYS), { polluted: true, isAdmin: true })],
    [1, () => DEEP],
    [1, () => rng.string(rng.between(1, 40), 'aZ09-_.:/@ \u00e9\u4e2d\ud83d\ude00\u0000\n"\\{}[]')],
  ])();
}

/** The nesting text for a `DEEP` placeholder: arrays, objects or a mix, `depth` levels. */
export function deepText(rng: FuzzRandom, depth: number): string {
  const kind = rng.int(3);
  if (kind === 0) return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (kind === 1) return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `${'[{"a":'.repeat(depth)}null${'}]'.repeat(depth)}`;
}

/** The JSON text of `value`, with each `DEEP` placeholder replaced by deep nesting. */
export function withDeep(rng: FuzzRandom, value: unknown): string {
  const text = JSON.stringify(value);
  const marker = JSON.stringify(DEEP);
  if (!text.includes(marker)) return text;
  const depth = rng.pick([64, 512, 4096, 20_000, 120_000]);
  return text.split(marker).join(deepText(rng, depth));
}

/** `String(v)`, or its JSON when it has no usable string form (an object whose own `toString` is data). */
function stringOf(v: unknown): string {
  try {
    return String(v);
  } catch {
    return JSON.stringify(v) ?? '';
  }
}

/** Every path in a JSON value (objects and arrays), depth first. */
export function pathsOf(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) pathsOf((v as Obj)[k], [...prefix, k], out);
  return out;
}

function parentOf(root: unknown, path: Path): unknown {
  let cur = root;
  for (const k of path.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[k];
  return cur;
}

/** A JSON pointer for a path. */
export function pointer(path: Path): string {
  return path.map((k) => `/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * A mutated copy of a valid object: one (or a few) random edits — a value replaced by a hostile
 * one, a field removed, an unknown or prototype key added, a string made wrong.
 */
export function mutate(rng: FuzzRandom, valid: Obj): { value: Obj; what: string } {
  const value = copy(valid);
  const edits: string[] = [];
  const n = rng.weighted([[6, 1], [2, 2], [1, 4]] as const);
  for (let i = 0; i < n; i++) {
    const paths = pathsOf(value).filter((p) => p.length > 0);
    const path = rng.pick(paths);
    const parent = parentOf(value, path) as Record<string | number, unknown>;
    const key = path.at(-1) as string | number;
    const op = rng.weighted([
      [6, 'replace'],
      [2, 'remove'],
      [2, 'addKey'],
      [2, 'string'],
      [1, 'wrap'],
    ] as const);
    const set = (v: unknown) => (Array.isArray(parent) ? (parent[key as number] = v) : own(parent, String(key), v));
    if (op === 'replace') set(nastyValue(rng));
    else if (op === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (op === 'addKey') {
      const target = parent[key];
      const k = rng.chance(0.5) ? rng.pick(PROTO_KEYS) : rng.pick(NASTY_STRINGS);
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) own(target, k, nastyValue(rng));
      else own(parent, k, nastyValue(rng));
    } else if (op === 'string') {
      const cur = parent[key];
      set(typeof cur === 'string' ? `${cur}${rng.pick(NASTY_STRINGS)}` : stringOf(cur));
    } else set(rng.chance(0.5) ? [parent[key]] : { value: parent[key] });
    edits.push(`${op} ${pointer(path)}`);
  }
  return { value, what: edits.join(', ') };
}
