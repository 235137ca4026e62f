/**
 * The rules kube-proxy programs into a node's network (its iptables/IPVS state, as data): for
 * every service port, the virtual addresses it answers on (cluster IP, external IPs, node port)
 * and its endpoints. The network applies the rules of the node a connection passes through.
 */

/** One endpoint behind a service port. */
export interface RuleEndpoint {
  ip: string;
  port: number;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** The node the endpoint runs on. */
  nodeName?: string;
  /** The pod (namespace/name) behind the endpoint. */
  pod?: string;
}

/** One service port as kube-proxy programs it. */
export interface ServicePortRule {
  /** `namespace/name:portName` (kube-proxy's ServicePortName). */
  name: string;
  /** The service (namespace/name). */
  service: string;
  protocol: string;
  /** The cluster IP (absent for headless services, which kube-proxy skips anyway). */
  clusterIP?: string;
  port: number;
  /** The node port, for NodePort and LoadBalancer services. */
  nodePort?: number;
  externalIPs: string[];
  /** sessionAffinity: ClientIP's timeout (seconds); absent for `None`. */
  affinitySeconds?: number;
  /** internalTrafficPolicy: Local. */
  internalLocal: boolean;
  /** externalTrafficPolicy: Local. */
  externalLocal: boolean;
  endpoints: RuleEndpoint[];
}

/** Everything kube-proxy programmed on one node. */
export interface NodeRules {
  node: string;
  /** When the rules were last written (virtual ms). */
  syncedAt: number;
  services: ServicePortRule[];
}

/** Where the network sends traffic: the node's machine, as the host describes it. */
export interface NodeAddress {
  name: string;
  /** The node's InternalIP. */
  ip: string;
  /** The node's pod CIDR (`10.244.1.0/24`). */
  podCIDR: string;
}
