/**
 * The filesystems of simulated containers: an in-memory tree per volume (the image's root
 * layer copied per container, emptyDirs per pod, hostPaths per node, claims per cluster) and a
 * mount table that joins them, as the container sees `/`.
 */

/** One file. */
export interface FileEntry {
  content: string;
  /** For an executable: the simulated program it runs. */
  program?: string;
}

/** Normalises `path` against `cwd`: absolute, no `.`/`..`, no trailing slash (`/` for the root). */
export function normalizePath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const p of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** A tree of files (paths are absolute within the volume). */
export class Volume {
  readonly files = new Map<string, FileEntry>();
  private readonly dirs = new Set<string>(['/']);

  /** A volume holding `files` (path → entry). */
  static of(files: Record<string, FileEntry | string>): Volume {
    const v = new Volume();
    for (const [p, f] of Object.entries(files)) v.write(p, typeof f === 'string' ? { content: f } : { ...f });
    return v;
  }

  /** A copy (the writable layer of a new container). */
  clone(): Volume {
    const v = new Volume();
    for (const d of this.dirs) v.dirs.add(d);
    for (const [p, f] of this.files) v.files.set(p, { ...f });
    return v;
  }

  /** Writes a file, creating its directories. */
  write(path: string, entry: FileEntry): void {
    const p = normalizePath(path);
    this.mkdir(p.slice(0, p.lastIndexOf('/')) || '/');
    this.files.set(p, entry);
  }

  /** Creates a directory and its parents. */
  mkdir(path: string): void {
    let p = normalizePath(path);
    while (!this.dirs.has(p)) {
      this.dirs.add(p);
      p = p.slice(0, p.lastIndexOf('/')) || '/';
    }
  }

  /** What is at `path`. */
  stat(path: string): 'file' | 'dir' | undefined {
    const p = normalizePath(path);
    if (this.files.has(p)) return 'file';
    return this.dirs.has(p) ? 'dir' : undefined;
  }

  /** The names directly inside directory `path`, sorted. */
  list(path: string): string[] {
    const p = normalizePath(path);
    const prefix = p === '/' ? '/' : `${p}/`;
    const names = new Set<string>();
    for (const k of [...this.files.keys(), ...this.dirs]) {
      if (k.startsWith(prefix) && k !== p) names.add(k.slice(prefix.length).split('/')[0] as string);
    }
    names.delete('.keep');
    return [...names].sort();
  }

  /** Removes a file, or a directory and everything under it. */
  remove(path: string): boolean {
    const p = normalizePath(path);
    let found = this.files.delete(p);
    if (this.dirs.has(p) && p !== '/') {
      found = true;
      for (const k of [...this.files.keys()]) if (k.startsWith(`${p}/`)) this.files.delete(k);
      for (const k of [...this.dirs]) if (k === p || k.startsWith(`${p}/`)) this.dirs.delete(k);
    }
    return found;
  }
}

/** One mount of a container. */
export interface Mount {
  /** Where it appears in the container. */
  path: string;
  volume: Volume;
  /** The directory of the volume that is mounted (subPath), `/` by default. */
  source?: string;
  readOnly?: boolean;
}

/** Why a filesystem operation failed, as the tools print it. */
export type FsError = 'ENOENT' | 'EROFS' | 'EISDIR' | 'ENOTDIR';

/** What a container sees: its root layer plus its mounts (the longest mount path wins). */
export class FileSystem {
  constructor(
    readonly root: Volume,
    readonly mounts: Mount[] = [],
  ) {
    for (const m of mounts) if (m.volume.stat(m.source ?? '/') !== 'file') root.mkdir(m.path);
  }

  private resolve(path: string): { volume: Volume; path: string; readOnly: boolean } {
    const p = normalizePath(path);
    let best: Mount | undefined;
    for (const m of this.mounts) {
      if ((p === m.path || p.startsWith(`${m.path}/`)) && (!best || m.path.length > best.path.length)) best = m;
    }
    if (!best) return { volume: this.root, path: p, readOnly: false };
    return { volume: best.volume, path: normalizePath(`${best.source ?? '/'}/${p.slice(best.path.length)}`), readOnly: best.readOnly ?? false };
  }

  /** The file at `path`. */
  entry(path: string): FileEntry | undefined {
    const r = this.resolve(path);
    return r.volume.files.get(r.path);
  }

  /** The content of the file at `path`. */
  read(path: string): string | undefined {
    return this.entry(path)?.content;
  }

  /** What is at `path`. */
  stat(path: string): 'file' | 'dir' | undefined {
    const p = normalizePath(path);
    const r = this.resolve(p);
    return r.volume.stat(r.path) ?? (this.mounts.some((m) => m.path === p) ? 'dir' : undefined);
  }

  /** Writes (or appends to) a file. */
  write(path: string, content: string, append = false): FsError | undefined {
    const r = this.resolve(path);
    if (r.readOnly) return 'EROFS';
    if (r.volume.stat(r.path) === 'dir') return 'EISDIR';
    const parent = r.path.slice(0, r.path.lastIndexOf('/')) || '/';
    if (r.volume.stat(parent) !== 'dir') return r.volume.stat(parent) === 'file' ? 'ENOTDIR' : 'ENOENT';
    const old = r.volume.files.get(r.path);
    r.volume.files.set(r.path, { ...old, content: append && old ? old.content + content : content });
    return undefined;
  }

  /** Creates a directory (and its parents when `parents`). */
  mkdir(path: string, parents = true): FsError | undefined {
    const r = this.resolve(path);
    if (r.readOnly) return 'EROFS';
    const parent = r.path.slice(0, r.path.lastIndexOf('/')) || '/';
    if (!parents && r.volume.stat(parent) !== 'dir') return 'ENOENT';
    r.volume.mkdir(r.path);
    return undefined;
  }

  /** The names inside a directory (mount points included). */
  list(path: string): string[] | undefined {
    const p = normalizePath(path);
    if (this.stat(p) !== 'dir') return undefined;
    const r = this.resolve(p);
    const names = new Set(r.volume.list(r.path));
    const prefix = p === '/' ? '/' : `${p}/`;
    for (const m of this.mounts) if (m.path.startsWith(prefix)) names.add(m.path.slice(prefix.length).split('/')[0] as string);
    return [...names].sort();
  }

  /** Removes a file or a directory tree. */
  remove(path: string): FsError | undefined {
    const r = this.resolve(path);
    if (r.readOnly) return 'EROFS';
    return r.volume.remove(r.path) ? undefined : 'ENOENT';
  }
}
