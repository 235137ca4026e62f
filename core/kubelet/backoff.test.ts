import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('the kubelet back-off', () => {
  it('starts at 10 s, doubles to 5 min, and starts over after 10 quiet minutes', () => {
    const b = new Backoff();
    const steps: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      b.next('k', t);
      steps.push(b.get('k') / 1000);
      t += b.get('k');
    }
    expect(steps).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
    expect(b.inBackOffSince('k', t, t + 299_000)).toBe(true);
    expect(b.inBackOffSince('k', t, t + 300_000)).toBe(false);
    b.next('k', t + 700_000);
    expect(b.get('k')).toBe(10_000);
  });
});
