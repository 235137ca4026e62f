/**
 * The kubelet's log endpoint (GetContainerLogs → validateContainerLogStatus): which instance's
 * log a request reads — the running one, the last terminated one, `--previous` — and the
 * kubelet's refusals (`container "web" in pod "web" is waiting to start: ContainerCreating`,
 * `previous terminated container "web" in pod "web" not found`).
 */
import type { LogAnswer, PodLogQuery } from '../apiserver/podLogs';
import type { ContainerRecord } from './podState';
import type { PodWorker } from './podWorker';
import type { SimContainer } from './runtime/container';
import { formatLine, formatLines } from './runtime/logs';

/** The instance whose log a request reads; throws with the kubelet's message when there is none. */
export function logInstance(pod: string, r: ContainerRecord, previous: boolean): SimContainer {
  const name = r.spec.name;
  const inst = r.instance;
  if (previous) {
    // The previous instance: the one before the current, or the exited one a restart waits to replace.
    const prev = inst?.state === 'exited' && r.waiting ? inst : r.previous;
    if (!prev || (prev === inst && !inst.exit)) throw new Error(`previous terminated container "${name}" in pod "${pod}" not found`);
    return prev;
  }
  if (inst && (inst.state === 'running' || inst.state === 'exited')) return inst;
  if (r.previous) return r.previous;
  const reason = r.waiting?.reason ?? (r.init ? 'PodInitializing' : 'ContainerCreating');
  if (reason === 'ErrImagePull') throw new Error(`container "${name}" in pod "${pod}" is waiting to start: image can't be pulled`);
  if (reason === 'ImagePullBackOff') throw new Error(`container "${name}" in pod "${pod}" is waiting to start: trying and failing to pull image`);
  throw new Error(`container "${name}" in pod "${pod}" is waiting to start: ${reason}`);
}

/** A container's log as the kubelet answers it. */
export function containerLogs(w: PodWorker, containerName: string, q: PodLogQuery, now: number): LogAnswer {
  const pod = w.pod.metadata.name ?? '';
  const r = w.record(containerName);
  if (!r) throw new Error(`container ${containerName} is not valid for pod ${pod}`);
  const inst = logInstance(pod, r, q.previous);
  const lines = inst.log.select(q, now);
  const answer: LogAnswer = { text: formatLines(lines, q) };
  if (q.follow && inst.state === 'running') {
    answer.follow = (onText, onEnd) => inst.log.follow((l) => onText(formatLine(l, q)), onEnd);
  }
  return answer;
}
