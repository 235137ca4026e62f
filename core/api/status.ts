/**
 * Kubernetes API errors as data, like apimachinery's `StatusError`: every failure crosses
 * every boundary as a `Status` object, and clients print its `message` verbatim.
 */

/** One field-level cause of an error (`details.causes[]`). */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.Status. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

/** An error carrying a Kubernetes `Status`. */
export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message ?? status.reason ?? 'unknown error');
    this.name = 'StatusError';
    this.status = status;
  }
  /** The HTTP code of the status. */
  get code(): number {
    return this.status.code;
  }
  /** The machine-readable reason (NotFound, AlreadyExists, ...). */
  get reason(): string | undefined {
    return this.status.reason;
  }
}

/** Whether `e` is a StatusError (optionally with the given reason). */
export function isStatusError(e: unknown, reason?: string): e is StatusError {
  return e instanceof StatusError && (reason === undefined || e.status.reason === reason);
}

function failure(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new StatusError(status);
}

/** A resource name qualified by its group, as Kubernetes prints it: `pods`, `deployments.apps`. */
export interface QualifiedResource {
  group: string;
  resource: string;
}

function qualified(r: QualifiedResource): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** 404 `pods "web" not found`. */
export function notFound(r: QualifiedResource, name: string): StatusError {
  const details: Status['details'] = { name, kind: r.resource };
  if (r.group) details.group = r.group;
  return failure(404, 'NotFound', `${qualified(r)} "${name}" not found`, details);
}

/** 404 for a path that names no resource. */
export function pathNotFound(): StatusError {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** 409 `pods "web" already exists`. */
export function alreadyExists(r: QualifiedResource, name: string): StatusError {
  const details: Status['details'] = { name, kind: r.resource };
  if (r.group) details.group = r.group;
  return failure(409, 'AlreadyExists', `${qualified(r)} "${name}" already exists`, details);
}

/** 409 Conflict on a stale resourceVersion. */
export function conflict(r: QualifiedResource, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again'): StatusError {
  const details: Status['details'] = { name, kind: r.resource };
  if (r.group) details.group = r.group;
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(r)} "${name}": ${why}`, details);
}

/** 422 `Pod "web" is invalid: spec.containers: Required value`. */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): StatusError {
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
  const list = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const details: Status['details'] = { name, kind, causes };
  if (group) details.group = group;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${list}`, details);
}

/** 400 Bad Request. */
export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

/** 401 Unauthorized. */
export function unauthorized(): StatusError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

/** 403 Forbidden. */
export function forbidden(message: string, details?: Status['details']): StatusError {
  return failure(403, 'Forbidden', message, details);
}

/** 405 Method Not Allowed. */
export function methodNotAllowed(): StatusError {
  return failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
}

/** 406 Not Acceptable. */
export function notAcceptable(message: string): StatusError {
  return failure(406, 'NotAcceptable', message);
}

/** 410 Gone: a watch from a revision older than the history window. */
export function expired(message: string): StatusError {
  return failure(410, 'Expired', message);
}

/**
 * 429 Too Many Requests (NewTooManyRequests): `retryAfterSeconds` above 0 is sent in the details
 * and as a `Retry-After` header, which client-go waits for and retries on.
 */
export function tooManyRequests(message: string, retryAfterSeconds: number, causes: StatusCause[] = []): StatusError {
  const details: Status['details'] = {};
  if (causes.length > 0) details.causes = causes;
  if (retryAfterSeconds > 0) details.retryAfterSeconds = retryAfterSeconds;
  return failure(429, 'TooManyRequests', message, details);
}

/** 413 Request Entity Too Large. */
export function tooLarge(message: string): StatusError {
  return failure(413, 'RequestEntityTooLarge', message);
}

/** 415 Unsupported Media Type. */
export function unsupportedMediaType(contentType: string): StatusError {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got ${contentType})`);
}

/** 500 Internal Error (never expected; a bug in KubeLab). */
export function internalError(message: string): StatusError {
  return failure(500, 'InternalError', `Internal error occurred: ${message}`);
}

/** A Success status, as DELETE of a collection or a bare object returns it. */
export function success(details?: Status['details']): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) s.details = details;
  return s;
}
