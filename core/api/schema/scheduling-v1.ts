/**
 * Schemas of scheduling.k8s.io/v1: PriorityClass.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and protobuf field numbers.
 */
import { arr, bool, def, gvk, int32, obj, ref, str, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of scheduling.k8s.io/v1. */
export const schedulingV1Definitions: Definition[] = [
  def(
    'io.k8s.api.scheduling.v1.PriorityClass',
    obj(
      {
        apiVersion: API_VERSION,
        description: str('description is an arbitrary string that usually provides guidelines on when this priority class should be used.'),
        globalDefault: bool('globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.'),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
        preemptionPolicy: str('preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.\n\nPossible enum values:\n - `"Never"` means that pod never preempts other pods with lower priority.\n - `"PreemptLowerPriority"` means that pod can preempt other pods with lower priority.', { enum: ['Never', 'PreemptLowerPriority'] }),
        value: int32('value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.'),
      },
      { description: 'PriorityClass defines mapping from a priority class name to the priority integer value. The value can be any valid integer.', required: ['value'], proto: { tags: { description: 4, globalDefault: 3, metadata: 1, preemptionPolicy: 5, value: 2 }, omitEmpty: ['description', 'globalDefault'] } },
    ),
    [gvk('scheduling.k8s.io', 'v1', 'PriorityClass')],
  ),
  def(
    'io.k8s.api.scheduling.v1.PriorityClassList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.scheduling.v1.PriorityClass'), { description: 'items is the list of PriorityClasses' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'PriorityClassList is a collection of priority classes.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('scheduling.k8s.io', 'v1', 'PriorityClassList')],
  ),
];
