/**
 * The simulated pod network. Servers listen on `ip:port`; a connection is a function call.
 * Before delivery, the rules kube-proxy programmed on the node the traffic passes through turn
 * a Service address into a pod address:
 *  - ClusterIP:port (and external IPs) on the sender's node, NodeIP:nodePort on the receiving
 *    node (masqueraded to the node's address unless `externalTrafficPolicy: Local`);
 *  - a ready endpoint (or, when none is ready, a serving terminating one) chosen round robin
 *    per node and service port, as kube-proxy's userspace and IPVS `rr` modes do. kube-proxy's
 *    iptables mode picks at random (`statistic --mode random`); round robin here makes the
 *    spread visible and the simulation deterministic;
 *  - `sessionAffinity: ClientIP` keeps a client on one endpoint for `timeoutSeconds` of virtual
 *    time; a service without endpoints rejects (iptables REJECT: "Connection refused"); with a
 *    Local traffic policy and no local endpoint, packets are dropped (a timeout).
 * Then NetworkPolicies (egress of the sender, ingress of the receiver) may drop the packets (a
 * timeout); an address nobody has times out; an address with no listener on the port refuses.
 */
import type { Clock } from '../clock/clock';
import type { ConnectError, ConnectResult, HttpRequest, HttpResponse, Listener, Peer, PodNetwork } from './types';
import type { PodDirectory } from './agent';
import { cidrContains, compareIPs } from './ip';
import { policyAllows, type PodInfo, type PolicyPeer, type PolicyView } from './policy';
import type { Resolver } from './resolver';
import type { NodeAddress, NodeRules, RuleEndpoint, ServicePortRule } from './rules';
import { httpFrom, nslookup, ping, type HttpOptions, type HttpOutcome, type ToolOutput, type ToolSource } from './tools';

/** The route a connection took (or why it failed), for tools and explanations. */
export type Route =
  | {
      ok: true;
      ip: string;
      port: number;
      listener: Listener | undefined;
      /** The sender as the receiver sees it (the node's address after a NodePort's masquerade). */
      peer: Peer;
      pod?: PodInfo;
      service?: string;
      steps: string[];
      sourceNode?: string;
    }
  | { ok: false; error: ConnectError; steps: string[] };

const EMPTY_DIRECTORY: PodDirectory & PolicyView = {
  pod: () => undefined,
  podByIP: () => undefined,
  runningPods: () => [],
  policies: () => [],
  namespaceLabels: () => undefined,
};

/** The cluster's pod network. */
export class Network implements PodNetwork {
  private readonly listeners = new Map<string, Listener>();
  private readonly nodes: NodeAddress[] = [];
  private readonly programmed = new Map<string, NodeRules>();
  private readonly rr = new Map<string, number>();
  private readonly affinity = new Map<string, { ip: string; port: number; until: number }>();
  private directory: PodDirectory & PolicyView = EMPTY_DIRECTORY;
  private resolver: Resolver | undefined;

  constructor(private readonly clock: Clock) {}

  /** Sets what the network knows of pods, namespaces and policies (the CNI agent). */
  setDirectory(directory: PodDirectory & PolicyView): void {
    this.directory = directory;
  }

  /** Sets cluster DNS (names in tools are resolved through it). */
  setResolver(resolver: Resolver): void {
    this.resolver = resolver;
  }

  /**
   * `curl URL` (or busybox `wget`) from a pod (`namespace/name`) or a node (`node:<name>`):
   * the response and the pod that answered, or the tool's error text and exit code.
   */
  httpFrom(from: ToolSource, url: string, opts: HttpOptions = {}): HttpOutcome {
    return httpFrom(this, this.resolver, from, url, opts);
  }

  /** busybox `ping -c count host` from a pod or a node. */
  ping(from: ToolSource, host: string, count = 4): ToolOutput {
    return ping(this, this.resolver, from, host, count);
  }

  /** `nslookup name` from a pod or a node. */
  nslookup(from: ToolSource, name: string): ToolOutput {
    return nslookup(this, this.resolver, from, name);
  }

  /** The pod directory (pods, policies) the network uses. */
  get pods(): PodDirectory & PolicyView {
    return this.directory;
  }

  /** Attaches a node's machine (its address and pod CIDR). */
  addNode(node: NodeAddress): void {
    if (!this.nodes.some((n) => n.name === node.name)) this.nodes.push(node);
  }

  /** The nodes attached. */
  nodeAddresses(): readonly NodeAddress[] {
    return this.nodes;
  }

  /** kube-proxy writes a node's rules (replacing them). */
  program(rules: NodeRules): void {
    this.programmed.set(rules.node, rules);
  }

  /** The rules programmed on a node (what `iptables-save` would show). */
  rules(node: string): NodeRules | undefined {
    return this.programmed.get(node);
  }

  listen(ip: string, port: number, listener: Listener): () => void {
    const key = `${ip}:${port}`;
    this.listeners.set(key, listener);
    return () => {
      if (this.listeners.get(key) === listener) this.listeners.delete(key);
    };
  }

  http(from: Peer, ip: string, port: number, req: HttpRequest): ConnectResult<HttpResponse> {
    const r = this.route(from, ip, port, 'TCP');
    if (!r.ok) return { ok: false, error: r.error };
    if (!r.listener) return { ok: false, error: 'refused' };
    // A server that speaks no HTTP closes the connection: status 0, nothing received.
    const value = r.listener.http ? r.listener.http(req, r.peer) : { status: 0, headers: {}, body: '' };
    return { ok: true, value, ip: r.ip, port: r.port };
  }

  tcp(from: Peer, ip: string, port: number): ConnectResult<true> {
    const r = this.route(from, ip, port, 'TCP');
    if (!r.ok) return { ok: false, error: r.error };
    if (!r.listener) return { ok: false, error: 'refused' };
    const accepted = r.listener.tcp ? r.listener.tcp(r.peer) : true;
    return accepted ? { ok: true, value: true, ip: r.ip, port: r.port } : { ok: false, error: 'refused' };
  }

  /** The node a peer sends from: its pod's node, the node with its address, or the node whose pod CIDR holds it. */
  sourceNode(from: Peer): string | undefined {
    if (from.pod) {
      const n = this.directory.pod(from.pod)?.nodeName;
      if (n) return n;
    }
    return this.nodes.find((n) => n.ip === from.ip)?.name ?? this.nodes.find((n) => cidrContains(n.podCIDR, from.ip))?.name;
  }

  /** The pod a peer is, for policies (none for host-network senders). */
  private sourcePod(from: Peer): PodInfo | undefined {
    const p = from.pod ? this.directory.pod(from.pod) : this.directory.podByIP(from.ip);
    return p && !p.hostNetwork ? p : undefined;
  }

  /** Whether anything answers at `ip` (a node, a pod, a listener). */
  hostExists(ip: string): boolean {
    if (this.nodes.some((n) => n.ip === ip)) return true;
    if (this.directory.podByIP(ip)) return true;
    for (const k of this.listeners.keys()) if (k.startsWith(`${ip}:`)) return true;
    return false;
  }

  /**
   * Routes a connection from `from` to `ip:port`: kube-proxy's translation, then the policies,
   * then the listener. `protocol` is TCP, UDP or ICMP (port 0).
   */
  route(from: Peer, ip: string, port: number, protocol: string): Route {
    const steps: string[] = [];
    const srcNode = this.sourceNode(from) ?? this.nodes[0]?.name;
    let seenFrom: PolicyPeer = { ip: from.ip, ...(this.sourcePod(from) ? { pod: this.sourcePod(from) as PodInfo } : {}) };
    let dstIp = ip;
    let dstPort = port;
    let service: string | undefined;
    const dstNode = this.nodes.find((n) => n.ip === ip);
    if (protocol !== 'ICMP') {
      const viaNodePort = dstNode ? this.match(dstNode.name, (r) => r.nodePort === port && r.protocol === protocol) : undefined;
      const viaCluster = viaNodePort ? undefined : srcNode ? this.match(srcNode, (r) => r.port === port && r.protocol === protocol && (r.clusterIP === ip || r.externalIPs.includes(ip))) : undefined;
      const hit = viaNodePort ?? viaCluster;
      if (hit) {
        const node = (viaNodePort ? dstNode?.name : srcNode) as string;
        const local = viaNodePort || hit.externalIPs.includes(ip) ? hit.externalLocal : hit.internalLocal;
        steps.push(`${node}: ${viaNodePort ? `node port ${port}` : `${ip}:${port}`} is service ${hit.service} (kube-proxy)`);
        const ep = this.pick(node, hit, from.ip, local);
        if (!ep.ok) {
          steps.push(ep.error === 'refused' ? `service ${hit.service} has no endpoints: rejected` : `service ${hit.service} has no local endpoint on ${node}: dropped`);
          return { ok: false, error: ep.error, steps };
        }
        dstIp = ep.endpoint.ip;
        dstPort = ep.endpoint.port;
        service = hit.service;
        steps.push(`DNAT to ${dstIp}:${dstPort}${ep.endpoint.pod ? ` (pod ${ep.endpoint.pod})` : ''}`);
        if (viaNodePort && !hit.externalLocal && dstNode) {
          seenFrom = { ip: dstNode.ip };
          steps.push(`masquerade to ${dstNode.ip}`);
        }
      }
    }
    const dstPodRaw = this.directory.podByIP(dstIp);
    const dstPod = dstPodRaw && !dstPodRaw.hostNetwork ? dstPodRaw : undefined;
    const srcPod = this.sourcePod(from);
    if (srcPod && !policyAllows(this.directory, 'egress', srcPod, { ip: dstIp, ...(dstPod ? { pod: dstPod } : {}) }, dstPort, protocol)) {
      steps.push(`NetworkPolicy: egress from ${srcPod.key} to ${dstIp}:${dstPort} not allowed: dropped`);
      return { ok: false, error: 'timeout', steps };
    }
    if (dstPod && !policyAllows(this.directory, 'ingress', dstPod, seenFrom, dstPort, protocol)) {
      steps.push(`NetworkPolicy: ingress to ${dstPod.key} from ${seenFrom.ip} on ${dstPort} not allowed: dropped`);
      return { ok: false, error: 'timeout', steps };
    }
    if (!this.hostExists(dstIp)) {
      steps.push(`no host has ${dstIp}`);
      return { ok: false, error: 'timeout', steps };
    }
    const listener = protocol === 'ICMP' ? undefined : this.listeners.get(`${dstIp}:${dstPort}`);
    if (!listener && protocol !== 'ICMP') steps.push(`nothing listens on ${dstIp}:${dstPort}: refused`);
    const pod = dstPodRaw;
    const peer: Peer = seenFrom.ip === from.ip ? from : { ip: seenFrom.ip };
    return { ok: true, ip: dstIp, port: dstPort, listener, peer, ...(pod ? { pod } : {}), ...(service ? { service } : {}), steps, ...(srcNode ? { sourceNode: srcNode } : {}) };
  }

  private match(node: string, test: (r: ServicePortRule) => boolean): ServicePortRule | undefined {
    return this.programmed.get(node)?.services.find(test);
  }

  /** Chooses the endpoint of a service port, as the node's kube-proxy rules do. */
  private pick(node: string, rule: ServicePortRule, clientIP: string, local: boolean): { ok: true; endpoint: RuleEndpoint } | { ok: false; error: ConnectError } {
    let usable = rule.endpoints.filter((e) => e.ready);
    // ProxyTerminatingEndpoints: with no ready endpoint, serving terminating ones still take traffic.
    if (usable.length === 0) usable = rule.endpoints.filter((e) => e.serving && e.terminating);
    if (usable.length === 0) return { ok: false, error: 'refused' };
    if (local) usable = usable.filter((e) => e.nodeName === node);
    if (usable.length === 0) return { ok: false, error: 'timeout' };
    usable = [...usable].sort((a, b) => compareIPs(a.ip, b.ip) || a.port - b.port);
    const now = this.clock.now();
    const stateKey = `${node}|${rule.name}`;
    if (rule.affinitySeconds !== undefined) {
      const a = this.affinity.get(`${stateKey}|${clientIP}`);
      const still = a && a.until > now ? usable.find((e) => e.ip === a.ip && e.port === a.port) : undefined;
      if (still) {
        this.affinity.set(`${stateKey}|${clientIP}`, { ip: still.ip, port: still.port, until: now + rule.affinitySeconds * 1000 });
        return { ok: true, endpoint: still };
      }
    }
    const n = this.rr.get(stateKey) ?? 0;
    const endpoint = usable[n % usable.length] as RuleEndpoint;
    this.rr.set(stateKey, n + 1);
    if (rule.affinitySeconds !== undefined) this.affinity.set(`${stateKey}|${clientIP}`, { ip: endpoint.ip, port: endpoint.port, until: now + rule.affinitySeconds * 1000 });
    return { ok: true, endpoint };
  }
}
