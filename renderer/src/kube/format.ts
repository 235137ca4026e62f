// Pure formatting helpers for times and durations the lab API reports.

/** Virtual time (ms since the epoch) as `2026-03-01 09:00:00` (UTC, as the cluster's clock). */
export function formatClock(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}

/** The time of day of a virtual time, with milliseconds: `09:00:01.250`. */
export function formatTimeOfDay(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

/** A speed factor as `0.25×`, `10×`. */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}
