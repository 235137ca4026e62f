#!/usr/bin/env node
// `npm run dist`: build if needed, then package KubeLab with electron-builder
// (build/electron-builder.yml). Arguments pass through: `npm run dist -- --linux AppImage`.
// electron-builder downloads Electron for the target platform, so packaging needs a network;
// the Electron binary check below (the same as `npm start`'s) tells early when there is none.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { electronPackageDir, ensureElectronBinary, repoRoot } from '../electron/cli/electron-binary.mjs';

/** Runs `node script args` from the repository root with the terminal inherited; resolves to its exit code. */
function runNode(script, args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: repoRoot, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`KubeLab: cannot run ${script}: ${err.message}`);
      done(1);
    });
    child.on('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(code ?? 1);
    });
  });
}

async function main() {
  const built = await runNode(join(repoRoot, 'electron/cli/ensure-build.mjs'), []);
  if (built !== 0) {
    if (built < 128) console.error('KubeLab: the build failed (see above), so nothing was packaged.');
    return built;
  }

  if (!(await ensureElectronBinary(electronPackageDir()))) {
    console.error(
      'KubeLab: packaging needs Electron, which electron-builder downloads for each target platform, and it cannot be ' +
        'fetched on this machine (no network?); run "npm ci && npm run dist" on a connected machine (on each target OS) to get the installers.',
    );
    return 1;
  }

  const require = createRequire(join(repoRoot, 'package.json'));
  const cli = join(require.resolve('electron-builder/package.json'), '..', 'cli.js');
  return runNode(cli, ['--config', 'build/electron-builder.yml', ...process.argv.slice(2)]);
}

process.exitCode = await main();
