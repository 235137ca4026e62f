/**
 * Schemas of core/v1 ConfigMap, Secret, ServiceAccount, Event, ResourceQuota, LimitRange, ReplicationController, ComponentStatus, Binding and the references they share.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, bool, def, gvk, int32, int64, map, obj, quantity, ref, str, stringMap, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of core/v1 ConfigMap, Secret, ServiceAccount, Event, ResourceQuota, LimitRange, ReplicationController, ComponentStatus, Binding and the references they share.. */
export const coreV1OtherDefinitions: Definition[] = [
  def(
    'io.k8s.api.core.v1.Binding',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        target: ref('io.k8s.api.core.v1.ObjectReference', 'The target object that you want to bind to the standard object.'),
      },
      { description: 'Binding ties one object to another; for example, a pod is bound to a node by a scheduler.', required: ['target'], proto: { tags: { metadata: 1, target: 2 } } },
    ),
    [gvk('', 'v1', 'Binding')],
  ),
  def(
    'io.k8s.api.core.v1.ComponentCondition',
    obj(
      {
        error: str('Condition error code for a component. For example, a health check error code.'),
        message: str('Message about the condition for a component. For example, information about a health check.'),
        status: str('Status of the condition for a component. Valid values for "Healthy": "True", "False", or "Unknown".'),
        type: str('Type of condition for a component. Valid value: "Healthy"'),
      },
      { description: 'Information about the condition of a component.', required: ['type', 'status'], proto: { tags: { error: 4, message: 3, status: 2, type: 1 }, omitEmpty: ['error', 'message'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ComponentStatus',
    obj(
      {
        apiVersion: API_VERSION,
        conditions: arr(ref('io.k8s.api.core.v1.ComponentCondition'), { description: 'List of component conditions observed', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'ComponentStatus (and ComponentStatusList) holds the cluster validation info. Deprecated: This API is deprecated in v1.19+', proto: { tags: { conditions: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'ComponentStatus')],
  ),
  def(
    'io.k8s.api.core.v1.ComponentStatusList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.ComponentStatus'), { description: 'List of ComponentStatus objects.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'Status of all the conditions for the component as a list of ComponentStatus objects. Deprecated: This API is deprecated in v1.19+', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'ComponentStatusList')],
  ),
  def(
    'io.k8s.api.core.v1.ConfigMap',
    obj(
      {
        apiVersion: API_VERSION,
        binaryData: map(str(undefined, { format: 'byte' }), 'BinaryData contains the binary data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. BinaryData can contain byte sequences that are not in the UTF-8 range. The keys stored in BinaryData must not overlap with the ones in the Data field, this is enforced during validation process. Using this field will require 1.10+ apiserver and kubelet.'),
        data: stringMap('Data contains the configuration data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.'),
        immutable: bool('Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil.'),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'ConfigMap holds configuration data for pods to consume.', proto: { tags: { binaryData: 3, data: 2, immutable: 4, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'ConfigMap')],
  ),
  def(
    'io.k8s.api.core.v1.ConfigMapList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.ConfigMap'), { description: 'Items is the list of ConfigMaps.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'ConfigMapList is a resource containing a list of ConfigMap objects.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'ConfigMapList')],
  ),
  def(
    'io.k8s.api.core.v1.Event',
    obj(
      {
        action: str('What action was taken/failed regarding to the Regarding object.'),
        apiVersion: API_VERSION,
        count: int32('The number of times this event has occurred.'),
        eventTime: ref('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'Time when this Event was first observed.'),
        firstTimestamp: time('The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
        involvedObject: ref('io.k8s.api.core.v1.ObjectReference', 'The object that this event is about.'),
        kind: KIND,
        lastTimestamp: time('The time at which the most recent occurrence of this event was recorded.'),
        message: str('A human-readable description of the status of this operation.'),
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        reason: str('This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
        related: ref('io.k8s.api.core.v1.ObjectReference', 'Optional secondary object for more complex actions.'),
        reportingComponent: str('Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.'),
        reportingInstance: str('ID of the controller instance, e.g. `kubelet-xyzf`.'),
        series: ref('io.k8s.api.core.v1.EventSeries', 'Data about the Event series this event represents or nil if it\'s a singleton Event.'),
        source: ref('io.k8s.api.core.v1.EventSource', 'The component reporting this event. Should be a short machine understandable string.'),
        type: str('Type of this event (Normal, Warning), new types could be added in the future'),
      },
      { description: 'Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.', required: ['metadata', 'involvedObject'], proto: { tags: { action: 12, count: 8, eventTime: 10, firstTimestamp: 6, involvedObject: 2, lastTimestamp: 7, message: 4, metadata: 1, reason: 3, related: 13, reportingComponent: 14, reportingInstance: 15, series: 11, source: 5, type: 9 }, omitEmpty: ['action', 'count', 'message', 'reason', 'type'] } },
    ),
    [gvk('', 'v1', 'Event')],
  ),
  def(
    'io.k8s.api.core.v1.EventList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.Event'), { description: 'List of events' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'EventList is a list of events.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'EventList')],
  ),
  def(
    'io.k8s.api.core.v1.EventSeries',
    obj(
      {
        count: int32('Number of occurrences in this series up to the last heartbeat time'),
        lastObservedTime: ref('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'Time of the last occurrence observed'),
      },
      { description: 'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.', proto: { tags: { count: 1, lastObservedTime: 2 }, omitEmpty: ['count'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.EventSource',
    obj(
      {
        component: str('Component from which the event is generated.'),
        host: str('Node name on which the event is generated.'),
      },
      { description: 'EventSource contains information for an event.', proto: { tags: { component: 1, host: 2 }, omitEmpty: ['component', 'host'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.LimitRange',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.LimitRangeSpec', 'Spec defines the limits enforced. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'LimitRange sets resource usage limits for each kind of resource in a Namespace.', proto: { tags: { metadata: 1, spec: 2 } } },
    ),
    [gvk('', 'v1', 'LimitRange')],
  ),
  def(
    'io.k8s.api.core.v1.LimitRangeItem',
    obj(
      {
        default: map(quantity(), 'Default resource requirement limit value by resource name if resource limit is omitted.'),
        defaultRequest: map(quantity(), 'DefaultRequest is the default resource requirement request value by resource name if resource request is omitted.'),
        max: map(quantity(), 'Max usage constraints on this kind by resource name.'),
        maxLimitRequestRatio: map(quantity(), 'MaxLimitRequestRatio if specified, the named resource must have a request and limit that are both non-zero where limit divided by request is less than or equal to the enumerated value; this represents the max burst for the named resource.'),
        min: map(quantity(), 'Min usage constraints on this kind by resource name.'),
        type: str('Type of resource that this limit applies to.'),
      },
      { description: 'LimitRangeItem defines a min/max usage limit for any resource that matches on kind.', required: ['type'], proto: { tags: { default: 4, defaultRequest: 5, max: 2, maxLimitRequestRatio: 6, min: 3, type: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.LimitRangeList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.LimitRange'), { description: 'Items is a list of LimitRange objects. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'LimitRangeList is a list of LimitRange items.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'LimitRangeList')],
  ),
  def(
    'io.k8s.api.core.v1.LimitRangeSpec',
    obj(
      {
        limits: arr(ref('io.k8s.api.core.v1.LimitRangeItem'), { description: 'Limits is the list of LimitRangeItem objects that are enforced.', listType: 'atomic' }),
      },
      { description: 'LimitRangeSpec defines a min/max usage limit for resources that match on kind.', required: ['limits'], proto: { tags: { limits: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ReplicationController',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'If the Labels of a ReplicationController are empty, they are defaulted to be the same as the Pod(s) that the replication controller manages. Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.ReplicationControllerSpec', 'Spec defines the specification of the desired behavior of the replication controller. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
        status: ref('io.k8s.api.core.v1.ReplicationControllerStatus', 'Status is the most recently observed status of the replication controller. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'ReplicationController represents the configuration of a replication controller.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('', 'v1', 'ReplicationController')],
  ),
  def(
    'io.k8s.api.core.v1.ReplicationControllerCondition',
    obj(
      {
        lastTransitionTime: time('The last time the condition transitioned from one status to another.'),
        message: str('A human readable message indicating details about the transition.'),
        reason: str('The reason for the condition\'s last transition.'),
        status: str('Status of the condition, one of True, False, Unknown.'),
        type: str('Type of replication controller condition.'),
      },
      { description: 'ReplicationControllerCondition describes the state of a replication controller at a certain point.', required: ['type', 'status'], proto: { tags: { lastTransitionTime: 3, message: 5, reason: 4, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ReplicationControllerList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.ReplicationController'), { description: 'List of replication controllers. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'ReplicationControllerList is a collection of replication controllers.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'ReplicationControllerList')],
  ),
  def(
    'io.k8s.api.core.v1.ReplicationControllerSpec',
    obj(
      {
        minReadySeconds: int32('Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)'),
        replicas: int32('Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller'),
        selector: stringMap('Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', { mapType: 'atomic' }),
        template: ref('io.k8s.api.core.v1.PodTemplateSpec', 'Template is the object that describes the pod that will be created if insufficient replicas are detected. This takes precedence over a TemplateRef. The only allowed template.spec.restartPolicy value is "Always". More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template'),
      },
      { description: 'ReplicationControllerSpec is the specification of a replication controller.', proto: { tags: { minReadySeconds: 4, replicas: 1, selector: 2, template: 3 }, omitEmpty: ['minReadySeconds'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ReplicationControllerStatus',
    obj(
      {
        availableReplicas: int32('The number of available replicas (ready for at least minReadySeconds) for this replication controller.'),
        conditions: arr(ref('io.k8s.api.core.v1.ReplicationControllerCondition'), { description: 'Represents the latest available observations of a replication controller\'s current state.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        fullyLabeledReplicas: int32('The number of pods that have labels matching the labels of the pod template of the replication controller.'),
        observedGeneration: int64('ObservedGeneration reflects the generation of the most recently observed replication controller.'),
        readyReplicas: int32('The number of ready replicas for this replication controller.'),
        replicas: int32('Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller'),
      },
      { description: 'ReplicationControllerStatus represents the current status of a replication controller.', required: ['replicas'], proto: { tags: { availableReplicas: 5, conditions: 6, fullyLabeledReplicas: 2, observedGeneration: 3, readyReplicas: 4, replicas: 1 }, omitEmpty: ['availableReplicas', 'fullyLabeledReplicas', 'observedGeneration', 'readyReplicas'] } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ResourceQuota',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.core.v1.ResourceQuotaSpec', 'Spec defines the desired quota. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
        status: ref('io.k8s.api.core.v1.ResourceQuotaStatus', 'Status defines the actual enforced quota and its current usage. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
      },
      { description: 'ResourceQuota sets aggregate quota restrictions enforced per namespace', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('', 'v1', 'ResourceQuota')],
  ),
  def(
    'io.k8s.api.core.v1.ResourceQuotaList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.ResourceQuota'), { description: 'Items is a list of ResourceQuota objects. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'ResourceQuotaList is a list of ResourceQuota items.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'ResourceQuotaList')],
  ),
  def(
    'io.k8s.api.core.v1.ResourceQuotaSpec',
    obj(
      {
        hard: map(quantity(), 'hard is the set of desired hard limits for each named resource. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/'),
        scopeSelector: ref('io.k8s.api.core.v1.ScopeSelector', 'scopeSelector is also a collection of filters like scopes that must match each object tracked by a quota but expressed using ScopeSelectorOperator in combination with possible values. For a resource to match, both scopes AND scopeSelector (if specified in spec), must be matched.'),
        scopes: arr(str(), { description: 'A collection of filters that must match each object tracked by a quota. If not specified, the quota matches all objects.', listType: 'atomic' }),
      },
      { description: 'ResourceQuotaSpec defines the desired hard limits to enforce for Quota.', proto: { tags: { hard: 1, scopeSelector: 3, scopes: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ResourceQuotaStatus',
    obj(
      {
        hard: map(quantity(), 'Hard is the set of enforced hard limits for each named resource. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/'),
        used: map(quantity(), 'Used is the current observed total usage of the resource in the namespace.'),
      },
      { description: 'ResourceQuotaStatus defines the enforced hard limits and observed use.', proto: { tags: { hard: 1, used: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ScopeSelector',
    obj(
      {
        matchExpressions: arr(ref('io.k8s.api.core.v1.ScopedResourceSelectorRequirement'), { description: 'A list of scope selector requirements by scope of the resources.', listType: 'atomic' }),
      },
      { description: 'A scope selector represents the AND of the selectors represented by the scoped-resource selector requirements.', mapType: 'atomic', proto: { tags: { matchExpressions: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.ScopedResourceSelectorRequirement',
    obj(
      {
        operator: str('Represents a scope\'s relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist.\n\nPossible enum values:\n - `"DoesNotExist"`\n - `"Exists"`\n - `"In"`\n - `"NotIn"`', { enum: ['DoesNotExist', 'Exists', 'In', 'NotIn'] }),
        scopeName: str('The name of the scope that the selector applies to.\n\nPossible enum values:\n - `"BestEffort"` Match all pod objects that have best effort quality of service\n - `"CrossNamespacePodAffinity"` Match all pod objects that have cross-namespace pod (anti)affinity mentioned.\n - `"NotBestEffort"` Match all pod objects that do not have best effort quality of service\n - `"NotTerminating"` Match all pod objects where spec.activeDeadlineSeconds is nil\n - `"PriorityClass"` Match all pod objects that have priority class mentioned\n - `"Terminating"` Match all pod objects where spec.activeDeadlineSeconds >=0', { enum: ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'] }),
        values: arr(str(), { description: 'An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.', listType: 'atomic' }),
      },
      { description: 'A scoped-resource selector requirement is a selector that contains values, a scope name, and an operator that relates the scope name and values.', required: ['scopeName', 'operator'], proto: { tags: { operator: 2, scopeName: 1, values: 3 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.Secret',
    obj(
      {
        apiVersion: API_VERSION,
        data: map(str(undefined, { format: 'byte' }), 'Data contains the secret data. Each key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4'),
        immutable: bool('Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil.'),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        stringData: stringMap('stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write, overwriting any existing values. The stringData field is never output when reading from the API.'),
        type: str('Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types'),
      },
      { description: 'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.', proto: { tags: { data: 2, immutable: 5, metadata: 1, stringData: 4, type: 3 }, omitEmpty: ['type'] } },
    ),
    [gvk('', 'v1', 'Secret')],
  ),
  def(
    'io.k8s.api.core.v1.SecretList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.Secret'), { description: 'Items is a list of secret objects. More info: https://kubernetes.io/docs/concepts/configuration/secret' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'SecretList is a list of Secret.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'SecretList')],
  ),
  def(
    'io.k8s.api.core.v1.ServiceAccount',
    obj(
      {
        apiVersion: API_VERSION,
        automountServiceAccountToken: bool('AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted. Can be overridden at the pod level.'),
        imagePullSecrets: arr(ref('io.k8s.api.core.v1.LocalObjectReference'), { description: 'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount. ImagePullSecrets are distinct from Secrets because Secrets can be mounted in the pod, but ImagePullSecrets are only accessed by the kubelet. More info: https://kubernetes.io/docs/concepts/containers/images/#specifying-imagepullsecrets-on-a-pod', listType: 'atomic' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        secrets: arr(ref('io.k8s.api.core.v1.ObjectReference'), { description: 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". The "kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret', mergeKey: 'name', listType: 'map', listMapKeys: ['name'] }),
      },
      { description: 'ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets', proto: { tags: { automountServiceAccountToken: 4, imagePullSecrets: 3, metadata: 1, secrets: 2 } } },
    ),
    [gvk('', 'v1', 'ServiceAccount')],
  ),
  def(
    'io.k8s.api.core.v1.ServiceAccountList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.core.v1.ServiceAccount'), { description: 'List of ServiceAccounts. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
      },
      { description: 'ServiceAccountList is a list of ServiceAccount objects', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('', 'v1', 'ServiceAccountList')],
  ),
  def(
    'io.k8s.api.core.v1.TopologySelectorLabelRequirement',
    obj(
      {
        key: str('The label key that the selector applies to.'),
        values: arr(str(), { description: 'An array of string values. One value must match the label to be selected. Each entry in Values is ORed.', listType: 'atomic' }),
      },
      { description: 'A topology selector requirement is a selector that matches given label. This is an alpha feature and may change in the future.', required: ['key', 'values'], proto: { tags: { key: 1, values: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.core.v1.TopologySelectorTerm',
    obj(
      {
        matchLabelExpressions: arr(ref('io.k8s.api.core.v1.TopologySelectorLabelRequirement'), { description: 'A list of topology selector requirements by labels.', listType: 'atomic' }),
      },
      { description: 'A topology selector term represents the result of label queries. A null or empty topology selector term matches no objects. The requirements of them are ANDed. It provides a subset of functionality as NodeSelectorTerm. This is an alpha feature and may change in the future.', mapType: 'atomic', proto: { tags: { matchLabelExpressions: 1 } } },
    ),
  ),
];
