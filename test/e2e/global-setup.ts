// Starts the real lab host (`kubelab serve` on a free port, with a fresh data folder) and
// gives its URL to the tests in KUBELAB_URL. The returned function is the teardown.
// With KUBELAB_URL already set, the tests use that running host instead.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');
const READY = /^KubeLab ready: (http:\/\/\S+\/\?token=\S+)$/;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.KUBELAB_URL) return undefined;
  const dataDir = await mkdtemp(join(tmpdir(), 'kubelab-e2e-'));
  const child = spawn(process.execPath, ['electron/cli/kubelab.mjs', 'serve', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  /** SIGTERM (SIGKILL if that is not enough), wait for the exit, remove the data folder. */
  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
    await rm(dataDir, { recursive: true, force: true });
  }

  const url = await new Promise<string>((done, fail) => {
    const lines = createInterface({ input: child.stdout });
    const give = (reason: string) => {
      clearTimeout(timer);
      child.off('exit', early);
      lines.close();
      void stop().finally(() => fail(new Error(`${reason}\n--- kubelab serve stderr ---\n${stderr}`)));
    };
    const timer = setTimeout(() => give(`kubelab serve printed no ready line in ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const early = (code: number | null, signal: string | null) => give(`kubelab serve exited early (code ${code}, signal ${signal})`);
    child.once('exit', early);
    lines.on('line', (line) => {
      const match = READY.exec(line.trim());
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', early);
      done(match[1]);
    });
  });
  process.env.KUBELAB_URL = url;
  return stop;
}
