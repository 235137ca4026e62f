/**
 * CronJob schedules as robfig/cron v3's ParseStandard reads them (5 fields, names for months
 * and weekdays, `@hourly`-style descriptors, `@every <duration>`), with its error messages,
 * which the API server returns verbatim (`spec.schedule: Invalid value: "x": <error>`). The
 * parsed sets are exported so that a CronJob controller can compute the next runs.
 */

/** A parsed standard schedule: the allowed values of each field. */
export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  /** Whether day-of-month / day-of-week were `*` (robfig's starBit: then only the other one restricts). */
  domStar: boolean;
  dowStar: boolean;
  /** For `@every <duration>`: the period in seconds. */
  everySeconds?: number;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };
const FIELDS: Bounds[] = [{ min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, MONTHS, DOW];

class CronError extends Error {}

function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number.parseInt(expr, 10);
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? named : mustParseInt(expr);
}

function getRange(expr: string, r: Bounds, into: Set<number>): boolean {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] as string).split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0] as string, r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] as string, r.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1] as string);
    if (singleDigit) end = r.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronError(`too many slashes: ${expr}`);
  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.add(v);
  return star;
}

function getField(field: string, r: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const expr of field.split(',')) star = getRange(expr, r, values) || star;
  return { values, star };
}

function range(min: number, max: number): Set<number> {
  const s = new Set<number>();
  for (let v = min; v <= max; v++) s.add(v);
  return s;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function parseGoDuration(text: string): number | undefined {
  const m = text.match(/^((?:[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))+)$/);
  if (!m) return undefined;
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  for (const part of text.matchAll(/([0-9]+(?:\.[0-9]+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * (units[part[2] as string] as number);
  return total;
}

/** Parses a schedule; returns the schedule or the robfig/cron error message. */
export function parseCron(spec: string): CronSchedule | { error: string } {
  try {
    let s = spec;
    if (s.length === 0) throw new CronError('empty spec string');
    if (s.startsWith('TZ=') || s.startsWith('CRON_TZ=')) {
      const i = s.indexOf(' ');
      const eq = s.indexOf('=');
      const loc = s.slice(eq + 1, i < 0 ? undefined : i);
      if (!isValidTimeZone(loc)) throw new CronError(`provided bad location ${loc}: unknown time zone ${loc}`);
      s = i < 0 ? '' : s.slice(i).trim();
    }
    if (s.startsWith('@')) {
      if (s.startsWith('@every ')) {
        const d = parseGoDuration(s.slice('@every '.length));
        if (d === undefined) throw new CronError(`failed to parse duration ${s}: time: invalid duration ${JSON.stringify(s.slice('@every '.length))}`);
        return { minutes: new Set(), hours: new Set(), daysOfMonth: new Set(), months: new Set(), daysOfWeek: new Set(), domStar: true, dowStar: true, everySeconds: Math.max(1, Math.round(d)) };
      }
      const expanded = DESCRIPTORS[s];
      if (!expanded) throw new CronError(`unrecognized descriptor: ${s}`);
      s = expanded;
    }
    const fields = s.split(/\s+/).filter((f) => f !== '');
    if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
    const parsed = fields.map((f, i) => getField(f, FIELDS[i] as Bounds));
    const [mi, h, dom, mo, dow] = parsed as [ReturnType<typeof getField>, ReturnType<typeof getField>, ReturnType<typeof getField>, ReturnType<typeof getField>, ReturnType<typeof getField>];
    return { minutes: mi.values, hours: h.values, daysOfMonth: dom.star ? range(1, 31) : dom.values, months: mo.values, daysOfWeek: dow.star ? range(0, 6) : dow.values, domStar: dom.star, dowStar: dow.star };
  } catch (e) {
    if (e instanceof CronError) return { error: e.message };
    throw e;
  }
}

/** Whether an IANA time zone name is known (time.LoadLocation), using the platform's zone data. */
export function isValidTimeZone(name: string): boolean {
  if (name === 'UTC' || name === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
