/**
 * Preemption's dry run (preemption.Evaluator + DefaultPreemption.SelectVictimsOnNode): on each
 * node where a plugin said Unschedulable, remove every pod of lower priority; if the pod then
 * fits, put them back one by one — PDB-protected ones first, highest priority first — keeping
 * back each one whose return stops the pod from fitting: those are the victims. The best
 * candidate has the fewest PDB violations, then the lowest highest victim priority, the
 * lowest priority sum, the fewest victims, the latest start.
 */
import type { Pod, PodDisruptionBudget } from '../../../api/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { compileLabelSelector } from '../../framework/selectors';
import { Status, type CycleState } from '../../framework/types';

/** Reason: nothing of lower priority runs on the node. */
export const ERR_NO_VICTIMS = 'No preemption victims found for incoming pod';

/** A node where preemption would make room, and the pods it would cost. */
export interface Candidate {
  node: string;
  victims: PodInfo[];
  pdbViolations: number;
}

/** Runs the filters on a (changed) copy of a node. */
export type NodeFilter = (state: CycleState, pod: PodInfo, node: NodeInfo) => Status | undefined;

function startTime(p: Pod): number {
  return Date.parse(p.status?.startTime ?? p.metadata.creationTimestamp ?? '') || 0;
}

/** util.MoreImportantPod: higher priority, then started earlier. */
export function moreImportant(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return startTime(a.pod) - startTime(b.pod);
}

/** Splits pods into those whose eviction would violate a PDB and the others (filterPodsWithPDBViolation). */
export function splitByPDB(pods: PodInfo[], pdbs: readonly PodDisruptionBudget[]): { violating: PodInfo[]; nonViolating: PodInfo[] } {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const selectors = pdbs.map((p) => (p.spec.selector && (Object.keys(p.spec.selector.matchLabels ?? {}).length || (p.spec.selector.matchExpressions ?? []).length) ? compileLabelSelector(p.spec.selector) : undefined));
  const violating: PodInfo[] = [];
  const nonViolating: PodInfo[] = [];
  for (const p of pods) {
    let violates = false;
    pdbs.forEach((pdb, i) => {
      if (pdb.metadata.namespace !== p.namespace) return;
      const sel = selectors[i];
      if (!sel || !sel(p.pod.metadata.labels)) return;
      if (pdb.status?.disruptedPods?.[p.pod.metadata.name ?? '']) return;
      allowed[i] = (allowed[i] as number) - 1;
      if ((allowed[i] as number) < 0) violates = true;
    });
    (violates ? violating : nonViolating).push(p);
  }
  return { violating, nonViolating };
}

/** SelectVictimsOnNode on a copy of the node: the victims, or why there are none. */
export function selectVictimsOnNode(state: CycleState, pod: PodInfo, node: NodeInfo, pdbs: readonly PodDisruptionBudget[], filter: NodeFilter): Candidate | Status {
  const potential: PodInfo[] = [];
  for (const p of [...node.pods.values()]) {
    if (p.priority < pod.priority) {
      potential.push(p);
      node.removePod(p.key);
    }
  }
  if (potential.length === 0) return new Status('UnschedulableAndUnresolvable', [ERR_NO_VICTIMS]);
  const s = filter(state, pod, node);
  if (s) return s;
  potential.sort(moreImportant);
  const { violating, nonViolating } = splitByPDB(potential, pdbs);
  const victims: PodInfo[] = [];
  let pdbViolations = 0;
  const reprieve = (p: PodInfo): boolean => {
    node.addPod(p);
    if (!filter(state, pod, node)) return true;
    node.removePod(p.key);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) pdbViolations++;
  for (const p of nonViolating) reprieve(p);
  if (victims.length === 0) return new Status('Error', [`expected at least one victim pod on node "${node.name}"`]);
  return { node: node.name, victims, pdbViolations };
}

/** pickOneNodeForPreemption. */
export function pickCandidate(candidates: Candidate[]): Candidate | undefined {
  const highest = (c: Candidate) => Math.max(...c.victims.map((v) => v.priority));
  const sum = (c: Candidate) => c.victims.reduce((s, v) => s + v.priority + 2 ** 31, 0);
  const earliestOfHighest = (c: Candidate) => {
    const h = highest(c);
    return Math.min(...c.victims.filter((v) => v.priority === h).map((v) => startTime(v.pod)));
  };
  let list = candidates;
  const keepMin = (f: (c: Candidate) => number) => {
    const m = Math.min(...list.map(f));
    list = list.filter((c) => f(c) === m);
  };
  keepMin((c) => c.pdbViolations);
  keepMin(highest);
  keepMin(sum);
  keepMin((c) => c.victims.length);
  keepMin((c) => -earliestOfHighest(c));
  return list[0];
}
