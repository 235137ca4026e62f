/**
 * `kubectl exec -it` in real pseudo-terminals (node-pty): the real kubectl 1.32 into a busybox
 * shell (prompt, echo, Ctrl-C, the exit code), and the bundled shell (`kubelab shell`) into a
 * Debian shell that curls a Service through kube-proxy and DNS and sees nginx answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { findKubectl, kubectl, tempDir } from '../helpers';
import { KEY, plain, spawnShell, typeLine, waitFor, type PtyShell } from './pty';

const kubectlPath = findKubectl();
if (!kubectlPath) console.warn('pty exec: skipped the real kubectl case: there is no kubectl on PATH');

describe('kubectl exec -it in a pty', () => {
  let lab: LabHost;
  let workspace: string;
  const shells: PtyShell[] = [];

  beforeAll(async () => {
    const dir = tempDir('kubelab-pty-exec-');
    workspace = join(dir, 'workspace');
    mkdirSync(workspace, { recursive: true });
    lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 1, seed: 8 });
    const c = lab.cluster.client();
    await c.create({ resource: 'pods', namespace: 'default' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bb' }, spec: { containers: [{ name: 'bb', image: 'busybox:1.36', command: ['sleep', '3600'] }] } });
    await c.create({ resource: 'pods', namespace: 'default' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client' }, spec: { containers: [{ name: 'client', image: 'nginx:1.27' }] } });
    await c.create({ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } } });
    await c.create({ resource: 'services', namespace: 'default' }, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } });
    for (let i = 0; i < 120; i++) {
      const r = await kubectl(lab.kubeconfig, ['get', 'endpoints', 'web', '-o', 'jsonpath={.subsets[0].addresses[*].ip}']);
      const pods = await kubectl(lab.kubeconfig, ['get', 'pods', '--no-headers']);
      if (r.stdout.split(' ').length === 2 && pods.stdout.split('\n').filter((l) => / 1\/1 +Running /.test(l)).length === 4) break;
      await new Promise((res) => setTimeout(res, 250));
    }
  }, 120_000);

  afterAll(async () => {
    for (const sh of shells) sh.kill();
    await lab?.close();
  });

  it.skipIf(!kubectlPath)('the real kubectl: a busybox prompt, echo, Ctrl-C, exit 4', { timeout: 60_000 }, async () => {
    const pty = spawn('kubectl', ['exec', '-it', 'bb', '--', 'sh'], { name: 'xterm', cols: 100, rows: 30, cwd: workspace, env: { ...(process.env as Record<string, string>), KUBECONFIG: lab.kubeconfig } });
    let out = '';
    pty.onData((d) => (out += d));
    const exited = new Promise<number>((r) => pty.onExit(({ exitCode }) => r(exitCode)));
    const until = async (text: string) => {
      for (let i = 0; i < 150 && !plain(out).includes(text); i++) await new Promise((r) => setTimeout(r, 100));
      expect(plain(out)).toContain(text);
    };
    await until('/ # ');
    pty.write('echo hi $TERM\r');
    await until('hi xterm\n');
    pty.write('sleep 100\r');
    await until('sleep 100\n');
    pty.write(KEY.ctrlC);
    await until('^C\n/ # ');
    pty.write('exit 4\r');
    expect(await exited).toBe(4);
    expect(plain(out)).toContain('command terminated with exit code 4');
  });

  it('the bundled shell: exec -it into a Debian shell, curl the Service, exit back to the prompt', { timeout: 90_000 }, async () => {
    const sh = spawnShell(lab.kubeconfig, workspace);
    shells.push(sh);
    await waitFor(sh, 'kubelab:default$ ');
    typeLine(sh, 'kubectl exec -it client -- sh');
    await waitFor(sh, '# ');
    typeLine(sh, 'curl -s http://web');
    expect(await waitFor(sh, '</html>')).toContain('<title>Welcome to nginx!</title>');
    typeLine(sh, 'exit 2');
    expect(await waitFor(sh, 'kubelab:default$ ')).toContain('command terminated with exit code 2');
    typeLine(sh, 'echo $?');
    expect(await waitFor(sh, /2\n.*kubelab:default\$ $/)).toBeTruthy();
  });
});
