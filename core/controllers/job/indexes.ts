/**
 * The completion indexes of Indexed Jobs (pkg/controller/job/indexed_job_utils.go): ordered
 * intervals written as `status.completedIndexes` (`0-2,4`), the index of a pod, the first
 * indexes still to run, and which active pods to remove (no, invalid or repeated index).
 */
import type { Job, Pod } from '../../api/types';
import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER } from './constants';

/** One interval of indexes, inclusive. */
export interface Interval {
  first: number;
  last: number;
}

/** The index of a pod from its annotation; undefined when it has none or it is invalid. */
export function completionIndex(pod: Pod): number | undefined {
  const v = pod.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (v === undefined || !/^[0-9]+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** parseIndexesFromString: the intervals of `0-2,4` below `completions` (invalid parts are skipped). */
export function parseIndexes(text: string | undefined, completions: number): Interval[] {
  const out: Interval[] = [];
  if (!text) return out;
  for (const part of text.split(',')) {
    const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(part);
    if (!m) continue;
    const first = Number(m[1]);
    let last = m[2] === undefined ? first : Number(m[2]);
    if (first >= completions || last < first) continue;
    last = Math.min(last, completions - 1);
    const prev = out[out.length - 1];
    if (prev && first <= prev.last + 1) prev.last = Math.max(prev.last, last);
    else out.push({ first, last });
  }
  return out;
}

/** The text of intervals (`0-2,4`; a single index alone). */
export function formatIndexes(intervals: Interval[]): string {
  return intervals.map((i) => (i.first === i.last ? String(i.first) : `${i.first}-${i.last}`)).join(',');
}

/** How many indexes the intervals hold. */
export function totalIndexes(intervals: Interval[]): number {
  return intervals.reduce((n, i) => n + i.last - i.first + 1, 0);
}

/** Whether an index is in the intervals. */
export function hasIndex(intervals: Interval[], ix: number): boolean {
  return intervals.some((i) => i.first <= ix && ix <= i.last);
}

/** The intervals with `indexes` added (withOrderedIndexes). */
export function withIndexes(intervals: Interval[], indexes: number[]): Interval[] {
  const all = new Set<number>(indexes);
  for (const i of intervals) for (let x = i.first; x <= i.last; x++) all.add(x);
  const sorted = [...all].sort((a, b) => a - b);
  const out: Interval[] = [];
  for (const x of sorted) {
    const prev = out[out.length - 1];
    if (prev && x === prev.last + 1) prev.last = x;
    else out.push({ first: x, last: x });
  }
  return out;
}

/**
 * calculateSucceededIndexes: the indexes counted before (from the status) and with the
 * succeeded pods not yet counted (those that still have the tracking finalizer).
 */
export function succeededIndexes(job: Job, pods: Pod[]): { prev: Interval[]; now: Interval[] } {
  const completions = job.spec.completions ?? 0;
  const prev = parseIndexes(job.status?.['completedIndexes'] as string | undefined, completions);
  const fresh: number[] = [];
  for (const p of pods) {
    const ix = completionIndex(p);
    if (p.status?.phase === 'Succeeded' && ix !== undefined && ix < completions && (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) fresh.push(ix);
  }
  return { prev, now: withIndexes(prev, fresh) };
}

/** firstPendingIndexes: the lowest `count` indexes neither succeeded nor held by an active pod. */
export function firstPendingIndexes(succeeded: Interval[], activePods: Pod[], count: number, completions: number): number[] {
  const taken = new Set<number>();
  for (const p of activePods) {
    const ix = completionIndex(p);
    if (ix !== undefined) taken.add(ix);
  }
  const out: number[] = [];
  for (let ix = 0; ix < completions && out.length < count; ix++) if (!hasIndex(succeeded, ix) && !taken.has(ix)) out.push(ix);
  return out;
}

/**
 * appendDuplicatedIndexPodsForRemoval: active pods without a valid index, and all but one pod
 * of each repeated index, are to be removed; returns them and the pods left.
 */
export function duplicatedIndexPods(pods: Pod[], completions: number): { rm: Pod[]; left: Pod[] } {
  const rm: Pod[] = [];
  const left: Pod[] = [];
  const seen = new Set<number>();
  const sorted = [...pods].sort((a, b) => (completionIndex(a) ?? -1) - (completionIndex(b) ?? -1));
  for (const p of sorted) {
    const ix = completionIndex(p);
    if (ix === undefined || ix >= completions || seen.has(ix)) rm.push(p);
    else {
      seen.add(ix);
      left.push(p);
    }
  }
  return { rm, left };
}
