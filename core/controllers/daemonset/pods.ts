/**
 * The daemon pods of one node (pkg/controller/daemon): the pod made for a node
 * (util.CreatePodTemplate with ReplaceDaemonSetPodNodeNameNodeAffinity: the default scheduler
 * binds it to the node named by a required `metadata.name` node affinity), the node a pod is
 * meant for (GetTargetNodeName), and what to create and delete on a node (podsShouldBeOnNode).
 */
import type { DaemonSet, Node, Pod, PodTemplateSpec } from '../../api/types';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/revisions';
import { clone, isPodAvailable, isPodReady } from '../util/pods';
import { addDaemonTolerations, nodeShouldRunDaemonPod } from './eligibility';

/** The label of daemon pods carrying the template generation (extensions.DaemonSetTemplateGenerationKey). */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** The annotation apps/v1 DaemonSets carry their template generation in. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** GetTemplateGeneration: the generation of the annotation, if it parses. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const text = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined;
  return Number.parseInt(text, 10);
}

/** CreatePodTemplate: the template with the daemon tolerations, the generation and hash labels. */
export function daemonPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const t = clone(ds.spec.template);
  addDaemonTolerations(t.spec);
  const md = (t.metadata ??= {});
  const labels = (md.labels ??= {});
  const generation = templateGeneration(ds);
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  return t;
}

interface NodeAffinityShape {
  nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchExpressions?: unknown[]; matchFields?: { key: string; operator: string; values?: string[] }[] }[] }; [k: string]: unknown };
  [k: string]: unknown;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes the one term `metadata.name In [node]`. Mutates and returns `template`. */
export function pinToNode(template: PodTemplateSpec, nodeName: string): PodTemplateSpec {
  const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] };
  const affinity = ((template.spec['affinity'] as NodeAffinityShape | undefined) ?? {}) as NodeAffinityShape;
  const nodeAffinity = (affinity.nodeAffinity ??= {});
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { ...(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution ?? {}), nodeSelectorTerms: [term] };
  template.spec['affinity'] = affinity;
  return template;
}

/** GetTargetNodeName: `spec.nodeName`, else the node of the pod's `metadata.name` node affinity. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const affinity = pod.spec['affinity'] as NodeAffinityShape | undefined;
  for (const term of affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/** IsPodUpdated: the pod has the current hash, or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const generationMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || generationMatches;
}

const created = (p: Pod) => Date.parse(p.metadata.creationTimestamp ?? '') || 0;

/** podByCreationTimestampAndPhase: scheduled first, then oldest first, then by name. */
export function byCreation(a: Pod, b: Pod): number {
  const sa = a.spec.nodeName ? 0 : 1;
  const sb = b.spec.nodeName ? 0 : 1;
  if (sa !== sb) return sa - sb;
  if (created(a) !== created(b)) return created(a) - created(b);
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** The outcome of podsShouldBeOnNode. */
export interface NodePlan {
  /** Create a pod on this node. */
  create: boolean;
  /** Pods (names) to delete, with the event a failed or succeeded pod is reported with. */
  delete: string[];
  events: { type: 'Normal' | 'Warning'; reason: string; message: string }[];
}

/** podsShouldBeOnNode: what the manage loop does on one node (surge when `surge`). */
export function podsShouldBeOnNode(node: Node, ds: DaemonSet, daemonPods: readonly Pod[] | undefined, hash: string, surge: boolean, now: number): NodePlan {
  const plan: NodePlan = { create: false, delete: [], events: [] };
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const nodeName = node.metadata.name ?? '';
  const ns = ds.metadata.namespace ?? '';
  if (shouldRun && !daemonPods) {
    plan.create = true;
    return plan;
  }
  if (shouldContinueRunning) {
    const running: Pod[] = [];
    for (const pod of daemonPods ?? []) {
      if (pod.metadata.deletionTimestamp) continue;
      const phase = pod.status?.phase;
      if (phase === 'Failed') {
        plan.events.push({ type: 'Warning', reason: 'FailedDaemonPod', message: `Found failed daemon pod ${ns}/${pod.metadata.name ?? ''} on node ${nodeName}, will try to kill it` });
        plan.delete.push(pod.metadata.name ?? '');
      } else if (phase === 'Succeeded') {
        plan.events.push({ type: 'Normal', reason: 'SucceededDaemonPod', message: `Found succeeded daemon pod ${ns}/${pod.metadata.name ?? ''} on node ${nodeName}, will try to delete it` });
        plan.delete.push(pod.metadata.name ?? '');
      } else {
        running.push(pod);
      }
    }
    running.sort(byCreation);
    if (!surge) {
      // Without surge, only the oldest pod stays.
      for (const extra of running.slice(1)) plan.delete.push(extra.metadata.name ?? '');
      if (running.length === 0 && shouldRun) plan.create = true;
      return plan;
    }
    if (running.length <= 1) {
      if (running.length === 0 && shouldRun) plan.create = true;
      return plan;
    }
    // Surging: keep the oldest new pod, and the oldest old pod until the new one is available.
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const pod of running) {
      const isNew = pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
      if (isNew && !oldestNew) oldestNew = pod;
      else if (!isNew && !oldestOld) oldestOld = pod;
      else plan.delete.push(pod.metadata.name ?? '');
    }
    if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, now))) {
      plan.delete.push(oldestOld.metadata.name ?? '');
    }
    return plan;
  }
  // Not supposed to run here: every daemon pod on the node goes.
  for (const pod of daemonPods ?? []) if (!pod.metadata.deletionTimestamp) plan.delete.push(pod.metadata.name ?? '');
  return plan;
}
