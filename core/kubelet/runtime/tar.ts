/**
 * `tar` in the simulated containers: create (`c`), extract (`x`) and list (`t`) ustar archives
 * on stdin/stdout or a file, with `-C DIR` — what `kubectl cp` runs (`tar cf - PATH` from a
 * pod, `tar -xmf - -C DIR` into one), so the real kubectl's cp works against the lab. Busybox's
 * messages in busybox and alpine images, GNU tar's in the others. Files are text: an archive
 * travels as a string whose UTF-8 bytes are the archive's (headers are ASCII).
 */
import { normalizePath } from './fs';
import { readAll, type ProcessContext, type Program } from './process';
import { readTar, writeTar, type TarEntry } from './tarFormat';

interface TarOptions {
  mode: 'c' | 'x' | 't' | undefined;
  file: string | undefined;
  dir: string | undefined;
  verbose: boolean;
  toStdout: boolean;
  members: string[];
  bad?: string;
}

function parseArgs(argv: string[]): TarOptions {
  const o: TarOptions = { mode: undefined, file: undefined, dir: undefined, verbose: false, toStdout: false, members: [] };
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--')) {
      if (a === '--directory') o.dir = args[++i];
      else if (a.startsWith('--directory=')) o.dir = a.slice(12);
      else if (a === '--file') o.file = args[++i];
      else if (a === '--extract' || a === '--get') o.mode = 'x';
      else if (a === '--create') o.mode = 'c';
      else if (a === '--list') o.mode = 't';
      else if (a === '--to-stdout') o.toStdout = true;
      continue;
    }
    // The first word may be bundled flags without a dash (`tar cf - x`).
    const bundle = a.startsWith('-') ? a.slice(1) : i === 0 ? a : undefined;
    if (bundle === undefined || a === '-') {
      o.members.push(a);
      continue;
    }
    for (const f of bundle) {
      if (f === 'c' || f === 'x' || f === 't') o.mode = f;
      else if (f === 'f') o.file = args[++i];
      else if (f === 'C') o.dir = args[++i];
      else if (f === 'v') o.verbose = true;
      else if (f === 'O') o.toStdout = true;
      else if (f === 'z' || f === 'j' || f === 'J') o.bad = f;
    }
  }
  return o;
}

/** The tar program. */
export const tar: Program = async (ctx) => {
  const busybox = !!ctx.host.fs.entry('/bin/busybox') || /Alpine/.test(ctx.host.fs.read('/etc/os-release') ?? '');
  const o = parseArgs(ctx.argv);
  const err = (m: string) => ctx.io.stderr(`tar: ${m}\n`);
  if (o.bad) {
    err(busybox ? `invalid option -- '${o.bad}'` : 'Child returned status 1');
    return 1;
  }
  if (!o.mode) {
    err(busybox ? 'need exactly one of -c, -x or -t' : "You must specify one of the '-Acdtrux', '--delete' or '--test-label' options");
    return busybox ? 1 : 2;
  }
  const base = normalizePath(o.dir ?? '.', ctx.cwd);
  if (o.dir !== undefined && ctx.host.fs.stat(base) !== 'dir') {
    err(busybox ? `can't change directory to '${o.dir}': No such file or directory` : `${o.dir}: Cannot open: No such file or directory`);
    return busybox ? 1 : 2;
  }
  if (o.mode === 'c') return create(ctx, o, base, busybox);
  let archive: string;
  if (o.file === undefined || o.file === '-') archive = await readAll(ctx);
  else {
    const text = ctx.host.fs.read(normalizePath(o.file, ctx.cwd));
    if (text === undefined) {
      err(busybox ? `can't open '${o.file}': No such file or directory` : `${o.file}: Cannot open: No such file or directory`);
      return busybox ? 1 : 2;
    }
    archive = text;
  }
  return extract(ctx, o, base, archive, busybox);
};

function create(ctx: ProcessContext, o: TarOptions, base: string, busybox: boolean): number {
  if (o.members.length === 0) {
    ctx.io.stderr(busybox ? 'tar: empty archive\n' : 'tar: Cowardly refusing to create an empty archive\nTry \'tar --help\' or \'tar --usage\' for more information.\n');
    return busybox ? 1 : 2;
  }
  const fs = ctx.host.fs;
  const entries: TarEntry[] = [];
  let failed = false;
  let warned = false;
  const add = (path: string, name: string): void => {
    if (fs.stat(path) === 'dir') {
      entries.push({ name, dir: true, content: '' });
      if (o.verbose) ctx.io.stderr(`${name}/\n`);
      for (const child of fs.list(path) ?? []) add(normalizePath(child, path), `${name}/${child}`);
      return;
    }
    entries.push({ name, dir: false, content: fs.read(path) ?? '' });
    if (o.verbose) ctx.io.stderr(`${name}\n`);
  };
  for (const m of o.members) {
    const path = normalizePath(m, base);
    let name = m.replace(/\/+$/, '') || '/';
    // GNU tar strips the leading slash before it looks at the file, busybox once it archives it.
    const strip = name.startsWith('/') && !warned && (!busybox || fs.stat(path) !== undefined);
    if (strip) {
      ctx.io.stderr(busybox ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n");
      warned = true;
    }
    if (!fs.stat(path)) {
      ctx.io.stderr(busybox ? `tar: ${m}: No such file or directory\n` : `tar: ${m}: Cannot stat: No such file or directory\n`);
      failed = true;
      continue;
    }
    name = name.replace(/^\/+/, '');
    add(path, name.replace(/^\.\//, '') || '.');
  }
  const out = writeTar(entries, ctx.now());
  if (o.file === undefined || o.file === '-') ctx.io.stdout(out);
  else fs.write(normalizePath(o.file, ctx.cwd), out);
  if (failed) ctx.io.stderr(busybox ? 'tar: error exit delayed from previous errors\n' : 'tar: Exiting with failure status due to previous errors\n');
  return failed ? (busybox ? 1 : 2) : 0;
}

function extract(ctx: ProcessContext, o: TarOptions, base: string, archive: string, busybox: boolean): number {
  const fs = ctx.host.fs;
  for (const entry of readTar(archive)) {
    const name = entry.name.replace(/^\/+/, '');
    if (o.mode === 't') {
      ctx.io.stdout(`${name}${entry.dir ? '/' : ''}\n`);
      continue;
    }
    if (o.verbose) ctx.io.stdout(`${name}${entry.dir ? '/' : ''}\n`);
    const target = normalizePath(name, base);
    if (entry.dir) {
      const e = fs.mkdir(target, true);
      if (e) return fail(ctx, busybox, name, e);
      continue;
    }
    if (o.toStdout) {
      ctx.io.stdout(entry.content);
      continue;
    }
    fs.mkdir(target.slice(0, target.lastIndexOf('/')) || '/', true);
    const e = fs.write(target, entry.content);
    if (e) return fail(ctx, busybox, name, e);
  }
  return 0;
}

function fail(ctx: ProcessContext, busybox: boolean, name: string, e: string): number {
  const why = e === 'EROFS' ? 'Read-only file system' : e === 'EISDIR' ? 'Is a directory' : 'No such file or directory';
  ctx.io.stderr(busybox ? `tar: can't open '${name}': ${why}\n` : `tar: ${name}: Cannot open: ${why}\ntar: Exiting with failure status due to previous errors\n`);
  return busybox ? 1 : 2;
}
