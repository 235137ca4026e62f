// The bridge between the renderer and the Electron main process: channel names and payload
// types shared by `preload.ts` (which calls them) and `main/ipc.ts` (which answers them).
// Types only: nothing here exists at run time, so the sandboxed preload bundles no extra code.

/** A filter of the open dialog, as Electron's `FileFilter`: `{ name: 'Snapshots', extensions: ['kubelab'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** How file contents travel over IPC: text as UTF-8, anything else as base64. */
export type FileEncoding = 'utf8' | 'base64';

/** A file the user picked (or opened with KubeLab from the OS). The full path stays in main. */
export interface OpenedFile {
  name: string;
  data: string;
  encoding: FileEncoding;
}

/** What `window.kubelab` offers to the renderer (absent in the browser mode). */
export interface KubelabBridge {
  /** Shows the open dialog; `null` when the user cancels. */
  openFile(filters?: FileFilter[], encoding?: FileEncoding): Promise<OpenedFile | null>;
  /** Shows the save dialog and writes `data`; returns the chosen file name, `null` when cancelled. */
  saveFile(defaultName: string, data: string, encoding?: FileEncoding): Promise<string | null>;
  /** Opens an http(s) link in the user's browser; `false` when the URL was refused. */
  openExternal(url: string): Promise<boolean>;
  /** `.kubelab` files the OS asked KubeLab to open (file association, a second launch), each returned once, as base64. */
  takeOpenedFiles(): Promise<OpenedFile[]>;
  /** Calls `listener` when the OS opens another `.kubelab` file; then call `takeOpenedFiles()`. Returns an unsubscribe function. */
  onFileOpened(listener: () => void): () => void;
  /** `process.platform` of the desktop: 'linux', 'darwin', 'win32', ... */
  platform: string;
}

/** Every `ipcRenderer.invoke` channel with its arguments and result. */
export interface IpcContract {
  'kubelab:open-file': { args: [filters: FileFilter[] | undefined, encoding: FileEncoding | undefined]; result: OpenedFile | null };
  'kubelab:save-file': { args: [defaultName: string, data: string, encoding: FileEncoding | undefined]; result: string | null };
  'kubelab:open-external': { args: [url: string]; result: boolean };
  'kubelab:take-opened-files': { args: []; result: OpenedFile[] };
}

export type IpcChannel = keyof IpcContract;

/** The one main → renderer event: "a file was opened from the OS, come and take it". */
export type FileOpenedEvent = 'kubelab:file-opened';
