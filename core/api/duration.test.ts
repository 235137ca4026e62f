import { describe, expect, it } from 'vitest';
import { age, humanDuration, parseGoDuration, rfc3339 } from './duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [59 * S, '59s'],
    [119 * S + 999, '119s'],
    [2 * M, '2m'],
    [3 * M + 20 * S, '3m20s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M + 59 * S, '179m'],
    [3 * H, '3h'],
    [4 * H + 10 * M, '4h10m'],
    [7 * H + 59 * M + 59 * S, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D + 5 * H, '8d'],
    [729 * D, '729d'],
    [2 * Y, '2y'],
    [2 * Y + 30 * D, '2y30d'],
    [7 * Y + 364 * D, '7y364d'],
    [8 * Y + 100 * D, '8y'],
    [20 * Y, '20y'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('treats up to one second in the future as now, and more as <invalid>', () => {
    expect(humanDuration(-1 * S)).toBe('0s');
    expect(humanDuration(-1 * S - 999)).toBe('0s');
    expect(humanDuration(-2 * S)).toBe('<invalid>');
    expect(humanDuration(-5 * M)).toBe('<invalid>');
  });
});

describe('rfc3339', () => {
  it('prints UTC with second precision, truncating milliseconds', () => {
    const t = Date.UTC(2026, 0, 2, 3, 4, 5, 999);
    expect(rfc3339(t)).toBe('2026-01-02T03:04:05Z');
    expect(Date.parse(rfc3339(t))).toBe(t - 999);
  });

  it('round-trips whole seconds', () => {
    const t = Date.UTC(2030, 11, 31, 23, 59, 59);
    expect(Date.parse(rfc3339(t))).toBe(t);
  });
});

describe('age', () => {
  const created = Date.UTC(2026, 0, 1);
  it('is the human duration since the timestamp', () => {
    expect(age(rfc3339(created), created)).toBe('0s');
    expect(age(rfc3339(created), created + 65 * S)).toBe(humanDuration(65 * S));
    expect(age(rfc3339(created), created + 3 * D + 4 * H)).toBe('3d4h');
  });

  it('is <unknown> without a parsable timestamp', () => {
    expect(age(undefined, created)).toBe('<unknown>');
    expect(age(null, created)).toBe('<unknown>');
    expect(age('', created)).toBe('<unknown>');
    expect(age('not a time', created)).toBe('<unknown>');
  });

  it('is <invalid> for a timestamp well in the future', () => {
    expect(age(rfc3339(created + 10 * S), created)).toBe('<invalid>');
  });
});

describe('parseGoDuration (time.ParseDuration)', () => {
  it('reads Go durations into milliseconds', () => {
    expect(parseGoDuration('30s')).toBe(30_000);
    expect(parseGoDuration('1m30s')).toBe(90_000);
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(parseGoDuration('0')).toBe(0);
  });
  it('refuses what Go refuses', () => {
    for (const bad of ['', '30', 's', '1x', '-5s', '5s!', '1m 30s']) expect(parseGoDuration(bad)).toBeUndefined();
  });
});
