/**
 * The clusters of a data directory, each in its own folder:
 *
 *   DIR/clusters/NAME/cluster.json   name, seed, nodes, creation time, where it came from
 *   DIR/clusters/NAME/state.json     its state (persistence/), with journal-*.log beside it
 *   DIR/clusters/NAME/workspace/     the student's files (the shell's working directory)
 *   DIR/clusters/NAME/origin.kubelab the snapshot it was opened from (for "reset to snapshot")
 *   DIR/current                      the name of the cluster the lab runs
 *
 * Plain file operations; the lab host (or the `kubelab cluster` command when no lab runs)
 * holds the data directory's lock while it uses them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shapeProblems, type ClusterShape } from '../../core/shape';

/** A cluster's description (`cluster.json`). */
export interface ClusterMeta {
  name: string;
  seed: number;
  workers: number;
  /** The machines' shape (absent: the default). */
  shape?: ClusterShape;
  /** Machines only: no control plane and no joined kubelet until `kubeadm init` and `join` (core/cluster.ts ClusterOptions.empty). */
  empty?: boolean;
  /** RFC 3339 (real time). */
  created: string;
  /** The title of the snapshot it was opened from, if any. */
  fromSnapshot?: string;
}

/** A cluster as listed. */
export interface ClusterInfo extends ClusterMeta {
  current: boolean;
}

/** A request about clusters that cannot be done (bad name, unknown cluster, ...): one sentence. */
export class ClusterError extends Error {
  constructor(
    message: string,
    readonly code: 400 | 404 | 409 = 400,
  ) {
    super(message);
    this.name = 'ClusterError';
  }
}

/** The cluster every data directory starts with. */
export const DEFAULT_CLUSTER = 'default';

/** Checks a cluster name (a DNS label of at most 40 characters). */
export function checkClusterName(name: string): void {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 40) throw new ClusterError(`invalid cluster name "${name}": use at most 40 lowercase letters, digits and '-', starting and ending with a letter or digit`);
}

/** The clusters of one data directory. */
export class ClusterDirs {
  constructor(readonly dataDir: string) {}

  /** The folder of a cluster. */
  dir(name: string): string {
    return join(this.dataDir, 'clusters', name);
  }

  /** Whether a cluster exists. */
  exists(name: string): boolean {
    return existsSync(join(this.dir(name), 'cluster.json'));
  }

  /** A cluster's description; throws ClusterError 404 when there is none. */
  meta(name: string): ClusterMeta {
    checkClusterName(name);
    try {
      return JSON.parse(readFileSync(join(this.dir(name), 'cluster.json'), 'utf8')) as ClusterMeta;
    } catch {
      throw new ClusterError(`cluster "${name}" not found`, 404);
    }
  }

  /** The current cluster's name. */
  current(): string {
    try {
      const name = readFileSync(join(this.dataDir, 'current'), 'utf8').trim();
      if (name && this.exists(name)) return name;
    } catch {
      // No choice made yet.
    }
    return DEFAULT_CLUSTER;
  }

  /** Makes `name` the current cluster (the lab host switches to it). */
  setCurrent(name: string): void {
    this.meta(name);
    writeFileSync(join(this.dataDir, 'current'), `${name}\n`);
  }

  /** Every cluster, by name. */
  list(): ClusterInfo[] {
    const root = join(this.dataDir, 'clusters');
    if (!existsSync(root)) return [];
    const current = this.current();
    return readdirSync(root)
      .filter((n) => this.exists(n))
      .sort()
      .map((n) => ({ ...this.meta(n), current: n === current }));
  }

  /** Creates a new, empty cluster folder; throws ClusterError 409 when the name is taken. */
  create(meta: Omit<ClusterMeta, 'created'> & { created?: string }): ClusterMeta {
    checkClusterName(meta.name);
    if (this.exists(meta.name)) throw new ClusterError(`cluster "${meta.name}" already exists`, 409);
    if (!Number.isInteger(meta.workers) || meta.workers < 0 || meta.workers > 100) throw new ClusterError('nodes must be a whole number from 0 to 100');
    if (!Number.isInteger(meta.seed) || meta.seed < 0 || meta.seed > 2 ** 32 - 1) throw new ClusterError('seed must be a whole number from 0 to 4294967295');
    const problems = shapeProblems(meta.shape);
    if (problems.length > 0) throw new ClusterError(`invalid cluster shape: ${problems.join('; ')}`);
    const full: ClusterMeta = { ...meta, created: meta.created ?? new Date().toISOString() };
    mkdirSync(join(this.dir(meta.name), 'workspace'), { recursive: true });
    writeFileSync(join(this.dir(meta.name), 'cluster.json'), `${JSON.stringify(full, null, 2)}\n`);
    return full;
  }

  /** Renames a cluster (and the current choice with it). */
  rename(from: string, to: string): void {
    this.meta(from);
    checkClusterName(to);
    if (this.exists(to)) throw new ClusterError(`cluster "${to}" already exists`, 409);
    const wasCurrent = this.current() === from;
    renameSync(this.dir(from), this.dir(to));
    const meta = this.meta(to);
    writeFileSync(join(this.dir(to), 'cluster.json'), `${JSON.stringify({ ...meta, name: to }, null, 2)}\n`);
    if (wasCurrent) this.setCurrent(to);
  }

  /** Deletes a cluster and its files. */
  delete(name: string): void {
    this.meta(name);
    rmSync(this.dir(name), { recursive: true, force: true });
  }

  /** Forgets a cluster's state (journal and snapshot), keeping its description, workspace and origin snapshot. */
  clearState(name: string): void {
    this.meta(name);
    for (const f of readdirSync(this.dir(name))) if (f === 'state.json' || /^journal-\d+\.log$/.test(f)) rmSync(join(this.dir(name), f), { force: true });
  }

  /**
   * Moves the state of the first version of the data directory (one cluster at its top) into
   * `clusters/default/`.
   */
  migrateLegacy(defaults: { seed: number; workers: number; shape?: ClusterShape }): void {
    const legacy = readdirSync(this.dataDir).filter((f) => f === 'state.json' || /^journal-\d+\.log$/.test(f));
    if (legacy.length === 0 && this.exists(DEFAULT_CLUSTER)) return;
    if (!this.exists(DEFAULT_CLUSTER)) {
      let seed = defaults.seed;
      let workers = defaults.workers;
      try {
        const c = (JSON.parse(readFileSync(join(this.dataDir, 'state.json'), 'utf8')) as { cluster?: { seed?: number; workers?: number } }).cluster;
        if (typeof c?.seed === 'number') seed = c.seed;
        if (typeof c?.workers === 'number') workers = c.workers;
      } catch {
        // No readable legacy state: the defaults.
      }
      this.create({ name: DEFAULT_CLUSTER, seed, workers, ...(defaults.shape ? { shape: defaults.shape } : {}) });
    }
    for (const f of legacy) renameSync(join(this.dataDir, f), join(this.dir(DEFAULT_CLUSTER), f));
    const oldWorkspace = join(this.dataDir, 'workspace');
    if (existsSync(oldWorkspace) && readdirSync(join(this.dir(DEFAULT_CLUSTER), 'workspace')).length === 0) {
      rmSync(join(this.dir(DEFAULT_CLUSTER), 'workspace'), { recursive: true, force: true });
      renameSync(oldWorkspace, join(this.dir(DEFAULT_CLUSTER), 'workspace'));
    }
  }
}
