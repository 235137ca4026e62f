/**
 * `kubectl exec` end to end (issue 5): the real kubectl 1.32 on PATH against a lab host — its
 * WebSocket (v5.channel.k8s.io) to pods/exec, stdin, exit codes, the API server's refusals, `cp`
 * through tar — and the bundled shell over the same WebSocket (electron/cli/execClient.ts), whose
 * output must be kubectl's byte for byte on the exec golden cases (fixtures/golden/exec.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost, type LabHost } from '../../electron/host/labHost';
import { readKubeconfig } from '../../electron/host/kubeconfig';
import { httpStream, httpTransport, parseYamlDocuments, sandboxedFiles } from '../../electron/cli/shell';
import { wsExec } from '../../electron/cli/execClient';
import { ShellEngine } from '../../core/shell/engine';
import { splitWords } from '../../core/shell/words';
import { findKubectl, tempDir } from '../helpers';
import { CASES } from './fixtures/golden/exec';

const kubectlPath = findKubectl();
if (!kubectlPath) console.warn('exec: skipped: there is no kubectl on PATH');

interface Output {
  out: string;
  err: string;
  code: number;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n';
const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n';

describe.skipIf(!kubectlPath)('kubectl exec through the WebSocket', () => {
  let lab: LabHost;
  let work: string;
  let home: string;
  let shell: (line: string) => Promise<Output>;

  const kubectl = (line: string, stdin?: string): Promise<Output> =>
    new Promise((done) => {
      const child = spawn('kubectl', splitWords(line).words, { cwd: work, env: { ...process.env, KUBECONFIG: lab.kubeconfig, HOME: home }, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
      let o = '';
      let e = '';
      child.stdout?.on('data', (d: Buffer) => (o += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (e += d.toString()));
      if (stdin !== undefined) child.stdin?.end(stdin);
      child.on('close', (code) => done({ out: o, err: e, code: code ?? -1 }));
    });

  beforeAll(async () => {
    const dir = tempDir('kubelab-exec-');
    work = join(dir, 'work');
    home = join(dir, 'home');
    mkdirSync(work, { recursive: true });
    mkdirSync(home, { recursive: true });
    writeFileSync(join(work, 'pod.yaml'), POD);
    writeFileSync(join(work, 'deploy.yaml'), DEPLOY);
    lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 1, seed: 5 });
    const target = readKubeconfig(lab.kubeconfig);
    const state = { context: target.context, namespace: target.namespace, lastExit: 0, server: target.server, kubeconfig: lab.kubeconfig };
    let out = '';
    let err = '';
    const engine = new ShellEngine(httpTransport(target), state, { out: (t) => (out += t), err: (t) => (err += t) }, { stream: httpStream(target), files: sandboxedFiles(work), parseYaml: parseYamlDocuments, exec: wsExec(target) });
    shell = async (line) => {
      out = '';
      err = '';
      await engine.run(`kubectl ${line}`);
      return { out, err, code: state.lastExit };
    };
    for (const line of ['apply -f pod.yaml', 'apply -f deploy.yaml', 'create namespace golden', 'run bb --image=busybox:1.36 -- sleep 3600']) {
      const r = await kubectl(line);
      if (r.code !== 0) throw new Error(`seeding failed: kubectl ${line}: ${r.err}`);
    }
    const ready = async () => (await kubectl('get pods --no-headers')).out.split('\n').filter((l) => / 1\/1 +Running /.test(l)).length === 3;
    for (let i = 0; i < 120 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 250));
  }, 120_000);

  afterAll(async () => {
    await lab?.close();
  });

  it('the bundled shell prints what kubectl prints for every exec golden case', { timeout: 180_000 }, async () => {
    const mismatches: string[] = [];
    for (const line of CASES) {
      const a = await shell(line.replace(/\{S\}/g, 'zsh'));
      const b = await kubectl(line.replace(/\{S\}/g, 'zkc'));
      const klog = (t: string) => t.replace(/^([IEW])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1<klog time and pid> ').replace(/ in \d+ milliseconds$/gm, ' in <n> milliseconds');
      const mask = (o: Output) => JSON.stringify({ ...o, out: o.out.replace(/zkc/g, 'zsh'), err: klog(o.err.replace(/zkc/g, 'zsh')) });
      if (mask(a) !== mask(b)) mismatches.push(`$ kubectl ${line}\n--- shell (exit ${a.code})\n${a.out}[stderr]\n${a.err}--- kubectl (exit ${b.code})\n${b.out}[stderr]\n${b.err}`);
    }
    expect(mismatches.join('\n\n')).toBe('');
  });

  it('real kubectl: output and stderr apart, the exit code, stdin, the API server errors', { timeout: 60_000 }, async () => {
    expect(await kubectl("exec bb -- sh -c 'echo out; echo err >&2; exit 3'")).toEqual({ out: 'out\n', err: 'err\ncommand terminated with exit code 3\n', code: 3 });
    expect(await kubectl('exec -i bb -- sh -c "cat; echo done"', 'line one\nline two\n')).toEqual({ out: 'line one\nline two\ndone\n', err: '', code: 0 });
    expect(await kubectl('exec bb -- bash')).toMatchObject({ err: expect.stringMatching(/^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/) as string, code: 1 });
    const r = await kubectl('exec -v=6 bb -- true');
    expect(r.err).toMatch(/GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/default\/pods\/bb\/exec\?command=true&container=bb&stderr=true&stdout=true 101 Switching Protocols/);
    expect(r.err).toContain('The subprotocol is v5.channel.k8s.io');
  });

  it('real kubectl cp: a file and a directory into a container and back', { timeout: 60_000 }, async () => {
    mkdirSync(join(work, 'dir', 'sub'), { recursive: true });
    writeFileSync(join(work, 'dir', 'sub', 'f.txt'), 'in a dir\n');
    writeFileSync(join(work, 'note.txt'), 'a note\n');
    expect(await kubectl('cp note.txt bb:/tmp/note.txt')).toEqual({ out: '', err: '', code: 0 });
    expect(await kubectl('cp dir bb:/tmp/dir')).toEqual({ out: '', err: '', code: 0 });
    expect((await kubectl('exec bb -- cat /tmp/note.txt /tmp/dir/sub/f.txt')).out).toBe('a note\nin a dir\n');
    expect(await kubectl('cp bb:/tmp/dir back')).toEqual({ out: "tar: removing leading '/' from member names\n", err: '', code: 0 });
    expect(readFileSync(join(work, 'back', 'sub', 'f.txt'), 'utf8')).toBe('in a dir\n');
  });
});
