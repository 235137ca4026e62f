// The main-process side of the preload bridge. Every handler first checks that the call
// comes from a frame of the lab host's origin, then validates its arguments.
import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { IpcChannel, IpcContract } from '../preload/api';
import type { OpenedFiles } from './files';
import { readFileFor, writeFileFrom } from './files';
import { isHostUrl, isSafeExternalUrl, parseDefaultName, parseEncoding, parseFilters } from './policy';

type Handler<C extends IpcChannel> = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcContract[C]['result']>;

/** Registers the handlers; `hostOrigin()` is the only origin allowed to call them. */
export function registerIpc(hostOrigin: () => string | null, openedFiles: OpenedFiles): void {
  function handle<C extends IpcChannel>(channel: C, fn: Handler<C>): void {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      const origin = hostOrigin();
      const url = event.senderFrame?.url ?? '';
      if (origin === null || !isHostUrl(url, origin)) {
        throw new Error(`KubeLab refused ${channel} from ${url || 'an unknown frame'}`);
      }
      return fn(event, ...args);
    });
  }

  handle('kubelab:open-file', async (event, filters, encoding) => {
    const parsedFilters = parseFilters(filters);
    const enc = parseEncoding(encoding);
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: OpenDialogOptions = { properties: ['openFile'], filters: parsedFilters ?? [] };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || path === undefined) return null;
    return readFileFor(path, enc);
  });

  handle('kubelab:save-file', async (event, defaultName, data, encoding) => {
    const name = parseDefaultName(defaultName);
    if (typeof data !== 'string') throw new TypeError('data must be a string');
    const enc = parseEncoding(encoding);
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: SaveDialogOptions = { defaultPath: join(app.getPath('documents'), name) };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFileFrom(result.filePath, data, enc);
    return result.filePath.split(/[\\/]/).pop() ?? name;
  });

  handle('kubelab:open-external', async (_event, url) => {
    if (!isSafeExternalUrl(url)) return false;
    await shell.openExternal(url);
    return true;
  });

  handle('kubelab:take-opened-files', () => openedFiles.take());
}
