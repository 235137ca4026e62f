/**
 * `kubelab snapshot save FILE | open FILE | inspect FILE`: a cluster in one `.kubelab` file.
 * Through the running lab's API when a lab runs on the data directory, else on disk under the
 * directory's lock. `save --from-lesson ID` needs no lab at all: it replays the lesson up to a
 * step (lessonSnapshot.ts). `save --lessons DIR` puts a lesson pack in the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { adoptState, storedState } from '../host/activeCluster';
import { ClusterDirs, ClusterError, checkClusterName } from '../host/clusters';
import { defaultNotesDir, packProblems, readPackFolder, type PackFile } from '../host/lessonPacks';
import { lessonFolders } from '../host/lessons';
import { DataDirLockedError, acquireLock } from '../host/persistence/lock';
import { defaultDataDir, kubelabVersion, labsDir } from '../host/paths';
import { decodeSnapshot, encodeSnapshot, readWorkspace, validateState, SnapshotError } from '../host/snapshots';
import { clusterExtras, clusterMetadata, extrasOf, inspectSnapshot, validateExtras, withPack, type SnapshotInfo } from '../host/snapshotOps';
import { UsageError, intOption, type CommandSpec } from './commands';
import { DATA_OPTION, labError, labRequest } from './labClient';
import { findLesson, lessonSnapshot } from './lessonSnapshot';

/** The summary `inspect` prints. */
export function describeSnapshot(file: string, i: SnapshotInfo): string {
  const m = i.metadata;
  const p = i.progress;
  const lines = [
    `File:        ${file}`,
    `Title:       ${m.title}`,
    ...(m.description ? [`Description: ${m.description}`] : []),
    ...(m.author ? [`Author:      ${m.author}`] : []),
    `Created:     ${m.created}  (KubeLab ${i.kubelab}, format ${i.format})`,
    ...(m.lesson ? [`Lesson:      ${m.lesson}${m.step !== undefined ? ` step ${m.step}` : ''}`] : []),
    ...(p?.lesson ? [`Progress:    ${p.lesson} at step ${p.step ?? 1}, ${p.finished} step(s) done`] : []),
    `Cluster:     ${m.workers + 1} nodes, seed ${m.seed}, clock ${m.clock}`,
    `Checksum:    SHA-256 verified`,
    `Objects:     ${m.objects}`,
    ...Object.entries(i.resources)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([r, n]) => `  ${r.padEnd(40)} ${n}`),
    `Workspace:   ${i.workspace.length === 0 ? '(no files)' : i.workspace.join(', ')}`,
    `Lessons:     ${i.pack.length === 0 ? '(no lesson pack)' : `${i.pack.length} in its lesson pack`}`,
    ...i.pack.map((l) => `  ${l.id.padEnd(40)} ${l.steps} step(s)  ${l.title}`),
  ];
  return `${lines.join('\n')}\n`;
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Reads `--lessons DIR` as a lesson pack, once `kubelab lab validate` finds nothing wrong with it. */
function readPack(dir: string, builtin: string, notes: string): PackFile[] {
  if (lessonFolders(dir).length === 0) throw new SnapshotError(`${dir} holds no lesson folder (NN-name/lesson.json)`);
  const problems = packProblems(dir, lessonFolders(builtin), notes);
  if (problems.length > 0) throw new SnapshotError(`the lessons in ${dir} do not pass "kubelab lab validate":\n  ${problems.join('\n  ')}`);
  return readPackFolder(dir);
}

/** The snapshot subcommand. */
export const snapshotCommand: CommandSpec = {
  name: 'snapshot',
  summary: 'Save a cluster (or a lesson step) to a .kubelab file, open one as a new cluster, or inspect one.',
  positionals: 'save FILE | open FILE | inspect FILE',
  options: {
    data: DATA_OPTION,
    cluster: { type: 'string', placeholder: 'NAME', help: 'save: the cluster to save (default: the current one)' },
    title: { type: 'string', placeholder: 'TEXT', help: 'save: the snapshot title' },
    description: { type: 'string', placeholder: 'TEXT', help: 'save: a description for the students' },
    author: { type: 'string', placeholder: 'NAME', help: 'save: the author' },
    lesson: { type: 'string', placeholder: 'ID', help: 'save: the lesson it belongs to' },
    step: { type: 'string', placeholder: 'N', help: 'save: the lesson step (from 1) it belongs to, or --from-lesson starts at (default 1)' },
    'from-lesson': { type: 'string', placeholder: 'ID', help: 'save: the state lesson ID starts step N from (replayed on a fresh cluster; no lab needed)' },
    solved: { type: 'boolean', help: 'save --from-lesson: every step replayed (the lesson solved)' },
    labs: { type: 'string', placeholder: 'DIR', help: 'save: where the built-in lessons are (default the labs/ of KubeLab)' },
    lessons: { type: 'string', placeholder: 'DIR', help: 'save: a labs/-format folder to carry as the snapshot\'s lesson pack' },
    notes: { type: 'string', placeholder: 'DIR', help: 'save --lessons: the study notes the pack is validated against (default ../shared/notes)' },
    as: { type: 'string', placeholder: 'NAME', help: 'open: the new cluster name (default: from the title)' },
  },
  async run(values, positionals) {
    const [action, file, ...extra] = positionals;
    if (action !== 'save' && action !== 'open' && action !== 'inspect') throw new UsageError(action === undefined ? 'missing action: save, open or inspect' : `unknown snapshot action "${action}"`, snapshotCommand);
    if (file === undefined) throw new UsageError(`snapshot ${action} needs a FILE`, snapshotCommand);
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0] ?? ''}`, snapshotCommand);
    if (action !== 'save') for (const o of ['from-lesson', 'solved', 'lessons', 'labs']) if (values[o] !== undefined) throw new UsageError(`--${o} is an option of snapshot save`, snapshotCommand);
    const fromLesson = str(values['from-lesson']);
    if (values.solved === true && fromLesson === undefined) throw new UsageError('--solved needs --from-lesson', snapshotCommand);
    if (values.solved === true && values.step !== undefined) throw new UsageError('--solved and --step exclude each other', snapshotCommand);
    if (fromLesson !== undefined && (values.cluster !== undefined || values.lesson !== undefined)) throw new UsageError('--from-lesson saves no cluster: --cluster and --lesson do not apply', snapshotCommand);
    const path = resolve(file);
    const fail = (message: string) => {
      process.stderr.write(`kubelab snapshot: ${message}\n`);
      return 1;
    };
    let bytes: Buffer | undefined;
    if (action !== 'save') {
      try {
        bytes = readFileSync(path);
      } catch (e) {
        return fail(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      }
    }
    try {
      if (action === 'inspect') {
        process.stdout.write(describeSnapshot(path, inspectSnapshot(bytes as Buffer)));
        return 0;
      }
      const step = intOption(snapshotCommand, 'step', values.step, fromLesson !== undefined ? 1 : 0, 1000);
      if (values.as !== undefined) checkClusterName(String(values.as));
      const builtin = resolve(str(values.labs) ?? labsDir());
      const packDirArg = str(values.lessons);
      const pack = action === 'save' && packDirArg !== undefined ? readPack(resolve(packDirArg), builtin, resolve(str(values.notes) ?? defaultNotesDir())) : undefined;
      if (fromLesson !== undefined) {
        const lesson = findLesson(fromLesson, [...(packDirArg !== undefined ? [resolve(packDirArg)] : []), builtin]);
        const out = await lessonSnapshot(lesson, { ...(step !== undefined ? { step } : {}), solved: values.solved === true, title: str(values.title), description: str(values.description), author: str(values.author), ...(pack ? { pack } : {}), version: kubelabVersion() });
        writeFileSync(path, out.bytes);
        process.stdout.write(`saved ${path} (lesson ${lesson.id}, ${values.solved === true ? 'every step solved' : `starting at step ${out.metadata.step ?? 1} of ${lesson.steps.length}`}${pack ? `, with a lesson pack of ${lessonFolders(resolve(packDirArg as string)).length} lesson(s)` : ''})\n`);
        return 0;
      }
      const data = resolve(str(values.data) ?? defaultDataDir());
      let release: (() => void) | undefined;
      try {
        release = acquireLock(data);
      } catch (e) {
        if (!(e instanceof DataDirLockedError)) throw e;
      }
      if (!release) {
        // A lab runs on the directory: it does the work (and switches to an opened snapshot).
        if (action === 'save') {
          const res = await labRequest(data, 'POST', '/lab/v1/snapshots/save', { cluster: str(values.cluster), title: str(values.title), description: str(values.description), author: str(values.author), lesson: str(values.lesson), step });
          if (res.status !== 200) return fail(labError(res.body));
          writeFileSync(path, pack ? withPack(res.raw, pack) : res.raw);
          process.stdout.write(`saved ${path}\n`);
          return 0;
        }
        const res = await labRequest(data, 'POST', `/lab/v1/snapshots/open?use=true${values.as ? `&as=${encodeURIComponent(String(values.as))}` : ''}`, bytes);
        if (res.status !== 201) return fail(labError(res.body));
        process.stdout.write(`opened ${path} as cluster "${(res.body as { name: string }).name}" (now running)\n`);
        return 0;
      }
      try {
        const dirs = new ClusterDirs(data);
        dirs.migrateLegacy({ seed: 1, workers: 2 });
        if (action === 'save') {
          const name = str(values.cluster) ?? dirs.current();
          const state = await storedState(dirs, name, kubelabVersion());
          const extras = clusterExtras(dirs.dir(name));
          const metadata = clusterMetadata(name, state, { title: str(values.title), description: str(values.description), author: str(values.author), lesson: str(values.lesson), step }, extras.progress);
          writeFileSync(path, encodeSnapshot(kubelabVersion(), metadata, state, readWorkspace(join(dirs.dir(name), 'workspace')), { ...extras, ...(pack ? { pack } : {}) }));
          process.stdout.write(`saved ${path}\n`);
          return 0;
        }
        const snap = decodeSnapshot(bytes as Buffer);
        await validateState(snap.state);
        validateExtras(snap);
        const name = str(values.as) ?? (snap.metadata.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'snapshot');
        if (dirs.exists(name)) return fail(`a cluster named "${name}" exists already: choose another name with --as`);
        await adoptState(dirs, name, snap.state, snap.workspace, snap.metadata.title, bytes as Buffer, extrasOf(snap));
        dirs.setCurrent(name);
        process.stdout.write(`opened ${path} as cluster "${name}" (the current cluster: "kubelab serve" runs it)\n`);
        return 0;
      } finally {
        release();
      }
    } catch (e) {
      if (e instanceof SnapshotError || e instanceof ClusterError) return fail(e.message);
      throw e;
    }
  },
};
