/**
 * The scheduling framework's shapes, as kube-scheduler's (pkg/scheduler/framework): a `Status`
 * with a code and human reasons, the extension points a plugin may implement (PreFilter,
 * Filter, PostFilter, PreScore, Score with NormalizeScore, PreBind), the cycle state shared by
 * a plugin's points during one decision, and the `Handle` through which plugins read the
 * cluster (the scheduler's informer caches, never the API server directly).
 */
import type { Namespace, PersistentVolume, PersistentVolumeClaim, Pod, PodDisruptionBudget, ReplicaSet, ReplicationController, Service, StatefulSet, StorageClass } from '../../api/types';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';

/** A status code (framework.Code). */
export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip';

/** The highest score a Score plugin gives a node (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/** The result of an extension point: a code and the reasons, with the plugin that said it. */
export class Status {
  plugin = '';
  constructor(
    readonly code: Code,
    readonly reasons: readonly string[] = [],
  ) {}

  /** Whether a node (or the pod) was rejected. */
  get rejected(): boolean {
    return this.code === 'Unschedulable' || this.code === 'UnschedulableAndUnresolvable';
  }

  /** The reasons joined, as Status.Message(). */
  get message(): string {
    return this.reasons.join(', ');
  }
}

/** A rejection that preemption may resolve. */
export function unschedulable(...reasons: string[]): Status {
  return new Status('Unschedulable', reasons);
}

/** A rejection that preemption cannot resolve. */
export function unresolvable(...reasons: string[]): Status {
  return new Status('UnschedulableAndUnresolvable', reasons);
}

/** "This plugin has nothing to do for this pod" (PreFilter/PreScore). */
export const SKIP = new Status('Skip');

/** Data one plugin keeps between its extension points during one scheduling cycle. */
export type CycleState = Map<string, unknown>;

/** A change in the cluster that may make unschedulable pods schedulable (framework.ClusterEvent). */
export type ClusterEvent =
  | 'NodeAdd'
  | 'NodeUpdate'
  | 'AssignedPodAdd'
  | 'AssignedPodUpdate'
  | 'AssignedPodDelete'
  | 'PersistentVolumeAdd'
  | 'PersistentVolumeUpdate'
  | 'PersistentVolumeClaimAdd'
  | 'PersistentVolumeClaimUpdate'
  | 'StorageClassAdd'
  | 'StorageClassUpdate';

/** A PreFilter result that narrows the nodes to look at (framework.PreFilterResult). */
export interface PreFilterResult {
  nodeNames: Set<string>;
}

/** What every plugin has. */
export interface Plugin {
  readonly name: string;
  /** The events after which a pod this plugin rejected may fit (EnqueueExtensions). */
  readonly events?: readonly ClusterEvent[];
}

/** A plugin with a PreFilter point. */
export interface PreFilterPlugin extends Plugin {
  /** undefined for success; `SKIP` to skip its Filter; a rejection for every node. */
  preFilter(state: CycleState, pod: PodInfo): Status | PreFilterResult | undefined;
}

/** A plugin with a Filter point. */
export interface FilterPlugin extends Plugin {
  /** undefined when the pod fits the node, else why not. */
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status | undefined;
}

/** A plugin with a PreScore point. */
export interface PreScorePlugin extends Plugin {
  /** undefined for success; `SKIP` to skip its Score. */
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): Status | undefined;
}

/** A plugin with a Score point (and optionally NormalizeScore). */
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** Rescales the scores of every node to 0..MAX_NODE_SCORE, in place. */
  normalize?(state: CycleState, pod: PodInfo, scores: number[], nodes: readonly NodeInfo[]): void;
}

/** What a PostFilter (preemption) returns. */
export interface PostFilterResult {
  status: Status;
  /** The node the pod is nominated to ('' clears the nomination). */
  nominatedNodeName?: string;
  /** The victims deleted, for the explanation. */
  victims?: { node: string; pods: string[] };
}

/** A plugin with a PostFilter point: runs when no node fits. */
export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, statuses: NodeStatuses): Promise<PostFilterResult>;
}

/** A plugin with a PreBind point (volume binding). */
export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: PodInfo, nodeName: string): Promise<Status | undefined>;
}

/** The statuses of the nodes a decision rejected, and the status of the nodes it did not look at. */
export interface NodeStatuses {
  byNode: Map<string, Status>;
  /** The status of every node absent from `byNode` (after a PreFilter rejection, or nodes PreFilter left out). */
  absent?: Status;
}

/** The status of one node in `s`. */
export function statusOf(s: NodeStatuses, node: string): Status | undefined {
  return s.byNode.get(node) ?? s.absent;
}

/** What plugins can read of the cluster (framework.Handle), from the scheduler's caches. */
export interface Handle {
  /** Every node, in the order the scheduler walks them. */
  nodes(): readonly NodeInfo[];
  nodeInfo(name: string): NodeInfo | undefined;
  /** How many nodes have an image (normalised name). */
  imageNodes(image: string): number;
  namespace(name: string): Namespace | undefined;
  pvc(namespace: string, name: string): PersistentVolumeClaim | undefined;
  pv(name: string): PersistentVolume | undefined;
  pvs(): readonly PersistentVolume[];
  storageClass(name: string): StorageClass | undefined;
  services(namespace: string): readonly Service[];
  replicaSet(namespace: string, name: string): ReplicaSet | undefined;
  replicationController(namespace: string, name: string): ReplicationController | undefined;
  statefulSet(namespace: string, name: string): StatefulSet | undefined;
  pdbs(): readonly PodDisruptionBudget[];
  /** The live pod (informer cache) by key. */
  pod(key: string): Pod | undefined;
  /** Pods nominated to a node (status.nominatedNodeName) and not yet bound. */
  nominatedPods(node: string): readonly PodInfo[];
}
