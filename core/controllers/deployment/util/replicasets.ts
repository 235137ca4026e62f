/**
 * A Deployment's ReplicaSets: which one is new (its template equals the Deployment's, the
 * pod-template-hash label aside), which are old, their orderings (pkg/controller's
 * ReplicaSetsByCreationTimestamp, BySizeOlder, BySizeNewer, deploymentutil's ByRevision) and the
 * replica counts the Deployment's status sums up.
 */
import type { Deployment, KubeObject, PodTemplateSpec, ReplicaSet } from '../../../api/types';
import { canonicalJson } from '../../util/hash';
import { clone } from '../../util/pods';
import { POD_TEMPLATE_HASH_LABEL, revisionOf } from './annotations';

/** `spec.replicas` (defaulted to 1 by the API server). */
export function specReplicas(o: { spec: { replicas?: number } }): number {
  return o.spec.replicas ?? 1;
}

function created(o: KubeObject): number {
  return Date.parse(o.metadata.creationTimestamp ?? '') || 0;
}

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  const an = a.metadata.name ?? '';
  const bn = b.metadata.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: larger first; equal sizes older first (scaling down). */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: larger first; equal sizes newer first (scaling up). */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}

/** ReplicaSetsByRevision: lower revision first; equal revisions older first. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a) || 0;
  const rb = revisionOf(b) || 0;
  return ra !== rb ? ra - rb : byCreationTimestamp(a, b);
}

/** FilterActiveReplicaSets: the ReplicaSets that want pods. */
export function activeReplicaSets(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicas(rs) > 0);
}

/** A JSON value with nulls and empty lists dropped (apimachinery's semantic equality treats nil and empty alike). */
function semantic(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(semantic);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const s = semantic(x);
      if (s !== undefined) out[k] = s;
    }
    return out;
  }
  return v === null ? undefined : v;
}

function withoutHash(t: PodTemplateSpec): unknown {
  const c = clone(t);
  const labels = c.metadata?.labels;
  if (labels) {
    delete labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(labels).length === 0 && c.metadata) delete c.metadata.labels;
  }
  return semantic(c);
}

/** EqualIgnoreHash: whether two pod templates are equal, the pod-template-hash label aside. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return canonicalJson(withoutHash(a)) === canonicalJson(withoutHash(b));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: Deployment, rss: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rss].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FindOldReplicaSets: the other ReplicaSets — those with replicas (`required`) and all of them. */
export function findOldReplicaSets(d: Deployment, rss: readonly ReplicaSet[]): { required: ReplicaSet[]; all: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rss);
  const all = rss.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return { required: all.filter((rs) => specReplicas(rs) !== 0), all };
}

/**
 * FindActiveOrLatest: the only ReplicaSet with replicas; with none, the new one (or the newest
 * old one); undefined when several have replicas. Sorts `oldRSs` newest first, as Kubernetes does.
 */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  oldRSs.sort((a, b) => byCreationTimestamp(b, a));
  const active = activeReplicaSets([...oldRSs, newRS]);
  if (active.length === 0) return newRS ?? oldRSs[0];
  return active.length === 1 ? active[0] : undefined;
}

/** GetReplicaCountForReplicaSets: the sum of `spec.replicas`. */
export function specReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

/** GetActualReplicaCountForReplicaSets: the sum of `status.replicas`. */
export function actualReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

/** GetReadyReplicaCountForReplicaSets: the sum of `status.readyReplicas`. */
export function readyReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

/** GetAvailableReplicaCountForReplicaSets: the sum of `status.availableReplicas`. */
export function availableReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}
