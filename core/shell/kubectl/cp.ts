/**
 * `kubectl cp SRC DEST [-c CONTAINER]` between the workspace and a container, as kubectl 1.32
 * does it (staging/src/k8s.io/kubectl/pkg/cmd/cp): a tar archive streamed through pods/exec —
 * `tar cf - PATH` out of the container, `tar -xmf - -C DIR` into it (after `test -d DEST` to
 * see whether DEST is a directory) — with kubectl's file specs (`[namespace/]pod:path`), its
 * errors and its printing of tar's stderr on stdout.
 */
import { readTar, TAR_BLOCK, writeTar, type TarEntry } from '../../kubelet/runtime/tarFormat';
import { utf8Encode } from '../../kubelet/runtime/utf8';
import { errnoOf, errnoText } from '../workspace';
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { attachablePod, findOrDefaultContainer, INTERRUPTED, reportEnd, runStream } from './remote';

interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

function fileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new CommandError('error: filespec must match the canonical format: [[namespace/]pod:]file/path');
  if (i < 0) return { file: arg };
  const pieces = arg.slice(0, i).split('/');
  const file = arg.slice(i + 1);
  if (pieces.length === 1) return { pod: pieces[0] as string, file };
  if (pieces.length === 2) return { namespace: pieces[0] as string, pod: pieces[1] as string, file };
  throw new CommandError('error: filespec must match the canonical format: [[namespace/]pod:]file/path');
}

/** path.Clean of a slash path. */
function clean(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const s = (abs ? '/' : '') + out.join('/');
  return s || (abs ? '/' : '.');
}

function stripPathShortcuts(p: string): string {
  let s = clean(p);
  while (s.startsWith('../')) s = s.slice(3);
  if (s === '.' || s === '..') return '';
  return s.startsWith('/') ? s.slice(1) : s;
}

function base(p: string): string {
  const c = clean(p);
  return c === '/' ? '/' : (c.split('/').pop() ?? c);
}

function dir(p: string): string {
  const c = clean(p);
  const i = c.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : c.slice(0, i);
}

/** `kubectl cp`. */
export async function cp(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl cp', args, {
      container: { kind: 'string', short: 'c' },
      'no-preserve': { kind: 'bool' },
      retries: { kind: 'int' },
    }),
  );
  const a = flags.positional;
  if (a.length !== 2) throw new CommandError("error: source and destination are required");
  const src = fileSpec(a[0] as string);
  const dest = fileSpec(a[1] as string);
  const files = k.deps.files;
  if (src.pod !== undefined && dest.pod !== undefined) {
    if ((await files?.stat(a[0] as string)) !== undefined) return copyToPod(k, flags, { file: a[0] as string }, dest);
    throw new CommandError("error: src doesn't exist in local filesystem");
  }
  if (src.pod !== undefined) return copyFromPod(k, flags, src, dest);
  if (dest.pod !== undefined) return copyToPod(k, flags, src, dest);
  throw new CommandError('error: one of src or dest must be a remote file specification');
}

async function target(k: Kubectl, flags: Flags, spec: FileSpec, quiet: boolean) {
  const pod = await attachablePod(k, spec.namespace || k.namespace(flags), spec.pod as string);
  const container = flags.str('container') || findOrDefaultContainer(k, pod, '', quiet).name;
  return { pod, container };
}

async function copyToPod(k: Kubectl, flags: Flags, src: FileSpec, dest: FileSpec): Promise<void> {
  const files = k.deps.files;
  if (!src.file || !dest.file) throw new CommandError('error: filepath can not be empty');
  if (!files || (await files.stat(src.file)) === undefined) throw new CommandError(`error: ${src.file} doesn't exist in local filesystem`);
  let destFile = dest.file.length > 1 ? dest.file.replace(/\/+$/, '') : dest.file;
  // checkDestinationIsDir: `test -d DEST`, quietly.
  const quietTarget = await target(k, flags, dest, true);
  const sink = { stdout: () => undefined, stderr: () => undefined };
  const isDir = await runStream(k, { kind: 'exec', ...quietTarget, command: ['test', '-d', destFile], stdin: false, tty: false, stderr: true, output: sink });
  if (isDir?.['status'] === 'Success') destFile = `${destFile}/${base(src.file)}`;
  const entries: TarEntry[] = [];
  const add = async (local: string, name: string): Promise<void> => {
    if ((await files.stat(local)) === 'dir') {
      const children = await files.readDir(local);
      if (children.length === 0) entries.push({ name, dir: true, content: '' });
      for (const c of children) await add(`${local}/${c}`, `${name}/${c}`);
      return;
    }
    entries.push({ name, dir: false, content: await files.readFile(local) });
  };
  await add(clean(src.file), base(destFile));
  const archive = writeTar(entries, k.deps.now?.() ?? 0);
  const command = flags.bool('no-preserve') ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-'] : ['tar', '-xmf', '-'];
  const d = dir(destFile);
  if (d) command.push('-C', d);
  const { pod, container } = await target(k, flags, dest, false);
  const status = await runStream(k, { kind: 'exec', pod, container, command, stdin: true, tty: false, stderr: true, input: archive });
  reportEnd(k, status);
}

async function copyFromPod(k: Kubectl, flags: Flags, src: FileSpec, dest: FileSpec): Promise<void> {
  if (!src.file || !dest.file) throw new CommandError('error: filepath can not be empty');
  const files = k.deps.files;
  if (!files?.writeFile || !files.mkdir) throw new CommandError('error: the workspace cannot be written here');
  // tar's stderr (and the container notice) go to kubectl's stdout.
  const pod = await attachablePod(k, src.namespace || k.namespace(flags), src.pod as string);
  const container = flags.str('container') || findOrDefaultContainer(k, pod, '', false, (t) => k.io.out(t)).name;
  let archive = '';
  // kubectl is done once its tar reader has seen the archive's end: tar's exit status is never
  // read then (what tar says meanwhile, `Exiting with failure status ...`, is printed or not as
  // the goroutines race: the more common case is kept).
  let complete = false;
  const output = {
    stdout: (t: string) => {
      archive += t;
      complete ||= tarComplete(archive);
    },
    stderr: (t: string) => k.io.out(t),
  };
  const status = await runStream(k, { kind: 'exec', pod, container, command: ['tar', 'cf', '-', src.file], stdin: false, tty: false, stderr: true, output });
  const prefix = stripPathShortcuts(clean(src.file.replace(/^\/+/, '')));
  for (const e of readTar(archive)) {
    if (!e.name.startsWith(prefix)) throw new CommandError('error: tar contents corrupted');
    const rest = e.name.slice(prefix.length).replace(/^\/+/, '');
    const out = rest ? clean(`${dest.file}/${stripPathShortcuts(rest)}`) : clean(dest.file);
    if (out.startsWith('../') || out === '..') {
      k.io.err(`warning: file ${JSON.stringify(out)} is outside target destination, skipping\n`);
      continue;
    }
    try {
      if (e.dir) {
        await files.mkdir(out, true);
        continue;
      }
      const parent = dir(out);
      if (parent !== '.' && parent !== '/') await files.mkdir(parent, true);
      await files.writeFile(out, e.content);
    } catch (err) {
      // Go's *PathError of os.Create / os.MkdirAll: `open back: is a directory`.
      throw new CommandError(`error: ${e.dir ? 'mkdir' : 'open'} ${out}: ${errnoText(errnoOf(err)).toLowerCase()}`);
    }
  }
  if (!complete || status === INTERRUPTED) reportEnd(k, status);
}

/** Whether a (growing) archive holds its end: the two zero blocks after the last member, as Go's archive/tar reads it. */
function tarComplete(archive: string): boolean {
  const bytes = utf8Encode(archive);
  let pos = 0;
  while (pos + TAR_BLOCK <= bytes.length) {
    const block = bytes.subarray(pos, pos + TAR_BLOCK);
    if (block.every((b) => b === 0)) return pos + 2 * TAR_BLOCK <= bytes.length;
    let size = 0;
    for (let i = 124; i < 136 && (block[i] ?? 0) >= 0x30 && (block[i] ?? 0) <= 0x37; i++) size = size * 8 + ((block[i] as number) - 0x30);
    pos += TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
  }
  return false;
}
