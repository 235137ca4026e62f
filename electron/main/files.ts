// Reading and writing the files the user chose, and the queue of `.kubelab` files the OS
// asked KubeLab to open (file association: argv on Windows/Linux, 'open-file' on macOS).
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileEncoding, OpenedFile } from '../preload/api';
import { MAX_FILE_BYTES } from './policy';

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

/** Paths of `.kubelab` files opened from the OS, waiting for the renderer to take them. */
export class OpenedFiles {
  private paths: string[] = [];

  constructor(private readonly notify: () => void) {}

  add(path: string): void {
    this.paths.push(path);
    this.notify();
  }

  /** Reads and empties the queue; unreadable files are reported and skipped. */
  async take(): Promise<OpenedFile[]> {
    const paths = this.paths;
    this.paths = [];
    const files: OpenedFile[] = [];
    for (const p of paths) {
      try {
        files.push(await readFileFor(p, 'utf8'));
      } catch (err) {
        console.error(`KubeLab: cannot open ${p}: ${(err as Error).message}`);
      }
    }
    return files;
  }
}
