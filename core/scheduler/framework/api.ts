/**
 * The parts of the core/v1 Pod and PersistentVolume shapes the scheduler reads that the shared
 * `api/types.ts` leaves open (`affinity`, `topologySpreadConstraints`, `overhead`, `volumes`,
 * `preemptionPolicy`, node affinity of volumes), typed as in k8s.io/api/core/v1.
 */
import type { LabelSelector, Pod, PodSpec } from '../../api/types';

/** v1.NodeSelectorRequirement. */
export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

/** v1.NodeSelectorTerm: requirements are ANDed. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

/** v1.NodeSelector: terms are ORed. */
export interface NodeSelector {
  nodeSelectorTerms: NodeSelectorTerm[];
}

/** v1.PreferredSchedulingTerm. */
export interface PreferredSchedulingTerm {
  weight: number;
  preference: NodeSelectorTerm;
}

/** v1.PodAffinityTerm. */
export interface PodAffinityTerm {
  labelSelector?: LabelSelector | null;
  namespaces?: string[];
  topologyKey: string;
  namespaceSelector?: LabelSelector | null;
  matchLabelKeys?: string[];
  mismatchLabelKeys?: string[];
}

/** v1.WeightedPodAffinityTerm. */
export interface WeightedPodAffinityTerm {
  weight: number;
  podAffinityTerm: PodAffinityTerm;
}

/** v1.Affinity. */
export interface Affinity {
  nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector | null; preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[] };
  podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[] };
  podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[] };
}

/** v1.TopologySpreadConstraint. */
export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: LabelSelector | null;
  minDomains?: number;
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
  matchLabelKeys?: string[];
}

/** v1.Volume, the sources the scheduler looks at. */
export interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  ephemeral?: unknown;
  [source: string]: unknown;
}

/** The pod spec as the scheduler reads it. */
export interface SchedulingPodSpec extends PodSpec {
  affinity?: Affinity;
  topologySpreadConstraints?: TopologySpreadConstraint[];
  overhead?: Record<string, string>;
  volumes?: Volume[];
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  priorityClassName?: string;
  schedulingGates?: { name: string }[];
  hostNetwork?: boolean;
}

/** A pod's spec, typed for the scheduler. */
export function specOf(pod: Pod): SchedulingPodSpec {
  return pod.spec as SchedulingPodSpec;
}

/** v1.VolumeNodeAffinity of a PersistentVolume. */
export interface VolumeNodeAffinity {
  required?: NodeSelector;
}

/** The well-known topology labels. */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
/** topology.kubernetes.io/zone */
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
/** topology.kubernetes.io/region */
export const LABEL_REGION = 'topology.kubernetes.io/region';
/** The deprecated zone label, still honoured. */
export const LABEL_ZONE_BETA = 'failure-domain.beta.kubernetes.io/zone';
/** The deprecated region label, still honoured. */
export const LABEL_REGION_BETA = 'failure-domain.beta.kubernetes.io/region';
