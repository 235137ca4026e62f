/**
 * The workspace as the bundled shell's commands see it: a directory tree whose root is `/`
 * (and `~`), a working directory inside it, paths resolved as a chroot resolves them (`..` of
 * the root is the root, so nothing leads outside), POSIX errors with coreutils's words, and
 * pathname expansion (`*.yaml`).
 */
import { normalizePath } from '../kubelet/runtime/fs';
import type { ShellFiles } from './types';

/** A failed file operation, with its errno name (`ENOENT`...). */
export class FsError extends Error {
  constructor(
    readonly code: string,
    message = errnoText(code),
  ) {
    super(message);
  }
}

const ERRNO: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EROFS: 'Read-only file system',
  EINVAL: 'Invalid argument',
  ENOSYS: 'this terminal has no workspace',
};

/** The C library's text of an errno name (`No such file or directory`). */
export function errnoText(code: string): string {
  return ERRNO[code] ?? code;
}

/** The errno name of an error a ShellFiles member rejected with (`EIO` when it has none). */
export function errnoOf(e: unknown): string {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'EIO';
}

/** The text of an error a ShellFiles member rejected with, as coreutils prints it. */
export function errorText(e: unknown): string {
  const code = errnoOf(e);
  return ERRNO[code] ?? (e instanceof Error ? e.message : String(e));
}

/** The workspace path (`.` or `a/b`) of an absolute shell path (`/` or `/a/b`). */
export function workspacePath(abs: string): string {
  return abs === '/' ? '.' : abs.slice(1);
}

/** The workspace seen from a working directory. */
export class Workspace {
  constructor(
    private readonly files: ShellFiles | undefined,
    private readonly cwd: () => string,
  ) {}

  /** The absolute shell path of `path` (`/` is the workspace root). */
  absolute(path: string): string {
    return normalizePath(path, this.cwd());
  }

  /** The workspace path ShellFiles takes. */
  resolve(path: string): string {
    return workspacePath(this.absolute(path));
  }

  private fs(): ShellFiles {
    if (!this.files) throw new FsError('ENOSYS');
    return this.files;
  }

  private writer<K extends 'writeFile' | 'appendFile' | 'mkdir' | 'remove' | 'rename'>(name: K): NonNullable<ShellFiles[K]> {
    const f = this.fs()[name];
    if (!f) throw new FsError('EROFS');
    return f.bind(this.files) as NonNullable<ShellFiles[K]>;
  }

  /** Whether a path is a file, a directory, or nothing. */
  async stat(path: string): Promise<'file' | 'dir' | undefined> {
    return this.files ? this.files.stat(this.resolve(path)) : undefined;
  }

  /** Size and time, for `ls -l` (zero when the front end cannot tell). */
  async details(path: string): Promise<{ type: 'file' | 'dir'; size: number; mtime: number } | undefined> {
    const p = this.resolve(path);
    if (this.fs().details) return this.fs().details?.(p);
    const type = await this.fs().stat(p);
    return type ? { type, size: type === 'dir' ? 4096 : (await this.fs().readFile(p)).length, mtime: 0 } : undefined;
  }

  /** A file's text; FsError ENOENT or EISDIR otherwise. */
  async read(path: string): Promise<string> {
    const p = this.resolve(path);
    const type = await this.fs().stat(p);
    if (type === undefined) throw new FsError('ENOENT');
    if (type === 'dir') throw new FsError('EISDIR');
    try {
      return await this.fs().readFile(p);
    } catch (e) {
      throw new FsError(errnoOf(e) === 'EIO' ? 'ENOENT' : errnoOf(e));
    }
  }

  /** A directory's entries, sorted. */
  async list(path: string): Promise<string[]> {
    const p = this.resolve(path);
    const type = await this.fs().stat(p);
    if (type === undefined) throw new FsError('ENOENT');
    if (type === 'file') throw new FsError('ENOTDIR');
    return this.fs().readDir(p);
  }

  /** Writes (or with `append`, appends to) a file. */
  async write(path: string, text: string, append = false): Promise<void> {
    const p = this.resolve(path);
    if (p === '.' || (await this.fs().stat(p)) === 'dir') throw new FsError('EISDIR');
    await this.call(() => (append ? this.writer('appendFile')(p, text) : this.writer('writeFile')(p, text)));
  }

  /** Creates a directory. */
  async mkdir(path: string, parents: boolean): Promise<void> {
    await this.call(() => this.writer('mkdir')(this.resolve(path), parents));
  }

  /** Removes a file or directory. */
  async remove(path: string, recursive: boolean): Promise<void> {
    await this.call(() => this.writer('remove')(this.resolve(path), recursive));
  }

  /** Renames a file or directory. */
  async rename(from: string, to: string): Promise<void> {
    await this.call(() => this.writer('rename')(this.resolve(from), this.resolve(to)));
  }

  private async call(f: () => Promise<void>): Promise<void> {
    try {
      await f();
    } catch (e) {
      if (e instanceof FsError) throw e;
      throw new FsError(errnoOf(e), errorText(e));
    }
  }

  /** Pathname expansion of a glob pattern (`\` escapes); the sorted matches, or none. */
  async glob(pattern: string): Promise<string[]> {
    if (!this.files) return [];
    const absolute = pattern.startsWith('/');
    const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
    let bases: string[] = [absolute ? '/' : ''];
    for (const [i, part] of parts.entries()) {
      if (i === 0 && absolute) continue;
      const last = i === parts.length - 1;
      const next: string[] = [];
      if (!/(^|[^\\])[*?[]/.test(part)) {
        const name = part.replace(/\\(.)/g, '$1');
        for (const b of bases) {
          const candidate = `${b}${name}`;
          if (last ? (await this.stat(candidate)) !== undefined : (await this.stat(candidate)) === 'dir') next.push(last ? candidate : `${candidate}/`);
        }
      } else {
        const re = globRegExp(part);
        for (const b of bases) {
          if ((await this.stat(b || '.')) !== 'dir') continue;
          for (const name of await this.fs().readDir(this.resolve(b || '.'))) {
            if (name.startsWith('.') && !part.startsWith('.')) continue;
            if (!re.test(name)) continue;
            const candidate = `${b}${name}`;
            if (last) next.push(candidate);
            else if ((await this.stat(candidate)) === 'dir') next.push(`${candidate}/`);
          }
        }
      }
      bases = next;
      if (bases.length === 0) return [];
    }
    return bases.sort();
  }
}

/** The regular expression of one glob path component. */
export function globRegExp(part: string): RegExp {
  let re = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i] as string;
    if (c === '\\' && i + 1 < part.length) re += escapeRe(part[++i] as string);
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = part.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = part.slice(i + 1, end);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        re += `[${negate ? '^' : ''}${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, 's');
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
