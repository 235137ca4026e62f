/** The lab API's clock, components and faults, over HTTP and through `kubelab clock|fault`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { collect, kubelab, tempDir } from '../helpers';

let lab: LabHost;
let data: string;

beforeAll(async () => {
  data = tempDir();
  lab = await startLabHost({ dataDir: data, port: 0, workers: 1, seed: 4 });
});
afterAll(async () => {
  await lab.close();
});

function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${lab.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${lab.origin}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

describe('lab API: clock', () => {
  it('pauses, steps by a Go duration, sets the speed and resumes', async () => {
    let c = (await (await call('POST', '/lab/v1/clock', { action: 'pause' })).json()) as { virtual: number; paused: boolean; speed: number; time: string };
    expect(c.paused).toBe(true);
    const before = c.virtual;
    c = (await (await call('POST', '/lab/v1/clock', { action: 'step', duration: '1m30s' })).json()) as typeof c;
    expect(c.virtual - before).toBe(90_000);
    expect(c.time).toBe(new Date(c.virtual).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    c = (await (await call('POST', '/lab/v1/clock', { action: 'speed', speed: 10 })).json()) as typeof c;
    expect(c.speed).toBe(10);
    c = (await (await call('POST', '/lab/v1/clock', { action: 'resume' })).json()) as typeof c;
    expect(c.paused).toBe(false);
    await call('POST', '/lab/v1/clock', { action: 'speed', speed: 1 });
  });

  it('refuses bad actions with a 400 Status naming the problem', async () => {
    const bad = async (body: unknown) => {
      const res = await call('POST', '/lab/v1/clock', body);
      expect(res.status).toBe(400);
      return ((await res.json()) as { message: string }).message;
    };
    expect(await bad({ action: 'speed', speed: 1000 })).toBe('speed must be a number from 0.25 to 100');
    expect(await bad({ action: 'step', duration: '5 minutes' })).toContain('duration must be a positive duration');
    expect(await bad({ action: 'rewind' })).toBe('action must be one of: pause, resume, speed, step');
    const notJson = await fetch(`${lab.origin}/lab/v1/clock`, { method: 'POST', headers: { authorization: `Bearer ${lab.token}`, 'content-type': 'text/plain' }, body: 'pause' });
    expect(notJson.status).toBe(400);
    expect((await call('DELETE', '/lab/v1/clock')).status).toBe(405);
  });
});

describe('lab API: faults', () => {
  it('stops and starts the scheduler and a node; unknown names are refused', async () => {
    let res = await call('POST', '/lab/v1/faults', { kind: 'component', name: 'kube-scheduler', action: 'stop' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { controlPlane: Record<string, string> }).controlPlane['kube-scheduler']).toBe('Stopped');
    const cs = (await (await call('GET', '/api/v1/componentstatuses/scheduler')).json()) as { conditions: { status: string }[] };
    expect(cs.conditions[0]?.status).toBe('False');
    res = await call('POST', '/lab/v1/faults', { kind: 'component', name: 'kube-scheduler', action: 'start' });
    expect(res.status).toBe(200);
    res = await call('POST', '/lab/v1/faults', { kind: 'node', name: 'kubelab-worker', action: 'stop' });
    expect(((await res.json()) as { nodes: Record<string, string> }).nodes['kubelab-worker']).toBe('Stopped');
    await call('POST', '/lab/v1/faults', { kind: 'node', name: 'kubelab-worker', action: 'start' });
    res = await call('POST', '/lab/v1/faults', { kind: 'node', name: 'nope', action: 'stop' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe('nodes "nope" not found');
    res = await call('POST', '/lab/v1/faults', { kind: 'component', name: 'kubelet', action: 'stop' });
    expect(res.status).toBe(400);
  });

  it('a stopped kube-apiserver drops API connections while the lab API stays up to restart it', async () => {
    await call('POST', '/lab/v1/faults', { kind: 'component', name: 'kube-apiserver', action: 'stop' });
    await expect(call('GET', '/api/v1/nodes')).rejects.toThrow();
    expect((await call('GET', '/lab/v1/components')).status).toBe(200);
    await call('POST', '/lab/v1/faults', { kind: 'component', name: 'kube-apiserver', action: 'start' });
    expect((await call('GET', '/api/v1/nodes')).status).toBe(200);
  });

  it('records the faults on the trace stream', async () => {
    const items = ((await (await call('GET', '/lab/v1/trace?since=0')).json()) as { items: { component: string; object?: string; action: string }[] }).items;
    expect(items.some((e) => e.component === 'lab' && e.object === 'kube-scheduler' && e.action === 'stop')).toBe(true);
    expect((await call('GET', '/lab/v1/trace?since=-1')).status).toBe(400);
  });
});

describe('kubelab clock and kubelab fault', () => {
  it('act on the running lab found through --data', async () => {
    let r = await collect(kubelab(['clock', 'pause', '--data', data]));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^clock: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}paused at 1x\n$/);
    r = await collect(kubelab(['clock', 'step', '2m', '--data', data]));
    expect(r.code).toBe(0);
    r = await collect(kubelab(['clock', 'resume', '--data', data]));
    expect(r.stdout).toContain('running at 1x');
    r = await collect(kubelab(['clock', 'speed', '500', '--data', data]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kubelab clock: speed must be a number from 0.25 to 100\n');
    r = await collect(kubelab(['fault', 'node', 'stop', 'kubelab-worker', '--data', data]));
    expect(r.stdout).toBe('node kubelab-worker stopped\n');
    r = await collect(kubelab(['fault', 'status', '--data', data]));
    expect(r.stdout).toMatch(/^node\/kubelab-worker\s+Stopped$/m);
    expect(r.stdout).toMatch(/^component\/etcd\s+Running$/m);
    r = await collect(kubelab(['fault', 'node', 'start', 'kubelab-worker', '--data', data]));
    expect(r.code).toBe(0);
    r = await collect(kubelab(['fault', 'disk', 'stop', 'x', '--data', data]));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('kubelab fault: unknown fault target "disk": node, component, image or memory');
    r = await collect(kubelab(['fault', 'image', 'remove', 'nginx:1.27', '--data', data]));
    expect(r.stdout).toBe('image nginx:1.27 is unavailable now\n');
    r = await collect(kubelab(['fault', 'memory', 'fill', 'kubelab-worker', '--data', data]));
    expect(r.stdout).toBe('memory kubelab-worker memory filled\n');
    r = await collect(kubelab(['fault', 'status', '--data', data]));
    expect(r.stdout).toMatch(/^node\/kubelab-worker\s+Running, memory filled$/m);
    expect(r.stdout).toMatch(/^image\/docker\.io\/library\/nginx:1\.27\s+Unavailable$/m);
    r = await collect(kubelab(['fault', 'memory', 'release', 'kubelab-worker', '--data', data]));
    expect(r.code).toBe(0);
    r = await collect(kubelab(['fault', 'image', 'restore', 'nginx:1.27', '--data', data]));
    expect(r.code).toBe(0);
    r = await collect(kubelab(['fault', 'memory', 'fill', 'nope', '--data', data]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kubelab fault: nodes "nope" not found\n');
    r = await collect(kubelab(['fault', 'image', 'stop', 'nginx', '--data', data]));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('kubelab fault: image needs "remove" or "restore"');
    r = await collect(kubelab(['clock', 'status', '--data', tempDir()]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not exist (is "kubelab serve" running?)');
  });
});
