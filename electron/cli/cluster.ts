/**
 * `kubelab cluster list|create NAME|use NAME|reset NAME|rename OLD NEW|delete NAME`: the clusters
 * of a data directory. Through the running lab's API when one runs there (so that `use` and
 * `reset` switch what it runs), else directly on disk under the directory's lock.
 */
import { resolve } from 'node:path';
import { ClusterDirs, ClusterError, type ClusterInfo } from '../host/clusters';
import { DataDirLockedError, acquireLock } from '../host/persistence/lock';
import { defaultDataDir } from '../host/paths';
import { UsageError, intOption, type CommandSpec } from './commands';
import { DATA_OPTION, labError, labRequest } from './labClient';
import { SHAPE_OPTIONS, shapeFromOptions } from './shapeOptions';

/** The clusters as a table, the current one marked with `*` as `kubectl config get-contexts` does. */
export function describeClusters(items: ClusterInfo[]): string {
  const rows = [['CURRENT', 'NAME', 'NODES', 'SEED', 'CREATED', 'FROM'], ...items.map((c) => [c.current ? '*' : '', c.name, String(c.workers + 1), String(c.seed), c.created.replace(/\.\d+Z$/, 'Z'), c.fromSnapshot ?? ''])];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => `${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3))).join('')}`.trimEnd() + '\n').join('');
}

const ACTIONS: Record<string, number> = { list: 0, create: 1, use: 1, reset: 1, rename: 2, delete: 1 };

/** The cluster subcommand. */
export const clusterCommand: CommandSpec = {
  name: 'cluster',
  summary: 'List, create, switch, reset, rename or delete the clusters of a data directory.',
  positionals: 'list | create NAME | use NAME | reset NAME | rename OLD NEW | delete NAME',
  options: {
    data: DATA_OPTION,
    nodes: { type: 'string', placeholder: 'N', help: 'worker nodes of a new cluster (create; default 2)' },
    seed: { type: 'string', placeholder: 'N', help: 'random seed of a new cluster (create; default 1)' },
    empty: { type: 'boolean', help: 'a cluster of machines only (create): build it with kubeadm init and kubeadm join on the nodes (ssh NODE in the shell)' },
    ...SHAPE_OPTIONS,
  },
  async run(values, positionals) {
    const [action = 'list', ...args] = positionals;
    const expected = ACTIONS[action];
    if (expected === undefined) throw new UsageError(`unknown cluster action "${action}"`, clusterCommand);
    if (args.length !== expected) throw new UsageError(args.length < expected ? `cluster ${action} needs ${expected === 2 ? 'OLD and NEW names' : 'a cluster name'}` : `unexpected argument ${args[expected] ?? ''}`, clusterCommand);
    const workers = intOption(clusterCommand, 'nodes', values.nodes, 0, 100) ?? 2;
    const seed = intOption(clusterCommand, 'seed', values.seed, 0, 2 ** 32 - 1) ?? 1;
    const shape = shapeFromOptions(clusterCommand, values);
    const data = resolve(typeof values.data === 'string' ? values.data : defaultDataDir());
    const [name = '', to = ''] = args;
    let release: (() => void) | undefined;
    try {
      release = acquireLock(data);
    } catch (e) {
      if (!(e instanceof DataDirLockedError)) throw e;
    }
    if (release) {
      // No lab runs here: act on the files.
      try {
        const dirs = new ClusterDirs(data);
        dirs.migrateLegacy({ seed: 1, workers: 2 });
        if (action === 'create') dirs.create({ name, seed, workers, ...(shape ? { shape } : {}), ...(values.empty === true ? { empty: true } : {}) });
        else if (action === 'use') dirs.setCurrent(name);
        else if (action === 'reset') dirs.clearState(name);
        else if (action === 'rename') dirs.rename(name, to);
        else if (action === 'delete') {
          if (dirs.current() === name) throw new ClusterError(`cluster "${name}" is the current one: use another cluster before deleting it`, 409);
          dirs.delete(name);
        }
        process.stdout.write(describeClusters(dirs.list()));
        return 0;
      } catch (e) {
        if (e instanceof ClusterError) {
          process.stderr.write(`kubelab cluster: ${e.message}\n`);
          return 1;
        }
        throw e;
      } finally {
        release();
      }
    }
    const path = `/lab/v1/clusters${name ? `/${encodeURIComponent(name)}` : ''}${action === 'list' || action === 'create' || action === 'delete' ? '' : `/${action}`}`;
    const res =
      action === 'list'
        ? await labRequest(data, 'GET', '/lab/v1/clusters')
        : action === 'create'
          ? await labRequest(data, 'POST', '/lab/v1/clusters', { name, nodes: workers, seed, ...(shape ? { shape } : {}), ...(values.empty === true ? { empty: true } : {}) })
          : action === 'delete'
            ? await labRequest(data, 'DELETE', path)
            : await labRequest(data, 'POST', path, action === 'rename' ? { to } : {});
    if (res.status >= 300) {
      process.stderr.write(`kubelab cluster: ${labError(res.body)}\n`);
      return 1;
    }
    const items = action === 'create' ? ((await labRequest(data, 'GET', '/lab/v1/clusters')).body as { items: ClusterInfo[] }).items : (res.body as { items: ClusterInfo[] }).items;
    process.stdout.write(describeClusters(items));
    return 0;
  },
};
