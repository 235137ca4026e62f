/** Helpers of the kubelet scenarios: pods to create, `kubectl get pods` rows, events and logs. */
import type { KubeObject, Pod } from '../../core/api/types';
import { ref, type Scenario } from './harness';

/** A pod in `default` with the given spec. */
export function pod(name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...metadata }, spec: spec as Pod['spec'] };
}

/** Creates a pod in `default`. */
export async function createPod(s: Scenario, p: Pod): Promise<void> {
  await s.client.create(ref('pods', 'default'), p);
}

/** The READY, STATUS and RESTARTS columns of a pod as `kubectl get pods` prints them (undefined: not listed). */
export async function row(s: Scenario, name: string): Promise<{ ready: string; status: string; restarts: string } | undefined> {
  const out = (await s.kubectl('kubectl get pods')).out;
  const line = out.split('\n').find((l) => l.split(/\s+/)[0] === name);
  if (!line) return undefined;
  const cols = line.split(/\s{2,}/);
  return { ready: cols[1] ?? '', status: cols[2] ?? '', restarts: cols[3] ?? '' };
}

/** Advances until the pod's STATUS column is `status`; returns the row. */
export async function untilStatus(s: Scenario, name: string, status: string, maxMs = 120_000) {
  return s.until(async () => {
    const r = await row(s, name);
    return r?.status === status ? r : undefined;
  }, maxMs);
}

/** When an event happened first (events.k8s.io ones have an eventTime, core/v1 ones a firstTimestamp), to the second. */
function when(e: KubeObject): number {
  return Math.floor(Date.parse(String(e['firstTimestamp'] ?? e['eventTime'] ?? '')) / 1000);
}

/** The events about a pod (oldest first), as `reason: message`. */
export async function podEvents(s: Scenario, name: string): Promise<string[]> {
  const list = await s.client.list<KubeObject>(ref('events', 'default'));
  return list.items
    .filter((e) => (e['involvedObject'] as { name?: string }).name === name)
    .sort((a, b) => when(a) - when(b) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${String(e['reason'])}: ${String(e['message'])}`);
}

/** GET pods/NAME/log as kubernetes-admin: the status and the text (or the Status message). */
export async function logs(s: Scenario, name: string, query: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await s.cluster.handle({ method: 'GET', path: `/api/v1/namespaces/default/pods/${name}/log`, query, headers: {}, user: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
  if ('stream' in res) throw new Error('unexpected stream');
  const body = res.body;
  if (body instanceof Uint8Array) return { status: res.status, text: Buffer.from(body).toString('utf8') };
  return { status: res.status, text: String((body as { message?: string }).message) };
}

/** The pod as the API has it. */
export function getPod(s: Scenario, name: string): Promise<Pod> {
  return s.client.get<Pod>(ref('pods', 'default', name));
}
