/**
 * JSON merge patch (RFC 7386, `application/merge-patch+json`) with `json-merge-patch` (pure
 * JS; its only dependency, fast-deep-equal, is pure too), with evanphx/json-patch's errors as
 * kube-apiserver answers them: `Invalid JSON Patch` (400) for a body that is not JSON or is
 * `null`; a patch that is an array replaces the document, which then cannot be an object (422).
 */
import mergePatch from 'json-merge-patch';
import { badRequest, invalidPatch } from './errors';
import { clone, isObject } from './value';

/** Applies a merge patch (its text) to a document; the document is not modified. */
export function applyMergePatch(doc: unknown, patchText: string, kindName: string): unknown {
  let patch: unknown;
  try {
    patch = JSON.parse(patchText) as unknown;
  } catch {
    throw badRequest('Invalid JSON Patch');
  }
  if (patch === null || (!isObject(patch) && !Array.isArray(patch))) throw badRequest('Invalid JSON Patch');
  if (Array.isArray(patch)) {
    // The result is the array itself (nulls pruned), which no object decodes from.
    const text = JSON.stringify(patch.filter((v) => v !== null));
    throw invalidPatch(text, `json: cannot unmarshal array into Go value of type ${kindName}`);
  }
  return mergePatch.apply(clone(doc), patch) as unknown;
}
