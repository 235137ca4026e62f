/**
 * The node lifecycle controller's per-zone tainting queue (pkg/controller/nodelifecycle/scheduler
 * rate_limited_queue.go) on the cluster clock: a unique queue of node names ordered by the time
 * they may be processed, drained through a token bucket (client-go flowcontrol, burst 1). A name
 * stays "seen" after it was processed until `remove` — so a node is tainted once per outage.
 */
import type { Clock } from '../../clock/clock';

/** EvictionRateLimiterBurst. */
export const EVICTION_RATE_LIMITER_BURST = 1;

/** flowcontrol.RateLimiter, reduced to what the queue needs. */
export interface RateLimiter {
  readonly qps: number;
  tryAccept(): boolean;
}

/** flowcontrol.NewTokenBucketRateLimiter: `qps` tokens a second, at most `burst` saved (starts full). */
export class TokenBucket implements RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    readonly qps: number,
    private readonly burst: number,
    private readonly clock: Clock,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  /** Takes a token if one is there. */
  tryAccept(): boolean {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}

/** flowcontrol.NewFakeNeverRateLimiter: never accepts (evictions stopped). */
export const NEVER: RateLimiter = { qps: 0, tryAccept: () => false };

/** One queued value. */
export interface TimedValue {
  value: string;
  uid: string;
  addedAt: number;
  processAt: number;
}

/** The action run for a value: done, or retry after `retryMs`. */
export type TimedAction = (v: TimedValue) => Promise<{ done: boolean; retryMs?: number }>;

/** RateLimitedTimedQueue. */
export class RateLimitedTimedQueue {
  private queue: TimedValue[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** The current limiter's rate. */
  get qps(): number {
    return this.limiter.qps;
  }

  /** Whether values wait. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Adds a value unless it was added and not removed since; resolves whether it was added. */
  add(value: string, uid: string): boolean {
    if (this.seen.has(value)) return false;
    const now = this.clock.now();
    this.push({ value, uid, addedAt: now, processAt: now });
    this.seen.add(value);
    return true;
  }

  /** Forgets a value (it may be added again); whether it was known. */
  remove(value: string): boolean {
    if (!this.seen.delete(value)) return false;
    this.queue = this.queue.filter((v) => v.value !== value);
    return true;
  }

  /** Try: processes due values while the limiter gives tokens; a failed value is retried later. */
  async try(fn: TimedAction): Promise<void> {
    for (let head = this.queue[0]; head; head = this.queue[0]) {
      if (!this.limiter.tryAccept()) return;
      const now = this.clock.now();
      if (now < head.processAt) return;
      const { done, retryMs } = await fn(head);
      this.queue = this.queue.filter((v) => v !== head);
      // Done values stay in `seen` (RemoveFromQueue); others come back after the wait.
      if (!done) this.push({ ...head, processAt: now + (retryMs ?? 0) + 1 });
    }
  }

  /** SwapLimiter: a new rate (0 stops), draining the new bucket if the old one was empty. */
  swapLimiter(qps: number): void {
    if (this.limiter.qps === qps) return;
    if (qps <= 0) {
      this.limiter = NEVER;
      return;
    }
    const next = new TokenBucket(qps, EVICTION_RATE_LIMITER_BURST, this.clock);
    if (!this.limiter.tryAccept()) next.tryAccept();
    this.limiter = next;
  }

  private push(v: TimedValue): void {
    let i = this.queue.length;
    while (i > 0 && (this.queue[i - 1] as TimedValue).processAt > v.processAt) i--;
    this.queue.splice(i, 0, v);
  }
}
