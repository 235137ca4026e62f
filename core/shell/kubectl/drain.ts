/**
 * `kubectl drain NODE|-l SEL`: cordons the node, then evicts its pods through the Eviction API
 * (so that PodDisruptionBudgets hold it back: `error when evicting pods/"x" -n "ns" (will retry
 * after 5s): Cannot evict pod as it would violate the pod's disruption budget.`), waiting for
 * each to be gone (`pod/x evicted`), then `node/x drained`. The filters and refusals are kubectl's
 * (pkg/drain): mirror pods skipped; DaemonSet pods refused unless `--ignore-daemonsets`; pods with
 * emptyDir refused unless `--delete-emptydir-data`; pods without a controller refused unless
 * `--force`. `--disable-eviction` deletes instead; `--dry-run`, `--grace-period`, `--timeout`,
 * `--pod-selector`, `--skip-wait-for-delete-timeout` as kubectl. Waits use the front end's clock
 * (ShellDeps.sleep); the pods are evicted concurrently, as kubectl's goroutines do.
 */
import { parseLabelSelector } from '../../api/labels';
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { DRY_RUN_FLAG, Waiter, checkErrText, dryRunOf, durationFlag, type DryRun, type Failure } from './mutate';
import { clone, listObjects } from './resources';
import { resourcePath, type ApiType } from './discovery';
import { goDuration, podsForDeletion, type Pod } from './drainFilters';

const NODES = { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false } as ApiType;
const PODS = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true } as ApiType;

interface Options {
  flags: Flags;
  dry: DryRun;
  grace: number;
  timeout: number;
  skipWait: number;
  disableEviction: boolean;
}

const suffix = (dry: DryRun) => (dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '');

/** RunCordonOrUncordon(true): `node/x cordoned`, or `already cordoned`. */
async function cordonNodes(k: Kubectl, nodes: KubeObject[], dry: DryRun): Promise<void> {
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    if ((node as { spec?: { unschedulable?: boolean } }).spec?.unschedulable) {
      k.io.out(`node/${name} already cordoned${suffix(dry)}\n`);
      continue;
    }
    if (dry !== 'client') {
      const r = await k.send('PATCH', resourcePath(NODES, undefined, name), dry === 'server' ? { dryRun: 'All' } : {}, { spec: { unschedulable: true } }, 'application/strategic-merge-patch+json');
      if (r.status >= 400) {
        k.io.err(`error: unable to cordon node ${JSON.stringify(name)}: ${(r.body as { message?: string }).message ?? ''}\n`);
        continue;
      }
    }
    k.io.out(`node/${name} cordoned${suffix(dry)}\n`);
  }
}

/** The DeleteOptions of an eviction or a deletion. */
function deleteOptions(o: Options): Record<string, unknown> {
  return { ...(o.grace >= 0 ? { gracePeriodSeconds: o.grace } : {}), ...(o.dry === 'server' ? { dryRun: ['All'] } : {}) };
}

/** Whether the server serves `pods/eviction` (CheckEvictionSupport reads the v1 discovery). */
async function evictionSupported(k: Kubectl): Promise<boolean> {
  const r = await k.send('GET', '/api/v1');
  if (r.status >= 400) throw new CommandError(checkErrText({ status: r.body }));
  return ((r.body as { resources?: { name?: string; kind?: string; group?: string; version?: string }[] }).resources ?? []).some((x) => x.name === 'pods/eviction' && x.kind === 'Eviction' && !!x.group && !!x.version);
}

/** waitForDelete for one pod: polls every second until it is gone (or replaced); `pod/x evicted|deleted`. */
async function waitGone(k: Kubectl, o: Options, waiter: Waiter, pod: Pod, verb: string, limit: number): Promise<string | undefined> {
  const result = await waiter.poll(1000, limit, async () => {
    const r = await k.send('GET', resourcePath(PODS, pod.metadata.namespace, pod.metadata.name));
    if (r.status === 404 || (r.status < 400 && (r.body as KubeObject).metadata.uid !== pod.metadata.uid)) {
      k.io.out(`pod/${pod.metadata.name ?? ''} ${verb}${suffix(o.dry)}\n`);
      return true;
    }
    if (r.status >= 400) throw new Error((r.body as { message?: string }).message ?? '');
    const deleting = (r.body as KubeObject).metadata.deletionTimestamp;
    const now = k.deps.now?.();
    if (o.skipWait > 0 && deleting && now !== undefined && now - Date.parse(deleting) > o.skipWait * 1000) {
      k.io.out(`pod ${JSON.stringify(pod.metadata.name ?? '')} has DeletionTimestamp older than ${o.skipWait} seconds, skipping\n`);
      return true;
    }
    return false;
  });
  if (result === 'timeout') return 'context deadline exceeded';
  if (result === 'aborted') return 'context canceled';
  return undefined;
}

/** evictPods: each pod evicted (retrying while a budget forbids it) and waited for, concurrently. */
async function evictPods(k: Kubectl, o: Options, pods: Pod[]): Promise<string[]> {
  const results = await Promise.all(
    pods.map(async (pod): Promise<string | undefined> => {
      const waiter = new Waiter(k);
      const name = pod.metadata.name ?? '';
      const ns = pod.metadata.namespace ?? '';
      const limit = o.timeout > 0 ? o.timeout : 0;
      for (;;) {
        k.io.out(`evicting pod ${ns}/${name}${o.dry === 'server' ? ' (server dry run)' : ''}\n`);
        if (limit > 0 && waiter.elapsed >= limit) return `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: global timeout reached: ${goDuration(limit)}`;
        const eviction = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns }, deleteOptions: deleteOptions(o) };
        const r = await k.send('POST', resourcePath(PODS, ns, name, 'eviction'), {}, eviction);
        if (r.status < 400) break;
        const status = r.body as { message?: string; reason?: string; details?: { causes?: { type?: string; reason?: string }[] } };
        if (r.status === 404) return undefined;
        if (r.status === 429) {
          k.io.err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)} (will retry after 5s): ${status.message ?? ''}\n`);
          if (!(await waiter.sleep(5000))) return 'context canceled';
          continue;
        }
        const terminating = r.status === 403 && (status.details?.causes ?? []).some((c) => (c.type ?? c.reason) === 'NamespaceTerminating');
        if (terminating && pod.metadata.deletionTimestamp) break;
        if (terminating) {
          k.io.err(`error when evicting pod ${JSON.stringify(name)} from terminating namespace ${JSON.stringify(ns)} (will retry after 5s): ${status.message ?? ''}\n`);
          if (!(await waiter.sleep(5000))) return 'context canceled';
          continue;
        }
        return `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)}: ${status.message ?? ''}`;
      }
      if (o.dry === 'server') return undefined;
      const err = await waitGone(k, o, waiter, pod, 'evicted', limit > 0 ? Math.max(limit - waiter.elapsed, 1) : 0);
      return err ? `error when waiting for pod ${JSON.stringify(name)} in namespace ${JSON.stringify(ns)} to terminate: ${err}` : undefined;
    }),
  );
  return results.filter((e): e is string => e !== undefined);
}

/** deletePods: every pod deleted, then waited for. */
async function deletePods(k: Kubectl, o: Options, pods: Pod[]): Promise<string[]> {
  for (const pod of pods) {
    const r = await k.send('DELETE', resourcePath(PODS, pod.metadata.namespace, pod.metadata.name), {}, deleteOptions(o));
    if (r.status >= 400 && r.status !== 404) return [(r.body as { message?: string }).message ?? ''];
  }
  const errors: string[] = [];
  await Promise.all(
    pods.map(async (pod) => {
      const err = await waitGone(k, o, new Waiter(k), pod, 'deleted', o.timeout);
      if (err) errors.push(err);
    }),
  );
  return errors;
}

/** Drains one node; answers the errors that stopped it (an aggregate, as kubectl's). */
async function drainNode(k: Kubectl, o: Options, node: string): Promise<string[] | undefined> {
  const podSelector = o.flags.str('pod-selector');
  const list = await podsForDeletion(k, node, podSelector, o.flags.bool('force'), o.flags.bool('ignore-daemonsets'), o.flags.bool('delete-emptydir-data'));
  if (list.errors.length > 0) return list.errors;
  if (list.warnings) k.io.err(`Warning: ${list.warnings}\n`);
  if (o.dry === 'client') {
    for (const pod of list.pods) k.io.out(`evicting pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} (dry run)\n`);
    return undefined;
  }
  if (list.pods.length === 0) return undefined;
  const errors = !o.disableEviction && (await evictionSupported(k)) ? await evictPods(k, o, list.pods) : await deletePods(k, o, list.pods);
  if (errors.length === 0) return undefined;
  const pending = await podsForDeletion(k, node, podSelector, o.flags.bool('force'), o.flags.bool('ignore-daemonsets'), o.flags.bool('delete-emptydir-data'));
  const text = aggregateText(errors);
  if (pending.pods.length > 0) {
    k.io.err(`There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${text}\n`);
    for (const p of pending.pods) k.io.err(`pod/${p.metadata.name ?? ''}\n`);
  }
  if (pending.errors.length > 0) k.io.err(`Following errors occurred while getting the list of pods to delete:\n${aggregateText(pending.errors)}`);
  return errors;
}

/** `kubectl drain`. */
export async function drain(k: Kubectl, args: string[]): Promise<void> {
  const command = 'kubectl drain';
  const flags = new Flags(
    parseFlags(command, args, {
      ...DRY_RUN_FLAG,
      force: { kind: 'bool' },
      'ignore-daemonsets': { kind: 'bool' },
      'delete-emptydir-data': { kind: 'bool' },
      'grace-period': { kind: 'int', default: -1 },
      timeout: { kind: 'string' },
      'pod-selector': { kind: 'string' },
      'disable-eviction': { kind: 'bool' },
      'skip-wait-for-delete-timeout': { kind: 'int', default: 0 },
      'chunk-size': { kind: 'int', default: 500 },
      selector: { kind: 'string', short: 'l' },
    }),
  );
  const timeout = durationFlag(flags, 'timeout', command);
  const names = flags.positional;
  if (names.length === 0 && !flags.has('selector')) throw new CommandError(`error: USAGE: drain NODE [flags]\nSee '${command} -h' for help and examples`);
  if (names.length > 0 && flags.str('selector')) throw new CommandError(`error: cannot specify both a node name and a --selector option\nSee '${command} -h' for help and examples`);
  const dry = dryRunOf(k, flags);
  if (flags.str('pod-selector')) {
    try {
      parseLabelSelector(flags.str('pod-selector'));
    } catch {
      throw new CommandError('error: --pod-selector=<pod_selector> must be a valid label selector');
    }
  }
  const nodes: KubeObject[] = [];
  if (flags.str('selector') || names.length === 0) nodes.push(...(await listObjects(k, NODES, undefined, flags.str('selector') ? { labelSelector: flags.str('selector') } : {})));
  for (const name of names) {
    const r = await k.send('GET', resourcePath(NODES, undefined, name));
    if (r.status >= 400) throw new CommandError(checkErrText({ status: r.body } as Failure));
    nodes.push(clone(r.body as KubeObject));
  }
  const o: Options = { flags, dry, grace: flags.int('grace-period', -1), timeout, skipWait: flags.int('skip-wait-for-delete-timeout', 0), disableEviction: flags.bool('disable-eviction') };
  await cordonNodes(k, nodes, dry);
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const errors = await drainNode(k, o, name);
    if (errors === undefined) {
      k.io.out(`node/${name} drained${suffix(dry)}\n`);
      continue;
    }
    k.io.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${aggregateText(errors)}, continuing command...\n`);
    fatal.push(errors);
    remaining.push(name);
  }
  if (remaining.length > 0) k.io.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
  // CheckErr unwraps an aggregate of one and prints each error of the inner aggregate on its line.
  if (fatal.length === 1) throw new CommandError((fatal[0] as string[]).join('\n'));
  if (fatal.length > 1) throw new CommandError(fatal.map(aggregateText).join('\n'));
}

/** utilerrors.Aggregate's Error(): one message, or `[a, b]` (duplicates once). */
function aggregateText(errors: string[]): string {
  const unique = [...new Set(errors)];
  return unique.length === 1 ? (unique[0] as string) : `[${unique.join(', ')}]`;
}
