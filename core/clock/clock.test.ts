import { describe, expect, it } from 'vitest';
import { LabClock, MAX_SPEED, MIN_SPEED, ManualClock } from './clock';

const START = Date.parse('2026-01-01T00:00:00Z');

describe('ManualClock', () => {
  it('fires timers in due order, each at its due time', () => {
    const c = new ManualClock(START);
    const fired: [string, number][] = [];
    c.setTimer(300, () => fired.push(['c', c.now() - START]));
    c.setTimer(100, () => fired.push(['a', c.now() - START]));
    c.setTimer(200, () => fired.push(['b', c.now() - START]));
    c.setTimer(100, () => fired.push(['a2', c.now() - START]));
    c.advance(250);
    expect(fired).toEqual([
      ['a', 100],
      ['a2', 100],
      ['b', 200],
    ]);
    expect(c.now()).toBe(START + 250);
    expect(c.pending()).toBe(1);
    c.advance(50);
    expect(fired.at(-1)).toEqual(['c', 300]);
    expect(c.pending()).toBe(0);
  });

  it('cancels timers with clearTimer', () => {
    const c = new ManualClock(START);
    let ran = false;
    const h = c.setTimer(10, () => (ran = true));
    c.clearTimer(h);
    c.advance(100);
    expect(ran).toBe(false);
    c.clearTimer(h); // a no-op now
  });

  it('fires timers set by timers when they come due', () => {
    const c = new ManualClock(START);
    const fired: number[] = [];
    c.setTimer(10, () => {
      fired.push(c.now() - START);
      c.setTimer(0, () => fired.push(c.now() - START));
      c.setTimer(30, () => fired.push(c.now() - START));
      c.setTimer(500, () => fired.push(c.now() - START));
    });
    c.advance(100);
    expect(fired).toEqual([10, 10, 40]);
    expect(c.nextDue()).toBe(START + 510);
  });

  it('treats a negative delay as zero', () => {
    const c = new ManualClock(START);
    let at = 0;
    c.setTimer(-50, () => (at = c.now()));
    c.advance(0);
    expect(at).toBe(START);
  });
});

/** A fake real-time source. */
function realTime(start = 1_000_000) {
  let t = start;
  return { now: () => t, pass: (ms: number) => (t += ms) };
}

describe('LabClock', () => {
  it('runs at real speed from the start time', () => {
    const real = realTime();
    const c = new LabClock(real.now, START);
    expect(c.now()).toBe(START);
    real.pass(1500);
    expect(c.now()).toBe(START + 1500);
  });

  it('at speed 2 doubles the simulated time elapsed', () => {
    const real = realTime();
    const c = new LabClock(real.now, START);
    real.pass(1000);
    c.setSpeed(2);
    real.pass(1000);
    expect(c.now()).toBe(START + 1000 + 2000);
    expect(c.state()).toEqual({ virtual: START + 3000, speed: 2, paused: false });
  });

  it('pause freezes now(); resume continues from there', () => {
    const real = realTime();
    const c = new LabClock(real.now, START);
    real.pass(500);
    c.pause();
    real.pass(10_000);
    expect(c.now()).toBe(START + 500);
    expect(c.state().paused).toBe(true);
    c.resume();
    real.pass(200);
    expect(c.now()).toBe(START + 700);
  });

  it('step(ms) fires the timers due, each seeing its own due time, and advances even when paused', () => {
    const real = realTime();
    const c = new LabClock(real.now, START);
    c.pause();
    const seen: number[] = [];
    c.setTimer(100, () => seen.push(c.now() - START));
    c.setTimer(250, () => seen.push(c.now() - START));
    c.setTimer(400, () => seen.push(c.now() - START));
    c.step(300);
    expect(seen).toEqual([100, 250]);
    expect(c.now()).toBe(START + 300);
    real.pass(1000);
    expect(c.now()).toBe(START + 300);
  });

  it('runDue fires what is due at the current time', () => {
    const real = realTime();
    const c = new LabClock(real.now, START);
    const seen: number[] = [];
    c.setTimer(100, () => seen.push(c.now() - START));
    c.setTimer(200, () => seen.push(c.now() - START));
    real.pass(150);
    expect(c.runDue()).toBe(1);
    expect(seen).toEqual([100]);
    real.pass(100);
    expect(c.runDue()).toBe(1);
    expect(c.runDue()).toBe(0);
  });

  it('clamps the speed to the allowed range and refuses non-numbers', () => {
    const c = new LabClock(realTime().now, START);
    c.setSpeed(1000);
    expect(c.state().speed).toBe(MAX_SPEED);
    c.setSpeed(0);
    expect(c.state().speed).toBe(MIN_SPEED);
    c.setSpeed(-3);
    expect(c.state().speed).toBe(0.25);
    c.setSpeed(100);
    expect(c.state().speed).toBe(100);
    expect(() => c.setSpeed(Number.NaN)).toThrow(RangeError);
  });

  it('realDelayToNext scales by speed and is undefined when paused or idle', () => {
    const real = realTime();
    const c = new LabClock(real.now, START);
    expect(c.realDelayToNext()).toBeUndefined();
    c.setTimer(1000, () => undefined);
    expect(c.realDelayToNext()).toBe(1000);
    c.setSpeed(4);
    expect(c.realDelayToNext()).toBe(250);
    real.pass(100); // 400 ms of simulated time
    expect(c.realDelayToNext()).toBe(150);
    c.pause();
    expect(c.realDelayToNext()).toBeUndefined();
  });

  it('tells the host when the schedule may have changed', () => {
    const c = new LabClock(realTime().now, START);
    let calls = 0;
    c.onScheduleChange = () => calls++;
    c.setTimer(500, () => undefined);
    expect(calls).toBe(1);
    c.setTimer(900, () => undefined); // not the earliest: no change
    expect(calls).toBe(1);
    c.setTimer(100, () => undefined);
    c.pause();
    c.setSpeed(2);
    c.resume();
    expect(calls).toBe(5);
  });
});
