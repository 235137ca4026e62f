/**
 * resource.Quantity on the server side: parsing (`500m`, `1.5Gi`, `2e3`), exact comparison,
 * and the canonical form its `String()` prints (`1024Mi` → `1Gi`, `0.5` → `500m`), which the
 * printers use (PV CAPACITY, quota REQUEST/LIMIT, HPA TARGETS). Exact: values are kept as a
 * BigInt mantissa and a power of ten.
 */

/** A parsed quantity: `mantissa × 10^exp` in base units, with the format of its suffix. */
export interface Quantity {
  mantissa: bigint;
  exp: number;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const quantityRe = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))([a-zA-Z]*[-+]?[0-9]*)$/;

/** The error message of an unparsable quantity (resource.ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Parses a quantity; undefined when it is not one. Numbers are accepted as JSON gives them. */
export function parseQuantity(input: unknown): Quantity | undefined {
  const text = typeof input === 'number' && Number.isFinite(input) ? String(input) : input;
  if (typeof text !== 'string') return undefined;
  const m = quantityRe.exec(text.trim());
  if (!m) return undefined;
  const num = m[1] as string;
  const suffix = m[2] as string;
  const negative = num.startsWith('-');
  const body = num.replace(/^[+-]/, '');
  const [intPart = '', fracPart = ''] = body.split('.');
  let mantissa = BigInt(`${intPart}${fracPart}` || '0');
  let exp = -fracPart.length;
  let format: Quantity['format'];
  if (suffix in decimalSuffixes) {
    exp += decimalSuffixes[suffix] as number;
    format = 'DecimalSI';
  } else if (suffix in binarySuffixes) {
    mantissa *= 1024n ** BigInt(binarySuffixes[suffix] as number);
    format = 'BinarySI';
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    exp += Number.parseInt(suffix.slice(1), 10);
    format = 'DecimalExponent';
  } else return undefined;
  if (negative) mantissa = -mantissa;
  return normalize({ mantissa, exp, format });
}

function normalize(q: Quantity): Quantity {
  let { mantissa, exp } = q;
  if (mantissa === 0n) return { mantissa: 0n, exp: 0, format: q.format };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp += 1;
  }
  // Quantities are kept to nano precision, rounded up (away from zero for positives).
  if (exp < -9) {
    const div = 10n ** BigInt(-9 - exp);
    const rounded = mantissa / div + (mantissa % div !== 0n && mantissa > 0n ? 1n : 0n);
    return normalize({ mantissa: rounded, exp: -9, format: q.format });
  }
  return { mantissa, exp, format: q.format };
}

/** Compares two quantities: negative, zero or positive. */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const e = Math.min(a.exp, b.exp);
  const av = a.mantissa * 10n ** BigInt(a.exp - e);
  const bv = b.mantissa * 10n ** BigInt(b.exp - e);
  return av < bv ? -1 : av > bv ? 1 : 0;
}

/** The value in base units as a float (for ratios and display only). */
export function quantityValue(q: Quantity): number {
  return Number(q.mantissa) * 10 ** q.exp;
}

function decimalString(q: Quantity, exponentFormat: boolean): string {
  if (q.mantissa === 0n) return '0';
  // The largest multiple of 3 not above the exponent keeps the mantissa an integer.
  let e = q.exp - (((q.exp % 3) + 3) % 3);
  let mantissa = q.mantissa * 10n ** BigInt(q.exp - e);
  if (!exponentFormat && e > 18) {
    mantissa *= 10n ** BigInt(e - 18);
    e = 18;
  }
  if (exponentFormat) return e === 0 ? String(mantissa) : `${mantissa}e${e}`;
  const suffix = Object.entries(decimalSuffixes).find(([, v]) => v === e)?.[0] ?? '';
  return `${mantissa}${suffix}`;
}

/** The canonical string of a quantity, as resource.Quantity.String() prints it. */
export function formatQuantity(q: Quantity): string {
  if (q.format === 'BinarySI') {
    const intValue = q.exp >= 0 ? q.mantissa * 10n ** BigInt(q.exp) : undefined;
    if (intValue === undefined || (intValue > -1024n && intValue < 1024n)) return decimalString(q, false);
    let n = intValue;
    let k = 0;
    while (k < 6 && n % 1024n === 0n) {
      n /= 1024n;
      k++;
    }
    return `${n}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][k]}`;
  }
  return decimalString(q, q.format === 'DecimalExponent');
}

/** The canonical form of a quantity string; the input unchanged when it does not parse. */
export function canonicalQuantity(input: unknown): string {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : String(input ?? '');
}

/** resource.ErrSuffix: a well-formed number with a suffix that is none of the known ones (`1mm`). */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/**
 * resource.ParseQuantity as the decoder runs it on a quantity's JSON text: the canonical form, or
 * the parser's error (`quantities must match the regular expression ...`, or the suffix error).
 */
export function decodeQuantity(text: string): { value: string } | { error: string } {
  const q = parseQuantity(text);
  if (q) return { value: formatQuantity(q) };
  if (/^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eEinumkKMGTP]*[-+]?[0-9]*$/.test(text)) return { error: QUANTITY_SUFFIX_ERROR };
  return { error: QUANTITY_FORMAT_ERROR };
}
