/**
 * PodTopologySpread's PreScore and Score for ScheduleAnyway constraints (the pod's own, or the
 * system defaults): a node scores Σ (matching pods in its domain × log(domains + 2) + maxSkew −
 * 1); fewer is better, so the normalisation is `100 × (max + min − s) / max`.
 */
import { LABEL_HOSTNAME } from '../../framework/api';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, SKIP, type CycleState, type Handle, type Status } from '../../framework/types';
import { countMatching, defaultConstraints, explicitConstraints, hasAllKeys, nodeIncluded, type Constraint } from './common';

const KEY = 'PreScorePodTopologySpread';

interface ScoreState {
  constraints: Constraint[];
  ignored: Set<string>;
  /** Per constraint (non-hostname keys): domain value → matching pods. */
  counts: Map<string, number>[];
  weights: number[];
}

/** PreScore over the nodes that passed the filters. */
export function preScoreSpread(handle: Handle, state: CycleState, pod: PodInfo, filtered: readonly NodeInfo[]): Status | undefined {
  let constraints = explicitConstraints(pod, 'ScheduleAnyway');
  const hasExplicit = (pod.pod.spec.topologySpreadConstraints as unknown[] | undefined)?.length ?? 0;
  let systemDefaulted = false;
  if (hasExplicit === 0) {
    constraints = defaultConstraints(handle, pod);
    systemDefaulted = true;
  }
  if (constraints.length === 0) return SKIP;
  const requireAll = !systemDefaulted;
  const ignored = new Set<string>();
  const counts = constraints.map(() => new Map<string, number>());
  for (const node of filtered) {
    if (requireAll && !hasAllKeys(node, constraints)) {
      ignored.add(node.name);
      continue;
    }
    constraints.forEach((c, i) => {
      const v = node.labels[c.topologyKey];
      if (c.topologyKey !== LABEL_HOSTNAME && v !== undefined) (counts[i] as Map<string, number>).set(v, 0);
    });
  }
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? filtered.length - ignored.size : (counts[i] as Map<string, number>).size) + 2));
  for (const node of handle.nodes()) {
    if (requireAll && !hasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME || !nodeIncluded(c, pod, node)) return;
      const v = node.labels[c.topologyKey];
      const m = counts[i] as Map<string, number>;
      if (v === undefined || !m.has(v)) return;
      m.set(v, (m.get(v) as number) + countMatching(node, c, pod.namespace));
    });
  }
  state.set(KEY, { constraints, ignored, counts, weights } satisfies ScoreState);
  return undefined;
}

/** Score. */
export function scoreSpread(state: CycleState, pod: PodInfo, node: NodeInfo): number {
  const s = state.get(KEY) as ScoreState;
  if (s.ignored.has(node.name)) return 0;
  let score = 0;
  s.constraints.forEach((c, i) => {
    const v = node.labels[c.topologyKey];
    if (v === undefined) return;
    const cnt = c.topologyKey === LABEL_HOSTNAME ? countMatching(node, c, pod.namespace) : ((s.counts[i] as Map<string, number>).get(v) ?? 0);
    score += cnt * (s.weights[i] as number) + (c.maxSkew - 1);
  });
  return Math.round(score);
}

/** NormalizeScore. */
export function normalizeSpread(state: CycleState, scores: number[], nodes: readonly NodeInfo[]): void {
  const s = state.get(KEY) as ScoreState;
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let i = 0; i < scores.length; i++) {
    if (s.ignored.has((nodes[i] as NodeInfo).name)) continue;
    const v = scores[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  for (let i = 0; i < scores.length; i++) {
    if (s.ignored.has((nodes[i] as NodeInfo).name)) scores[i] = 0;
    else if (max === 0) scores[i] = MAX_NODE_SCORE;
    else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - (scores[i] as number))) / max);
  }
}
