/**
 * The cluster's networking, wired together: the pod network, the CNI's agent (kindnet: pods,
 * namespaces, NetworkPolicies), one kube-proxy per node and cluster DNS. Each reads the API
 * with its own identity, as in a kubeadm (kind) cluster: `kube-system/kindnet`,
 * `kube-system/kube-proxy` and `kube-system/coredns`.
 */
import type { UserInfo } from '../apiserver/request';
import { serviceAccountUser } from '../apiserver/auth/user';
import type { Clock } from '../clock/clock';
import type { Client } from '../client/client';
import { ClusterDns } from '../dns/dns';
import { NetworkAgent } from '../network/agent';
import { Network } from '../network/network';
import type { NodeAddress } from '../network/rules';
import type { Tracer } from '../trace/trace';
import { KubeProxy } from './proxy';

/** What the networking needs from the composition root. */
export interface NetworkStackOptions {
  clock: Clock;
  /** A client acting as a user, with a component's User-Agent. */
  clientFor(user: UserInfo, component: string): Client;
  nodes: readonly NodeAddress[];
  trace?: Pick<Tracer, 'emit'>;
}

/** The network, its agent, the kube-proxies and DNS. */
export class NetworkStack {
  readonly network: Network;
  readonly agent: NetworkAgent;
  readonly proxies: KubeProxy[];
  readonly dns: ClusterDns;

  constructor(options: NetworkStackOptions) {
    const sa = (name: string) => serviceAccountUser('kube-system', name);
    this.network = new Network(options.clock);
    for (const n of options.nodes) this.network.addNode(n);
    this.agent = new NetworkAgent(options.clientFor(sa('kindnet'), 'kindnet'), options.clock);
    this.network.setDirectory(this.agent);
    this.proxies = options.nodes.map((n) => new KubeProxy({ nodeName: n.name, client: options.clientFor(sa('kube-proxy'), 'kube-proxy'), clock: options.clock, network: this.network, ...(options.trace ? { trace: options.trace } : {}) }));
    this.dns = new ClusterDns(options.clientFor(sa('coredns'), 'coredns'), options.clock, this.network, options.trace);
    this.network.setResolver(this.dns);
  }

  /** A resolver for the container runtime: `(name, namespace) → address`, as cluster DNS answers a pod of that namespace. */
  readonly resolve = (name: string, namespace: string, podKey?: string): string | undefined => this.dns.lookup(name, namespace, podKey);

  /** The kube-proxy of a node. */
  proxy(node: string): KubeProxy {
    const p = this.proxies.find((x) => x.nodeName === node);
    if (!p) throw new RangeError(`node "${node}" not found`);
    return p;
  }

  /** Starts the agent, DNS and every kube-proxy. */
  async start(): Promise<void> {
    await this.agent.start();
    await this.dns.start();
    for (const p of this.proxies) await p.start();
  }

  /** Stops them (the programmed rules stay). */
  stop(): void {
    for (const p of this.proxies) p.stop();
    this.dns.stop();
    this.agent.stop();
  }
}
