/**
 * The builtins over workspace files, with GNU coreutils's (and bash's, for `cd`) messages and
 * exit statuses: `cd`, `pwd`, `cat`, `mkdir`, `rm`, `cp`, `mv`, `touch`. `/` is the workspace
 * root; nothing reaches outside it.
 */
import { BuiltinExit, options, out, splitLines, usage, warn, type CommandContext } from './context';
import { errnoOf, errorText } from '../workspace';

function basename(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? '/';
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** `cd [DIR|-]`. */
export async function cd(ctx: CommandContext): Promise<number> {
  const s = ctx.session;
  const args = ctx.argv.slice(1).filter((a, i) => !(i === 0 && a === '--'));
  if (args.length > 1) {
    ctx.err.write('kubelab: cd: too many arguments\n');
    return 1;
  }
  let target = args[0] ?? s.vars['HOME'] ?? '/';
  if (target === '-') {
    if (s.oldpwd === undefined) {
      ctx.err.write('kubelab: cd: OLDPWD not set\n');
      return 1;
    }
    target = s.oldpwd;
    out(ctx, `${target}\n`);
  }
  const type = await s.ws.stat(target);
  if (type !== 'dir') {
    ctx.err.write(`kubelab: cd: ${args[0] ?? target}: ${type === 'file' ? 'Not a directory' : 'No such file or directory'}\n`);
    return 1;
  }
  s.oldpwd = s.cwd;
  s.cwd = s.ws.absolute(target);
  s.vars['OLDPWD'] = s.oldpwd;
  s.vars['PWD'] = s.cwd;
  return 0;
}

/** `pwd`. */
export async function pwd(ctx: CommandContext): Promise<number> {
  out(ctx, `${ctx.session.cwd}\n`);
  return 0;
}

/** `cat [-n] [FILE...]`: standard input streams through as it comes. */
export async function cat(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'n', long: { number: 'n' } });
  let status = 0;
  let n = 0;
  const number = (text: string) => {
    const body = splitLines(text)
      .map((l) => `${String(++n).padStart(6)}\t${l}\n`)
      .join('');
    return text.endsWith('\n') || text === '' ? body : body.slice(0, -1);
  };
  for (const name of o.operands.length > 0 ? o.operands : ['-']) {
    if (name === '-') {
      let pending = '';
      for (let c = await ctx.stdin.read(); c !== undefined; c = await ctx.stdin.read()) {
        if (!o.has('n')) out(ctx, c);
        else {
          pending += c;
          const nl = pending.lastIndexOf('\n');
          if (nl >= 0) {
            out(ctx, number(pending.slice(0, nl + 1)));
            pending = pending.slice(nl + 1);
          }
        }
      }
      if (pending) out(ctx, number(pending));
      continue;
    }
    try {
      const text = await ctx.session.ws.read(name);
      out(ctx, o.has('n') ? number(text) : text);
    } catch (e) {
      warn(ctx, `${name}: ${errorText(e)}`);
      status = 1;
    }
  }
  return status;
}

/** `mkdir [-p] DIR...`. */
export async function mkdir(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'pv', long: { parents: 'p', verbose: 'v' } });
  if (o.operands.length === 0) usage(ctx, 'missing operand');
  let status = 0;
  for (const dir of o.operands) {
    try {
      await ctx.session.ws.mkdir(dir, o.has('p'));
      if (o.has('v')) out(ctx, `mkdir: created directory '${dir}'\n`);
    } catch (e) {
      warn(ctx, `cannot create directory \u2018${dir}\u2019: ${errorText(e)}`);
      status = 1;
    }
  }
  return status;
}

/** `rm [-r -f] FILE...`. */
export async function rm(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'rRfdv', long: { recursive: 'r', force: 'f', dir: 'd', verbose: 'v' } });
  const recursive = o.has('r') || o.has('R');
  if (o.operands.length === 0) {
    if (o.has('f')) return 0;
    usage(ctx, 'missing operand');
  }
  let status = 0;
  for (const name of o.operands) {
    if (/(^|\/)\.\.?\/*$/.test(name)) {
      warn(ctx, `refusing to remove '.' or '..' directory: skipping '${name}'`);
      status = 1;
      continue;
    }
    const ws = ctx.session.ws;
    if (recursive && ws.absolute(name) === '/') {
      ctx.err.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    const type = await ws.stat(name);
    if (type === undefined) {
      if (!o.has('f')) {
        warn(ctx, `cannot remove '${name}': No such file or directory`);
        status = 1;
      }
      continue;
    }
    if (type === 'dir' && !recursive && !o.has('d')) {
      warn(ctx, `cannot remove '${name}': Is a directory`);
      status = 1;
      continue;
    }
    try {
      await ws.remove(name, recursive);
      if (o.has('v')) out(ctx, `removed ${type === 'dir' ? 'directory ' : ''}'${name}'\n`);
    } catch (e) {
      warn(ctx, `cannot remove '${name}': ${errorText(e)}`);
      status = 1;
    }
  }
  return status;
}

/** The operands of cp and mv: sources and the destination, with GNU's complaints. */
async function sourcesAndTarget(ctx: CommandContext, operands: string[]): Promise<{ sources: string[]; target: string; intoDir: boolean }> {
  if (operands.length === 0) usage(ctx, 'missing file operand');
  if (operands.length === 1) usage(ctx, `missing destination file operand after '${operands[0]}'`);
  const target = operands[operands.length - 1] as string;
  const intoDir = (await ctx.session.ws.stat(target)) === 'dir';
  if (operands.length > 2 && !intoDir) {
    warn(ctx, `target '${target}' is not a directory`);
    throw new BuiltinExit(1);
  }
  return { sources: operands.slice(0, -1), target, intoDir };
}

async function copyTree(ctx: CommandContext, from: string, to: string): Promise<void> {
  const ws = ctx.session.ws;
  if ((await ws.stat(from)) === 'file') return ws.write(to, await ws.read(from));
  if ((await ws.stat(to)) !== 'dir') await ws.mkdir(to, false);
  for (const name of await ws.list(from)) await copyTree(ctx, join(from, name), join(to, name));
}

/** `cp [-r] SOURCE... DEST`. */
export async function cp(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'rRfav', long: { recursive: 'r', force: 'f', archive: 'a', verbose: 'v' } });
  const recursive = o.has('r') || o.has('R') || o.has('a');
  const { sources, target, intoDir } = await sourcesAndTarget(ctx, o.operands);
  const ws = ctx.session.ws;
  let status = 0;
  for (const src of sources) {
    const type = await ws.stat(src);
    const dest = intoDir ? join(target, basename(src)) : target;
    if (type === undefined) {
      warn(ctx, `cannot stat '${src}': No such file or directory`);
      status = 1;
    } else if (type === 'dir' && !recursive) {
      warn(ctx, `-r not specified; omitting directory '${src}'`);
      status = 1;
    } else if (ws.absolute(src) === ws.absolute(dest)) {
      warn(ctx, `'${src}' and '${dest}' are the same file`);
      status = 1;
    } else if (type === 'dir' && (ws.absolute(dest) + '/').startsWith(ws.absolute(src) + '/')) {
      warn(ctx, `cannot copy a directory, '${src}', into itself, '${dest}'`);
      status = 1;
    } else if (type === 'file' && (await ws.stat(dest)) === 'dir') {
      warn(ctx, `cannot overwrite directory '${dest}' with non-directory`);
      status = 1;
    } else {
      try {
        await copyTree(ctx, src, dest);
        if (o.has('v')) out(ctx, `'${src}' -> '${dest}'\n`);
      } catch (e) {
        warn(ctx, `cannot create regular file '${dest}': ${errorText(e)}`);
        status = 1;
      }
    }
  }
  return status;
}

/** `mv SOURCE... DEST`. */
export async function mv(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'fv', long: { force: 'f', verbose: 'v' } });
  const { sources, target, intoDir } = await sourcesAndTarget(ctx, o.operands);
  const ws = ctx.session.ws;
  let status = 0;
  for (const src of sources) {
    const dest = intoDir ? join(target, basename(src)) : target;
    if ((await ws.stat(src)) === undefined) {
      warn(ctx, `cannot stat '${src}': No such file or directory`);
      status = 1;
      continue;
    }
    if (ws.absolute(src) === ws.absolute(dest)) {
      warn(ctx, `'${src}' and '${dest}' are the same file`);
      status = 1;
      continue;
    }
    try {
      await ws.rename(src, dest);
      if (o.has('v')) out(ctx, `renamed '${src}' -> '${dest}'\n`);
    } catch (e) {
      const code = errnoOf(e);
      warn(ctx, code === 'EINVAL' ? `cannot move '${src}' to a subdirectory of itself, '${dest}'` : `cannot move '${src}' to '${dest}': ${errorText(e)}`);
      status = 1;
    }
  }
  return status;
}

/** `touch FILE...`: creates missing files (the times of existing ones are kept: a simplification). */
export async function touch(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'c', long: { 'no-create': 'c' } });
  if (o.operands.length === 0) usage(ctx, 'missing file operand');
  let status = 0;
  for (const name of o.operands) {
    const ws = ctx.session.ws;
    if ((await ws.stat(name)) !== undefined || o.has('c')) continue;
    try {
      await ws.write(name, '', true);
    } catch (e) {
      warn(ctx, `cannot touch '${name}': ${errorText(e)}`);
      status = 1;
    }
  }
  return status;
}
