/**
 * The builtins about the session itself, with bash's words: `echo`, `export`, `unset`,
 * `alias`, `unalias`, `history`, `clear`, `exit`, `true`, `false`, and the editors `vi`, `vim`,
 * `nano` (the front end's full-screen editor, when it has one).
 */
import { ShellExit } from '../interp/session';
import { shellQuote } from '../interp/quote';
import { errnoOf, errorText } from '../workspace';
import { out, type CommandContext } from './context';

/** `echo [-n -e -E] WORDS`. */
export async function echo(ctx: CommandContext): Promise<number> {
  let args = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    for (const f of args[0].slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g, (m, e: string) => {
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '\\': '\\' };
      if (simple[e] !== undefined) return simple[e];
      if (e.startsWith('0')) return String.fromCharCode(Number.parseInt(e.slice(1) || '0', 8));
      if (e.startsWith('x') && e.length > 1) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
      return m;
    });
  }
  out(ctx, newline ? `${text}\n` : text);
  return 0;
}

const NAME = /^[A-Za-z_]\w*$/;

/** `export [NAME[=VALUE]...]`. */
export async function exportVars(ctx: CommandContext): Promise<number> {
  const s = ctx.session;
  const args = ctx.argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    for (const k of [...s.exported].sort()) if (s.vars[k] !== undefined) out(ctx, `declare -x ${k}="${(s.vars[k] as string).replace(/(["\\$`])/g, '\\$1')}"\n`);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (!NAME.test(name)) {
      ctx.err.write(`kubelab: export: \`${a}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (eq >= 0) s.vars[name] = a.slice(eq + 1);
    s.exported.add(name);
  }
  return status;
}

/** `unset NAME...`. */
export async function unset(ctx: CommandContext): Promise<number> {
  for (const a of ctx.argv.slice(1).filter((x) => x !== '-v')) {
    delete ctx.session.vars[a];
    ctx.session.exported.delete(a);
  }
  return 0;
}

/** `alias [NAME[=VALUE]...]`. */
export async function alias(ctx: CommandContext): Promise<number> {
  const aliases = ctx.session.aliases;
  const show = (name: string) => `alias ${name}=${shellQuote(aliases.get(name) as string, true)}\n`;
  const args = ctx.argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    for (const name of [...aliases.keys()].sort()) out(ctx, show(name));
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (aliases.has(a)) out(ctx, show(a));
    else {
      ctx.err.write(`kubelab: alias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
}

/** `unalias [-a] NAME...`. */
export async function unalias(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args.includes('-a')) {
    ctx.session.aliases.clear();
    return 0;
  }
  if (args.length === 0) {
    ctx.err.write('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  let status = 0;
  for (const a of args) {
    if (!ctx.session.aliases.delete(a)) {
      ctx.err.write(`kubelab: unalias: ${a}: not found\n`);
      status = 1;
    }
  }
  return status;
}

/** `history [N] [-c]`. */
export async function history(ctx: CommandContext): Promise<number> {
  const h = ctx.session.deps.history;
  const arg = ctx.argv[1];
  if (arg === '-c') {
    h?.clear();
    return 0;
  }
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    ctx.err.write(`kubelab: history: ${arg}: numeric argument required\n`);
    return 1;
  }
  const entries = h?.entries() ?? [];
  const from = arg !== undefined ? Math.max(0, entries.length - Number(arg)) : 0;
  for (let i = from; i < entries.length; i++) out(ctx, `${String(i + 1).padStart(5)}  ${entries[i]}\n`);
  return 0;
}

/** `clear`: the terminal's clear-screen sequence (and its scrollback, as `clear` does on xterm). */
export async function clear(ctx: CommandContext): Promise<number> {
  out(ctx, '\x1b[H\x1b[2J\x1b[3J');
  return 0;
}

/** `exit [N]` (and `logout`). */
export async function exit(ctx: CommandContext): Promise<number> {
  const arg = ctx.argv[1];
  if (arg !== undefined && !/^-?\d+$/.test(arg)) {
    ctx.err.write(`kubelab: exit: ${arg}: numeric argument required\n`);
    throw new ShellExit(2);
  }
  throw new ShellExit(arg !== undefined ? Number(arg) & 255 : ctx.session.state.lastExit);
}

/** `true`. */
export async function trueCmd(): Promise<number> {
  return 0;
}

/** `false`. */
export async function falseCmd(): Promise<number> {
  return 1;
}

/** `vi FILE`, `vim FILE`, `nano FILE`: the front end's full-screen editor on a workspace file. */
export async function edit(ctx: CommandContext): Promise<number> {
  const name = ctx.argv[0] as string;
  const editor = ctx.session.deps.editor;
  if (!editor) {
    ctx.err.write(`kubelab: ${name}: this terminal has no editor; write a file with a here-document instead: cat <<EOF > FILE (type "help")\n`);
    return 127;
  }
  const file = ctx.argv.slice(1).find((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (file === undefined) {
    ctx.err.write(`kubelab: ${name}: give the file to edit: ${name} FILE\n`);
    return 1;
  }
  const ws = ctx.session.ws;
  let text = '';
  try {
    if ((await ws.stat(file)) !== undefined) text = await ws.read(file);
  } catch (e) {
    ctx.err.write(`kubelab: ${name}: ${file}: ${errorText(e)}\n`);
    return 1;
  }
  const saved = await editor(text, file, name === 'nano' ? 'nano' : 'vi');
  if (saved === undefined || saved === text) return 0;
  try {
    await ws.write(file, saved);
  } catch (e) {
    ctx.err.write(`kubelab: ${name}: cannot write ${file}: ${errnoOf(e) === 'EIO' ? (e as Error).message : errorText(e)}\n`);
    return 1;
  }
  return 0;
}
