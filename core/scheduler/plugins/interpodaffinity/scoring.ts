/**
 * InterPodAffinity's PreScore and Score: per topology domain, the weights of the incoming
 * pod's preferred (anti-)affinity terms that existing pods match, plus existing pods' required
 * affinity terms (hard weight 1) and preferred (anti-)affinity terms that the incoming pod
 * matches; a node scores its domains' sums, normalised min–max to 0..100.
 */
import type { NodeInfo } from '../../framework/nodeInfo';
import { termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../../framework/podInfo';
import { MAX_NODE_SCORE, SKIP, type CycleState, type Handle, type Status } from '../../framework/types';

const PRESCORE_KEY = 'PreScoreInterPodAffinity';
/** args.HardPodAffinityWeight's default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

type TopologyScore = Map<string, Map<string, number>>;

function add(m: TopologyScore, term: AffinityTerm, weight: number, podToCheck: PodInfo, nsLabels: Record<string, string> | undefined, node: NodeInfo, mult: number): void {
  if (!termMatches(term, podToCheck.pod, nsLabels)) return;
  const v = node.labels[term.topologyKey];
  if (v === undefined) return;
  let byValue = m.get(term.topologyKey);
  if (!byValue) m.set(term.topologyKey, (byValue = new Map()));
  byValue.set(v, (byValue.get(v) ?? 0) + weight * mult);
}

function addAll(m: TopologyScore, terms: readonly WeightedAffinityTerm[], podToCheck: PodInfo, nsLabels: Record<string, string> | undefined, node: NodeInfo, mult: number): void {
  for (const t of terms) add(m, t, t.weight, podToCheck, nsLabels, node, mult);
}

function hasAffinity(p: PodInfo): boolean {
  return p.requiredAffinityTerms.length + p.requiredAntiAffinityTerms.length + p.preferredAffinityTerms.length + p.preferredAntiAffinityTerms.length > 0;
}

/** PreScore. */
export function preScoreAffinity(handle: Handle, state: CycleState, pod: PodInfo): Status | undefined {
  const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
  const nodes = handle.nodes().filter((n) => hasConstraints || n.podsWithAffinity > 0);
  if (nodes.length === 0) return SKIP;
  const m: TopologyScore = new Map();
  const ownNs = handle.namespace(pod.namespace)?.metadata.labels;
  for (const node of nodes) {
    if (Object.keys(node.labels).length === 0) continue;
    for (const existing of node.pods.values()) {
      if (!hasConstraints && !hasAffinity(existing)) continue;
      const existingNs = handle.namespace(existing.namespace)?.metadata.labels;
      addAll(m, pod.preferredAffinityTerms, existing, existingNs, node, 1);
      addAll(m, pod.preferredAntiAffinityTerms, existing, existingNs, node, -1);
      for (const t of existing.requiredAffinityTerms) add(m, t, HARD_POD_AFFINITY_WEIGHT, pod, ownNs, node, 1);
      addAll(m, existing.preferredAffinityTerms, pod, ownNs, node, 1);
      addAll(m, existing.preferredAntiAffinityTerms, pod, ownNs, node, -1);
    }
  }
  state.set(PRESCORE_KEY, m);
  return undefined;
}

/** Score. */
export function scoreAffinity(state: CycleState, node: NodeInfo): number {
  const m = state.get(PRESCORE_KEY) as TopologyScore;
  let score = 0;
  for (const [key, byValue] of m) {
    const v = node.labels[key];
    if (v !== undefined) score += byValue.get(v) ?? 0;
  }
  return score;
}

/** NormalizeScore: min–max to 0..100. */
export function normalizeAffinity(scores: number[]): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) {
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const diff = max - min;
  for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((MAX_NODE_SCORE * ((scores[i] as number) - min)) / diff) : 0;
}
