/**
 * The Status errors of the patch and write paths that core/api/status.ts has no helper for,
 * with kube-apiserver's exact codes, reasons and messages.
 */
import { StatusError, type Status, type StatusCause } from '../../api/status';
import { goFormat, goTypeName } from './value';

/** Builds a Failure Status error; empty details members are left out, as Go's omitempty does. */
export function failure(code: number, reason: string, message: string, details?: Status['details']): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (!reason) delete status.reason;
  if (details) {
    const d: NonNullable<Status['details']> = {};
    if (details.name) d.name = details.name;
    if (details.group) d.group = details.group;
    if (details.kind) d.kind = details.kind;
    if (details.uid) d.uid = details.uid;
    if (details.causes && details.causes.length > 0) d.causes = details.causes;
    if (details.retryAfterSeconds) d.retryAfterSeconds = details.retryAfterSeconds;
    status.details = d;
  }
  return new StatusError(status);
}

/**
 * `errors.NewInvalid(GroupKind, name, errs)`: 422 with `Kind.group "name" is invalid: ...`
 * (`PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: ...`).
 */
export function invalidKind(group: string, kind: string, name: string, causes: StatusCause[]): StatusError {
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
  const list = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  const qualified = group ? `${kind}.${group}` : kind;
  return failure(422, 'Invalid', `${qualified} "${name}" is invalid: ${list}`, { group, kind, name, causes });
}

/**
 * 422 as `errors.NewGenericServerResponse(422, ...)` makes it: the message does not carry the
 * underlying error (a failed JSON patch `test`, a path that does not exist).
 */
export function unprocessable(): StatusError {
  return failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
}

/** 422 on the patched document: ` "" is invalid: patch: Invalid value: "<doc>": <detail>`. */
export function invalidPatch(doc: string, detail: string): StatusError {
  const message = `Invalid value: ${JSON.stringify(doc)}: ${detail}`;
  return failure(422, 'Invalid', ` "" is invalid: patch: ${message}`, { causes: [{ reason: 'FieldValueInvalid', message, field: 'patch' }] });
}

/** 415 for a patch content type the resource does not accept. */
export function unsupportedPatchType(accepted: string[]): StatusError {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

/** 413 for a JSON patch with too many operations. */
export function tooManyOperations(max: number, got: number): StatusError {
  return failure(413, 'RequestEntityTooLarge', `Request entity too large: The allowed maximum operations in a JSON patch is ${max}, got ${got}`);
}

/** 400 Bad Request. */
export function badRequest(message: string): StatusError {
  return failure(400, 'BadRequest', message);
}

/**
 * An error kube-apiserver reports without a Status of its own (`ErrorToAPIStatus` makes it a
 * 500 with no reason). KubeLab answers 400 — a malformed request is never a server error here —
 * keeping the message and the empty reason, so kubectl prints the same `Error from server: ...`.
 */
export function unknownError(message: string): StatusError {
  return failure(400, '', message);
}

/** `mergepatch.ErrBadPatchFormatForSetElementOrderList` (400). */
export function errBadSetOrder(): StatusError {
  return badRequest('invalid patch format of setElementOrder list');
}

/** A value that is not of the expected decoded type (`mergepatch.ErrBadArgType`). */
export function errBadArgType(expected: string, actual: unknown): StatusError {
  return unknownError(`expected a ${expected}, but received a ${goTypeName(actual)}`);
}

/** A merge list item without its merge key (`mergepatch.ErrNoMergeKey`). */
export function errNoMergeKey(m: unknown, key: string): StatusError {
  return unknownError(`map: ${goFormat(m)} does not contain declared merge key: ${key}`);
}

/** Lists of lists (`mergepatch.ErrNoListOfLists`), which kube answers with a generic 422. */
export function errNoListOfLists(): StatusError {
  return unprocessable();
}
