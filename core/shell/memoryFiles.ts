/**
 * A workspace held in memory: the ShellFiles of tests and of front ends without a disk. Paths
 * are workspace paths (`.`, `a/b`); errors carry errno names as the disk's do.
 */
import { normalizePath } from '../kubelet/runtime/fs';
import type { ShellFiles } from './types';

function fail(code: string, path: string): never {
  const e = new Error(code === 'ENOENT' ? `the path "${path}" does not exist` : `${code}: ${path}`) as Error & { code: string };
  e.code = code;
  throw e;
}

/** An in-memory workspace holding `initial` (path → text; parent directories are implied). */
export function memoryFiles(initial: Record<string, string> = {}, now: () => number = () => 0): ShellFiles & { files: Map<string, { text: string; mtime: number }>; dirs: Set<string> } {
  const files = new Map<string, { text: string; mtime: number }>();
  const dirs = new Set<string>(['/']);
  const key = (p: string) => normalizePath(p, '/');
  const parent = (k: string) => k.slice(0, k.lastIndexOf('/')) || '/';
  const addParents = (k: string) => {
    for (let d = parent(k); !dirs.has(d); d = parent(d)) dirs.add(d);
  };
  for (const [p, text] of Object.entries(initial)) {
    files.set(key(p), { text, mtime: now() });
    addParents(key(p));
  }
  const stat = (k: string): 'file' | 'dir' | undefined => (files.has(k) ? 'file' : dirs.has(k) ? 'dir' : undefined);
  const children = (k: string) => {
    const prefix = k === '/' ? '/' : `${k}/`;
    const names = new Set<string>();
    for (const p of [...files.keys(), ...dirs]) if (p !== k && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0] as string);
    return [...names].sort();
  };
  const put = (path: string, text: string, append: boolean) => {
    const k = key(path);
    if (dirs.has(k)) fail('EISDIR', path);
    if (stat(parent(k)) !== 'dir') fail(files.has(parent(k)) ? 'ENOTDIR' : 'ENOENT', path);
    files.set(k, { text: (append ? (files.get(k)?.text ?? '') : '') + text, mtime: now() });
  };
  return {
    files,
    dirs,
    async readFile(path) {
      const f = files.get(key(path));
      if (!f) fail(dirs.has(key(path)) ? 'EISDIR' : 'ENOENT', path);
      return f.text;
    },
    async stat(path) {
      return stat(key(path));
    },
    async readDir(path) {
      const k = key(path);
      if (!dirs.has(k)) fail(files.has(k) ? 'ENOTDIR' : 'ENOENT', path);
      return children(k);
    },
    async details(path) {
      const k = key(path);
      const f = files.get(k);
      if (f) return { type: 'file', size: f.text.length, mtime: f.mtime };
      return dirs.has(k) ? { type: 'dir', size: 4096, mtime: now() } : undefined;
    },
    async writeFile(path, text) {
      put(path, text, false);
    },
    async appendFile(path, text) {
      put(path, text, true);
    },
    async mkdir(path, parents) {
      const k = key(path);
      if (stat(k) !== undefined) {
        if (parents && dirs.has(k)) return;
        fail('EEXIST', path);
      }
      if (stat(parent(k)) !== 'dir') {
        if (!parents || files.has(parent(k))) fail(files.has(parent(k)) ? 'ENOTDIR' : 'ENOENT', path);
        addParents(k);
      }
      dirs.add(k);
    },
    async remove(path, recursive) {
      const k = key(path);
      if (files.delete(k)) return;
      if (!dirs.has(k)) fail('ENOENT', path);
      if (k === '/') fail('EBUSY', path);
      if (children(k).length > 0 && !recursive) fail('ENOTEMPTY', path);
      for (const p of [...files.keys()]) if (p.startsWith(`${k}/`)) files.delete(p);
      for (const d of [...dirs]) if (d === k || d.startsWith(`${k}/`)) dirs.delete(d);
    },
    async rename(from, to) {
      const a = key(from);
      const b = key(to);
      const type = stat(a);
      if (!type) fail('ENOENT', from);
      if (stat(parent(b)) !== 'dir') fail('ENOENT', to);
      if (type === 'file') {
        if (dirs.has(b)) fail('EISDIR', to);
        files.set(b, files.get(a) as { text: string; mtime: number });
        files.delete(a);
        return;
      }
      if (b === a || b.startsWith(`${a}/`)) fail('EINVAL', to);
      if (files.has(b)) fail('ENOTDIR', to);
      if (dirs.has(b) && children(b).length > 0) fail('ENOTEMPTY', to);
      for (const d of [...dirs]) {
        if (d === a || d.startsWith(`${a}/`)) {
          dirs.delete(d);
          dirs.add(b + d.slice(a.length));
        }
      }
      for (const [p, f] of [...files]) {
        if (p.startsWith(`${a}/`)) {
          files.delete(p);
          files.set(b + p.slice(a.length), f);
        }
      }
    },
  };
}
