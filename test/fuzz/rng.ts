/** The fuzzer's seeded random source: the cluster's own `Random`, with pickers. */
import { Random } from '../../core/clock/random';

/** A seeded random source: the same seed gives the same requests, so a failure replays. */
export class FuzzRandom extends Random {
  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** One of several weighted choices. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of choices) {
      if (r < w) return v;
      r -= w;
    }
    return (choices.at(-1) as readonly [number, T])[1];
  }

  /** A string of `n` characters from `alphabet` (code points, so emoji stay whole). */
  override string(n: number, alphabet: string): string {
    const chars = [...alphabet];
    let s = '';
    for (let i = 0; i < n; i++) s += this.pick(chars);
    return s;
  }
}

/** Defines an own enumerable property, even `__proto__` (which an assignment would not create). */
export function own<T extends object>(obj: T, key: string, value: unknown): T {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  return obj;
}

/** A deep copy of a JSON value that keeps own `__proto__` keys (JSON text round trip). */
export function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
