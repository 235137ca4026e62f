/**
 * The Job controller's expectations (controller.ControllerExpectations and the Job controller's
 * uidTrackingExpectations): after creating or deleting pods, a Job is not managed again until
 * the informer has seen those creations and deletions (or five minutes have passed), so that a
 * burst is never double-counted; after removing tracking finalizers, those pods are not counted
 * again until the informer shows the finalizer gone.
 */
import type { Clock } from '../../clock/clock';

/** ExpectationsTimeout. */
const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Expectation {
  add: number;
  del: number;
  at: number;
}

/** Pod creation/deletion expectations per Job key. */
export class PodExpectations {
  private readonly map = new Map<string, Expectation>();

  constructor(private readonly clock: Clock) {}

  /** Whether the Job may be managed (SatisfiedExpectations). */
  satisfied(key: string): boolean {
    const e = this.map.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.at > EXPECTATIONS_TIMEOUT_MS;
  }

  /** Expects `n` creations. */
  expectCreations(key: string, n: number): void {
    this.map.set(key, { add: n, del: 0, at: this.clock.now() });
  }

  /** Expects `n` deletions. */
  expectDeletions(key: string, n: number): void {
    this.map.set(key, { add: 0, del: n, at: this.clock.now() });
  }

  /** One creation seen (or given up). */
  creationObserved(key: string): void {
    const e = this.map.get(key);
    if (e) e.add--;
  }

  /** One deletion seen (or given up). */
  deletionObserved(key: string): void {
    const e = this.map.get(key);
    if (e) e.del--;
  }

  /** Forgets a Job. */
  delete(key: string): void {
    this.map.delete(key);
  }
}

/** The pod UIDs whose tracking finalizer removal is not yet seen, per Job key. */
export class FinalizerExpectations {
  private readonly map = new Map<string, Set<string>>();

  /** The UIDs expected to lose their finalizer. */
  expected(key: string): Set<string> {
    return new Set(this.map.get(key) ?? []);
  }

  /** Expects these UIDs to lose their finalizer. */
  expect(key: string, uids: string[]): void {
    const set = this.map.get(key) ?? new Set<string>();
    for (const u of uids) set.add(u);
    this.map.set(key, set);
  }

  /** The finalizer of a pod was seen removed (or its removal failed). */
  observed(key: string, uid: string): void {
    const set = this.map.get(key);
    set?.delete(uid);
    if (set && set.size === 0) this.map.delete(key);
  }

  /** Forgets a Job. */
  delete(key: string): void {
    this.map.delete(key);
  }
}
