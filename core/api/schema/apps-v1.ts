/**
 * Schemas of apps/v1: Deployment, ReplicaSet, StatefulSet, DaemonSet, ControllerRevision.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, gvk, int32, int64, intOrString, obj, ref, str, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of apps/v1. */
export const appsV1Definitions: Definition[] = [
  def(
    'io.k8s.api.apps.v1.ControllerRevision',
    obj(
      {
        apiVersion: API_VERSION,
        data: ref('io.k8s.apimachinery.pkg.runtime.RawExtension', 'Data is the serialized representation of the state.'),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        revision: int64('Revision indicates the revision of the state represented by Data.'),
      },
      { description: 'ControllerRevision implements an immutable snapshot of state data. Clients are responsible for serializing and deserializing the objects that contain their internal state. Once a ControllerRevision has been successfully created, it can not be updated. The API Server will fail validation of all requests that attempt to mutate the Data field. ControllerRevisions may, however, be deleted. Note that, due to its use by both the DaemonSet and StatefulSet controllers for update and rollback, this object is beta. However, it may be subject to name and representation changes in future releases, and clients should not depend on its stability. It is primarily for internal use by controllers.', required: ['revision'], proto: { tags: { data: 2, metadata: 1, revision: 3 } } },
    ),
    [gvk('apps', 'v1', 'ControllerRevision')],
  ),
  def(
    'io.k8s.api.apps.v1.ControllerRevisionList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.apps.v1.ControllerRevision'), { description: 'Items is the list of ControllerRevisions' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'ControllerRevisionList is a resource containing a list of ControllerRevision objects.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('apps', 'v1', 'ControllerRevisionList')],
  ),
  def(
    'io.k8s.api.apps.v1.DaemonSet',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.apps.v1.DaemonSetSpec', 'The desired behavior of this daemon set. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
        status: ref('io.k8s.api.apps.v1.DaemonSetStatus', 'The current status of this daemon set. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'DaemonSet represents the configuration of a daemon set.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('apps', 'v1', 'DaemonSet')],
  ),
  def(
    'io.k8s.api.apps.v1.DaemonSetCondition',
    obj(
      {
        lastTransitionTime: time('Last time the condition transitioned from one status to another.'),
        message: str('A human readable message indicating details about the transition.'),
        reason: str('The reason for the condition\'s last transition.'),
        status: str('Status of the condition, one of True, False, Unknown.'),
        type: str('Type of DaemonSet condition.'),
      },
      { description: 'DaemonSetCondition describes the state of a DaemonSet at a certain point.', required: ['type', 'status'], proto: { tags: { lastTransitionTime: 3, message: 5, reason: 4, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.DaemonSetList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.apps.v1.DaemonSet'), { description: 'A list of daemon sets.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'DaemonSetList is a collection of daemon sets.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('apps', 'v1', 'DaemonSetList')],
  ),
  def(
    'io.k8s.api.apps.v1.DaemonSetSpec',
    obj(
      {
        minReadySeconds: int32('The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready).'),
        revisionHistoryLimit: int32('The number of old history to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.'),
        selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
        template: ref('io.k8s.api.core.v1.PodTemplateSpec', 'An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template\'s node selector (or on every node if no node selector is specified). The only allowed template.spec.restartPolicy value is "Always". More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template'),
        updateStrategy: ref('io.k8s.api.apps.v1.DaemonSetUpdateStrategy', 'An update strategy to replace existing DaemonSet pods with new pods.'),
      },
      { description: 'DaemonSetSpec is the specification of a daemon set.', required: ['selector', 'template'], proto: { tags: { minReadySeconds: 4, revisionHistoryLimit: 6, selector: 1, template: 2, updateStrategy: 3 }, omitEmpty: ['minReadySeconds'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.DaemonSetStatus',
    obj(
      {
        collisionCount: int32('Count of hash collisions for the DaemonSet. The DaemonSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.'),
        conditions: arr(ref('io.k8s.api.apps.v1.DaemonSetCondition'), { description: 'Represents the latest available observations of a DaemonSet\'s current state.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        currentNumberScheduled: int32('The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
        desiredNumberScheduled: int32('The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
        numberAvailable: int32('The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
        numberMisscheduled: int32('The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
        numberReady: int32('numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
        numberUnavailable: int32('The number of nodes that should be running the daemon pod and have none of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
        observedGeneration: int64('The most recent generation observed by the daemon set controller.'),
        updatedNumberScheduled: int32('The total number of nodes that are running updated daemon pod'),
      },
      { description: 'DaemonSetStatus represents the current status of a daemon set.', required: ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'], proto: { tags: { collisionCount: 9, conditions: 10, currentNumberScheduled: 1, desiredNumberScheduled: 3, numberAvailable: 7, numberMisscheduled: 2, numberReady: 4, numberUnavailable: 8, observedGeneration: 5, updatedNumberScheduled: 6 }, omitEmpty: ['numberAvailable', 'numberUnavailable', 'observedGeneration', 'updatedNumberScheduled'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.DaemonSetUpdateStrategy',
    obj(
      {
        rollingUpdate: ref('io.k8s.api.apps.v1.RollingUpdateDaemonSet', 'Rolling update config params. Present only if type = "RollingUpdate".'),
        type: str('Type of daemon set update. Can be "RollingUpdate" or "OnDelete". Default is RollingUpdate.\n\nPossible enum values:\n - `"OnDelete"` Replace the old daemons only when it\'s killed\n - `"RollingUpdate"` Replace the old daemons by new ones using rolling update i.e replace them on each node one after the other.', { enum: ['OnDelete', 'RollingUpdate'] }),
      },
      { description: 'DaemonSetUpdateStrategy is a struct used to control the update strategy for a DaemonSet.', proto: { tags: { rollingUpdate: 2, type: 1 }, omitEmpty: ['type'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.Deployment',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.apps.v1.DeploymentSpec', 'Specification of the desired behavior of the Deployment.'),
        status: ref('io.k8s.api.apps.v1.DeploymentStatus', 'Most recently observed status of the Deployment.'),
      },
      { description: 'Deployment enables declarative updates for Pods and ReplicaSets.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('apps', 'v1', 'Deployment')],
  ),
  def(
    'io.k8s.api.apps.v1.DeploymentCondition',
    obj(
      {
        lastTransitionTime: time('Last time the condition transitioned from one status to another.'),
        lastUpdateTime: time('The last time this condition was updated.'),
        message: str('A human readable message indicating details about the transition.'),
        reason: str('The reason for the condition\'s last transition.'),
        status: str('Status of the condition, one of True, False, Unknown.'),
        type: str('Type of deployment condition.'),
      },
      { description: 'DeploymentCondition describes the state of a deployment at a certain point.', required: ['type', 'status'], proto: { tags: { lastTransitionTime: 7, lastUpdateTime: 6, message: 5, reason: 4, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.DeploymentList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.apps.v1.Deployment'), { description: 'Items is the list of Deployments.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata.'),
      },
      { description: 'DeploymentList is a list of Deployments.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('apps', 'v1', 'DeploymentList')],
  ),
  def(
    'io.k8s.api.apps.v1.DeploymentSpec',
    obj(
      {
        minReadySeconds: int32('Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)'),
        paused: bool('Indicates that the deployment is paused.'),
        progressDeadlineSeconds: int32('The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s.'),
        replicas: int32('Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.'),
        revisionHistoryLimit: int32('The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.'),
        selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template\'s labels.'),
        strategy: ref('io.k8s.api.apps.v1.DeploymentStrategy', 'The deployment strategy to use to replace existing pods with new ones.', { patchStrategy: 'retainKeys' }),
        template: ref('io.k8s.api.core.v1.PodTemplateSpec', 'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".'),
      },
      { description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.', required: ['selector', 'template'], proto: { tags: { minReadySeconds: 5, paused: 7, progressDeadlineSeconds: 9, replicas: 1, revisionHistoryLimit: 6, selector: 2, strategy: 4, template: 3 }, omitEmpty: ['minReadySeconds', 'paused'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.DeploymentStatus',
    obj(
      {
        availableReplicas: int32('Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
        collisionCount: int32('Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet.'),
        conditions: arr(ref('io.k8s.api.apps.v1.DeploymentCondition'), { description: 'Represents the latest available observations of a deployment\'s current state.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        observedGeneration: int64('The generation observed by the deployment controller.'),
        readyReplicas: int32('readyReplicas is the number of pods targeted by this Deployment with a Ready Condition.'),
        replicas: int32('Total number of non-terminated pods targeted by this deployment (their labels match the selector).'),
        unavailableReplicas: int32('Total number of unavailable pods targeted by this deployment. This is the total number of pods that are still required for the deployment to have 100% available capacity. They may either be pods that are running but not yet available or pods that still have not been created.'),
        updatedReplicas: int32('Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
      },
      { description: 'DeploymentStatus is the most recently observed status of the Deployment.', proto: { tags: { availableReplicas: 4, collisionCount: 8, conditions: 6, observedGeneration: 1, readyReplicas: 7, replicas: 2, unavailableReplicas: 5, updatedReplicas: 3 }, omitEmpty: ['availableReplicas', 'observedGeneration', 'readyReplicas', 'replicas', 'unavailableReplicas', 'updatedReplicas'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.DeploymentStrategy',
    obj(
      {
        rollingUpdate: ref('io.k8s.api.apps.v1.RollingUpdateDeployment', 'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.'),
        type: str('Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.\n\nPossible enum values:\n - `"Recreate"` Kill all existing pods before creating new ones.\n - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.', { enum: ['Recreate', 'RollingUpdate'] }),
      },
      { description: 'DeploymentStrategy describes how to replace existing pods with new ones.', proto: { tags: { rollingUpdate: 2, type: 1 }, omitEmpty: ['type'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.ReplicaSet',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'If the Labels of a ReplicaSet are empty, they are defaulted to be the same as the Pod(s) that the ReplicaSet manages. Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.apps.v1.ReplicaSetSpec', 'Spec defines the specification of the desired behavior of the ReplicaSet. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
        status: ref('io.k8s.api.apps.v1.ReplicaSetStatus', 'Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('apps', 'v1', 'ReplicaSet')],
  ),
  def(
    'io.k8s.api.apps.v1.ReplicaSetCondition',
    obj(
      {
        lastTransitionTime: time('The last time the condition transitioned from one status to another.'),
        message: str('A human readable message indicating details about the transition.'),
        reason: str('The reason for the condition\'s last transition.'),
        status: str('Status of the condition, one of True, False, Unknown.'),
        type: str('Type of replica set condition.'),
      },
      { description: 'ReplicaSetCondition describes the state of a replica set at a certain point.', required: ['type', 'status'], proto: { tags: { lastTransitionTime: 3, message: 5, reason: 4, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.ReplicaSetList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.apps.v1.ReplicaSet'), { description: 'List of ReplicaSets. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'ReplicaSetList is a collection of ReplicaSets.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('apps', 'v1', 'ReplicaSetList')],
  ),
  def(
    'io.k8s.api.apps.v1.ReplicaSetSpec',
    obj(
      {
        minReadySeconds: int32('Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)'),
        replicas: int32('Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
        selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
        template: ref('io.k8s.api.core.v1.PodTemplateSpec', 'Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template'),
      },
      { description: 'ReplicaSetSpec is the specification of a ReplicaSet.', required: ['selector'], proto: { tags: { minReadySeconds: 4, replicas: 1, selector: 2, template: 3 }, omitEmpty: ['minReadySeconds'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.ReplicaSetStatus',
    obj(
      {
        availableReplicas: int32('The number of available replicas (ready for at least minReadySeconds) for this replica set.'),
        conditions: arr(ref('io.k8s.api.apps.v1.ReplicaSetCondition'), { description: 'Represents the latest available observations of a replica set\'s current state.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        fullyLabeledReplicas: int32('The number of pods that have labels matching the labels of the pod template of the replicaset.'),
        observedGeneration: int64('ObservedGeneration reflects the generation of the most recently observed ReplicaSet.'),
        readyReplicas: int32('readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'),
        replicas: int32('Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
      },
      { description: 'ReplicaSetStatus represents the current status of a ReplicaSet.', required: ['replicas'], proto: { tags: { availableReplicas: 5, conditions: 6, fullyLabeledReplicas: 2, observedGeneration: 3, readyReplicas: 4, replicas: 1 }, omitEmpty: ['availableReplicas', 'fullyLabeledReplicas', 'observedGeneration', 'readyReplicas'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.RollingUpdateDaemonSet',
    obj(
      {
        maxSurge: intOrString('The maximum number of nodes with an existing available DaemonSet pod that can have an updated DaemonSet pod during during an update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up to a minimum of 1. Default value is 0. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their a new pod created before the old pod is marked as deleted. The update starts by launching new pods on 30% of nodes. Once an updated pod is available (Ready for at least minReadySeconds) the old DaemonSet pod on that node is marked deleted. If the old pod becomes unavailable for any reason (Ready transitions to false, is evicted, or is drained) an updated pod is immediatedly created on that node without considering surge limits. Allowing surge implies the possibility that the resources consumed by the daemonset on any given node can double if the readiness check fails, and so resource intensive daemonsets should take into account that they may cause evictions during disruption.'),
        maxUnavailable: intOrString('The maximum number of DaemonSet pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of total number of DaemonSet pods at the start of the update (ex: 10%). Absolute number is calculated from percentage by rounding up. This cannot be 0 if MaxSurge is 0 Default value is 1. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their pods stopped for an update at any given time. The update starts by stopping at most 30% of those DaemonSet pods and then brings up new DaemonSet pods in their place. Once the new pods are available, it then proceeds onto other DaemonSet pods, thus ensuring that at least 70% of original number of DaemonSet pods are available at all times during the update.'),
      },
      { description: 'Spec to control the desired behavior of daemon set rolling update.', proto: { tags: { maxSurge: 2, maxUnavailable: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.RollingUpdateDeployment',
    obj(
      {
        maxSurge: intOrString('The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up. Defaults to 25%. Example: when this is set to 30%, the new ReplicaSet can be scaled up immediately when the rolling update starts, such that the total number of old and new pods do not exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet can be scaled up further, ensuring that total number of pods running at any time during the update is at most 130% of desired pods.'),
        maxUnavailable: intOrString('The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down. This can not be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%, the old ReplicaSet can be scaled down to 70% of desired pods immediately when the rolling update starts. Once new pods are ready, old ReplicaSet can be scaled down further, followed by scaling up the new ReplicaSet, ensuring that the total number of pods available at all times during the update is at least 70% of desired pods.'),
      },
      { description: 'Spec to control the desired behavior of rolling update.', proto: { tags: { maxSurge: 2, maxUnavailable: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy',
    obj(
      {
        maxUnavailable: intOrString('The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding up. This can not be 0. Defaults to 1. This field is alpha-level and is only honored by servers that enable the MaxUnavailableStatefulSet feature. The field applies to all pods in the range 0 to Replicas-1. That means if there is any unavailable pod in the range 0 to Replicas-1, it will be counted towards MaxUnavailable.'),
        partition: int32('Partition indicates the ordinal at which the StatefulSet should be partitioned for updates. During a rolling update, all pods from ordinal Replicas-1 to Partition are updated. All pods from ordinal Partition-1 to 0 remain untouched. This is helpful in being able to do a canary based deployment. The default value is 0.'),
      },
      { description: 'RollingUpdateStatefulSetStrategy is used to communicate parameter for RollingUpdateStatefulSetStrategyType.', proto: { tags: { maxUnavailable: 2, partition: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.StatefulSet',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.apps.v1.StatefulSetSpec', 'Spec defines the desired identities of pods in this set.'),
        status: ref('io.k8s.api.apps.v1.StatefulSetStatus', 'Status is the current status of Pods in this StatefulSet. This data may be out of date by some window of time.'),
      },
      { description: 'StatefulSet represents a set of pods with consistent identities. Identities are defined as:\n  - Network: A single stable DNS and hostname.\n  - Storage: As many VolumeClaims as requested.\n\nThe StatefulSet guarantees that a given network identity will always map to the same storage identity.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('apps', 'v1', 'StatefulSet')],
  ),
  def(
    'io.k8s.api.apps.v1.StatefulSetCondition',
    obj(
      {
        lastTransitionTime: time('Last time the condition transitioned from one status to another.'),
        message: str('A human readable message indicating details about the transition.'),
        reason: str('The reason for the condition\'s last transition.'),
        status: str('Status of the condition, one of True, False, Unknown.'),
        type: str('Type of statefulset condition.'),
      },
      { description: 'StatefulSetCondition describes the state of a statefulset at a certain point.', required: ['type', 'status'], proto: { tags: { lastTransitionTime: 3, message: 5, reason: 4, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.StatefulSetList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.apps.v1.StatefulSet'), { description: 'Items is the list of stateful sets.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'StatefulSetList is a collection of StatefulSets.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('apps', 'v1', 'StatefulSetList')],
  ),
  def(
    'io.k8s.api.apps.v1.StatefulSetOrdinals',
    obj(
      {
        start: int32('start is the number representing the first replica\'s index. It may be used to number replicas from an alternate index (eg: 1-indexed) over the default 0-indexed names, or to orchestrate progressive movement of replicas from one StatefulSet to another. If set, replica indices will be in the range:\n  [.spec.ordinals.start, .spec.ordinals.start + .spec.replicas).\nIf unset, defaults to 0. Replica indices will be in the range:\n  [0, .spec.replicas).'),
      },
      { description: 'StatefulSetOrdinals describes the policy used for replica ordinal assignment in this StatefulSet.', proto: { tags: { start: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy',
    obj(
      {
        whenDeleted: str('WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion. The `Delete` policy causes those PVCs to be deleted.'),
        whenScaled: str('WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown. The `Delete` policy causes the associated PVCs for any excess pods above the replica count to be deleted.'),
      },
      { description: 'StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates.', proto: { tags: { whenDeleted: 1, whenScaled: 2 }, omitEmpty: ['whenDeleted', 'whenScaled'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.StatefulSetSpec',
    obj(
      {
        minReadySeconds: int32('Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)'),
        ordinals: ref('io.k8s.api.apps.v1.StatefulSetOrdinals', 'ordinals controls the numbering of replica indices in a StatefulSet. The default ordinals behavior assigns a "0" index to the first replica and increments the index by one for each additional replica requested.'),
        persistentVolumeClaimRetentionPolicy: ref('io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy', 'persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates. By default, all persistent volume claims are created as needed and retained until manually deleted. This policy allows the lifecycle to be altered, for example by deleting persistent volume claims when their stateful set is deleted, or when their pod is scaled down.'),
        podManagementPolicy: str('podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`, where pods are created in increasing order (pod-0, then pod-1, etc) and the controller will wait until each pod is ready before continuing. When scaling down, the pods are removed in the opposite order. The alternative policy is `Parallel` which will create pods in parallel to match the desired scale without waiting, and on scale down will delete all pods at once.\n\nPossible enum values:\n - `"OrderedReady"` will create pods in strictly increasing order on scale up and strictly decreasing order on scale down, progressing only when the previous pod is ready or terminated. At most one pod will be changed at any time.\n - `"Parallel"` will create and delete pods as soon as the stateful set replica count is changed, and will not wait for pods to be ready or complete termination.', { enum: ['OrderedReady', 'Parallel'] }),
        replicas: int32('replicas is the desired number of replicas of the given Template. These are replicas in the sense that they are instantiations of the same Template, but individual replicas also have a consistent identity. If unspecified, defaults to 1.'),
        revisionHistoryLimit: int32('revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet\'s revision history. The revision history consists of all revisions not represented by a currently applied StatefulSetSpec version. The default value is 10.'),
        selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'selector is a label query over pods that should match the replica count. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
        serviceName: str('serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where "pod-specific-string" is managed by the StatefulSet controller.'),
        template: ref('io.k8s.api.core.v1.PodTemplateSpec', 'template is the object that describes the pod that will be created if insufficient replicas are detected. Each pod stamped out by the StatefulSet will fulfill this Template, but have a unique identity from the rest of the StatefulSet. Each pod will be named with the format <statefulsetname>-<podindex>. For example, a pod in a StatefulSet named "web" with index number "3" would be named "web-3". The only allowed template.spec.restartPolicy value is "Always".'),
        updateStrategy: ref('io.k8s.api.apps.v1.StatefulSetUpdateStrategy', 'updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template.'),
        volumeClaimTemplates: arr(ref('io.k8s.api.core.v1.PersistentVolumeClaim'), { description: 'volumeClaimTemplates is a list of claims that pods are allowed to reference. The StatefulSet controller is responsible for mapping network identities to claims in a way that maintains the identity of a pod. Every claim in this list must have at least one matching (by name) volumeMount in one container in the template. A claim in this list takes precedence over any volumes in the template, with the same name.', listType: 'atomic' }),
      },
      { description: 'A StatefulSetSpec is the specification of a StatefulSet.', required: ['selector', 'template', 'serviceName'], proto: { tags: { minReadySeconds: 9, ordinals: 11, persistentVolumeClaimRetentionPolicy: 10, podManagementPolicy: 6, replicas: 1, revisionHistoryLimit: 8, selector: 2, serviceName: 5, template: 3, updateStrategy: 7, volumeClaimTemplates: 4 }, omitEmpty: ['minReadySeconds', 'podManagementPolicy'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.StatefulSetStatus',
    obj(
      {
        availableReplicas: int32('Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset.'),
        collisionCount: int32('collisionCount is the count of hash collisions for the StatefulSet. The StatefulSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision.'),
        conditions: arr(ref('io.k8s.api.apps.v1.StatefulSetCondition'), { description: 'Represents the latest available observations of a statefulset\'s current state.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        currentReplicas: int32('currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision.'),
        currentRevision: str('currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas).'),
        observedGeneration: int64('observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet\'s generation, which is updated on mutation by the API Server.'),
        readyReplicas: int32('readyReplicas is the number of pods created for this StatefulSet with a Ready Condition.'),
        replicas: int32('replicas is the number of Pods created by the StatefulSet controller.'),
        updateRevision: str('updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)'),
        updatedReplicas: int32('updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision.'),
      },
      { description: 'StatefulSetStatus represents the current state of a StatefulSet.', required: ['replicas'], proto: { tags: { availableReplicas: 11, collisionCount: 9, conditions: 10, currentReplicas: 4, currentRevision: 6, observedGeneration: 1, readyReplicas: 3, replicas: 2, updateRevision: 7, updatedReplicas: 5 }, omitEmpty: ['currentReplicas', 'currentRevision', 'observedGeneration', 'readyReplicas', 'updateRevision', 'updatedReplicas'] } },
    ),
  ),
  def(
    'io.k8s.api.apps.v1.StatefulSetUpdateStrategy',
    obj(
      {
        rollingUpdate: ref('io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy', 'RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType.'),
        type: str('Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.\n\nPossible enum values:\n - `"OnDelete"` triggers the legacy behavior. Version tracking and ordered rolling restarts are disabled. Pods are recreated from the StatefulSetSpec when they are manually deleted. When a scale operation is performed with this strategy,specification version indicated by the StatefulSet\'s currentRevision.\n - `"RollingUpdate"` indicates that update will be applied to all Pods in the StatefulSet with respect to the StatefulSet ordering constraints. When a scale operation is performed with this strategy, new Pods will be created from the specification version indicated by the StatefulSet\'s updateRevision.', { enum: ['OnDelete', 'RollingUpdate'] }),
      },
      { description: 'StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates. It includes any additional parameters necessary to perform the update for the indicated strategy.', proto: { tags: { rollingUpdate: 2, type: 1 }, omitEmpty: ['type'] } },
    ),
  ),
];
