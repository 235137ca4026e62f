/**
 * The status of a DaemonSet (pkg/controller/daemon updateDaemonSetStatus): per node that should
 * run a daemon pod, whether it has one (current), whether the oldest is ready, available and
 * updated; per node that should not, whether it has one anyway (misscheduled).
 */
import type { DaemonSet, Node, Pod } from '../../api/types';
import { isPodAvailable, isPodReady } from '../util/pods';
import { nodeShouldRunDaemonPod } from './eligibility';
import { byCreation, isPodUpdated, templateGeneration } from './pods';

/** The counted fields of DaemonSetStatus. */
export interface DaemonSetCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable: number;
}

/** The counts of a DaemonSet from its pods by node. */
export function daemonSetCounts(ds: DaemonSet, nodes: readonly Node[], podsByNode: ReadonlyMap<string, readonly Pod[]>, hash: string, now: number): DaemonSetCounts {
  const c: DaemonSetCounts = { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0 };
  const generation = templateGeneration(ds);
  for (const node of nodes) {
    const pods = podsByNode.get(node.metadata.name ?? '') ?? [];
    const scheduled = pods.length > 0;
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (scheduled) c.numberMisscheduled++;
      continue;
    }
    c.desiredNumberScheduled++;
    if (!scheduled) continue;
    c.currentNumberScheduled++;
    const pod = [...pods].sort(byCreation)[0] as Pod;
    if (isPodReady(pod)) {
      c.numberReady++;
      if (isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, now)) c.numberAvailable++;
    }
    if (isPodUpdated(pod, hash, generation)) c.updatedNumberScheduled++;
  }
  c.numberUnavailable = c.desiredNumberScheduled - c.numberAvailable;
  return c;
}

/** Whether the stored status already says `counts` (and has observed the generation). */
export function statusUpToDate(ds: DaemonSet, counts: DaemonSetCounts): boolean {
  const s = ds.status ?? {};
  return (
    (s.desiredNumberScheduled ?? 0) === counts.desiredNumberScheduled &&
    (s.currentNumberScheduled ?? 0) === counts.currentNumberScheduled &&
    (s.numberMisscheduled ?? 0) === counts.numberMisscheduled &&
    (s.numberReady ?? 0) === counts.numberReady &&
    (s.updatedNumberScheduled ?? 0) === counts.updatedNumberScheduled &&
    (s.numberAvailable ?? 0) === counts.numberAvailable &&
    (s.numberUnavailable ?? 0) === counts.numberUnavailable &&
    (s.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0)
  );
}

/** The status to write: the counts over the stored status, zero `omitempty` fields left out (as the API encodes them). */
export function statusBody(stored: DaemonSet['status'], counts: DaemonSetCounts, observedGeneration: number | undefined): NonNullable<DaemonSet['status']> {
  const out: NonNullable<DaemonSet['status']> = { ...(stored ?? {}), ...counts };
  if (observedGeneration !== undefined) out.observedGeneration = observedGeneration;
  for (const k of ['observedGeneration', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'] as const) if (!out[k]) delete out[k];
  return out;
}
