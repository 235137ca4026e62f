/**
 * The filter and score plugins of this first slice, each named and worded as its
 * kube-scheduler counterpart (NodeName, NodeUnschedulable, TaintToleration, NodeResourcesFit
 * for the pod count, LeastAllocated on pods).
 */
import type { Taint, Toleration } from '../../api/types';
import type { FilterPlugin, ScorePlugin } from '../framework';

/** Reason: the pod asks for another node by name. */
export const ERR_NODE_NAME = "node(s) didn't match the requested node name";
/** Reason: the node's labels do not satisfy the pod's nodeSelector. */
export const ERR_NODE_SELECTOR = "node(s) didn't match Pod's node affinity/selector";
/** Reason: the node is cordoned. */
export const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';
/** Reason: too many pods on the node. */
export const ERR_TOO_MANY_PODS = 'Too many pods';

/** NodeName: `spec.nodeName` set by the user pins the node. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter: (pod, info) => (pod.spec.nodeName && pod.spec.nodeName !== info.node.metadata.name ? { reasons: [ERR_NODE_NAME], unresolvable: true } : undefined),
};

/**
 * NodeAffinity, for `spec.nodeSelector` (every key must equal the node's label; the affinity
 * terms come with the full scheduler).
 */
export const nodeSelector: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, info) {
    const labels = info.node.metadata.labels ?? {};
    const ok = Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
    return ok ? undefined : { reasons: [ERR_NODE_SELECTOR], unresolvable: true };
  },
};

/** NodeUnschedulable: cordoned nodes take no new pods (unless tolerated). */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, info) {
    if (!info.node.spec?.unschedulable) return undefined;
    const tolerated = (pod.spec.tolerations ?? []).some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }));
    return tolerated ? undefined : { reasons: [ERR_UNSCHEDULABLE], unresolvable: true };
  },
};

/** Whether a toleration tolerates a taint (v1helper.TolerationsTolerateTaint). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** TaintToleration: NoSchedule and NoExecute taints keep out pods that do not tolerate them. */
export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, info) {
    for (const taint of info.node.spec?.taints ?? []) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!(pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))) {
        return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
      }
    }
    return undefined;
  },
};

/** NodeResourcesFit, for the pod count (CPU and memory come with the resources work). */
export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(_pod, info) {
    const max = Number.parseInt(info.node.status?.allocatable?.pods ?? '110', 10);
    return info.pods.length + 1 > max ? { reasons: [ERR_TOO_MANY_PODS] } : undefined;
  },
};

/** LeastAllocated on the pod count: emptier nodes score higher. */
export const leastAllocatedPods: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(_pod, info) {
    const max = Number.parseInt(info.node.status?.allocatable?.pods ?? '110', 10) || 110;
    return Math.floor(((max - info.pods.length) * 100) / max);
  },
};
