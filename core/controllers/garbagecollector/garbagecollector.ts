/**
 * The garbage collector (pkg/controller/garbagecollector): it watches every resource that can
 * be listed, watched and deleted (found by discovery, events excepted; custom resources
 * included, re-discovered when CustomResourceDefinitions change), keeps the dependency graph of
 * their owner references, and
 * - deletes a dependent whose owners are all gone (an owner deleted in the background);
 * - for an owner deleted in the foreground (`foregroundDeletion` finalizer), deletes its
 *   dependents first and removes the finalizer once no dependent with `blockOwnerDeletion` is
 *   left, so the owner stays visible with a deletionTimestamp until then;
 * - for an owner deleted with `orphan`, removes the owner references of its dependents, then
 *   the finalizer.
 */
import type { KubeObject, ObjectReference, OwnerReference } from '../../api/types';
import type { EventRecorder } from '../../client/events';
import { Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { BUILTIN_GROUP_VERSIONS, discoverPreferredResources, supportsAll, type DiscoveredResource } from '../util/discovery';
import { DependencyGraph, type GraphNode, type Identity } from './graph';
import { absentKey, attemptToDeleteItem, attemptToOrphan, NamespacedOwnerOfClusterScopedObject, VirtualDeleteEnqueued, type GcOps, type Mapping } from './operations';

/** Resources the collector never watches (DefaultIgnoredResources). */
export const IGNORED_RESOURCES = new Set(['/events', 'events.k8s.io/events']);

/** The groups of the built-in resources: their informers are the controller manager's shared ones. */
const BUILTIN_GROUPS = new Set(BUILTIN_GROUP_VERSIONS.map(([group]) => group));

/** How soon an item is looked at again while the graph is not synced yet. */
const SYNC_WAIT_MS = 100;

/** The size of the cache of owners known to be gone (absentOwnerCache). */
const ABSENT_CACHE_SIZE = 500;

/** A watched resource. */
interface Monitor {
  resource: DiscoveredResource;
  informer: Informer<KubeObject>;
  /** Custom resources get their own informer, stopped when the resource is no longer served. */
  own: boolean;
  /** Whether the informer has listed once. */
  synced: boolean;
}

/** A bounded set that forgets its oldest entries. */
class BoundedSet extends Set<string> {
  override add(v: string): this {
    this.delete(v);
    super.add(v);
    if (this.size > ABSENT_CACHE_SIZE) this.delete(this.values().next().value as string);
    return this;
  }
}

function apiVersionOf(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** The garbage collector controller. */
export class GarbageCollector implements Controller {
  /** The dependency graph (for tests and the dashboard). */
  readonly graph: DependencyGraph;
  private readonly deleteQueue: WorkQueue;
  private readonly orphanQueue: WorkQueue;
  private readonly discoveryQueue: WorkQueue;
  private readonly monitors = new Map<string, Monitor>();
  private mappings = new Map<string, Mapping>();
  private readonly ops: GcOps;
  private readonly recorder: EventRecorder;
  private stopped = false;

  constructor(private readonly ctx: ControllerContext) {
    this.graph = new DependencyGraph({
      attemptToDelete: (n) => this.deleteQueue.add(n.identity.uid),
      attemptToOrphan: (n) => this.orphanQueue.add(n.identity.uid),
      ownerAbsent: (id) => this.ops.absent.add(absentKey(id, id.namespace)),
      invalidOwnerNamespace: (n, ref) => this.reportInvalidNamespaceOwnerRef(n, ref),
    });
    this.recorder = ctx.recorder('garbage-collector-controller');
    this.deleteQueue = new WorkQueue(ctx.clock, (uid) => this.processDelete(uid));
    this.orphanQueue = new WorkQueue(ctx.clock, (uid) => this.processOrphan(uid));
    this.discoveryQueue = new WorkQueue(ctx.clock, () => this.resync());
    this.ops = {
      ctx,
      mapper: (apiVersion, kind) => this.mapping(apiVersion, kind),
      absent: new BoundedSet(),
      virtualDelete: (id: Identity) => this.graph.remove(id.uid, true, id),
      attemptToDelete: (n: GraphNode) => this.deleteQueue.add(n.identity.uid),
    };
  }

  /** Discovers the resources and watches them; re-discovers when CustomResourceDefinitions change. */
  async start(): Promise<void> {
    this.stopped = false;
    const crds = this.ctx.informers.informer<KubeObject>({ group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' });
    const rediscover = () => this.discoveryQueue.add('discovery');
    crds.addHandlers({ add: rediscover, update: rediscover, delete: rediscover });
    await this.resync();
  }

  /** Stops the queues and the informers of custom resources. */
  stop(): void {
    this.stopped = true;
    this.deleteQueue.shutdown();
    this.orphanQueue.shutdown();
    this.discoveryQueue.shutdown();
    for (const m of this.monitors.values()) if (m.own) m.informer.stop();
    this.monitors.clear();
  }

  /** The resources watched now (`group/resource`). */
  monitored(): string[] {
    return [...this.monitors.keys()];
  }

  /** The REST mapping of a kind, in its group's preferred version (the same object in any served version). */
  private mapping(apiVersion: string, kind: string): Mapping | undefined {
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    return this.mappings.get(`${group}/${kind}`);
  }

  /** GarbageCollector.Sync: re-discovers the deletable resources and starts or stops their monitors. */
  private async resync(): Promise<void> {
    if (this.stopped) return;
    const { resources, failed } = await discoverPreferredResources(this.ctx.client);
    const mappings = new Map<string, Mapping>();
    for (const r of resources) mappings.set(`${r.group}/${r.kind}`, { group: r.group, version: r.version, resource: r.resource, namespaced: r.namespaced });
    // Keep the mappings of groups whose discovery failed this time.
    for (const [k, m] of this.mappings) if (!mappings.has(k) && failed.has(apiVersionOf(m))) mappings.set(k, m);
    this.mappings = mappings;
    const wanted = new Map<string, DiscoveredResource>();
    for (const r of resources) {
      const key = `${r.group}/${r.resource}`;
      if (IGNORED_RESOURCES.has(key) || !supportsAll(r, ['delete', 'list', 'watch'])) continue;
      wanted.set(key, r);
    }
    for (const [key, m] of this.monitors) {
      if (wanted.has(key) || failed.has(apiVersionOf(m.resource))) continue;
      if (m.own) m.informer.stop();
      this.monitors.delete(key);
    }
    for (const [key, r] of wanted) {
      if (!this.monitors.has(key)) this.monitor(key, r);
    }
  }

  /** Starts a monitor: an informer whose events update the graph. */
  private monitor(key: string, r: DiscoveredResource): void {
    const ref = { ...(r.group ? { group: r.group } : {}), version: r.version, resource: r.resource };
    const custom = !BUILTIN_GROUPS.has(r.group);
    const informer = custom ? new Informer<KubeObject>(this.ctx.client, ref, this.ctx.clock) : this.ctx.informers.informer<KubeObject>(ref);
    const apiVersion = apiVersionOf(r);
    const identity = (o: KubeObject): Identity => ({ apiVersion, kind: r.kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name ?? '', uid: o.metadata.uid ?? '' });
    const monitor: Monitor = { resource: r, informer, own: custom, synced: false };
    void informer.whenSynced().then(() => (monitor.synced = true));
    // Registered first: a running shared informer replays its cache to new handlers at once.
    this.monitors.set(key, monitor);
    // A shared informer keeps its handlers: those of a monitor that was replaced do nothing.
    const live = () => this.monitors.get(key) === monitor;
    informer.addHandlers({
      add: (o) => {
        if (live()) this.graph.upsert(identity(o), undefined, o);
      },
      update: (old, o) => {
        if (live()) this.graph.upsert(identity(o), old, o);
      },
      delete: (o) => {
        if (live()) this.graph.remove(o.metadata.uid ?? '', false);
      },
    });
    if (custom) this.startMonitor(key, monitor);
  }

  /** Starts a custom resource's informer, retrying a failed first list while the monitor is wanted. */
  private startMonitor(key: string, monitor: Monitor): void {
    monitor.informer.start().catch(() => {
      this.ctx.clock.setTimer(1000, () => {
        if (!this.stopped && this.monitors.get(key) === monitor) this.startMonitor(key, monitor);
      });
    });
  }

  /** Whether every monitor has listed: the graph is complete enough to act on (IsSynced). */
  private graphSynced(): boolean {
    return [...this.monitors.values()].every((m) => m.synced);
  }

  /** reportInvalidNamespaceOwnerRef: a Warning event on the dependent. */
  private reportInvalidNamespaceOwnerRef(n: GraphNode, ref: OwnerReference): void {
    const { apiVersion, kind, namespace, name, uid } = n.identity;
    const regarding: ObjectReference = { kind, apiVersion, namespace, name, uid };
    this.recorder.event(regarding, 'Warning', 'OwnerRefInvalidNamespace', `ownerRef [${ref.apiVersion}/${ref.kind}, namespace: ${namespace}, name: ${ref.name}, uid: ${ref.uid}] does not exist in namespace "${namespace}"`);
  }

  private async processDelete(uid: string): Promise<void> {
    if (!this.graphSynced()) return this.deleteQueue.addAfter(uid, SYNC_WAIT_MS);
    const n = this.graph.get(uid);
    if (!n) return;
    try {
      await attemptToDeleteItem(this.ops, n);
    } catch (e) {
      if (e instanceof VirtualDeleteEnqueued || e instanceof NamespacedOwnerOfClusterScopedObject) return;
      throw e;
    }
    // A node not yet seen through an informer is looked at again (issue 56121).
    if (!n.observed && this.graph.get(uid) === n) throw new Error(`${n.toString()} has not been observed via an informer yet`);
  }

  private async processOrphan(uid: string): Promise<void> {
    if (!this.graphSynced()) return this.orphanQueue.addAfter(uid, SYNC_WAIT_MS);
    const n = this.graph.get(uid);
    if (!n) return;
    await attemptToOrphan(this.ops, n);
  }
}
