/** The shell's `lab` and `cluster` commands over a lab API answered by a fake transport. */
import { describe, expect, it } from 'vitest';
import { testShell } from '../testing';
import type { ShellTransport } from '../types';

function fakeLab() {
  const calls: string[] = [];
  let clock = { time: '2026-03-01T09:00:00Z', virtual: 0, speed: 1, paused: false };
  const components = { controlPlane: { etcd: 'Running', 'kube-apiserver': 'Running', 'kube-scheduler': 'Running', 'kube-controller-manager': 'Running' }, nodes: { 'kubelab-control-plane': 'Running', 'kubelab-worker': 'Running' }, unavailableImages: [], memoryFilled: [] as string[] };
  const progress = {
    lesson: '05-replicasets',
    step: { index: 1, id: '02-scale', title: { en: 'Scale it', 'zh-CN': '扩容' }, count: 4 },
    stepComplete: false,
    checks: [
      { id: 'rs', passed: true, message: { en: 'A ReplicaSet web exists', 'zh-CN': '存在 ReplicaSet web' } },
      { id: 'ready', passed: false, message: { en: '5 pods are ready', 'zh-CN': '5 个 Pod 就绪' } },
    ],
    hints: [] as { text: Record<string, string>; triggered: boolean }[],
    hintsLeft: 2,
    completed: [],
  };
  const transport: ShellTransport = async (method, path, _q, _a, send) => {
    calls.push(`${method} ${path}${send?.body ? ` ${send.body}` : ''}`);
    const body = send?.body ? (JSON.parse(send.body) as Record<string, unknown>) : {};
    if (path === '/lab/v1/clock') {
      if (method === 'POST' && body['action'] === 'speed') {
        if (Number(body['speed']) > 100) return { status: 400, body: { kind: 'Status', message: 'speed must be a number from 0.25 to 100', code: 400 } };
        clock = { ...clock, speed: Number(body['speed']) };
      }
      if (method === 'POST' && body['action'] === 'pause') clock = { ...clock, paused: true };
      return { status: 200, body: clock };
    }
    if (path === '/lab/v1/faults') {
      if (body['name'] === 'nope') return { status: 404, body: { kind: 'Status', message: 'nodes "nope" not found', code: 404 } };
      (components.nodes as Record<string, string>)[String(body['name'])] = body['action'] === 'stop' ? 'Stopped' : 'Running';
      return { status: 200, body: components };
    }
    if (path === '/lab/v1/components') return { status: 200, body: components };
    if (path === '/lab/v1/info') return { status: 200, body: { version: '0.1.0', kubernetesVersion: 'v1.32.4', cluster: { name: 'default', seed: 1, workers: 1 } } };
    if (path === '/lab/v1/progress') return { status: 200, body: progress };
    if (path === '/lab/v1/progress/hint') {
      progress.hints.push({ text: { en: 'kubectl scale rs web --replicas=5', 'zh-CN': '使用 kubectl scale' }, triggered: false });
      progress.hintsLeft--;
      return { status: 200, body: progress };
    }
    if (path === '/lab/v1/lessons/05-replicasets') return { status: 200, body: { id: '05-replicasets', title: { en: 'ReplicaSets', 'zh-CN': '副本集' } } };
    return { status: 404, body: 'not found' };
  };
  return { transport, calls };
}

describe('cluster', () => {
  it('drives the clock and prints it as kubelab clock does', async () => {
    const { transport, calls } = fakeLab();
    const sh = testShell({}, {}, transport);
    expect((await sh.run('cluster clock speed 10')).out).toBe('clock: 2026-03-01T09:00:00Z  running at 10x\n');
    expect(calls).toContain('POST /lab/v1/clock {"action":"speed","speed":10}');
    expect((await sh.run('cluster clock pause')).out).toBe('clock: 2026-03-01T09:00:00Z  paused at 10x\n');
    const bad = await sh.run('cluster clock speed 1000');
    expect(bad.err).toBe('cluster: speed must be a number from 0.25 to 100\n');
    expect(bad.code).toBe(1);
    const usage = await sh.run('cluster clock step');
    expect(usage.err).toMatch(/^cluster: step needs a duration/);
    expect(usage.code).toBe(2);
  });

  it('stops and starts nodes and shows the status', async () => {
    const { transport, calls } = fakeLab();
    const sh = testShell({}, {}, transport);
    expect((await sh.run('cluster node stop kubelab-worker')).out).toBe('node kubelab-worker stopped\n');
    expect(calls).toContain('POST /lab/v1/faults {"kind":"node","name":"kubelab-worker","action":"stop"}');
    const status = (await sh.run('cluster status')).out;
    expect(status).toBe(
      'cluster: default  Kubernetes v1.32.4, 2 nodes, seed 1\nclock: 2026-03-01T09:00:00Z  running at 1x\n' +
        'component/etcd                     Running\ncomponent/kube-apiserver           Running\ncomponent/kube-scheduler           Running\ncomponent/kube-controller-manager  Running\nnode/kubelab-control-plane         Running\nnode/kubelab-worker                Stopped\n',
    );
    const missing = await sh.run('cluster node start nope');
    expect(missing.err).toBe('cluster: nodes "nope" not found\n');
    expect((await sh.run('cluster fault memory fill kubelab-worker')).out).toBe('memory kubelab-worker memory filled\n');
  });
});

describe('lab', () => {
  it('shows the lesson under way, its checks and hints', async () => {
    const { transport } = fakeLab();
    const sh = testShell({}, {}, transport);
    expect((await sh.run('lab')).out).toBe('Lesson 05-replicasets: ReplicaSets\nStep 2 of 4: Scale it\n  [x] A ReplicaSet web exists\n  [ ] 5 pods are ready\nHints: 2 left ("lab hint")\n');
    expect((await sh.run('lab hint')).out).toBe('Hint 1: kubectl scale rs web --replicas=5\n(1 more)\n');
    expect((await sh.run('LANG=zh_CN.UTF-8; lab')).out).toContain('Step 2 of 4: 扩容\n  [x] 存在 ReplicaSet web\n');
  });

  it('says when the server is not a KubeLab lab', async () => {
    const sh = testShell({}, {}, async () => ({ status: 404, body: '404 page not found' }));
    const r = await sh.run('lab');
    expect(r.err).toBe('lab: this server is not a KubeLab lab\n');
    expect(r.code).toBe(1);
  });
});
