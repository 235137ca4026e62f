/**
 * The pod status a kubelet 1.32 reports (pkg/kubelet/status/generate.go, kubelet_pods.go
 * getPhase and convertToAPIContainerStatuses): the phase from the containers' states, the
 * conditions PodReadyToStartContainers, Initialized, Ready, ContainersReady (keeping each
 * one's lastTransitionTime while its status stays), IPs, and each container's state, lastState,
 * restartCount, image and ids.
 */
import { rfc3339 } from '../api/duration';
import type { Condition, ContainerState, ContainerStatus, Pod, PodStatus } from '../api/types';
import { mountStatuses } from './mounts';
import { terminated, type ContainerRecord, type PodState, type Terminated } from './podState';

function terminatedState(t: Terminated): ContainerState {
  const s: NonNullable<ContainerState['terminated']> & { containerID?: string } = { exitCode: t.exitCode, reason: t.reason };
  if (t.message) s.message = t.message;
  s.startedAt = rfc3339(t.startedAt);
  s.finishedAt = rfc3339(t.finishedAt);
  s.containerID = t.containerID;
  return { terminated: s };
}

/** The status of one container. */
export function containerStatus(r: ContainerRecord, defaultWaiting: string): ContainerStatus {
  const inst = r.instance;
  let state: ContainerState;
  let last: Terminated | undefined = r.lastTerminated;
  if (inst && inst.state === 'running') state = { running: { startedAt: rfc3339(inst.startedAt) } };
  else if (r.waiting) {
    state = { waiting: r.waiting.message ? { reason: r.waiting.reason, message: r.waiting.message } : { reason: r.waiting.reason } };
    if (inst && inst.state === 'exited') last = terminated(inst);
  } else if (inst && inst.state === 'exited') state = terminatedState(terminated(inst) as Terminated);
  else state = { waiting: { reason: defaultWaiting } };
  const s: ContainerStatus = {
    name: r.spec.name,
    state,
    lastState: last ? terminatedState(last) : {},
    ready: r.ready && inst?.state === 'running',
    restartCount: r.restartCount,
    image: r.image ? `${r.image.def.repository}:${r.image.tag}` : (r.spec.image ?? ''),
    imageID: r.image && inst ? `${r.image.def.repository}@${r.image.digest}` : '',
  };
  if (inst) s.containerID = `containerd://${inst.id}`;
  s.started = inst?.state === 'running' && r.started;
  Object.assign(s, mountStatuses(r.spec));
  return s;
}

/** The phase (getPhase): Pending while initializing or waiting, Running, Succeeded or Failed. */
export function podPhase(state: PodState, restartPolicy: string): NonNullable<PodStatus['phase']> {
  if (state.finished) return state.finished;
  const inits = state.records.filter((r) => r.init && !r.sidecar);
  if (inits.some((r) => !r.done)) return 'Pending';
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const r of state.records.filter((x) => !x.init)) {
    const inst = r.instance;
    if (inst?.state === 'running') running++;
    else if (inst?.state === 'exited' && !r.waiting) {
      stopped++;
      if (inst.exit?.exitCode === 0) succeeded++;
    } else if (r.lastTerminated || (inst && inst.state === 'exited')) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return restartPolicy === 'OnFailure' ? 'Running' : 'Failed';
  }
  return 'Pending';
}

function condition(type: string, ok: boolean, now: number, old: Condition[] | undefined, reason?: string, message?: string): Condition {
  const prev = old?.find((c) => c.type === type);
  const status = ok ? 'True' : 'False';
  const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime: prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now) };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** The status the kubelet writes for the pod now. */
export function podStatus(pod: Pod, state: PodState, now: number, hostIP: string): PodStatus {
  const restartPolicy = pod.spec.restartPolicy ?? 'Always';
  const phase = podPhase(state, restartPolicy);
  const old = pod.status?.conditions;
  const inits = state.records.filter((r) => r.init);
  const mains = state.records.filter((r) => !r.init);
  const incomplete = inits.filter((r) => (r.sidecar ? !(r.instance?.state === 'running' && r.started) : !r.done)).map((r) => r.spec.name);
  const initialized = incomplete.length === 0 || phase === 'Succeeded';
  const unready = [...inits.filter((r) => r.sidecar), ...mains].filter((r) => !(r.ready && r.instance?.state === 'running')).map((r) => r.spec.name);
  const gates = (pod.spec.readinessGates ?? []).filter((g) => !old?.some((c) => c.type === g.conditionType && c.status === 'True'));
  const completed = phase === 'Succeeded' || phase === 'Failed';
  const containersReady = unready.length === 0 && !completed;
  const notReadyWhy = completed ? { reason: 'PodCompleted' } : unready.length ? { reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` } : undefined;
  const readyWhy = notReadyWhy ?? (gates.length ? { reason: 'ReadinessGatesNotReady', message: `corresponding condition of pod readiness gate "${gates[0]?.conditionType ?? ''}" does not exist.` } : undefined);
  const sandboxReady = !!state.sandbox && !completed;
  const conditions: Condition[] = [
    condition('PodReadyToStartContainers', sandboxReady, now, old),
    condition('Initialized', initialized, now, old, initialized ? undefined : 'ContainersNotInitialized', initialized ? undefined : `containers with incomplete status: [${incomplete.join(' ')}]`),
    condition('Ready', containersReady && gates.length === 0, now, old, readyWhy?.reason, readyWhy?.message),
    condition('ContainersReady', containersReady, now, old, notReadyWhy?.reason, notReadyWhy?.message),
  ];
  // An eviction's DisruptionTarget condition comes first, as the kubelet copies it before its own.
  if (state.evicted) conditions.unshift({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(state.evicted.at), reason: 'TerminationByKubelet', message: state.evicted.message } as Condition);
  for (const c of old ?? []) if (!conditions.some((x) => x.type === c.type)) conditions.push(c);
  const status: PodStatus = { phase, conditions, ...(state.evicted ? { message: state.evicted.message, reason: 'Evicted' } : {}), hostIP, hostIPs: [{ ip: hostIP }] };
  if (state.sandbox || pod.status?.podIP) {
    const ip = state.sandbox?.ip ?? (pod.status?.podIP as string);
    status.podIP = ip;
    status.podIPs = [{ ip }];
  }
  status.startTime = rfc3339(state.startTime);
  if (inits.length) status.initContainerStatuses = inits.map((r) => containerStatus(r, 'PodInitializing'));
  // A pod with init containers reports PodInitializing for containers that have not run yet.
  const mainWaiting = inits.length ? 'PodInitializing' : 'ContainerCreating';
  status.containerStatuses = mains.map((r) => containerStatus(r, mainWaiting));
  if (pod.status?.qosClass) status.qosClass = pod.status.qosClass;
  return status;
}
