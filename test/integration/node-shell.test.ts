/**
 * The bundled shell's node sessions and lab commands against a running lab, over HTTP as the
 * terminal runs them: ssh to a node, its systemctl and the node fault seen with kubectl, a
 * static pod written on a node, and a cluster built from empty machines with kubeadm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport, parseYamlDocuments } from '../../electron/cli/shell';
import { readKubeconfig } from '../../electron/host/kubeconfig';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { memoryFiles } from '../../core/shell/memoryFiles';
import { ShellEngine } from '../../core/shell/engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, eventually, kubelab, tempDir } from '../helpers';
import { KEY, spawnShell } from './pty';

let lab: LabHost;

beforeAll(async () => {
  lab = await startLabHost({ dataDir: tempDir(), port: 0, workers: 1, seed: 3 });
});
afterAll(async () => {
  await lab.close();
});

function shell() {
  return shellOf(lab);
}

function shellOf(host: LabHost) {
  const target = readKubeconfig(host.kubeconfig);
  let out = '';
  let err = '';
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const engine = new ShellEngine(httpTransport(target), state, { out: (t) => (out += t), err: (t) => (err += t) }, { files: memoryFiles({}), parseYaml: parseYamlDocuments, sleep: (ms) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 50))) });
  return {
    engine,
    async run(line: string) {
      out = '';
      err = '';
      await engine.run(line);
      return { out, err, code: state.lastExit };
    },
  };
}

describe('node shells against a running lab', () => {
  it('a manifest written on a node becomes a static pod whose mirror pod kubectl lists', async () => {
    const sh = shell();
    expect((await sh.run('ssh kubelab-worker')).code).toBe(0);
    expect(sh.engine.prompt()).toBe('root@kubelab-worker:~# ');
    const w = await sh.run("cat <<EOF > /etc/kubernetes/manifests/web.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\nEOF");
    expect(w.err).toBe('');
    await sh.run('exit');
    const line = await eventually(async () => {
      const r = await sh.run('kubectl get pods');
      return /^web-kubelab-worker +1\/1 +Running /m.exec(r.out)?.[0];
    }, 20_000);
    expect(line).toMatch(/^web-kubelab-worker/);
    // crictl on the node lists the container the kubelet started.
    const ps = await sh.run('ssh kubelab-worker crictl ps --name web');
    expect(ps.out).toMatch(/\n[0-9a-f]{13} +[0-9a-f]{13} +.* ago +Running +web +0 +[0-9a-f]{13} +web-kubelab-worker +default\n$/);
    await sh.run('ssh kubelab-worker rm /etc/kubernetes/manifests/web.yaml');
  });

  it('systemctl stop kubelet on a node: the node is NotReady after 40 s of lab time', async () => {
    const sh = shell();
    await sh.run('ssh kubelab-worker');
    expect((await sh.run('systemctl stop kubelet')).code).toBe(0);
    const status = await sh.run('systemctl status kubelet');
    expect(status.code).toBe(3);
    expect(status.out).toMatch(/^○ kubelet\.service - kubelet: The Kubernetes Node Agent\n/);
    expect(status.out).toContain('     Active: inactive (dead) since ');
    await sh.run('exit');
    expect((await sh.run('cluster status')).out).toMatch(/\nnode\/kubelab-worker +Stopped\n/);
    // 40 s of lab time without a heartbeat, at 20x.
    expect((await sh.run('cluster clock speed 20')).out).toMatch(/^clock: \S+ {2}running at 20x\n$/);
    const row = await eventually(async () => {
      const r = await sh.run('kubectl get nodes');
      return /^kubelab-worker +NotReady +<none> /m.exec(r.out)?.[0];
    }, 20_000);
    expect(row).toBeDefined();
    await sh.run('cluster clock speed 1');
    await sh.run('ssh kubelab-worker systemctl start kubelet');
    expect((await sh.run('cluster status')).out).toMatch(/\nnode\/kubelab-worker +Running\n/);
    await eventually(async () => (/^kubelab-worker +Ready /m.test((await sh.run('kubectl get nodes')).out) ? true : undefined), 20_000);
  });

  it('an empty cluster refuses connections until kubeadm init; kubeadm join adds the worker; both become Ready', async () => {
    const headers = { authorization: `Bearer ${lab.token}`, 'content-type': 'application/json' };
    expect((await fetch(`${lab.origin}/lab/v1/clusters`, { method: 'POST', headers, body: JSON.stringify({ name: 'scratch', nodes: 1, seed: 2, empty: true }) })).status).toBe(201);
    expect((await fetch(`${lab.origin}/lab/v1/clusters/scratch/use`, { method: 'POST', headers, body: '{}' })).status).toBe(200);
    const sh = shell();
    const refused = await sh.run('kubectl get nodes');
    expect(refused.code).not.toBe(0);
    expect(refused.out).toBe('');
    const before = await sh.run('ssh kubelab-worker systemctl is-active kubelet');
    expect(before.out).toBe('activating\n');
    const init = await sh.run('ssh kubelab-control-plane kubeadm init');
    expect(init.err).toBe('');
    expect(init.out).toContain('[init] Using Kubernetes version: v1.32.4\n[preflight] Running pre-flight checks\n');
    expect(init.out).toContain('Your Kubernetes control-plane has initialized successfully!\n');
    const join = /\n(kubeadm join 172\.18\.0\.2:6443 --token \S+) \\\n\t(--discovery-token-ca-cert-hash sha256:[0-9a-f]{64}) \n$/.exec(init.out);
    expect(join).not.toBeNull();
    const joined = await sh.run(`ssh kubelab-worker ${join?.[1] ?? ''} ${join?.[2] ?? ''}`);
    expect(joined.err).toBe('');
    expect(joined.out).toContain('This node has joined the cluster:\n');
    const nodes = await eventually(async () => {
      const r = await sh.run('kubectl get nodes');
      return /^kubelab-control-plane +Ready +control-plane /m.test(r.out) && /^kubelab-worker +Ready +<none> /m.test(r.out) ? r.out : undefined;
    }, 20_000);
    expect(nodes.split('\n')[0]).toBe('NAME                    STATUS   ROLES           AGE   VERSION');
    // On the control plane, kubectl needs kubeadm's admin.conf, as kubeadm init said.
    await sh.run('ssh kubelab-control-plane');
    expect((await sh.run('kubectl get nodes')).err).toContain('localhost:8080 was refused');
    await sh.run('export KUBECONFIG=/etc/kubernetes/admin.conf');
    expect((await sh.run('kubectl get nodes -o name')).out).toBe('node/kubelab-control-plane\nnode/kubelab-worker\n');
    await sh.run('exit');
  });
});

describe('an empty cluster', () => {
  it('is made by kubelab cluster create --empty, and once built with kubeadm it survives a restart', async () => {
    const data = tempDir();
    const made = await collect(kubelab(['cluster', 'create', 'scratch', '--empty', '--nodes', '1', '--data', data]));
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(JSON.parse(readFileSync(join(data, 'clusters', 'scratch', 'cluster.json'), 'utf8')).empty).toBe(true);
    expect((await collect(kubelab(['cluster', 'use', 'scratch', '--data', data]))).code).toBe(0);
    let host = await startLabHost({ dataDir: data, port: 0 });
    try {
      const sh = shellOf(host);
      const init = await sh.run('ssh kubelab-control-plane kubeadm init');
      const join = /\n(kubeadm join .+) \\\n\t(.+) \n$/.exec(init.out);
      expect((await sh.run(`ssh kubelab-worker ${join?.[1] ?? ''} ${join?.[2] ?? ''}`)).code).toBe(0);
      // A static pod written by hand: after the restart its manifest is back on the node.
      await sh.run('ssh kubelab-worker');
      expect((await sh.run("echo '{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}}' > /etc/kubernetes/manifests/web.json")).err).toBe('');
      await sh.run('exit');
      await eventually(async () => (/^web-kubelab-worker +1\/1 +Running/m.test((await sh.run('kubectl get pods')).out) ? true : undefined), 20_000);
    } finally {
      await host.close();
    }
    host = await startLabHost({ dataDir: data, port: 0 });
    try {
      const sh = shellOf(host);
      await eventually(async () => {
        const r = await sh.run('kubectl get nodes');
        return /^kubelab-control-plane +Ready /m.test(r.out) && /^kubelab-worker +Ready /m.test(r.out) ? true : undefined;
      }, 20_000);
      expect((await sh.run('ssh kubelab-worker systemctl is-active kubelet')).out).toBe('active\n');
      expect((await sh.run('ssh kubelab-worker ls /etc/kubernetes/manifests')).out).toBe('web.yaml\n');
      expect((await sh.run('ssh kubelab-worker rm /etc/kubernetes/manifests/web.yaml')).code).toBe(0);
      await eventually(async () => ((await sh.run('kubectl get pods')).out.includes('web-kubelab-worker') ? undefined : true), 20_000);
    } finally {
      await host.close();
    }
  });
});

describe('ssh in a terminal', () => {
  it("shows the node's prompt, asks kubeadm reset's question, and exit comes back", async () => {
    const data = tempDir();
    const host = await startLabHost({ dataDir: data, port: 0, workers: 1 });
    const sh = spawnShell(host.kubeconfig, tempDir());
    try {
      await sh.waitFor('kubelab:default$ ', 20_000);
      sh.mark();
      sh.type(`ssh kubelab-worker${KEY.enter}`);
      await sh.waitFor('root@kubelab-worker:~# ', 20_000);
      sh.mark();
      sh.type(`kubeadm reset${KEY.enter}`);
      await sh.waitFor('[reset] Are you sure you want to proceed? [y/N]: ');
      sh.mark();
      sh.type(`n${KEY.enter}`);
      await sh.waitFor('error execution phase preflight: aborted reset operation');
      await sh.waitFor('root@kubelab-worker:~# ');
      sh.mark();
      sh.type(`exit${KEY.enter}`);
      await sh.waitFor('Connection to kubelab-worker closed.');
      await sh.waitFor('kubelab:default$ ');
    } finally {
      sh.kill();
      await host.close();
    }
  });
});
