/**
 * A rate-limited work queue as in client-go: a key is queued at most once, is never processed
 * by two workers at a time, and failures are retried with exponential backoff on the cluster's
 * clock (5 ms doubling up to 1000 s, as the default controller rate limiter).
 */
import type { Clock } from '../clock/clock';

/** Processes one key; a thrown error requeues it with backoff. */
export type SyncFn = (key: string) => Promise<void>;

/** The work queue of one controller, with one worker. */
export class WorkQueue {
  /** Keys in order; those before `head` are done (a shift() per key would cost O(n) each). */
  private queue: string[] = [];
  private head = 0;
  private readonly queued = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly dirtyWhileProcessing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private running = false;
  private shutDown = false;
  /** Called with each error a sync returned (for logs and traces). */
  onError: ((key: string, err: unknown) => void) | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly sync: SyncFn,
    private readonly baseDelayMs = 5,
    private readonly maxDelayMs = 1_000_000,
  ) {}

  /** Queues a key. */
  add(key: string): void {
    if (this.shutDown) return;
    if (this.processing.has(key)) {
      this.dirtyWhileProcessing.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.kick();
  }

  /** Queues a key after a delay on the cluster clock. */
  addAfter(key: string, delayMs: number): void {
    this.clock.setTimer(delayMs, () => this.add(key));
  }

  /** Stops processing. */
  shutdown(): void {
    this.shutDown = true;
    this.queue = [];
    this.head = 0;
    this.queued.clear();
  }

  /** Keys waiting. */
  length(): number {
    return this.queue.length - this.head;
  }

  private kick(): void {
    if (this.running) return;
    this.running = true;
    void Promise.resolve().then(() => this.drain());
  }

  private async drain(): Promise<void> {
    while (!this.shutDown && this.head < this.queue.length) {
      const key = this.queue[this.head++] as string;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.queued.delete(key);
      this.processing.add(key);
      try {
        await this.sync(key);
        this.failures.delete(key);
      } catch (err) {
        const n = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, n);
        this.onError?.(key, err);
        this.addAfter(key, Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (n - 1)));
      } finally {
        this.processing.delete(key);
        if (this.dirtyWhileProcessing.delete(key)) this.add(key);
      }
    }
    this.running = false;
  }
}
