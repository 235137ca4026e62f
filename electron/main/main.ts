// The Electron main process (built to out/main/main.js). It starts the lab host in this
// process, opens one window on the host's URL, answers the preload bridge, and closes the
// host cleanly on quit. Only one KubeLab runs at a time; a second launch focuses the first.
// `.kubelab` files opened from the OS (a path on the command line on Windows and Linux, an
// 'open-file' event on macOS — before or after 'ready' — or a second launch's command line,
// handed over by 'second-instance') wait in `openedFiles` until the renderer takes them and
// asks the user to confirm opening each as a new cluster.
import { app, dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir, startLabHost } from '../host/labHost';
import type { LabHost } from '../host/labHost';
import type { FileOpenedEvent } from '../preload/api';
import { OpenedFiles } from './files';
import { registerIpc } from './ipc';
import { originOf } from './policy';
import { createLabWindow, hardenSession } from './window';

const SHUTDOWN_TIMEOUT_MS = 5000;
const preloadPath = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
const fileOpened: FileOpenedEvent = 'kubelab:file-opened';

let host: LabHost | null = null;
let hostOrigin: string | null = null;
let win: BrowserWindow | null = null;
let quitState: 'running' | 'closing' | 'closed' = 'running';

const openedFiles = new OpenedFiles(() => win?.webContents.send(fileOpened));

function focusWindow(): void {
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Closes the lab host (at most SHUTDOWN_TIMEOUT_MS); never rejects. */
async function closeHost(): Promise<void> {
  const closing = host?.close();
  host = null;
  if (!closing) return;
  const timeout = new Promise<void>((r) => setTimeout(r, SHUTDOWN_TIMEOUT_MS).unref());
  await Promise.race([closing, timeout]).catch((err: unknown) => {
    console.error(`KubeLab: closing the lab host failed: ${String(err)}`);
  });
}

function fail(err: unknown): void {
  const message = (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
  console.error(`KubeLab could not start: ${message}.`);
  dialog.showErrorBox('KubeLab', `KubeLab could not start: ${message}.`);
  void closeHost().finally(() => app.exit(1));
}

function openWindow(origin: string): BrowserWindow {
  const w = createLabWindow(origin, preloadPath);
  w.on('closed', () => {
    if (win === w) win = null;
  });
  win = w;
  return w;
}

async function start(): Promise<void> {
  // The same folder as `kubelab serve` (KUBELAB_DATA overrides it), so both modes share one lab.
  host = await startLabHost({ dataDir: defaultDataDir(), rendererDir: join(app.getAppPath(), 'out', 'renderer') });
  hostOrigin = originOf(host.url);
  if (hostOrigin === null) throw new Error(`the lab host gave an invalid URL`);
  hardenSession(hostOrigin);
  const w = openWindow(hostOrigin);
  if (process.env.KUBELAB_SMOKE_TEST === '1') reportForSmokeTest(w);
  await w.loadURL(host.url);
}

/** For test/unit/electron-smoke.test.ts: print what loaded (never the token), then quit. */
function reportForSmokeTest(w: BrowserWindow): void {
  w.webContents.once('did-finish-load', () => {
    setTimeout(() => {
      const report = { title: w.webContents.getTitle(), windowTitle: w.getTitle(), origin: originOf(w.webContents.getURL()), openedFiles: openedFiles.received };
      console.log(`KUBELAB_SMOKE ${JSON.stringify(report)}`);
      app.quit();
    }, 500);
  });
}

function closeHostThenQuit(): void {
  quitState = 'closing';
  void closeHost().finally(() => {
    quitState = 'closed';
    app.quit();
  });
}

// The smoke test runs beside a KubeLab the user may have open: give it its own profile and lock.
if (process.env.KUBELAB_SMOKE_TEST === '1' && process.env.KUBELAB_DATA) {
  app.setPath('userData', join(process.env.KUBELAB_DATA, 'electron-profile'));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerIpc(() => hostOrigin, openedFiles);
  openedFiles.addArgs(process.argv.slice(1), process.cwd());

  app.on('second-instance', (_event, argv, workingDirectory) => {
    openedFiles.addArgs(argv.slice(1), workingDirectory);
    focusWindow();
  });
  // macOS: emitted for the file the app was launched with (before 'ready') and for every file
  // opened while it runs — also when every window is closed (then a window opens for it).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openedFiles.add(path);
    if (win === null && host && hostOrigin) {
      const lab = host;
      openWindow(hostOrigin).loadURL(lab.url).catch(fail);
    } else focusWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (win === null && host && hostOrigin) {
      const lab = host;
      openWindow(hostOrigin).loadURL(lab.url).catch(fail);
    }
  });
  app.on('before-quit', (event) => {
    if (quitState === 'closed') return;
    event.preventDefault();
    if (quitState === 'running') closeHostThenQuit();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app.whenReady().then(start).catch(fail);
}
