import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/clock';
import { WorkQueue } from './workqueue';

const START = Date.parse('2026-01-01T00:00:00Z');

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

describe('WorkQueue', () => {
  it('processes a key added twice while queued once', async () => {
    const clock = new ManualClock(START);
    const synced: string[] = [];
    const q = new WorkQueue(clock, async (k) => {
      synced.push(k);
    });
    q.add('a');
    q.add('b');
    q.add('a');
    expect(q.length()).toBe(2);
    await flush();
    expect(synced).toEqual(['a', 'b']);
    expect(q.length()).toBe(0);
  });

  it('retries a failing sync with exponential backoff on the clock', async () => {
    const clock = new ManualClock(START);
    const attempts: number[] = [];
    const errors: string[] = [];
    const q = new WorkQueue(clock, async () => {
      attempts.push(clock.now() - START);
      if (attempts.length < 4) throw new Error(`fail ${attempts.length}`);
    });
    q.onError = (key, err) => errors.push(`${key}: ${(err as Error).message}`);
    q.add('k');
    await flush();
    expect(attempts).toEqual([0]);
    clock.advance(4);
    await flush();
    expect(attempts).toEqual([0]);
    clock.advance(1);
    await flush();
    expect(attempts).toEqual([0, 5]);
    for (let i = 0; i < 30; i++) {
      clock.advance(1);
      await flush();
    }
    // 5 ms, then 10 ms, then 20 ms after each failure.
    expect(attempts).toEqual([0, 5, 15, 35]);
    expect(errors).toEqual(['k: fail 1', 'k: fail 2', 'k: fail 3']);
  });

  it('resets the backoff after a success', async () => {
    const clock = new ManualClock(START);
    let fail = true;
    const attempts: number[] = [];
    const q = new WorkQueue(clock, async () => {
      attempts.push(clock.now() - START);
      if (fail) throw new Error('x');
    });
    q.add('k');
    await flush();
    clock.advance(5);
    await flush();
    fail = false;
    clock.advance(10);
    await flush();
    expect(attempts).toEqual([0, 5, 15]);
    fail = true;
    q.add('k');
    await flush();
    clock.advance(5);
    await flush();
    expect(attempts).toEqual([0, 5, 15, 15, 20]);
  });

  it('processes a key added during its sync again afterwards, never concurrently', async () => {
    const clock = new ManualClock(START);
    const log: string[] = [];
    let release: (() => void) | undefined;
    const q = new WorkQueue(clock, async (k) => {
      log.push(`start ${k}`);
      if (log.length === 1) await new Promise<void>((r) => (release = r));
      log.push(`end ${k}`);
    });
    q.add('a');
    await flush();
    expect(log).toEqual(['start a']);
    q.add('a');
    q.add('a');
    await flush();
    expect(log).toEqual(['start a']);
    release?.();
    await flush();
    expect(log).toEqual(['start a', 'end a', 'start a', 'end a']);
  });

  it('does nothing after shutdown', async () => {
    const clock = new ManualClock(START);
    const synced: string[] = [];
    const q = new WorkQueue(clock, async (k) => {
      synced.push(k);
    });
    q.shutdown();
    q.add('a');
    await flush();
    expect(synced).toEqual([]);
    expect(q.length()).toBe(0);
  });
});
