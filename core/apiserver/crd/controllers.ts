/**
 * The controllers apiextensions-apiserver runs inside the API server, driven by the CRD watch:
 *
 * - naming and establishing (NamingConditionController, EstablishingController): a CRD's names
 *   are checked against the names the other CRDs of its group hold; accepted names go to
 *   `status.acceptedNames` with `NamesAccepted` True (`NoConflicts`) and `Established` True
 *   (`InitialNamesAccepted`) — or NamesAccepted False with the conflict (`"ct" is already in
 *   use`). Both conditions are written in one status update, a microtask after the CRD is
 *   written, so the custom resources are served before the next request can arrive.
 * - the finalizer (CRDFinalizer): a CRD being deleted with the
 *   `customresourcecleanup.apiextensions.k8s.io` finalizer gets `Terminating`
 *   (`InstanceDeletionInProgress`), its custom resources are deleted, and once none is left the
 *   finalizer is removed (`InstanceDeletionCompleted`) and the CRD goes. Custom resources that
 *   have finalizers of their own keep it waiting until they are gone.
 *
 * Writes go through the REST verbs as the `kube-apiserver` field manager.
 */
import { isStatusError } from '../../api/status';
import type { Condition, CrdNames, CustomResourceDefinition } from '../../api/types';
import { rfc3339 } from '../../api/duration';
import type { StoreEvent, StoreWatch } from '../../storage/store';
import { deepEqual } from '../patch/value';
import { Registry, type ResourceDef } from '../registry';
import type { RestHandler } from '../rest';
import { customresourcedefinitions as crdDef } from '../resources/crds';
import { defaultPrinter } from '../table';
import type { WriteOptions } from '../writeOptions';
import { CUSTOM_RESOURCE_VERBS } from './resource';
import { CRD_PREFIX, type CrdServer } from './serve';

/** The finalizer that makes the API server delete a CRD's custom resources before the CRD. */
export const CLEANUP_FINALIZER = 'customresourcecleanup.apiextensions.k8s.io';

const OPTIONS: WriteOptions = { dryRun: false, manager: 'kube-apiserver', fieldValidation: 'Ignore' };

type Status = NonNullable<CustomResourceDefinition['status']>;

/** SetCRDCondition: replaces the condition of its type, keeping lastTransitionTime when the status stays. */
export function setCondition(status: Status, c: Omit<Condition, 'lastTransitionTime'>, now: string): void {
  const list = (status.conditions ??= []);
  const i = list.findIndex((x) => x.type === c.type);
  const old = list[i];
  const next: Condition = { type: c.type, status: c.status, lastTransitionTime: old && old.status === c.status ? (old.lastTransitionTime ?? now) : now };
  if (c.reason) next.reason = c.reason;
  if (c.message) next.message = c.message;
  if (i >= 0) list[i] = next;
  else list.push(next);
}

/** CustomResourceDefinitionNames in the field order Go writes them. */
function namesObject(n: Partial<CrdNames>): Partial<CrdNames> {
  const out: Partial<CrdNames> = { plural: n.plural ?? '' };
  if (n.singular) out.singular = n.singular;
  if (n.shortNames?.length) out.shortNames = [...n.shortNames];
  out.kind = n.kind ?? '';
  if (n.listKind) out.listKind = n.listKind;
  if (n.categories?.length) out.categories = [...n.categories];
  return out;
}

/** The in-API-server CRD controllers. */
export class CrdControllers {
  private watch: StoreWatch | undefined;
  private readonly waiting = new Map<string, StoreWatch>();

  constructor(
    private readonly rest: RestHandler,
    private readonly server: CrdServer,
  ) {}

  /** Starts following the CRDs (existing ones first). */
  start(): void {
    this.watch ??= this.rest.store.watch(CRD_PREFIX, 0, (e) => this.onEvent(e));
  }

  /** Stops every watch. */
  stop(): void {
    this.watch?.stop();
    this.watch = undefined;
    for (const w of this.waiting.values()) w.stop();
    this.waiting.clear();
  }

  private onEvent(e: StoreEvent): void {
    const crd = e.object as CustomResourceDefinition;
    const name = crd.metadata.name ?? '';
    if (e.type === 'DELETED') {
      this.waiting.get(name)?.stop();
      this.waiting.delete(name);
      // The names it held are free: the others of its group may now get theirs.
      for (const other of this.all()) if (other.spec?.group === crd.spec?.group) this.reconcile(other.metadata.name ?? '');
      return;
    }
    this.reconcile(name);
  }

  private all(): CustomResourceDefinition[] {
    return this.rest.store.list(CRD_PREFIX).items as CustomResourceDefinition[];
  }

  private current(name: string): CustomResourceDefinition | undefined {
    return this.rest.store.get(Registry.key(crdDef, undefined, name)) as CustomResourceDefinition | undefined;
  }

  /** Looks at one CRD and does what is due (level-based: safe to call any time). */
  reconcile(name: string): void {
    try {
      const crd = this.current(name);
      if (!crd) return;
      if (crd.metadata.deletionTimestamp) this.finalize(crd);
      else this.acceptNames(crd);
    } catch (e) {
      // A conflict or a vanished object: the next event brings the CRD back here.
      if (!isStatusError(e)) throw e;
    }
  }

  private writeStatus(old: CustomResourceDefinition, status: Status): CustomResourceDefinition {
    const given = { ...old, status } as CustomResourceDefinition;
    const written = this.rest.commitSubresource(crdDef, old, given, 'status', OPTIONS, OPTIONS.manager, old.metadata.resourceVersion);
    // As stored: without the type meta the answer carries.
    const { apiVersion: _v, kind: _k, ...stored } = written;
    return stored as CustomResourceDefinition;
  }

  /** calculateNamesAndConditions, with the establishing controller's step folded in. */
  private acceptNames(crd: CustomResourceDefinition): void {
    const requested = crd.spec?.names;
    if (!requested) return;
    const accepted = crd.status?.acceptedNames ?? {};
    const usedResources = new Set<string>();
    const usedKinds = new Set<string>();
    for (const other of this.all()) {
      if (other.spec?.group !== crd.spec.group || other.metadata.name === crd.metadata.name) continue;
      const n = other.status?.acceptedNames ?? {};
      for (const r of [n.plural, n.singular, ...(n.shortNames ?? [])]) if (r) usedResources.add(r);
      for (const k of [n.kind, n.listKind]) if (k) usedKinds.add(k);
    }
    const names: Partial<CrdNames> = { ...accepted };
    let conflict: { reason: string; message: string } | undefined;
    const check = (req: string | undefined, acc: string | undefined, used: Set<string>, reason: string): boolean => {
      if (!req || req === acc || !used.has(req)) return true;
      conflict = { reason, message: `"${req}" is already in use` };
      return false;
    };
    if (check(requested.plural, accepted.plural, usedResources, 'PluralConflict')) names.plural = requested.plural;
    if (check(requested.singular, accepted.singular, usedResources, 'SingularConflict')) names.singular = requested.singular;
    if (!deepEqual(requested.shortNames ?? [], accepted.shortNames ?? [])) {
      const taken = (requested.shortNames ?? []).filter((s) => !(accepted.shortNames ?? []).includes(s) && usedResources.has(s));
      if (taken.length > 0) conflict = { reason: 'ShortNamesConflict', message: `"${taken[0]}" is already in use` };
      else names.shortNames = requested.shortNames;
    }
    if (check(requested.kind, accepted.kind, usedKinds, 'KindConflict')) names.kind = requested.kind;
    if (check(requested.listKind, accepted.listKind, usedKinds, 'ListKindConflict')) names.listKind = requested.listKind;
    names.categories = requested.categories;
    const status: Status = JSON.parse(JSON.stringify(crd.status ?? {})) as Status;
    status.acceptedNames = namesObject(names);
    const now = rfc3339(this.rest.ctx.now());
    const c = conflict;
    if (c) {
      setCondition(status, { type: 'NamesAccepted', status: 'False', reason: c.reason, message: c.message }, now);
      if (!(status.conditions ?? []).some((x) => x.type === 'Established' && x.status === 'True')) setCondition(status, { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' }, now);
    } else {
      setCondition(status, { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' }, now);
      const established = (status.conditions ?? []).find((x) => x.type === 'Established');
      if (established?.status !== 'True') setCondition(status, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }, now);
    }
    if (deepEqual(status, crd.status ?? {})) return;
    this.writeStatus(crd, status);
    this.server.sync();
  }

  /** The resource to delete a CRD's objects through (a served version, else a bare one). */
  private storageDef(crd: CustomResourceDefinition): ResourceDef {
    const served = this.server.resourcesOf(crd.metadata.name ?? '')[0];
    if (served) return served;
    const storage = (crd.spec.versions ?? []).find((v) => v?.storage)?.name ?? 'v1';
    return {
      group: crd.spec.group,
      version: storage,
      resource: crd.spec.names.plural,
      singular: crd.spec.names.singular ?? '',
      kind: crd.spec.names.kind,
      namespaced: crd.spec.scope === 'Namespaced',
      shortNames: [],
      categories: [],
      verbs: CUSTOM_RESOURCE_VERBS,
      subresources: [],
      custom: true,
      printer: defaultPrinter,
    };
  }

  /** CRDFinalizer.sync: delete the custom resources, then let the CRD go. */
  private finalize(crd: CustomResourceDefinition): void {
    const name = crd.metadata.name ?? '';
    if (!(crd.metadata.finalizers ?? []).includes(CLEANUP_FINALIZER)) return;
    const now = rfc3339(this.rest.ctx.now());
    const status = JSON.parse(JSON.stringify(crd.status ?? {})) as Status;
    setCondition(status, { type: 'Terminating', status: 'True', reason: 'InstanceDeletionInProgress', message: 'CustomResource deletion is in progress' }, now);
    let current = deepEqual(status, crd.status ?? {}) ? crd : this.writeStatus(crd, status);
    this.server.sync();
    const def = this.storageDef(current);
    const prefix = Registry.keyPrefix(def);
    const store = this.rest.storeOf(def);
    for (const key of this.rest.store.keysWithPrefix(prefix)) {
      const obj = store.get(key);
      if (!obj || obj.metadata.deletionTimestamp) continue;
      try {
        this.rest.delete(def, obj.metadata.namespace, obj.metadata.name ?? '', undefined, {});
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) throw e;
      }
    }
    if (this.rest.store.keysWithPrefix(prefix).length > 0) {
      // Some have finalizers of their own: look again whenever one of them changes.
      if (!this.waiting.has(name)) this.waiting.set(name, this.rest.store.watch(prefix, this.rest.store.currentRevision(), () => this.reconcile(name)));
      return;
    }
    this.waiting.get(name)?.stop();
    this.waiting.delete(name);
    const done = JSON.parse(JSON.stringify(current.status ?? {})) as Status;
    setCondition(done, { type: 'Terminating', status: 'False', reason: 'InstanceDeletionCompleted', message: 'removed all instances' }, now);
    current = this.writeStatus(current, done);
    const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER);
    const next = { ...current, metadata: { ...current.metadata, finalizers } } as CustomResourceDefinition;
    if (finalizers.length === 0) delete next.metadata.finalizers;
    this.rest.write(crdDef, Registry.key(crdDef, undefined, name), next, current.metadata.resourceVersion, false);
    this.server.sync();
  }
}
