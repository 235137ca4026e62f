import { it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLabHost } from '../../electron/host/labHost';
import { readKubeconfig } from '../../electron/host/kubeconfig';
import { httpStream, httpTransport, parseYamlDocuments, sandboxedFiles } from '../../electron/cli/shell';
import { ShellEngine } from '../../core/shell/engine';
import { splitWords } from '../../core/shell/words';
import { tempDir } from '../helpers';
import { FILES, SEED } from './fixtures/shell-golden-cases';

it('scratch', async () => {
  const dir = tempDir('kubelab-scratch-');
  const work = join(dir, 'work');
  mkdirSync(work, { recursive: true });
  for (const [name, text] of Object.entries(FILES)) { mkdirSync(join(work, name, '..'), { recursive: true }); writeFileSync(join(work, name), text); }
  const lab = await startLabHost({ dataDir: join(dir, 'data'), port: 0, workers: 2, seed: 11 });
  const target = readKubeconfig(lab.kubeconfig);
  const state = { context: target.context, namespace: target.namespace, lastExit: 0, server: target.server };
  let out = ''; let err = '';
  const engine = new ShellEngine(httpTransport(target), state, { out: (t) => (out += t), err: (t) => (err += t) }, { stream: httpStream(target), files: sandboxedFiles(work), parseYaml: parseYamlDocuments });
  const home = join(dir, 'home'); mkdirSync(home);
  const kubectl = (line: string): Promise<string> => new Promise((done) => {
    const child = spawn('kubectl', splitWords(line).words, { cwd: work, env: { ...process.env, KUBECONFIG: lab.kubeconfig, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let o = ''; child.stdout.on('data', (d: Buffer) => (o += d.toString())); child.stderr.on('data', (d: Buffer) => (o += '[E]' + d.toString()));
    child.on('close', (code) => done(o + `[exit ${code}]\n`));
  });
  for (const line of SEED) await kubectl(line);
  lab.active.clock.pause();
  let report = '';
  for (const line of readFileSync('/tmp/f13/lines.txt', 'utf8').split('\n').filter(Boolean)) {
    const mode = process.env['F13_SHELL'] ? 'both' : 'kc';
    report += `$ kubectl ${line}\n` + await kubectl(line.replace(/\{S\}/g, 'zkc'));
    if (mode === 'both') { out = ''; err = ''; await engine.run(`kubectl ${line.replace(/\{S\}/g, 'zsh')}`); report += `--- shell\n${out}${err ? '[E]' + err : ''}[exit ${state.lastExit}]\n`; }
  }
  writeFileSync('/tmp/f13/out.txt', report);
  await lab.close();
}, 300000);
