/**
 * A lowdb adapter that survives power cuts: lowdb's own TextFile writer renames a temp file
 * but never fsyncs, so a crash can leave an empty or half-written file. This one writes the
 * temp file, fsyncs it, renames it over the old one and fsyncs the directory.
 */
import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** The state file exists but cannot be read as JSON. */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    why: string,
  ) {
    super(`${file} is not valid JSON (${why})`);
    this.name = 'CorruptFileError';
  }
}

/** Writes `data` to `file` durably (temp, fsync, rename, fsync of the directory). */
export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.tmp`);
  const fh = await open(temp, 'w', 0o600);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(temp, file);
  await syncDir(dirname(file));
}

/** fsyncs a directory (so a rename or a new file in it survives a power cut). */
export async function syncDir(dir: string): Promise<void> {
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } catch (e) {
    // Some platforms (Windows) cannot fsync a directory; the rename is as durable as they allow.
    if ((e as NodeJS.ErrnoException).code !== 'EISDIR' && (e as NodeJS.ErrnoException).code !== 'EPERM' && (e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
  } finally {
    await d.close();
  }
}

/** lowdb adapter: JSON in a file written durably; an unreadable file is a CorruptFileError, never silently empty. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new CorruptFileError(this.file, text.length === 0 ? 'the file is empty' : (e as Error).message);
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data));
  }
}
