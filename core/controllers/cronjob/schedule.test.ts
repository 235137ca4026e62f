import { describe, expect, it } from 'vitest';
import { mostRecentScheduleTime, next, nextScheduleDelay, parseSchedule, rfc3339In, type Schedule } from './schedule';

function sched(text: string, tz?: string): Schedule {
  const s = parseSchedule(text, tz);
  if ('error' in s) throw new Error(s.error);
  return s;
}
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('CronJob schedules (robfig/cron SpecSchedule.Next)', () => {
  it('finds the next minute, hour, day and weekday', () => {
    expect(iso(next(sched('*/1 * * * *'), at('2026-03-01T09:00:03Z')))).toBe('2026-03-01T09:01:00.000Z');
    expect(iso(next(sched('*/15 * * * *'), at('2026-03-01T09:00:00Z')))).toBe('2026-03-01T09:15:00.000Z');
    expect(iso(next(sched('@hourly'), at('2026-03-01T09:30:00Z')))).toBe('2026-03-01T10:00:00.000Z');
    expect(iso(next(sched('0 0 * * *'), at('2026-12-31T23:59:59Z')))).toBe('2027-01-01T00:00:00.000Z');
    // 2026-03-01 is a Sunday: the next Monday at 08:30.
    expect(iso(next(sched('30 8 * * mon'), at('2026-03-01T09:00:00Z')))).toBe('2026-03-02T08:30:00.000Z');
    expect(iso(next(sched('0 12 1-7 jan-mar *'), at('2026-03-07T12:00:00Z')))).toBe('2027-01-01T12:00:00.000Z');
    // Day of month and weekday both restricted: either matches.
    expect(iso(next(sched('0 0 13 * 5'), at('2026-03-01T00:00:00Z')))).toBe('2026-03-06T00:00:00.000Z');
    expect(next(sched('0 0 30 2 *'), at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('computes in the CronJob time zone', () => {
    // 09:00 in Berlin (UTC+1 in March before the switch) is 08:00 UTC.
    expect(iso(next(sched('0 9 * * *', 'Europe/Berlin'), at('2026-03-01T07:00:00Z')))).toBe('2026-03-01T08:00:00.000Z');
    expect(rfc3339In(at('2026-03-01T08:00:00Z'), 'Europe/Berlin')).toBe('2026-03-01T09:00:00+01:00');
    expect(rfc3339In(at('2026-03-01T08:00:00Z'), undefined)).toBe('2026-03-01T08:00:00Z');
  });

  it('finds the most recent unmet time, counts missed ones, and requeues 100 ms after the next', () => {
    const s = sched('*/1 * * * *');
    const created = at('2026-03-01T09:00:03Z');
    expect(mostRecentScheduleTime(created, undefined, undefined, at('2026-03-01T09:00:30Z'), s, true).mostRecent).toBeUndefined();
    expect(iso(mostRecentScheduleTime(created, undefined, undefined, at('2026-03-01T09:01:00.1Z'), s, true).mostRecent)).toBe('2026-03-01T09:01:00.000Z');
    const late = mostRecentScheduleTime(created, undefined, undefined, at('2026-03-01T09:05:30Z'), s, true);
    expect(iso(late.mostRecent)).toBe('2026-03-01T09:05:00.000Z');
    expect(late.missed).toBe('few');
    expect(mostRecentScheduleTime(created, undefined, undefined, at('2026-03-01T12:00:30Z'), s, true).missed).toBe('many');
    // A starting deadline moves the earliest time considered.
    expect(iso(mostRecentScheduleTime(created, undefined, 10, at('2026-03-01T09:05:30Z'), s, true).mostRecent)).toBeUndefined();
    expect(nextScheduleDelay(created, at('2026-03-01T09:01:00Z'), at('2026-03-01T09:01:00.5Z'), s)).toBe(59_600);
  });
});
