/**
 * Reading the plain JSON of an object as kubectl's typed structs read it (a missing field is the
 * zero value), Go's `%v` of a value, and resource.Quantity arithmetic for the sums describe prints.
 */
import { formatQuantity, parseQuantity, type Quantity } from '../../../apiserver/resources/quantity';

/** A JSON object. */
export type J = Record<string, unknown>;

/** The object at `v`, or an empty one (a nil struct pointer reads as zero values). */
export function obj(v: unknown): J {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {};
}

/** The object at `v`, or undefined (a nil pointer). */
export function optObj(v: unknown): J | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : undefined;
}

/** The list at `v` as objects, or an empty list. */
export function objs(v: unknown): J[] {
  return Array.isArray(v) ? v.map(obj) : [];
}

/** The list at `v` as strings, or an empty list. */
export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : goValue(x))) : [];
}

/** The string at `v`, or '' (Go's zero value). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
}

/** The number at `v`, or 0. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** A string map at `v` (labels, selectors, parameters), or an empty one. */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(obj(v))) out[k] = str(x);
  return out;
}

/** Go's `%v` of a JSON value: `<nil>`, `true`, numbers, `[a b]` for slices, `map[k:v]` for maps. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  const m = v as J;
  return `map[${Object.keys(m)
    .sort()
    .map((k) => `${k}:${goValue(m[k])}`)
    .join(' ')}]`;
}

/** A JSON number as Go prints it: integers as int64, others as float64 `%v` (`%g`, shortest). */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = n.toExponential().split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '');
    return `${m}e${sign}${digits.padStart(2, '0')}`;
  }
  return String(n);
}

/** Go's `%v` of a string slice: `[a b]`. */
export function goSlice(list: unknown): string {
  return `[${strs(list).join(' ')}]`;
}

/** kubectl's printBool: `True` / `False`. */
export function printBool(v: unknown): string {
  return v === true ? 'True' : 'False';
}

/** kubectl's printBoolPtr: `True` / `False`, `<unset>` for a nil pointer. */
export function printBoolPtr(v: unknown): string {
  return typeof v === 'boolean' ? printBool(v) : '<unset>';
}

/** The zero quantity of a format (resource.Quantity{} prints `0`). */
export function zeroQuantity(format: Quantity['format'] = 'DecimalSI'): Quantity {
  return { mantissa: 0n, exp: 0, format };
}

/** A quantity field, or the zero quantity. */
export function quantity(v: unknown): Quantity {
  return parseQuantity(v) ?? zeroQuantity();
}

/** The canonical string of a quantity field (`resource.Quantity.String()`); `0` when unset. */
export function quantityString(v: unknown): string {
  return formatQuantity(quantity(v));
}

/** a + b, in a's format (Quantity.Add keeps the receiver's format). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exp, b.exp);
  let mantissa = a.mantissa * 10n ** BigInt(a.exp - e) + b.mantissa * 10n ** BigInt(b.exp - e);
  let exp = e;
  if (mantissa === 0n) return zeroQuantity(a.format);
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp += 1;
  }
  return { mantissa, exp, format: a.format };
}

/** The larger of two quantities (a's when equal). */
export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exp, b.exp);
  return b.mantissa * 10n ** BigInt(b.exp - e) > a.mantissa * 10n ** BigInt(a.exp - e) ? b : a;
}

function scaled(q: Quantity, scale: number): bigint {
  // ceil(value × 10^scale), as Quantity.Value() and MilliValue() round up.
  const e = q.exp + scale;
  if (e >= 0) return q.mantissa * 10n ** BigInt(e);
  const div = 10n ** BigInt(-e);
  const d = q.mantissa / div;
  return q.mantissa % div !== 0n && q.mantissa > 0n ? d + 1n : d;
}

/** Quantity.Value(): the value rounded up to an integer. */
export function quantityInt(q: Quantity): number {
  return Number(scaled(q, 0));
}

/** Quantity.MilliValue(): the value in thousandths, rounded up. */
export function quantityMilli(q: Quantity): number {
  return Number(scaled(q, 3));
}

/** The canonical string of a parsed quantity. */
export function showQuantity(q: Quantity): string {
  return formatQuantity(q);
}
