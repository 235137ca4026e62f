/**
 * DELETE as the generic registry store does it (k8s.io/apiserver registry/rest/delete.go and
 * registry/generic/registry/store.go): DeleteOptions from the body or the query, validated;
 * preconditions; graceful deletion (`deletionTimestamp` in the future, a grace period that can
 * only shrink); finalizers for the garbage collector per `propagationPolicy` (Foreground adds
 * `foregroundDeletion`, Orphan adds `orphan`, Background removes both); an object with
 * finalizers is only marked as being deleted; `dryRun` changes nothing. Namespaces terminate
 * first, as their REST storage does.
 */
import { rfc3339 } from '../api/duration';
import { conflict, forbidden, notFound, success, type StatusCause } from '../api/status';
import type { KubeObject, Namespace } from '../api/types';
import { StoreError } from '../storage/store';
import type { ObjectStore } from './storeView';
import { badRequest, invalidKind } from './patch/errors';
import { deepEqual } from './patch/value';
import { Registry, type ResourceDef } from './registry';
import { IMMORTAL_NAMESPACES } from './resources/namespaces';
import { dryRunCauses } from './writeOptions';

/** The finalizer that makes the garbage collector orphan the dependents. */
export const ORPHAN_FINALIZER = 'orphan';
/** The finalizer that makes the garbage collector delete the dependents first. */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** metav1.DeleteOptions, as parsed. */
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: string;
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

/** What a delete needs from the REST handler. */
export interface DeleteDeps {
  store: ObjectStore;
  now(): number;
  typed(def: ResourceDef, obj: KubeObject): KubeObject;
}

/** Resources whose DELETE answers the object rather than a Status (ReturnDeletedObject). */
const RETURNS_OBJECT = new Set(['/pods', '/namespaces', '/serviceaccounts', '/persistentvolumes', '/persistentvolumeclaims', '/podtemplates', '/services']);

function goInt(field: string, v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    const what = typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : Array.isArray(v) ? 'array' : 'object';
    throw badRequest(`json: cannot unmarshal ${what} into Go struct field DeleteOptions.${field} of type int64`);
  }
  return v;
}

/** DeleteOptions from the body when there is one, else from the query; 422 when invalid. */
export function parseDeleteOptions(body: Record<string, unknown> | undefined, query: Record<string, string>): DeleteOptions {
  const opts: DeleteOptions = { dryRun: false };
  let dry: string[] = [];
  if (body && Object.keys(body).length > 0) {
    const g = goInt('gracePeriodSeconds', body['gracePeriodSeconds']);
    if (g !== undefined) opts.gracePeriodSeconds = g;
    if (typeof body['propagationPolicy'] === 'string') opts.propagationPolicy = body['propagationPolicy'];
    if (typeof body['orphanDependents'] === 'boolean') opts.orphanDependents = body['orphanDependents'];
    const pre = body['preconditions'];
    if (pre && typeof pre === 'object') {
      const p = pre as { uid?: unknown; resourceVersion?: unknown };
      opts.preconditions = {};
      if (typeof p.uid === 'string') opts.preconditions.uid = p.uid;
      if (typeof p.resourceVersion === 'string') opts.preconditions.resourceVersion = p.resourceVersion;
    }
    if (Array.isArray(body['dryRun'])) dry = (body['dryRun'] as unknown[]).map(String);
  } else {
    const g = query['gracePeriodSeconds'];
    if (g !== undefined) {
      if (!/^-?\d+$/.test(g)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(g)}: invalid syntax`);
      opts.gracePeriodSeconds = Number(g);
    }
    if (query['propagationPolicy'] !== undefined) opts.propagationPolicy = query['propagationPolicy'];
    const o = query['orphanDependents'];
    if (o !== undefined) opts.orphanDependents = o === 'true' || o === '1';
    if (query['dryRun'] !== undefined) dry = [query['dryRun']];
  }
  const causes: StatusCause[] = [];
  if (opts.orphanDependents !== undefined && opts.propagationPolicy !== undefined) {
    causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(opts.propagationPolicy)}: orphanDependents and deletionPropagation cannot be both set`, field: 'propagationPolicy' });
  }
  const p = opts.propagationPolicy;
  if (p !== undefined && p !== 'Foreground' && p !== 'Background' && p !== 'Orphan') {
    causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: ${JSON.stringify(p)}: supported values: "Foreground", "Background", "Orphan", "nil"`, field: 'propagationPolicy' });
  }
  causes.push(...dryRunCauses(dry));
  if (causes.length > 0) throw invalidKind('meta.k8s.io', 'DeleteOptions', '', causes);
  opts.dryRun = dry.includes('All');
  return opts;
}

/** The finalizers after a delete asks for a propagation policy (deletionFinalizersForGarbageCollection). */
export function gcFinalizers(obj: KubeObject, opts: DeleteOptions): { changed: boolean; finalizers: string[] } {
  const current = obj.metadata.finalizers ?? [];
  let orphan: boolean;
  let foreground: boolean;
  if (opts.orphanDependents !== undefined) {
    orphan = opts.orphanDependents;
    foreground = false;
  } else if (opts.propagationPolicy !== undefined) {
    orphan = opts.propagationPolicy === 'Orphan';
    foreground = opts.propagationPolicy === 'Foreground';
  } else {
    // The object's own finalizers decide; the default policy is Background.
    const first = current.find((f) => f === ORPHAN_FINALIZER || f === FOREGROUND_FINALIZER);
    orphan = first === ORPHAN_FINALIZER;
    foreground = first === FOREGROUND_FINALIZER;
  }
  const next = current.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (orphan) next.push(ORPHAN_FINALIZER);
  if (foreground) next.push(FOREGROUND_FINALIZER);
  const same = new Set(current).size === new Set(next).size && next.every((f) => current.includes(f));
  return same ? { changed: false, finalizers: current } : { changed: true, finalizers: next };
}

function qualifiedKind(def: ResourceDef) {
  return { group: def.group, resource: def.kind };
}

function checkPreconditions(def: ResourceDef, obj: KubeObject, opts: DeleteOptions): void {
  const name = obj.metadata.name ?? '';
  const pre = opts.preconditions;
  if (pre?.uid !== undefined && pre.uid !== obj.metadata.uid) {
    throw conflict(qualifiedKind(def), name, `the UID in the precondition (${pre.uid}) does not match the UID in record (${obj.metadata.uid ?? ''}). The object might have been deleted and then recreated`);
  }
  if (pre?.resourceVersion !== undefined && pre.resourceVersion !== obj.metadata.resourceVersion) {
    throw conflict(qualifiedKind(def), name, `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${obj.metadata.resourceVersion ?? ''}). The object might have been modified`);
  }
}

/** The answer for a deleted object: the object itself, or a Success Status naming it. */
function finalizeDelete(deps: DeleteDeps, def: ResourceDef, obj: KubeObject): unknown {
  if (RETURNS_OBJECT.has(`${def.group}/${def.resource}`)) return deps.typed(def, obj);
  const details: Record<string, string> = { name: obj.metadata.name ?? '' };
  if (def.group) details['group'] = def.group;
  details['kind'] = def.resource;
  if (obj.metadata.uid) details['uid'] = obj.metadata.uid;
  // The registry's Status carries no code (it is 0, and left out).
  const status: Record<string, unknown> = { ...success(details) };
  delete status['code'];
  return status;
}

function writeUpdate(deps: DeleteDeps, def: ResourceDef, key: string, obj: KubeObject, expected: string | undefined): KubeObject {
  const current = deps.store.get(key);
  // A write that changes nothing is not made (GuaranteedUpdate's no-op).
  if (current && deepEqual({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }, { ...current, metadata: { ...current.metadata, resourceVersion: undefined } })) return current;
  try {
    return deps.store.update(key, obj, expected);
  } catch (e) {
    if (e instanceof StoreError && e.code === 'KeyNotFound') throw notFound({ group: def.group, resource: def.resource }, obj.metadata.name ?? '');
    if (e instanceof StoreError) throw conflict({ group: def.group, resource: def.resource }, obj.metadata.name ?? '');
    throw e;
  }
}

/** Deletes one object; the answer is the object (or Status) and whether it is gone. */
export function deleteObject(deps: DeleteDeps, def: ResourceDef, namespace: string | undefined, name: string, opts: DeleteOptions): unknown {
  const key = Registry.key(def, namespace, name);
  const old = deps.store.get(key);
  if (!old) throw notFound({ group: def.group, resource: def.resource }, name);
  if (def.group === '' && def.resource === 'namespaces') return deleteNamespace(deps, def, key, old, opts);
  checkPreconditions(def, old, opts);
  const now = deps.now();
  const obj: KubeObject = { ...old, metadata: { ...old.metadata } };
  const md = obj.metadata;
  let requested = opts.gracePeriodSeconds;
  if (requested !== undefined && requested < 0) requested = 1;
  // BeforeDelete: graceful deletion, or a pending one that may only be shortened.
  let graceful = false;
  if (md.deletionTimestamp) {
    const current = md.deletionGracePeriodSeconds;
    if (current !== undefined && current > 0) {
      if (requested === undefined || requested >= current) return deps.typed(def, old);
      md.deletionTimestamp = rfc3339(Date.parse(md.deletionTimestamp) - current * 1000 + requested * 1000);
      md.deletionGracePeriodSeconds = requested;
      graceful = true;
    }
  } else if (def.gracePeriod) {
    const period = def.gracePeriod(old, requested);
    md.deletionTimestamp = rfc3339(now + period * 1000);
    md.deletionGracePeriodSeconds = period;
    if ((md.generation ?? 0) > 0) md.generation = (md.generation ?? 0) + 1;
    graceful = true;
  }
  const gc = gcFinalizers(obj, opts);
  let out: KubeObject | undefined;
  if (graceful || (md.finalizers ?? []).length > 0 || gc.changed) {
    if (gc.changed) md.finalizers = gc.finalizers;
    if (md.finalizers && md.finalizers.length === 0) delete md.finalizers;
    const pendingFinalizers = (md.finalizers ?? []).length > 0;
    if (!graceful && pendingFinalizers) {
      // markAsDeleting: the object stays until its finalizers are gone.
      if (!md.deletionTimestamp && (md.generation ?? 0) > 0) md.generation = (md.generation ?? 0) + 1;
      if (!md.deletionTimestamp || Date.parse(md.deletionTimestamp) > now) md.deletionTimestamp = rfc3339(now);
      md.deletionGracePeriodSeconds = 0;
    }
    if (graceful || pendingFinalizers) {
      out = opts.dryRun ? obj : writeUpdate(deps, def, key, obj, old.metadata.resourceVersion);
      if (pendingFinalizers || (md.deletionGracePeriodSeconds ?? 0) > 0) return deps.typed(def, out);
    }
  }
  if (opts.dryRun) return out ? deps.typed(def, out) : finalizeDelete(deps, def, old);
  try {
    return finalizeDelete(deps, def, deps.store.delete(key));
  } catch (e) {
    if (e instanceof StoreError && e.code === 'KeyNotFound') throw notFound({ group: def.group, resource: def.resource }, name);
    throw e;
  }
}

/** Namespaces: the first delete starts termination; a terminating one is deleted once finalized. */
function deleteNamespace(deps: DeleteDeps, def: ResourceDef, key: string, old: KubeObject, opts: DeleteOptions): unknown {
  const name = old.metadata.name ?? '';
  // NamespaceLifecycle admission.
  if (IMMORTAL_NAMESPACES.includes(name)) throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' });
  const pre = opts.preconditions;
  if (pre?.uid !== undefined && pre.uid !== old.metadata.uid) {
    throw conflict({ group: '', resource: 'namespaces' }, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid ?? ''}`);
  }
  if (pre?.resourceVersion !== undefined && pre.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict({ group: '', resource: 'namespaces' }, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion ?? ''}`);
  }
  const ns = old as Namespace;
  if (!old.metadata.deletionTimestamp) {
    const obj = { ...ns, metadata: { ...ns.metadata, deletionTimestamp: rfc3339(deps.now()) }, status: { ...(ns.status ?? {}), phase: 'Terminating' } } as Namespace;
    const current = new Set(obj.metadata.finalizers ?? []);
    const orphan = opts.orphanDependents !== undefined ? opts.orphanDependents : opts.propagationPolicy !== undefined ? opts.propagationPolicy === 'Orphan' : current.has(ORPHAN_FINALIZER);
    const foreground = opts.orphanDependents !== undefined ? !opts.orphanDependents : opts.propagationPolicy !== undefined ? opts.propagationPolicy === 'Foreground' : current.has(FOREGROUND_FINALIZER);
    const next = new Set(current);
    if (orphan) next.add(ORPHAN_FINALIZER);
    else next.delete(ORPHAN_FINALIZER);
    if (foreground) next.add(FOREGROUND_FINALIZER);
    else next.delete(FOREGROUND_FINALIZER);
    if (next.size !== current.size || [...next].some((f) => !current.has(f))) obj.metadata.finalizers = [...next].sort();
    if (obj.metadata.finalizers?.length === 0) delete obj.metadata.finalizers;
    const finalizersLeft = (obj.spec?.finalizers ?? []).length > 0 || (obj.metadata.finalizers ?? []).length > 0;
    if (finalizersLeft || opts.dryRun) return deps.typed(def, opts.dryRun ? obj : writeUpdate(deps, def, key, obj, old.metadata.resourceVersion));
    writeUpdate(deps, def, key, obj, old.metadata.resourceVersion);
    return deps.typed(def, deps.store.delete(key));
  }
  if ((ns.spec?.finalizers ?? []).length > 0) {
    throw conflict({ group: '', resource: 'namespaces' }, name, 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.');
  }
  if ((old.metadata.finalizers ?? []).length > 0 || opts.dryRun) return deps.typed(def, old);
  return deps.typed(def, deps.store.delete(key));
}
