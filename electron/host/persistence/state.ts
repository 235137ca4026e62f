/**
 * The persisted state of one cluster (`state.json`, kept with lowdb): a schema version, the
 * cluster's shape and seed, the virtual clock, the random source and the store's content.
 * Older schema versions are migrated on load; a newer one is refused with the version needed.
 */
import { shapeProblems, type ClusterShape } from '../../../core/shape';
import type { StoreState } from '../../../core/storage/store';

/** The schema version this KubeLab writes. */
export const STATE_SCHEMA_VERSION = 1;

/** The state document. */
export interface StateDoc {
  schemaVersion: number;
  /** The KubeLab version that wrote it. */
  kubelab: string;
  /** Real time of the write (RFC 3339). */
  savedAt: string;
  cluster: {
    name: string;
    seed: number;
    workers: number;
    /** The machines' shape chosen at creation (absent: the default shape). */
    shape?: ClusterShape;
    /** The random source's state. */
    random: number;
    /** Virtual time (ms). */
    clock: number;
  };
  store: StoreState;
}

/** A state that cannot be used, with a one-sentence reason. */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateError';
  }
}

/** Migrations: `MIGRATIONS[v]` turns a version-v document into version v+1. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 0 (the first development builds) had no `kubelab` or `savedAt` fields.
  0: (doc) => ({ ...doc, schemaVersion: 1, kubelab: String(doc.kubelab ?? 'unknown'), savedAt: String(doc.savedAt ?? new Date(0).toISOString()) }),
};

/** Checks and migrates a loaded document; throws StateError naming the problem. */
export function upgradeState(raw: unknown): StateDoc {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new StateError('the state is not a JSON object');
  let doc = raw as Record<string, unknown>;
  const v = doc.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new StateError('the state has no valid schemaVersion');
  if (v > STATE_SCHEMA_VERSION) throw new StateError(`the state was written by a newer KubeLab (schema version ${v}, ${String(doc.kubelab ?? 'unknown')}); this KubeLab reads up to version ${STATE_SCHEMA_VERSION}`);
  for (let from = v; from < STATE_SCHEMA_VERSION; from++) {
    const m = MIGRATIONS[from];
    if (!m) throw new StateError(`no migration from schema version ${from}`);
    doc = m(doc);
  }
  const c = doc.cluster as StateDoc['cluster'] | undefined;
  const s = doc.store as StoreState | undefined;
  if (!c || typeof c.seed !== 'number' || typeof c.workers !== 'number' || typeof c.random !== 'number' || typeof c.clock !== 'number' || typeof c.name !== 'string') throw new StateError('the state has no valid cluster section');
  if (c.shape !== undefined) {
    const problems = shapeProblems(c.shape);
    if (problems.length > 0) throw new StateError(`the state's cluster shape is invalid: ${problems.join('; ')}`);
  }
  if (!s || typeof s.revision !== 'number' || !Array.isArray(s.entries)) throw new StateError('the state has no valid store section');
  for (const e of s.entries) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof e[1] !== 'number' || typeof e[2] !== 'string') throw new StateError('the state has a malformed store entry');
  }
  return doc as unknown as StateDoc;
}
