/**
 * The resource quota controller (pkg/controller/resourcequota): it keeps each ResourceQuota's
 * `status.hard` equal to its spec and `status.used` equal to what the objects of its namespace
 * really use (CalculateUsage with the same evaluators as the admission plugin). A quota is
 * recounted when it changes, when a counted object of its namespace changes (pods, services,
 * claims, config maps, secrets, replication controllers: the replenishment the admission charge
 * needs when objects go away), and every five minutes.
 */
import type { KubeObject, ResourceQuota } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client, ResourceRef } from '../client/client';
import { Informer, keyOf } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import { addLists, count, formatList, mask, parseList, type ResourceList } from '../apiserver/admission/quantities';
import { evaluatorFor, type Evaluator } from '../apiserver/admission/quota/evaluators';
import { deepEqual } from '../apiserver/patch/value';

/** `--resource-quota-sync-period`. */
const RESYNC_MS = 5 * 60_000;

/** The resources watched for replenishment: what the built-in evaluators count. */
const WATCHED: ResourceRef[] = [
  { resource: 'pods' },
  { resource: 'services' },
  { resource: 'persistentvolumeclaims' },
  { resource: 'configmaps' },
  { resource: 'secrets' },
  { resource: 'replicationcontrollers' },
];

/** The served version of the groups `count/<resource>.<group>` may name. */
const GROUP_VERSIONS: Record<string, string> = { autoscaling: 'v2' };

/** The evaluators a quota's hard resource names call for (the registry's MatchingResources). */
export function evaluatorsFor(names: string[]): Evaluator[] {
  const out = new Map<string, Evaluator>();
  const add = (group: string, resource: string) => {
    const e = evaluatorFor(group, resource);
    if (e.matchingResources(names).length > 0) out.set(`${group}/${resource}`, e);
  };
  for (const r of ['pods', 'services', 'persistentvolumeclaims', 'configmaps', 'secrets', 'replicationcontrollers', 'resourcequotas']) add('', r);
  for (const n of names) {
    const m = /^count\/([^.]+)(?:\.(.+))?$/.exec(n);
    if (m) add(m[2] ?? '', m[1] as string);
  }
  return [...out.values()];
}

/** The resource quota controller. */
export class ResourceQuotaController {
  private readonly quotas: Informer<ResourceQuota>;
  private readonly watched = new Map<string, Informer<KubeObject>>();
  private readonly queue: WorkQueue;
  private resync: ReturnType<Clock['setTimer']> | undefined;
  private stopped = false;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
  ) {
    this.quotas = new Informer<ResourceQuota>(client, { resource: 'resourcequotas' }, clock);
    this.queue = new WorkQueue(clock, (key) => this.sync(key));
    const enqueue = (q: ResourceQuota) => this.queue.add(keyOf(q));
    this.quotas.addHandlers({ add: enqueue, update: (_o, q) => enqueue(q) });
    const replenish = (o: KubeObject) => this.enqueueNamespace(o.metadata.namespace ?? '');
    for (const ref of WATCHED) {
      const inf = new Informer<KubeObject>(client, ref, clock);
      inf.addHandlers({ add: replenish, update: (_o, n) => replenish(n), delete: replenish });
      this.watched.set(`${ref.group ?? ''}/${ref.resource}`, inf);
    }
  }

  /** Starts watching. */
  async start(): Promise<void> {
    this.stopped = false;
    for (const inf of this.watched.values()) await inf.start();
    await this.quotas.start();
    this.scheduleResync();
  }

  /** Stops the controller. */
  stop(): void {
    this.stopped = true;
    if (this.resync) this.clock.clearTimer(this.resync);
    this.quotas.stop();
    for (const inf of this.watched.values()) inf.stop();
    this.queue.shutdown();
  }

  private scheduleResync(): void {
    this.resync = this.clock.setTimer(RESYNC_MS, () => {
      if (this.stopped) return;
      for (const q of this.quotas.list()) this.queue.add(keyOf(q));
      this.scheduleResync();
    });
  }

  private enqueueNamespace(ns: string): void {
    for (const q of this.quotas.list()) if (q.metadata.namespace === ns) this.queue.add(keyOf(q));
  }

  /** The objects of a resource in a namespace: from the informer when watched, else listed. */
  private async objects(e: Evaluator, namespace: string): Promise<KubeObject[]> {
    const inf = this.watched.get(`${e.group}/${e.resource}`);
    if (inf) return inf.list().filter((o) => o.metadata.namespace === namespace);
    const version = GROUP_VERSIONS[e.group] ?? 'v1';
    const ref: ResourceRef = e.group ? { group: e.group, version, resource: e.resource, namespace } : { resource: e.resource, namespace };
    return (await this.client.list<KubeObject>(ref)).items;
  }

  /** CalculateUsage: the usage of every hard resource the evaluators can count. */
  async usage(quota: ResourceQuota): Promise<ResourceList> {
    const hard = Object.keys(quota.spec?.hard ?? {});
    const ns = quota.metadata.namespace ?? '';
    let used: ResourceList = {};
    const matched = new Set<string>();
    for (const e of evaluatorsFor(hard)) {
      const names = e.matchingResources(hard);
      let stats: ResourceList = Object.fromEntries(names.map((n) => [n, count(0)]));
      try {
        for (const o of await this.objects(e, ns)) if (e.matchesScopes(quota, o)) stats = addLists(stats, e.usage(o, this.clock.now()));
      } catch {
        continue;
      }
      for (const n of names) matched.add(n);
      used = addLists(used, stats);
    }
    return mask(used, matched);
  }

  /** syncResourceQuota: status.hard from the spec, status.used recounted; written when either changed. */
  async sync(key: string): Promise<void> {
    const quota = this.quotas.get(key);
    if (!quota || quota.metadata.deletionTimestamp) return;
    const hard = formatList(parseList(quota.spec?.hard));
    const used = { ...(quota.status?.used ?? {}), ...formatList(await this.usage(quota)) };
    const status = { hard, used: Object.fromEntries(Object.entries(used).filter(([k]) => k in hard)) };
    if (deepEqual(status, { hard: quota.status?.hard ?? {}, used: quota.status?.used ?? {} })) return;
    await this.client.update({ resource: 'resourcequotas', namespace: quota.metadata.namespace ?? '', name: quota.metadata.name ?? '', subresource: 'status' }, { ...quota, status });
  }
}
