/**
 * `metadata.managedFields` as kube-apiserver keeps it: entries decoded into field sets keyed by
 * a manager identifier (the entry's JSON without fields, time and — for appliers — apiVersion),
 * encoded back sorted by operation, time and manager; the system fields no manager owns; the cap
 * on update managers (the oldest merge into `ancient-changes`); and the 409 an apply conflict
 * answers (k8s.io/apimachinery/pkg/util/managedfields/internal).
 */
import type { StatusCause, StatusError } from '../../api/status';
import { failure } from './errors';
import { FieldSet, fieldPE, pathString } from './fieldpath';
import type { Conflict, ManagedFields } from './updater';
import { deepFreeze } from '../../storage/frozen';
import { isObject, type JsonObject } from './value';

/** metav1.ManagedFieldsEntry. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

/** Managed fields and the time of each manager's last change. */
export interface Managed {
  fields: ManagedFields;
  times: Map<string, string | undefined>;
}

/** The most update (non-apply) managers kept before the oldest are merged (DefaultMaxUpdateManagers). */
export const MAX_UPDATE_MANAGERS = 10;
/** The manager the oldest update entries are merged into. */
export const ANCIENT_CHANGES = 'ancient-changes';

/** An empty Managed. */
export function emptyManaged(): Managed {
  return { fields: new Map(), times: new Map() };
}

/** The manager identifier of an entry (BuildManagerIdentifier). */
export function managerId(e: ManagedFieldsEntry): string {
  const id: ManagedFieldsEntry = {};
  if (e.manager) id.manager = e.manager;
  if (e.operation) id.operation = e.operation;
  if (e.apiVersion && e.operation !== 'Apply') id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

/**
 * The field set of each stored (frozen) `fieldsV1`, and the `fieldsV1` of each field set: a write
 * decodes every manager's set and encodes them all again, but most sets are those of the last
 * version, unchanged (the store shares unchanged parts between versions, so a `fieldsV1` keeps its
 * identity). Field sets are never changed once built, so sharing them is safe.
 */
const decodedSets = new WeakMap<object, FieldSet>();
const encodedSets = new WeakMap<FieldSet, JsonObject>();

/** The set of a FieldsV1 document (cached for a frozen one, with its canonical encoding). */
function fieldsV1Set(doc: unknown): FieldSet {
  const frozen = isObject(doc) && Object.isFrozen(doc);
  const known = frozen ? decodedSets.get(doc) : undefined;
  if (known) return known;
  const set = FieldSet.fromFieldsV1(doc);
  if (frozen) {
    decodedSets.set(doc, set);
    const encoded = set.toFieldsV1();
    encodedSets.set(set, JSON.stringify(encoded) === JSON.stringify(doc) ? doc : deepFreeze(encoded));
  }
  return set;
}

/** The FieldsV1 document of a set (cached: frozen, shared by every entry that has the set). */
function fieldsV1Of(set: FieldSet): JsonObject {
  let doc = encodedSets.get(set);
  if (!doc) {
    doc = deepFreeze(set.toFieldsV1());
    encodedSets.set(set, doc);
    decodedSets.set(doc, set);
  }
  return doc;
}

/** The manager identifier of each stored (frozen) entry. */
const entryIds = new WeakMap<object, string>();

/** `managerId` of an entry, kept for a frozen one (a stored entry is read by every later write). */
function entryId(e: ManagedFieldsEntry): string {
  if (!Object.isFrozen(e)) return managerId(e);
  let id = entryIds.get(e);
  if (id === undefined) entryIds.set(e, (id = managerId(e)));
  return id;
}

/** Decodes `metadata.managedFields`; throws an Error for a malformed list. */
export function decodeManagedFields(entries: unknown): Managed {
  const out = emptyManaged();
  if (entries === undefined || entries === null) return out;
  if (!Array.isArray(entries)) throw new Error('managedFields must be a list');
  for (const raw of entries) {
    if (!isObject(raw)) throw new Error('a managedFields entry must be an object');
    const e = raw as ManagedFieldsEntry;
    const id = entryId(e);
    if (e.fieldsType !== 'FieldsV1') throw new Error(`invalid fieldsType ${JSON.stringify(e.fieldsType ?? '')}`);
    const set = fieldsV1Set(e.fieldsV1 ?? {});
    out.fields.set(id, { set, apiVersion: e.apiVersion ?? '', applied: e.operation === 'Apply' });
    out.times.set(id, typeof e.time === 'string' ? e.time : undefined);
  }
  return out;
}

/** Encodes Managed as `metadata.managedFields` (undefined when no manager is left). */
export function encodeManagedFields(m: Managed): ManagedFieldsEntry[] | undefined {
  if (m.fields.size === 0) return undefined;
  const entries: ManagedFieldsEntry[] = [];
  for (const [id, vs] of m.fields) {
    const parsed = parsedId(id);
    const e: ManagedFieldsEntry = {};
    if (parsed.manager) e.manager = parsed.manager;
    e.operation = vs.applied ? 'Apply' : (parsed.operation ?? 'Update');
    if (vs.apiVersion) e.apiVersion = vs.apiVersion;
    const time = m.times.get(id);
    if (time) e.time = time;
    e.fieldsType = 'FieldsV1';
    e.fieldsV1 = fieldsV1Of(vs.set);
    if (parsed.subresource) e.subresource = parsed.subresource;
    entries.push(e);
  }
  if (entries.length === 1) return entries;
  const secondsOf = new Map<string | undefined, number>();
  const seconds = (t: string | undefined) => {
    let n = secondsOf.get(t);
    if (n === undefined) secondsOf.set(t, (n = t ? Math.floor(Date.parse(t) / 1000) : 0));
    return n;
  };
  const cmp = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);
  return entries.sort((p, q) => cmp(p.operation, q.operation) || seconds(p.time) - seconds(q.time) || cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource, q.subresource));
}

/** The entry a manager identifier was made from (identifiers are few: each parsed once). */
const parsedIds = new Map<string, Readonly<ManagedFieldsEntry>>();

function parsedId(id: string): Readonly<ManagedFieldsEntry> {
  let e = parsedIds.get(id);
  if (e === undefined) {
    if (parsedIds.size >= 1000) parsedIds.clear();
    e = Object.freeze(JSON.parse(id) as ManagedFieldsEntry);
    parsedIds.set(id, e);
  }
  return e;
}

/** Whether the entries ask to clear managedFields: an empty list, or one empty entry. */
export function isResetManagedFields(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && isObject(entries[0]) && Object.keys(entries[0]).length === 0;
}

/** The fields no manager owns: type and system metadata (stripMetaManager). */
export const STRIPPED_FIELDS = FieldSet.of(
  [fieldPE('apiVersion')],
  [fieldPE('kind')],
  [fieldPE('metadata')],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => [fieldPE('metadata'), fieldPE(f)]),
);

/** Removes the system fields from one manager's set (deleting the manager when nothing is left). */
export function stripMeta(m: Managed, id: string): void {
  const vs = m.fields.get(id);
  if (!vs) return;
  const set = vs.set.difference(STRIPPED_FIELDS);
  if (set.isEmpty()) m.fields.delete(id);
  else m.fields.set(id, { ...vs, set });
}

/** Merges the oldest update managers, per API version, until at most `max` remain (capManagersManager). */
export function capUpdateManagers(m: Managed, max = MAX_UPDATE_MANAGERS): void {
  const updaters = [...m.fields.entries()].filter(([, vs]) => !vs.applied).map(([id]) => id);
  if (updaters.length <= max) return;
  const seconds = (id: string) => {
    const t = m.times.get(id);
    return t ? Math.floor(Date.parse(t) / 1000) : 0;
  };
  updaters.sort((a, b) => seconds(a) - seconds(b) || (a < b ? -1 : a > b ? 1 : 0));
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const id = updaters[i] as string;
    const vs = m.fields.get(id);
    if (!vs) continue;
    const bucket = managerId({ manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: vs.apiVersion });
    const first = firstOfVersion.get(vs.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(vs.apiVersion, id);
      continue;
    }
    if (!m.fields.has(bucket)) {
      const s = m.fields.get(first);
      m.fields.delete(first);
      if (s) m.fields.set(bucket, s);
    }
    const into = m.fields.get(bucket);
    m.fields.set(bucket, { set: vs.set.union(into?.set ?? new FieldSet()), apiVersion: vs.apiVersion, applied: vs.applied });
    m.fields.delete(id);
    length--;
    m.times.set(bucket, m.times.get(id));
  }
}

/** How a conflict names its manager (printManager): `"kubectl" using v1`, `"x" with subresource "status"`. */
export function printManager(id: string): string {
  let e: ManagedFieldsEntry;
  try {
    e = JSON.parse(id) as ManagedFieldsEntry;
  } catch {
    return JSON.stringify(id);
  }
  let s = JSON.stringify(e.manager ?? '');
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += ` using ${e.apiVersion ?? ''}`;
  return s;
}

/** The 409 of an apply with conflicts (NewConflictError), with one FieldManagerConflict cause each. */
export function conflictError(conflicts: Conflict[]): StatusError {
  const causes: StatusCause[] = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: pathString(c.path) }));
  let message: string;
  if (conflicts.length === 1) {
    const c = conflicts[0] as Conflict;
    message = `Apply failed with 1 conflict: conflict with ${printManager(c.manager)}: ${pathString(c.path)}`;
  } else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), pathString(c.path)]);
    const lines: string[] = [];
    for (const manager of [...byManager.keys()].sort()) {
      lines.push(`conflicts with ${printManager(manager)}:`);
      for (const p of byManager.get(manager) ?? []) lines.push(`- ${p}`);
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return failure(409, 'Conflict', message, { causes });
}
