/**
 * One lab per data directory: a lock file holding the owner's pid, created exclusively. A lock
 * left by a process that no longer runs (a crash, a kill) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The error of a data directory already in use. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`another KubeLab (process ${pid}) is using the data directory ${dir}; close it first, or use --data with another directory`);
    this.name = 'DataDirLockedError';
  }
}

/** The directories this process holds (a second lab in the same process is refused too). */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `dir`; returns the function that releases it. Throws DataDirLockedError. */
export function acquireLock(dir: string): () => void {
  const path = join(dir, 'kubelab.lock');
  if (held.has(path)) throw new DataDirLockedError(dir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(path);
      return () => {
        held.delete(path);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let pid = NaN;
    try {
      pid = Number(readFileSync(path, 'utf8').trim());
    } catch {
      // Removed meanwhile: try again.
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid);
    try {
      unlinkSync(path);
    } catch {
      // Someone else took it over first: try again.
    }
  }
  throw new Error(`cannot take the lock of ${dir}`);
}
