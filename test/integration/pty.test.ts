/**
 * `kubelab shell` in a real pseudo-terminal, as the app's terminal runs it (node-pty), against
 * a lab host: the prompt, history recall with the up arrow and its file in the cluster's folder,
 * Ctrl-R, tab completion of a live pod name, Ctrl-C ending `kubectl get pods -w`, and a
 * here-document typed over several lines (with `> ` prompts) then applied with kubectl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { tempDir } from '../helpers';
import { KEY, spawnShell, typeLine, waitFor, type PtyShell } from './pty';

const PROMPT = 'kubelab:default$ ';

describe('kubelab shell in a pty', () => {
  let lab: LabHost;
  let cluster: string;
  let workspace: string;
  const shells: PtyShell[] = [];
  const start = async () => {
    const sh = spawnShell(lab.kubeconfig, workspace);
    shells.push(sh);
    // Node starts the shell in a few seconds, more on a machine busy with other suites.
    await waitFor(sh, PROMPT, 60_000);
    return sh;
  };

  beforeAll(async () => {
    const dir = tempDir('kubelab-pty-');
    lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 1, seed: 3 });
    // A workspace as the app gives it: the cluster's folder holds the history beside it.
    cluster = join(dir, 'clusters', 'default');
    workspace = join(cluster, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(cluster, 'cluster.json'), '{}');
  });

  afterAll(async () => {
    for (const sh of shells) sh.kill();
    await lab?.close();
  });

  it('writes a here-document typed over several lines, applies it, completes the pod name and stops a watch on Ctrl-C', { timeout: 180_000 }, async () => {
    const sh = await start();
    expect(sh.screen()).toContain('KubeLab shell. Type "help"');
    typeLine(sh, 'cat <<EOF > pod.yaml');
    await waitFor(sh, '> ');
    for (const line of ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: nginx', 'spec:', '  containers:', '  - name: web', '    image: nginx:1.27']) sh.type(`${line}${KEY.enter}`);
    typeLine(sh, 'EOF');
    await waitFor(sh, PROMPT);
    expect(readFileSync(join(workspace, 'pod.yaml'), 'utf8')).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n');

    typeLine(sh, 'kubectl apply -f pod.yaml');
    expect(await waitFor(sh, PROMPT)).toContain('pod/nginx created');

    sh.mark();
    sh.type(`kubectl get pods ng${KEY.tab}`);
    await waitFor(sh, 'kubectl get pods nginx ');
    sh.type(KEY.enter);
    expect(await waitFor(sh, /nginx +\d\/1 .*\n.*kubelab:default\$ $/)).toMatch(/^NAME +READY +STATUS/m);

    typeLine(sh, 'kubectl get pods -w');
    await waitFor(sh, /nginx +\d\/1/);
    sh.mark();
    sh.type(KEY.ctrlC);
    expect(await waitFor(sh, PROMPT)).toContain('^C');
    typeLine(sh, 'echo status=$?');
    await waitFor(sh, 'status=0');
  });

  it('recalls history with the up arrow and Ctrl-R, kept in the cluster folder across shells', { timeout: 180_000 }, async () => {
    const first = await start();
    typeLine(first, 'echo remembered | tr a-z A-Z');
    await waitFor(first, 'REMEMBERED');
    typeLine(first, 'exit');
    expect(await first.exited).toBe(0);
    expect(readFileSync(join(cluster, 'shell_history'), 'utf8')).toContain('"echo remembered | tr a-z A-Z"\n');
    expect(existsSync(join(workspace, 'shell_history'))).toBe(false);

    const sh = await start();
    // The last command of the first shell was `exit`; the one before it comes second.
    sh.mark();
    sh.type(KEY.up);
    await waitFor(sh, `${PROMPT}exit`);
    sh.mark();
    sh.type(KEY.up);
    await waitFor(sh, 'echo remembered | tr a-z A-Z');
    sh.type(KEY.enter);
    await waitFor(sh, 'REMEMBERED');
    sh.mark();
    sh.type(`${KEY.ctrlR}apply`);
    await waitFor(sh, "(reverse-i-search)`apply': kubectl apply -f pod.yaml");
    sh.mark();
    sh.type(KEY.enter);
    await waitFor(sh, 'pod/nginx unchanged');
    typeLine(sh, 'history');
    expect(await waitFor(sh, /\d+ {2}history\n/)).toMatch(/\d+ {2}kubectl apply -f pod\.yaml\n/);
  });

  it('continues a line after a pipe, drops it on Ctrl-C, and leaves on Ctrl-D', { timeout: 120_000 }, async () => {
    const sh = await start();
    typeLine(sh, 'echo one |');
    await waitFor(sh, '> ');
    typeLine(sh, 'wc -l');
    await waitFor(sh, /1\n.*kubelab:default\$ $/);
    typeLine(sh, "echo 'open");
    await waitFor(sh, '> ');
    sh.mark();
    sh.type(KEY.ctrlC);
    await waitFor(sh, PROMPT);
    sh.type(KEY.ctrlD);
    expect(await sh.exited).toBe(130);
  });
});
