/**
 * The bundled shell against the real kubectl, byte for byte (issue 5). A lab host runs in
 * process with its clock paused (so that both sides see the same ages); it is seeded through
 * the API; then every command line of `CASES` runs through BOTH the shell engine (in process,
 * over HTTP, as `kubelab shell` runs it) and the real `kubectl` with the lab's kubeconfig, and their
 * stdout, stderr and exit codes are compared after masking what necessarily differs between the
 * two runs (uids, resourceVersions, generated names and IPs of objects each side created).
 *
 * A line's `{S}` becomes `zsh` for the shell and `zkc` for kubectl, so that commands that create
 * or change objects work on separate objects of names of the same length; `zkc` is then read as
 * `zsh` in kubectl's output.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost } from '../../electron/host/labHost';
import { readKubeconfig } from '../../electron/host/kubeconfig';
import { httpStream, httpTransport, parseYamlDocuments, sandboxedFiles } from '../../electron/cli/shell';
import { wsExec } from '../../electron/cli/execClient';
import { ShellEngine } from '../../core/shell/engine';
import { splitWords } from '../../core/shell/words';
import { findKubectl, tempDir } from '../helpers';
import { CASES, FILES, SEED } from './fixtures/shell-golden-cases';

const kubectlPath = findKubectl();
if (!kubectlPath) console.warn('shell golden test: skipped: there is no kubectl on PATH to compare the bundled shell with');

interface Output {
  out: string;
  err: string;
  code: number;
}

/** Masks what differs between two runs of the same command on separate objects. */
export function mask(text: string): string {
  return text
    .replace(/zkc/g, 'zsh')
    .replace(/^([IEW])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1<klog time and pid> ')
    // `-v=6`: how long each request took.
    .replace(/ in \d+ milliseconds$/gm, ' in <n> milliseconds')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>')
    .replace(/(resourceVersion"?:\s*)"\d+"/g, '$1"<rv>"')
    // kubectl describe's event ages come from the client's wall clock, which runs on while the lab's is paused.
    .replace(/^ {2}(Type|----|Normal|Warning) {2}.*$/gm, (line) => {
      const cells = line.trim().split(/ {2,}/);
      if (cells[0] === 'Normal' || cells[0] === 'Warning') cells[2] = '<age>';
      return `  ${cells.join('  ')}`;
    });
}

describe.skipIf(!kubectlPath)('the bundled shell prints what kubectl prints', async () => {
  const dir = tempDir('kubelab-golden-');
  const work = join(dir, 'work');
  mkdirSync(work, { recursive: true });
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(work, name, '..'), { recursive: true });
    writeFileSync(join(work, name), text);
  }
  const lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 2, seed: 11 });
  afterAll(async () => {
    await lab.close();
  });
  const target = readKubeconfig(lab.kubeconfig);
  const state = { context: target.context, namespace: target.namespace, lastExit: 0, server: target.server, kubeconfig: lab.kubeconfig };
  let out = '';
  let err = '';
  const engine = new ShellEngine(httpTransport(target), state, { out: (t) => (out += t), err: (t) => (err += t) }, { stream: httpStream(target), files: sandboxedFiles(work), parseYaml: parseYamlDocuments, exec: wsExec(target) });
  const shell = async (line: string): Promise<Output> => {
    out = '';
    err = '';
    await engine.run(`kubectl ${line}`);
    return { out, err, code: state.lastExit };
  };
  const home = join(dir, 'home');
  mkdirSync(home);
  const kubectl = (line: string): Promise<Output> =>
    new Promise((done) => {
      // The kubeconfig comes from the environment: kubectl refuses flags before an unknown command.
      const child = spawn('kubectl', splitWords(line).words, { cwd: work, env: { ...process.env, KUBECONFIG: lab.kubeconfig, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
      let o = '';
      let e = '';
      child.stdout.on('data', (d: Buffer) => (o += d.toString()));
      child.stderr.on('data', (d: Buffer) => (e += d.toString()));
      child.on('close', (code) => done({ out: o, err: e, code: code ?? -1 }));
    });
  // Seed through the API, then stop time so that both sides print the same ages.
  for (const line of SEED) {
    const r = await kubectl(line);
    if (r.code !== 0) throw new Error(`seeding failed: kubectl ${line}: ${r.err}`);
  }
  // Let the seeded pods start and their Services get endpoints, then stop time, then let the
  // work already under way finish (the store's revision stays put), so that nothing changes
  // between the two sides of a case.
  const podsSettled = () => {
    const pods = lab.cluster.store.list('/registry/core/pods/default/').items as { status?: { phase?: string; conditions?: { type: string; status: string }[] } }[];
    return pods.every((p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed' || p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  };
  for (let i = 0; i < 120 && !podsSettled(); i++) await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 1500));
  lab.active.clock.pause();
  for (let last = -1, i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const rev = lab.cluster.store.currentRevision();
    if (rev === last) break;
    last = rev;
  }

  it(`runs ${CASES.length} command lines through both and finds the same output`, async () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const line of CASES) {
      const a = await shell(line.replace(/\{S\}/g, 'zsh'));
      const b = await kubectl(line.replace(/\{S\}/g, 'zkc'));
      compared++;
      const sa = { out: mask(a.out), err: mask(a.err), code: a.code };
      const sb = { out: mask(b.out), err: mask(b.err), code: b.code };
      if (JSON.stringify(sa) !== JSON.stringify(sb)) mismatches.push(`$ kubectl ${line}\n--- shell (exit ${sa.code})\n${sa.out}${sa.err ? `[stderr]\n${sa.err}` : ''}--- kubectl (exit ${sb.code})\n${sb.out}${sb.err ? `[stderr]\n${sb.err}` : ''}`);
    }
    console.log(`shell golden test: compared ${compared} command lines, ${compared - mismatches.length} identical`);
    if (process.env['SHELL_GOLDEN_REPORT']) writeFileSync(process.env['SHELL_GOLDEN_REPORT'], mismatches.join('\n\n'));
    expect(mismatches.join('\n\n')).toBe('');
  }, 1_500_000);
});
