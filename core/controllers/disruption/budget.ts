/**
 * The arithmetic of a PodDisruptionBudget (pkg/controller/disruption/disruption.go and
 * k8s.io/component-helpers/apps/poddisruptionbudget): how many pods are expected and must stay
 * healthy (an integer `minAvailable` counts the selected pods; a percentage, or `maxUnavailable`,
 * the scale of the pods' controllers), how many are healthy (Ready, not being deleted, not just
 * evicted), which evictions are still awaited, and the `DisruptionAllowed` condition.
 */
import type { Condition, IntOrString, LabelSelector, Pod, PodDisruptionBudget } from '../../api/types';
import { rfc3339 } from '../../api/duration';
import { isPodReady } from '../util/pods';

/** DeletionTimeout: how long an evicted pod may take to start terminating before it counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** The condition type the disruption controller sets (policy.DisruptionAllowedCondition). */
export const DISRUPTION_ALLOWED = 'DisruptionAllowed';
/** Reason: disruptions are allowed (policy.SufficientPodsReason). */
export const SUFFICIENT_PODS = 'SufficientPods';
/** Reason: no disruption is allowed (policy.InsufficientPodsReason). */
export const INSUFFICIENT_PODS = 'InsufficientPods';
/** Reason: the controller could not compute the budget (policy.SyncFailedReason). */
export const SYNC_FAILED = 'SyncFailed';

/** metav1.Condition. */
export type MetaCondition = Condition & { observedGeneration?: number; message: string; reason: string };

/** intstr.GetScaledValueFromIntOrPercent; an invalid value is an error, as in Go. */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  const exact = (Number.parseInt(m[1] as string, 10) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** getExpectedPodCount: expected pods and desired healthy, given the scale finder for percentages and maxUnavailable. */
export async function expectedPodCount(pdb: PodDisruptionBudget, pods: readonly Pod[], expectedScale: () => Promise<number>): Promise<{ expectedCount: number; desiredHealthy: number }> {
  const { maxUnavailable, minAvailable } = pdb.spec ?? {};
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    const expectedCount = await expectedScale();
    return { expectedCount, desiredHealthy: Math.max(0, expectedCount - scaledValue(maxUnavailable, expectedCount, true)) };
  }
  if (minAvailable !== undefined && minAvailable !== null) {
    if (typeof minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: minAvailable };
    const expectedCount = await expectedScale();
    return { expectedCount, desiredHealthy: scaledValue(minAvailable, expectedCount, true) };
  }
  return { expectedCount: 0, desiredHealthy: 0 };
}

/** countHealthyPods: Ready pods, not being deleted, not awaiting their eviction. */
export function countHealthy(pods: readonly Pod[], disrupted: Readonly<Record<string, string>>, now: number): number {
  let n = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disrupted[pod.metadata.name ?? ''];
    if (at !== undefined && Date.parse(at) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) n++;
  }
  return n;
}

/** buildDisruptedPodMap: the evictions still awaited, the pods evicted but not deleted in time, and when to look again. */
export function disruptedPodMap(pods: readonly Pod[], pdb: PodDisruptionBudget, now: number): { disrupted: Record<string, string>; overdue: Pod[]; recheckAt?: number } {
  const given = pdb.status?.disruptedPods;
  const disrupted: Record<string, string> = {};
  const overdue: Pod[] = [];
  let recheckAt: number | undefined;
  if (!given) return { disrupted, overdue };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = given[pod.metadata.name ?? ''];
    if (at === undefined) continue;
    const expected = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expected < now) overdue.push(pod);
    else {
      if (recheckAt === undefined || expected < recheckAt) recheckAt = expected;
      disrupted[pod.metadata.name ?? ''] = at;
    }
  }
  return { disrupted, overdue, recheckAt };
}

/** apimeta.SetStatusCondition: the transition time changes only with the status. */
export function setCondition(conditions: readonly MetaCondition[] | undefined, next: Omit<MetaCondition, 'lastTransitionTime'>, now: number): MetaCondition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const old = list[i];
  if (old === undefined) list.push({ ...next, lastTransitionTime: rfc3339(now) });
  else list[i] = { ...old, ...next, lastTransitionTime: old.status === next.status && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(now) };
  return list;
}

/** UpdateDisruptionAllowedCondition. */
export function withDisruptionCondition(status: NonNullable<PodDisruptionBudget['status']>, now: number): MetaCondition[] {
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  return setCondition(status.conditions as MetaCondition[] | undefined, { type: DISRUPTION_ALLOWED, status: allowed ? 'True' : 'False', reason: allowed ? SUFFICIENT_PODS : INSUFFICIENT_PODS, message: '', observedGeneration: status.observedGeneration ?? 0 }, now);
}

/** ConditionsAreUpToDate. */
export function conditionsUpToDate(pdb: PodDisruptionBudget): boolean {
  const c = (pdb.status?.conditions ?? []).find((x) => x.type === DISRUPTION_ALLOWED);
  if (!c) return false;
  if ((pdb.status?.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  return (pdb.status?.disruptionsAllowed ?? 0) > 0 ? c.status === 'True' && c.reason === SUFFICIENT_PODS : c.status === 'False' && c.reason === INSUFFICIENT_PODS;
}

/** A *metav1.LabelSelector as `%v` prints it (its gogo-protobuf String()). */
export function selectorString(sel: LabelSelector | undefined): string {
  if (!sel) return 'nil';
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels?.[k] ?? ''},`)
    .join('');
  const exprs = (sel.matchExpressions ?? []).map((r) => `LabelSelectorRequirement{Key:${r.key},Operator:${r.operator},Values:[${(r.values ?? []).join(' ')}],},`).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
