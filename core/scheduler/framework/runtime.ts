/**
 * The framework runtime of one profile (frameworkruntime + schedule_one.go's schedulePod):
 * PreFilter, then Filter over the nodes from a round-robin start until
 * `numFeasibleNodesToFind` fit (percentageOfNodesToScore, adaptive), the pod's nominated node
 * first; then PreScore, Score, NormalizeScore and the plugin weights, and the host with the
 * highest total (ties broken at random, as selectHost's reservoir sampling).
 */
import type { Random } from '../../clock/random';
import { ERR_NO_NODES_AVAILABLE } from './fitError';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import { Status, type CycleState, type FilterPlugin, type Handle, type NodeStatuses, type PreFilterPlugin, type PreFilterResult, type PreScorePlugin, type ScorePlugin } from './types';

/** A Score plugin with its weight in the profile. */
export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}

/** The plugins of a profile, per extension point, in order. */
export interface Profile {
  preFilter: PreFilterPlugin[];
  filter: FilterPlugin[];
  preScore: PreScorePlugin[];
  score: WeightedScorePlugin[];
}

/** Below this many nodes every node is looked at (minFeasibleNodesToFind). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** The smallest adaptive percentage (minFeasibleNodesPercentageToFind). */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** How many feasible nodes to find before scoring (numFeasibleNodesToFind, adaptive percentage). */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage <= 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** The scores of the feasible nodes, per plugin (for the explanation). */
export interface ScoreTable {
  plugins: string[];
  weights: number[];
  raw: number[][];
  normalized: number[][];
  totals: number[];
}

/** What one run of the algorithm decided. */
export interface ScheduleResult {
  state: CycleState;
  /** Every node at the time (the cache's array). */
  allNodes: readonly NodeInfo[];
  /** The nodes PreFilter allowed (all when it did not narrow them). */
  nodes: readonly NodeInfo[];
  numToFind: number;
  startIndex: number;
  /** How many of `nodes` were run through the filters. */
  processed: number;
  statuses: NodeStatuses;
  /** The plugins that rejected a node (or the pod). */
  unschedulablePlugins: Set<string>;
  preFilterMsg?: string;
  skippedFilter: string[];
  skippedScore: string[];
  feasible: NodeInfo[];
  scores?: ScoreTable;
  selected?: NodeInfo;
  /** Set when the pod's nominated node was tried first and fit. */
  nominatedFit?: boolean;
  /** ErrNoNodesAvailable. */
  noNodes?: boolean;
}

/** The framework of the default profile. */
export class Framework {
  /** Where the next decision starts its walk over the nodes. */
  nextStartNodeIndex = 0;

  constructor(
    readonly profile: Profile,
    private readonly handle: Handle,
    private readonly random: Random,
    private readonly percentageOfNodesToScore = 0,
  ) {}

  /** Runs the filters on one node, with the pods nominated there that outrank the pod counted in. */
  runFilters(state: CycleState, pod: PodInfo, node: NodeInfo, skipped: ReadonlySet<string>): Status | undefined {
    return this.runActiveFilters(state, pod, node, skipped.size === 0 ? this.profile.filter : this.profile.filter.filter((f) => !skipped.has(f.name)));
  }

  /** runFilters with the filters PreFilter did not skip, chosen once per scheduling cycle. */
  private runActiveFilters(state: CycleState, pod: PodInfo, node: NodeInfo, filters: readonly FilterPlugin[]): Status | undefined {
    let info = node;
    const nominated = this.handle.nominatedPods(node.name);
    if (nominated.length) {
      const extra = nominated.filter((p) => p.key !== pod.key && p.priority >= pod.priority && !node.pods.has(p.key));
      if (extra.length) {
        info = node.clone();
        for (const p of extra) info.addPod(p);
      }
    }
    for (const f of filters) {
      const s = f.filter(state, pod, info);
      if (s && s.code !== 'Success') {
        s.plugin = f.name;
        return s;
      }
    }
    return undefined;
  }

  /** schedulePod: PreFilter, Filter, and when several nodes fit, PreScore, Score and selectHost. */
  schedule(pod: PodInfo): ScheduleResult {
    const state: CycleState = new Map();
    const allNodes = this.handle.nodes();
    const r: ScheduleResult = { state, allNodes, nodes: allNodes, numToFind: 0, startIndex: 0, processed: 0, statuses: { byNode: new Map() }, unschedulablePlugins: new Set(), skippedFilter: [], skippedScore: [], feasible: [] };
    if (allNodes.length === 0) {
      r.noNodes = true;
      r.statuses.absent = new Status('UnschedulableAndUnresolvable', [ERR_NO_NODES_AVAILABLE]);
      return r;
    }
    const skipped = new Set<string>();
    let allowed: Set<string> | undefined;
    const narrowing: string[] = [];
    for (const p of this.profile.preFilter) {
      const res = p.preFilter(state, pod);
      if (!res) continue;
      if (res instanceof Status) {
        if (res.code === 'Skip') {
          skipped.add(p.name);
          continue;
        }
        if (res.code === 'Success') continue;
        if (res.code === 'Error') throw new Error(`running PreFilter plugin "${p.name}": ${res.message}`);
        res.plugin = p.name;
        r.preFilterMsg = res.message;
        r.statuses.absent = res;
        r.unschedulablePlugins.add(p.name);
        return r;
      }
      const names = (res as PreFilterResult).nodeNames;
      narrowing.push(p.name);
      allowed = allowed ? new Set([...allowed].filter((n) => names.has(n))) : new Set(names);
      if (allowed.size === 0) {
        const msg = narrowing.length === 1 ? `node(s) didn't satisfy plugin ${narrowing[0]}` : `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}] simultaneously`;
        const s = new Status('UnschedulableAndUnresolvable', [msg]);
        s.plugin = p.name;
        r.preFilterMsg = msg;
        r.statuses.absent = s;
        for (const n of narrowing) r.unschedulablePlugins.add(n);
        return r;
      }
    }
    r.skippedFilter = [...skipped];
    if (allowed) {
      r.nodes = allNodes.filter((n) => allowed.has(n.name));
      r.statuses.absent = new Status('UnschedulableAndUnresolvable', [`node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}]`]);
    }
    // The nominated node first: if it fits, it is the one.
    const nominated = pod.pod.status?.nominatedNodeName;
    const nominatedInfo = nominated ? this.handle.nodeInfo(nominated) : undefined;
    if (nominatedInfo && (!allowed || allowed.has(nominatedInfo.name))) {
      const s = this.runFilters(state, pod, nominatedInfo, skipped);
      if (!s) {
        r.feasible = [nominatedInfo];
        r.selected = nominatedInfo;
        r.nominatedFit = true;
        r.processed = 1;
        return r;
      }
    }
    const nodes = r.nodes;
    const filters = skipped.size === 0 ? this.profile.filter : this.profile.filter.filter((f) => !skipped.has(f.name));
    r.numToFind = numFeasibleNodesToFind(nodes.length, this.percentageOfNodesToScore);
    r.startIndex = this.nextStartNodeIndex % nodes.length;
    let processed = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[(r.startIndex + i) % nodes.length] as NodeInfo;
      processed++;
      const s = this.runActiveFilters(state, pod, node, filters);
      if (s) {
        if (s.code === 'Error') throw new Error(`running Filter plugin "${s.plugin}": ${s.message}`);
        r.statuses.byNode.set(node.name, s);
        r.unschedulablePlugins.add(s.plugin);
        continue;
      }
      r.feasible.push(node);
      if (r.feasible.length >= r.numToFind) break;
    }
    r.processed = processed;
    this.nextStartNodeIndex = (r.startIndex + processed) % nodes.length;
    if (r.feasible.length === 0) return r;
    if (r.feasible.length === 1) {
      r.selected = r.feasible[0];
      return r;
    }
    this.prioritize(r, pod);
    return r;
  }

  private prioritize(r: ScheduleResult, pod: PodInfo): void {
    const skipped = new Set<string>();
    for (const p of this.profile.preScore) {
      const s = p.preScore(r.state, pod, r.feasible);
      if (!s) continue;
      if (s.code === 'Skip') skipped.add(p.name);
      else if (s.code !== 'Success') throw new Error(`running PreScore plugin "${p.name}": ${s.message}`);
    }
    r.skippedScore = [...skipped];
    const n = r.feasible.length;
    const table: ScoreTable = { plugins: [], weights: [], raw: [], normalized: [], totals: new Array<number>(n).fill(0) };
    for (const { plugin, weight } of this.profile.score) {
      if (skipped.has(plugin.name)) continue;
      const raw = new Array<number>(n);
      for (let i = 0; i < n; i++) raw[i] = plugin.score(r.state, pod, r.feasible[i] as NodeInfo);
      const normalized = raw.slice();
      plugin.normalize?.(r.state, pod, normalized, r.feasible);
      for (let i = 0; i < n; i++) table.totals[i] = (table.totals[i] as number) + (normalized[i] as number) * weight;
      table.plugins.push(plugin.name);
      table.weights.push(weight);
      table.raw.push(raw);
      table.normalized.push(normalized);
    }
    r.scores = table;
    // selectHost: the highest total; among equals, each has the same chance (reservoir sampling).
    let best = -1;
    let count = 0;
    let selected = 0;
    for (let i = 0; i < n; i++) {
      const t = table.totals[i] as number;
      if (t > best) {
        best = t;
        count = 1;
        selected = i;
      } else if (t === best) {
        count++;
        if (this.random.int(count) === 0) selected = i;
      }
    }
    r.selected = r.feasible[selected];
  }
}
