/**
 * How the tools of a node write times: klog's line header (`I0301 09:00:00.123456     312
 * file.go:75] `), journalctl's short timestamps (`Mar 01 09:00:00`), systemd's absolute and
 * relative times (`Sun 2026-03-01 09:00:00 UTC; 5min ago`) and spans (`1min 30.002s`), and the
 * human durations of docker's go-units that crictl prints (`2 minutes ago`). Every node runs in
 * UTC.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const two = (n: number) => String(n).padStart(2, '0');

/** `HH:MM:SS` of a time (UTC). */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** klog's severity letters. */
export type Severity = 'I' | 'W' | 'E';

/**
 * A klog text line: severity, `MMDD hh:mm:ss.uuuuuu`, the process id right-aligned in 7
 * columns, `file:line] ` and the structured message. The clock has milliseconds: the
 * microseconds below them come from `micros` (0–999).
 */
export function klogLine(severity: Severity, ms: number, pid: number, source: string, message: string, micros = 0): string {
  const d = new Date(ms);
  const frac = `${String(d.getUTCMilliseconds()).padStart(3, '0')}${String(micros % 1000).padStart(3, '0')}`;
  return `${severity}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${clockTime(ms)}.${frac} ${String(pid).padStart(7)} ${source}] ${message}`;
}

/** journalctl's short timestamp: `Mar 01 09:00:00`. */
export function journalTime(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${two(d.getUTCDate())} ${clockTime(ms)}`;
}

/** systemd's absolute time: `Sun 2026-03-01 09:00:00 UTC`. */
export function systemdTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()] ?? ''} ${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${clockTime(ms)} UTC`;
}

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2_629_800_000;
const YEAR = 31_557_600_000;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** systemd's relative time (format_timestamp_relative): `now`, `3s ago`, `5min ago`, `1h 2min ago`, `2 days ago`. */
export function systemdAgo(deltaMs: number): string {
  const d = Math.max(0, deltaMs);
  if (d >= YEAR) return `${plural(Math.floor(d / YEAR), 'year', 'years')} ${plural(Math.floor((d % YEAR) / MONTH), 'month', 'months')} ago`;
  if (d >= MONTH) return `${plural(Math.floor(d / MONTH), 'month', 'months')} ${plural(Math.floor((d % MONTH) / DAY), 'day', 'days')} ago`;
  if (d >= WEEK) return `${plural(Math.floor(d / WEEK), 'week', 'weeks')} ${plural(Math.floor((d % WEEK) / DAY), 'day', 'days')} ago`;
  if (d >= 2 * DAY) return `${Math.floor(d / DAY)} days ago`;
  if (d >= 25 * HOUR) return `1 day ${Math.floor((d - DAY) / HOUR)}h ago`;
  if (d >= 6 * HOUR) return `${Math.floor(d / HOUR)}h ago`;
  if (d >= HOUR) return `${Math.floor(d / HOUR)}h ${Math.floor((d % HOUR) / MIN)}min ago`;
  if (d >= 5 * MIN) return `${Math.floor(d / MIN)}min ago`;
  if (d >= MIN) return `${Math.floor(d / MIN)}min ${Math.floor((d % MIN) / SEC)}s ago`;
  if (d >= SEC) return `${Math.floor(d / SEC)}s ago`;
  if (d > 0) return `${d}ms ago`;
  return 'now';
}

/** systemd's time span to the millisecond (format_timespan): `1h 2min 3.456s`, `45ms`. */
export function systemdSpan(ms: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(ms));
  for (const [size, unit] of [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MIN, 'min'],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest >= SEC) {
    const s = Math.floor(rest / SEC);
    const frac = rest % SEC;
    parts.push(frac ? `${s}.${String(frac).padStart(3, '0').replace(/0+$/, '')}s` : `${s}s`);
  } else if (rest > 0) parts.push(`${rest}ms`);
  return parts.length > 0 ? parts.join(' ') : '0';
}

/** docker's go-units HumanDuration (what crictl prints before ` ago`). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / SEC);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(ms / MIN);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / HOUR);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / HOUR / 24 / 365)} years`;
}

/** docker's go-units HumanSizeWithPrecision(size, 3): decimal units, three significant digits (`320kB`, `27.2MB`). */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(3))}${units[i] ?? ''}`;
}
