/**
 * The cluster a lab host runs, among the clusters of its data directory: opens the current one
 * (restoring its persisted state), answers API requests durably, and switches, resets, creates,
 * renames and deletes clusters. Holds the data directory's lock while the host runs.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatusError } from '../../core/api/status';
import { isStream, type ApiRequest, type ApiResponse } from '../../core/apiserver/request';
import { LabClock } from '../../core/clock/clock';
import { Cluster } from '../../core/cluster';
import { ClockDriver } from './clockDriver';
import { ClusterDirs, ClusterError, type ClusterInfo, type ClusterMeta } from './clusters';
import { acquireLock } from './persistence/lock';
import { writeFileDurably } from './persistence/durableFile';
import { Persistence } from './persistence/persistence';
import { STATE_SCHEMA_VERSION, type StateDoc } from './persistence/state';
import { decodeSnapshot, writeWorkspace, type SnapshotExtras, type WorkspaceFile } from './snapshots';
import { packDir, writePack } from './lessonPacks';
import type { StoreState } from '../../core/storage/store';
import type { ClusterShape } from '../../core/shape';

function stateDoc(version: string, name: string, spec: { seed: number; workers: number; shape?: ClusterShape | undefined }, random: number, clock: number, store: StoreState): StateDoc {
  return { schemaVersion: STATE_SCHEMA_VERSION, kubelab: version, savedAt: new Date().toISOString(), cluster: { name, seed: spec.seed, workers: spec.workers, ...(spec.shape ? { shape: spec.shape } : {}), random, clock }, store };
}

/** Writes a cluster folder's state.json, workspace files, origin snapshot, lesson pack (`lessons/`) and lesson progress (`lessons.json`). */
async function installState(dir: string, state: StateDoc, workspace: WorkspaceFile[], file: Uint8Array, extras: SnapshotExtras = {}): Promise<void> {
  writeWorkspace(join(dir, 'workspace'), workspace);
  if (extras.pack && extras.pack.length > 0) writePack(packDir(dir), extras.pack);
  if (extras.progress) await writeFileDurably(join(dir, 'lessons.json'), JSON.stringify(extras.progress));
  await writeFileDurably(join(dir, 'origin.kubelab'), file);
  await writeFileDurably(join(dir, 'state.json'), JSON.stringify(state));
}

interface Running {
  name: string;
  cluster: Cluster;
  clock: LabClock;
  driver: ClockDriver;
  persistence: Persistence;
}

async function openCluster(dirs: ClusterDirs, name: string, version: string, rootCA?: string): Promise<Running> {
  const meta = dirs.meta(name);
  const persistence = await Persistence.open(dirs.dir(name), { name, seed: meta.seed, workers: meta.workers, ...(meta.shape ? { shape: meta.shape } : {}) }, version);
  const loaded = persistence.loaded;
  const clock = new LabClock(() => Date.now(), loaded.clock ?? Date.now());
  const driver = new ClockDriver(clock);
  const cluster = new Cluster({ clock, seed: loaded.seed, workers: loaded.workers, ...(loaded.shape ? { shape: loaded.shape } : {}), ...(meta.empty ? { empty: true } : {}), ...(rootCA ? { rootCA } : {}), ...(loaded.store ? { store: loaded.store } : {}), ...(loaded.random !== undefined ? { randomState: loaded.random } : {}) });
  try {
    await persistence.attach(cluster.store, clock, cluster.random);
    driver.start();
    await cluster.start();
  } catch (e) {
    cluster.stop();
    driver.stop();
    await persistence.close().catch(() => undefined);
    throw e;
  }
  return { name, cluster, clock, driver, persistence };
}

async function closeRunning(r: Running): Promise<void> {
  r.cluster.stop();
  r.driver.stop();
  await r.persistence.close();
}

/** The saved state of a cluster that does not run (the caller holds the data directory's lock). */
export async function storedState(dirs: ClusterDirs, name: string, version: string): Promise<StateDoc> {
  const meta = dirs.meta(name);
  const p = await Persistence.open(dirs.dir(name), { name, seed: meta.seed, workers: meta.workers, ...(meta.shape ? { shape: meta.shape } : {}) }, version);
  const l = p.loaded;
  if (!l.store) throw new ClusterError(`cluster "${name}" has not run yet: there is nothing to save`, 409);
  return stateDoc(version, name, l, l.random ?? l.seed, l.clock ?? Date.now(), l.store.exportState());
}

/** Adds a cluster folder holding a checked state (the caller holds the data directory's lock). */
export async function adoptState(dirs: ClusterDirs, name: string, state: StateDoc, workspace: WorkspaceFile[], title: string, file: Uint8Array, extras: SnapshotExtras = {}): Promise<ClusterMeta> {
  const meta = dirs.create({ name, seed: state.cluster.seed, workers: state.cluster.workers, ...(state.cluster.shape ? { shape: state.cluster.shape } : {}), fromSnapshot: title });
  try {
    await installState(dirs.dir(name), { ...state, cluster: { ...state.cluster, name } }, workspace, file, extras);
  } catch (e) {
    dirs.delete(name);
    throw e;
  }
  return meta;
}

/** The running cluster of a lab host and the other clusters of its data directory. */
export class ActiveCluster {
  private busy: Promise<unknown> = Promise.resolve();
  /** Called after a switch or a reset (the host drops its open watches so that clients relist). */
  onSwitch: (() => void) | undefined;

  private constructor(
    readonly dirs: ClusterDirs,
    private running: Running,
    private readonly release: () => void,
    private readonly version: string,
    private readonly rootCA?: string,
  ) {}

  /** Takes the data directory's lock and opens its current cluster (creating `default` with `defaults` the first time). */
  static async start(dataDir: string, defaults: { seed: number; workers: number; shape?: ClusterShape }, version: string, rootCA?: string): Promise<ActiveCluster> {
    mkdirSync(dataDir, { recursive: true });
    const release = acquireLock(dataDir);
    try {
      const dirs = new ClusterDirs(dataDir);
      dirs.migrateLegacy(defaults);
      const running = await openCluster(dirs, dirs.current(), version, rootCA);
      return new ActiveCluster(dirs, running, release, version, rootCA);
    } catch (e) {
      release();
      throw e;
    }
  }

  get cluster(): Cluster {
    return this.running.cluster;
  }

  get clock(): LabClock {
    return this.running.clock;
  }

  /** The running cluster's name. */
  get name(): string {
    return this.running.name;
  }

  /** Problems found when the running cluster's state was loaded, one sentence each. */
  get warnings(): string[] {
    return this.running.persistence.loaded.warnings;
  }

  /** The running cluster's workspace folder (the shell's working directory). */
  workspace(): string {
    const dir = join(this.dirs.dir(this.running.name), 'workspace');
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Handles an API request; a write is answered once it is durable. */
  async handle(r: ApiRequest): Promise<ApiResponse> {
    const { cluster, persistence } = this.running;
    const res = await cluster.handle(r);
    if (r.method === 'GET' || r.method === 'HEAD' || isStream(res) || res.status >= 400) return res;
    try {
      await persistence.whenDurable();
    } catch (e) {
      const status = (e as StatusError).status;
      return { status: status.code ?? 500, headers: { 'content-type': 'application/json' }, body: status };
    }
    return res;
  }

  /** One change at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.busy.then(fn, fn);
    this.busy = next.catch(() => undefined);
    return next;
  }

  /** Every cluster. */
  list(): ClusterInfo[] {
    return this.dirs.list();
  }

  /** Creates a cluster (it starts when switched to). */
  create(meta: { name: string; seed: number; workers: number; shape?: ClusterShape; empty?: boolean }): Promise<ClusterMeta> {
    return this.serial(async () => this.dirs.create(meta));
  }

  /** Runs another cluster: the current one is saved and stopped first. */
  use(name: string): Promise<void> {
    return this.serial(async () => {
      this.dirs.meta(name);
      if (name === this.running.name) return;
      await this.switchTo(name);
    });
  }

  private async switchTo(name: string): Promise<void> {
    const previous = this.running;
    await closeRunning(previous);
    try {
      this.running = await openCluster(this.dirs, name, this.version, this.rootCA);
    } catch (e) {
      // The other cluster cannot run: back to the one that ran.
      this.running = await openCluster(this.dirs, previous.name, this.version, this.rootCA);
      throw e;
    }
    this.dirs.setCurrent(name);
    this.onSwitch?.();
  }

  /** Resets a cluster to a new one of the same shape and seed (its workspace is kept). */
  reset(name: string): Promise<void> {
    return this.serial(async () => {
      this.dirs.meta(name);
      const isRunning = name === this.running.name;
      if (isRunning) await closeRunning(this.running);
      this.dirs.clearState(name);
      if (isRunning) {
        this.running = await openCluster(this.dirs, name, this.version, this.rootCA);
        this.onSwitch?.();
      }
    });
  }

  /** Renames a cluster. */
  rename(from: string, to: string): Promise<void> {
    return this.serial(async () => {
      if (from === this.running.name) throw new ClusterError(`cluster "${from}" is running: switch to another cluster before renaming it`, 409);
      this.dirs.rename(from, to);
    });
  }

  /** Deletes a cluster that is not running. */
  delete(name: string): Promise<void> {
    return this.serial(async () => {
      if (name === this.running.name) throw new ClusterError(`cluster "${name}" is running: switch to another cluster before deleting it`, 409);
      this.dirs.delete(name);
    });
  }

  /** The whole state of a cluster (the running one from memory, once durable; another from its folder). */
  stateOf(name: string): Promise<StateDoc> {
    return this.serial(async () => {
      this.dirs.meta(name);
      if (name === this.running.name) {
        const { cluster, clock, persistence } = this.running;
        await persistence.whenDurable();
        return stateDoc(this.version, name, cluster.options, cluster.random.getState(), clock.now(), cluster.store.exportState());
      }
      return storedState(this.dirs, name, this.version);
    });
  }

  /** Adds a cluster from a checked state (an opened snapshot), with its workspace files, lesson pack and progress, and the snapshot file kept for resets. */
  adopt(name: string, state: StateDoc, workspace: WorkspaceFile[], title: string, file: Uint8Array, extras: SnapshotExtras = {}): Promise<ClusterMeta> {
    return this.serial(() => adoptState(this.dirs, name, state, workspace, title, file, extras));
  }

  /** Resets a cluster to the snapshot it was opened from (and its lesson progress to the snapshot's). */
  resetToSnapshot(name: string): Promise<void> {
    return this.serial(async () => {
      const origin = join(this.dirs.dir(name), 'origin.kubelab');
      if (!existsSync(origin)) throw new ClusterError(`cluster "${name}" was not opened from a snapshot`, 409);
      const file = readFileSync(origin);
      const snap = decodeSnapshot(file);
      const isRunning = name === this.running.name;
      if (isRunning) await closeRunning(this.running);
      this.dirs.clearState(name);
      await installState(this.dirs.dir(name), { ...snap.state, cluster: { ...snap.state.cluster, name } }, [], file, { progress: snap.progress });
      if (isRunning) {
        this.running = await openCluster(this.dirs, name, this.version, this.rootCA);
        this.onSwitch?.();
      }
    });
  }

  /** Saves and stops the running cluster and releases the data directory. */
  async close(): Promise<void> {
    await this.busy;
    try {
      await closeRunning(this.running);
    } finally {
      this.release();
    }
  }
}
