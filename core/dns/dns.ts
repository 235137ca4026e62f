/**
 * Cluster DNS as the coredns pods serve it (kubeadm's `coredns` Deployment behind the `kube-dns`
 * Service, 10.96.0.10). CoreDNS reads Services, EndpointSlices and Namespaces through informers
 * as the `kube-system/coredns` service account (kubeadm's `system:coredns` role). A pod with
 * `dnsPolicy: ClusterFirst` asks it with its resolv.conf search path; the server answers only
 * while at least one coredns pod is Running (else the resolver times out: "connection timed
 * out; no servers could be reached"), and the packets to port 53 are subject to
 * NetworkPolicies like any others (an egress deny-all breaks DNS). Pods with `dnsPolicy:
 * Default`, and host-network pods without `ClusterFirstWithHostNet`, use the node's resolver,
 * which knows no cluster names.
 */
import type { EndpointSlice, Namespace, Service } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client } from '../client/client';
import { Informer } from '../client/informer';
import { isIPv4 } from '../network/ip';
import type { Network } from '../network/network';
import { policyAllows, type PodInfo } from '../network/policy';
import type { DnsResult, Resolver } from '../network/resolver';
import { NO_TRACE, type Tracer } from '../trace/trace';
import { lookupRecord, searchCandidates, type RecordSource } from './records';

/** The cluster domain (kubelet's --cluster-domain, kubeadm's default). */
export const CLUSTER_DOMAIN = 'cluster.local';
/** The kube-dns Service's cluster IP (the tenth address of the service range, as kubeadm picks it). */
export const KUBE_DNS_IP = '10.96.0.10';
/** The resolver of the nodes (kind's Docker network gateway). */
export const NODE_RESOLVER = '172.18.0.1';
/** The labels of the coredns pods. */
export const COREDNS_LABELS = { 'k8s-app': 'kube-dns' };

/** Cluster DNS. */
export class ClusterDns implements Resolver, RecordSource {
  private readonly services: Informer<Service>;
  private readonly sliceInformer: Informer<EndpointSlice>;
  private readonly namespaces: Informer<Namespace>;
  private readonly trace: Pick<Tracer, 'emit'>;
  private running = false;

  constructor(
    client: Client,
    clock: Clock,
    private readonly network: Network,
    trace?: Pick<Tracer, 'emit'>,
  ) {
    this.trace = trace ?? NO_TRACE;
    this.services = new Informer<Service>(client, { resource: 'services' }, clock);
    this.sliceInformer = new Informer<EndpointSlice>(client, { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' }, clock);
    this.namespaces = new Informer<Namespace>(client, { resource: 'namespaces' }, clock);
    this.sliceInformer.addIndex('service', (s) => {
      const svc = s.metadata.labels?.['kubernetes.io/service-name'];
      return svc ? [`${s.metadata.namespace ?? ''}/${svc}`] : [];
    });
  }

  /** Starts the informers. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await Promise.all([this.services.start(), this.sliceInformer.start(), this.namespaces.start()]);
  }

  /** Stops the informers. */
  stop(): void {
    this.running = false;
    this.services.stop();
    this.sliceInformer.stop();
    this.namespaces.stop();
  }

  service(namespace: string, name: string): Service | undefined {
    return this.services.get(`${namespace}/${name}`);
  }

  slices(namespace: string, service: string): readonly EndpointSlice[] {
    return this.sliceInformer.byIndex('service', `${namespace}/${service}`);
  }

  namespaceExists(namespace: string): boolean {
    return this.namespaces.get(namespace) !== undefined;
  }

  /** The Running coredns pods. */
  servers(): PodInfo[] {
    return this.network.pods.runningPods('kube-system', COREDNS_LABELS);
  }

  /** Whether a pod asks cluster DNS (else the node's resolver). */
  static usesClusterDns(pod: PodInfo | undefined): boolean {
    if (!pod) return false;
    const policy = pod.dnsPolicy ?? 'ClusterFirst';
    if (policy === 'Default' || policy === 'None') return false;
    return !pod.hostNetwork || policy === 'ClusterFirstWithHostNet';
  }

  resolve(from: PodInfo | undefined, name: string): DnsResult {
    if (isIPv4(name)) return { ok: true, name, addresses: [name], server: KUBE_DNS_IP };
    if (!ClusterDns.usesClusterDns(from)) {
      const tried = [name.replace(/\.$/, '')];
      return name.toLowerCase().replace(/\.$/, '') === 'localhost' ? { ok: true, name: 'localhost', addresses: ['127.0.0.1'], server: NODE_RESOLVER } : { ok: false, error: 'nxdomain', tried, server: NODE_RESOLVER };
    }
    const candidates = searchCandidates(name, from?.namespace, CLUSTER_DOMAIN);
    const server = this.reachableServer(from);
    if (!server) {
      this.emit('timeout', `no coredns server answered ${name} from ${from?.key ?? 'a node'}`);
      return { ok: false, error: 'timeout', tried: candidates, server: KUBE_DNS_IP };
    }
    for (const fqdn of candidates) {
      const a = lookupRecord(this, fqdn, CLUSTER_DOMAIN);
      if (a.found) {
        this.emit('query', `${server.name}: A ${fqdn} → ${a.cname ? `CNAME ${a.cname}` : a.addresses.join(', ')}`);
        return { ok: true, name: fqdn, addresses: a.addresses, ...(a.cname ? { cname: a.cname } : {}), server: KUBE_DNS_IP };
      }
    }
    this.emit('query', `${server.name}: ${name} → NXDOMAIN`);
    return { ok: false, error: 'nxdomain', tried: candidates, server: KUBE_DNS_IP };
  }

  /**
   * The first address of `name` asked from a pod (`podKey`, for its dnsPolicy and the
   * NetworkPolicies on port 53) or, without one, from any pod of `namespace`; undefined when
   * it does not resolve (the container runtime's resolver).
   */
  lookup(name: string, namespace: string, podKey?: string): string | undefined {
    const pod = podKey ? this.network.pods.pod(podKey) : undefined;
    const from: PodInfo = pod ?? { key: `${namespace}/`, namespace, name: '', ip: '', labels: {}, ports: [], hostNetwork: false };
    const r = this.resolve(from, name);
    return r.ok ? r.addresses[0] : undefined;
  }

  /** The coredns pod a query from `from` reaches (one Running, not cut off by NetworkPolicies on UDP 53). */
  private reachableServer(from: PodInfo | undefined): PodInfo | undefined {
    const view = this.network.pods;
    return this.servers().find((s) => {
      if (from && !policyAllows(view, 'egress', from, { ip: s.ip, pod: s }, 53, 'UDP')) return false;
      return policyAllows(view, 'ingress', s, { ip: from?.ip ?? '', ...(from ? { pod: from } : {}) }, 53, 'UDP');
    });
  }

  private emit(action: string, message: string): void {
    this.trace.emit({ component: 'coredns', action, message });
  }
}
