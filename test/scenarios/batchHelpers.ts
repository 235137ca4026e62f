/**
 * Helpers of the Job, CronJob and HPA scenarios: Jobs of busybox pods (the kubelet runs their
 * commands: `sleep 5` succeeds after 5 s, `exit 1` fails), the pods of a Job, the events of an
 * object, and what `kubectl get` prints.
 */
import type { Job, Pod } from '../../core/api/types';
import type { Table } from '../../core/apiserver/table';
import type { Scenario } from './harness';

/** The Accept header of `kubectl get`. */
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** A Table as kubectl prints it: upper-case headers, columns padded by 3 (tabwriter), the wide ones left out. */
function printTable(table: Table): string {
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => c.priority === 0);
  const rows = [cols.map(({ c }) => c.name.toUpperCase()), ...table.rows.map((r) => cols.map(({ i }) => (r.cells[i] === undefined || r.cells[i] === null ? '<none>' : String(r.cells[i]))))];
  const widths = cols.map((_c, k) => Math.max(6, ...rows.map((r) => (r[k] ?? '').length + 3)));
  return rows.map((r) => `${r.map((cell, k) => (k === r.length - 1 ? cell : cell.padEnd(widths[k] ?? 0))).join('')}\n`).join('');
}

const PATHS: Record<string, string> = {
  jobs: '/apis/batch/v1/namespaces/default/jobs',
  cronjobs: '/apis/batch/v1/namespaces/default/cronjobs',
  hpa: '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers',
  pods: '/api/v1/namespaces/default/pods',
};

/**
 * What `kubectl get <type>` prints in the default namespace: the bundled shell's output; when
 * the shell does not know the type yet (it resolved only core/v1 types so far), the API
 * server's Table asked for exactly as kubectl asks (the same Accept header), printed as
 * kubectl prints it.
 */
export async function kubectlGet(s: Scenario, type: 'jobs' | 'cronjobs' | 'hpa' | 'pods'): Promise<string> {
  const viaShell = await s.kubectl(`kubectl get ${type}`);
  if (!viaShell.err.includes("doesn't have a resource type")) return viaShell.out + viaShell.err;
  const res = await s.cluster.handle({ method: 'GET', path: PATHS[type] as string, query: {}, headers: { accept: TABLE_ACCEPT }, user: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
  if ('stream' in res) throw new Error('unexpected stream');
  const table = res.body as Table;
  return table.rows.length === 0 ? 'No resources found in default namespace.\n' : printTable(table);
}

/** A Job of busybox pods running `script` (restartPolicy Never). */
export function busyboxJob(name: string, script: string, spec: Partial<Job['spec']> = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { template: { spec: { containers: [{ name, image: 'busybox:1.36', command: ['sh', '-c', script] }], restartPolicy: 'Never' } }, ...spec },
  };
}

/** When a finished pod's containers terminated (the latest finishedAt). */
export function finishedAt(pod: Pod): number {
  return Math.max(...(pod.status?.containerStatuses ?? []).map((c) => Date.parse(c.state.terminated?.finishedAt ?? '') || 0));
}

/** The pods of a Job (by its `batch.kubernetes.io/job-name` label), by creation then name. */
export async function jobPods(s: Scenario, job: string, namespace = 'default'): Promise<Pod[]> {
  const list = await s.client.list<Pod>({ resource: 'pods', namespace }, { labelSelector: `batch.kubernetes.io/job-name=${job}` });
  return list.items.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
}

/** Waits until the Job has `n` running pods and returns them (the others it has finished). */
export async function untilRunning(s: Scenario, job: string, n: number, namespace = 'default'): Promise<Pod[]> {
  return s.until(async () => {
    const running = (await jobPods(s, job, namespace)).filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
    return running.length >= n ? running : undefined;
  });
}

/** The events of an object, oldest first, as `reason: message`. */
export async function eventsOf(s: Scenario, kind: string, name: string, namespace = 'default'): Promise<string[]> {
  const list = await s.client.list({ resource: 'events', namespace }, { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` });
  return (list.items as unknown as { reason: string; message: string; firstTimestamp: string; metadata: { name: string } }[])
    .sort((a, b) => a.firstTimestamp.localeCompare(b.firstTimestamp) || a.metadata.name.localeCompare(b.metadata.name))
    .map((e) => `${e.reason}: ${e.message}`);
}
