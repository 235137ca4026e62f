/**
 * The decode step of every write (k8s.io/apiserver endpoints/handlers): a request body, or the
 * document a patch produced, becomes an object of the resource only if it decodes into the kind's
 * Go types (core/api/schema/conform.ts). What fails is answered as kube-apiserver answers it:
 *
 * - a create or update body: 400 `Service in version "v1" cannot be handled as a Service: json:
 *   cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec`
 *   (transformDecodeError); type meta that is not a string: `the object provided is unrecognized
 *   (must be of type Service): couldn't get version/kind; json parse error: ...`;
 * - a JSON or merge patch result: 422 ` "" is invalid: patch: Invalid value: "<patched JSON>":
 *   <the same error>` (patch.go, jsonPatcher);
 * - a strategic merge patch result: 422 on the patch map printed as Go prints it, with the
 *   unstructured converter's wording (smpPatcher, `applyPatchToObject`);
 * - a server-side apply result: the field manager's `failed to convert to versioned object` (which
 *   kube answers as a 500 without a reason; KubeLab as a 400 with the same message).
 *
 * Custom resources are not decoded here: their CRD schema prunes and validates them (crd/).
 */
import { conform, type ConformOptions } from '../api/schema/conform';
import type { SchemaRegistry } from '../api/schema/dsl';
import type { KubeObject } from '../api/types';
import { badRequest, invalidPatch, unknownError } from './patch/errors';
import { goFormat } from './patch/value';
import { apiVersionOf, type ResourceDef } from './registry';
import { decodeQuantity } from './resources/quantity';

/** What is being decoded, which decides how a failure is answered. */
export type DecodeAs =
  /** A create or update body (POST, PUT, status/finalize/scale/binding). */
  | { as: 'body' }
  /** The result of a JSON or merge patch (`doc`: its JSON text, for the error). */
  | { as: 'patched'; doc: () => string }
  /** The result of a strategic merge patch, and the patch. */
  | { as: 'strategic'; patch: unknown }
  /** The result of a server-side apply; `object` names it: `ns/name; group/version, Kind=Kind`. */
  | { as: 'applied'; object: string };

/** The kind decoded to. */
export interface DecodeTarget {
  kind: string;
  version: string;
  /** The OpenAPI definition of the kind (none: not decoded). */
  schemaName?: string | undefined;
  /** A custom resource (validated by its CRD schema instead). */
  custom?: boolean | undefined;
}

/** summarizeData: the body's first 30 bytes (as text for an object), for decode errors. */
function summarize(text: string): string {
  if (text === '') return '<empty>';
  return text.length > 30 ? `${text.slice(0, 30)} ...` : text;
}

/** The error of reading `apiVersion` and `kind` as strings (runtime.SimpleMetaFactory.Interpret), if any. */
function typeMetaError(body: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(body)) {
    if (key !== 'apiVersion' && key !== 'kind') continue;
    const v = body[key];
    if (v === null || typeof v === 'string') continue;
    const what = Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : 'number';
    return `couldn't get version/kind; json parse error: json: cannot unmarshal ${what} into Go struct field .${key} of type string`;
  }
  return undefined;
}

/**
 * Reads the type meta as the decoder does before anything else: `apiVersion` and `kind` must be
 * strings (or null) — else the body is unrecognized (400), or the patch invalid (422) — and, when
 * given, must name the resource's kind and version (400).
 */
export function decodeTypeMeta(def: Pick<ResourceDef, 'group' | 'version' | 'kind'>, body: Record<string, unknown>, how: DecodeAs): void {
  if (how.as === 'body' || how.as === 'patched') {
    const tm = typeMetaError(body);
    if (tm && how.as === 'body') throw badRequest(`the object provided is unrecognized (must be of type ${def.kind}): ${tm} (${summarize(JSON.stringify(body))})`);
    if (tm && how.as === 'patched') throw invalidPatch(how.doc(), tm);
  }
  // (After a strategic merge patch or an apply, type meta of the wrong type is the decoder's error: decodeObject.)
  const av = body['apiVersion'];
  const kind = body['kind'];
  if (typeof av === 'string' && av !== apiVersionOf(def)) throw badRequest(`the API version in the data (${av}) does not match the expected API version (${apiVersionOf(def)})`);
  if (typeof kind === 'string' && kind !== def.kind) throw badRequest(`the kind in the data (${kind}) does not match the expected kind (${def.kind})`);
}

/**
 * A request body (or patched document) as an object of the resource: type meta checked and
 * dropped, decoded, the namespace of the URL set (400 when the body names another).
 */
export function bodyToObject(schemas: SchemaRegistry | undefined, def: ResourceDef, namespace: string | undefined, body: Record<string, unknown>, how: DecodeAs = { as: 'body' }): KubeObject {
  decodeTypeMeta(def, body, how);
  const decoded = decodeObject(schemas, def, body, how);
  const md = decoded['metadata'];
  if (md !== undefined && (md === null || typeof md !== 'object' || Array.isArray(md))) throw badRequest('metadata must be an object');
  const obj = { ...decoded, metadata: { ...((md as object | undefined) ?? {}) } } as KubeObject;
  delete obj.apiVersion;
  delete obj.kind;
  if (def.namespaced) {
    if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    if (namespace) obj.metadata.namespace = namespace;
  }
  return obj;
}

/** The options the decoder runs with in the API server. */
export const DECODE_OPTIONS: ConformOptions = { quantity: decodeQuantity };

/**
 * Decodes `body` as an object of `target`: the value as the Go types give it back (unknown fields
 * dropped, nulls as zero values), or the Status error of the request's path.
 */
export function decodeObject(schemas: SchemaRegistry | undefined, target: DecodeTarget, body: Record<string, unknown>, how: DecodeAs = { as: 'body' }): Record<string, unknown> {
  if (!schemas || target.custom || !target.schemaName) return body;
  const unstructured = how.as === 'strategic' || how.as === 'applied';
  const r = conform(schemas, target.schemaName, body, { ...DECODE_OPTIONS, mode: unstructured ? 'unstructured' : 'json' });
  if (r.ok) return r.value;
  switch (how.as) {
    case 'body':
      throw badRequest(`${target.kind} in version ${JSON.stringify(target.version)} cannot be handled as a ${target.kind}: ${r.error}`);
    case 'patched':
      throw invalidPatch(how.doc(), r.error);
    case 'strategic':
      throw invalidPatch(goFormat(how.patch), r.error);
    default:
      throw unknownError(`failed to convert to versioned object (${how.object}): ${r.error}`);
  }
}
