/**
 * The namespace controller (pkg/controller/namespace and its deletion/ package): when a
 * namespace is being deleted it deletes ALL its content — every namespaced resource that
 * discovery lists as deletable, built-in or custom — with a background propagation policy
 * (a DELETE of the collection, or of each item where the resource has no deletecollection),
 * keeps the namespace's deletion conditions up to date while content remains
 * (`NamespaceDeletionDiscoveryFailure`, `NamespaceDeletionGroupVersionParsingFailure`,
 * `NamespaceDeletionContentFailure`, `NamespaceContentRemaining`,
 * `NamespaceFinalizersRemaining`), waits — about half the pods' grace period at a time, or 15 s
 * for objects held by finalizers — and, once nothing is left, removes its `kubernetes`
 * finalizer through `namespaces/NAME/finalize`, after which the API server deletes it.
 */
import { isStatusError } from '../api/status';
import { rfc3339 } from '../api/duration';
import type { Condition, KubeObject, Namespace, Pod } from '../api/types';
import { keyOf, type Informer } from '../client/informer';
import type { ResourceRef } from '../client/client';
import { WorkQueue } from '../client/workqueue';
import type { Controller, ControllerContext } from './manager';
import { discoverPreferredResources, discoveryFailureMessage, supportsAll, type DiscoveredResource } from './util/discovery';
import { deleteWith, getLive } from './util/live';

/** The finalizer token of this controller. */
export const KUBERNETES_FINALIZER = 'kubernetes';
/** finalizerEstimateSeconds: how long objects held by finalizers are expected to take. */
const FINALIZER_ESTIMATE_SECONDS = 15;

/** ResourcesRemainingError: content remains; look again in about half the estimate. */
export class ResourcesRemainingError extends Error {
  constructor(readonly estimate: number) {
    super(`some content remains in the namespace, estimate ${estimate} seconds before it is removed`);
  }
}

function gvrString(r: DiscoveredResource): string {
  return `${r.group}/${r.version}, Resource=${r.resource}`;
}

function refOf(r: DiscoveredResource, namespace: string): ResourceRef {
  return { ...(r.group ? { group: r.group } : {}), version: r.version, resource: r.resource, namespace };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What remains in the namespace: instances by `resource.group`, and objects by finalizer. */
export interface ContentTotals {
  byResource: Map<string, number>;
  byFinalizer: Map<string, number>;
}

/** The condition types the controller maintains, in order, with their reasons and messages when all is well. */
const CONDITION_TYPES: [type: string, okReason: string, okMessage: string][] = [
  ['NamespaceDeletionDiscoveryFailure', 'ResourcesDiscovered', 'All resources successfully discovered'],
  ['NamespaceDeletionGroupVersionParsingFailure', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  ['NamespaceDeletionContentFailure', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  ['NamespaceContentRemaining', 'ContentRemoved', 'All content successfully removed'],
  ['NamespaceFinalizersRemaining', 'ContentRemoved', 'All content successfully removed'],
];

/** namespaceConditionUpdater: the deletion conditions from what a deletion pass found. */
export class NamespaceConditions {
  private readonly failures = new Map<string, Condition>();
  private readonly contentErrors: string[] = [];

  constructor(private readonly now: number) {}

  private fail(type: string, reason: string, msg: string): void {
    this.failures.set(type, { type, status: 'True', lastTransitionTime: rfc3339(this.now), reason, message: msg });
  }

  /** ProcessDiscoverResourcesErr. */
  discoveryFailed(msg: string): void {
    this.fail('NamespaceDeletionDiscoveryFailure', 'DiscoveryFailed', msg);
  }

  /** ProcessDeleteContentErr. */
  deleteContentFailed(msg: string): void {
    this.contentErrors.push(msg);
  }

  /** ProcessContentTotals. */
  contentTotals(t: ContentTotals): void {
    const resources = [...t.byResource].filter(([, n]) => n > 0).map(([r, n]) => `${r} has ${n} resource instances`).sort();
    if (resources.length > 0) this.fail('NamespaceContentRemaining', 'SomeResourcesRemain', `Some resources are remaining: ${resources.join(', ')}`);
    const finalizers = [...t.byFinalizer].filter(([, n]) => n > 0).map(([f, n]) => `${f} in ${n} resource instances`).sort();
    if (finalizers.length > 0) this.fail('NamespaceFinalizersRemaining', 'SomeFinalizerRemain', `Some finalizers are remaining: ${finalizers.join(', ')}`);
  }

  /** Update: the namespace's conditions with these results; `changed` when any differs. */
  apply(current: Condition[]): { conditions: Condition[]; changed: boolean } {
    if (this.contentErrors.length > 0 && !this.failures.has('NamespaceDeletionContentFailure')) {
      const msgs = [...this.contentErrors].sort();
      this.fail('NamespaceDeletionContentFailure', 'ContentDeletionFailed', `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}`);
    }
    const conditions = current.map((c) => ({ ...c }));
    let changed = false;
    for (const [type, okReason, okMessage] of CONDITION_TYPES) {
      const next = this.failures.get(type) ?? { type, status: 'False', lastTransitionTime: rfc3339(this.now), reason: okReason, message: okMessage };
      const old = conditions.find((c) => c.type === type);
      if (!old) {
        conditions.push(next);
        changed = true;
      } else if (old.status !== next.status || old.message !== next.message || old.reason !== next.reason) {
        if (old.status !== next.status) old.lastTransitionTime = rfc3339(this.now);
        old.status = next.status;
        old.reason = next.reason;
        old.message = next.message;
        changed = true;
      }
    }
    return { conditions, changed };
  }
}

/** What deleting one resource's content left: the estimate and what remains. */
interface GvrResult {
  estimate: number;
  remaining: number;
  finalizers: Map<string, number>;
}

/** The namespace controller. */
export class NamespaceController implements Controller {
  private readonly namespaces: Informer<Namespace>;
  private readonly queue: WorkQueue;

  constructor(private readonly ctx: ControllerContext) {
    this.namespaces = ctx.informers.informer<Namespace>({ resource: 'namespaces' });
    // nsControllerRateLimiter: 5 ms doubling up to 60 s.
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), 5, 60_000);
  }

  /** Adds the handlers: a namespace being deleted is queued. */
  start(): void {
    const enqueue = (ns: Namespace) => {
      if (ns.metadata.deletionTimestamp) this.queue.add(keyOf(ns));
    };
    this.namespaces.addHandlers({ add: enqueue, update: (_o, ns) => enqueue(ns) });
  }

  /** Stops the work queue. */
  stop(): void {
    this.queue.shutdown();
  }

  /** syncNamespaceFromKey: deletes the content of a terminating namespace, then finalizes it. */
  async sync(name: string): Promise<void> {
    if (!this.namespaces.get(name)) return;
    try {
      await this.deleteNamespace(name);
    } catch (e) {
      if (!(e instanceof ResourcesRemainingError)) throw e;
      this.queue.addAfter(name, (Math.floor(e.estimate / 2) + 1) * 1000);
    }
  }

  /** retryOnConflictError: runs `fn` on the namespace, re-reading it after a conflict. */
  private async retryOnConflict(ns: Namespace, fn: (ns: Namespace) => Promise<Namespace>): Promise<Namespace> {
    let latest = ns;
    for (;;) {
      try {
        return await fn(latest);
      } catch (e) {
        if (!isStatusError(e, 'Conflict')) throw e;
        const fresh = await getLive<Namespace>(this.ctx.client, { resource: 'namespaces', name: latest.metadata.name ?? '' });
        if (!fresh) throw e;
        if (fresh.metadata.uid !== latest.metadata.uid) throw new Error('namespace uid has changed across retries');
        latest = fresh;
      }
    }
  }

  /** namespacedResourcesDeleter.Delete. */
  private async deleteNamespace(name: string): Promise<void> {
    let ns = await getLive<Namespace>(this.ctx.client, { resource: 'namespaces', name });
    if (!ns?.metadata.deletionTimestamp) return;
    try {
      ns = await this.retryOnConflict(ns, async (n) => {
        if (n.status?.phase === 'Terminating') return n;
        return this.ctx.client.update<Namespace>({ resource: 'namespaces', name, subresource: 'status' }, { ...n, status: { ...n.status, phase: 'Terminating' } });
      });
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return;
      throw e;
    }
    if ((ns.spec?.finalizers ?? []).length === 0) return;
    const estimate = await this.deleteAllContent(ns);
    if (estimate > 0) throw new ResourcesRemainingError(estimate);
    try {
      await this.retryOnConflict(ns, (n) => {
        const finalizers = [...new Set((n.spec?.finalizers ?? []).filter((f) => f !== KUBERNETES_FINALIZER))].sort();
        return this.ctx.client.update<Namespace>({ resource: 'namespaces', name, subresource: 'finalize' }, { ...n, spec: { ...n.spec, finalizers } });
      });
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return;
      throw e;
    }
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: 'namespace', action: 'finalize', object: `namespaces/${name}`, message: `Namespace ${name} is empty: removed its ${KUBERNETES_FINALIZER} finalizer` });
  }

  /** deleteAllContent: deletes every namespaced resource's content; the longest estimate; updates the conditions. */
  private async deleteAllContent(ns: Namespace): Promise<number> {
    const name = ns.metadata.name ?? '';
    const deletedAt = Date.parse(ns.metadata.deletionTimestamp ?? '') || this.ctx.clock.now();
    const conditions = new NamespaceConditions(this.ctx.clock.now());
    const errors: string[] = [];
    const { resources, failed } = await discoverPreferredResources(this.ctx.client);
    if (failed.size > 0) {
      const err = discoveryFailureMessage(failed);
      errors.push(err);
      conditions.discoveryFailed(`Discovery failed for some groups, ${failed.size} failing: ${err}`);
    }
    const totals: ContentTotals = { byResource: new Map(), byFinalizer: new Map() };
    let estimate = 0;
    for (const r of resources.filter((x) => x.namespaced && supportsAll(x, ['delete']))) {
      let result: GvrResult;
      try {
        result = await this.deleteContentOf(r, name, deletedAt);
      } catch (e) {
        const err = e instanceof GvrError ? e : new GvrError(message(e), { estimate: 0, remaining: 0, finalizers: new Map() });
        errors.push(err.message);
        conditions.deleteContentFailed(err.message);
        result = err.result;
      }
      estimate = Math.max(estimate, result.estimate);
      if (result.remaining > 0) {
        totals.byResource.set(`${r.resource}.${r.group}`, result.remaining);
        for (const [f, n] of result.finalizers) totals.byFinalizer.set(f, (totals.byFinalizer.get(f) ?? 0) + n);
      }
    }
    conditions.contentTotals(totals);
    const status = conditions.apply(ns.status?.conditions ?? []);
    if (status.changed) {
      try {
        await this.ctx.client.update({ resource: 'namespaces', name, subresource: 'status' }, { ...ns, status: { ...ns.status, conditions: status.conditions } });
      } catch {
        // As kube: a failed condition update is only logged.
      }
    }
    if (errors.length > 0) throw new Error(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
    return estimate;
  }

  /** estimateGracefulTermination: for pods, the longest grace period of the pods not yet finished, unless that much time has passed. */
  private async estimate(r: DiscoveredResource, namespace: string, deletedAt: number): Promise<number> {
    if (r.group !== '' || r.resource !== 'pods') return 0;
    const pods = await this.ctx.client.list<Pod>({ resource: 'pods', namespace });
    let estimate = 0;
    for (const p of pods.items) {
      if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      estimate = Math.max(estimate, p.spec.terminationGracePeriodSeconds ?? 0);
    }
    return this.ctx.clock.now() - deletedAt >= estimate * 1000 ? 0 : estimate;
  }

  /** deleteAllContentForGroupVersionResource. */
  private async deleteContentOf(r: DiscoveredResource, namespace: string, deletedAt: number): Promise<GvrResult> {
    const estimate = await this.estimate(r, namespace, deletedAt);
    const none = { estimate, remaining: 0, finalizers: new Map<string, number>() };
    const ref = refOf(r, namespace);
    let collected = false;
    if (supportsAll(r, ['deletecollection'])) {
      try {
        const deleted = (await deleteWith(this.ctx.client, ref, { propagationPolicy: 'Background' })) as { items?: unknown[] } | undefined;
        collected = true;
        const n = deleted?.items?.length ?? 0;
        if (n > 0) this.ctx.trace.emit({ component: 'kube-controller-manager', instance: 'namespace', action: 'delete', object: `namespaces/${namespace}`, message: `Deleted ${n} ${r.resource}${r.group ? `.${r.group}` : ''} in terminating namespace ${namespace}` });
      } catch (e) {
        if (!isStatusError(e, 'MethodNotAllowed') && !isStatusError(e, 'NotFound')) throw new GvrError(message(e), none);
      }
    }
    if (!supportsAll(r, ['list'])) return none;
    if (!collected) {
      try {
        for (const item of (await this.ctx.client.list<KubeObject>(ref)).items) {
          try {
            await deleteWith(this.ctx.client, { ...ref, name: item.metadata.name ?? '' }, { propagationPolicy: 'Background' });
          } catch (e) {
            if (!isStatusError(e, 'NotFound') && !isStatusError(e, 'MethodNotAllowed')) throw e;
          }
        }
      } catch (e) {
        throw new GvrError(message(e), none);
      }
    }
    let items: KubeObject[];
    try {
      items = (await this.ctx.client.list<KubeObject>(ref)).items;
    } catch (e) {
      throw new GvrError(message(e), none);
    }
    if (items.length === 0) return none;
    const finalizers = new Map<string, number>();
    for (const item of items) for (const f of item.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    if (estimate !== 0) return { estimate, remaining: items.length, finalizers };
    if (finalizers.size > 0) return { estimate: FINALIZER_ESTIMATE_SECONDS, remaining: items.length, finalizers };
    throw new GvrError(`unexpected items still remain in namespace: ${namespace} for gvr: ${gvrString(r)}`, { estimate, remaining: items.length, finalizers });
  }
}

/** An error deleting one resource's content, with what is known of it. */
class GvrError extends Error {
  constructor(
    msg: string,
    readonly result: GvrResult,
  ) {
    super(msg);
  }
}
