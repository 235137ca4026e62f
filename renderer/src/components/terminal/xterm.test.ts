import { describe, expect, it } from 'vitest';
import { FlowControl } from './xterm';

describe('terminal flow control', () => {
  it('pauses above the high watermark and resumes below the low one, once each', () => {
    const calls: string[] = [];
    const flow = new FlowControl(
      () => calls.push('pause'),
      () => calls.push('resume'),
      100,
      10,
    );
    flow.written(60);
    flow.written(60);
    expect(calls).toEqual(['pause']);
    flow.written(50);
    expect(calls).toEqual(['pause']);
    flow.processed(60);
    flow.processed(50);
    expect(calls).toEqual(['pause']);
    flow.processed(55);
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.isPaused).toBe(false);
  });

  it('resumes when the terminal is reset while paused', () => {
    const calls: string[] = [];
    const flow = new FlowControl(
      () => calls.push('pause'),
      () => calls.push('resume'),
      10,
      5,
    );
    flow.written(20);
    flow.reset();
    flow.processed(20);
    expect(calls).toEqual(['pause', 'resume']);
  });
});
