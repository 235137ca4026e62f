/**
 * The `scale` subresource: an `autoscaling/v1` Scale read from and written to the replicas of a
 * resource through its ResourceDef `scale` paths (as the deployments/replicasets/statefulsets
 * scale REST and the custom resource scale handler do). GET answers the Scale; PUT and PATCH
 * change `spec.replicas` of the parent through the parent's update path, recorded in
 * managedFields for the manager with subresource `scale`.
 */
import { conflict, type StatusCause } from '../api/status';
import type { KubeObject, LabelSelector } from '../api/types';
import { applyManagedFields } from './patch/fieldManager';
import { badRequest, invalidKind } from './patch/errors';
import { patchObject, type PatchType } from './patch/patch';
import { clone, isObject, type JsonObject } from './patch/value';
import { apiVersionOf, type ResourceDef } from './registry';
import { labelSelectorString, selectorIsValid } from './resources/selector';
import type { RestHandler, WriteResult } from './rest';
import type { WriteOptions } from './writeOptions';
import { decodeObject } from './decode';
import { Warnings, checkUnknownFields } from './writeOptions';

/** The value at a `.a.b.c` path of an object. */
export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.replace(/^\./, '').split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Sets the value at a `.a.b.c` path, creating the objects on the way. */
export function setValueAt(obj: JsonObject, path: string, value: unknown): void {
  const parts = path.replace(/^\./, '').split('.');
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(cur[part])) cur[part] = {};
    cur = cur[part] as JsonObject;
  }
  cur[parts[parts.length - 1] as string] = value;
}

/**
 * The selector of a Scale's `status.selector`, as a string: a LabelSelector object in the text
 * `labels.Selector.String()` prints (`app=web,tier in (a,b)`; empty when it is not a valid
 * selector), or — for custom resources, whose `labelSelectorPath` names a string — the string.
 */
export function selectorString(sel: unknown): string {
  if (typeof sel === 'string') return sel;
  if (!isObject(sel)) return '';
  const selector = sel as LabelSelector;
  return selectorIsValid(selector) ? labelSelectorString(selector) : '';
}

/** The Scale of an object. */
export function scaleOf(def: ResourceDef, obj: KubeObject): JsonObject {
  const paths = def.scale ?? { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' };
  const md: JsonObject = { name: obj.metadata.name };
  if (obj.metadata.namespace) md['namespace'] = obj.metadata.namespace;
  md['uid'] = obj.metadata.uid;
  md['resourceVersion'] = obj.metadata.resourceVersion;
  md['creationTimestamp'] = obj.metadata.creationTimestamp;
  const spec: JsonObject = {};
  const replicas = valueAt(obj, paths.specReplicasPath);
  if (typeof replicas === 'number' && replicas !== 0) spec['replicas'] = replicas;
  const statusReplicas = valueAt(obj, paths.statusReplicasPath);
  const status: JsonObject = { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0 };
  const selector = paths.labelSelectorPath ? selectorString(valueAt(obj, paths.labelSelectorPath)) : '';
  if (selector) status['selector'] = selector;
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: md, spec, status };
}

function scaleResource(def: ResourceDef) {
  return { group: def.group, resource: `${def.resource}/scale` };
}

/** GET .../scale. */
export function getScale(rest: RestHandler, def: ResourceDef, namespace: string | undefined, name: string): JsonObject {
  return scaleOf(def, rest.read(def, namespace, name));
}

/** Writes a new Scale: validated, preconditions checked, replicas moved to the parent. */
function commitScale(rest: RestHandler, def: ResourceDef, old: KubeObject, scale: JsonObject, opts: WriteOptions, manager: string | undefined, parent?: KubeObject): KubeObject {
  const name = old.metadata.name ?? '';
  if (scale['kind'] !== undefined && scale['kind'] !== 'Scale') throw badRequest(`the kind in the data (${String(scale['kind'])}) does not match the expected kind (Scale)`);
  const spec = isObject(scale['spec']) ? scale['spec'] : {};
  const replicas = spec['replicas'] ?? 0;
  const causes: StatusCause[] = [];
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw badRequest(`json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
  if (replicas < 0) causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${replicas}: must be greater than or equal to 0`, field: 'spec.replicas' });
  if (causes.length > 0) throw invalidKind('autoscaling', 'Scale', name, causes);
  const md = isObject(scale['metadata']) ? scale['metadata'] : {};
  if (typeof md['uid'] === 'string' && md['uid'] && md['uid'] !== old.metadata.uid) {
    throw conflict(scaleResource(def), name, `Precondition failed: UID in precondition: ${md['uid']}, UID in object meta: ${old.metadata.uid ?? ''}`);
  }
  const obj = (parent ?? clone(old)) as KubeObject & JsonObject;
  setValueAt(obj, def.scale?.specReplicasPath ?? '.spec.replicas', replicas);
  const expected = typeof md['resourceVersion'] === 'string' && md['resourceVersion'] ? md['resourceVersion'] : undefined;
  const out = rest.commitUpdate(def, old, obj, opts, manager, 'scale', expected);
  return out;
}

/** The Scale kind, for decoding (decode.ts). */
const SCALE = { kind: 'Scale', version: 'v1', schemaName: 'io.k8s.api.autoscaling.v1.Scale' };

/** PUT .../scale. */
export function updateScale(rest: RestHandler, def: ResourceDef, namespace: string | undefined, name: string, body: JsonObject, opts: WriteOptions): WriteResult {
  const scale = decodeObject(rest.options.schemas, SCALE, body);
  const old = rest.read(def, namespace, name);
  const out = commitScale(rest, def, old, scale, opts, opts.manager);
  return { code: 200, body: scaleOf(def, out), warnings: [] };
}

/** PATCH .../scale with any mechanism, server-side apply included. */
export function patchScale(rest: RestHandler, def: ResourceDef, namespace: string | undefined, name: string, type: PatchType, body: string, opts: WriteOptions, force: boolean): WriteResult {
  const old = rest.read(def, namespace, name);
  const current = scaleOf(def, old);
  const warnings = new Warnings();
  if (type !== 'apply') {
    const patched = patchObject(type, current, body, rest.types, undefined, 'v1.Scale');
    checkUnknownFields(rest.unknownFieldsOf({ ...def, schemaName: 'io.k8s.api.autoscaling.v1.Scale' }, patched), opts, warnings, { patched });
    const scale = decodeObject(rest.options.schemas, SCALE, patched, type === 'strategic' ? { as: 'strategic', patch: JSON.parse(body) as unknown } : { as: 'patched', doc: () => JSON.stringify(patched) });
    const out = commitScale(rest, def, old, scale, opts, opts.manager);
    return { code: 200, body: scaleOf(def, out), warnings: warnings.all() };
  }
  const config = JSON.parse(body) as unknown;
  if (!isObject(config)) throw badRequest('error decoding YAML: the applied configuration must be an object');
  if (config['apiVersion'] !== 'autoscaling/v1' || config['kind'] !== 'Scale') {
    throw badRequest(`invalid object type: ${typeof config['apiVersion'] === 'string' ? config['apiVersion'] : '/'}, Kind=${typeof config['kind'] === 'string' ? config['kind'] : ''}`);
  }
  // Apply to the parent as its replicas only, recorded for the manager with subresource scale.
  const spec = isObject(config['spec']) ? config['spec'] : {};
  const parentConfig: JsonObject = { apiVersion: apiVersionOf(def), kind: def.kind, metadata: { name } };
  if (spec['replicas'] !== undefined) setValueAt(parentConfig, def.scale?.specReplicasPath ?? '.spec.replicas', spec['replicas']);
  const merged = applyManagedFields(rest.fieldScope(def, 'scale'), old, parentConfig, opts.manager, force);
  const replicas = valueAt(merged, def.scale?.specReplicasPath ?? '.spec.replicas');
  const scale = { ...current, spec: replicas === undefined ? {} : { replicas } };
  const out = commitScale(rest, def, old, scale, opts, undefined, merged);
  return { code: 200, body: scaleOf(def, out), warnings: warnings.all() };
}
