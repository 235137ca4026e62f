/**
 * The scheduler's explanations: for each recent decision, per node and per plugin, why a node
 * was filtered out (plugin, code, reasons) or how it scored (raw, normalised, weight) and its
 * total; the nodes not looked at because enough had been found (percentageOfNodesToScore);
 * the winner, or the FitError message and what preemption did. Decisions are kept compact
 * (references to what the cycle computed) and expanded only when asked for; the most recent
 * `capacity` pods are kept.
 */
import { rfc3339 } from '../../api/duration';
import type { Code } from './types';
import type { ScheduleResult } from './runtime';
import type { NodeInfo } from './nodeInfo';

/** One plugin's score on a node. */
export interface PluginScore {
  raw: number;
  normalized: number;
  weight: number;
  /** normalized × weight. */
  weighted: number;
}

/** The outcome on one node. */
export interface NodeVerdict {
  node: string;
  /** Why the node was filtered out (unresolvable: preemption cannot help there). */
  filteredBy?: { plugin: string; code: Code; reasons: string[]; unresolvable: boolean };
  /** Per Score plugin, for nodes that passed the filters and were scored. */
  scores?: Record<string, PluginScore>;
  /** The weighted sum of the scores. */
  total?: number;
  /** The node fit and was chosen without scoring (the only feasible node, or the pod's nominated node). */
  feasible?: boolean;
}

/** Why a pod was placed where it was, or why it could not be. */
export interface Explanation {
  pod: string;
  uid?: string;
  time: string;
  /** Scheduling attempts so far. */
  attempt: number;
  result: 'Scheduled' | 'Unschedulable' | 'Error';
  numAllNodes: number;
  /** How many feasible nodes the filters looked for before scoring. */
  numFeasibleNodesToFind: number;
  /** Where the walk over the nodes started (round robin). */
  startIndex: number;
  /** A PreFilter plugin's rejection of the pod as a whole. */
  preFilter?: { plugin: string; message: string };
  /** The nodes looked at, in walk order. */
  verdicts: NodeVerdict[];
  /** The nodes not looked at because enough feasible nodes had been found. */
  notEvaluated: string[];
  /** Plugins that had nothing to do for this pod (PreFilter/PreScore Skip). */
  skipped: { filter: string[]; score: string[] };
  selected?: string;
  /** The FailedScheduling message. */
  message?: string;
  preemption?: { message?: string; nominatedNode?: string; victims?: string[] };
}

/** What is kept of one decision. */
export interface Decision {
  key: string;
  uid?: string;
  time: number;
  attempt: number;
  result: Explanation['result'];
  r: Omit<ScheduleResult, 'state'>;
  message?: string;
  preemption?: Explanation['preemption'];
}

/** Expands a decision. */
export function explainDecision(d: Decision): Explanation {
  const r = d.r;
  const verdicts: NodeVerdict[] = [];
  const feasible = new Map<string, number>();
  r.feasible.forEach((n, i) => feasible.set(n.name, i));
  const verdictFor = (node: NodeInfo): NodeVerdict => {
    const v: NodeVerdict = { node: node.name };
    const s = r.statuses.byNode.get(node.name) ?? (r.preFilterMsg ? r.statuses.absent : undefined);
    if (s) {
      v.filteredBy = { plugin: s.plugin, code: s.code, reasons: [...s.reasons], unresolvable: s.code === 'UnschedulableAndUnresolvable' };
      return v;
    }
    const i = feasible.get(node.name);
    if (i === undefined) return v;
    v.feasible = true;
    if (r.scores) {
      v.scores = {};
      r.scores.plugins.forEach((p, j) => {
        const normalized = (r.scores?.normalized[j] as number[])[i] as number;
        const weight = r.scores?.weights[j] as number;
        (v.scores as Record<string, PluginScore>)[p] = { raw: (r.scores?.raw[j] as number[])[i] as number, normalized, weight, weighted: normalized * weight };
      });
      v.total = r.scores.totals[i];
    }
    return v;
  };
  const notEvaluated: string[] = [];
  if (r.preFilterMsg || r.noNodes) {
    for (const n of r.allNodes) verdicts.push(verdictFor(n));
  } else if (r.nominatedFit && r.selected) {
    verdicts.push(verdictFor(r.selected));
    for (const n of r.nodes) if (n !== r.selected) notEvaluated.push(n.name);
  } else {
    const len = r.nodes.length;
    for (let i = 0; i < len; i++) {
      const n = r.nodes[(r.startIndex + i) % len] as NodeInfo;
      if (i < r.processed) verdicts.push(verdictFor(n));
      else notEvaluated.push(n.name);
    }
    const allowed = new Set(r.nodes.map((n) => n.name));
    for (const n of r.allNodes) {
      if (allowed.has(n.name)) continue;
      const s = r.statuses.absent;
      verdicts.push({ node: n.name, ...(s ? { filteredBy: { plugin: s.plugin, code: s.code, reasons: [...s.reasons], unresolvable: true } } : {}) });
    }
  }
  const e: Explanation = {
    pod: d.key,
    ...(d.uid ? { uid: d.uid } : {}),
    time: rfc3339(d.time),
    attempt: d.attempt,
    result: d.result,
    numAllNodes: r.allNodes.length,
    numFeasibleNodesToFind: r.numToFind,
    startIndex: r.startIndex,
    verdicts,
    notEvaluated,
    skipped: { filter: r.skippedFilter, score: r.skippedScore },
  };
  if (r.preFilterMsg && r.statuses.absent) e.preFilter = { plugin: r.statuses.absent.plugin, message: r.preFilterMsg };
  if (r.selected) e.selected = r.selected.name;
  if (d.message) e.message = d.message;
  if (d.preemption) e.preemption = d.preemption;
  return e;
}

/** The most recent decisions, one per pod. */
export class DecisionLog {
  private readonly decisions = new Map<string, Decision>();

  constructor(private readonly capacity = 1000) {}

  /** Keeps a decision (the pod's previous one is replaced). */
  record(d: Decision): void {
    this.decisions.delete(d.key);
    this.decisions.set(d.key, d);
    if (this.decisions.size > this.capacity) this.decisions.delete(this.decisions.keys().next().value as string);
  }

  /** The last decision about a pod. */
  get(key: string): Decision | undefined {
    return this.decisions.get(key);
  }
}
