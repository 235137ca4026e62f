// Reading and writing the files the user chose, and the queue of `.kubelab` files the OS
// asked KubeLab to open (file association: argv on Windows/Linux, 'open-file' on macOS, and a
// second launch's argv handed over through 'second-instance').
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import type { FileEncoding, OpenedFile } from '../preload/api';
import { MAX_FILE_BYTES, snapshotArgs } from './policy';

/** Reads a file for the renderer, as UTF-8 text or base64. */
export async function readFileFor(path: string, encoding: FileEncoding): Promise<OpenedFile> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${basename(path)} is not a file`);
  if (info.size > MAX_FILE_BYTES) throw new Error(`${basename(path)} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  const buf = await readFile(path);
  return { name: basename(path), data: buf.toString(encoding), encoding };
}

/** Writes text (UTF-8) or base64-decoded bytes. */
export async function writeFileFrom(path: string, data: string, encoding: FileEncoding): Promise<void> {
  const buf = Buffer.from(data, encoding);
  if (buf.length > MAX_FILE_BYTES) throw new Error(`the data is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  await writeFile(path, buf);
}

/** The most files waiting at once (a burst of double-clicks beyond it is dropped, and said). */
export const MAX_PENDING_FILES = 16;

/**
 * Paths of `.kubelab` files opened from the OS, waiting for the renderer to take them. Files
 * may arrive before the window exists (macOS 'open-file' before 'ready', the first launch's
 * argv): they wait until the renderer, once loaded, asks; `notify` tells a loaded renderer
 * that more came. A snapshot is binary (gzip): it is handed over as base64.
 */
export class OpenedFiles {
  private paths: string[] = [];
  /** The names of every file received (for the desktop smoke test). */
  readonly received: string[] = [];

  constructor(
    private readonly notify: () => void,
    private readonly read: (path: string) => Promise<OpenedFile> = (p) => readFileFor(p, 'base64'),
    private readonly warn: (message: string) => void = (m) => console.error(`KubeLab: ${m}`),
  ) {}

  /** Queues a file (a path already waiting is not queued twice). */
  add(path: string): void {
    if (this.paths.includes(path)) return;
    if (this.paths.length >= MAX_PENDING_FILES) {
      this.warn(`too many files opened at once: ${basename(path)} was not opened`);
      return;
    }
    this.paths.push(path);
    this.received.push(basename(path));
    this.notify();
  }

  /** Queues the `.kubelab` files of a command line; relative paths are taken from `cwd` (the launching shell's folder). */
  addArgs(argv: readonly string[], cwd: string): void {
    for (const file of snapshotArgs(argv)) this.add(isAbsolute(file) ? file : resolve(cwd, file));
  }

  /** How many files wait. */
  get pending(): number {
    return this.paths.length;
  }

  /** Reads and empties the queue; unreadable files are reported and skipped. */
  async take(): Promise<OpenedFile[]> {
    const paths = this.paths;
    this.paths = [];
    const files: OpenedFile[] = [];
    for (const p of paths) {
      try {
        files.push(await this.read(p));
      } catch (err) {
        this.warn(`cannot open ${p}: ${(err as Error).message}`);
      }
    }
    return files;
  }
}
