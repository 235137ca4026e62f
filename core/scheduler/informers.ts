/**
 * What the scheduler watches (its informers, as kube-scheduler's shared informer factory) and
 * the `Handle` the plugins read through: nodes and pods feed the cache and the queue; PVs,
 * PVCs, storage classes, namespaces, services, controllers and PDBs are read by the plugins.
 * The event handlers only keep the cache and queue in step and tell the queue which cluster
 * events happened.
 */
import type { KubeObject, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, PodDisruptionBudget, ReplicaSet, ReplicationController, Service, StatefulSet, StorageClass } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client, ResourceRef } from '../client/client';
import { Informer } from '../client/informer';
import type { SchedulerCache } from './framework/cache';
import type { NodeInfo } from './framework/nodeInfo';
import { newPodInfo, podKey, type PodInfo } from './framework/podInfo';
import type { ClusterEvent, Handle } from './framework/types';
import type { Nominator } from './queue/nominator';

/** The scheduler's name, as pods ask for it in `spec.schedulerName`. */
export const DEFAULT_SCHEDULER = 'default-scheduler';

/** What the handlers drive. */
export interface InformerSinks {
  cache: SchedulerCache;
  nominator: Nominator;
  /** A pending pod for this scheduler appeared or changed. */
  pending(key: string, pod: Pod): void;
  /** A pending pod went away (deleted, or bound by someone else). */
  gone(key: string): void;
  event(e: ClusterEvent): void;
}

function terminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

function nodeSchedulingProperties(n: Node): string {
  return JSON.stringify([n.metadata.labels, n.spec?.taints, n.spec?.unschedulable, n.status?.allocatable, (n.status?.images ?? []).map((i) => i.names)]);
}

/** The informers and the plugins' view of the cluster. */
export class SchedulerInformers implements Handle {
  readonly pods: Informer<Pod>;
  readonly nodesInformer: Informer<Node>;
  private readonly all: Informer<KubeObject>[] = [];
  private readonly namespaces: Informer<Namespace>;
  private readonly pvcs: Informer<PersistentVolumeClaim>;
  private readonly pvsInformer: Informer<PersistentVolume>;
  private readonly classes: Informer<StorageClass>;
  private readonly servicesInformer: Informer<Service>;
  private readonly rss: Informer<ReplicaSet>;
  private readonly rcs: Informer<ReplicationController>;
  private readonly sss: Informer<StatefulSet>;
  private readonly pdbInformer: Informer<PodDisruptionBudget>;

  constructor(
    client: Client,
    clock: Clock,
    private readonly sinks: InformerSinks,
  ) {
    const inf = <T extends KubeObject>(ref: ResourceRef): Informer<T> => {
      const i = new Informer<T>(client, ref, clock);
      this.all.push(i as unknown as Informer<KubeObject>);
      return i;
    };
    this.nodesInformer = inf<Node>({ resource: 'nodes' });
    this.pods = inf<Pod>({ resource: 'pods' });
    this.namespaces = inf<Namespace>({ resource: 'namespaces' });
    this.pvcs = inf<PersistentVolumeClaim>({ resource: 'persistentvolumeclaims' });
    this.pvsInformer = inf<PersistentVolume>({ resource: 'persistentvolumes' });
    this.classes = inf<StorageClass>({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' });
    this.servicesInformer = inf<Service>({ resource: 'services' });
    this.rss = inf<ReplicaSet>({ group: 'apps', version: 'v1', resource: 'replicasets' });
    this.rcs = inf<ReplicationController>({ resource: 'replicationcontrollers' });
    this.sss = inf<StatefulSet>({ group: 'apps', version: 'v1', resource: 'statefulsets' });
    this.pdbInformer = inf<PodDisruptionBudget>({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' });
    this.wire();
  }

  private wire(): void {
    const s = this.sinks;
    this.nodesInformer.addHandlers({
      add: (n) => {
        s.cache.setNode(n);
        s.event('NodeAdd');
      },
      update: (o, n) => {
        s.cache.setNode(n);
        if (nodeSchedulingProperties(o) !== nodeSchedulingProperties(n)) s.event('NodeUpdate');
      },
      delete: (n) => s.cache.removeNode(n.metadata.name ?? ''),
    });
    this.pods.addHandlers({ add: (p) => this.onPod(undefined, p), update: (o, p) => this.onPod(o, p), delete: (p) => this.onPodDelete(p) });
    const on = (add: ClusterEvent, update: ClusterEvent) => ({ add: () => s.event(add), update: () => s.event(update) });
    this.pvcs.addHandlers(on('PersistentVolumeClaimAdd', 'PersistentVolumeClaimUpdate'));
    this.pvsInformer.addHandlers(on('PersistentVolumeAdd', 'PersistentVolumeUpdate'));
    this.classes.addHandlers(on('StorageClassAdd', 'StorageClassUpdate'));
  }

  private onPod(old: Pod | undefined, p: Pod): void {
    const s = this.sinks;
    const key = podKey(p);
    const node = p.spec.nodeName;
    if (node) {
      if (old && !old.spec.nodeName) s.gone(key);
      s.nominator.remove(key);
      if (terminal(p)) {
        if (s.cache.nodeOf(key) !== undefined) {
          s.cache.removePod(key);
          s.event('AssignedPodDelete');
        }
        return;
      }
      const known = s.cache.nodeOf(key) === node ? s.cache.get(node)?.pods.get(key) : undefined;
      if (known && s.cache.isAssumed(key)) {
        // The binding we sent, confirmed: keep the parsed pod, confirm the assumption.
        known.pod = p;
        s.cache.addPod(known, node);
        return;
      }
      if (known && old && JSON.stringify(old.metadata.labels) === JSON.stringify(p.metadata.labels)) {
        known.pod = p;
        return;
      }
      s.cache.addPod(newPodInfo(p), node);
      s.event(old?.spec.nodeName ? 'AssignedPodUpdate' : 'AssignedPodAdd');
      return;
    }
    if (p.metadata.deletionTimestamp || (p.spec.schedulerName ?? DEFAULT_SCHEDULER) !== DEFAULT_SCHEDULER) {
      s.gone(key);
      s.nominator.remove(key);
      return;
    }
    if (s.cache.isAssumed(key)) return;
    const nominated = p.status?.nominatedNodeName;
    if (nominated) s.nominator.set(newPodInfo(p), nominated);
    else s.nominator.remove(key);
    s.pending(key, p);
  }

  private onPodDelete(p: Pod): void {
    const s = this.sinks;
    const key = podKey(p);
    s.nominator.remove(key);
    if (s.cache.nodeOf(key) !== undefined && !s.cache.isAssumed(key)) {
      s.cache.removePod(key);
      s.event('AssignedPodDelete');
      return;
    }
    if (s.cache.isAssumed(key)) s.cache.forget(key);
    s.gone(key);
  }

  /** Starts every informer; resolves once they have listed. */
  async start(): Promise<void> {
    await Promise.all(this.all.map((i) => i.start()));
  }

  /** Stops them. */
  stop(): void {
    for (const i of this.all) i.stop();
  }

  nodes(): readonly NodeInfo[] {
    return this.sinks.cache.list();
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.sinks.cache.get(name);
  }

  imageNodes(image: string): number {
    return this.sinks.cache.imageNodes(image);
  }

  namespace(name: string): Namespace | undefined {
    return this.namespaces.get(name);
  }

  pvc(namespace: string, name: string): PersistentVolumeClaim | undefined {
    return this.pvcs.get(`${namespace}/${name}`);
  }

  pv(name: string): PersistentVolume | undefined {
    return this.pvsInformer.get(name);
  }

  pvs(): readonly PersistentVolume[] {
    return this.pvsInformer.list();
  }

  storageClass(name: string): StorageClass | undefined {
    return this.classes.get(name);
  }

  services(namespace: string): readonly Service[] {
    return this.servicesInformer.byIndex('namespace', namespace);
  }

  replicaSet(namespace: string, name: string): ReplicaSet | undefined {
    return this.rss.get(`${namespace}/${name}`);
  }

  replicationController(namespace: string, name: string): ReplicationController | undefined {
    return this.rcs.get(`${namespace}/${name}`);
  }

  statefulSet(namespace: string, name: string): StatefulSet | undefined {
    return this.sss.get(`${namespace}/${name}`);
  }

  pdbs(): readonly PodDisruptionBudget[] {
    return this.pdbInformer.list();
  }

  pod(key: string): Pod | undefined {
    return this.pods.get(key);
  }

  nominatedPods(node: string): readonly PodInfo[] {
    return this.sinks.nominator.pods(node);
  }
}
