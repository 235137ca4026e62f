/**
 * The revisions of a DaemonSet (pkg/controller/daemon/update.go constructHistory, snapshot,
 * dedupCurHistories, cleanupHistory): the revision whose data is the current template is the
 * current one (created if missing, renumbered to be the newest), its `controller-revision-hash`
 * label is what new pods carry, and old revisions beyond `revisionHistoryLimit` that no pod uses
 * are deleted.
 */
import { isStatusError } from '../../api/status';
import type { ControllerRevision, DaemonSet, Pod } from '../../api/types';
import type { Client } from '../../client/client';
import type { Informer } from '../../client/informer';
import { claimObjects, recheckOwner } from '../history/adoption';
import { CONTROLLER_REVISION_HASH_LABEL, maxRevision, sortRevisions, templatePatch } from '../history/revisions';
import { deleteRevision, renumberRevision, revisionsRef } from '../history/store';
import { controllerRef } from '../util/controllerRef';
import { canonicalJson, computeHash } from '../util/hash';
import { selectorMatches } from '../../apiserver/resources/selector';

/** The reference of a DaemonSet. */
export function daemonSetRef(namespace: string, name?: string, subresource?: string): { group: string; version: string; resource: string; namespace: string; name?: string; subresource?: string } {
  return { group: 'apps', version: 'v1', resource: 'daemonsets', namespace, ...(name ? { name } : {}), ...(subresource ? { subresource } : {}) };
}

/** Match: whether the revision's data is the DaemonSet's current template. */
export function revisionMatches(ds: DaemonSet, revision: ControllerRevision): boolean {
  return canonicalJson(revision.data) === canonicalJson(templatePatch(ds.spec.template));
}

/** The revisions of DaemonSets, read from the shared informer and written with the controller's client. */
export class DaemonSetHistory {
  constructor(
    private readonly client: Client,
    private readonly revisions: Informer<ControllerRevision>,
  ) {}

  /** controlledHistories: the revisions of the DaemonSet's namespace it controls, after adoption and release. */
  async controlled(ds: DaemonSet): Promise<ControllerRevision[]> {
    const ns = ds.metadata.namespace ?? '';
    return claimObjects(this.revisions.byIndex('namespace', ns), {
      client: this.client,
      parent: ds,
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      resource: { group: 'apps', version: 'v1', resource: 'controllerrevisions' },
      matches: (r) => selectorMatches(ds.spec.selector, r.metadata.labels),
      canAdopt: recheckOwner(this.client, daemonSetRef(ns, ds.metadata.name), ds.metadata.uid),
    });
  }

  /** constructHistory: the current revision (created or renumbered as needed) and the old ones. */
  async construct(ds: DaemonSet, relabelPods: (hash: string) => Promise<void>): Promise<{ cur: ControllerRevision; old: ControllerRevision[] }> {
    const current: ControllerRevision[] = [];
    const old: ControllerRevision[] = [];
    for (let history of await this.controlled(ds)) {
      if (history.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === undefined) {
        const labels = { ...(history.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: history.metadata.name ?? '' };
        history = await this.client.update(revisionsRef(history.metadata.namespace ?? '', history.metadata.name), { ...history, metadata: { ...history.metadata, labels } });
      }
      (revisionMatches(ds, history) ? current : old).push(history);
    }
    const currRevision = maxRevision(old) + 1;
    if (current.length === 0) return { cur: await this.snapshot(ds, currRevision), old };
    let cur = await this.dedup(current, relabelPods);
    if (cur.revision < currRevision) cur = await renumberRevision(this.client, cur, currRevision);
    return { cur, old };
  }

  /** dedupCurHistories: keeps the newest of several current revisions, relabels the pods, deletes the rest. */
  private async dedup(current: ControllerRevision[], relabelPods: (hash: string) => Promise<void>): Promise<ControllerRevision> {
    if (current.length === 1) return current[0] as ControllerRevision;
    let keep = current[0] as ControllerRevision;
    for (const c of current) if (c.revision >= keep.revision) keep = c;
    await relabelPods(keep.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '');
    for (const c of current) if (c.metadata.name !== keep.metadata.name) await deleteRevision(this.client, c);
    return keep;
  }

  /** snapshot: creates the revision of the current template; a name taken by other data raises `status.collisionCount`. */
  private async snapshot(ds: DaemonSet, revision: number): Promise<ControllerRevision> {
    const ns = ds.metadata.namespace ?? '';
    const hash = computeHash(ds.spec.template, ds.status?.collisionCount);
    const name = `${ds.metadata.name ?? ''}-${hash}`;
    const history: ControllerRevision = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: ns,
        labels: { ...(ds.spec.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash },
        ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
        ownerReferences: [controllerRef(ds, 'apps/v1', 'DaemonSet')],
      },
      data: templatePatch(ds.spec.template),
      revision,
    };
    try {
      return await this.client.create(revisionsRef(ns), history);
    } catch (e) {
      if (!isStatusError(e, 'AlreadyExists')) throw e;
      const existing = await this.client.get<ControllerRevision>(revisionsRef(ns, name));
      if (revisionMatches(ds, existing)) return existing;
      const fresh = await this.client.get<DaemonSet>(daemonSetRef(ns, ds.metadata.name));
      if ((fresh.status?.collisionCount ?? undefined) !== (ds.status?.collisionCount ?? undefined)) {
        throw new Error(`found a stale collision count (${ds.status?.collisionCount ?? 'nil'}, expected ${fresh.status?.collisionCount ?? 'nil'}) of DaemonSet "${ds.metadata.name ?? ''}" while processing; will retry until it is updated`);
      }
      const status = { ...(fresh.status ?? {}), collisionCount: (fresh.status?.collisionCount ?? 0) + 1 };
      await this.client.update(daemonSetRef(ns, ds.metadata.name, 'status'), { ...fresh, status });
      throw e;
    }
  }

  /** cleanupHistory: deletes the oldest revisions no pod uses, down to `revisionHistoryLimit` old ones. */
  async cleanup(ds: DaemonSet, old: ControllerRevision[], pods: readonly Pod[]): Promise<void> {
    let toKill = old.length - (ds.spec.revisionHistoryLimit ?? 10);
    if (toKill <= 0) return;
    const liveHashes = new Set<string>();
    for (const p of pods) {
      const h = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
      if (h) liveHashes.add(h);
    }
    for (const history of sortRevisions(old)) {
      if (toKill <= 0) break;
      if (liveHashes.has(history.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '')) continue;
      await deleteRevision(this.client, history);
      toKill--;
    }
  }
}
