/** Where KubeLab finds its own files and keeps its data. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The application root: the folder holding `package.json`, `out/` and `labs/`. The built
 * code runs from `out/main/*.js`, tests run the sources from `electron/host/`; both are two
 * levels below the root. `KUBELAB_ROOT` overrides it.
 */
export function appRoot(): string {
  if (process.env.KUBELAB_ROOT) return resolve(process.env.KUBELAB_ROOT);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'labs'))) return dir;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** The built renderer. */
export function rendererDir(): string {
  return join(appRoot(), 'out', 'renderer');
}

/** The lesson folders. */
export function labsDir(): string {
  return join(appRoot(), 'labs');
}

/** The built `kubelab` command (the pty runs `kubelab shell` from it). */
export function cliEntry(): string {
  return join(appRoot(), 'out', 'main', 'cli.js');
}

/**
 * KubeLab's folder under the OS user-data location — the same folder Electron's
 * `app.getPath('userData')` gives for the product name KubeLab.
 */
export function defaultDataDir(): string {
  if (process.env.KUBELAB_DATA) return resolve(process.env.KUBELAB_DATA);
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'KubeLab');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'KubeLab');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'KubeLab');
}

/** KubeLab's version, from its package.json. */
export function kubelabVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
