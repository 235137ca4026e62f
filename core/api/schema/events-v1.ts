/**
 * Schemas of events.k8s.io/v1: Event.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, def, gvk, int32, obj, ref, str, time, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of events.k8s.io/v1. */
export const eventsV1Definitions: Definition[] = [
  def(
    'io.k8s.api.events.v1.Event',
    obj(
      {
        action: str('action is what action was taken/failed regarding to the regarding object. It is machine-readable. This field cannot be empty for new Events and it can have at most 128 characters.'),
        apiVersion: API_VERSION,
        deprecatedCount: int32('deprecatedCount is the deprecated field assuring backward compatibility with core.v1 Event type.'),
        deprecatedFirstTimestamp: time('deprecatedFirstTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.'),
        deprecatedLastTimestamp: time('deprecatedLastTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type.'),
        deprecatedSource: ref('io.k8s.api.core.v1.EventSource', 'deprecatedSource is the deprecated field assuring backward compatibility with core.v1 Event type.'),
        eventTime: ref('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'eventTime is the time when this Event was first observed. It is required.'),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
        note: str('note is a human-readable description of the status of this operation. Maximal length of the note is 1kB, but libraries should be prepared to handle values up to 64kB.'),
        reason: str('reason is why the action was taken. It is human-readable. This field cannot be empty for new Events and it can have at most 128 characters.'),
        regarding: ref('io.k8s.api.core.v1.ObjectReference', 'regarding contains the object this Event is about. In most cases it\'s an Object reporting controller implements, e.g. ReplicaSetController implements ReplicaSets and this event is emitted because it acts on some changes in a ReplicaSet object.'),
        related: ref('io.k8s.api.core.v1.ObjectReference', 'related is the optional secondary object for more complex actions. E.g. when regarding object triggers a creation or deletion of related object.'),
        reportingController: str('reportingController is the name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`. This field cannot be empty for new Events.'),
        reportingInstance: str('reportingInstance is the ID of the controller instance, e.g. `kubelet-xyzf`. This field cannot be empty for new Events and it can have at most 128 characters.'),
        series: ref('io.k8s.api.events.v1.EventSeries', 'series is data about the Event series this event represents or nil if it\'s a singleton Event.'),
        type: str('type is the type of this event (Normal, Warning), new types could be added in the future. It is machine-readable. This field cannot be empty for new Events.'),
      },
      { description: 'Event is a report of an event somewhere in the cluster. It generally denotes some state change in the system. Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.', required: ['eventTime'], proto: { tags: { action: 6, deprecatedCount: 15, deprecatedFirstTimestamp: 13, deprecatedLastTimestamp: 14, deprecatedSource: 12, eventTime: 2, metadata: 1, note: 10, reason: 7, regarding: 8, related: 9, reportingController: 4, reportingInstance: 5, series: 3, type: 11 }, omitEmpty: ['action', 'deprecatedCount', 'note', 'reason', 'reportingController', 'reportingInstance', 'type'] } },
    ),
    [gvk('events.k8s.io', 'v1', 'Event')],
  ),
  def(
    'io.k8s.api.events.v1.EventList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.events.v1.Event'), { description: 'items is a list of schema objects.' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata'),
      },
      { description: 'EventList is a list of Event objects.', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('events.k8s.io', 'v1', 'EventList')],
  ),
  def(
    'io.k8s.api.events.v1.EventSeries',
    obj(
      {
        count: int32('count is the number of occurrences in this series up to the last heartbeat time.'),
        lastObservedTime: ref('io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', 'lastObservedTime is the time when last Event from the series was seen before last heartbeat.'),
      },
      { description: 'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time. How often to update the EventSeries is up to the event reporters. The default event reporter in "k8s.io/client-go/tools/events/event_broadcaster.go" shows how this struct is updated on heartbeats and can guide customized reporter implementations.', required: ['count', 'lastObservedTime'], proto: { tags: { count: 1, lastObservedTime: 2 } } },
    ),
  ),
];
