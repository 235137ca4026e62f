/**
 * StatefulSet helpers (pkg/controller/statefulset/stateful_set_utils.go): ordinals and names
 * (`<set>-<ordinal>`, claims `<template>-<set>-<ordinal>`), a pod's identity (the
 * `statefulset.kubernetes.io/pod-name` and `apps.kubernetes.io/pod-index` labels, hostname and
 * subdomain) and storage (a volume per claim template), the revision of a pod, health, and the
 * revisions of a set (a patch of its template) with the pod of a given revision.
 */
import type { ControllerRevision, KubeObject, PersistentVolumeClaim, Pod, StatefulSet } from '../../api/types';
import { controllerRef } from '../util/controllerRef';
import { clone, isPodAvailable, isPodReady, podFromTemplate } from '../util/pods';
import { CONTROLLER_REVISION_HASH_LABEL, newControllerRevision, templateOf, templatePatch } from '../history/revisions';

/** apps.StatefulSetPodNameLabel. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps.PodIndexLabel (PodIndexLabel is on by default). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const POD_NAME = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: the set's name and the ordinal in a pod's name (ordinal -1 when none). */
export function parentAndOrdinal(pod: KubeObject): { parent: string; ordinal: number } {
  const m = POD_NAME.exec(pod.metadata.name ?? '');
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number.parseInt(m[2] as string, 10);
  return { parent: m[1] as string, ordinal: n <= 2147483647 ? n : -1 };
}

/** getOrdinal. */
export function ordinalOf(pod: KubeObject): number {
  return parentAndOrdinal(pod).ordinal;
}

/** getStartOrdinal: `spec.ordinals.start`, or 0. */
export function startOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

/** getEndOrdinal (inclusive). */
export function endOrdinal(set: StatefulSet): number {
  return startOrdinal(set) + (set.spec.replicas ?? 1) - 1;
}

/** podInOrdinalRange. */
export function inOrdinalRange(pod: KubeObject, set: StatefulSet): boolean {
  const o = ordinalOf(pod);
  return o >= startOrdinal(set) && o <= endOrdinal(set);
}

/** getPodName. */
export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name ?? ''}-${ordinal}`;
}

/** getPersistentVolumeClaimName. */
export function claimName(set: StatefulSet, template: KubeObject, ordinal: number): string {
  return `${template.metadata.name ?? ''}-${set.metadata.name ?? ''}-${ordinal}`;
}

/** isMemberOf: the pod's name says it belongs to the set. */
export function isMemberOf(set: StatefulSet, pod: KubeObject): boolean {
  return parentAndOrdinal(pod).parent === set.metadata.name;
}

/** identityMatches. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod);
  return ordinal >= 0 && parent === set.metadata.name && pod.metadata.name === podName(set, ordinal) && pod.metadata.namespace === set.metadata.namespace && pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name;
}

interface VolumeShape {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  [k: string]: unknown;
}

/** storageMatches: the pod has a volume for each claim template, with the right claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map(((pod.spec['volumes'] as VolumeShape[] | undefined) ?? []).map((v) => [v.name, v]));
  return (set.spec.volumeClaimTemplates ?? []).every((t) => volumes.get(t.metadata.name ?? '')?.persistentVolumeClaim?.claimName === claimName(set, t, ordinal));
}

/** getPersistentVolumeClaims: the claims of a pod, by template name. */
export function podClaims(set: StatefulSet, pod: KubeObject): Map<string, PersistentVolumeClaim> {
  const ordinal = ordinalOf(pod);
  const out = new Map<string, PersistentVolumeClaim>();
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const tmpl = clone(t) as PersistentVolumeClaim;
    const labels = tmpl.metadata.labels ? { ...tmpl.metadata.labels, ...(set.spec.selector?.matchLabels ?? {}) } : { ...(set.spec.selector?.matchLabels ?? {}) };
    const claim: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { ...tmpl.metadata, name: claimName(set, t, ordinal), namespace: set.metadata.namespace, labels },
      spec: tmpl.spec,
    };
    delete claim.metadata.creationTimestamp;
    out.set(t.metadata.name ?? '', claim);
  }
  return out;
}

/** updateStorage: a volume per claim (first), then the pod's other volumes. Mutates `pod`. */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const claims = podClaims(set, pod);
  const volumes: VolumeShape[] = [...claims].map(([name, claim]) => ({ name, persistentVolumeClaim: { claimName: claim.metadata.name ?? '' } }));
  for (const v of (pod.spec['volumes'] as VolumeShape[] | undefined) ?? []) if (!claims.has(v.name)) volumes.push(v);
  pod.spec['volumes'] = volumes;
}

/** updateIdentity: name, namespace and the identity labels. Mutates `pod`. */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = ordinalOf(pod);
  pod.metadata.name = podName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  const labels = (pod.metadata.labels ??= {});
  labels[POD_NAME_LABEL] = pod.metadata.name;
  labels[POD_INDEX_LABEL] = String(ordinal);
}

/** newStatefulSetPod: the pod of `ordinal` from the set's template, with identity, hostname, subdomain and storage. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): Pod {
  const pod = podFromTemplate(set.spec.template, set.metadata.namespace ?? '', controllerRef(set, 'apps/v1', 'StatefulSet'), { name: podName(set, ordinal) });
  updateIdentity(set, pod);
  pod.spec['hostname'] = pod.metadata.name;
  if (set.spec.serviceName) pod.spec['subdomain'] = set.spec.serviceName;
  updateStorage(set, pod);
  return pod;
}

/** getPodRevision: the pod's `controller-revision-hash` label. */
export function podRevision(pod: Pod): string {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}

/** newVersionedStatefulSetPod: the pod of `ordinal` at the current revision below the partition, else at the update revision. */
export function newVersionedPod(currentSet: StatefulSet, updateSet: StatefulSet, currentRevision: string, updateRevision: string, ordinal: number): Pod {
  const us = currentSet.spec.updateStrategy;
  const start = startOrdinal(currentSet);
  const atCurrent = (us?.type === 'RollingUpdate' && !us.rollingUpdate && ordinal < start + (currentSet.status?.currentReplicas ?? 0)) || (us?.rollingUpdate !== undefined && ordinal < start + (us.rollingUpdate.partition ?? 0));
  const pod = newStatefulSetPod(atCurrent ? currentSet : updateSet, ordinal);
  (pod.metadata.labels ??= {})[CONTROLLER_REVISION_HASH_LABEL] = atCurrent ? currentRevision : updateRevision;
  return pod;
}

/** isRunningAndReady. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** isRunningAndAvailable. */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return isPodAvailable(pod, minReadySeconds, now);
}

/** isCreated: the API server gave the pod a phase. */
export function isCreated(pod: Pod): boolean {
  return (pod.status?.phase ?? '') !== '';
}

/** isTerminating. */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** isHealthy: running, ready and not terminating. */
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/** isUnavailable: not healthy, or not yet available for `minReadySeconds`. */
export function isUnavailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return !isHealthy(pod) || !isRunningAndAvailable(pod, minReadySeconds, now);
}

/** newRevision: the revision of the set's current template (labels of the template, annotations of the set). */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const cr = newControllerRevision(set, 'apps/v1', 'StatefulSet', set.spec.template.metadata?.labels, templatePatch(set.spec.template), revision, collisionCount);
  // An empty annotation map is left out, as the API encodes it.
  if (set.metadata.annotations && Object.keys(set.metadata.annotations).length > 0) cr.metadata.annotations = { ...set.metadata.annotations };
  return cr;
}

/** ApplyRevision: the set with the template the revision restores. */
export function applyRevision(set: StatefulSet, revision: ControllerRevision): StatefulSet {
  const template = templateOf(revision);
  const out = clone(set);
  if (template) out.spec.template = template;
  return out;
}

/** descendingOrdinal. */
export function byOrdinalDescending(a: Pod, b: Pod): number {
  return ordinalOf(b) - ordinalOf(a);
}
