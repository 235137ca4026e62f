/**
 * Durable state for one cluster's data directory: `state.json` (the snapshot, through lowdb
 * with a durable adapter) plus the write-ahead journal (`journal-*.log`). At start: take the
 * directory's lock, load the snapshot, replay the journal (a torn last record is dropped),
 * and hand the restored store, clock and random state to the cluster. While running: every
 * store commit is journaled; API writes are answered once durable; the snapshot is rewritten
 * in the background when the journal grows, then the journal is truncated. Damage is never
 * silently replaced: damaged files are moved aside and the host says so in one sentence.
 */
import type { ClusterShape } from '../../../core/shape';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { StatusError } from '../../../core/api/status';
import type { Clock } from '../../../core/clock/clock';
import type { Random } from '../../../core/clock/random';
import { Store } from '../../../core/storage/store';
import { CorruptFileError, DurableJsonFile } from './durableFile';
import { Journal, readJournal, removeSegments, segments } from './journal';
import { STATE_SCHEMA_VERSION, StateError, upgradeState, type StateDoc } from './state';

/** What a new cluster is made with when the directory holds none. */
export interface ClusterDefaults {
  name: string;
  seed: number;
  workers: number;
  shape?: ClusterShape;
}

/** The state found in the directory. */
export interface LoadedState {
  name: string;
  seed: number;
  workers: number;
  shape?: ClusterShape;
  /** Absent for a new cluster. */
  store?: Store;
  random?: number;
  clock?: number;
  /** One sentence per problem found and handled (damaged files moved aside, torn records dropped). */
  warnings: string[];
}

/** When the journal has grown this much, the snapshot is rewritten (overridable for tests). */
export const SNAPSHOT_AFTER_BYTES = Number(process.env.KUBELAB_SNAPSHOT_AFTER_BYTES ?? '') || 32 * 1024 * 1024;

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** The Status of a write that could not be made durable (as etcd's NOSPACE alarm words it when the disk is full). */
export function durabilityError(e: NodeJS.ErrnoException): StatusError {
  const message = e.code === 'ENOSPC' ? 'etcdserver: mvcc: database space exceeded' : `etcdserver: ${e.message}`;
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 });
}

/** The persistence of one data directory. */
export class Persistence {
  private readonly journal: Journal;
  private readonly db: Low<StateDoc | null>;
  private attached: { store: Store; clock: Clock; random: Random } | undefined;
  private snapshotting: Promise<void> | undefined;
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly loaded: LoadedState,
    private readonly version: string,
  ) {
    this.journal = new Journal(dir);
    this.db = new Low<StateDoc | null>(new DurableJsonFile<StateDoc | null>(join(dir, 'state.json')), null);
  }

  /** Loads the state of a cluster's folder (the caller holds the data directory's lock). Throws StateError. */
  static async open(dir: string, defaults: ClusterDefaults, version: string): Promise<Persistence> {
    mkdirSync(dir, { recursive: true });
    return new Persistence(dir, await load(dir, defaults), version);
  }

  /**
   * Starts journaling the cluster's store (call before the cluster starts). When the load had
   * to repair something, a fresh snapshot is written first, so the repair is durable.
   */
  async attach(store: Store, clock: Clock, random: Random): Promise<void> {
    this.attached = { store, clock, random };
    await this.journal.openSegment();
    store.onCommit = (r) => {
      try {
        this.journal.append({ ...r, clock: clock.now(), random: random.getState() });
      } catch (e) {
        throw durabilityError(e as NodeJS.ErrnoException);
      }
      if (this.journal.bytes > SNAPSHOT_AFTER_BYTES && !this.snapshotting && !this.closed) setImmediate(() => void this.snapshot().catch(() => undefined));
    };
    if (this.loaded.warnings.length > 0) await this.snapshot();
  }

  /** Resolves once every change so far is durable; rejects with a Status error when it cannot be. */
  async whenDurable(): Promise<void> {
    try {
      await this.journal.whenDurable();
    } catch (e) {
      throw durabilityError(e as NodeJS.ErrnoException);
    }
  }

  /** Rewrites the snapshot and truncates the journal (one at a time). */
  snapshot(): Promise<void> {
    if (!this.snapshotting) {
      this.snapshotting = this.writeSnapshot().finally(() => {
        this.snapshotting = undefined;
      });
    }
    return this.snapshotting;
  }

  private async writeSnapshot(): Promise<void> {
    const a = this.attached;
    if (!a) return;
    const closedSegments = await this.journal.rotate();
    // Exported after the rotation: the closed segments hold nothing newer than this state.
    this.db.data = {
      schemaVersion: STATE_SCHEMA_VERSION,
      kubelab: this.version,
      savedAt: new Date().toISOString(),
      cluster: { name: this.loaded.name, seed: this.loaded.seed, workers: this.loaded.workers, ...(this.loaded.shape ? { shape: this.loaded.shape } : {}), random: a.random.getState(), clock: a.clock.now() },
      store: a.store.exportState(),
    };
    await this.db.write();
    this.db.data = null;
    await removeSegments(closedSegments, this.dir);
  }

  /** Makes everything durable and writes a final snapshot. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.snapshotting;
      if (this.attached) await this.snapshot();
      await this.journal.closeSegment();
    } finally {
      if (this.attached) this.attached.store.onCommit = undefined;
    }
  }
}

async function load(dir: string, defaults: ClusterDefaults): Promise<LoadedState> {
  const warnings: string[] = [];
  const file = join(dir, 'state.json');
  const db = new Low<StateDoc | null>(new DurableJsonFile<StateDoc | null>(file), null);
  let doc: StateDoc | undefined;
  try {
    await db.read();
    if (db.data !== null) doc = upgradeState(db.data);
  } catch (e) {
    if (!(e instanceof CorruptFileError) && !(e instanceof StateError && !e.message.includes('newer KubeLab'))) throw e;
    const aside = `${file}.damaged-${stamp()}`;
    renameSync(file, aside);
    warnings.push(`The saved state ${file} could not be read (${e.message}); it was moved to ${aside} and KubeLab rebuilt what it could from the journal.`);
  }
  const base = doc?.store ?? { revision: 0, entries: [] };
  const read = await readJournal(dir, base.revision);
  const firstRecord = read.records[0];
  if (!doc && firstRecord && firstRecord.revision !== 1) {
    // No snapshot and a journal that does not start at the beginning: nothing whole to rebuild.
    const aside = join(dir, `journal.damaged-${stamp()}`);
    mkdirSync(aside);
    for (const s of await segments(dir)) renameSync(s.file, join(aside, s.file.slice(dir.length + 1)));
    warnings.push(`The journal in ${dir} does not start at the first revision and there is no saved state to replay it on; it was moved to ${aside} and KubeLab started a new cluster.`);
    return { ...defaults, warnings };
  }
  if (read.damagedAt) {
    const aside = `${read.damagedAt.file}.damaged-${stamp()}`;
    renameSync(read.damagedAt.file, aside);
    // The segments after the damaged one cannot continue the sequence: set aside too.
    for (const s of await segments(dir)) if (s.file > read.damagedAt.file) renameSync(s.file, `${s.file}.damaged-${stamp()}`);
    warnings.push(`The journal file ${read.damagedAt.file} is damaged at line ${read.damagedAt.line}; the changes before it were kept, the file was moved to ${aside}.`);
  }
  if (read.torn > 0) warnings.push(`Dropped ${read.torn} incomplete journal record${read.torn === 1 ? '' : 's'} left by an interrupted write (never acknowledged).`);
  if (!doc && read.records.length === 0) return { ...defaults, warnings };
  const store = new Store();
  store.restore(base, read.records);
  const last = read.records.at(-1);
  return {
    name: doc?.cluster.name ?? defaults.name,
    seed: doc?.cluster.seed ?? defaults.seed,
    workers: doc?.cluster.workers ?? defaults.workers,
    ...(doc ? (doc.cluster.shape ? { shape: doc.cluster.shape } : {}) : defaults.shape ? { shape: defaults.shape } : {}),
    store,
    random: last?.random ?? doc?.cluster.random,
    clock: Math.max(doc?.cluster.clock ?? 0, last?.clock ?? 0),
    warnings,
  };
}
