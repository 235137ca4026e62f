/** `ssh NODE` in the bundled shell, over the lab API's node endpoints served in process. */
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ManualClock } from '../../clock/clock';
import { Cluster } from '../../cluster';
import { isNodesPath, nodeApi } from '../../node/api';
import { memoryFiles } from '../memoryFiles';
import { ShellEngine, type ShellTransport } from '../engine';

const parseYaml = (t: string) => parseAllDocuments(t).map((d) => d.toJS() as unknown);

async function lab() {
  const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
  const cluster = new Cluster({ clock, seed: 1, workers: 1 });
  const settle = async () => {
    for (let i = 0; i < 30; i++) await new Promise<void>((r) => setImmediate(r));
  };
  await cluster.start();
  for (let i = 0; i < 6; i++) {
    clock.advance(500);
    await settle();
  }
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    if (isNodesPath(path)) return nodeApi(cluster, method, path, send?.body !== undefined ? JSON.parse(send.body) : undefined, parseYaml);
    const res = await cluster.handle({ method, path, query, headers: { accept, ...(send?.contentType ? { 'content-type': send.contentType } : {}) }, ...(send?.body !== undefined ? { body: send.body } : {}), user: { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
    if ('stream' in res) throw new Error('no streams here');
    return { status: res.status, body: res.body };
  };
  let out = '';
  let err = '';
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const engine = new ShellEngine(transport, state, { out: (t) => (out += t), err: (t) => (err += t) }, { files: memoryFiles({}), parseYaml, sleep: async () => undefined });
  return {
    cluster,
    engine,
    async run(line: string) {
      out = '';
      err = '';
      const result = await engine.run(line);
      return { out, err, code: state.lastExit, result };
    },
  };
}

describe('ssh', () => {
  it('logs in to a node with its prompt, runs its commands, and exit comes back', async () => {
    const { cluster, engine, run } = await lab();
    let r = await run('ssh kubelab-worker');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Linux kubelab-worker 6\.1\.0-kubelab-amd64 #1 SMP PREEMPT_DYNAMIC Debian/);
    expect(engine.prompt()).toBe('root@kubelab-worker:~# ');
    expect((await run('hostname')).out).toBe('kubelab-worker\n');
    expect((await run('pwd')).out).toBe('/root\n');
    r = await run('systemctl status kubelet | head -n 1');
    expect(r.out).toBe('● kubelet.service - kubelet: The Kubernetes Node Agent\n');
    r = await run('ls /etc/kubernetes');
    expect(r.out.split('\n')).toEqual(expect.arrayContaining(['kubelet.conf', 'manifests', 'pki']));
    await run('cd /etc/kubernetes/manifests');
    expect(engine.prompt()).toBe('root@kubelab-worker:/etc/kubernetes/manifests# ');
    r = await run('kubectl get nodes');
    expect(r.err).toBe('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
    expect(r.code).toBe(1);
    r = await run('exit');
    expect(r.result).toBeUndefined();
    expect(r.out).toBe('logout\n');
    expect(r.err).toBe('Connection to kubelab-worker closed.\n');
    expect(engine.prompt()).toBeUndefined();
    cluster.stop();
  });

  it('writes a static pod manifest with a here-document; the kubelet runs it as web-NODE', async () => {
    const { cluster, run } = await lab();
    await run('ssh kubelab-worker');
    const r = await run('cat <<EOF > /etc/kubernetes/manifests/web.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\nEOF');
    expect(r.err).toBe('');
    expect((await run('ls /etc/kubernetes/manifests')).out).toBe('web.yaml\n');
    const pod = await cluster.client().get<{ metadata: { name?: string; annotations?: Record<string, string> } }>({ resource: 'pods', namespace: 'default', name: 'web-kubelab-worker' });
    expect(pod.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
    cluster.stop();
  });

  it('runs one command with ssh NODE COMMAND; kubectl works on the control plane with admin.conf', async () => {
    const { cluster, run } = await lab();
    expect((await run('ssh kubelab-control-plane ls /etc/kubernetes/manifests')).out).toBe('etcd.yaml\nkube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml\n');
    const r = await run('ssh kubelab-control-plane kubectl get nodes -o name');
    expect(r.out).toBe('node/kubelab-control-plane\nnode/kubelab-worker\n');
    expect((await run('ssh root@172.18.0.3 hostname')).out).toBe('kubelab-worker\n');
    cluster.stop();
  });

  it("answers as OpenSSH does for an unknown host or another user", async () => {
    const { cluster, run } = await lab();
    let r = await run('ssh nope');
    expect(r.err).toBe('ssh: Could not resolve hostname nope: Name or service not known\n');
    expect(r.code).toBe(255);
    r = await run('ssh student@kubelab-worker');
    expect(r.err).toBe('student@kubelab-worker: Permission denied (publickey).\n');
    r = await run('ssh');
    expect(r.err).toMatch(/^usage: ssh \[-46AaCfGgKkMNnqsTtVvXxYy\]/);
    cluster.stop();
  });
});
