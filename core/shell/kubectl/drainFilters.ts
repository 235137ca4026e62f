/**
 * The pods `kubectl drain` deletes from a node, and why it refuses or skips the others — the
 * filters of kubectl's pkg/drain in their order: pods past `--skip-wait-for-delete-timeout`,
 * DaemonSet pods (refused, or skipped with `--ignore-daemonsets`; deleted with `--force` when
 * their DaemonSet is gone), mirror pods (skipped), pods with emptyDir volumes (refused unless
 * `--delete-emptydir-data`), pods without a controller (refused unless `--force`). Finished pods
 * always go.
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { resourcePath, type ApiType } from './discovery';
import { listObjects } from './resources';

/** A pod as drain reads it. */
export type Pod = KubeObject & {
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
};

const PODS = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true } as ApiType;
const DAEMONSETS = { group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet', namespaced: true } as ApiType;

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

type Status = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string };
const okay: Status = { delete: true, reason: 'Okay' };

/** The pods to delete, the warnings (`ignoring DaemonSet-managed Pods: ns/a, ns/b; ...`) and the refusals. */
export interface PodDeleteList {
  pods: Pod[];
  warnings: string;
  errors: string[];
}

function finished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function controllerOf(pod: Pod): { kind?: string; name?: string } | undefined {
  return (pod.metadata.ownerReferences ?? []).find((r) => r.controller) as { kind?: string; name?: string } | undefined;
}

/** GetPodsForDeletion: the node's pods (`--pod-selector`), through the filters. */
export async function podsForDeletion(k: Kubectl, node: string, podSelector: string, force: boolean, ignoreDaemonSets: boolean, deleteEmptyDir: boolean): Promise<PodDeleteList> {
  const query: Record<string, string> = { fieldSelector: `spec.nodeName=${node}` };
  if (podSelector) query['labelSelector'] = podSelector;
  const pods = (await listObjects(k, PODS, undefined, query)) as Pod[];
  const daemonSet = async (pod: Pod): Promise<Status> => {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'DaemonSet') return okay;
    if (finished(pod)) return okay;
    const r = await k.send('GET', resourcePath(DAEMONSETS, pod.metadata.namespace, ref.name ?? ''));
    if (r.status >= 400) {
      const message = (r.body as { message?: string }).message ?? '';
      if (r.status === 404 && force) return { delete: true, reason: 'Warning', message };
      return { delete: false, reason: 'Error', message };
    }
    return ignoreDaemonSets ? { delete: false, reason: 'Warning', message: DAEMONSET_WARNING } : { delete: false, reason: 'Error', message: DAEMONSET_FATAL };
  };
  const filters: ((pod: Pod) => Promise<Status> | Status)[] = [
    daemonSet,
    (pod) => (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, reason: 'Skip' } : okay),
    (pod) => {
      if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir)) return okay;
      if (finished(pod)) return okay;
      return deleteEmptyDir ? { delete: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING } : { delete: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
    },
    (pod) => {
      if (finished(pod) || controllerOf(pod)) return okay;
      return force ? { delete: true, reason: 'Warning', message: UNMANAGED_WARNING } : { delete: false, reason: 'Error', message: UNMANAGED_FATAL };
    },
  ];
  const out: PodDeleteList = { pods: [], warnings: '', errors: [] };
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  for (const pod of pods) {
    let status: Status = okay;
    for (const f of filters) {
      status = await f(pod);
      if (!status.delete) break;
    }
    const id = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
    if (status.delete) out.pods.push(pod);
    if (status.reason === 'Warning') warnings.set(status.message ?? '', [...(warnings.get(status.message ?? '') ?? []), id]);
    if (status.reason === 'Error') errors.set(status.message || 'unexpected error', [...(errors.get(status.message || 'unexpected error') ?? []), id]);
  }
  out.warnings = [...warnings].map(([m, ids]) => `${m}: ${ids.join(', ')}`).join('; ');
  out.errors = [...errors].map(([m, ids]) => `cannot delete ${m}: ${ids.join(', ')}`);
  return out;
}

/** time.Duration.String(): `1m0s`, `30s`, `1h0m0s`, `500ms`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds - h * 3600 - m * 60;
  const sec = `${Number.isInteger(s) ? s : Number(s.toFixed(9))}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}
