/**
 * The REST verbs over the store: get, list, create, update, status/finalize updates, binding,
 * delete (graceful, with finalizers) and deletecollection. Each write runs defaulting,
 * validation and admission before it touches the store, so a rejected request changes nothing.
 */
import { parseFieldSelector, parseLabelSelector, matchesFields, matchesLabels, type FieldTerm, type LabelSelector } from '../api/labels';
import { alreadyExists, badRequest, conflict, forbidden, invalid, notFound, success } from '../api/status';
import type { KubeObject, Namespace, Pod } from '../api/types';
import { FieldErrors } from '../api/validation';
import { rfc3339 } from '../api/duration';
import { StoreError, type Store } from '../storage/store';
import { Registry, apiVersionOf, type ResourceDef, type StrategyContext } from './registry';
import { toTable, type Table } from './table';
import { IMMORTAL_NAMESPACES, namespaces as namespacesDef } from './resources/namespaces';
import type { WatchStream } from './request';
import { watchStream } from './watch';

type Query = Record<string, string>;
type TableOpt = { include: string } | undefined;

/** Selectors of a list or watch request. */
export interface Selection {
  labels: LabelSelector;
  fields: FieldTerm[];
}

/** Parses `labelSelector` and `fieldSelector`; a 400 for a field the resource cannot select on. */
export function selection(def: ResourceDef, query: Query): Selection {
  const sel = { labels: parseLabelSelector(query['labelSelector'] ?? ''), fields: parseFieldSelector(query['fieldSelector'] ?? '') };
  const known = new Set(['metadata.name', ...(def.namespaced ? ['metadata.namespace'] : []), ...Object.keys(def.selectableFields?.({ metadata: {} }) ?? {})]);
  for (const t of sel.fields) if (!known.has(t.field)) throw badRequest(`field label not supported: ${t.field}`);
  return sel;
}

/** Whether an object is selected. */
export function selects(def: ResourceDef, sel: Selection, obj: KubeObject): boolean {
  if (!matchesLabels(sel.labels, obj.metadata.labels)) return false;
  if (sel.fields.length === 0) return true;
  const fields: Record<string, string> = { 'metadata.name': obj.metadata.name ?? '', ...(def.selectableFields?.(obj) ?? {}) };
  if (def.namespaced) fields['metadata.namespace'] = obj.metadata.namespace ?? '';
  return matchesFields(sel.fields, fields);
}

function qr(def: ResourceDef) {
  return { group: def.group, resource: def.resource };
}

function isDryRun(query: Query, body?: Record<string, unknown>): boolean {
  if (query['dryRun'] === 'All') return true;
  const d = body?.['dryRun'];
  return Array.isArray(d) && d.includes('All');
}

/** The verbs, over one store and registry. */
export class RestHandler {
  constructor(
    private readonly store: Store,
    private readonly ctx: StrategyContext,
  ) {}

  private read(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(Registry.key(def, namespace, name));
    if (!obj) throw notFound(qr(def), name);
    return obj;
  }

  private typed(def: ResourceDef, obj: KubeObject): KubeObject {
    return { apiVersion: apiVersionOf(def), kind: def.kind, ...obj };
  }

  /** GET one object (or its Table). */
  get(def: ResourceDef, namespace: string | undefined, name: string, table: TableOpt): unknown {
    const obj = this.typed(def, this.read(def, namespace, name));
    if (table) return toTable(def.printer, [obj], this.ctx.now(), table.include, { resourceVersion: obj.metadata.resourceVersion ?? '' });
    return obj;
  }

  /** LIST with selectors and `limit`/`continue` pagination. */
  list(def: ResourceDef, namespace: string | undefined, query: Query, table: TableOpt): unknown {
    const sel = selection(def, query);
    const prefix = Registry.keyPrefix(def, namespace);
    const limit = query['limit'] ? Number.parseInt(query['limit'], 10) : 0;
    if (query['limit'] && (!Number.isFinite(limit) || limit < 0)) throw badRequest(`invalid limit: ${query['limit']}`);
    let startAfter = '';
    if (query['continue']) {
      const m = query['continue'].match(/^(\d+):(.*)$/);
      if (!m) throw badRequest('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
      startAfter = m[2] as string;
    }
    const keys = this.store.keysWithPrefix(prefix);
    const items: KubeObject[] = [];
    let continueToken: string | undefined;
    let remaining = 0;
    for (const key of keys) {
      if (startAfter && key <= startAfter) continue;
      const obj = this.store.get(key);
      if (!obj || !selects(def, sel, obj)) continue;
      if (limit > 0 && items.length >= limit) {
        remaining++;
        continue;
      }
      items.push(this.typed(def, obj));
      if (limit > 0 && items.length === limit) continueToken = `${this.store.currentRevision()}:${key}`;
    }
    const meta: Table['metadata'] = { resourceVersion: String(this.store.currentRevision()) };
    if (remaining > 0 && continueToken) {
      meta.continue = continueToken;
      meta.remainingItemCount = remaining;
    }
    if (table) return toTable(def.printer, items, this.ctx.now(), table.include, meta);
    return { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: meta, items };
  }

  /** WATCH. */
  watch(def: ResourceDef, namespace: string | undefined, query: Query, table: TableOpt): WatchStream {
    const sel = selection(def, query);
    return watchStream(this.store, def, Registry.keyPrefix(def, namespace), sel, query, table, () => this.ctx.now(), (o) => this.typed(def, o));
  }

  private checkTypeMeta(def: ResourceDef, body: Record<string, unknown>): void {
    const av = body['apiVersion'];
    const kind = body['kind'];
    if (av !== undefined && av !== apiVersionOf(def)) throw badRequest(`the API version in the data (${String(av)}) does not match the expected API version (${apiVersionOf(def)})`);
    if (kind !== undefined && kind !== def.kind) throw badRequest(`the kind in the data (${String(kind)}) does not match the expected kind (${def.kind})`);
  }

  private toObject(def: ResourceDef, namespace: string | undefined, body: Record<string, unknown>): KubeObject {
    this.checkTypeMeta(def, body);
    const md = body['metadata'];
    if (md !== undefined && (md === null || typeof md !== 'object' || Array.isArray(md))) throw badRequest('metadata must be an object');
    const obj = { ...body, metadata: { ...((md as object | undefined) ?? {}) } } as KubeObject;
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

  private admitNamespace(def: ResourceDef, obj: KubeObject): void {
    if (!def.namespaced) return;
    const ns = obj.metadata.namespace ?? '';
    const nsObj = this.store.get(Registry.key(namespacesDef, undefined, ns)) as Namespace | undefined;
    if (!nsObj) throw notFound({ group: '', resource: 'namespaces' }, ns);
    if (nsObj.status?.phase === 'Terminating' || nsObj.metadata.deletionTimestamp) {
      throw forbidden(`${def.resource} "${obj.metadata.name ?? ''}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`, {
        name: obj.metadata.name ?? '',
        kind: def.resource,
        causes: [{ reason: 'NamespaceTerminating', message: `namespace ${ns} is being terminated`, field: 'metadata.namespace' }],
      });
    }
  }

  private validate(def: ResourceDef, obj: KubeObject, old?: KubeObject): void {
    const errs = new FieldErrors();
    def.validate?.(obj, errs, old);
    if (errs.any) throw invalid(def.kind, def.group, obj.metadata.name ?? '', errs.causes);
  }

  /** CREATE (POST). */
  create(def: ResourceDef, namespace: string | undefined, body: Record<string, unknown>, query: Query): KubeObject {
    if (def.namespaced && !namespace) throw pathNamespaceRequired();
    const obj = this.toObject(def, namespace, body);
    const md = obj.metadata;
    if (!md.name && md.generateName) md.name = `${md.generateName}${this.ctx.random.nameSuffix()}`;
    for (const f of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) delete md[f];
    md.uid = this.ctx.random.uuid();
    md.creationTimestamp = rfc3339(this.ctx.now());
    def.prepareForCreate?.(obj, this.ctx);
    def.defaults?.(obj, this.ctx);
    // Admission (NamespaceLifecycle) runs before validation, as in kube-apiserver.
    this.admitNamespace(def, obj);
    this.validate(def, obj);
    const key = Registry.key(def, md.namespace, md.name ?? '');
    if (isDryRun(query)) {
      if (this.store.get(key)) throw alreadyExists(qr(def), md.name ?? '');
      return this.typed(def, obj);
    }
    try {
      return this.typed(def, this.store.create(key, obj));
    } catch (e) {
      if (e instanceof StoreError && e.code === 'KeyExists') throw alreadyExists(qr(def), md.name ?? '');
      throw e;
    }
  }

  private write(def: ResourceDef, key: string, obj: KubeObject, expected: string | undefined, dryRun: boolean): KubeObject {
    if (dryRun) return this.typed(def, obj);
    // An object being deleted goes once its last finalizer is gone.
    const specFinalizers = def === namespacesDef ? ((obj as Namespace).spec?.finalizers?.length ?? 0) : 0;
    const finalizersLeft = (obj.metadata.finalizers?.length ?? 0) > 0 || specFinalizers > 0;
    try {
      if (obj.metadata.deletionTimestamp && !finalizersLeft && (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
        this.store.update(key, obj, expected);
        return this.typed(def, this.store.delete(key));
      }
      return this.typed(def, this.store.update(key, obj, expected));
    } catch (e) {
      if (e instanceof StoreError && e.code === 'Conflict') throw conflict(qr(def), obj.metadata.name ?? '');
      if (e instanceof StoreError && e.code === 'KeyNotFound') throw notFound(qr(def), obj.metadata.name ?? '');
      throw e;
    }
  }

  /** UPDATE (PUT) of the main resource: status is kept, identity fields are kept. */
  update(def: ResourceDef, namespace: string | undefined, name: string, body: Record<string, unknown>, query: Query): KubeObject {
    const obj = this.toObject(def, namespace, body);
    if (obj.metadata.name !== name) throw badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
    const old = this.read(def, namespace, name);
    const expected = obj.metadata.resourceVersion || undefined;
    if (obj.metadata.uid && obj.metadata.uid !== old.metadata.uid) {
      throw conflict(qr(def), name, `Precondition failed: UID in precondition: ${obj.metadata.uid}, UID in object meta: ${old.metadata.uid ?? ''}`);
    }
    for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
      if (old.metadata[f] === undefined) delete obj.metadata[f];
      else (obj.metadata as Record<string, unknown>)[f] = old.metadata[f];
    }
    def.prepareForUpdate?.(obj, old);
    def.defaults?.(obj, this.ctx);
    this.validate(def, obj, old);
    return this.write(def, Registry.key(def, namespace, name), obj, expected, isDryRun(query));
  }

  /** PUT of `status` (only status changes) or `finalize` (only spec.finalizers changes, namespaces). */
  updateSubresource(def: ResourceDef, namespace: string | undefined, name: string, sub: 'status' | 'finalize', body: Record<string, unknown>, query: Query): KubeObject {
    const given = this.toObject(def, namespace, body);
    if (given.metadata.name !== undefined && given.metadata.name !== name) throw badRequest(`the name of the object (${given.metadata.name}) does not match the name on the URL (${name})`);
    const old = this.read(def, namespace, name);
    const obj: KubeObject = { ...old, metadata: { ...old.metadata } };
    if (sub === 'status') obj.status = given.status;
    else (obj as Namespace).spec = { ...((old as Namespace).spec ?? {}), finalizers: (given as Namespace).spec?.finalizers ?? [] };
    return this.write(def, Registry.key(def, namespace, name), obj, given.metadata.resourceVersion || undefined, isDryRun(query));
  }

  /** POST pods/NAME/binding: assigns a pod to a node, once. */
  bind(def: ResourceDef, namespace: string | undefined, name: string, body: Record<string, unknown>): unknown {
    const target = (body['target'] ?? {}) as { name?: unknown };
    if (typeof target.name !== 'string' || !target.name) throw invalid('Binding', '', name, [{ reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' }]);
    const pod = this.read(def, namespace, name) as Pod;
    if (pod.metadata.deletionTimestamp) throw conflict({ group: '', resource: 'pods/binding' }, name, `pod ${name} is being deleted, cannot be assigned to a host`);
    if (pod.spec.nodeName) throw conflict({ group: '', resource: 'pods/binding' }, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
    pod.spec.nodeName = target.name;
    const conditions = (pod.status ??= {}).conditions ?? [];
    pod.status.conditions = [...conditions.filter((c) => c.type !== 'PodScheduled'), { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.now()) }];
    this.write(def, Registry.key(def, namespace, name), pod, pod.metadata.resourceVersion, false);
    return success();
  }

  /** DELETE: graceful where the strategy says so, deferred while finalizers remain. */
  delete(def: ResourceDef, namespace: string | undefined, name: string, body: Record<string, unknown> | undefined, query: Query): unknown {
    const old = this.read(def, namespace, name);
    const opts = body ?? {};
    const pre = (opts['preconditions'] ?? {}) as { uid?: string; resourceVersion?: string };
    if (pre.uid && pre.uid !== old.metadata.uid) throw conflict(qr(def), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid ?? ''}`);
    if (pre.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(qr(def), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion ?? ''}`);
    }
    const dryRun = isDryRun(query, opts);
    const key = Registry.key(def, namespace, name);
    const now = this.ctx.now();
    if (def === namespacesDef) {
      if (IMMORTAL_NAMESPACES.includes(name)) throw forbidden(`namespaces "${name}" is forbidden: this namespace may not be deleted`, { name, kind: 'namespaces' });
      if ((((old as Namespace).spec?.finalizers ?? []).length > 0 || (old.metadata.finalizers ?? []).length > 0)) {
        if (old.metadata.deletionTimestamp) return this.typed(def, old);
        const obj = { ...old, metadata: { ...old.metadata, deletionTimestamp: rfc3339(now), deletionGracePeriodSeconds: 0 }, status: { phase: 'Terminating' } } as KubeObject;
        return this.write(def, key, obj, old.metadata.resourceVersion, dryRun);
      }
    }
    const requestedRaw = opts['gracePeriodSeconds'] ?? (query['gracePeriodSeconds'] !== undefined ? Number(query['gracePeriodSeconds']) : undefined);
    if (requestedRaw !== undefined && (typeof requestedRaw !== 'number' || !Number.isFinite(requestedRaw))) throw badRequest('gracePeriodSeconds must be a number');
    const requested = requestedRaw === undefined ? undefined : Math.max(0, Math.trunc(requestedRaw));
    const grace = def.gracePeriod?.(old, requested) ?? 0;
    const hasFinalizers = (old.metadata.finalizers ?? []).length > 0;
    if (grace > 0 || hasFinalizers) {
      const current = old.metadata.deletionGracePeriodSeconds;
      if (old.metadata.deletionTimestamp && (current === undefined || current <= grace) && grace > 0) return this.typed(def, old);
      const obj: KubeObject = { ...old, metadata: { ...old.metadata, deletionTimestamp: rfc3339(now + grace * 1000), deletionGracePeriodSeconds: grace } };
      if (dryRun) return this.typed(def, obj);
      try {
        return this.typed(def, this.store.update(key, obj, old.metadata.resourceVersion));
      } catch (e) {
        if (e instanceof StoreError) throw conflict(qr(def), name);
        throw e;
      }
    }
    if (dryRun) return this.typed(def, old);
    try {
      return this.typed(def, this.store.delete(key));
    } catch (e) {
      if (e instanceof StoreError && e.code === 'KeyNotFound') throw notFound(qr(def), name);
      throw e;
    }
  }

  /** DELETE of a collection: every selected object, each as a single DELETE. */
  deleteCollection(def: ResourceDef, namespace: string | undefined, query: Query): unknown {
    if (!def.verbs.includes('deletecollection')) throw forbiddenVerb();
    const sel = selection(def, query);
    const items: KubeObject[] = [];
    for (const obj of this.store.list(Registry.keyPrefix(def, namespace)).items) {
      if (!selects(def, sel, obj)) continue;
      items.push(this.delete(def, obj.metadata.namespace, obj.metadata.name ?? '', undefined, query) as KubeObject);
    }
    return { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: { resourceVersion: String(this.store.currentRevision()) }, items };
  }
}

function pathNamespaceRequired() {
  return badRequest('the server could not find the requested resource: a namespace is required');
}

function forbiddenVerb() {
  return badRequest('the server does not allow this method on the requested resource');
}
