// Where the Electron binary is, without `require('electron')` (which would try to download it
// and throw). Shared by electron/cli/start.mjs (`npm start`) and build/dist.mjs (`npm run dist`).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** The repository root (two folders above this file). */
export const repoRoot = resolve(import.meta.dirname, '../..');

/**
 * The folder of the installed `electron` npm package (it holds path.txt, dist/ and install.js).
 * @param {string} [root] where to resolve from
 * @returns {string}
 */
export function electronPackageDir(root = repoRoot) {
  try {
    const require = createRequire(join(root, 'package.json'));
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return join(root, 'node_modules', 'electron');
  }
}

/**
 * The Electron executable if it is installed, else `null`. Mirrors electron's own index.js:
 * `path.txt` names the executable inside `dist/` (or inside ELECTRON_OVERRIDE_DIST_PATH).
 * @param {string} pkgDir the electron package folder
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
export function findElectronBinary(pkgDir, env = process.env) {
  let relative;
  try {
    relative = readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = '';
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) return null;
  const binary = override ? join(override, relative || 'electron') : join(pkgDir, 'dist', relative);
  try {
    return existsSync(binary) && statSync(binary).isFile() ? binary : null;
  } catch {
    return null;
  }
}

/**
 * Runs the electron package's own installer (`install.js`, what `npx install-electron` runs),
 * showing its output, for at most `timeoutMs`. Resolves to true when it exited with 0.
 * @param {string} pkgDir
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<boolean>}
 */
export function runElectronInstaller(pkgDir, { timeoutMs = 120_000 } = {}) {
  const installer = join(pkgDir, 'install.js');
  if (!existsSync(installer)) return Promise.resolve(false);
  return new Promise((done) => {
    const child = spawn(process.execPath, [installer], { cwd: pkgDir, stdio: 'inherit', timeout: timeoutMs });
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

/**
 * The Electron binary, running the installer once when it is missing; `null` when it is
 * still missing afterwards.
 * @param {string} [pkgDir]
 * @returns {Promise<string | null>}
 */
export async function ensureElectronBinary(pkgDir = electronPackageDir()) {
  const found = findElectronBinary(pkgDir);
  if (found) return found;
  console.log('KubeLab: the Electron binary is not installed yet; trying to download it (this is what "npx install-electron" does)...');
  await runElectronInstaller(pkgDir);
  return findElectronBinary(pkgDir);
}
