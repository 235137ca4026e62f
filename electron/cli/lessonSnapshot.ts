/**
 * `kubelab snapshot save FILE --from-lesson ID [--step N | --solved]`: the snapshot of the state
 * a lesson step starts from, built without any running lab — a fresh cluster of the lesson's
 * shape and seed, the lesson's setup, every step before N replayed (its setup and its solution,
 * as `kubelab lab test` replays them), then step N's setup. The snapshot names the lesson and
 * the step and carries the lesson progress (steps before N done), so that opening it starts the
 * lesson at step N in the new cluster. `--solved` replays every step (a reference solution).
 */
import { existsSync } from 'node:fs';
import { rfc3339 } from '../../core/api/duration';
import type { Lesson } from '../../core/lessons/types';
import { lessonFolders, readLesson } from '../host/lessons';
import { STATE_SCHEMA_VERSION, type StateDoc } from '../host/persistence/state';
import { SnapshotError, checkWorkspacePath, encodeSnapshot, type SnapshotMetadata, type WorkspaceFile } from '../host/snapshots';
import type { PackFile } from '../host/lessonPacks';
import { replayLesson } from './lessonReplay';

/** What to save. */
export interface LessonSnapshotRequest {
  /** The step to start at, counted from 1 (default 1). */
  step?: number;
  /** Replay every step instead: the lesson solved. */
  solved?: boolean;
  title?: string;
  description?: string;
  author?: string;
  /** A lesson pack to carry. */
  pack?: PackFile[];
  /** The KubeLab version written into the file. */
  version: string;
}

/** Finds a lesson by id in the first of `dirs` that has it (a lesson pack before the built-in lessons). */
export function findLesson(id: string, dirs: string[]): Lesson {
  for (const dir of dirs) if (existsSync(dir) && lessonFolders(dir).includes(id)) return readLesson(dir, id);
  throw new SnapshotError(`no lesson "${id}" in ${dirs.join(' or ')}`);
}

/** Replays the lesson up to the step asked and encodes the result as a snapshot file. */
export async function lessonSnapshot(lesson: Lesson, req: LessonSnapshotRequest): Promise<{ bytes: Buffer; metadata: SnapshotMetadata; log: string[] }> {
  const count = lesson.steps.length;
  const step = req.step ?? 1;
  if (!req.solved && (step < 1 || step > count)) throw new SnapshotError(`lesson ${lesson.id} has steps 1 to ${count}, not ${step}`);
  const replay = await replayLesson(lesson, req.solved ? {} : { stopAt: step - 1 });
  try {
    if (!replay.ok) throw new SnapshotError(`replaying lesson ${lesson.id} failed: ${replay.log.filter((l) => l.startsWith('FAIL')).join('; ').replace(/^FAIL /, '')}`);
    await replay.engine.idle();
    await replay.settle();
    replay.engine.stop();
    const { cluster, clock } = replay;
    const progress = replay.engine.exportProgress();
    const state: StateDoc = {
      schemaVersion: STATE_SCHEMA_VERSION,
      kubelab: req.version,
      savedAt: new Date().toISOString(),
      cluster: { name: 'lesson', seed: cluster.options.seed, workers: cluster.options.workers, ...(cluster.options.shape ? { shape: cluster.options.shape } : {}), random: cluster.random.getState(), clock: clock.now() },
      store: cluster.store.exportState(),
    };
    const workspace: WorkspaceFile[] = [...replay.workspace]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, text]) => ({ path: checkWorkspacePath(path).split(/[\\/]/).join('/'), data: Buffer.from(text, 'utf8').toString('base64') }));
    const at = req.solved ? count : step;
    const metadata: SnapshotMetadata = {
      title: req.title ?? (req.solved ? `${lesson.id} solved` : `${lesson.id} step ${step}`),
      created: new Date().toISOString(),
      clock: rfc3339(state.cluster.clock),
      seed: state.cluster.seed,
      workers: state.cluster.workers,
      objects: state.store.entries.length,
      ...(req.description ? { description: req.description } : {}),
      ...(req.author ? { author: req.author } : {}),
      lesson: lesson.id,
      step: at,
    };
    const bytes = encodeSnapshot(req.version, metadata, state, workspace, { progress, ...(req.pack ? { pack: req.pack } : {}) });
    return { bytes, metadata, log: replay.log };
  } finally {
    replay.stop();
  }
}
