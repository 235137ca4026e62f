/**
 * Saving, opening and inspecting snapshots for a lab host (and for `kubelab snapshot` when no
 * lab runs): the operations the lab API and the command line share.
 */
import { join } from 'node:path';
import { rfc3339 } from '../../core/api/duration';
import type { ActiveCluster } from './activeCluster';
import { checkClusterName } from './clusters';
import { decodeSnapshot, encodeSnapshot, readWorkspace, validateState, SnapshotError, type SnapshotMetadata } from './snapshots';

/** What a user gives when saving. */
export interface SaveRequest {
  cluster?: string;
  title?: string;
  description?: string;
  author?: string;
  lesson?: string;
  step?: number;
}

/** Builds the snapshot file of a cluster (default: the running one). */
export async function saveSnapshot(active: ActiveCluster, req: SaveRequest, version: string): Promise<{ bytes: Buffer; metadata: SnapshotMetadata }> {
  const name = req.cluster ?? active.name;
  const state = await active.stateOf(name);
  const metadata: SnapshotMetadata = {
    title: req.title ?? `${name} ${rfc3339(state.cluster.clock)}`,
    created: new Date().toISOString(),
    clock: rfc3339(state.cluster.clock),
    seed: state.cluster.seed,
    workers: state.cluster.workers,
    objects: state.store.entries.length,
    ...(req.description ? { description: req.description } : {}),
    ...(req.author ? { author: req.author } : {}),
    ...(req.lesson ? { lesson: req.lesson } : {}),
    ...(req.step !== undefined ? { step: req.step } : {}),
  };
  const workspace = readWorkspace(join(active.dirs.dir(name), 'workspace'));
  return { bytes: encodeSnapshot(version, metadata, state, workspace), metadata };
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
  const name = as ?? nameFor(active, snap.metadata.title);
  checkClusterName(name);
  if (active.dirs.exists(name)) throw new SnapshotError(`a cluster named "${name}" exists already: choose another name`);
  await active.adopt(name, snap.state, snap.workspace, snap.metadata.title, bytes);
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
  return { format: snap.format, kubelab: snap.kubelab, metadata: snap.metadata, resources, workspace: snap.workspace.map((f) => f.path) };
}
