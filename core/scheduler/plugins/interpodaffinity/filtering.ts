/**
 * InterPodAffinity's PreFilter and Filter: the counts of matching pods per topology domain
 * (for the incoming pod's required affinity and anti-affinity terms, and for existing pods'
 * anti-affinity terms that match the incoming pod), then per node: every affinity term must
 * find a matching pod in the node's domain (unless no pod matches anywhere and the pod matches
 * its own terms: the first of a group), no anti-affinity term may, and no existing pod's.
 */
import type { NodeInfo } from '../../framework/nodeInfo';
import { termMatches, type AffinityTerm, type PodInfo } from '../../framework/podInfo';
import { SKIP, unresolvable, unschedulable, type CycleState, type Handle, type Status } from '../../framework/types';

/** Reason: no pod matching the pod's affinity terms runs in the node's domain. */
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
/** Reason: a pod matching the pod's anti-affinity terms runs in the node's domain. */
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
/** Reason: a pod in the node's domain has anti-affinity to the incoming pod. */
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

/** The PreFilter state. */
export interface AffinityPreFilterState {
  existingAntiAffinityCounts: Map<string, number>;
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
}

/** The state key. */
export const PREFILTER_KEY = 'PreFilterInterPodAffinity';

/** A topology pair's key. */
export function pair(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function bump(m: Map<string, number>, node: NodeInfo, key: string, by: number): void {
  const v = node.labels[key];
  if (v === undefined) return;
  const k = pair(key, v);
  m.set(k, (m.get(k) ?? 0) + by);
}

/** Whether `pod` matches every term. */
export function podMatchesAllAffinityTerms(terms: readonly AffinityTerm[], pod: PodInfo, nsLabels: Record<string, string> | undefined): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod.pod, nsLabels)) return false;
  return true;
}

/** PreFilter: builds the counts, or SKIP when no term is involved. */
export function preFilterAffinity(handle: Handle, state: CycleState, pod: PodInfo): Status | undefined {
  const nodes = handle.nodes();
  const hasOwn = pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0;
  let anyExisting = false;
  for (const n of nodes) if (n.podsWithRequiredAntiAffinity > 0) anyExisting = true;
  if (!hasOwn && !anyExisting) return SKIP;
  const nsLabels = (ns: string) => handle.namespace(ns)?.metadata.labels;
  const s: AffinityPreFilterState = { existingAntiAffinityCounts: new Map(), affinityCounts: new Map(), antiAffinityCounts: new Map() };
  const ownNsLabels = nsLabels(pod.namespace);
  for (const node of nodes) {
    if (node.podsWithRequiredAntiAffinity > 0) {
      for (const existing of node.pods.values()) {
        for (const t of existing.requiredAntiAffinityTerms) if (termMatches(t, pod.pod, ownNsLabels)) bump(s.existingAntiAffinityCounts, node, t.topologyKey, 1);
      }
    }
    if (!hasOwn) continue;
    for (const existing of node.pods.values()) {
      const labels = nsLabels(existing.namespace);
      if (podMatchesAllAffinityTerms(pod.requiredAffinityTerms, existing, labels)) for (const t of pod.requiredAffinityTerms) bump(s.affinityCounts, node, t.topologyKey, 1);
      for (const t of pod.requiredAntiAffinityTerms) if (termMatches(t, existing.pod, labels)) bump(s.antiAffinityCounts, node, t.topologyKey, 1);
    }
  }
  state.set(PREFILTER_KEY, s);
  return undefined;
}

/** Filter. */
export function filterAffinity(handle: Handle, state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined {
  const s = state.get(PREFILTER_KEY) as AffinityPreFilterState | undefined;
  if (!s) return undefined;
  if (!satisfyPodAffinity(handle, s, pod, node)) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
  for (const t of pod.requiredAntiAffinityTerms) {
    const v = node.labels[t.topologyKey];
    if (v !== undefined && (s.antiAffinityCounts.get(pair(t.topologyKey, v)) ?? 0) > 0) return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
  }
  if (s.existingAntiAffinityCounts.size > 0) {
    for (const [k, v] of Object.entries(node.labels)) {
      if ((s.existingAntiAffinityCounts.get(pair(k, v)) ?? 0) > 0) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
    }
  }
  return undefined;
}

function satisfyPodAffinity(handle: Handle, s: AffinityPreFilterState, pod: PodInfo, node: NodeInfo): boolean {
  let podsExist = true;
  for (const t of pod.requiredAffinityTerms) {
    const v = node.labels[t.topologyKey];
    if (v === undefined) return false;
    if ((s.affinityCounts.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere that has the topologies.
  return s.affinityCounts.size === 0 && podMatchesAllAffinityTerms(pod.requiredAffinityTerms, pod, handle.namespace(pod.namespace)?.metadata.labels);
}
