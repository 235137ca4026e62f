// Builds KubeLab (electron-vite: main, preload, renderer) when out/ is missing or older than
// the sources, so that `npx kubelab ...` and `npm start` work right after `npm ci`.
// Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stamp = join(root, 'out', '.build-stamp');
const SOURCES = ['core', 'electron', 'renderer', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];
const IGNORED = /(^|\/)(node_modules|\.git|out)(\/|$)|\.test\.ts$|\.md$/;

function newestMtime(path) {
  if (!existsSync(path) || IGNORED.test(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether the build in out/ is missing or older than a source file. */
export function buildIsStale() {
  if (!existsSync(stamp) || !existsSync(join(root, 'out', 'main', 'cli.js')) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/** Builds if needed; returns false (after saying why) when the build failed. */
export function ensureBuild({ quiet = false } = {}) {
  if (!buildIsStale()) return true;
  if (!quiet) process.stderr.write('KubeLab: building the app (first run or sources changed)...\n');
  const bin = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!existsSync(bin)) {
    process.stderr.write('KubeLab: the build tools are missing; run "npm ci" in the KubeLab folder first.\n');
    return false;
  }
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.stderr.write('KubeLab: the build failed (see above).\n');
    return false;
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  if (!quiet) process.stderr.write(`KubeLab: built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(ensureBuild() ? 0 : 1);
