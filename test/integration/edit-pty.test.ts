/**
 * `kubectl edit` in `kubelab shell` in a real pseudo-terminal: the built-in editor opens full
 * screen on kubectl's buffer, the student edits it with nano's keys, and the change reaches the
 * cluster; an invalid change reopens the buffer with the error on top, and leaving it unchanged
 * gives up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { tempDir } from '../helpers';
import { KEY, spawnShell, typeLine, waitFor, type PtyShell } from './pty';

const PROMPT = 'kubelab:default$ ';
const CTRL_O = '\x0f';
const CTRL_W = '\x17';
const CTRL_X = '\x18';
const END = '\x1b[F';
const BACKSPACE = '\x7f';

describe('kubectl edit in a pty', () => {
  let lab: LabHost;
  let workspace: string;
  let sh: PtyShell | undefined;

  beforeAll(async () => {
    const dir = tempDir('kubelab-edit-pty-');
    lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 1, seed: 5 });
    workspace = join(dir, 'workspace');
    mkdirSync(workspace, { recursive: true });
  });

  afterAll(async () => {
    sh?.kill();
    await lab?.close();
  });

  /** Types keys one group at a time, waiting for the editor to redraw after each. */
  const keys = async (shell: PtyShell, ...groups: string[]) => {
    for (const g of groups) {
      shell.mark();
      shell.type(g);
      await waitFor(shell, /KubeLab nano|Save modified buffer|Search/);
    }
  };

  it('edits a ConfigMap in the built-in editor, and reopens an invalid Deployment with the error on top', async () => {
    sh = spawnShell(lab.kubeconfig, workspace, { env: { KUBE_EDITOR: '', EDITOR: '' } });
    await waitFor(sh, PROMPT);
    typeLine(sh, 'kubectl create configmap cfg --from-literal=mode=slow');
    expect(await waitFor(sh, PROMPT)).toContain('configmap/cfg created');

    typeLine(sh, 'kubectl edit cm cfg');
    const opened = await waitFor(sh, 'KubeLab nano');
    expect(sh.output()).toContain('\x1b[?1049h');
    await waitFor(sh, '^X Exit');
    expect(opened + (await waitFor(sh, 'mode: slow'))).toContain('# Please edit the object below.');
    await keys(sh, `${CTRL_W}mode: slow`, '\r', END, BACKSPACE.repeat(4), 'fast', CTRL_O);
    sh.mark();
    sh.type(CTRL_X);
    expect(await waitFor(sh, PROMPT)).toContain('configmap/cfg edited');
    typeLine(sh, 'kubectl get cm cfg -o jsonpath={.data.mode}');
    expect(await waitFor(sh, PROMPT)).toContain('fast');

    typeLine(sh, 'kubectl create deployment web --image=nginx:1.27');
    await waitFor(sh, PROMPT);
    typeLine(sh, 'kubectl edit deploy web');
    await waitFor(sh, 'replicas: 1');
    await keys(sh, `${CTRL_W}  replicas: 1`, '\r', END, BACKSPACE, '-1');
    sh.mark();
    sh.type(CTRL_X);
    await waitFor(sh, 'Save modified buffer?');
    sh.mark();
    sh.type('y');
    const reopened = await waitFor(sh, 'spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(reopened).toContain('error: deployments.apps "web" is invalid');
    expect(reopened).toContain('# deployments.apps "web" was not valid:');
    // Leaving the reopened buffer unchanged gives up (the copy of the changes it keeps in the
    // workspace is tested in test/scenarios/mutate.test.ts).
    sh.mark();
    sh.type(CTRL_X);
    const out = await waitFor(sh, PROMPT);
    expect(out).toContain('error: Edit cancelled, no valid changes were saved.');
    typeLine(sh, 'kubectl get deploy web -o jsonpath={.spec.replicas}');
    expect(await waitFor(sh, PROMPT)).toMatch(/^1/m);
    sh.mark();
    sh.type(KEY.ctrlD);
    expect(await sh.exited).toBe(0);
  }, 120_000);
});
