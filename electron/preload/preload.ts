// The sandboxed preload (built to out/preload/preload.cjs). It exposes a handful of OS
// integrations as `window.kubelab` through contextBridge; the page never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import type { FileOpenedEvent, IpcChannel, IpcContract, KubelabBridge } from './api';

function invoke<C extends IpcChannel>(channel: C, ...args: IpcContract[C]['args']): Promise<IpcContract[C]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcContract[C]['result']>;
}

const fileOpened: FileOpenedEvent = 'kubelab:file-opened';

const bridge: KubelabBridge = {
  openFile: (filters, encoding) => invoke('kubelab:open-file', filters, encoding),
  saveFile: (defaultName, data, encoding) => invoke('kubelab:save-file', defaultName, data, encoding),
  openExternal: (url) => invoke('kubelab:open-external', url),
  takeOpenedFiles: () => invoke('kubelab:take-opened-files'),
  onFileOpened(listener) {
    // Never hand the IpcRendererEvent to the page: it carries `sender`.
    const wrapped = (): void => listener();
    ipcRenderer.on(fileOpened, wrapped);
    return () => {
      ipcRenderer.removeListener(fileOpened, wrapped);
    };
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('kubelab', bridge);
