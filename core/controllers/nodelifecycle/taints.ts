/**
 * Taints and tolerations as the node lifecycle and taint eviction controllers use them
 * (k8s.io/api core/v1 Taint.MatchTaint and Toleration.ToleratesTaint, pkg/util/taints,
 * v1helper.GetMatchingTolerations, controller.AddOrUpdateTaintOnNode / RemoveTaintOffNode,
 * the node lifecycle controller's condition → taint map).
 */
import { isStatusError } from '../../api/status';
import type { Node, Taint, Toleration } from '../../api/types';
import type { Client } from '../../client/client';
import { getLive } from '../util/live';
import { timestamp } from '../util/pods';

/** `node.kubernetes.io/not-ready`: the kubelet reports Ready=False. */
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
/** `node.kubernetes.io/unreachable`: the node controller set Ready=Unknown (no heartbeat). */
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** `node.kubernetes.io/unschedulable`: the node is cordoned. */
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** UnreachableTaintTemplate. */
export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
/** NotReadyTaintTemplate. */
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap: which condition status gives which NoSchedule taint. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

/** The taint keys the controller manages from node conditions (taintKeyToNodeConditionMap). */
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

/** Taint.MatchTaint: same key and effect. */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** taintutils.TaintExists. */
export function taintExists(taints: Taint[] | undefined, t: Taint): boolean {
  return (taints ?? []).some((x) => matchTaint(x, t));
}

/** Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator ?? '';
  if (op === '' || op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return op === 'Exists';
}

/**
 * v1helper.GetMatchingTolerations: whether every taint is tolerated, and for each taint the first
 * toleration that tolerates it.
 */
export function matchingTolerations(taints: Taint[], tolerations: Toleration[] | undefined): { all: boolean; used: Toleration[] } {
  if (taints.length === 0) return { all: true, used: [] };
  const tols = tolerations ?? [];
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tols.find((x) => toleratesTaint(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** getMinTolerationTime, in ms: 0 when nothing tolerates, -1 when tolerated forever. */
export function minTolerationMs(tolerations: Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1000;
}

/** The NoExecute taints of a list (getNoExecuteTaints). */
export function noExecuteTaints(taints: Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** The NoSchedule taints a node's conditions and `unschedulable` call for (doNoScheduleTaintingPass). */
export function conditionTaints(node: Node): Taint[] {
  const out: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) out.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/** The node's NoSchedule taints that the controller manages (from conditions, or cordoning). */
export function managedNoScheduleTaints(node: Node): Taint[] {
  return (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
}

/** taintutils.TaintSetDiff: the taints of `want` not in `have`, and of `have` not in `want`. */
export function taintSetDiff(want: Taint[], have: Taint[]): { add: Taint[]; remove: Taint[] } {
  return { add: want.filter((t) => !taintExists(have, t)), remove: have.filter((t) => !taintExists(want, t)) };
}

/**
 * SwapNodeControllerTaint: adds the taints of `add` the node lacks (with `timeAdded` = now) and
 * removes every taint matching `remove` (same key and effect), re-reading the node on a conflict.
 * Resolves with whether the node was changed.
 */
export async function swapNodeTaints(client: Client, nodeName: string, add: Taint[], remove: Taint[], now: number): Promise<boolean> {
  const stamped = add.map((t) => ({ ...t, timeAdded: timestamp(now) }));
  for (let attempt = 0; ; attempt++) {
    const node = await getLive<Node>(client, { resource: 'nodes', name: nodeName });
    if (!node) return false;
    const current = node.spec?.taints ?? [];
    // A taint already there (same key and effect) keeps its timeAdded: nothing to write then.
    const missing = stamped.filter((t) => !current.some((c) => matchTaint(c, t)));
    const next = [...current.filter((t) => !remove.some((r) => matchTaint(r, t))), ...missing];
    if (missing.length === 0 && next.length === current.length) return false;
    const spec = { ...node.spec };
    if (next.length > 0) spec.taints = next;
    else delete spec.taints;
    try {
      await client.update<Node>({ resource: 'nodes', name: nodeName }, { ...node, spec });
      return true;
    } catch (e) {
      if (!isStatusError(e, 'Conflict') || attempt >= 4) throw e;
    }
  }
}
