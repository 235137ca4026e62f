/**
 * NetworkPolicy semantics (networking.k8s.io/v1), as a network-policy agent enforces them:
 * traffic is allowed by default; a pod selected by a policy of type Ingress (Egress) is
 * isolated for that direction and then accepts (sends) only what some rule of those policies
 * allows — a peer (`podSelector` in the policy's namespace, `namespaceSelector`, both, or an
 * `ipBlock` with exceptions; no peers = everyone) and a port (number or named container
 * port, protocol TCP by default, `endPort` ranges; no ports = all). Both ends must allow:
 * the sender's egress and the receiver's ingress.
 */
import type { LabelSelector, NetworkPolicy } from '../api/types';
import { selectorMatches } from '../apiserver/resources/selector';
import { cidrContains } from './ip';

/** What the network knows of a pod. */
export interface PodInfo {
  /** namespace/name */
  key: string;
  namespace: string;
  name: string;
  ip: string;
  nodeName?: string;
  labels: Record<string, string>;
  /** The containers' ports (for named ports). */
  ports: { name?: string; containerPort: number; protocol?: string }[];
  hostNetwork: boolean;
  dnsPolicy?: string;
  phase?: string;
}

/** The cluster state policies are evaluated against. */
export interface PolicyView {
  /** The NetworkPolicies of a namespace. */
  policies(namespace: string): readonly NetworkPolicy[];
  /** A namespace's labels (undefined: no such namespace). */
  namespaceLabels(namespace: string): Record<string, string> | undefined;
}

/** One end of a connection: an address, and the pod behind it when there is one (not host-network). */
export interface PolicyPeer {
  ip: string;
  pod?: PodInfo;
}

/** Whether `labels` match a metav1.LabelSelector (`{}` matches everything, none matches nothing): the API server's own matcher. */
export function labelSelectorMatches(sel: LabelSelector | undefined, labels: Record<string, string>): boolean {
  return selectorMatches(sel, labels);
}

/** The policy types of a policy: as given, else Ingress plus Egress when it has egress rules (the API's defaulting). */
export function policyTypes(p: NetworkPolicy): string[] {
  if (p.spec.policyTypes && p.spec.policyTypes.length > 0) return p.spec.policyTypes;
  return (p.spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

interface PeerSpec {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface PortSpec {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

function peerMatches(view: PolicyView, policy: NetworkPolicy, spec: PeerSpec, peer: PolicyPeer): boolean {
  if (spec.ipBlock) {
    if (!cidrContains(spec.ipBlock.cidr, peer.ip)) return false;
    return !(spec.ipBlock.except ?? []).some((c) => cidrContains(c, peer.ip));
  }
  const pod = peer.pod;
  if (!pod || pod.hostNetwork) return false;
  if (spec.namespaceSelector) {
    const nsLabels = view.namespaceLabels(pod.namespace);
    if (!nsLabels || !labelSelectorMatches(spec.namespaceSelector, nsLabels)) return false;
  } else if (pod.namespace !== policy.metadata.namespace) return false;
  if (spec.podSelector) return labelSelectorMatches(spec.podSelector, pod.labels);
  return spec.namespaceSelector !== undefined;
}

function portMatches(spec: PortSpec, port: number, protocol: string, target: PodInfo | undefined): boolean {
  if ((spec.protocol ?? 'TCP') !== protocol) return false;
  if (spec.port === undefined || spec.port === null) return true;
  if (typeof spec.port === 'string') {
    // A named port is looked up in the destination pod's containers.
    return (target?.ports ?? []).some((p) => p.name === spec.port && p.containerPort === port && (p.protocol ?? 'TCP') === protocol);
  }
  if (spec.endPort !== undefined) return port >= spec.port && port <= spec.endPort;
  return port === spec.port;
}

/**
 * Whether `subject` (a pod) may receive from (`ingress`) or send to (`egress`) `peer` on
 * `port`/`protocol` — the port is always the destination's, so named ports resolve against
 * the subject for ingress and the peer for egress.
 */
export function policyAllows(view: PolicyView, direction: 'ingress' | 'egress', subject: PodInfo, peer: PolicyPeer, port: number, protocol: string): boolean {
  if (subject.hostNetwork) return true;
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  const selecting = view.policies(subject.namespace).filter((p) => policyTypes(p).includes(type) && labelSelectorMatches(p.spec.podSelector ?? {}, subject.labels));
  if (selecting.length === 0) return true;
  const target = direction === 'ingress' ? subject : peer.pod;
  for (const p of selecting) {
    const rules = (direction === 'ingress' ? p.spec.ingress : p.spec.egress) ?? [];
    for (const rule of rules) {
      const peers = ((direction === 'ingress' ? rule['from'] : rule['to']) ?? []) as PeerSpec[];
      const ports = (rule['ports'] ?? []) as PortSpec[];
      const peerOk = peers.length === 0 || peers.some((s) => peerMatches(view, p, s, peer));
      const portOk = ports.length === 0 || ports.some((s) => portMatches(s, port, protocol, target));
      if (peerOk && portOk) return true;
    }
  }
  return false;
}

/** The policies that isolate `subject` in a direction (for explanations). */
export function isolatingPolicies(view: PolicyView, direction: 'ingress' | 'egress', subject: PodInfo): string[] {
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  return view
    .policies(subject.namespace)
    .filter((p) => policyTypes(p).includes(type) && labelSelectorMatches(p.spec.podSelector ?? {}, subject.labels))
    .map((p) => p.metadata.name ?? '');
}
