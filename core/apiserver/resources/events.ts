/**
 * core/v1 events and events.k8s.io/v1 events: one kind of object seen through two versions
 * (kube-apiserver stores both in `/registry/events`). The conversions between the shapes, the
 * legacy and strict validations of ValidateEventCreate, the field selectors `kubectl describe`
 * uses, and the LAST SEEN / TYPE / REASON / OBJECT / MESSAGE printer.
 */
import type { CoreEvent, EventsV1Event, KubeObject } from '../../api/types';
import { type FieldErrors, dns1123Subdomain, labelKey } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { column, type TablePrinter } from '../table';
import { since } from './printing';
import { validateObjectMeta } from './meta';

/** The events.k8s.io/v1 shape of a core/v1 Event. */
export function coreEventToV1(e: CoreEvent): EventsV1Event {
  const out: EventsV1Event = { metadata: e.metadata, eventTime: e.eventTime ?? null };
  if (e.series) out.series = { count: e.series.count ?? 0, lastObservedTime: e.series.lastObservedTime ?? '' };
  if (e.reportingComponent) out.reportingController = e.reportingComponent;
  if (e.reportingInstance) out.reportingInstance = e.reportingInstance;
  if (e.action) out.action = e.action;
  if (e.reason) out.reason = e.reason;
  out.regarding = e.involvedObject ?? {};
  if (e.related) out.related = e.related;
  if (e.message) out.note = e.message;
  if (e.type) out.type = e.type;
  if (e.source && (e.source.component || e.source.host)) out.deprecatedSource = e.source;
  out.deprecatedFirstTimestamp = e.firstTimestamp ?? null;
  out.deprecatedLastTimestamp = e.lastTimestamp ?? null;
  if (e.count) out.deprecatedCount = e.count;
  return out;
}

/** The core/v1 shape of an events.k8s.io/v1 Event. */
export function v1EventToCore(e: EventsV1Event): CoreEvent {
  const out: CoreEvent = { metadata: e.metadata, involvedObject: e.regarding ?? {} };
  if (e.reason) out.reason = e.reason;
  if (e.note) out.message = e.note;
  out.source = e.deprecatedSource ?? {};
  out.firstTimestamp = e.deprecatedFirstTimestamp ?? null;
  out.lastTimestamp = e.deprecatedLastTimestamp ?? null;
  if (e.deprecatedCount) out.count = e.deprecatedCount;
  if (e.type) out.type = e.type;
  out.eventTime = e.eventTime ?? null;
  if (e.series) out.series = e.series;
  if (e.action) out.action = e.action;
  if (e.related) out.related = e.related;
  out.reportingComponent = e.reportingController ?? '';
  out.reportingInstance = e.reportingInstance ?? '';
  return out;
}

/** The zero values a Go core/v1 Event serializes (`firstTimestamp: null`, `source: {}`, ...). */
function coreEventDefaults(obj: KubeObject): void {
  const e = obj as CoreEvent;
  e.involvedObject ??= {};
  e.source ??= {};
  if (e.firstTimestamp === undefined) e.firstTimestamp = null;
  if (e.lastTimestamp === undefined) e.lastTimestamp = null;
  if (e.eventTime === undefined) e.eventTime = null;
  e.reportingComponent ??= '';
  e.reportingInstance ??= '';
}

function lengthLimit(errs: FieldErrors, field: string, value: string | undefined, max: number): void {
  if ((value ?? '').length > max) errs.invalid(field, '', `can have at most ${max} characters`);
}

/** legacyValidateEvent, with the field name of the reporting controller in the request's version. */
function legacyValidate(e: CoreEvent, errs: FieldErrors, reportingField: string): void {
  const ns = e.metadata.namespace ?? '';
  const involvedNs = e.involvedObject?.namespace ?? '';
  if (!e.eventTime) {
    if (!involvedNs ? ns !== '' && ns !== 'default' : ns !== involvedNs) errs.invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace');
  } else {
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace');
    if (!e.reportingComponent) errs.required(reportingField);
    for (const m of labelKey(e.reportingComponent ?? '')) errs.invalid(reportingField, e.reportingComponent ?? '', m);
    if (!e.reportingInstance) errs.required('reportingInstance');
    lengthLimit(errs, 'reportingInstance', e.reportingInstance, 128);
    if (!e.action) errs.required('action');
    lengthLimit(errs, 'action', e.action, 128);
    if (!e.reason) errs.required('reason');
    lengthLimit(errs, 'reason', e.reason, 128);
    lengthLimit(errs, 'message', e.message, 1024);
  }
  for (const m of dns1123Subdomain(ns)) errs.invalid('namespace', ns, m);
}

/** ValidateEventCreate for core/v1 (legacy rules only, for compatibility with old clients). */
export function validateCoreEvent(obj: KubeObject, errs: FieldErrors): void {
  legacyValidate(obj as CoreEvent, errs, 'reportingComponent');
}

/** ValidateEventCreate for events.k8s.io/v1: the legacy rules and the strict ones. */
export function validateV1Event(obj: KubeObject, errs: FieldErrors): void {
  const v1 = obj as EventsV1Event;
  const e = v1EventToCore(v1);
  legacyValidate(e, errs, 'reportingController');
  validateObjectMeta(obj, true, errs);
  if (v1.series) {
    if ((v1.series.count ?? 0) < 2) errs.invalid('series.count', '', 'should be at least 2');
    if (!v1.series.lastObservedTime) errs.required('series.lastObservedTime');
  }
  if (!v1.eventTime) errs.required('eventTime');
  if (v1.type !== 'Normal' && v1.type !== 'Warning') errs.invalid('type', '', `has invalid value: ${v1.type ?? ''}`);
  if (v1.deprecatedFirstTimestamp) errs.invalid('deprecatedFirstTimestamp', '', 'needs to be unset');
  if (v1.deprecatedLastTimestamp) errs.invalid('deprecatedLastTimestamp', '', 'needs to be unset');
  if (v1.deprecatedCount) errs.invalid('deprecatedCount', '', 'needs to be unset');
  if (v1.deprecatedSource?.component || v1.deprecatedSource?.host) errs.invalid('deprecatedSource', '', 'needs to be unset');
}

/** The field selectors of events (ToSelectableFields), for a core/v1 Event. */
export function coreEventFields(e: CoreEvent): Record<string, string> {
  const o = e.involvedObject ?? {};
  return {
    'involvedObject.kind': o.kind ?? '',
    'involvedObject.namespace': o.namespace ?? '',
    'involvedObject.name': o.name ?? '',
    'involvedObject.uid': o.uid ?? '',
    'involvedObject.apiVersion': o.apiVersion ?? '',
    'involvedObject.resourceVersion': o.resourceVersion ?? '',
    'involvedObject.fieldPath': o.fieldPath ?? '',
    reason: e.reason ?? '',
    reportingComponent: e.reportingComponent ?? '',
    source: e.source?.component || e.reportingComponent || '',
    type: e.type ?? '',
  };
}

/** formatEventSource: `component, host`, falling back to reportingController / reportingInstance. */
function eventSource(e: CoreEvent): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** The cells of printEvent for a core/v1 Event. */
export function coreEventCells(e: CoreEvent, now: number): unknown[] {
  const first = e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  let last = e.lastTimestamp ? since(e.lastTimestamp, now) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = since(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) count = 1;
  const o = e.involvedObject ?? {};
  const kind = (o.kind ?? '').toLowerCase();
  const target = o.name ? `${kind}/${o.name}` : kind;
  return [last, e.type ?? '', e.reason ?? '', target, o.fieldPath ?? '', eventSource(e), (e.message ?? '').trim(), first, count, e.metadata.name];
}

const eventColumns = [
  column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
  column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
  column('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  column('Object', 'string', 'The object that this event is about.'),
  column('Subobject', 'string', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.', 1),
  column('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', 1),
  column('Message', 'string', 'A human-readable description of the status of this operation.'),
  column('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
  column('Count', 'string', 'The number of times this event has occurred.', 1),
  column('Name', 'string', 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', 1, 'name'),
];

/** The event printer for core/v1 (printEvent). */
export const coreEventPrinter: TablePrinter = { columns: eventColumns, cells: (obj, now) => coreEventCells(obj as CoreEvent, now) };
/** The event printer for events.k8s.io/v1 (the same printEvent, on the converted object). */
export const v1EventPrinter: TablePrinter = { columns: eventColumns, cells: (obj, now) => coreEventCells(v1EventToCore(obj as EventsV1Event), now) };

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** core/v1 events. */
export const events: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'events',
  singular: 'event',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.core.v1.Event',
  printer: coreEventPrinter,
  defaults: coreEventDefaults,
  validate: validateCoreEvent,
  selectableFields: (obj) => coreEventFields(obj as CoreEvent),
};

/** events.k8s.io/v1 events: the same objects as core/v1 events, stored once in the core/v1 form. */
export const eventsV1: ResourceDef = {
  group: 'events.k8s.io',
  version: 'v1',
  resource: 'events',
  storage: { group: '', resource: 'events' },
  toStorage: (obj) => v1EventToCore(obj as EventsV1Event),
  fromStorage: (obj) => coreEventToV1(obj as CoreEvent),
  singular: 'event',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  categories: [],
  verbs: VERBS,
  subresources: [],
  schemaName: 'io.k8s.api.events.v1.Event',
  printer: v1EventPrinter,
  defaults(obj) {
    const e = obj as EventsV1Event;
    if (e.eventTime === undefined) e.eventTime = null;
  },
  validate: validateV1Event,
  selectableFields(obj) {
    const f = coreEventFields(v1EventToCore(obj as EventsV1Event));
    const out: Record<string, string> = { reason: f['reason'] as string, type: f['type'] as string, reportingController: f['reportingComponent'] as string };
    for (const k of ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath']) out[`regarding.${k}`] = f[`involvedObject.${k}`] as string;
    return out;
  },
};
