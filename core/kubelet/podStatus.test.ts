import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { podPhase, podStatus } from './podStatus';
import type { ContainerRecord, PodState } from './podState';
import { testContainer } from './runtime/testHost';

const T0 = Date.parse('2026-03-01T09:00:00Z');

function state(records: ContainerRecord[], sandbox = true): PodState {
  const { sandbox: sb } = testContainer();
  return { uid: 'u1', key: 'default/web', sandboxPending: false, records, terminating: false, seen: true, startTime: T0, timers: new Set(), ...(sandbox ? { sandbox: sb } : {}) };
}

function record(name: string, init = false, extra: Partial<ContainerRecord> = {}): ContainerRecord {
  return { spec: { name, image: 'busybox:1.36' }, init, sidecar: false, restartCount: 0, busy: false, ready: false, started: false, done: false, ...extra };
}

const pod: Pod = { metadata: { name: 'web', namespace: 'default', uid: 'u1' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }], initContainers: [{ name: 'init', image: 'busybox:1.36' }] }, status: { phase: 'Pending', qosClass: 'BestEffort', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-03-01T08:59:59Z' }] } };

describe('the pod status a kubelet writes (golden)', () => {
  it('a pod whose init container runs: Pending, Init conditions, PodInitializing', () => {
    const { container } = testContainer();
    const s = state([record('init', true, { instance: container, busy: false }), record('app')]);
    const out = podStatus(pod, s, T0 + 2000, '172.18.0.3');
    expect(out).toEqual({
      phase: 'Pending',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-03-01T09:00:02Z' },
        { type: 'Initialized', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-03-01T09:00:02Z', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init]' },
        { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-03-01T09:00:02Z', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' },
        { type: 'ContainersReady', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-03-01T09:00:02Z', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-03-01T08:59:59Z' },
      ],
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      podIP: '10.244.1.7',
      podIPs: [{ ip: '10.244.1.7' }],
      startTime: '2026-03-01T09:00:00Z',
      initContainerStatuses: [{ name: 'init', state: { running: { startedAt: '2026-03-01T09:00:00Z' } }, lastState: {}, ready: false, restartCount: 0, image: 'busybox:1.36', imageID: '', containerID: `containerd://${container.id}`, started: false }],
      containerStatuses: [{ name: 'app', state: { waiting: { reason: 'PodInitializing' } }, lastState: {}, ready: false, restartCount: 0, image: 'busybox:1.36', imageID: '', started: false }],
      qosClass: 'BestEffort',
    });
  });

  it('keeps a condition’s lastTransitionTime while its status stays', () => {
    const s = state([record('app')]);
    const first = podStatus({ ...pod, spec: { containers: pod.spec.containers } }, s, T0, '172.18.0.3');
    const later = podStatus({ ...pod, spec: { containers: pod.spec.containers }, status: first }, s, T0 + 60_000, '172.18.0.3');
    expect(later.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime).toBe('2026-03-01T09:00:00Z');
  });

  it('derives the phase as getPhase does', () => {
    const { container: running } = testContainer();
    const { container: done } = testContainer('busybox:1.36', ['true']);
    done.exit = { exitCode: 0, reason: 'Completed', startedAt: T0, finishedAt: T0 };
    done.state = 'exited';
    const { container: failed } = testContainer('busybox:1.36', ['false']);
    failed.exit = { exitCode: 1, reason: 'Error', startedAt: T0, finishedAt: T0 };
    failed.state = 'exited';
    expect(podPhase(state([record('a', false, { instance: running })]), 'Always')).toBe('Running');
    expect(podPhase(state([record('a', false, { instance: done })]), 'Never')).toBe('Succeeded');
    expect(podPhase(state([record('a', false, { instance: failed })]), 'Never')).toBe('Failed');
    expect(podPhase(state([record('a', false, { instance: failed })]), 'OnFailure')).toBe('Running');
    expect(podPhase(state([record('a', false, { instance: running }), record('b')]), 'Always')).toBe('Pending');
  });
});
