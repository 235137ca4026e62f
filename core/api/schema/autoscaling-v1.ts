/**
 * Schemas of autoscaling/v1: HorizontalPodAutoscaler and Scale.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, def, gvk, int32, int64, obj, ref, str, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of autoscaling/v1. */
export const autoscalingV1Definitions: Definition[] = [
  def(
    'io.k8s.api.autoscaling.v1.CrossVersionObjectReference',
    obj(
      {
        apiVersion: str('apiVersion is the API version of the referent'),
        kind: str('kind is the kind of the referent; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
        name: str('name is the name of the referent; More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
      },
      { description: 'CrossVersionObjectReference contains enough information to let you identify the referred resource.', required: ['kind', 'name'], mapType: 'atomic', proto: { tags: { apiVersion: 3, kind: 1, name: 2 }, omitEmpty: ['apiVersion'] } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        spec: ref('io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec', 'spec defines the behaviour of autoscaler. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status.'),
        status: ref('io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus', 'status is the current information about the autoscaler.'),
      },
      { description: 'configuration of a horizontal pod autoscaler.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('autoscaling', 'v1', 'HorizontalPodAutoscaler')],
  ),
  def(
    'io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler'), { description: 'items is the list of horizontal pod autoscaler objects.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata.'),
      },
      { description: 'list of horizontal pod autoscaler objects.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('autoscaling', 'v1', 'HorizontalPodAutoscalerList')],
  ),
  def(
    'io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec',
    obj(
      {
        maxReplicas: int32('maxReplicas is the upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.'),
        minReplicas: int32('minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.'),
        scaleTargetRef: ref('io.k8s.api.autoscaling.v1.CrossVersionObjectReference', 'reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.'),
        targetCPUUtilizationPercentage: int32('targetCPUUtilizationPercentage is the target average CPU utilization (represented as a percentage of requested CPU) over all the pods; if not specified the default autoscaling policy will be used.'),
      },
      { description: 'specification of a horizontal pod autoscaler.', required: ['scaleTargetRef', 'maxReplicas'], proto: { tags: { maxReplicas: 3, minReplicas: 2, scaleTargetRef: 1, targetCPUUtilizationPercentage: 4 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus',
    obj(
      {
        currentCPUUtilizationPercentage: int32('currentCPUUtilizationPercentage is the current average CPU utilization over all pods, represented as a percentage of requested CPU, e.g. 70 means that an average pod is using now 70% of its requested CPU.'),
        currentReplicas: int32('currentReplicas is the current number of replicas of pods managed by this autoscaler.'),
        desiredReplicas: int32('desiredReplicas is the  desired number of replicas of pods managed by this autoscaler.'),
        lastScaleTime: time('lastScaleTime is the last time the HorizontalPodAutoscaler scaled the number of pods; used by the autoscaler to control how often the number of pods is changed.'),
        observedGeneration: int64('observedGeneration is the most recent generation observed by this autoscaler.'),
      },
      { description: 'current status of a horizontal pod autoscaler', required: ['currentReplicas', 'desiredReplicas'], proto: { tags: { currentCPUUtilizationPercentage: 5, currentReplicas: 3, desiredReplicas: 4, lastScaleTime: 2, observedGeneration: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v1.Scale',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object metadata; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata.'),
        spec: ref('io.k8s.api.autoscaling.v1.ScaleSpec', 'spec defines the behavior of the scale. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status.'),
        status: ref('io.k8s.api.autoscaling.v1.ScaleStatus', 'status is the current status of the scale. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status. Read-only.'),
      },
      { description: 'Scale represents a scaling request for a resource.', proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('autoscaling', 'v1', 'Scale')],
  ),
  def(
    'io.k8s.api.autoscaling.v1.ScaleSpec',
    obj(
      {
        replicas: int32('replicas is the desired number of instances for the scaled object.'),
      },
      { description: 'ScaleSpec describes the attributes of a scale subresource.', proto: { tags: { replicas: 1 }, omitEmpty: ['replicas'] } },
    ),
  ),
  def(
    'io.k8s.api.autoscaling.v1.ScaleStatus',
    obj(
      {
        replicas: int32('replicas is the actual number of observed instances of the scaled object.'),
        selector: str('selector is the label query over pods that should match the replicas count. This is same as the label selector but in the string format to avoid introspection by clients. The string will be in the same format as the query-param syntax. More info about label selectors: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/'),
      },
      { description: 'ScaleStatus represents the current status of a scale subresource.', required: ['replicas'], proto: { tags: { replicas: 1, selector: 2 }, omitEmpty: ['selector'] } },
    ),
  ),
];
