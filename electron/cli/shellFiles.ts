/**
 * The bundled shell's workspace on disk: the ShellFiles of core/shell over one directory, real
 * files, and nothing outside it — a path that leads out (`..` past the root, an absolute path,
 * or a symbolic link pointing elsewhere, at any depth) is refused with EACCES before anything
 * is read or written.
 */
import { appendFile, lstat, mkdir, readFile, readdir, realpath, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ShellFiles } from '../../core/shell/engine';

function errno(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** The workspace in `root`: paths are relative to it (`.` is the root). */
export function sandboxedFiles(root: string): ShellFiles {
  let base: string;
  try {
    base = realpathSync(root);
  } catch {
    base = resolve(root);
  }
  const within = (full: string) => {
    const rel = relative(base, full);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  /** The full path of `path`, refused when it or the real path of what exists of it leads outside the root. */
  const inside = async (path: string, follow = true): Promise<string> => {
    const full = resolve(base, path);
    const outside = () => errno('EACCES', `the path "${path}" is outside the workspace`);
    if (!within(full)) throw outside();
    // The nearest existing ancestor (or the path itself, when it is followed) must really be inside.
    let probe = follow ? full : dirname(full);
    for (;;) {
      try {
        if (!within(await realpath(probe))) throw outside();
        return full;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
        // A dangling symbolic link: where it points cannot be checked, so it is refused.
        if (await lstat(probe).then((s) => s.isSymbolicLink(), () => false)) throw outside();
        if (probe === base || !within(probe)) return full;
        probe = dirname(probe);
      }
    }
  };
  return {
    async readFile(path) {
      try {
        return await readFile(await inside(path), 'utf8');
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'ENOENT') throw errno('ENOENT', `the path "${path}" does not exist`);
        throw e;
      }
    },
    async stat(path) {
      try {
        const s = await stat(await inside(path));
        return s.isDirectory() ? 'dir' : 'file';
      } catch {
        return undefined;
      }
    },
    async details(path) {
      try {
        const s = await stat(await inside(path));
        return { type: s.isDirectory() ? 'dir' : 'file', size: s.isDirectory() ? 4096 : s.size, mtime: s.mtimeMs };
      } catch {
        return undefined;
      }
    },
    async readDir(path) {
      return (await readdir(await inside(path))).sort();
    },
    async writeFile(path, text) {
      await writeFile(await inside(path), text);
    },
    async appendFile(path, text) {
      await appendFile(await inside(path), text);
    },
    async mkdir(path, parents) {
      await mkdir(await inside(path), { recursive: parents });
    },
    async remove(path, recursive) {
      const full = await inside(path, false);
      if (full === base) throw errno('EBUSY', 'Device or resource busy');
      const s = await lstat(full);
      if (!s.isDirectory()) await unlink(full);
      else if (recursive) await rm(full, { recursive: true });
      else await rmdir(full);
    },
    async rename(from, to) {
      const a = await inside(from, false);
      const b = await inside(to, false);
      if (a === base) throw errno('EBUSY', 'Device or resource busy');
      await rename(a, b);
    },
  };
}
