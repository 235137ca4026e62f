/**
 * framework.PodInfo: a pod with what the plugins need parsed once — its effective requests,
 * host ports, affinity terms with compiled selectors, claims and images — so that a node's
 * pods and a pod being scheduled are not re-parsed for every node.
 */
import type { Pod } from '../../api/types';
import { specOf, type PodAffinityTerm, type WeightedPodAffinityTerm } from './api';
import { podRequests, type Resource } from './resources';
import { compileLabelSelector, type LabelMatcher } from './selectors';

/** A pod affinity term, compiled (framework.AffinityTerm). */
export interface AffinityTerm {
  namespaces: Set<string>;
  selector: LabelMatcher;
  topologyKey: string;
  /** undefined when the term has no namespaceSelector; matches namespace labels otherwise. */
  namespaceSelector?: LabelMatcher;
}

/** A weighted pod affinity term, compiled. */
export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

/** A host port a pod asks for. */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** A pod, parsed for scheduling. */
export interface PodInfo {
  pod: Pod;
  key: string;
  namespace: string;
  priority: number;
  requests: Resource;
  nonZeroRequests: Resource;
  ports: HostPort[];
  requiredAffinityTerms: AffinityTerm[];
  requiredAntiAffinityTerms: AffinityTerm[];
  preferredAffinityTerms: WeightedAffinityTerm[];
  preferredAntiAffinityTerms: WeightedAffinityTerm[];
  /** `namespace/claimName` of every PVC the pod mounts. */
  claims: string[];
}

function affinityTerm(pod: Pod, t: PodAffinityTerm): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  // No namespaces and no namespaceSelector: the pod's own namespace.
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(pod.metadata.namespace ?? 'default');
  const labels = pod.metadata.labels ?? {};
  const extra = [
    ...(t.matchLabelKeys ?? []).filter((k) => labels[k] !== undefined).map((k) => ({ key: k, operator: 'In', values: [labels[k] as string] })),
    ...(t.mismatchLabelKeys ?? []).filter((k) => labels[k] !== undefined).map((k) => ({ key: k, operator: 'NotIn', values: [labels[k] as string] })),
  ];
  return {
    namespaces,
    selector: compileLabelSelector(t.labelSelector, extra),
    topologyKey: t.topologyKey,
    ...(t.namespaceSelector ? { namespaceSelector: compileLabelSelector(t.namespaceSelector) } : {}),
  };
}

function weighted(pod: Pod, terms: WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (terms ?? []).map((w) => ({ ...affinityTerm(pod, w.podAffinityTerm), weight: w.weight }));
}

/** The key of a pod in the scheduler: `namespace/name`. */
export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
}

/** Parses a pod. */
export function newPodInfo(pod: Pod): PodInfo {
  const spec = specOf(pod);
  const ports: HostPort[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      const hp = p as typeof p & { hostIP?: string };
      if (p.hostPort && p.hostPort > 0) ports.push({ ip: hp.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  const aff = spec.affinity;
  const claims: string[] = [];
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of spec.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName) claims.push(`${ns}/${v.persistentVolumeClaim.claimName}`);
    else if (v.ephemeral) claims.push(`${ns}/${pod.metadata.name ?? ''}-${v.name}`);
  }
  return {
    pod,
    key: podKey(pod),
    namespace: ns,
    priority: spec.priority ?? 0,
    requests: podRequests(pod),
    nonZeroRequests: podRequests(pod, true),
    ports,
    requiredAffinityTerms: (aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t)),
    requiredAntiAffinityTerms: (aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(pod, t)),
    preferredAffinityTerms: weighted(pod, aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinityTerms: weighted(pod, aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    claims,
  };
}

/**
 * Whether a term matches a pod (framework.AffinityTerm.Matches): the pod's namespace is listed
 * or selected, and its labels match. `nsLabels` are the labels of the pod's namespace.
 */
export function termMatches(term: AffinityTerm, pod: Pod, nsLabels: Record<string, string> | undefined): boolean {
  const ns = pod.metadata.namespace ?? 'default';
  if (term.namespaces.has(ns) || (term.namespaceSelector !== undefined && term.namespaceSelector(nsLabels))) return term.selector(pod.metadata.labels);
  return false;
}
