/**
 * The network's view of the cluster, as kind's CNI (kindnet, with its network-policy agent)
 * keeps it: pods, namespaces and NetworkPolicies, read through the API with informers as the
 * `kube-system/kindnet` service account — never from the store. The network asks it which pod
 * owns an address, what a pod's labels and ports are, and which policies apply.
 */
import type { Namespace, NetworkPolicy, Pod } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client } from '../client/client';
import { Informer, keyOf } from '../client/informer';
import type { PodInfo, PolicyView } from './policy';

/** The pods of the cluster as the network sees them. */
export interface PodDirectory {
  /** The pod `namespace/name`, if it exists. */
  pod(key: string): PodInfo | undefined;
  /** The (not host-network, not finished) pod with this IP. */
  podByIP(ip: string): PodInfo | undefined;
  /** The Running pods matching a namespace and labels (for DNS's coredns check and tools). */
  runningPods(namespace: string, labels: Record<string, string>): PodInfo[];
}

/** What the network reads from a Pod. */
export function podInfo(pod: Pod): PodInfo {
  const ports = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].flatMap((c) => (c.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), containerPort: p.containerPort, protocol: p.protocol ?? 'TCP' })));
  return {
    key: keyOf(pod),
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    ip: pod.status?.podIP ?? '',
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    labels: pod.metadata.labels ?? {},
    ports,
    hostNetwork: pod.spec['hostNetwork'] === true,
    ...(pod.spec.dnsPolicy ? { dnsPolicy: pod.spec.dnsPolicy } : {}),
    ...(pod.status?.phase ? { phase: pod.status.phase } : {}),
  };
}

/** The network agent: informers over pods, namespaces and NetworkPolicies. */
export class NetworkAgent implements PolicyView, PodDirectory {
  private readonly pods: Informer<Pod>;
  private readonly namespaces: Informer<Namespace>;
  private readonly netpols: Informer<NetworkPolicy>;
  private running = false;

  constructor(client: Client, clock: Clock) {
    this.pods = new Informer<Pod>(client, { resource: 'pods' }, clock);
    this.namespaces = new Informer<Namespace>(client, { resource: 'namespaces' }, clock);
    this.netpols = new Informer<NetworkPolicy>(client, { group: 'networking.k8s.io', resource: 'networkpolicies' }, clock);
    this.pods.addIndex('podIP', (p) => (p.status?.podIP && p.spec['hostNetwork'] !== true ? [p.status.podIP] : []));
  }

  /** Whether the agent runs. */
  get isRunning(): boolean {
    return this.running;
  }

  /** Starts the informers. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await Promise.all([this.pods.start(), this.namespaces.start(), this.netpols.start()]);
  }

  /** Stops the informers (the last known state stays, as programmed rules do). */
  stop(): void {
    this.running = false;
    this.pods.stop();
    this.namespaces.stop();
    this.netpols.stop();
  }

  pod(key: string): PodInfo | undefined {
    const p = this.pods.get(key);
    return p ? podInfo(p) : undefined;
  }

  podByIP(ip: string): PodInfo | undefined {
    const live = this.pods.byIndex('podIP', ip).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const p = live.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''))[live.length - 1];
    return p ? podInfo(p) : undefined;
  }

  runningPods(namespace: string, labels: Record<string, string>): PodInfo[] {
    return this.pods
      .byIndex('namespace', namespace)
      .filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp && Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v))
      .map(podInfo)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  policies(namespace: string): readonly NetworkPolicy[] {
    return this.netpols.byIndex('namespace', namespace).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  }

  namespaceLabels(namespace: string): Record<string, string> | undefined {
    const ns = this.namespaces.get(namespace);
    return ns ? (ns.metadata.labels ?? {}) : undefined;
  }
}
