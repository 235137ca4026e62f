// `.kubelab` files the operating system asked the desktop app to open (double-click, "Open
// with", a second launch): the preload bridge queues them in the main process; this takes them
// one at a time, in order, and hands each to `open` (which asks the user, then runs the same
// "open snapshot" flow as the menu and drag-and-drop). Absent in the browser mode.

/** A file as the bridge hands it over (`window.kubelab.takeOpenedFiles()`). */
export interface BridgeFile {
  name: string;
  data: string;
  encoding: 'utf8' | 'base64';
}

/** The part of the desktop bridge this needs (electron/preload/api.ts). */
export interface FilesBridge {
  takeOpenedFiles(): Promise<BridgeFile[]>;
  onFileOpened(listener: () => void): () => void;
}

/** The bridge of the desktop app, when it offers opened files. */
export function filesBridge(): FilesBridge | undefined {
  const b = (window as unknown as { kubelab?: Partial<FilesBridge> }).kubelab;
  return b && typeof b.takeOpenedFiles === 'function' && typeof b.onFileOpened === 'function' ? (b as FilesBridge) : undefined;
}

/** The bytes of a bridged file (snapshots come as base64). */
export function fileBytes(f: BridgeFile): Uint8Array<ArrayBuffer> {
  if (f.encoding === 'utf8') return new TextEncoder().encode(f.data);
  const binary = atob(f.data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Takes every file waiting now and whenever the main process says more came; `open` is called
 * for one file at a time, in order (a confirmation never replaces another). Returns the
 * unsubscribe function.
 */
export function watchOpenedFiles(bridge: FilesBridge, open: (file: BridgeFile) => Promise<void>): () => void {
  let running: Promise<void> | undefined;
  let again = false;
  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        for (const f of await bridge.takeOpenedFiles()) await open(f);
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  // Subscribe first: a file arriving between the first take and the subscription is not missed.
  const stop = bridge.onFileOpened(() => void drain());
  void drain();
  return stop;
}
