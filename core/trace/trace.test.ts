import { describe, expect, it } from 'vitest';
import { Tracer } from './trace';

describe('Tracer', () => {
  it('keeps the newest events up to its capacity, in order, and answers since(seq)', () => {
    let t = 1000;
    const tracer = new Tracer(() => t, 3);
    expect(tracer.since()).toEqual([]);
    for (let i = 1; i <= 5; i++) {
      t += 10;
      tracer.emit({ component: 'kube-apiserver', action: 'post', message: `m${i}` });
    }
    expect(tracer.since().map((e) => [e.seq, e.time, e.message])).toEqual([
      [3, 1030, 'm3'],
      [4, 1040, 'm4'],
      [5, 1050, 'm5'],
    ]);
    expect(tracer.since(4).map((e) => e.seq)).toEqual([5]);
    expect(tracer.since(1).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(tracer.since(5)).toEqual([]);
    expect(tracer.since(9)).toEqual([]);
  });

  it('before it is full, and with no room, still tells its listeners', () => {
    const tracer = new Tracer(() => 0, 4);
    tracer.emit({ component: 'etcd', action: 'write', message: 'a' });
    tracer.emit({ component: 'etcd', action: 'write', message: 'b' });
    expect(tracer.since(0).map((e) => e.message)).toEqual(['a', 'b']);
    const none = new Tracer(() => 0, 0);
    const seen: string[] = [];
    none.subscribe((e) => seen.push(e.message));
    none.emit({ component: 'lab', action: 'x', message: 'heard' });
    expect(seen).toEqual(['heard']);
    expect(none.since()).toEqual([]);
  });
});
