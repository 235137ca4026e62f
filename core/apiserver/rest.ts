/**
 * The REST verbs over the store: get, list, watch, create, update, status/finalize updates,
 * binding, delete and deletecollection (PATCH and the scale subresource are in patchVerb.ts and
 * scale.ts, DELETE semantics in delete.ts). Every write runs defaulting, field management,
 * admission and validation before it touches the store — a rejected request changes nothing —
 * honours `dryRun=All`, `fieldManager` and `fieldValidation`, keeps `metadata.generation`, and is
 * not made at all when it would change nothing.
 */
import { parseFieldSelector, parseLabelSelector, matchesFields, matchesLabels, type FieldTerm, type LabelSelector } from '../api/labels';
import type { SchemaRegistry } from '../api/schema/dsl';
import { alreadyExists, badRequest, conflict, forbidden, invalid, methodNotAllowed, notFound, success } from '../api/status';
import type { KubeObject, Namespace, Pod } from '../api/types';
import { FieldErrors } from '../api/validation';
import { rfc3339 } from '../api/duration';
import { StoreError, type Store } from '../storage/store';
import { mutableCopy } from '../storage/frozen';
import { deleteObject, parseDeleteOptions } from './delete';
import { updateManagedFields, type FieldManagerScope } from './patch/fieldManager';
import { TypeView } from './patch/schema';
import { deepEqual } from './patch/value';
import { Registry, apiVersionOf, type ResourceDef, type StrategyContext } from './registry';
import { toTable } from './table';
import { namespaces as namespacesDef } from './resources/namespaces';
import type { ApiRequest, WatchStream } from './request';
import { watchStream } from './watch';
import { storeFor, type ObjectStore } from './storeView';
import { computedGet, computedList } from './computed';
import { Warnings, checkUnknownFields, writeOptions, type WriteOptions } from './writeOptions';
import { bodyToObject, decodeObject, type DecodeAs } from './decode';
import { listObjects } from './list';
import { getRevision, parseListOptions, type ListOptions } from './listOptions';
import type { AdmissionChain } from './admission/chain';

type Query = Record<string, string>;
type TableOpt = { include: string } | undefined;

/** Finds the unknown fields of an object read as a definition (core/api/schema/fields.ts). */
export type UnknownFieldsFn = (registry: SchemaRegistry, definitionName: string, obj: unknown) => string[];

/** What the REST verbs are configured with besides the store. */
export interface RestOptions {
  /** The API types: strategic merge metadata, server-side apply types, unknown fields. */
  schemas?: SchemaRegistry;
  /** Unknown-field detection for `fieldValidation` (none: every field is known). */
  unknownFields?: UnknownFieldsFn;
  /** The admission plugins run on creates and updates (admission/chain.ts); none without. */
  admission?: AdmissionChain;
}

/** The answer of a write: HTTP code, body, and the warnings for `Warning` headers. */
export interface WriteResult {
  code: number;
  body: unknown;
  warnings: string[];
}

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

/** The name of the store index of a resource's field (see `indexField`). */
export function fieldIndexName(def: ResourceDef, field: string): string {
  return `${def.group}/${def.resource}|${field}`;
}

/** Indexes a resource's field in the store, for lists that select on it (pods by `spec.nodeName`). */
export function indexField(store: Store, def: ResourceDef, field: string, valueOf: (obj: KubeObject) => string | undefined): void {
  store.addIndex(fieldIndexName(def, field), Registry.keyPrefix(def), valueOf);
}

/** The qualified resource of a def, for error messages. */
export function qr(def: ResourceDef) {
  return { group: def.group, resource: def.resource };
}

const IDENTITY = ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const;

/** The object without what never counts as a change: its resourceVersion. */
function sansVersion(o: KubeObject): KubeObject {
  return { ...o, metadata: { ...o.metadata, resourceVersion: undefined } };
}

/** The verbs, over one store and registry. */
export class RestHandler {
  /** The schema view the patch mechanisms read. */
  readonly types: TypeView;

  constructor(
    readonly store: Store,
    readonly ctx: StrategyContext,
    readonly options: RestOptions = {},
  ) {
    this.types = new TypeView(options.schemas);
  }

  /** The store as `def` sees it: objects converted to and from its storage form (storeView.ts). */
  storeOf(def: ResourceDef): ObjectStore {
    return storeFor(this.store, def);
  }

  /** Reads one object for a write: a copy the caller may change; 404 when missing. */
  read(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    return mutableCopy(this.peek(def, namespace, name));
  }

  /** Reads one object, shared with the store (deeply frozen: never change it); 404 when missing. */
  peek(def: ResourceDef, namespace: string | undefined, name: string): KubeObject {
    if (def.list) return computedGet(def, name);
    const obj = this.storeOf(def).get(Registry.key(def, namespace, name));
    if (!obj) throw notFound(qr(def), name);
    return obj;
  }

  /** The object with its apiVersion and kind. */
  typed(def: ResourceDef, obj: KubeObject): KubeObject {
    return { apiVersion: apiVersionOf(def), kind: def.kind, ...obj };
  }

  /** The field manager scope of a resource (and subresource) now. */
  fieldScope(def: ResourceDef, subresource = ''): FieldManagerScope {
    return { types: this.types, schema: this.types.definition(def.schemaName), group: def.group, version: def.version, kind: def.kind, subresource, now: rfc3339(this.ctx.now()) };
  }

  /** The unknown fields of an object of the resource (none without detection or a schema). */
  unknownFieldsOf(def: ResourceDef, obj: unknown): string[] {
    const { schemas, unknownFields } = this.options;
    if (!schemas || !unknownFields || !def.schemaName) return [];
    return unknownFields(schemas, def.schemaName, obj);
  }

  /** GET one object (or its Table); `query` for its `resourceVersion`. */
  get(def: ResourceDef, namespace: string | undefined, name: string, table: TableOpt, query: Query = {}): unknown {
    getRevision(query['resourceVersion']);
    const obj = this.typed(def, this.peek(def, namespace, name));
    if (table) return toTable(def.printer, [obj], this.ctx.now(), table.include, { resourceVersion: obj.metadata.resourceVersion ?? '' });
    return obj;
  }

  /** LIST with selectors and `limit`/`continue` pagination (list.ts); `opts` when the caller parsed them. */
  list(def: ResourceDef, namespace: string | undefined, query: Query, table: TableOpt, opts: ListOptions = parseListOptions(query)): unknown {
    if (def.list) return computedList(def, query, table, this.ctx.now());
    const deps = { store: this.storeOf(def), keysWithPrefix: (p: string) => this.store.keysWithPrefix(p), keysByField: (field: string, value: string) => this.store.keysByIndex(fieldIndexName(def, field), value), currentRevision: () => this.store.currentRevision(), now: () => this.ctx.now(), typed: (o: KubeObject) => this.typed(def, o) };
    return listObjects(deps, def, namespace, query, opts, table);
  }

  /** WATCH (watch.ts); `opts` when the caller parsed them. */
  watch(def: ResourceDef, namespace: string | undefined, query: Query, table: TableOpt, opts: ListOptions = parseListOptions(query, true)): WatchStream {
    const sel = selection(def, query);
    // An equality on an indexed field (pods' spec.nodeName: each kubelet's watch) hears only of its objects.
    const term = sel.fields.find((t) => !t.negate && this.store.hasIndex(fieldIndexName(def, t.field)));
    const trigger = term ? { index: fieldIndexName(def, term.field), value: term.value } : undefined;
    return watchStream(this.storeOf(def), def, Registry.keyPrefix(def, namespace), sel, opts, table, () => this.ctx.now(), (o) => this.typed(def, o), trigger);
  }

  /**
   * A request body (or a patched document: `how`) as an object of the resource: type meta checked
   * and dropped, decoded into the kind's types as kube-apiserver's decoder does (decode.ts), the
   * namespace set.
   */
  toObject(def: ResourceDef, namespace: string | undefined, body: Record<string, unknown>, how: DecodeAs = { as: 'body' }): KubeObject {
    return bodyToObject(this.options.schemas, def, namespace, body, how);
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
  create(def: ResourceDef, namespace: string | undefined, body: Record<string, unknown>, req: ApiRequest): WriteResult {
    if (def.namespaced && !namespace) throw badRequest('the server could not find the requested resource: a namespace is required');
    const opts = writeOptions('CreateOptions', req.query, req.headers);
    const warnings = new Warnings();
    checkUnknownFields(this.unknownFieldsOf(def, body), opts, warnings, { kind: def.kind, version: def.version });
    const obj = this.createObject(def, this.toObject(def, namespace, body), opts, opts.manager);
    return { code: 201, body: obj, warnings: warnings.all() };
  }

  /**
   * Creates an object: system fields set, defaults, field management (for `manager`; undefined
   * when an apply already did it), admission, validation, store.
   */
  createObject(def: ResourceDef, obj: KubeObject, opts: WriteOptions, manager: string | undefined): KubeObject {
    let md = obj.metadata;
    const requestedName = md.name ?? '';
    if (!md.name && md.generateName) md.name = `${md.generateName}${this.ctx.random.nameSuffix()}`;
    for (const f of ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) delete md[f];
    md.uid = this.ctx.random.uuid();
    md.creationTimestamp = rfc3339(this.ctx.now());
    def.defaults?.(obj, this.ctx);
    if (manager !== undefined) obj = updateManagedFields(this.fieldScope(def), undefined, obj, manager);
    md = obj.metadata;
    // Admission (NamespaceLifecycle) runs before validation, as in kube-apiserver.
    this.admitNamespace(def, obj);
    const admission = { operation: 'CREATE' as const, def, subresource: '', namespace: md.namespace ?? '', name: requestedName, object: obj, dryRun: opts.dryRun };
    this.options.admission?.admit(admission);
    def.prepareForCreate?.(obj, this.ctx);
    if (def.hasGeneration && obj.metadata.generation === undefined) obj.metadata.generation = 1;
    this.validate(def, obj);
    this.options.admission?.validate({ ...admission, name: md.name ?? '' });
    const key = Registry.key(def, md.namespace, md.name ?? '');
    if (opts.dryRun) {
      if (this.storeOf(def).get(key)) throw alreadyExists(qr(def), md.name ?? '');
      return this.typed(def, obj);
    }
    try {
      return this.typed(def, this.storeOf(def).create(key, obj));
    } catch (e) {
      if (e instanceof StoreError && e.code === 'KeyExists') throw alreadyExists(qr(def), md.name ?? '');
      throw e;
    }
  }

  /**
   * Writes an update: optimistic concurrency on `expected`, nothing written when nothing
   * changes, and an object being deleted goes once its last finalizer is gone.
   */
  write(def: ResourceDef, key: string, obj: KubeObject, expected: string | undefined, dryRun: boolean): KubeObject {
    const store = this.storeOf(def);
    const current = store.get(key);
    if (!current) throw notFound(qr(def), obj.metadata.name ?? '');
    if (expected !== undefined && expected !== current.metadata.resourceVersion) throw conflict(qr(def), obj.metadata.name ?? '');
    if (dryRun) return this.typed(def, { ...obj, metadata: { ...obj.metadata, resourceVersion: current.metadata.resourceVersion } });
    const specFinalizers = def === namespacesDef ? ((obj as Namespace).spec?.finalizers?.length ?? 0) : 0;
    const finalizersLeft = (obj.metadata.finalizers?.length ?? 0) > 0 || specFinalizers > 0;
    try {
      if (current.metadata.deletionTimestamp && !finalizersLeft && (current.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
        store.update(key, obj, current.metadata.resourceVersion);
        return this.typed(def, store.delete(key));
      }
      if (deepEqual(sansVersion(obj), sansVersion(current))) return this.typed(def, current);
      return this.typed(def, store.update(key, obj, current.metadata.resourceVersion));
    } catch (e) {
      if (e instanceof StoreError && e.code === 'Conflict') throw conflict(qr(def), obj.metadata.name ?? '');
      if (e instanceof StoreError && e.code === 'KeyNotFound') throw notFound(qr(def), obj.metadata.name ?? '');
      throw e;
    }
  }

  /** UPDATE (PUT) of the main resource. */
  update(def: ResourceDef, namespace: string | undefined, name: string, body: Record<string, unknown>, req: ApiRequest): WriteResult {
    const opts = writeOptions('UpdateOptions', req.query, req.headers);
    const warnings = new Warnings();
    checkUnknownFields(this.unknownFieldsOf(def, body), opts, warnings, { kind: def.kind, version: def.version });
    const obj = this.toObject(def, namespace, body);
    if (obj.metadata.name !== name) throw badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
    const old = this.read(def, namespace, name);
    if (obj.metadata.uid && obj.metadata.uid !== old.metadata.uid) {
      throw conflict(qr(def), name, `Precondition failed: UID in precondition: ${obj.metadata.uid}, UID in object meta: ${old.metadata.uid ?? ''}`);
    }
    const out = this.commitUpdate(def, old, obj, opts, opts.manager, '', obj.metadata.resourceVersion || undefined);
    return { code: 200, body: out, warnings: warnings.all() };
  }

  /**
   * The update path shared by PUT, PATCH, apply and scale: identity kept, defaults, field
   * management for `manager` (undefined when an apply did it), strategy, generation, validation.
   */
  commitUpdate(def: ResourceDef, old: KubeObject, obj: KubeObject, opts: WriteOptions, manager: string | undefined, subresource: string, expected: string | undefined): KubeObject {
    for (const f of IDENTITY) {
      if (old.metadata[f] === undefined) delete obj.metadata[f];
      else (obj.metadata as Record<string, unknown>)[f] = old.metadata[f];
    }
    def.defaults?.(obj, this.ctx);
    if (manager !== undefined) obj = updateManagedFields(this.fieldScope(def, subresource), old, obj, manager);
    const admission = { operation: 'UPDATE' as const, def, subresource, namespace: old.metadata.namespace ?? '', name: old.metadata.name ?? '', object: obj, oldObject: old, dryRun: opts.dryRun };
    this.options.admission?.admit(admission);
    def.prepareForUpdate?.(obj, old, this.ctx);
    if (def.hasGeneration && obj.metadata.generation === old.metadata.generation) {
      const rest = (o: KubeObject) => ({ ...o, metadata: undefined, status: undefined, apiVersion: undefined, kind: undefined });
      if (!deepEqual(rest(obj), rest(old))) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
    this.validate(def, obj, old);
    this.options.admission?.validate(admission);
    return this.write(def, Registry.key(def, old.metadata.namespace, old.metadata.name ?? ''), obj, expected, opts.dryRun);
  }

  /** PUT of `status` (only status changes) or `finalize` (only spec.finalizers changes, namespaces). */
  updateSubresource(def: ResourceDef, namespace: string | undefined, name: string, sub: 'status' | 'finalize', body: Record<string, unknown>, req: ApiRequest): WriteResult {
    const opts = writeOptions('UpdateOptions', req.query, req.headers);
    const warnings = new Warnings();
    checkUnknownFields(this.unknownFieldsOf(def, body), opts, warnings, { kind: def.kind, version: def.version });
    const given = this.toObject(def, namespace, body);
    if (given.metadata.name !== undefined && given.metadata.name !== name) throw badRequest(`the name of the object (${given.metadata.name}) does not match the name on the URL (${name})`);
    const old = this.read(def, namespace, name);
    const out = this.commitSubresource(def, old, given, sub, opts, opts.manager, given.metadata.resourceVersion || undefined);
    return { code: 200, body: out, warnings: warnings.all() };
  }

  /** Writes the part of `given` a subresource may change; `manager` undefined when an apply did it. */
  commitSubresource(def: ResourceDef, old: KubeObject, given: KubeObject, sub: 'status' | 'finalize', opts: WriteOptions, manager: string | undefined, expected: string | undefined): KubeObject {
    let obj: KubeObject = { ...old, metadata: { ...old.metadata } };
    if (sub === 'status') {
      obj.status = given.status;
      if (obj.status === undefined) delete obj.status;
      if (def.statusWritesAnnotations) {
        if (given.metadata.annotations) obj.metadata.annotations = given.metadata.annotations;
        else delete obj.metadata.annotations;
      }
      if (manager === undefined) obj.metadata.managedFields = given.metadata.managedFields;
    } else (obj as Namespace).spec = { ...((old as Namespace).spec ?? {}), finalizers: (given as Namespace).spec?.finalizers ?? [] };
    if (manager !== undefined) obj = updateManagedFields(this.fieldScope(def, sub), old, obj, manager);
    if (sub === 'status' && def.prepareStatus) {
      // A custom resource's status strategy prunes and defaults the whole object in place: its own copy.
      if (manager !== undefined && (def as ResourceDef & { custom?: boolean }).custom) obj = mutableCopy(obj);
      const errs = new FieldErrors();
      def.prepareStatus(obj, old, errs);
      if (errs.any) throw invalid(def.kind, def.group, obj.metadata.name ?? '', errs.causes);
    }
    return this.write(def, Registry.key(def, old.metadata.namespace, old.metadata.name ?? ''), obj, expected, opts.dryRun);
  }

  /** POST pods/NAME/binding: assigns a pod to a node, once. */
  bind(def: ResourceDef, namespace: string | undefined, name: string, raw: Record<string, unknown>): unknown {
    const body = decodeObject(this.options.schemas, { kind: 'Binding', version: 'v1', schemaName: 'io.k8s.api.core.v1.Binding' }, raw);
    const target = (body['target'] ?? {}) as { name?: unknown };
    if (typeof target.name !== 'string' || !target.name) throw invalid('Binding', '', name, [{ reason: 'FieldValueRequired', message: 'Required value', field: 'target.name' }]);
    const stored = this.peek(def, namespace, name) as Pod;
    if (stored.metadata.deletionTimestamp) throw conflict({ group: '', resource: 'pods/binding' }, name, `pod ${name} is being deleted, cannot be assigned to a host`);
    if (stored.spec.nodeName) throw conflict({ group: '', resource: 'pods/binding' }, name, `pod ${name} is already assigned to node "${stored.spec.nodeName}"`);
    // Copied only along the paths the binding changes: the rest stays the stored (frozen) parts.
    const pod: Pod = { ...stored, spec: { ...stored.spec, nodeName: target.name }, status: { ...(stored.status ?? {}) } };
    const conditions = pod.status?.conditions ?? [];
    (pod.status as NonNullable<Pod['status']>).conditions = [...conditions.filter((c) => c.type !== 'PodScheduled'), { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.now()) }];
    this.write(def, Registry.key(def, namespace, name), pod, pod.metadata.resourceVersion, false);
    return success();
  }

  private deleteDeps(def: ResourceDef) {
    return { store: this.storeOf(def), now: () => this.ctx.now(), typed: (d: ResourceDef, o: KubeObject) => this.typed(d, o) };
  }

  /** DELETE of one object (see delete.ts). */
  delete(def: ResourceDef, namespace: string | undefined, name: string, body: Record<string, unknown> | undefined, query: Query): WriteResult {
    const opts = parseDeleteOptions(body, query);
    return { code: 200, body: deleteObject(this.deleteDeps(def), def, namespace, name, opts), warnings: [] };
  }

  /** DELETE of a collection: every selected object, each as a single DELETE; answers the list. */
  deleteCollection(def: ResourceDef, namespace: string | undefined, body: Record<string, unknown> | undefined, query: Query): WriteResult {
    if (!def.verbs.includes('deletecollection')) throw methodNotAllowed();
    const sel = selection(def, query);
    const opts = parseDeleteOptions(body, query);
    const items: KubeObject[] = [];
    for (const obj of this.storeOf(def).list(Registry.keyPrefix(def, namespace)).items) {
      if (!selects(def, sel, obj)) continue;
      items.push(this.typed(def, obj));
      try {
        deleteObject(this.deleteDeps(def), def, obj.metadata.namespace, obj.metadata.name ?? '', opts);
      } catch (e) {
        if (!(e instanceof Error && 'status' in e && (e as { status: { reason?: string } }).status.reason === 'NotFound')) throw e;
      }
    }
    const list = { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: { resourceVersion: String(this.store.currentRevision()) }, items };
    return { code: 200, body: list, warnings: [] };
  }
}
