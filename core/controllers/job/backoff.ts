/**
 * The back-off of pod recreation after failures (pkg/controller/job/backoff_utils.go): per Job,
 * the number of failures since the last success and the time of the last failure; a failed
 * pod is replaced only after 10 s × 2^(failures−1), capped at the maximum, has passed since
 * that failure. A pod's finish time is the latest `finishedAt` of its terminated containers,
 * else when it turned not Ready, else its deletion time, else its creation.
 */
import type { Pod } from '../../api/types';
import { MAX_POD_FAILURE_BACKOFF_MS, POD_FAILURE_BACKOFF_MS } from './constants';

/** One Job's back-off record. */
export interface BackoffRecord {
  key: string;
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

function parse(t: string | null | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** getFinishedTime. */
export function finishedTime(p: Pod): number {
  const statuses = p.status?.containerStatuses ?? [];
  if (statuses.length > 0) {
    let latest: number | undefined;
    let all = true;
    for (const s of statuses) {
      const t = parse(s.state?.terminated?.finishedAt);
      if (t === undefined) {
        all = false;
        break;
      }
      latest = latest === undefined ? t : Math.max(latest, t);
    }
    if (all && latest !== undefined) return latest;
  }
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  const readyFalse = ready?.status === 'False' ? parse(ready.lastTransitionTime) : undefined;
  if (readyFalse !== undefined) return readyFalse;
  const deleted = parse(p.metadata.deletionTimestamp);
  if (deleted !== undefined) return deleted - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return parse(p.metadata.creationTimestamp) ?? 0;
}

/** The back-off records of every Job (backoffStore). */
export class BackoffStore {
  private readonly records = new Map<string, BackoffRecord>();

  /** newBackoffRecord: the record after the newly finished pods. */
  next(key: string, newSucceeded: Pod[], newFailed: Pod[]): BackoffRecord {
    const old = this.records.get(key);
    const rec: BackoffRecord = { key, failuresAfterLastSuccess: old?.failuresAfterLastSuccess ?? 0, ...(old?.lastFailureTime !== undefined ? { lastFailureTime: old.lastFailureTime } : {}) };
    const failedTimes = newFailed.map(finishedTime).sort((a, b) => a - b);
    const succeededTimes = newSucceeded.map(finishedTime).sort((a, b) => a - b);
    if (succeededTimes.length === 0) {
      if (failedTimes.length === 0) return rec;
      return { key, failuresAfterLastSuccess: rec.failuresAfterLastSuccess + failedTimes.length, lastFailureTime: failedTimes[failedTimes.length - 1] as number };
    }
    const out: BackoffRecord = { key, failuresAfterLastSuccess: 0 };
    const lastSuccess = succeededTimes[succeededTimes.length - 1] as number;
    for (let i = failedTimes.length - 1; i >= 0; i--) {
      const t = failedTimes[i] as number;
      if (t <= lastSuccess) break;
      out.lastFailureTime ??= t;
      out.failuresAfterLastSuccess++;
    }
    return out;
  }

  /** Keeps a record (updateBackoffRecord). */
  update(rec: BackoffRecord): void {
    this.records.set(rec.key, rec);
  }

  /** Forgets a Job. */
  remove(key: string): void {
    this.records.delete(key);
  }
}

/** The back-off delay after `failures` consecutive failures. */
export function backoffDelay(failures: number): number {
  if (failures <= 0) return 0;
  let d = POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= MAX_POD_FAILURE_BACKOFF_MS) return MAX_POD_FAILURE_BACKOFF_MS;
  }
  return d;
}

/** getRemainingTime: how long pod creation must still wait (0: now). */
export function remainingBackoff(rec: BackoffRecord, now: number): number {
  if (rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime === undefined) return 0;
  const elapsed = now - rec.lastFailureTime;
  const d = backoffDelay(rec.failuresAfterLastSuccess);
  return d < elapsed ? 0 : d - elapsed;
}
