/**
 * The lab host end to end, in process: the real kubectl (when on PATH) and
 * @kubernetes/client-node 1.4.0 against the served cluster, authentication, and a terminal
 * session over WebSocket running the bundled shell in a pty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpsRequest } from 'node:https';
import { WebSocket } from 'ws';
import * as k8s from '@kubernetes/client-node';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { eventually, findKubectl, kubectl, tempDir } from '../helpers';

let lab: LabHost;
const kubectlPath = findKubectl();

beforeAll(async () => {
  lab = await startLabHost({ dataDir: tempDir(), port: 0, workers: 2, seed: 3 });
});
afterAll(async () => {
  await lab?.close();
});

describe('authentication', () => {
  it('answers 401 with a Status to a request without the token, over http and https', async () => {
    const res = await fetch(`${lab.origin}/api/v1/pods`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
    const code = await new Promise<number | undefined>((done) => {
      httpsRequest(`${lab.apiServer}/api/v1/pods`, { rejectUnauthorized: false }, (r) => {
        r.resume();
        done(r.statusCode);
      }).end();
    });
    expect(code).toBe(401);
  });

  it('answers 401 to a wrong token and 200 to the right one', async () => {
    expect((await fetch(`${lab.origin}/version`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const ok = await fetch(`${lab.origin}/version`, { headers: { authorization: `Bearer ${lab.token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ major: '1', minor: '32' });
  });

  it('serves the app without the token, with a Content-Security-Policy', async () => {
    const res = await fetch(`${lab.origin}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="app"');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses terminal WebSockets without the token or from another origin', async () => {
    const statusOf = (protocols: string[], origin?: string) =>
      new Promise<number>((done) => {
        const ws = new WebSocket(`${lab.origin.replace('http', 'ws')}/lab/v1/terminals`, protocols, origin ? { origin } : {});
        ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          done(101);
        });
        ws.on('error', () => undefined);
      });
    expect(await statusOf(['kubelab.terminal.v1'])).toBe(401);
    const auth = `base64url.bearer.authorization.k8s.io.${Buffer.from(lab.token).toString('base64url')}`;
    expect(await statusOf(['kubelab.terminal.v1', auth], 'http://evil.example')).toBe(403);
  });
});

describe('@kubernetes/client-node 1.4.0', () => {
  const api = () => {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(lab.kubeconfig);
    return { core: kc.makeApiClient(k8s.CoreV1Api), kc };
  };

  it('lists three Ready nodes, one of them the control plane', async () => {
    const nodes = await api().core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2']);
    for (const n of nodes.items) expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('creates a pod, watches it from a resourceVersion to Running, and deletes it', async () => {
    const { core, kc } = api();
    const list = await core.listNamespacedPod({ namespace: 'default' });
    const seen: string[] = [];
    const running = new Promise<void>((resolve, reject) => {
      void new k8s.Watch(kc)
        .watch(
          '/api/v1/namespaces/default/pods',
          { resourceVersion: list.metadata?.resourceVersion },
          (type: string, obj: k8s.V1Pod) => {
            seen.push(`${type}:${obj.status?.phase ?? ''}`);
            if (obj.status?.phase === 'Running') resolve();
          },
          (err: unknown) => err && reject(err as Error),
        )
        .then((req) => running.finally(() => req.abort()));
    });
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'client-node' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } });
    await running;
    expect(seen[0]).toBe('ADDED:Pending');
    expect(seen.at(-1)).toBe('MODIFIED:Running');
    const deleted = await core.deleteNamespacedPod({ name: 'client-node', namespace: 'default' });
    expect(deleted.metadata?.deletionTimestamp).toBeDefined();
    await eventually(async () => {
      const pods = await core.listNamespacedPod({ namespace: 'default', fieldSelector: 'metadata.name=client-node' });
      return pods.items.length === 0 ? true : undefined;
    });
  });

  it('gets the real Status errors', async () => {
    await expect(api().core.readNamespacedPod({ name: 'missing', namespace: 'default' })).rejects.toMatchObject({ code: 404 });
  });
});

describe.skipIf(!kubectlPath)('the real kubectl', () => {
  if (!kubectlPath) console.warn('skipped: there is no kubectl on PATH (the kubectl compatibility checks need one)');

  it('lists the nodes with the real columns', async () => {
    const r = await kubectl(lab.kubeconfig, ['get', 'nodes']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['kubelab-control-plane', 'Ready', 'control-plane'],
      ['kubelab-worker', 'Ready', '<none>'],
      ['kubelab-worker2', 'Ready', '<none>'],
    ]);
  });

  it('runs a pod and shows it Running within 10 s', async () => {
    const run = await kubectl(lab.kubeconfig, ['run', 'web', '--image=nginx']);
    expect(run.stdout.trim()).toBe('pod/web created');
    const line = await eventually(async () => {
      const r = await kubectl(lab.kubeconfig, ['get', 'pods']);
      return r.stdout.split('\n').find((l) => /^web\s+1\/1\s+Running\s+0\s+/.test(l));
    }, 10_000, 250);
    expect(line).toBeDefined();
  });

  it('prints the server errors as kubectl does', async () => {
    const r = await kubectl(lab.kubeconfig, ['get', 'pod', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): pods "nope" not found');
  });

  it('shows the control plane static pods in kube-system', async () => {
    const r = await kubectl(lab.kubeconfig, ['get', 'pods', '-n', 'kube-system', '-o', 'wide']);
    expect(r.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/m);
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
      expect(r.stdout).toMatch(new RegExp(`^${c}-kubelab-control-plane\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+172\\.18\\.0\\.2\\s+kubelab-control-plane`, 'm'));
    }
  });
});

describe('terminal sessions', () => {
  const connect = (session?: string) => {
    const auth = `base64url.bearer.authorization.k8s.io.${Buffer.from(lab.token).toString('base64url')}`;
    const ws = new WebSocket(`${lab.origin.replace('http', 'ws')}/lab/v1/terminals${session ? `?session=${session}` : ''}`, ['kubelab.terminal.v1', auth], { origin: lab.origin });
    const state = { id: '', output: '' };
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { type: string; id?: string; data?: string };
      if (m.type === 'session') state.id = m.id ?? '';
      if (m.type === 'output') state.output += m.data ?? '';
    });
    return { ws, state, opened: new Promise((r) => ws.on('open', r)) };
  };

  it('runs the bundled shell: the prompt, kubectl get nodes, and a reattach that replays the output', async () => {
    const t = connect();
    await t.opened;
    await eventually(async () => (t.state.output.includes('kubelab:default$') ? true : undefined), 15_000);
    t.ws.send(JSON.stringify({ type: 'resize', cols: 120, rows: 30 }));
    t.ws.send(JSON.stringify({ type: 'input', data: 'kubectl get nodes\r' }));
    await eventually(async () => (/kubelab-worker2\s+Ready/.test(t.state.output) ? true : undefined), 15_000);
    expect(t.state.output).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    const id = t.state.id;
    t.ws.close();
    const again = connect(id);
    await again.opened;
    await eventually(async () => (again.state.id === id && again.state.output.includes('kubelab-worker2') ? true : undefined), 5000);
    again.ws.send(JSON.stringify({ type: 'input', data: 'exit\r' }));
    await new Promise((r) => again.ws.on('close', r));
  });
});
