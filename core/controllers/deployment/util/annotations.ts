/**
 * The annotations the Deployment controller keeps on its ReplicaSets and on the Deployment
 * (pkg/controller/deployment/util/deployment_util.go): the revision of each ReplicaSet (and the
 * revisions it had before a rollback), the desired and maximum replica counts the proportional
 * scaling reads, and the Deployment's own annotations copied to the new ReplicaSet.
 */
import type { Deployment, KubeObject, ReplicaSet } from '../../../api/types';

/** The label that tells a Deployment's ReplicaSets (and their pods) apart. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** The revision of a ReplicaSet, and of its Deployment (the newest). */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** The revisions a ReplicaSet had before it was rolled back to. */
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** `spec.replicas` of the Deployment when it last scaled the ReplicaSet. */
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
/** `spec.replicas + maxSurge` of the Deployment when it last scaled the ReplicaSet. */
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** The deprecated rollback request (apps/v1beta1 `spec.rollbackTo`, carried as an annotation). */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** kubectl's last-applied configuration. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** The most characters `revision-history` may hold (the controller's maxRevHistoryLengthInChars). */
export const MAX_REVISION_HISTORY_CHARS = 2000;

const SKIPPED = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO]);

/** Whether an annotation is never copied between a Deployment and its ReplicaSets (skipCopyAnnotation). */
export function skipCopyAnnotation(key: string): boolean {
  return SKIPPED.has(key);
}

/** Revision: the object's revision annotation as a number (0 when absent, NaN when not a number). */
export function revisionOf(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** MaxRevision: the highest revision among the ReplicaSets (unparsable ones skipped). */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second highest revision (the one before the current), 0 when none. */
export function lastRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (Number.isNaN(v)) continue;
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

/** copyDeploymentAnnotationsToReplicaSet: the Deployment's annotations (but the skipped ones) onto the ReplicaSet; whether any changed. */
export function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopyAnnotation(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: writes desired-replicas and max-replicas; whether either changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** The desired-replicas annotation of a ReplicaSet, if it is a number (GetDesiredReplicasAnnotation). */
export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** The max-replicas annotation of a ReplicaSet, if it is a number. */
export function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, MAX_REPLICAS_ANNOTATION);
}

function intAnnotation(obj: KubeObject, key: string): number | undefined {
  const v = obj.metadata.annotations?.[key];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * SetNewReplicaSetAnnotations: the Deployment's annotations copied, the revision raised to
 * `newRevision` when lower (the previous one kept in `revision-history`: a rollback to this
 * ReplicaSet), and, for a ReplicaSet about to be created, the replica annotations. Whether any
 * annotation changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean, maxSurge: number, historyLimit = MAX_REVISION_HISTORY_CHARS): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const annotations = (rs.metadata.annotations ??= {});
  const had = annotations[REVISION_ANNOTATION];
  let old = 0;
  if (had !== undefined && had !== '') {
    if (!/^[+-]?\d+$/.test(had)) return false;
    old = Number(had);
  }
  if (old < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (had !== undefined) {
      const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
      const revisions = history.split(',');
      if (!revisions[0]) annotations[REVISION_HISTORY_ANNOTATION] = had;
      else {
        let total = history.length + had.length + 1;
        let start = 0;
        while (total > historyLimit && start < revisions.length) {
          total -= (revisions[start] as string).length + 1;
          start++;
        }
        if (total <= historyLimit) annotations[REVISION_HISTORY_ANNOTATION] = [...revisions.slice(start), had].join(',');
      }
    }
  }
  const replicas = d.spec.replicas ?? 1;
  if (!exists && setReplicasAnnotations(rs, replicas, replicas + maxSurge)) changed = true;
  return changed;
}

/** SetDeploymentRevision: the Deployment's revision annotation; whether it changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const annotations = (d.metadata.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === revision) return false;
  annotations[REVISION_ANNOTATION] = revision;
  return true;
}

/** SetDeploymentAnnotationsTo: on a rollback, the Deployment takes the ReplicaSet's annotations (the skipped ones kept). */
export function setDeploymentAnnotationsTo(d: Deployment, rs: ReplicaSet): void {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopyAnnotation(k)) kept[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!skipCopyAnnotation(k)) kept[k] = v;
  d.metadata.annotations = kept;
}
