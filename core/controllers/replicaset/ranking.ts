/**
 * Which pods a scale-down deletes first (controller.ActivePodsWithRanks, with the
 * PodDeletionCost and LogarithmicScaleDown features on, as in 1.32): unscheduled before
 * scheduled; Pending before Unknown before Running; not ready before ready; lower
 * `controller.kubernetes.io/pod-deletion-cost` first; more pods of the same owner on the node
 * first; ready for less time first and created more recently first, both compared in
 * power-of-two buckets of age (ties broken by uid); more container restarts first.
 */
import type { Pod } from '../../api/types';
import { isPodActive, isPodReady } from '../util/pods';

/** The annotation that orders pods for deletion (lower goes first). */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** A pod and its rank: the number of related active pods on its node. */
export interface RankedPod {
  pod: Pod;
  rank: number;
}

/** The pod's deletion cost (an int32; absent or invalid is 0). */
export function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function readyTime(pod: Pod): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  const t = c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

function creationTime(pod: Pod): number | undefined {
  const t = Date.parse(pod.metadata.creationTimestamp ?? '');
  return Number.isNaN(t) ? undefined : t;
}

/** ⌊log2(age in ns)⌋, or -1 for an age ≤ 0 (logarithmicRankDiff's buckets). */
function ageBucket(t: number, now: number): number {
  const ns = (now - t) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/** afterOrZero: an empty time sorts first, then the later time. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** Orders two times: the one in a younger bucket (or, in one bucket, the smaller uid) first. */
function byLogarithmicAge(a: number | undefined, b: number | undefined, pa: Pod, pb: Pod, now: number): number {
  if (a === undefined || b === undefined) return afterOrZero(a, b) ? -1 : 1;
  const diff = ageBucket(a, now) - ageBucket(b, now);
  if (diff === 0) {
    const ua = pa.metadata.uid ?? '';
    const ub = pb.metadata.uid ?? '';
    return ua < ub ? -1 : ua > ub ? 1 : 0;
  }
  return diff < 0 ? -1 : 1;
}

function maxRestarts(pod: Pod): { regular: number; sidecar: number } {
  const of = (statuses: { name: string; restartCount?: number }[] | undefined, names?: Set<string>) =>
    Math.max(0, ...(statuses ?? []).filter((s) => !names || names.has(s.name)).map((s) => s.restartCount ?? 0));
  const sidecars = new Set((pod.spec.initContainers ?? []).filter((c) => c['restartPolicy'] === 'Always').map((c) => c.name));
  return { regular: of(pod.status?.containerStatuses), sidecar: of(pod.status?.initContainerStatuses, sidecars) };
}

/** ActivePodsWithRanks.Less as a comparator: negative when `a` is deleted before `b`. */
export function compareRanked(a: RankedPod, b: RankedPod, now: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec.nodeName ?? '';
  const nb = pb.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const oa = PHASE_ORDINAL[pa.status?.phase ?? ''] ?? 0;
  const ob = PHASE_ORDINAL[pb.status?.phase ?? ''] ?? 0;
  if (oa !== ob) return oa - ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca - cb;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (ra && rb) {
    const ta = readyTime(pa);
    const tb = readyTime(pb);
    if (ta !== tb) {
      const c = byLogarithmicAge(ta, tb, pa, pb, now);
      if (c !== 0) return c;
    }
  }
  const xa = maxRestarts(pa);
  const xb = maxRestarts(pb);
  if (xa.regular !== xb.regular) return xb.regular - xa.regular;
  if (xa.sidecar !== xb.sidecar) return xb.sidecar - xa.sidecar;
  const ka = creationTime(pa);
  const kb = creationTime(pb);
  if (ka !== kb) return byLogarithmicAge(ka, kb, pa, pb, now);
  return 0;
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: ranks each pod by how many active related pods (of the
 * same owner, or of owners under the same controller) run on its node.
 */
export function rankByNode(pods: Pod[], related: Pod[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
}

/** getPodsToDelete: the `diff` pods to delete, the first ones by rank (all of them need no sort). */
export function podsToDelete(pods: Pod[], related: Pod[], diff: number, now: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  // A stable sort of the ranked pods, as sort.Sort on the same input order gives one answer.
  const ranked = rankByNode(pods, related).map((r, i) => ({ r, i }));
  ranked.sort((x, y) => compareRanked(x.r, y.r, now) || x.i - y.i);
  return ranked.slice(0, diff).map((x) => x.r.pod);
}
