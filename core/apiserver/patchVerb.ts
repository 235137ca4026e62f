/**
 * PATCH of an object, its `status` or its `scale` (k8s.io/apiserver endpoints/handlers/patch.go):
 * the mechanism chosen by Content-Type, PatchOptions checked, the patch applied to the current
 * object — or, for server-side apply, the configuration merged by the field manager, creating
 * the object when it does not exist — and the result written through the same path as an
 * update (defaults, field management, strategy, validation, optimistic concurrency on a
 * resourceVersion the patch carries).
 */
import { conflict, notFound } from '../api/status';
import type { KubeObject } from '../api/types';
import { applyManagedFields } from './patch/fieldManager';
import { badRequest } from './patch/errors';
import { patchObject, patchTypeOf, validatePatchOptions, type PatchType } from './patch/patch';
import { frozenPlaceholders } from './patch/shared';
import { isObject, setKey, type JsonObject } from './patch/value';
import { Registry, type ResourceDef } from './registry';
import { qr, type RestHandler, type WriteResult } from './rest';
import type { ApiRequest } from './request';
import { patchScale } from './scale';
import { Warnings, checkUnknownFields, dryRunCauses, fieldValidationCauses, writeOptions } from './writeOptions';

/** Whether a resource is a custom resource (no strategic merge patch); set by the CRD registry. */
export function isCustomResource(def: ResourceDef): boolean {
  return (def as ResourceDef & { custom?: boolean }).custom === true;
}

function checkName(obj: KubeObject, name: string): void {
  if ((obj.metadata.name ?? '') !== name) throw badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
}

/** A strategic merge patch's body as the map kube prints in its errors (the body already parsed once). */
function parsePatchMap(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return {};
  }
}

/** How the field manager names an applied object in its errors: `ns/name; group/version, Kind=Kind`. */
function appliedName(def: ResourceDef, namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}; ${def.group}/${def.version}, Kind=${def.kind}`;
}

function frozenObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.isFrozen(v);
}

/**
 * What a status write needs decoded of a patched object: everything but the parts it shares,
 * unchanged, with the stored object and does not take (all but `status` and `metadata`; of
 * `metadata`, its managedFields, which the field manager rebuilds from the stored ones) — the
 * decoder accepted them when they were written. A patch that changes such a part has its own copy
 * there, so it is still decoded, and refused when wrong.
 */
function statusWriteParts(patched: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(patched)) {
    const v = patched[k];
    if (k === 'metadata' && isObject(v) && frozenObject(v['managedFields'])) {
      const md: JsonObject = {};
      for (const m of Object.keys(v)) if (m !== 'managedFields') setKey(md, m, v[m]);
      out[k] = md;
    } else if (k === 'metadata' || k === 'status' || !frozenObject(v)) setKey(out, k, v);
  }
  return out;
}

/** PATCH `.../NAME[/status|/scale]`. */
export function patchResource(rest: RestHandler, def: ResourceDef, namespace: string | undefined, name: string, sub: string | undefined, req: ApiRequest): WriteResult {
  const type = patchTypeOf(req.headers['content-type'], isCustomResource(def));
  const dry = req.query['dryRun'];
  validatePatchOptions(type, req.query, [...(dry !== undefined ? dryRunCauses([dry]) : []), ...fieldValidationCauses(req.query['fieldValidation'] ?? '')]);
  const opts = writeOptions('PatchOptions', req.query, req.headers);
  const force = req.query['force'] === 'true' || req.query['force'] === '1';
  const body = req.body ?? '';
  if (sub === 'scale') return patchScale(rest, def, namespace, name, type, body, opts, force);
  const key = Registry.key(def, namespace, name);
  const current = rest.storeOf(def).get(key);
  const warnings = new Warnings();
  if (type === 'apply') return applyPatch(rest, def, namespace, name, sub, current, body, force, req);
  if (!current) throw notFound(qr(def), name);
  // A merge patch of a built-in kind's status (the kubelets' writes) shares what it leaves alone with the stored object.
  const shared = type === 'merge' && sub === 'status' && !isCustomResource(def) && rest.storeOf(def) === rest.store;
  const patched = patchObject(type as Exclude<PatchType, 'apply'>, rest.typed(def, current) as unknown as JsonObject, body, rest.types, rest.types.definition(def.schemaName), `${def.version}.${def.kind}`, shared);
  // What it shares with the stored object (frozen) is neither checked nor decoded again: placeholders stand for it.
  const checked = shared ? frozenPlaceholders(statusWriteParts(patched)) : undefined;
  const decoding = checked?.value ?? patched;
  checkUnknownFields(rest.unknownFieldsOf(def, decoding), opts, warnings, { patched });
  const obj = rest.toObject(def, namespace, decoding, type === 'strategic' ? { as: 'strategic', patch: parsePatchMap(body) } : { as: 'patched', doc: () => JSON.stringify(patched) });
  checked?.restore(obj as unknown as JsonObject);
  checkName(obj, name);
  const expected = obj.metadata.resourceVersion || undefined;
  const out = sub === 'status' ? rest.commitSubresource(def, current, obj, 'status', opts, opts.manager, expected) : rest.commitUpdate(def, current, obj, opts, opts.manager, '', expected);
  return { code: 200, body: out, warnings: warnings.all() };
}

/** Server-side apply (`application/apply-patch+yaml`; the adapter already turned the YAML into JSON). */
function applyPatch(rest: RestHandler, def: ResourceDef, namespace: string | undefined, name: string, sub: string | undefined, current: KubeObject | undefined, body: string, force: boolean, req: ApiRequest): WriteResult {
  const opts = writeOptions('PatchOptions', req.query, req.headers);
  let config: unknown;
  try {
    config = JSON.parse(body === '' ? '{}' : body) as unknown;
  } catch (e) {
    throw badRequest(`error decoding YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(config)) throw badRequest(`error decoding YAML: json: cannot unmarshal ${Array.isArray(config) ? 'array' : typeof config} into Go value of type map[string]interface {}`);
  const manager = opts.manager;
  if (!current) {
    if (sub) throw notFound(qr(def), name);
    const merged = applyManagedFields(rest.fieldScope(def), undefined, config, manager, force);
    const md = merged.metadata;
    if (md.uid) throw conflict(qr(def), name, `uid mismatch: the provided object specified uid ${md.uid}, and no existing object was found`);
    const obj = rest.toObject(def, namespace, merged as unknown as JsonObject, { as: 'applied', object: appliedName(def, namespace, name) });
    checkName(obj, name);
    return { code: 201, body: rest.createObject(def, obj, opts, undefined), warnings: [] };
  }
  const merged = applyManagedFields(rest.fieldScope(def, sub ?? ''), current, config, manager, force);
  const obj = rest.toObject(def, namespace, merged as unknown as JsonObject, { as: 'applied', object: appliedName(def, namespace, name) });
  checkName(obj, name);
  const expected = obj.metadata.resourceVersion || undefined;
  const out = sub === 'status' ? rest.commitSubresource(def, current, obj, 'status', opts, undefined, expected) : rest.commitUpdate(def, current, obj, opts, undefined, '', expected);
  return { code: 200, body: out, warnings: [] };
}
