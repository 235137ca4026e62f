/**
 * Schemas of policy/v1: PodDisruptionBudget and Eviction.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, def, gvk, int32, int64, intOrString, map, obj, ref, str, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of policy/v1. */
export const policyV1Definitions: Definition[] = [
  def(
    'io.k8s.api.policy.v1.Eviction',
    obj(
      {
        apiVersion: API_VERSION,
        deleteOptions: ref('io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'DeleteOptions may be provided'),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'ObjectMeta describes the pod that is being evicted.'),
      },
      { description: 'Eviction evicts a pod from its node subject to certain policies and safety constraints. This is a subresource of Pod.  A request to cause such an eviction is created by POSTing to .../pods/<pod name>/evictions.', proto: { tags: { deleteOptions: 2, metadata: 1 } } },
    ),
    [gvk('policy', 'v1', 'Eviction')],
  ),
  def(
    'io.k8s.api.policy.v1.PodDisruptionBudget',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.policy.v1.PodDisruptionBudgetSpec', 'Specification of the desired behavior of the PodDisruptionBudget.'),
        status: ref('io.k8s.api.policy.v1.PodDisruptionBudgetStatus', 'Most recently observed status of the PodDisruptionBudget.'),
      },
      { description: 'PodDisruptionBudget is an object to define the max disruption that can be caused to a collection of pods', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('policy', 'v1', 'PodDisruptionBudget')],
  ),
  def(
    'io.k8s.api.policy.v1.PodDisruptionBudgetList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.policy.v1.PodDisruptionBudget'), { description: 'Items is a list of PodDisruptionBudgets' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'PodDisruptionBudgetList is a collection of PodDisruptionBudgets.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('policy', 'v1', 'PodDisruptionBudgetList')],
  ),
  def(
    'io.k8s.api.policy.v1.PodDisruptionBudgetSpec',
    obj(
      {
        maxUnavailable: intOrString('An eviction is allowed if at most "maxUnavailable" pods selected by "selector" are unavailable after the eviction, i.e. even in absence of the evicted pod. For example, one can prevent all voluntary evictions by specifying 0. This is a mutually exclusive setting with "minAvailable".'),
        minAvailable: intOrString('An eviction is allowed if at least "minAvailable" pods selected by "selector" will still be available after the eviction, i.e. even in the absence of the evicted pod.  So for example you can prevent all voluntary evictions by specifying "100%".'),
        selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'Label query over pods whose evictions are managed by the disruption budget. A null selector will match no pods, while an empty ({}) selector will select all pods within the namespace.', { patchStrategy: 'replace' }),
        unhealthyPodEvictionPolicy: str('UnhealthyPodEvictionPolicy defines the criteria for when unhealthy pods should be considered for eviction. Current implementation considers healthy pods, as pods that have status.conditions item with type="Ready",status="True".\n\nValid policies are IfHealthyBudget and AlwaysAllow. If no policy is specified, the default behavior will be used, which corresponds to the IfHealthyBudget policy.\n\nIfHealthyBudget policy means that running pods (status.phase="Running"), but not yet healthy can be evicted only if the guarded application is not disrupted (status.currentHealthy is at least equal to status.desiredHealthy). Healthy pods will be subject to the PDB for eviction.\n\nAlwaysAllow policy means that all running pods (status.phase="Running"), but not yet healthy are considered disrupted and can be evicted regardless of whether the criteria in a PDB is met. This means perspective running pods of a disrupted application might not get a chance to become healthy. Healthy pods will be subject to the PDB for eviction.\n\nAdditional policies may be added in the future. Clients making eviction decisions should disallow eviction of unhealthy pods if they encounter an unrecognized policy in this field.\n\nThis field is beta-level. The eviction API uses this field when the feature gate PDBUnhealthyPodEvictionPolicy is enabled (enabled by default).\n\nPossible enum values:\n - `"AlwaysAllow"` policy means that all running pods (status.phase="Running"), but not yet healthy are considered disrupted and can be evicted regardless of whether the criteria in a PDB is met. This means perspective running pods of a disrupted application might not get a chance to become healthy. Healthy pods will be subject to the PDB for eviction.\n - `"IfHealthyBudget"` policy means that running pods (status.phase="Running"), but not yet healthy can be evicted only if the guarded application is not disrupted (status.currentHealthy is at least equal to status.desiredHealthy). Healthy pods will be subject to the PDB for eviction.', { enum: ['AlwaysAllow', 'IfHealthyBudget'] }),
      },
      { description: 'PodDisruptionBudgetSpec is a description of a PodDisruptionBudget.', proto: { tags: { maxUnavailable: 3, minAvailable: 1, selector: 2, unhealthyPodEvictionPolicy: 4 } } },
    ),
  ),
  def(
    'io.k8s.api.policy.v1.PodDisruptionBudgetStatus',
    obj(
      {
        conditions: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.Condition'), { description: 'Conditions contain conditions for PDB. The disruption controller sets the DisruptionAllowed condition. The following are known values for the reason field (additional reasons could be added in the future): - SyncFailed: The controller encountered an error and wasn\'t able to compute\n              the number of allowed disruptions. Therefore no disruptions are\n              allowed and the status of the condition will be False.\n- InsufficientPods: The number of pods are either at or below the number\n                    required by the PodDisruptionBudget. No disruptions are\n                    allowed and the status of the condition will be False.\n- SufficientPods: There are more pods than required by the PodDisruptionBudget.\n                  The condition will be True, and the number of allowed\n                  disruptions are provided by the disruptionsAllowed property.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        currentHealthy: int32('current number of healthy pods'),
        desiredHealthy: int32('minimum desired number of healthy pods'),
        disruptedPods: map(time(), 'DisruptedPods contains information about pods whose eviction was processed by the API server eviction subresource handler but has not yet been observed by the PodDisruptionBudget controller. A pod will be in this map from the time when the API server processed the eviction request to the time when the pod is seen by PDB controller as having been marked for deletion (or after a timeout). The key in the map is the name of the pod and the value is the time when the API server processed the eviction request. If the deletion didn\'t occur and a pod is still there it will be removed from the list automatically by PodDisruptionBudget controller after some time. If everything goes smooth this map should be empty for the most of the time. Large number of entries in the map may indicate problems with pod deletions.'),
        disruptionsAllowed: int32('Number of pod disruptions that are currently allowed.'),
        expectedPods: int32('total number of pods counted by this disruption budget'),
        observedGeneration: int64('Most recent generation observed when updating this PDB status. DisruptionsAllowed and other status information is valid only if observedGeneration equals to PDB\'s object generation.'),
      },
      { description: 'PodDisruptionBudgetStatus represents information about the status of a PodDisruptionBudget. Status may trail the actual state of a system.', required: ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'], proto: { tags: { conditions: 7, currentHealthy: 4, desiredHealthy: 5, disruptedPods: 2, disruptionsAllowed: 3, expectedPods: 6, observedGeneration: 1 }, omitEmpty: ['observedGeneration'] } },
    ),
  ),
];
