import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../api/duration';
import type { ContainerStatus, Namespace, Node, Pod } from '../api/types';
import { nodeRoles, nodeStatusText, nodes } from './resources/nodes';
import { namespaces } from './resources/namespaces';
import { podPrinter } from './resources/pods';
import { defaultPrinter, rowObject, toTable } from './table';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const MIN = 60_000;

function pod(status: Pod['status'], extra: { spec?: Partial<Pod['spec']>; deletionTimestamp?: string } = {}): Pod {
  const p: Pod = {
    metadata: { name: 'web', namespace: 'default', creationTimestamp: rfc3339(NOW - 10 * MIN) },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra.spec },
    status,
  };
  if (extra.deletionTimestamp) p.metadata.deletionTimestamp = extra.deletionTimestamp;
  return p;
}

function cs(name: string, state: ContainerStatus['state'], more: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, state, lastState: {}, ready: false, restartCount: 0, image: 'nginx', imageID: '', ...more };
}

const running = (name = 'c', ready = true) => cs(name, { running: { startedAt: rfc3339(NOW - MIN) } }, { ready, started: true });
const cells = (p: Pod) => podPrinter.cells(p, NOW);
const statusOf = (p: Pod) => cells(p)[2];

describe('pod printer (printPod)', () => {
  it('has the columns of kubectl get pods, the last four wide', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Status', 0],
      ['Restarts', 0],
      ['Age', 0],
      ['IP', 1],
      ['Node', 1],
      ['Nominated Node', 1],
      ['Readiness Gates', 1],
    ]);
  });

  it('prints a running pod', () => {
    const p = pod({ phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], containerStatuses: [running()] }, { spec: { nodeName: 'w1' } });
    expect(cells(p)).toEqual(['web', '1/1', 'Running', '0', '10m', '10.244.1.5', 'w1', '<none>', '<none>']);
  });

  it('shows a waiting reason: ContainerCreating, CrashLoopBackOff', () => {
    expect(statusOf(pod({ phase: 'Pending', containerStatuses: [cs('c', { waiting: { reason: 'ContainerCreating' } })] }))).toBe('ContainerCreating');
    expect(statusOf(pod({ phase: 'Running', containerStatuses: [cs('c', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4 })] }))).toBe('CrashLoopBackOff');
  });

  it('shows Completed, ExitCode:N and the pod reason', () => {
    expect(statusOf(pod({ phase: 'Succeeded', containerStatuses: [cs('c', { terminated: { exitCode: 0, reason: 'Completed' } })] }))).toBe('Completed');
    expect(statusOf(pod({ phase: 'Failed', containerStatuses: [cs('c', { terminated: { exitCode: 3 } })] }))).toBe('ExitCode:3');
    expect(statusOf(pod({ phase: 'Failed', reason: 'Evicted' }))).toBe('Evicted');
  });

  it('shows Running again when one container completed and another still runs', () => {
    const done = cs('a', { terminated: { exitCode: 0, reason: 'Completed' } });
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    const ready = pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [done, running('b')] }, { spec });
    expect(cells(ready).slice(1, 3)).toEqual(['1/2', 'Running']);
    const notReady = pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [done, running('b')] }, { spec });
    expect(statusOf(notReady)).toBe('NotReady');
  });

  it('counts ready containers', () => {
    const spec = { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] };
    expect(cells(pod({ phase: 'Running', containerStatuses: [running('a'), running('b', false), running('c')] }, { spec }))[1]).toBe('2/3');
  });

  it('shows Terminating once deletionTimestamp is set, unless the pod finished', () => {
    const deleting = { deletionTimestamp: rfc3339(NOW + 30_000) };
    expect(statusOf(pod({ phase: 'Running', containerStatuses: [running()] }, deleting))).toBe('Terminating');
    expect(statusOf(pod({ phase: 'Succeeded', containerStatuses: [cs('c', { terminated: { exitCode: 0, reason: 'Completed' } })] }, deleting))).toBe('Completed');
    expect(statusOf(pod({ phase: 'Running', reason: 'NodeLost' }, deleting))).toBe('Unknown');
  });

  it('shows init progress: Init:i/n, Init:Error, Init:<waiting reason>', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    const i1done = cs('i1', { terminated: { exitCode: 0, reason: 'Completed' } });
    expect(statusOf(pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { waiting: { reason: 'PodInitializing' } })] }, { spec }))).toBe('Init:0/2');
    expect(statusOf(pod({ phase: 'Pending', initContainerStatuses: [i1done, running('i2', false)] }, { spec }))).toBe('Init:1/2');
    expect(statusOf(pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 1, reason: 'Error' } })] }, { spec }))).toBe('Init:Error');
    expect(statusOf(pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { terminated: { exitCode: 2 } })] }, { spec }))).toBe('Init:ExitCode:2');
    expect(statusOf(pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { waiting: { reason: 'CrashLoopBackOff' } })] }, { spec }))).toBe('Init:CrashLoopBackOff');
    const oneInit = { initContainers: [{ name: 'i1' }] };
    expect(statusOf(pod({ phase: 'Pending', initContainerStatuses: [cs('i1', { running: {} })] }, { spec: oneInit }))).toBe('Init:0/1');
  });

  it('prints restarts with the time since the last one', () => {
    const last = cs('c', { running: {} }, { restartCount: 2, ready: true, lastState: { terminated: { exitCode: 1, finishedAt: rfc3339(NOW - 5 * MIN) } } });
    expect(cells(pod({ phase: 'Running', containerStatuses: [last] }))[3]).toBe('2 (5m ago)');
    const noTime = cs('c', { running: {} }, { restartCount: 3, ready: true });
    expect(cells(pod({ phase: 'Running', containerStatuses: [noTime] }))[3]).toBe('3');
  });

  it('prints the IP, nominated node and readiness gates', () => {
    const p = pod(
      { phase: 'Running', podIP: '10.0.0.1', nominatedNodeName: 'w2', conditions: [{ type: 'example.com/a', status: 'True' }, { type: 'example.com/b', status: 'False' }] },
      { spec: { readinessGates: [{ conditionType: 'example.com/a' }, { conditionType: 'example.com/b' }] } },
    );
    expect(cells(p).slice(5)).toEqual(['10.0.0.1', '<none>', 'w2', '1/2']);
  });

  it('marks finished pods with a Completed row condition', () => {
    expect(podPrinter.conditions?.(pod({ phase: 'Succeeded' }))).toEqual([{ type: 'Completed', status: 'True' }]);
    expect(podPrinter.conditions?.(pod({ phase: 'Failed' }))).toEqual([{ type: 'Completed', status: 'True' }]);
    expect(podPrinter.conditions?.(pod({ phase: 'Running' }))).toBeUndefined();
  });
});

function node(labels: Record<string, string>, conditions: NonNullable<Node['status']>['conditions'], unschedulable = false): Node {
  const n: Node = {
    metadata: { name: 'n1', labels, creationTimestamp: rfc3339(NOW - 3 * 24 * 60 * MIN) },
    spec: {},
    status: { conditions, addresses: [{ type: 'InternalIP', address: '172.18.0.3' }, { type: 'Hostname', address: 'n1' }] },
  };
  if (unschedulable) n.spec.unschedulable = true;
  return n;
}

describe('node printer (printNode)', () => {
  const ready = [{ type: 'MemoryPressure', status: 'False' as const }, { type: 'Ready', status: 'True' as const }];

  it('STATUS: Ready, NotReady, Unknown, and SchedulingDisabled when cordoned', () => {
    expect(nodeStatusText(node({}, ready))).toBe('Ready');
    expect(nodeStatusText(node({}, [{ type: 'Ready', status: 'False' }]))).toBe('NotReady');
    expect(nodeStatusText(node({}, [{ type: 'Ready', status: 'Unknown' }]))).toBe('NotReady');
    expect(nodeStatusText(node({}, [{ type: 'MemoryPressure', status: 'False' }]))).toBe('Unknown');
    expect(nodeStatusText(node({}, undefined))).toBe('Unknown');
    expect(nodeStatusText(node({}, ready, true))).toBe('Ready,SchedulingDisabled');
    expect(nodeStatusText(node({}, undefined, true))).toBe('Unknown,SchedulingDisabled');
  });

  it('ROLES: node-role.kubernetes.io/* and kubernetes.io/role labels, sorted', () => {
    expect(nodeRoles(node({ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/': '' }, ready))).toEqual([
      'control-plane',
      'infra',
      'worker',
    ]);
    expect(nodeRoles(node({ 'kubernetes.io/hostname': 'n1' }, ready))).toEqual([]);
  });

  it('prints the cells, with <none> for no roles and the wide columns', () => {
    const n = node({ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/infra': '' }, ready);
    (n.status as NonNullable<Node['status']>).nodeInfo = {
      machineID: '', systemUUID: '', bootID: '', kernelVersion: '6.8.0', osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.7.24', kubeletVersion: 'v1.32.4', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64',
    };
    expect(nodes.printer.cells(n, NOW)).toEqual(['n1', 'Ready', 'infra,worker', '3d', 'v1.32.4', '172.18.0.3', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.8.0', 'containerd://1.7.24']);
    expect(nodes.printer.cells(node({}, []), NOW).slice(1, 3)).toEqual(['Unknown', '<none>']);
    expect(nodes.printer.cells(node({}, []), NOW).slice(7)).toEqual(['<unknown>', '<unknown>', '<unknown>']);
  });

  it('has the node columns, the last five wide', () => {
    expect(nodes.printer.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0', 'Status:0', 'Roles:0', 'Age:0', 'Version:0', 'Internal-IP:1', 'External-IP:1', 'OS-Image:1', 'Kernel-Version:1', 'Container-Runtime:1',
    ]);
  });
});

describe('namespace printer', () => {
  it('prints name, phase and age', () => {
    const ns: Namespace = { metadata: { name: 'team', creationTimestamp: rfc3339(NOW - 90_000) }, status: { phase: 'Terminating' } };
    expect(namespaces.printer.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(namespaces.printer.cells(ns, NOW)).toEqual(['team', 'Terminating', '90s']);
  });
});

describe('toTable', () => {
  const p = pod({ phase: 'Succeeded' });

  it('embeds PartialObjectMetadata by default, the object or nothing on request', () => {
    expect(rowObject(p, 'Metadata')).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: p.metadata });
    expect(rowObject(p, 'Object')).toBe(p);
    expect(rowObject(p, 'None')).toBeUndefined();
  });

  it('builds a meta.k8s.io/v1 Table with rows, conditions and list metadata', () => {
    const t = toTable(podPrinter, [p], NOW, 'None', { resourceVersion: '7' });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '7' });
    expect(t.columnDefinitions).toBe(podPrinter.columns);
    expect(t.rows).toEqual([{ cells: podPrinter.cells(p, NOW), conditions: [{ type: 'Completed', status: 'True' }] }]);
    expect(toTable(podPrinter, [p], NOW, 'None', {}, true).columnDefinitions).toEqual([]);
  });

  it('has a default printer with Name and Created At', () => {
    expect(defaultPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Created At']);
    expect(defaultPrinter.cells(p, NOW)).toEqual(['web', p.metadata.creationTimestamp]);
  });
});

describe('pod printer with sidecars (restartable init containers)', () => {
  const sidecarSpec = { initContainers: [{ name: 'side', image: 'envoy', restartPolicy: 'Always' }] };

  it('counts a started, ready sidecar in READY', () => {
    const p = pod({ phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [cs('side', { running: {} }, { ready: true, started: true })], containerStatuses: [running()] }, { spec: sidecarSpec });
    expect(cells(p)[1]).toBe('2/2');
    expect(statusOf(p)).toBe('Running');
  });

  it('forgets the restarts of finished init containers once the pod is initialized', () => {
    const done = cs('init', { terminated: { exitCode: 0, reason: 'Completed' } }, { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: rfc3339(NOW - 5 * MIN) } } });
    const p = pod({ phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [done], containerStatuses: [running()] }, { spec: { initContainers: [{ name: 'init', image: 'busybox' }] } });
    expect(cells(p)[3]).toBe('0');
  });

  it('keeps the restarts of a sidecar, with the time of its last restart', () => {
    const side = cs('side', { running: {} }, { ready: true, started: true, restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: rfc3339(NOW - 5 * MIN) } } });
    const p = pod({ phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [side], containerStatuses: [running()] }, { spec: sidecarSpec });
    expect(cells(p)[3]).toBe('2 (5m ago)');
  });
});
