/**
 * Go's values as kubectl's go-template printer sees them, and Go's `fmt` over them: the object
 * is decoded from JSON into `map[string]interface{}`, so numbers are float64, objects maps and
 * arrays `[]interface {}`; the template's own integer literals (and `len`, range indexes) are
 * Go `int`s. Printing follows fmt's `%v` (`map[a:1 b:x]`, `[a b]`, `<nil>`, `1e+06`) and
 * `Sprintf`'s verbs with their `%!d(string=x)` complaints.
 */
import { utf8Encode } from '../../api/protobuf/text';

/**
 * A Go integer: `int` (a template's integer literal, `len`, a range index) or `int64` (a whole
 * JSON number: kubectl decodes with apimachinery's json, which turns whole float64s into int64);
 * other JSON numbers stay float64 (plain numbers).
 */
export class GoInt {
  constructor(
    readonly value: number,
    readonly type: 'int' | 'int64' | 'uint8' = 'int',
  ) {}
}

/** A decoded JSON value as kubectl's template printer sees it: whole numbers as int64. */
export function fromJson(v: unknown): GoValue {
  if (typeof v === 'number') return Number.isInteger(v) ? new GoInt(v, 'int64') : v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return v as GoValue;
}

/** The invalid reflect.Value: a missing map key, printed `<no value>`. */
export const NO_VALUE: unique symbol = Symbol('no value');

/** A function value (only `call` could use one; kubectl's templates have none). */
export type GoFunc = (...args: GoValue[]) => GoValue;

/** A value during template execution. */
export type GoValue = string | number | boolean | null | GoInt | typeof NO_VALUE | GoValue[] | { [key: string]: GoValue } | GoFunc;

/** Whether a value is a map (a decoded JSON object). */
export function isMap(v: GoValue): v is { [key: string]: GoValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoInt);
}

/** The Go type of a value, as `%T` and error messages print it. */
export function goType(v: GoValue): string {
  if (v === null || v === NO_VALUE) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoInt) return v.type;
  if (Array.isArray(v)) return '[]interface {}';
  if (typeof v === 'function') return 'func(...interface {}) interface {}';
  return 'map[string]interface {}';
}

function expDigits(e: number): string {
  const a = Math.abs(e);
  return `${e < 0 ? '-' : '+'}${a < 10 ? `0${a}` : a}`;
}

/** strconv.FormatFloat(f, 'g', -1, 64), Go's `%v` of a float64: the shortest digits, an exponent below 1e-4 and from 1e6 (`1e+06`). */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant = '', expText = '0'] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mant}e${expDigits(exp)}`;
  return String(f);
}

/** strconv.FormatFloat(f, 'f', prec, 64): the exact binary value rounded half to even (2.25 → `2.2`), unlike toFixed. */
export function formatFloatF(f: number, prec: number): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  // f = mant × 2^exp exactly, with an integer mantissa.
  let mant = Math.abs(f);
  let exp = 0;
  while (!Number.isInteger(mant)) {
    mant *= 2;
    exp--;
  }
  let num = BigInt(mant) * 10n ** BigInt(prec);
  let den = 1n;
  if (exp < 0) den = 2n ** BigInt(-exp);
  else num *= 2n ** BigInt(exp);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q++;
  const digits = q.toString().padStart(prec + 1, '0');
  const body = prec > 0 ? `${digits.slice(0, -prec)}.${digits.slice(-prec)}` : digits;
  return `${neg ? '-' : ''}${body}`;
}

/** strconv.FormatFloat(f, 'e', prec, 64). */
function formatFloatE(f: number, prec: number): string {
  const [mant = '', exp = '0'] = (prec < 0 ? f.toExponential() : f.toExponential(prec)).split('e');
  return `${mant}e${expDigits(Number(exp))}`;
}

/** Go's `%v` of a value (fmt.Sprint of one operand). */
export function formatValue(v: GoValue): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatFloatG(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoInt) return String(v.value);
  if (typeof v === 'function') return '0x0';
  if (Array.isArray(v)) return `[${v.map(formatValue).join(' ')}]`;
  return `map[${sortedKeys(v)
    .map((k) => `${k}:${formatValue(v[k] as GoValue)}`)
    .join(' ')}]`;
}

/** A map's keys in Go's order (fmtsort, range): byte order. */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** fmt.Sprint: operands separated by a space when neither side is a string. */
export function sprint(args: GoValue[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a);
  });
  return out;
}

/** fmt.Sprintln: operands always separated by a space, and a newline. */
export function sprintln(args: GoValue[]): string {
  return `${args.map(formatValue).join(' ')}\n`;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  zero: boolean;
  space: boolean;
  sharp: boolean;
  width?: number;
  prec?: number;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  const len = [...s].length;
  if (len >= w) return s;
  if (spec.minus) return s + ' '.repeat(w - len);
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(s) ? (s[0] as string) : '';
    return sign + '0'.repeat(w - len) + s.slice(sign.length);
  }
  return ' '.repeat(w - len) + s;
}

function bad(verb: string, v: GoValue): string {
  return v === null || v === NO_VALUE ? `%!${verb}(<nil>)` : `%!${verb}(${goType(v)}=${formatValue(v)})`;
}

function signed(n: string, spec: Spec): string {
  return !n.startsWith('-') && (spec.plus || spec.space) ? `${spec.plus ? '+' : ' '}${n}` : n;
}

/** One verb applied to one operand. */
function formatVerb(verb: string, v: GoValue, spec: Spec): string {
  if (verb === 'T') return pad(goType(v), spec, false);
  if (verb === 'v') return pad(formatValue(v), spec, false);
  if (Array.isArray(v) && verb !== 'q') return `[${v.map((x) => formatVerb(verb, x, { ...spec, width: undefined })).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${formatVerb(verb, k, { ...spec, width: undefined })}:${formatVerb(verb, v[k] as GoValue, { ...spec, width: undefined })}`).join(' ')}]`;
  switch (verb) {
    case 's':
      if (typeof v !== 'string') return bad(verb, v);
      return pad(spec.prec !== undefined ? [...v].slice(0, spec.prec).join('') : v, spec, false);
    case 'q':
      return typeof v === 'string' ? pad(goQuote(v), spec, false) : bad(verb, v);
    case 'd':
      return v instanceof GoInt ? pad(signed(String(v.value), spec), spec, true) : bad(verb, v);
    case 'x':
    case 'X': {
      let s: string;
      if (typeof v === 'string') s = [...utf8Encode(v)].map((b) => b.toString(16).padStart(2, '0')).join('');
      else if (v instanceof GoInt) s = v.value.toString(16);
      else return bad(verb, v);
      return pad(verb === 'X' ? s.toUpperCase() : s, spec, true);
    }
    case 'f':
    case 'F':
    case 'e':
    case 'g':
      if (typeof v !== 'number') return bad(verb, v);
      if (verb === 'e') return pad(signed(formatFloatE(v, spec.prec ?? 6), spec), spec, true);
      if (verb === 'g') return pad(signed(spec.prec === undefined ? formatFloatG(v) : String(Number(v.toPrecision(spec.prec))), spec), spec, true);
      return pad(signed(formatFloatF(v, spec.prec ?? 6), spec), spec, true);
    case 'o':
    case 'b':
      return v instanceof GoInt ? pad(signed(v.value.toString(verb === 'o' ? 8 : 2), spec), spec, true) : bad(verb, v);
    case 'U':
      return v instanceof GoInt ? pad(`U+${v.value.toString(16).toUpperCase().padStart(4, '0')}`, spec, false) : bad(verb, v);
    case 't':
      return typeof v === 'boolean' ? pad(String(v), spec, false) : bad(verb, v);
    case 'c':
      return v instanceof GoInt ? pad(String.fromCodePoint(v.value), spec, false) : bad(verb, v);
    default:
      return `%!${verb}(${goType(v)}=${formatValue(v)})`;
  }
}

/** fmt.Sprintf with the common verbs (v s q d x X f e g t c T %), flags, width and precision. */
export function sprintf(format: string, args: GoValue[]): string {
  let out = '';
  let arg = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c !== '%') {
      out += c;
      continue;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, zero: false, space: false, sharp: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === '0') spec.zero = !spec.minus;
      else if (f === ' ') spec.space = true;
      else if (f === '#') spec.sharp = true;
      else break;
    }
    const num = () => {
      if (format[i] === '*') {
        i++;
        const a = args[arg++];
        return a instanceof GoInt ? a.value : undefined;
      }
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    spec.width = num();
    if (format[i] === '.') {
      i++;
      spec.prec = num() ?? 0;
    }
    const verb = format[i];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (arg >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatVerb(verb, args[arg++] as GoValue, spec);
  }
  if (arg < args.length) out += `%!(EXTRA ${args.slice(arg).map((a) => (a === null ? '<nil>' : `${goType(a)}=${formatValue(a)}`)).join(', ')})`;
  return out;
}
