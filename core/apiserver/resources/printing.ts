/**
 * Pieces the printers share (pkg/printers/internalversion): the CONTAINERS / IMAGES columns
 * of every workload, AGE of an object, `printBoolPtr`, the `+ N more...` lists, and the
 * timestamps of events.
 */
import type { KubeObject } from '../../api/types';
import { age, humanDuration } from '../../api/duration';
import { column, type TableColumn } from '../table';

/** The CONTAINERS column (wide). */
export const containersColumn: TableColumn = column('Containers', 'string', 'Names of each container in the template.', 1);
/** The IMAGES column (wide). */
export const imagesColumn: TableColumn = column('Images', 'string', 'Images referenced by each container in the template.', 1);

/** translateTimestampSince of the object's creationTimestamp. */
export function ageOf(obj: KubeObject, now: number): string {
  return age(obj.metadata.creationTimestamp, now);
}

/** translateTimestampSince of any timestamp (`<unknown>` when unset). */
export function since(timestamp: string | null | undefined, now: number): string {
  return age(timestamp ?? undefined, now);
}

/** duration.HumanDuration between two timestamps. */
export function between(from: string, to: string): string {
  return humanDuration(Date.parse(to) - Date.parse(from));
}

/** printBoolPtr: `True`, `False` or `<unset>`. */
export function boolPtr(v: boolean | undefined): string {
  if (v === undefined || v === null) return '<unset>';
  return v ? 'True' : 'False';
}

/** listWithMoreString: `a,b,c + 2 more...`, `<unset>` when empty. */
export function listWithMore(items: string[], max = 3): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown || '<unset>';
}

/** An integer cell: Go prints int64 cells as JSON numbers. */
export function int(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0;
}
