/**
 * `kubelab snapshot save FILE | open FILE | inspect FILE`: a cluster in one `.kubelab` file.
 * Through the running lab's API when a lab runs on the data directory, else on disk under the
 * directory's lock.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { adoptState, storedState } from '../host/activeCluster';
import { ClusterDirs, ClusterError, checkClusterName } from '../host/clusters';
import { DataDirLockedError, acquireLock } from '../host/persistence/lock';
import { defaultDataDir, kubelabVersion } from '../host/paths';
import { decodeSnapshot, encodeSnapshot, readWorkspace, validateState, SnapshotError, type SnapshotMetadata } from '../host/snapshots';
import { inspectSnapshot, type SnapshotInfo } from '../host/snapshotOps';
import { rfc3339 } from '../../core/api/duration';
import { join } from 'node:path';
import { UsageError, intOption, type CommandSpec } from './commands';
import { DATA_OPTION, labError, labRequest } from './labClient';

/** The summary `inspect` prints. */
export function describeSnapshot(file: string, i: SnapshotInfo): string {
  const m = i.metadata;
  const lines = [
    `File:        ${file}`,
    `Title:       ${m.title}`,
    ...(m.description ? [`Description: ${m.description}`] : []),
    ...(m.author ? [`Author:      ${m.author}`] : []),
    `Created:     ${m.created}  (KubeLab ${i.kubelab}, format ${i.format})`,
    ...(m.lesson ? [`Lesson:      ${m.lesson}${m.step !== undefined ? ` step ${m.step}` : ''}`] : []),
    `Cluster:     ${m.workers + 1} nodes, seed ${m.seed}, clock ${m.clock}`,
    `Checksum:    SHA-256 verified`,
    `Objects:     ${m.objects}`,
    ...Object.entries(i.resources)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([r, n]) => `  ${r.padEnd(40)} ${n}`),
    `Workspace:   ${i.workspace.length === 0 ? '(no files)' : i.workspace.join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The snapshot subcommand. */
export const snapshotCommand: CommandSpec = {
  name: 'snapshot',
  summary: 'Save a cluster to a .kubelab file, open one as a new cluster, or inspect one.',
  positionals: 'save FILE | open FILE | inspect FILE',
  options: {
    data: DATA_OPTION,
    cluster: { type: 'string', placeholder: 'NAME', help: 'save: the cluster to save (default: the current one)' },
    title: { type: 'string', placeholder: 'TEXT', help: 'save: the snapshot title' },
    description: { type: 'string', placeholder: 'TEXT', help: 'save: a description for the students' },
    author: { type: 'string', placeholder: 'NAME', help: 'save: the author' },
    lesson: { type: 'string', placeholder: 'ID', help: 'save: the lesson it belongs to' },
    step: { type: 'string', placeholder: 'N', help: 'save: the lesson step it belongs to' },
    as: { type: 'string', placeholder: 'NAME', help: 'open: the new cluster name (default: from the title)' },
  },
  async run(values, positionals) {
    const [action, file, ...extra] = positionals;
    if (action !== 'save' && action !== 'open' && action !== 'inspect') throw new UsageError(action === undefined ? 'missing action: save, open or inspect' : `unknown snapshot action "${action}"`, snapshotCommand);
    if (file === undefined) throw new UsageError(`snapshot ${action} needs a FILE`, snapshotCommand);
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0] ?? ''}`, snapshotCommand);
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
      const step = intOption(snapshotCommand, 'step', values.step, 0, 1000);
      if (values.as !== undefined) checkClusterName(String(values.as));
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
          writeFileSync(path, res.raw);
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
          const metadata: SnapshotMetadata = {
            title: str(values.title) ?? `${name} ${rfc3339(state.cluster.clock)}`,
            created: new Date().toISOString(),
            clock: rfc3339(state.cluster.clock),
            seed: state.cluster.seed,
            workers: state.cluster.workers,
            objects: state.store.entries.length,
            ...(str(values.description) ? { description: str(values.description) } : {}),
            ...(str(values.author) ? { author: str(values.author) } : {}),
            ...(str(values.lesson) ? { lesson: str(values.lesson) } : {}),
            ...(step !== undefined ? { step } : {}),
          };
          writeFileSync(path, encodeSnapshot(kubelabVersion(), metadata, state, readWorkspace(join(dirs.dir(name), 'workspace'))));
          process.stdout.write(`saved ${path}\n`);
          return 0;
        }
        const snap = decodeSnapshot(bytes as Buffer);
        await validateState(snap.state);
        const name = str(values.as) ?? (snap.metadata.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'snapshot');
        if (dirs.exists(name)) return fail(`a cluster named "${name}" exists already: choose another name with --as`);
        await adoptState(dirs, name, snap.state, snap.workspace, snap.metadata.title, bytes as Buffer);
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
