/**
 * Timestamps as the API server's decoder reads them: `metav1.Time` is parsed with Go's
 * `time.Parse(time.RFC3339, s)` and `metav1.MicroTime` with the RFC3339Micro layout, and both are
 * written back in UTC (`2006-01-02T15:04:05Z`, `2006-01-02T15:04:05.000000Z`). A string that
 * does not parse fails with Go's `time.ParseError` text, which kube-apiserver puts in its 400:
 * `parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`.
 */

/** Go's time.RFC3339 layout. */
export const RFC3339 = '2006-01-02T15:04:05Z07:00';
/** metav1.RFC3339Micro. */
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

/** A parsed timestamp in UTC, or Go's error message. */
export type GoTimeResult = { ok: true; value: string } | { ok: false; error: string };

/** Go's time.quote: the value in double quotes, `"` and `\` escaped, non-printable bytes as \x. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

class ParseFailure {
  constructor(
    readonly layoutElem: string,
    readonly valueElem: string,
    readonly message = '',
  ) {}
}

/** Go's getnum: one or two digits (exactly two when `fixed`). */
function getnum(s: string, fixed: boolean): [number, string] {
  if (!isDigit(s, 0)) throw new ParseFailure('', '');
  if (!isDigit(s, 1)) {
    if (fixed) throw new ParseFailure('', '');
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

/** Parses `text` with the RFC 3339 layout (`micro`: RFC3339Micro), as Go's time.Parse does. */
export function parseGoTime(text: string, micro = false): GoTimeResult {
  const layout = micro ? RFC3339_MICRO : RFC3339;
  const fail = (f: ParseFailure): GoTimeResult => {
    if (f.message) return { ok: false, error: `parsing time ${quote(text)}${f.message}` };
    return { ok: false, error: `parsing time ${quote(text)} as ${quote(layout)}: cannot parse ${quote(f.valueElem)} as ${quote(f.layoutElem)}` };
  };
  // The layout's elements: literal separators and the number fields between them.
  const steps: [string, (v: string) => string][] = [];
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nanos = 0;
  let offsetMinutes = 0;
  const literal = (lit: string) => (v: string) => {
    if (!v.startsWith(lit)) throw new ParseFailure(lit, v);
    return v.slice(lit.length);
  };
  const field = (elem: string, read: (v: string) => string) => (v: string) => {
    try {
      return read(v);
    } catch (e) {
      if (e instanceof ParseFailure && !e.message) throw new ParseFailure(elem, v);
      throw e;
    }
  };
  const ranged = (elem: string, name: string, min: number, max: number, fixed: boolean, set: (n: number) => void) =>
    field(elem, (v) => {
      const [n, rest] = getnum(v, fixed);
      if (n < min || n > max) throw new ParseFailure(elem, rest, `: ${name} out of range`);
      set(n);
      return rest;
    });
  steps.push([
    '2006',
    field('2006', (v) => {
      if (v.length < 4 || !/^[0-9]{4}/.test(v)) throw new ParseFailure('', '');
      year = Number(v.slice(0, 4));
      return v.slice(4);
    }),
  ]);
  steps.push(['-', literal('-')], ['01', ranged('01', 'month', 1, 12, true, (n) => (month = n))], ['-', literal('-')]);
  steps.push(['02', ranged('02', 'day', 0, 31, true, (n) => (day = n))], ['T', literal('T')]);
  steps.push(['15', ranged('15', 'hour', 0, 23, false, (n) => (hour = n))], [':', literal(':')]);
  steps.push(['04', ranged('04', 'minute', 0, 59, true, (n) => (minute = n))], [':', literal(':')]);
  steps.push([
    '05',
    field('05', (v) => {
      const [n, rest] = getnum(v, true);
      if (n > 59) throw new ParseFailure('05', rest, ': second out of range');
      second = n;
      // Parsing accepts a fractional second the layout does not show (not when the layout has one).
      if (!micro && rest.length >= 2 && (rest[0] === '.' || rest[0] === ',') && isDigit(rest, 1)) {
        let i = 2;
        while (isDigit(rest, i)) i++;
        nanos = Number(`${rest.slice(1, Math.min(i, 10))}`.padEnd(9, '0'));
        return rest.slice(i);
      }
      return rest;
    }),
  ]);
  if (micro) {
    steps.push([
      '.000000',
      field('.000000', (v) => {
        if (v.length < 7 || (v[0] !== '.' && v[0] !== ',') || !/^[0-9]{6}$/.test(v.slice(1, 7))) throw new ParseFailure('', '');
        nanos = Number(v.slice(1, 7)) * 1000;
        return v.slice(7);
      }),
    ]);
  }
  steps.push([
    'Z07:00',
    field('Z07:00', (v) => {
      if (v.startsWith('Z')) return v.slice(1);
      if (v.length < 6 || v[3] !== ':' || (v[0] !== '+' && v[0] !== '-')) throw new ParseFailure('', '');
      const [hh] = getnum(v.slice(1, 3), true);
      const [mm] = getnum(v.slice(4, 6), true);
      if (hh > 24) throw new ParseFailure('Z07:00', v.slice(6), ': time zone offset hour out of range');
      if (mm > 60) throw new ParseFailure('Z07:00', v.slice(6), ': time zone offset minute out of range');
      offsetMinutes = (v[0] === '-' ? -1 : 1) * (hh * 60 + mm);
      return v.slice(6);
    }),
  ]);
  let rest = text;
  try {
    for (const [, step] of steps) rest = step(rest);
    if (rest.length > 0) throw new ParseFailure('', rest, `: extra text: ${quote(rest)}`);
    if (day < 1 || day > daysIn(month, year)) throw new ParseFailure('', rest, ': day out of range');
  } catch (e) {
    if (e instanceof ParseFailure) return fail(e);
    throw e;
  }
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute - offsetMinutes, second, 0);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { ok: true, value: micro ? `${base}.${pad(Math.floor(nanos / 1000), 6)}Z` : `${base}Z` };
}
