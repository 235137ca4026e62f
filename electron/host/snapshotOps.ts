/**
 * Saving, opening and inspecting snapshots for a lab host (and for `kubelab snapshot` when no
 * lab runs): the operations the lab API and the command line share.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rfc3339 } from '../../core/api/duration';
import { normalizeProgress } from '../../core/lessons/progress';
import type { Progress } from '../../core/lessons/types';
import type { ActiveCluster } from './activeCluster';
import type { StateDoc } from './persistence/state';
import { checkClusterName } from './clusters';
import { packDir, packLessons, readPackFolder, validatePack, type PackFile, type PackLesson } from './lessonPacks';
import { lessonFolders } from './lessons';
import { labsDir } from './paths';
import { decodeSnapshot, encodeSnapshot, readWorkspace, validateState, SnapshotError, type Snapshot, type SnapshotExtras, type SnapshotMetadata } from './snapshots';

/** The lesson progress kept in a cluster's folder (`lessons.json`), if any. */
export function storedProgress(clusterDir: string): Progress | undefined {
  const file = join(clusterDir, 'lessons.json');
  if (!existsSync(file)) return undefined;
  try {
    return normalizeProgress(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** What a cluster's folder adds to its snapshot: its lesson progress and its installed lesson pack. */
export function clusterExtras(clusterDir: string): SnapshotExtras {
  const pack = lessonFolders(packDir(clusterDir)).length > 0 ? readPackFolder(packDir(clusterDir)) : [];
  const progress = storedProgress(clusterDir);
  return { ...(progress ? { progress } : {}), ...(pack.length > 0 ? { pack } : {}) };
}

/**
 * Checks what a decoded snapshot asks to install besides its state: its lesson pack (validated
 * as `kubelab lab validate` would; its lessons may build on the built-in ones).
 */
export function validateExtras(snap: Snapshot, builtinLabs: string = labsDir()): void {
  validatePack(snap.pack, lessonFolders(builtinLabs));
}

/** The extras of a decoded snapshot, as installState takes them. */
export function extrasOf(snap: Snapshot): SnapshotExtras {
  return { ...(snap.progress ? { progress: snap.progress } : {}), pack: snap.pack };
}

/** Adds (or replaces) the lesson pack of an encoded snapshot: its files decoded, the pack set, encoded again. */
export function withPack(bytes: Uint8Array, pack: PackFile[]): Buffer {
  const snap = decodeSnapshot(bytes);
  return encodeSnapshot(snap.kubelab, snap.metadata, snap.state, snap.workspace, { ...extrasOf(snap), pack });
}

/** What a user gives when saving. */
export interface SaveRequest {
  cluster?: string;
  title?: string;
  description?: string;
  author?: string;
  lesson?: string;
  step?: number;
}

/**
 * The metadata of a cluster's snapshot. The lesson and step default to the ones its lesson
 * progress is at (so that a student's snapshot names the lesson it is graded against).
 */
export function clusterMetadata(name: string, state: StateDoc, req: SaveRequest, progress: Progress | undefined): SnapshotMetadata {
  const lesson = req.lesson ?? progress?.lesson;
  const step = req.step ?? (req.lesson === undefined && progress?.lesson ? progress.step + 1 : undefined);
  return {
    title: req.title ?? `${name} ${rfc3339(state.cluster.clock)}`,
    created: new Date().toISOString(),
    clock: rfc3339(state.cluster.clock),
    seed: state.cluster.seed,
    workers: state.cluster.workers,
    objects: state.store.entries.length,
    ...(req.description ? { description: req.description } : {}),
    ...(req.author ? { author: req.author } : {}),
    ...(lesson ? { lesson } : {}),
    ...(step !== undefined ? { step } : {}),
  };
}

/** Builds the snapshot file of a cluster (default: the running one), with its lesson progress and lesson pack. */
export async function saveSnapshot(active: ActiveCluster, req: SaveRequest, version: string): Promise<{ bytes: Buffer; metadata: SnapshotMetadata }> {
  const name = req.cluster ?? active.name;
  const state = await active.stateOf(name);
  const dir = active.dirs.dir(name);
  const extras = clusterExtras(dir);
  const metadata = clusterMetadata(name, state, req, extras.progress);
  const workspace = readWorkspace(join(dir, 'workspace'));
  return { bytes: encodeSnapshot(version, metadata, state, workspace, extras), metadata };
}

/** A free cluster name derived from a title. */
function nameFor(active: ActiveCluster, title: string): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'snapshot';
  let name = base;
  for (let i = 2; active.dirs.exists(name); i++) name = `${base}-${i}`;
  return name;
}

/** Checks a snapshot completely, then adds it as a new cluster (and runs it when `use`). Nothing changes when it is refused. */
export async function openSnapshot(active: ActiveCluster, bytes: Uint8Array, as: string | undefined, use: boolean): Promise<{ name: string; metadata: SnapshotMetadata }> {
  const snap = decodeSnapshot(bytes);
  await validateState(snap.state);
  validateExtras(snap);
  const name = as ?? nameFor(active, snap.metadata.title);
  checkClusterName(name);
  if (active.dirs.exists(name)) throw new SnapshotError(`a cluster named "${name}" exists already: choose another name`);
  await active.adopt(name, snap.state, snap.workspace, snap.metadata.title, bytes, extrasOf(snap));
  if (use) await active.use(name);
  return { name, metadata: snap.metadata };
}

/** What a snapshot holds, without opening it. */
export interface SnapshotInfo {
  format: number;
  kubelab: string;
  metadata: SnapshotMetadata;
  /** Objects per resource (`pods`, `deployments.apps`, ...). */
  resources: Record<string, number>;
  workspace: string[];
  /** The lessons of the lesson pack it carries. */
  pack: PackLesson[];
  /** The lesson progress it carries: the lesson started, its current step (counted from 1), the steps finished. */
  progress?: { lesson?: string; step?: number; finished: number };
}

/** Decodes and summarises a snapshot (checksum and format checked). */
export function inspectSnapshot(bytes: Uint8Array): SnapshotInfo {
  const snap = decodeSnapshot(bytes);
  const resources: Record<string, number> = {};
  for (const [key] of snap.state.store.entries) {
    const m = /^\/registry\/([^/]+)\/([^/]+)\//.exec(key);
    if (!m) continue;
    const r = m[1] === 'core' ? (m[2] as string) : `${m[2] as string}.${m[1] as string}`;
    resources[r] = (resources[r] ?? 0) + 1;
  }
  const p = snap.progress;
  const progress = p ? { ...(p.lesson ? { lesson: p.lesson, step: p.step + 1 } : {}), finished: Object.values(p.steps).filter((sp) => sp.finishedAt !== undefined).length } : undefined;
  return { format: snap.format, kubelab: snap.kubelab, metadata: snap.metadata, resources, workspace: snap.workspace.map((f) => f.path), pack: packLessons(snap.pack), ...(progress ? { progress } : {}) };
}
