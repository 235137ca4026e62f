/**
 * The field manager of an endpoint, as kube-apiserver stacks it (managedfields.FieldManager):
 * every create, update and non-apply patch records the fields it changed for its manager
 * (operation `Update`); server-side apply merges a configuration, owns its fields (operation
 * `Apply`) and fails on conflicts. Around that core: the manager identity, timestamps, system
 * fields nobody owns, the cap on update managers, and the upgrade path from client-side apply
 * (the `kubectl.kubernetes.io/last-applied-configuration` annotation).
 */
import type { Schema } from '../../api/schema/dsl';
import type { KubeObject } from '../../api/types';
import { badRequest, unknownError } from './errors';
import { FieldSet, fieldPE } from './fieldpath';
import { capUpdateManagers, conflictError, decodeManagedFields, emptyManaged, encodeManagedFields, isResetManagedFields, managerId, stripMeta, type Managed } from './managedFields';
import type { TypeView } from './schema';
import { compare, toFieldSet } from './typed';
import { formatValidationErrors, validateConfig } from './typedMerge';
import { Conflicts, updaterApply, updaterUpdate, type TypedKind } from './updater';
import { jsonCopy } from '../../storage/frozen';
import { canonicalJson, clone, dropNulls, isObject, setKey, type JsonObject } from './value';

/** The annotation client-side apply keeps its last configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** What a field manager works for: one kind at one endpoint. */
export interface FieldManagerScope {
  types: TypeView;
  /** The schema of the kind. */
  schema: Schema | undefined;
  group: string;
  version: string;
  kind: string;
  /** `''` for the main resource, else `status`, `scale`, ... */
  subresource: string;
  /** The current time, RFC 3339. */
  now: string;
}

function apiVersion(s: FieldManagerScope): string {
  return s.group ? `${s.group}/${s.version}` : s.version;
}

/** The fields the endpoint resets, which no manager owns (GetResetFields). */
export function resetFields(s: FieldManagerScope): FieldSet {
  return s.subresource === 'status' ? FieldSet.of([fieldPE('spec')]) : FieldSet.of([fieldPE('status')]);
}

function typedKind(s: FieldManagerScope): TypedKind {
  return { types: s.types, schema: s.schema, ignore: resetFields(s) };
}

/** An object with its type meta, without managedFields, as the field manager compares it. */
function typedObject(s: FieldManagerScope, obj: KubeObject | undefined): JsonObject {
  if (!obj) {
    const empty: JsonObject = { metadata: {} };
    const root = s.types.atom(s.schema);
    for (const f of ['spec', 'status']) if (root.kind === 'struct' && s.types.atom(root.fields[f]).kind === 'struct') empty[f] = zeroValue(s.types, root.fields[f], 0);
    return empty;
  }
  const out = clone(obj) as JsonObject;
  const md = { ...(out['metadata'] as JsonObject) };
  delete md['managedFields'];
  out['metadata'] = md;
  delete out['apiVersion'];
  delete out['kind'];
  return out;
}

/**
 * A new object's value of a struct as Go encodes its zero value: required (non-omitempty) fields
 * present — structs as their own zero value, anything else as null — so that the first writer
 * does not own them as a whole (no `.` entry for `f:containers`).
 */
/**
 * What `typedObject` gives, without copying: the object's own members shared (the comparison only
 * reads them), type meta and managedFields left out.
 */
function comparedObject(s: FieldManagerScope, obj: KubeObject | undefined): JsonObject {
  if (!obj) return typedObject(s, obj);
  const out: JsonObject = {};
  for (const k of Object.keys(obj)) if (k !== 'apiVersion' && k !== 'kind') setKey(out, k, (obj as unknown as JsonObject)[k]);
  const md: JsonObject = { ...(obj.metadata as unknown as JsonObject) };
  delete md['managedFields'];
  out['metadata'] = md;
  return out;
}

function zeroValue(types: TypeView, schema: Schema | undefined, depth: number): JsonObject {
  const a = types.atom(schema);
  const out: JsonObject = {};
  if (a.kind !== 'struct' || depth > 4) return out;
  for (const f of a.required) {
    const child = types.atom(a.fields[f]);
    out[f] = child.kind === 'struct' && !child.atomic ? zeroValue(types, a.fields[f], depth + 1) : null;
  }
  return out;
}

function withManaged(obj: JsonObject, m: Managed): KubeObject {
  const out = obj as unknown as KubeObject;
  const entries = encodeManagedFields(m);
  out.metadata = { ...out.metadata };
  if (entries) out.metadata.managedFields = entries;
  else delete out.metadata.managedFields;
  return out;
}

/**
 * Records a non-apply write (create when `live` is undefined): `obj` is returned with its
 * managedFields. Never fails: on an internal error the managedFields are dropped, as
 * UpdateNoErrors does.
 */
export function updateManagedFields(s: FieldManagerScope, live: KubeObject | undefined, obj: KubeObject, manager: string): KubeObject {
  // A JSON-form copy that shares the parts of the live object the write keeps (frozen, unchanged).
  const out = jsonCopy(obj);
  out.metadata = { ...out.metadata };
  try {
    let managed: Managed;
    const requested = obj.metadata.managedFields;
    const fromLive = () => {
      try {
        return decodeManagedFields(live?.metadata.managedFields);
      } catch {
        return emptyManaged();
      }
    };
    if (s.subresource !== '') managed = fromLive();
    else if (isResetManagedFields(requested)) managed = emptyManaged();
    else {
      try {
        managed = decodeManagedFields(requested);
        if (managed.fields.size === 0) managed = fromLive();
      } catch {
        managed = fromLive();
      }
    }
    delete out.metadata.managedFields;
    // Objects never tracked (managedFields cleared) stay untracked until someone applies.
    if (managed.fields.size === 0 && live?.metadata.uid) return out;
    const id = managerId({ manager: manager || 'unknown', operation: 'Update', apiVersion: apiVersion(s), subresource: s.subresource });
    const before = managed.fields.get(id)?.set;
    const self = 'current-operation';
    managed.fields = updaterUpdate(typedKind(s), comparedObject(s, live), comparedObject(s, out), apiVersion(s), managed.fields, self);
    stripMeta(managed, self);
    const vs = managed.fields.get(self);
    if (vs) {
      managed.fields.delete(self);
      const prev = managed.fields.get(id);
      // (prev ∪ new: the manager's own set, kept as it is when the write added nothing to it.)
      let set = prev ? prev.set.union(vs.set) : vs.set;
      // The manager's fields as they were (most writes change values, not which fields): the same set, encoded once.
      if (before && set !== before && set.sameFieldsV1(before)) set = before;
      managed.fields.set(id, { ...vs, set });
      managed.times.set(id, s.now);
    }
    capUpdateManagers(managed);
    return withManaged(out as unknown as JsonObject, managed);
  } catch {
    delete out.metadata.managedFields;
    return out;
  }
}

function gvkString(apiVersionText: unknown, kind: unknown): string {
  const av = typeof apiVersionText === 'string' ? apiVersionText : '';
  const i = av.indexOf('/');
  const [g, v] = i >= 0 ? [av.slice(0, i), av.slice(i + 1)] : ['', av];
  return `${g}/${v}, Kind=${typeof kind === 'string' ? kind : ''}`;
}

/**
 * Server-side apply of `config` by `manager` over `live` (a new, empty object when creating):
 * the merged object with its managedFields. Throws a 409 on conflicts unless `force`.
 */
export function applyManagedFields(s: FieldManagerScope, live: KubeObject | undefined, config: JsonObject, manager: string, force: boolean): KubeObject {
  if (config['apiVersion'] !== apiVersion(s) || config['kind'] !== s.kind) throw badRequest(`invalid object type: ${gvkString(config['apiVersion'], config['kind'])}`);
  let managed: Managed;
  try {
    managed = decodeManagedFields(live?.metadata.managedFields);
  } catch (e) {
    throw unknownError(`failed to decode managed fields: ${e instanceof Error ? e.message : String(e)}`);
  }
  const md = isObject(config['metadata']) ? config['metadata'] : {};
  if (md['managedFields'] !== undefined) throw badRequest('metadata.managedFields must be nil');
  const errs = validateConfig(s.types, s.schema, config);
  if (errs.length > 0) {
    const nn = `${typeof md['namespace'] === 'string' ? md['namespace'] : ''}/${typeof md['name'] === 'string' ? md['name'] : ''}`;
    throw unknownError(`failed to create typed patch object (${nn}; ${gvkString(config['apiVersion'], config['kind'])}): ${formatValidationErrors(errs)}`);
  }
  const liveObj = typedObject(s, live);
  const id = managerId({ manager, operation: 'Apply', subresource: s.subresource });
  const run = (forced: boolean) => {
    const m: Managed = { fields: new Map(managed.fields), times: new Map(managed.times) };
    const r = updaterApply(typedKind(s), liveObj, typedConfig(config), apiVersion(s), m.fields, id, forced);
    m.fields = r.managers;
    stripMeta(m, id);
    if (r.object !== undefined) m.times.set(id, s.now);
    return { object: (r.object === undefined ? clone(liveObj) : dropNulls(r.object)) as JsonObject, managed: m };
  };
  let result: { object: JsonObject; managed: Managed };
  try {
    result = run(force);
  } catch (e) {
    if (!(e instanceof Conflicts)) throw e;
    if (manager !== 'kubectl') throw conflictError(e.conflicts);
    // Upgrading from client-side apply: fields whose live value still matches the
    // last-applied configuration may be taken without a conflict.
    const allowed = allowedFromLastApplied(s, live);
    const remaining = allowed ? e.conflicts.filter((c) => !allowed.has(c.path)) : e.conflicts;
    if (remaining.length > 0) throw conflictError(remaining);
    result = run(true);
  }
  const obj = result.object;
  if (manager === 'kubectl') {
    const annotations = ((obj['metadata'] as JsonObject | undefined)?.['annotations'] ?? {}) as Record<string, string>;
    if (annotations[LAST_APPLIED]) {
      const next = { ...(obj['metadata'] as JsonObject), annotations: { ...annotations, [LAST_APPLIED]: lastAppliedOf(config) } };
      obj['metadata'] = next;
    }
  }
  return withManaged(obj, result.managed);
}

/** The configuration as compared: without type meta (the live object has none either). */
function typedConfig(config: JsonObject): JsonObject {
  const c = { ...config };
  delete c['apiVersion'];
  delete c['kind'];
  return c;
}

/** The last-applied annotation of a configuration (buildLastApplied): compact JSON, keys sorted. */
export function lastAppliedOf(config: JsonObject): string {
  const c = clone(config);
  const md = isObject(c['metadata']) ? c['metadata'] : undefined;
  const ann = md && isObject(md['annotations']) ? md['annotations'] : undefined;
  if (ann) {
    delete ann[LAST_APPLIED];
    if (Object.keys(ann).length === 0 && md) delete md['annotations'];
  }
  return `${canonicalJson(c).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`;
}

/** The fields of the last-applied configuration that the live object still has as applied. */
function allowedFromLastApplied(s: FieldManagerScope, live: KubeObject | undefined): FieldSet | undefined {
  const text = live?.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(last) || last['apiVersion'] !== apiVersion(s)) return undefined;
  const lastObj = typedConfig(last);
  const liveObj = typedObject(s, live);
  const set = toFieldSet(s.types, s.schema, lastObj);
  const cmp = compare(s.types, s.schema, lastObj, liveObj);
  return set.difference(cmp.modified).difference(cmp.added).difference(cmp.removed);
}
