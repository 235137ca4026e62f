#!/usr/bin/env node
// `npm start`: build if needed, then open the desktop app (Electron). When the Electron
// binary is missing and cannot be downloaded (as on an offline machine), or when
// KUBELAB_NO_ELECTRON=1 is set, start the browser mode (`kubelab serve --open`) instead.
// Extra arguments (`npm start -- ARGS`) go to Electron or to `kubelab serve`.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { electronPackageDir, ensureElectronBinary, repoRoot } from './electron-binary.mjs';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs a command from the repository root with the terminal inherited, forwarding
 * SIGINT/SIGTERM/SIGHUP to it, and resolves to its exit code (128 + n when a signal killed it).
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
function run(command, args, env = process.env) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env });
    let last = { signal: '', at: 0 };
    const forward = (signal) => {
      // npm and the terminal may both deliver the same Ctrl-C: pass it on once.
      const now = Date.now();
      if (last.signal === signal && now - last.at < 200) return;
      last = { signal, at: now };
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const finish = (code) => {
      for (const s of FORWARDED_SIGNALS) process.off(s, forward);
      done(code);
    };
    for (const s of FORWARDED_SIGNALS) process.on(s, forward);
    child.on('error', (err) => {
      console.error(`KubeLab: cannot run ${command}: ${err.message}`);
      finish(1);
    });
    child.on('exit', (code, signal) => finish(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

function browserMode(args) {
  return run(process.execPath, [join(repoRoot, 'electron/cli/kubelab.mjs'), 'serve', '--open', ...args]);
}

async function main() {
  const args = process.argv.slice(2);

  const built = await run(process.execPath, [join(repoRoot, 'electron/cli/ensure-build.mjs')]);
  if (built !== 0) {
    if (built < 128) console.error('KubeLab: the build failed (see above), so nothing was started.');
    return built;
  }

  if (process.env.KUBELAB_NO_ELECTRON === '1') {
    console.log('KubeLab: KUBELAB_NO_ELECTRON=1 is set, so the desktop app is skipped. Starting the browser mode instead.');
    return browserMode(args);
  }

  const binary = await ensureElectronBinary(electronPackageDir());
  if (!binary) {
    console.log(
      'KubeLab: the Electron binary is not installed and could not be downloaded (no network?); ' +
        'run "npx install-electron" on a connected machine to get the desktop app. Starting the browser mode instead.',
    );
    return browserMode(args);
  }

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // inherited from a shell inside KubeLab, it would make Electron act as Node
  // Chromium refuses to run as root with its sandbox on (containers, CI): only then turn it off.
  const sandboxArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return run(binary, ['.', ...sandboxArgs, ...args], env);
}

process.exitCode = await main();
