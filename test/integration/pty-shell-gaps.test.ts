/**
 * `kubelab shell` in a real pseudo-terminal, against a lab host, for what a student does around
 * nodes and containers: Tab completes a node name after `ssh `, Ctrl-D on a node's prompt ends
 * only the ssh session (back to the lab shell, which Ctrl-D then leaves), and a pipe or a
 * here-document feeds `kubectl exec -i` over the WebSocket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { tempDir } from '../helpers';
import { KEY, spawnShell, typeLine, waitFor, type PtyShell } from './pty';

const PROMPT = 'kubelab:default$ ';

describe('kubelab shell in a pty: nodes and exec -i', () => {
  let lab: LabHost;
  let workspace: string;
  const shells: PtyShell[] = [];

  beforeAll(async () => {
    const dir = tempDir('kubelab-pty-gaps-');
    lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 1, seed: 4 });
    workspace = join(dir, 'workspace');
    mkdirSync(workspace, { recursive: true });
  });

  afterAll(async () => {
    for (const sh of shells) sh.kill();
    await lab?.close();
  });

  it('completes the node after ssh; Ctrl-D on the node comes back to the lab shell, and leaves it there', { timeout: 180_000 }, async () => {
    const sh = spawnShell(lab.kubeconfig, workspace);
    shells.push(sh);
    await waitFor(sh, PROMPT, 60_000);
    sh.mark();
    sh.type('ssh kubelab-w');
    sh.type(KEY.tab);
    await waitFor(sh, 'ssh kubelab-worker ');
    sh.type(KEY.enter);
    await waitFor(sh, 'root@kubelab-worker:~# ', 30_000);
    sh.mark();
    sh.type(KEY.ctrlD);
    await waitFor(sh, /logout\nConnection to kubelab-worker closed\.\n.*kubelab:default\$ $/);
    typeLine(sh, 'echo still here');
    await waitFor(sh, /still here\n.*kubelab:default\$ $/);
    sh.type(KEY.ctrlD);
    expect(await sh.exited).toBe(0);
  });

  it('sends a pipe and a here-document to kubectl exec -i', { timeout: 180_000 }, async () => {
    const sh = spawnShell(lab.kubeconfig, workspace);
    shells.push(sh);
    await waitFor(sh, PROMPT, 60_000);
    typeLine(sh, 'kubectl run bb --image=busybox:1.36 -- sleep 3600 && kubectl wait --for=condition=Ready pod/bb --timeout=60s');
    await waitFor(sh, 'pod/bb condition met', 90_000);
    await waitFor(sh, PROMPT);
    typeLine(sh, "echo hello from a pipe | kubectl exec -i bb -- sh -c 'cat; echo done'");
    await waitFor(sh, /\nhello from a pipe\ndone\n.*kubelab:default\$ $/, 30_000);
    typeLine(sh, 'kubectl exec -i bb -- cat <<EOF');
    sh.type(`one${KEY.enter}two${KEY.enter}EOF${KEY.enter}`);
    await waitFor(sh, /EOF\none\ntwo\n.*kubelab:default\$ $/, 30_000);
  });
});
