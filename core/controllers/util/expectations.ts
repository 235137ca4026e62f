/**
 * Controller expectations (pkg/controller/controller_utils.go, UIDTrackingControllerExpectations):
 * after a controller creates or deletes N objects it waits to observe N events before it acts
 * again, so that a burst of creates is not counted twice while the informer catches up.
 * Deletions are tracked by pod key, so a graceful deletion (an update that sets
 * `deletionTimestamp`) and the final delete are observed once. Expectations expire after five
 * minutes of cluster time (ExpectationsTimeout), so a lost event never stalls a controller.
 */
import type { Clock } from '../../clock/clock';

/** controller.ExpectationsTimeout. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Expectation {
  add: number;
  del: number;
  timestamp: number;
}

/** The expectations of one controller type, by controller key (`namespace/name`). */
export class ControllerExpectations {
  private readonly entries = new Map<string, Expectation>();
  private readonly deleteKeys = new Map<string, Set<string>>();

  constructor(private readonly clock: Clock) {}

  /** Whether the controller may sync: its expectations are met, expired, or were never set. */
  satisfied(key: string): boolean {
    const e = this.entries.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  /** ExpectCreations: the controller is about to create `adds` objects. */
  expectCreations(key: string, adds: number): void {
    this.entries.set(key, { add: adds, del: 0, timestamp: this.clock.now() });
  }

  /** ExpectDeletions: the controller is about to delete the objects with these keys. */
  expectDeletions(key: string, deleteKeys: string[]): void {
    this.deleteKeys.set(key, new Set(deleteKeys));
    this.entries.set(key, { add: 0, del: deleteKeys.length, timestamp: this.clock.now() });
  }

  /** CreationObserved: one expected creation was seen (or will never be). */
  creationObserved(key: string): void {
    const e = this.entries.get(key);
    if (e) e.add -= 1;
  }

  /** DeletionObserved: the deletion of the object `deleteKey` was seen (counted once per key). */
  deletionObserved(key: string, deleteKey: string): void {
    const keys = this.deleteKeys.get(key);
    if (!keys?.has(deleteKey)) return;
    keys.delete(deleteKey);
    const e = this.entries.get(key);
    if (e) e.del -= 1;
  }

  /** DeleteExpectations: forgets the controller (it was deleted). */
  delete(key: string): void {
    this.entries.delete(key);
    this.deleteKeys.delete(key);
  }

  /** The pending (add, del) counts, for tests and traces. */
  pending(key: string): { add: number; del: number } | undefined {
    const e = this.entries.get(key);
    return e ? { add: e.add, del: e.del } : undefined;
  }
}
