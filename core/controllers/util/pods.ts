/**
 * Pod helpers shared by the workload controllers, after k8s.io/kubernetes pkg/api/v1/pod
 * (IsPodReady, IsPodAvailable) and pkg/controller/controller_utils.go (IsPodActive,
 * GetPodFromTemplate, the ranking of pods to delete).
 */
import { rfc3339 } from '../../api/duration';
import type { KubeObject, OwnerReference, Pod, PodTemplateSpec } from '../../api/types';

/** Whether the pod is neither finished nor being deleted (controller.IsPodActive). */
export function isPodActive(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** Whether the pod is terminating (has a deletionTimestamp). */
export function isPodTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** Whether the pod's Ready condition is True (podutil.IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** When the pod last became Ready (ms), if it is Ready. */
export function readySince(pod: Pod): number | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

/** Whether the pod has been Ready for at least `minReadySeconds` at `now` (podutil.IsPodAvailable). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = readySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}

/** A deep copy of a JSON value. */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * A new pod from a controller's template (controller.GetPodFromTemplate): the template's
 * labels, annotations, finalizers and spec, `generateName: <prefix>` (or a fixed name), and
 * the controller reference.
 */
export function podFromTemplate(template: PodTemplateSpec, namespace: string, ref: OwnerReference, name: { generateName?: string; name?: string }): Pod {
  const md = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(name.name ? { name: name.name } : { generateName: name.generateName }),
      namespace,
      ...(md.labels ? { labels: { ...md.labels } } : {}),
      ...(md.annotations ? { annotations: { ...md.annotations } } : {}),
      ...(md.finalizers ? { finalizers: [...md.finalizers] } : {}),
      ownerReferences: [ref],
    },
    spec: clone(template.spec),
  };
  return pod;
}

/** The name prefix of a controller's pods: `<name>-`, cut to leave room for the 5-character suffix (names ≤ 63). */
export function podNamePrefix(controllerName: string): string {
  const prefix = `${controllerName}-`;
  return prefix.length > 58 ? prefix.slice(0, 58) : prefix;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Orders pods for deletion as controller.ActivePods does (the first is deleted first):
 * unassigned < assigned; Pending < Unknown < Running; not ready < ready; more recently ready
 * first; more restarts first; newer first.
 */
export function compareForDeletion(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phase = (p: Pod) => PHASE_RANK[p.status?.phase ?? 'Pending'] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  const ra = readySince(a) ?? 0;
  const rb = readySince(b) ?? 0;
  if (ra !== rb) return rb - ra;
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: KubeObject) => Date.parse(p.metadata.creationTimestamp ?? '') || 0;
  return created(b) - created(a);
}

/** The RFC 3339 time of `ms` (for conditions and status times). */
export function timestamp(ms: number): string {
  return rfc3339(ms);
}
