/**
 * ControllerRevisions as the DaemonSet and StatefulSet controllers keep them
 * (k8s.io/kubernetes pkg/controller/history): a revision holds a strategic merge patch that
 * restores the owner's pod template (`{"spec":{"template":{"$patch":"replace",...}}}`), is named
 * `<owner>-<hash>`, carries the template's labels plus `controller.kubernetes.io/hash`, and is
 * numbered; equal revisions are found by their data; the revision number of an older equal one is
 * bumped on a rollback.
 *
 * The hash is FNV-1 (32 bits) of the data's JSON, as HashControllerRevision computes it, written
 * with rand.SafeEncodeString's alphabet. Kubernetes hashes the bytes its codec wrote; here the data
 * is the JSON with sorted keys (what Go's encoding/json writes for a map), so the hash has the
 * same form and properties but not the same value as a real cluster's.
 */
import type { ControllerRevision, KubeObject, PodTemplateSpec } from '../../api/types';
import { utf8Encode } from '../../api/protobuf/text';
import { controllerRef } from '../util/controllerRef';
import { canonicalJson, safeEncode, sortedKeys } from '../util/hash';
import { clone } from '../util/pods';

/** The label of pods (and DaemonSet revisions) naming their revision (apps.ControllerRevisionHashLabelKey). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** The label of a ControllerRevision holding the hash of its data (history.ControllerRevisionHashLabel). */
export const REVISION_DATA_HASH_LABEL = 'controller.kubernetes.io/hash';

/** The data of a revision: a patch that replaces the owner's pod template. */
export interface TemplatePatch {
  spec: { template: Record<string, unknown> };
}

/** FNV-1 (not 1a), 32 bits, of bytes (Go's hash/fnv New32). */
export function fnv1(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h >>> 0;
}

/** HashControllerRevision: FNV-1 of the data's JSON, then of the decimal probe (collision count) if any. */
export function hashRevisionData(data: unknown, probe?: number): string {
  let h = fnv1(utf8Encode(canonicalJson(data)));
  if (probe !== undefined) h = fnv1(utf8Encode(String(probe)), h);
  return safeEncode(String(h));
}

/** ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function revisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/**
 * getPatch: the patch that restores `template`. The template is written as the API encodes it
 * (`metadata.creationTimestamp: null` included), with `$patch: replace`.
 */
export function templatePatch(template: PodTemplateSpec): TemplatePatch {
  const t = clone(template) as unknown as Record<string, unknown>;
  const metadata = { creationTimestamp: null, ...((t['metadata'] as Record<string, unknown> | undefined) ?? {}) };
  // Keys sorted as Go's json.Marshal of a map writes them: the bytes `kubectl rollout undo` compares with its own.
  return sortedKeys({ spec: { template: { $patch: 'replace', ...t, metadata } } });
}

/** ApplyRevision for a template patch: the pod template the revision restores. */
export function templateOf(revision: ControllerRevision): PodTemplateSpec | undefined {
  const data = revision.data as Partial<TemplatePatch> | undefined;
  const t = data?.spec?.template;
  if (!t || typeof t !== 'object') return undefined;
  const out = clone(t);
  delete out['$patch'];
  const md = { ...((out['metadata'] as Record<string, unknown> | undefined) ?? {}) };
  delete md['creationTimestamp'];
  out['metadata'] = md;
  return out as unknown as PodTemplateSpec;
}

/**
 * NewControllerRevision: a revision of `parent` (controller reference `apiVersion`/`kind`) with
 * the template's labels and `controller.kubernetes.io/hash`, named `<parent>-<hash>`.
 */
export function newControllerRevision(parent: KubeObject, apiVersion: string, kind: string, templateLabels: Record<string, string> | undefined, data: unknown, revision: number, collisionCount?: number): ControllerRevision {
  const hash = hashRevisionData(data, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionName(parent.metadata.name ?? '', hash),
      namespace: parent.metadata.namespace,
      labels: { ...(templateLabels ?? {}), [REVISION_DATA_HASH_LABEL]: hash },
      ownerReferences: [controllerRef(parent, apiVersion, kind)],
    },
    data: clone(data),
    revision,
  };
}

/** EqualRevision: both absent, or the same data. */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  return canonicalJson(a.data) === canonicalJson(b.data);
}

/** FindEqualRevisions: the revisions whose data equals `needle`'s, in the given order. */
export function findEqualRevisions(revisions: readonly ControllerRevision[], needle: ControllerRevision): ControllerRevision[] {
  const data = canonicalJson(needle.data);
  return revisions.filter((r) => canonicalJson(r.data) === data);
}

/** SortControllerRevisions: by revision number, then creation time, then name (a copy). */
export function sortRevisions(revisions: readonly ControllerRevision[]): ControllerRevision[] {
  const created = (r: ControllerRevision) => Date.parse(r.metadata.creationTimestamp ?? '') || 0;
  return [...revisions].sort((a, b) => {
    if (a.revision !== b.revision) return a.revision - b.revision;
    if (created(a) !== created(b)) return created(a) - created(b);
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
  });
}

/** The highest revision number (0 for none). */
export function maxRevision(revisions: readonly ControllerRevision[]): number {
  return revisions.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
}

/** nextRevision: one more than the highest revision (1 for none). */
export function nextRevision(revisions: readonly ControllerRevision[]): number {
  return maxRevision(revisions) + 1;
}
