/** What the binder's sync functions (claims.ts, volumes.ts) read and do through the controller. */
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types';
import type { BinderWrites } from './writes';

/** The binder as its sync functions see it. */
export interface BinderContext extends BinderWrites {
  /** The newest known copy of a volume (the informer's or the binder's own last write). */
  volume(name: string): PersistentVolume | undefined;
  /** The newest known copy of a claim, by `namespace/name`. */
  claim(key: string): PersistentVolumeClaim | undefined;
  /** Every known volume. */
  volumes(): PersistentVolume[];
  storageClass(name: string): StorageClass | undefined;
  /** The pods that use a claim (`namespace/name`). */
  podsUsing(claimKey: string): Pod[];
  enqueueClaim(key: string): void;
  /** Runs an operation unless one of that name runs (or failed recently: exponential backoff). */
  scheduleOperation(name: string, op: () => Promise<void>): void;
  /** Says what the binder did (the trace view). */
  trace(action: string, object: string, message: string): void;
}
