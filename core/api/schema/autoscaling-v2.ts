/**
 * Schemas of autoscaling/v2: HorizontalPodAutoscaler with metrics and behavior.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, def, gvk, int32, int64, obj, quantity, ref, str, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of autoscaling/v2. */
export const autoscalingV2Definitions: Definition[] = [
  def(
    'io.k8s.api.autoscaling.v2.ContainerResourceMetricSource',
    obj(
      {
        container: str('container is the name of the container in the pods of the scaling target'),
        name: str('name is the name of the resource in question.'),
        target: ref('io.k8s.api.autoscaling.v2.MetricTarget', 'target specifies the target value for the given metric'),
      },
      { description: 'ContainerResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).  The values will be averaged together before being compared to the target.  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the "pods" source.  Only one "target" type should be set.', required: ['name', 'target', 'container'], proto: { tags: { container: 3, name: 1, target: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.ContainerResourceMetricStatus',
    obj(
      {
        container: str('container is the name of the container in the pods of the scaling target'),
        current: ref('io.k8s.api.autoscaling.v2.MetricValueStatus', 'current contains the current value for the given metric'),
        name: str('name is the name of the resource in question.'),
      },
      { description: 'ContainerResourceMetricStatus indicates the current value of a resource metric known to Kubernetes, as specified in requests and limits, describing a single container in each pod in the current scale target (e.g. CPU or memory).  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the "pods" source.', required: ['name', 'current', 'container'], proto: { tags: { container: 3, current: 2, name: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.CrossVersionObjectReference',
    obj(
      {
        apiVersion: str('apiVersion is the API version of the referent'),
        kind: str('kind is the kind of the referent; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
        name: str('name is the name of the referent; More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
      },
      { description: 'CrossVersionObjectReference contains enough information to let you identify the referred resource.', required: ['kind', 'name'], proto: { tags: { apiVersion: 3, kind: 1, name: 2 }, omitEmpty: ['apiVersion'] } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.ExternalMetricSource',
    obj(
      {
        metric: ref('io.k8s.api.autoscaling.v2.MetricIdentifier', 'metric identifies the target metric by name and selector'),
        target: ref('io.k8s.api.autoscaling.v2.MetricTarget', 'target specifies the target value for the given metric'),
      },
      { description: 'ExternalMetricSource indicates how to scale on a metric not associated with any Kubernetes object (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).', required: ['metric', 'target'], proto: { tags: { metric: 1, target: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.ExternalMetricStatus',
    obj(
      {
        current: ref('io.k8s.api.autoscaling.v2.MetricValueStatus', 'current contains the current value for the given metric'),
        metric: ref('io.k8s.api.autoscaling.v2.MetricIdentifier', 'metric identifies the target metric by name and selector'),
      },
      { description: 'ExternalMetricStatus indicates the current value of a global metric not associated with any Kubernetes object.', required: ['metric', 'current'], proto: { tags: { current: 2, metric: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.HPAScalingPolicy',
    obj(
      {
        periodSeconds: int32('periodSeconds specifies the window of time for which the policy should hold true. PeriodSeconds must be greater than zero and less than or equal to 1800 (30 min).'),
        type: str('type is used to specify the scaling policy.'),
        value: int32('value contains the amount of change which is permitted by the policy. It must be greater than zero'),
      },
      { description: 'HPAScalingPolicy is a single policy which must hold true for a specified past interval.', required: ['type', 'value', 'periodSeconds'], proto: { tags: { periodSeconds: 3, type: 1, value: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.HPAScalingRules',
    obj(
      {
        policies: arr(ref('io.k8s.api.autoscaling.v2.HPAScalingPolicy'), { description: 'policies is a list of potential scaling polices which can be used during scaling. At least one policy must be specified, otherwise the HPAScalingRules will be discarded as invalid', listType: 'atomic' }),
        selectPolicy: str('selectPolicy is used to specify which policy should be used. If not set, the default value Max is used.'),
        stabilizationWindowSeconds: int32('stabilizationWindowSeconds is the number of seconds for which past recommendations should be considered while scaling up or scaling down. StabilizationWindowSeconds must be greater than or equal to zero and less than or equal to 3600 (one hour). If not set, use the default values: - For scale up: 0 (i.e. no stabilization is done). - For scale down: 300 (i.e. the stabilization window is 300 seconds long).'),
      },
      { description: 'HPAScalingRules configures the scaling behavior for one direction. These Rules are applied after calculating DesiredReplicas from metrics for the HPA. They can limit the scaling velocity by specifying scaling policies. They can prevent flapping by specifying the stabilization window, so that the number of replicas is not set instantly, instead, the safest value from the stabilization window is chosen.', proto: { tags: { policies: 2, selectPolicy: 1, stabilizationWindowSeconds: 3 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'metadata is the standard object metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec', 'spec is the specification for the behaviour of the autoscaler. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status.'),
        status: ref('io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus', 'status is the current information about the autoscaler.'),
      },
      { description: 'HorizontalPodAutoscaler is the configuration for a horizontal pod autoscaler, which automatically manages the replica count of any resource implementing the scale subresource based on the metrics specified.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('autoscaling', 'v2', 'HorizontalPodAutoscaler')],
  ),
  def(
    'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerBehavior',
    obj(
      {
        scaleDown: ref('io.k8s.api.autoscaling.v2.HPAScalingRules', 'scaleDown is scaling policy for scaling Down. If not set, the default value is to allow to scale down to minReplicas pods, with a 300 second stabilization window (i.e., the highest recommendation for the last 300sec is used).'),
        scaleUp: ref('io.k8s.api.autoscaling.v2.HPAScalingRules', 'scaleUp is scaling policy for scaling Up. If not set, the default value is the higher of:\n  * increase no more than 4 pods per 60 seconds\n  * double the number of pods per 60 seconds\nNo stabilization is used.'),
      },
      { description: 'HorizontalPodAutoscalerBehavior configures the scaling behavior of the target in both Up and Down directions (scaleUp and scaleDown fields respectively).', proto: { tags: { scaleDown: 2, scaleUp: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition',
    obj(
      {
        lastTransitionTime: time('lastTransitionTime is the last time the condition transitioned from one status to another'),
        message: str('message is a human-readable explanation containing details about the transition'),
        reason: str('reason is the reason for the condition\'s last transition.'),
        status: str('status is the status of the condition (True, False, Unknown)'),
        type: str('type describes the current condition'),
      },
      { description: 'HorizontalPodAutoscalerCondition describes the state of a HorizontalPodAutoscaler at a certain point.', required: ['type', 'status'], proto: { tags: { lastTransitionTime: 3, message: 5, reason: 4, status: 2, type: 1 }, omitEmpty: ['message', 'reason'] } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler'), { description: 'items is the list of horizontal pod autoscaler objects.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'metadata is the standard list metadata.'),
      },
      { description: 'HorizontalPodAutoscalerList is a list of horizontal pod autoscaler objects.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('autoscaling', 'v2', 'HorizontalPodAutoscalerList')],
  ),
  def(
    'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec',
    obj(
      {
        behavior: ref('io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerBehavior', 'behavior configures the scaling behavior of the target in both Up and Down directions (scaleUp and scaleDown fields respectively). If not set, the default HPAScalingRules for scale up and scale down are used.'),
        maxReplicas: int32('maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.'),
        metrics: arr(ref('io.k8s.api.autoscaling.v2.MetricSpec'), { description: 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond. If not set, the default metric will be set to 80% average CPU utilization.', listType: 'atomic' }),
        minReplicas: int32('minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.'),
        scaleTargetRef: ref('io.k8s.api.autoscaling.v2.CrossVersionObjectReference', 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.'),
      },
      { description: 'HorizontalPodAutoscalerSpec describes the desired functionality of the HorizontalPodAutoscaler.', required: ['scaleTargetRef', 'maxReplicas'], proto: { tags: { behavior: 5, maxReplicas: 3, metrics: 4, minReplicas: 2, scaleTargetRef: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus',
    obj(
      {
        conditions: arr(ref('io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition'), { description: 'conditions is the set of conditions required for this autoscaler to scale its target, and indicates whether or not those conditions are met.', mergeKey: 'type', listType: 'map', listMapKeys: ['type'] }),
        currentMetrics: arr(ref('io.k8s.api.autoscaling.v2.MetricStatus'), { description: 'currentMetrics is the last read state of the metrics used by this autoscaler.', listType: 'atomic' }),
        currentReplicas: int32('currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
        desiredReplicas: int32('desiredReplicas is the desired number of replicas of pods managed by this autoscaler, as last calculated by the autoscaler.'),
        lastScaleTime: time('lastScaleTime is the last time the HorizontalPodAutoscaler scaled the number of pods, used by the autoscaler to control how often the number of pods is changed.'),
        observedGeneration: int64('observedGeneration is the most recent generation observed by this autoscaler.'),
      },
      { description: 'HorizontalPodAutoscalerStatus describes the current status of a horizontal pod autoscaler.', required: ['desiredReplicas'], proto: { tags: { conditions: 6, currentMetrics: 5, currentReplicas: 3, desiredReplicas: 4, lastScaleTime: 2, observedGeneration: 1 }, omitEmpty: ['currentReplicas'] } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.MetricIdentifier',
    obj(
      {
        name: str('name is the name of the given metric'),
        selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector', 'selector is the string-encoded form of a standard kubernetes label selector for the given metric When set, it is passed as an additional parameter to the metrics server for more specific metrics scoping. When unset, just the metricName will be used to gather metrics.'),
      },
      { description: 'MetricIdentifier defines the name and optionally selector for a metric', required: ['name'], proto: { tags: { name: 1, selector: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.MetricSpec',
    obj(
      {
        containerResource: ref('io.k8s.api.autoscaling.v2.ContainerResourceMetricSource', 'containerResource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing a single container in each pod of the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the "pods" source.'),
        external: ref('io.k8s.api.autoscaling.v2.ExternalMetricSource', 'external refers to a global metric that is not associated with any Kubernetes object. It allows autoscaling based on information coming from components running outside of cluster (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).'),
        object: ref('io.k8s.api.autoscaling.v2.ObjectMetricSource', 'object refers to a metric describing a single kubernetes object (for example, hits-per-second on an Ingress object).'),
        pods: ref('io.k8s.api.autoscaling.v2.PodsMetricSource', 'pods refers to a metric describing each pod in the current scale target (for example, transactions-processed-per-second).  The values will be averaged together before being compared to the target value.'),
        resource: ref('io.k8s.api.autoscaling.v2.ResourceMetricSource', 'resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing each pod in the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the "pods" source.'),
        type: str('type is the type of metric source.  It should be one of "ContainerResource", "External", "Object", "Pods" or "Resource", each mapping to a matching field in the object.'),
      },
      { description: 'MetricSpec specifies how to scale based on a single metric (only `type` and one other matching field should be set at once).', required: ['type'], proto: { tags: { containerResource: 7, external: 5, object: 2, pods: 3, resource: 4, type: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.MetricStatus',
    obj(
      {
        containerResource: ref('io.k8s.api.autoscaling.v2.ContainerResourceMetricStatus', 'container resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing a single container in each pod in the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the "pods" source.'),
        external: ref('io.k8s.api.autoscaling.v2.ExternalMetricStatus', 'external refers to a global metric that is not associated with any Kubernetes object. It allows autoscaling based on information coming from components running outside of cluster (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).'),
        object: ref('io.k8s.api.autoscaling.v2.ObjectMetricStatus', 'object refers to a metric describing a single kubernetes object (for example, hits-per-second on an Ingress object).'),
        pods: ref('io.k8s.api.autoscaling.v2.PodsMetricStatus', 'pods refers to a metric describing each pod in the current scale target (for example, transactions-processed-per-second).  The values will be averaged together before being compared to the target value.'),
        resource: ref('io.k8s.api.autoscaling.v2.ResourceMetricStatus', 'resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing each pod in the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the "pods" source.'),
        type: str('type is the type of metric source.  It will be one of "ContainerResource", "External", "Object", "Pods" or "Resource", each corresponds to a matching field in the object.'),
      },
      { description: 'MetricStatus describes the last-read state of a single metric.', required: ['type'], proto: { tags: { containerResource: 7, external: 5, object: 2, pods: 3, resource: 4, type: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.MetricTarget',
    obj(
      {
        averageUtilization: int32('averageUtilization is the target value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods. Currently only valid for Resource metric source type'),
        averageValue: quantity('averageValue is the target value of the average of the metric across all relevant pods (as a quantity)'),
        type: str('type represents whether the metric type is Utilization, Value, or AverageValue'),
        value: quantity('value is the target value of the metric (as a quantity).'),
      },
      { description: 'MetricTarget defines the target value, average value, or average utilization of a specific metric', required: ['type'], proto: { tags: { averageUtilization: 4, averageValue: 3, type: 1, value: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.MetricValueStatus',
    obj(
      {
        averageUtilization: int32('currentAverageUtilization is the current value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods.'),
        averageValue: quantity('averageValue is the current value of the average of the metric across all relevant pods (as a quantity)'),
        value: quantity('value is the current value of the metric (as a quantity).'),
      },
      { description: 'MetricValueStatus holds the current value for a metric', proto: { tags: { averageUtilization: 3, averageValue: 2, value: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.ObjectMetricSource',
    obj(
      {
        describedObject: ref('io.k8s.api.autoscaling.v2.CrossVersionObjectReference', 'describedObject specifies the descriptions of a object,such as kind,name apiVersion'),
        metric: ref('io.k8s.api.autoscaling.v2.MetricIdentifier', 'metric identifies the target metric by name and selector'),
        target: ref('io.k8s.api.autoscaling.v2.MetricTarget', 'target specifies the target value for the given metric'),
      },
      { description: 'ObjectMetricSource indicates how to scale on a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).', required: ['describedObject', 'target', 'metric'], proto: { tags: { describedObject: 1, metric: 3, target: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.ObjectMetricStatus',
    obj(
      {
        current: ref('io.k8s.api.autoscaling.v2.MetricValueStatus', 'current contains the current value for the given metric'),
        describedObject: ref('io.k8s.api.autoscaling.v2.CrossVersionObjectReference', 'DescribedObject specifies the descriptions of a object,such as kind,name apiVersion'),
        metric: ref('io.k8s.api.autoscaling.v2.MetricIdentifier', 'metric identifies the target metric by name and selector'),
      },
      { description: 'ObjectMetricStatus indicates the current value of a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).', required: ['metric', 'current', 'describedObject'], proto: { tags: { current: 2, describedObject: 3, metric: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.PodsMetricSource',
    obj(
      {
        metric: ref('io.k8s.api.autoscaling.v2.MetricIdentifier', 'metric identifies the target metric by name and selector'),
        target: ref('io.k8s.api.autoscaling.v2.MetricTarget', 'target specifies the target value for the given metric'),
      },
      { description: 'PodsMetricSource indicates how to scale on a metric describing each pod in the current scale target (for example, transactions-processed-per-second). The values will be averaged together before being compared to the target value.', required: ['metric', 'target'], proto: { tags: { metric: 1, target: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.PodsMetricStatus',
    obj(
      {
        current: ref('io.k8s.api.autoscaling.v2.MetricValueStatus', 'current contains the current value for the given metric'),
        metric: ref('io.k8s.api.autoscaling.v2.MetricIdentifier', 'metric identifies the target metric by name and selector'),
      },
      { description: 'PodsMetricStatus indicates the current value of a metric describing each pod in the current scale target (for example, transactions-processed-per-second).', required: ['metric', 'current'], proto: { tags: { current: 2, metric: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.ResourceMetricSource',
    obj(
      {
        name: str('name is the name of the resource in question.'),
        target: ref('io.k8s.api.autoscaling.v2.MetricTarget', 'target specifies the target value for the given metric'),
      },
      { description: 'ResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).  The values will be averaged together before being compared to the target.  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the "pods" source.  Only one "target" type should be set.', required: ['name', 'target'], proto: { tags: { name: 1, target: 2 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v2.ResourceMetricStatus',
    obj(
      {
        current: ref('io.k8s.api.autoscaling.v2.MetricValueStatus', 'current contains the current value for the given metric'),
        name: str('name is the name of the resource in question.'),
      },
      { description: 'ResourceMetricStatus indicates the current value of a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the "pods" source.', required: ['name', 'current'], proto: { tags: { current: 2, name: 1 } } },
    ),
  ),
];
