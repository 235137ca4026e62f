/**
 * kubectl's errors as the shell prints them: a `CommandError` carries the exact text (without
 * the trailing newline) and the exit code; `serverError` prints a Status as `cmdutil.CheckErr`.
 */
import type { Status } from '../../api/status';

/** An error whose text is printed as is on stderr, ending the command with `code`. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

/** `Error from server (NotFound): pods "x" not found`, as kubectl prints a Status. */
export function serverError(body: unknown): string {
  const s = body as Partial<Status> | undefined;
  if (!s || typeof s !== 'object' || s.kind !== 'Status') return `Error from server: ${JSON.stringify(body)}`;
  const msg = s.message ?? '';
  return s.reason && s.reason !== 'Unknown' ? `Error from server (${s.reason}): ${msg}` : `Error from server: ${msg}`;
}

/** A `Status` answer as an error (for `error when creating "f.yaml": ...`, pass `context`). */
export function statusError(body: unknown, context?: string): CommandError {
  if (!context) return new CommandError(serverError(body));
  const s = body as Partial<Status>;
  const reason = s.reason && s.reason !== 'Unknown' ? ` (${s.reason})` : '';
  return new CommandError(`Error from server${reason}: ${context}: ${s.message ?? ''}`);
}

/** Whether a body is a Status of `reason`. */
export function isReason(body: unknown, reason: string): boolean {
  return (body as Partial<Status> | undefined)?.reason === reason;
}

/**
 * What kubectl prints for a missing required flag: cobra's error goes through klog
 * (`E1122 03:57:20.453911   22792 run.go:72] "command failed" err="..."`). The shell has no
 * wall clock nor pid (core/ is pure), so those parts are zeros; `quoted` is already escaped.
 */
export function klogFatal(quoted: string): string {
  return `E0101 00:00:00.000000       1 run.go:72] "command failed" err="${quoted}"`;
}
