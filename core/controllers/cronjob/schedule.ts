/**
 * The times of a CronJob schedule, as the CronJob controller (v2) computes them with robfig/cron
 * v3: `next(t)` is SpecSchedule.Next (the first matching second after `t`, searching at most
 * five years ahead; `@every` adds its period), in the CronJob's `timeZone` (the controller
 * manager's own zone, UTC as kubeadm runs it, otherwise); `mostRecentScheduleTime` and
 * `nextScheduleDelay` are the controller's utils.go. The schedule itself is parsed once, by the
 * API server's parser (apiserver/resources/cron.ts), which is robfig's ParseStandard.
 */
import { parseCron, type CronSchedule } from '../../apiserver/resources/cron';

/** nextScheduleDelta: the controller requeues 100 ms after the next schedule time. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset (ms) of a time zone from UTC at the instant `utc`. */
export function zoneOffset(utc: number, tz: string | undefined): number {
  if (!tz || tz === 'UTC' || tz === 'Etc/UTC') return 0;
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utc))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts['year'] ?? 1970, (parts['month'] ?? 1) - 1, parts['day'] ?? 1, parts['hour'] ?? 0, parts['minute'] ?? 0, parts['second'] ?? 0);
  return wall - (utc - (((utc % 1000) + 1000) % 1000));
}

/** A parsed schedule in a time zone. */
export interface Schedule {
  spec: CronSchedule;
  timeZone?: string;
}

/** Parses a CronJob's schedule (the `TZ=` prefix included) in its time zone; the parser's error otherwise. */
export function parseSchedule(schedule: string, timeZone?: string): Schedule | { error: string } {
  let text = schedule;
  let tz = timeZone;
  const m = /^(?:CRON_)?TZ=(\S+)\s*(.*)$/.exec(text);
  if (m) {
    tz = m[1];
    text = m[2] ?? '';
  }
  const spec = parseCron(text);
  if ('error' in spec) return spec;
  return tz ? { spec, timeZone: tz } : { spec };
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.daysOfMonth.has(d.getUTCDate());
  const dow = s.daysOfWeek.has(d.getUTCDay());
  return s.domStar || s.dowStar ? dom && dow : dom || dow;
}

/** SpecSchedule.Next: the next activation strictly after `t` (ms), or undefined within five years. */
export function next(sched: Schedule, t: number): number | undefined {
  const s = sched.spec;
  if (s.everySeconds !== undefined) return t - (((t % 1000) + 1000) % 1000) + s.everySeconds * 1000;
  const tz = sched.timeZone;
  // Work on the wall-clock time of the zone, held in a UTC Date.
  const d = new Date(t + zoneOffset(t, tz));
  d.setUTCMilliseconds(0);
  d.setUTCSeconds(d.getUTCSeconds() + 1);
  let added = false;
  const yearLimit = d.getUTCFullYear() + 5;
  for (;;) {
    if (d.getUTCFullYear() > yearLimit) return undefined;
    let wrapped = false;
    while (!s.months.has(d.getUTCMonth() + 1)) {
      if (!added) {
        added = true;
        d.setUTCDate(1);
        d.setUTCHours(0, 0, 0, 0);
      }
      d.setUTCMonth(d.getUTCMonth() + 1);
      if (d.getUTCMonth() === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!dayMatches(s, d)) {
      if (!added) {
        added = true;
        d.setUTCHours(0, 0, 0, 0);
      }
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDate() === 1) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!s.hours.has(d.getUTCHours())) {
      if (!added) {
        added = true;
        d.setUTCMinutes(0, 0, 0);
      }
      d.setUTCHours(d.getUTCHours() + 1);
      if (d.getUTCHours() === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    while (!s.minutes.has(d.getUTCMinutes())) {
      if (!added) {
        added = true;
        d.setUTCSeconds(0, 0);
      }
      d.setUTCMinutes(d.getUTCMinutes() + 1);
      if (d.getUTCMinutes() === 0) {
        wrapped = true;
        break;
      }
    }
    if (wrapped) continue;
    // A standard spec fires at second 0: on to the next minute, and check it again.
    if (d.getUTCSeconds() !== 0) {
      added = true;
      d.setUTCSeconds(60);
      continue;
    }
    break;
  }
  const wall = d.getTime();
  // Back from the zone's wall clock to UTC (the offset at the guessed instant).
  const guess = wall - zoneOffset(wall, tz);
  return wall - zoneOffset(guess, tz);
}

/** The result of mostRecentScheduleTime. */
export interface MostRecent {
  earliest: number;
  /** The most recent schedule time at or before now, if any. */
  mostRecent?: number;
  missed: 'none' | 'few' | 'many';
  error?: string;
}

/**
 * mostRecentScheduleTime: from the last schedule time (or the creation, or now − the starting
 * deadline, whichever is latest), the most recent time a Job should have started.
 */
export function mostRecentScheduleTime(created: number, lastSchedule: number | undefined, startingDeadlineSeconds: number | undefined, now: number, sched: Schedule, includeDeadline: boolean): MostRecent {
  let earliest = lastSchedule ?? created;
  if (includeDeadline && startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - startingDeadlineSeconds * 1000);
  const t1 = next(sched, earliest);
  if (t1 === undefined || now < t1) return { earliest, missed: 'none' };
  const t2 = next(sched, t1);
  if (t2 === undefined || now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const missedCount = Math.floor((now - t1) / 1000 / between) + 1;
  let mostRecent: number | undefined;
  for (let t = next(sched, t1 + (missedCount - 2) * between * 1000); t !== undefined && t <= now; t = next(sched, t)) mostRecent = t;
  const missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return mostRecent === undefined ? { earliest, missed } : { earliest, mostRecent, missed };
}

/** nextScheduleTimeDuration: how long until the sync after the next schedule time. */
export function nextScheduleDelay(created: number, lastSchedule: number | undefined, now: number, sched: Schedule): number {
  const r = mostRecentScheduleTime(created, lastSchedule, undefined, now, sched, false);
  let from: number;
  if (r.error) from = now;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : now;
  else from = r.mostRecent;
  const n = next(sched, from) ?? now + 365 * 24 * 3600_000;
  return n + NEXT_SCHEDULE_DELTA_MS - now;
}

/** A time as RFC 3339 in a zone (`2026-03-01T09:01:00Z`, `2026-03-01T10:01:00+01:00`), as Go's time.RFC3339. */
export function rfc3339In(ms: number, tz: string | undefined): string {
  const off = zoneOffset(ms, tz);
  const wall = new Date(ms - (((ms % 1000) + 1000) % 1000) + off).toISOString().slice(0, 19);
  if (off === 0) return `${wall}Z`;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off) / 60_000;
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
