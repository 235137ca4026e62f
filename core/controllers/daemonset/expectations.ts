/**
 * Controller expectations (pkg/controller controller_utils.go ControllerExpectations): after a
 * controller asks for pod creations and deletions, it does not act on the same owner again until
 * its informer has seen them (or five minutes have passed), so that a stale cache never makes it
 * create or delete twice.
 */
import type { Clock } from '../../clock/clock';

/** ExpectationsTimeout. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

interface Expectation {
  add: number;
  del: number;
  at: number;
}

/** The expectations of one controller, by owner key. */
export class Expectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly clock: Clock) {}

  /** SatisfiedExpectations: nothing pending, none recorded, or expired. */
  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.at > EXPECTATIONS_TIMEOUT_MS;
  }

  /** SetExpectations. */
  set(key: string, add: number, del: number): void {
    this.byKey.set(key, { add, del, at: this.clock.now() });
  }

  /** CreationObserved (also used to lower for a failed create). */
  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.add--;
  }

  /** DeletionObserved (also used to lower for a failed delete). */
  deletionObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e) e.del--;
  }

  /** LowerExpectations. */
  lower(key: string, add: number, del: number): void {
    const e = this.byKey.get(key);
    if (e) {
      e.add -= add;
      e.del -= del;
    }
  }

  /** DeleteExpectations. */
  delete(key: string): void {
    this.byKey.delete(key);
  }
}
