/**
 * Field ownership, as structured-merge-diff's `merge.Updater` computes it: an update takes the
 * fields it changed from every other manager (removed fields leave every manager); an apply
 * merges the configuration into the live object, prunes what the applier owned last time and no
 * longer applies (unless someone else owns it), and fails with conflicts when it would change a
 * field another manager owns — unless forced, which takes the field over.
 */
import type { Schema } from '../../api/schema/dsl';
import { FieldSet, comparePE, type Path } from './fieldpath';
import type { TypeView } from './schema';
import { compare, ensureNamedFieldsAreMembers, removeItems, toFieldSet, type Comparison } from './typed';
import { merge } from './typedMerge';
import { deepEqual } from './value';

/** The fields one manager owns, at an API version, and whether it applied them. */
export interface VersionedSet {
  set: FieldSet;
  apiVersion: string;
  applied: boolean;
}

/** Every manager's fields, by manager identifier. */
export type ManagedFields = Map<string, VersionedSet>;

/** One conflict: a field another manager owns. */
export interface Conflict {
  manager: string;
  path: Path;
}

/** An apply that would change fields owned by other managers. */
export class Conflicts extends Error {
  constructor(readonly conflicts: Conflict[]) {
    super(`conflicts: ${conflicts.length}`);
    this.name = 'Conflicts';
  }
}

/** The type of the objects an updater works on. */
export interface TypedKind {
  types: TypeView;
  schema: Schema | undefined;
  /** Fields no manager owns here (the reset fields of the endpoint: `status` on the main resource). */
  ignore: FieldSet;
}

/** The member paths of a set in `Iterate` order: a node's members, then its children. */
export function iteratePaths(set: FieldSet, prefix: Path = []): Path[] {
  const out: Path[] = [];
  const members = [...set.members].sort(comparePE);
  for (const m of members) out.push([...prefix, m]);
  const children = [...set.children.keys()].sort(comparePE);
  for (const c of children) out.push(...iteratePaths(set.children.get(c) as FieldSet, [...prefix, c]));
  return out;
}

function filtered(t: TypedKind, c: Comparison): Comparison {
  if (t.ignore.isEmpty()) return c;
  return { added: c.added.recursiveDifference(t.ignore), modified: c.modified.recursiveDifference(t.ignore), removed: c.removed.recursiveDifference(t.ignore) };
}

function update(t: TypedKind, oldObj: unknown, newObj: unknown, managers: ManagedFields, workflow: string, force: boolean): { managers: ManagedFields; cmp: Comparison } {
  const cmp = filtered(t, compare(t.types, t.schema, oldObj, newObj));
  const changed = cmp.modified.union(cmp.added);
  const conflicts = new Map<string, FieldSet>();
  for (const [manager, vs] of managers) {
    if (manager === workflow) continue;
    const c = vs.set.intersection(changed);
    if (!c.isEmpty()) conflicts.set(manager, c);
  }
  if (!force && conflicts.size > 0) {
    const list: Conflict[] = [];
    for (const manager of [...conflicts.keys()].sort()) for (const path of iteratePaths(conflicts.get(manager) as FieldSet)) list.push({ manager, path });
    throw new Conflicts(list);
  }
  const out: ManagedFields = new Map();
  for (const [manager, vs] of managers) {
    let set = vs.set;
    if (manager !== workflow) {
      const c = conflicts.get(manager);
      if (c) set = set.difference(c);
      if (!cmp.removed.isEmpty()) set = set.difference(cmp.removed);
    }
    if (!set.isEmpty()) out.set(manager, { ...vs, set });
  }
  return { managers: out, cmp };
}

/** Updater.Update: the managers after a non-apply write of `newObj` over `liveObj`. */
export function updaterUpdate(t: TypedKind, liveObj: unknown, newObj: unknown, version: string, managers: ManagedFields, manager: string): ManagedFields {
  const { managers: out, cmp } = update(t, liveObj, newObj, managers, manager, true);
  const prev = out.get(manager)?.set ?? new FieldSet();
  const set = prev.difference(cmp.removed).union(cmp.modified).union(cmp.added).recursiveDifference(t.ignore);
  if (set.isEmpty()) out.delete(manager);
  else out.set(manager, { set, apiVersion: version, applied: false });
  return out;
}

/**
 * Updater.Apply: merges `config` into `liveObj` for `manager`; the new object is `undefined`
 * when nothing changes. Throws Conflicts unless `force`.
 */
export function updaterApply(t: TypedKind, liveObj: unknown, config: unknown, version: string, managers: ManagedFields, manager: string, force: boolean): { object: unknown; managers: ManagedFields } {
  let merged = merge(t.types, t.schema, liveObj, config);
  const lastSet = managers.get(manager);
  const set = toFieldSet(t.types, t.schema, config).recursiveDifference(t.ignore);
  const next: ManagedFields = new Map(managers);
  next.set(manager, { set, apiVersion: version, applied: true });
  merged = prune(t, merged, next, lastSet);
  const { managers: out } = update(t, liveObj, merged, next, manager, force);
  return { object: deepEqual(liveObj, merged) ? undefined : merged, managers: out };
}

function fieldSetOf(t: TypedKind, v: unknown): FieldSet {
  return v === undefined ? new FieldSet() : ensureNamedFieldsAreMembers(t.types, t.schema, toFieldSet(t.types, t.schema, v));
}

function removeFrom(t: TypedKind, v: unknown, set: FieldSet): unknown {
  return removeItems(t.types, t.schema, v, set) ?? {};
}

/** Removes what the applier owned last time, no longer applies, and nobody else owns. */
function prune(t: TypedKind, merged: unknown, managers: ManagedFields, lastSet: VersionedSet | undefined): unknown {
  if (!lastSet || lastSet.set.isEmpty()) return merged;
  const last = ensureNamedFieldsAreMembers(t.types, t.schema, lastSet.set);
  let pruned = removeFrom(t, merged, last);
  // Add back what someone (including the applier's new configuration) owns.
  let managed = new FieldSet();
  for (const vs of managers.values()) managed = managed.union(vs.set);
  const mergedSet = fieldSetOf(t, merged);
  pruned = removeFrom(t, merged, mergedSet.difference(fieldSetOf(t, pruned).union(ensureNamedFieldsAreMembers(t.types, t.schema, managed))));
  // Remove only what the applier owned last time.
  return removeFrom(t, merged, mergedSet.difference(fieldSetOf(t, pruned)).intersection(last));
}
