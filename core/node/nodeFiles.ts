/**
 * A node's filesystem as the lab API serves it to the bundled shell's `ssh` session: the
 * operations of the shell's workspace (core/shell/types.ts ShellFiles) over the machine's own
 * files, with POSIX errors by errno name. A change under /etc/kubernetes/manifests is read by
 * the kubelet at once, as its watch on the directory does.
 */
import { normalizePath } from '../kubelet/runtime/fs';
import { MANIFESTS_DIR } from './files';
import type { NodeMachine } from './machine';

/** One filesystem operation (paths are absolute on the node). */
export type FsRequest =
  | { op: 'stat' | 'read' | 'list' | 'details'; path: string }
  | { op: 'write' | 'append'; path: string; text: string }
  | { op: 'mkdir'; path: string; parents?: boolean }
  | { op: 'remove'; path: string; recursive?: boolean }
  | { op: 'rename'; path: string; to: string };

/** The answer: a result, or the errno name of the failure. */
export type FsAnswer = { result: unknown } | { error: string };

const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

/** Every path under a directory (files and directories), deepest last. */
function walk(m: NodeMachine, dir: string): { files: string[]; dirs: string[] } {
  const out = { files: [] as string[], dirs: [] as string[] };
  for (const name of m.files.list(dir)) {
    const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
    if (m.files.stat(p) === 'dir') {
      out.dirs.push(p);
      const sub = walk(m, p);
      out.files.push(...sub.files);
      out.dirs.push(...sub.dirs);
    } else out.files.push(p);
  }
  return out;
}

function touches(path: string): boolean {
  return path === MANIFESTS_DIR || path.startsWith(`${MANIFESTS_DIR}/`) || MANIFESTS_DIR.startsWith(`${path}/`);
}

/** Runs one filesystem operation on a node. */
export async function nodeFs(m: NodeMachine, req: FsRequest): Promise<FsAnswer> {
  const v = m.files;
  const path = normalizePath(req.path);
  const type = v.stat(path);
  const err = (error: string): FsAnswer => ({ error });
  const changed = async (...paths: string[]): Promise<FsAnswer> => {
    const now = m.now();
    for (const p of paths) if (v.stat(p) === 'file') m.mtimes.set(p, now);
    if (paths.some(touches)) await m.manifests.sync();
    return { result: null };
  };
  switch (req.op) {
    case 'stat':
      return { result: type ?? null };
    case 'read':
      if (type === undefined) return err('ENOENT');
      if (type === 'dir') return err('EISDIR');
      return { result: v.files.get(path)?.content ?? '' };
    case 'list':
      if (type === undefined) return err('ENOENT');
      if (type === 'file') return err('ENOTDIR');
      return { result: v.list(path) };
    case 'details':
      if (type === undefined) return { result: null };
      return { result: { type, size: type === 'dir' ? 4096 : (v.files.get(path)?.content.length ?? 0), mtime: m.mtimes.get(path) ?? m.bootedAt } };
    case 'write':
    case 'append': {
      if (type === 'dir') return err('EISDIR');
      const parent = v.stat(parentOf(path));
      if (parent !== 'dir') return err(parent === 'file' ? 'ENOTDIR' : 'ENOENT');
      const before = req.op === 'append' ? (v.files.get(path)?.content ?? '') : '';
      const entry = v.files.get(path);
      v.write(path, { ...entry, content: before + req.text });
      return changed(path);
    }
    case 'mkdir': {
      if (type !== undefined) return req.parents && type === 'dir' ? { result: null } : err('EEXIST');
      const parent = v.stat(parentOf(path));
      if (parent !== 'dir' && (!req.parents || parent === 'file')) return err(parent === 'file' ? 'ENOTDIR' : 'ENOENT');
      v.mkdir(path);
      return { result: null };
    }
    case 'remove': {
      if (type === undefined) return err('ENOENT');
      if (path === '/') return err('EBUSY');
      if (type === 'dir' && !req.recursive && v.list(path).length > 0) return err('ENOTEMPTY');
      v.remove(path);
      m.mtimes.delete(path);
      return changed(path);
    }
    case 'rename': {
      const to = normalizePath(req.to);
      if (type === undefined) return err('ENOENT');
      if (v.stat(parentOf(to)) !== 'dir') return err('ENOENT');
      if (type === 'file') {
        if (v.stat(to) === 'dir') return err('EISDIR');
        const entry = v.files.get(path);
        if (entry) v.write(to, entry);
        v.files.delete(path);
        m.mtimes.set(to, m.mtimes.get(path) ?? m.now());
        m.mtimes.delete(path);
        return changed(path, to);
      }
      if (to === path || to.startsWith(`${path}/`)) return err('EINVAL');
      if (v.stat(to) === 'file') return err('ENOTDIR');
      if (v.stat(to) === 'dir' && v.list(to).length > 0) return err('ENOTEMPTY');
      const tree = walk(m, path);
      v.mkdir(to);
      for (const d of tree.dirs) v.mkdir(to + d.slice(path.length));
      for (const f of tree.files) {
        const entry = v.files.get(f);
        if (entry) v.write(to + f.slice(path.length), entry);
      }
      v.remove(path);
      return changed(path, to);
    }
  }
}
