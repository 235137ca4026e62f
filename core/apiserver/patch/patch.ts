/**
 * PATCH request handling common to every mechanism: the content type that selects it (415 for
 * one the resource does not take — custom resources take no strategic merge patch), the
 * PatchOptions checks (`force` only for apply, `fieldManager` required for apply), and applying
 * a JSON, merge or strategic merge patch to the current object's JSON.
 */
import type { Schema } from '../../api/schema/dsl';
import type { StatusCause } from '../../api/status';
import { badRequest, invalidKind, invalidPatch, unsupportedPatchType } from './errors';
import { applyJsonPatch, goJsonError } from './json';
import { applyMergePatch } from './merge';
import type { TypeView } from './schema';
import { strategicMergePatch } from './strategic';
import { isObject, type JsonObject } from './value';

/** The patch mechanisms, by content type. */
export const PATCH_CONTENT_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

/** A patch mechanism. */
export type PatchType = keyof typeof PATCH_CONTENT_TYPES;

/** The mechanism of a request's Content-Type; 415 when the resource does not accept it. */
export function patchTypeOf(contentType: string | undefined, customResource: boolean): PatchType {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const accepted: PatchType[] = customResource ? ['json', 'merge', 'apply'] : ['json', 'merge', 'strategic', 'apply'];
  for (const t of accepted) if (PATCH_CONTENT_TYPES[t] === type) return t;
  throw unsupportedPatchType(accepted.map((t) => PATCH_CONTENT_TYPES[t]));
}

/** The field manager name limit (FieldManagerMaxLength). */
export const FIELD_MANAGER_MAX_LENGTH = 128;

/** Problems with a `fieldManager` (ValidateFieldManager), as field causes. */
export function fieldManagerCauses(fieldManager: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (fieldManager.length > FIELD_MANAGER_MAX_LENGTH) causes.push({ reason: 'FieldValueTooLong', message: `Too long: may not be more than ${FIELD_MANAGER_MAX_LENGTH} bytes`, field: 'fieldManager' });
  let i = 0;
  for (const ch of fieldManager) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(fieldManager)}: invalid character U+${hex} (at position ${i})`, field: 'fieldManager' });
    }
    i += ch.length;
  }
  return causes;
}

/** Validates PatchOptions (ValidatePatchOptions) beyond dryRun and fieldValidation; 422 PatchOptions. */
export function validatePatchOptions(type: PatchType, query: Record<string, string>, extra: StatusCause[]): void {
  const causes: StatusCause[] = [];
  const fieldManager = query['fieldManager'] ?? '';
  if (type !== 'apply') {
    if (query['force'] !== undefined) causes.push({ reason: 'FieldValueForbidden', message: 'Forbidden: may not be specified for non-apply patch', field: 'force' });
  } else if (fieldManager === '') causes.push({ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' });
  causes.push(...fieldManagerCauses(fieldManager), ...extra);
  if (causes.length > 0) throw invalidKind('meta.k8s.io', 'PatchOptions', '', causes);
}

const TYPE_META_GO = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/**
 * Applies a JSON, merge or strategic merge patch (its text) to the current object (with its
 * type meta); the result must still be an object. With `shared`, a merge patch's result shares the
 * parts it leaves alone with `current` (see `applyMergePatch`).
 */
export function patchObject(type: Exclude<PatchType, 'apply'>, current: JsonObject, body: string, types: TypeView, schema: Schema | undefined, kindName: string, shared = false): JsonObject {
  let result: unknown;
  if (type === 'json') result = applyJsonPatch(current, body);
  else if (type === 'merge') result = applyMergePatch(current, body, kindName, shared);
  else {
    let patch: unknown;
    try {
      patch = JSON.parse(body) as unknown;
    } catch (e) {
      throw badRequest(goJsonError(body, e instanceof Error ? e.message : ''));
    }
    if (!isObject(patch)) {
      const what = Array.isArray(patch) ? 'array' : patch === null ? 'null' : typeof patch === 'string' ? 'string' : typeof patch === 'number' ? 'number' : 'bool';
      if (what !== 'null') throw badRequest(`json: cannot unmarshal ${what} into Go value of type map[string]interface {}`);
      patch = {};
    }
    result = strategicMergePatch(types, schema, current, patch as JsonObject);
  }
  if (!isObject(result)) {
    const what = Array.isArray(result) ? 'array' : result === null ? 'null' : typeof result === 'string' ? 'string' : typeof result === 'number' ? 'number' : 'bool';
    throw invalidPatch(JSON.stringify(result), `json: cannot unmarshal ${what} into Go value of type ${TYPE_META_GO}`);
  }
  return result;
}
