// Core/v1 Events as the events stream shows them (pure): newest first, by the time they
// last happened.
import type { KubeObject } from './resources';

/** A core/v1 Event (the fields the views read). */
export interface KubeEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string | null;
  firstTimestamp?: string | null;
  eventTime?: string | null;
  involvedObject?: { kind?: string; namespace?: string; name?: string; uid?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
}

/** When an event last happened (ms): lastTimestamp, else eventTime, else its creation. */
export function eventTime(e: KubeEvent): number {
  const text = e.lastTimestamp || e.eventTime || e.firstTimestamp || e.metadata.creationTimestamp || '';
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Newest first; ties by name, for a stable order. */
export function newestFirst(a: KubeEvent, b: KubeEvent): number {
  return eventTime(b) - eventTime(a) || (b.metadata.name ?? '').localeCompare(a.metadata.name ?? '');
}

/** Who reported the event, as kubectl describe's "From" column. */
export function eventSource(e: KubeEvent): string {
  return e.source?.component || e.reportingComponent || '';
}
