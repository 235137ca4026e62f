/**
 * Builtins that wait or run other commands: `sleep`, `watch [-n S] [-t] COMMAND` (procps
 * watch: full-screen on a terminal, re-run every interval until Ctrl-C) and `xargs [-n N]
 * [-I R] [-r] [COMMAND [ARGS]]` (GNU findutils).
 */
import { EMPTY_INPUT, readAll } from '../interp/streams';
import { shellQuote } from '../interp/quote';
import { BuiltinExit, options, out, usage, type CommandContext, type Stdio } from './context';

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `date`'s default format (UTC): `Thu Jan  1 09:05:00 2026`. */
export function dateText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** `sleep NUMBER[smhd]...`. */
export async function sleep(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args.length === 0) usage(ctx, 'missing operand');
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) usage(ctx, `invalid time interval \u2018${a}\u2019`);
    ms += Number(m[1]) * (UNITS[m[2] as string] as number);
  }
  if (!ctx.session.deps.sleep) {
    ctx.err.write('sleep: this terminal cannot wait\n');
    return 1;
  }
  return (await ctx.session.sleep(ms, ctx.signal)) ? 0 : 130;
}

/** `watch`. */
export async function watch(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 't', values: 'n', long: { interval: 'n', 'no-title': 't' } }, stopAtCommand(ctx.argv.slice(1)));
  const command = o.operands.join(' ');
  if (command === '') {
    ctx.err.write('\nUsage:\n watch [options] command\n');
    return 1;
  }
  const seconds = Number(o.get('n') ?? '2');
  if (!Number.isFinite(seconds)) {
    ctx.err.write(`watch: failed to parse argument: '${o.get('n')}'\n`);
    return 1;
  }
  const interval = Math.max(0.1, seconds);
  const s = ctx.session;
  const terminal = ctx.out.tty ? s.deps.terminal : undefined;
  if (!s.deps.sleep) {
    ctx.err.write('watch: this terminal cannot wait\n');
    return 1;
  }
  if (terminal) out(ctx, '\x1b[?1049h');
  try {
    while (!ctx.signal.aborted) {
      let text = '';
      const sink = { write: (t: string) => void (text += t), tty: false };
      const stdio: Stdio = { stdin: EMPTY_INPUT, out: sink, err: sink, signal: ctx.signal };
      await s.runText(command, stdio);
      if (ctx.signal.aborted) break;
      let screen = '';
      if (!o.has('t')) {
        const left = `Every ${interval.toFixed(1)}s: ${command}`;
        const right = `kubelab: ${dateText(s.deps.now?.() ?? 0)}`;
        const width = terminal?.columns() ?? 80;
        screen += `${left.length + right.length + 1 < width ? left + ' '.repeat(width - left.length - right.length) + right : left}\n\n`;
      }
      if (terminal) {
        const rows = terminal.rows() - (o.has('t') ? 0 : 2);
        screen += text
          .split('\n')
          .slice(0, Math.max(0, rows))
          .map((l) => l.slice(0, terminal.columns()))
          .join('\n');
        out(ctx, `\x1b[H\x1b[2J${screen}`);
      } else out(ctx, `${screen}${text}`);
      if (!(await s.sleep(interval * 1000, ctx.signal))) break;
    }
  } finally {
    if (terminal) out(ctx, '\x1b[?1049l');
  }
  return 0;
}

/** The options of `watch` stop at the command (its own flags belong to it). */
function stopAtCommand(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return [...out, ...args.slice(i)];
    if (!a.startsWith('-')) return [...out, '--', ...args.slice(i)];
    out.push(a);
    if (/^-[nIL]$|^--(interval|max-args|replace)$/.test(a) && i + 1 < args.length) out.push(args[++i] as string);
  }
  return out;
}

/** Splits xargs's input into arguments (blanks separate; quotes and backslashes as GNU xargs reads them). */
function xargsWords(ctx: CommandContext, text: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) {
        ctx.err.write(`xargs: unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option\n`);
        throw new BuiltinExit(1);
      }
      cur += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** `xargs`. */
export async function xargs(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'rt', values: 'nIL', long: { 'no-run-if-empty': 'r', 'max-args': 'n', replace: 'I', verbose: 't' } }, stopAtCommand(ctx.argv.slice(1)));
  const command = o.operands.length > 0 ? o.operands : ['echo'];
  const text = await readAll(ctx.stdin);
  const replace = o.get('I');
  const stdio: Stdio = { stdin: EMPTY_INPUT, out: ctx.out, err: ctx.err, signal: ctx.signal };
  const runs: string[][] = [];
  if (replace !== undefined) {
    for (const line of text.split('\n')) {
      const arg = line.trim();
      if (arg !== '') runs.push(command.map((w) => w.split(replace).join(arg)));
    }
  } else {
    const words = xargsWords(ctx, text);
    const per = o.get('n') !== undefined ? Math.max(1, Number(o.get('n'))) : Math.max(1, words.length);
    for (let i = 0; i < words.length; i += per) runs.push([...command, ...words.slice(i, i + per)]);
    if (words.length === 0 && !o.has('r')) runs.push(command);
  }
  let status = 0;
  for (const argv of runs) {
    if (ctx.signal.aborted) return 130;
    if (o.has('t')) ctx.err.write(`${argv.map((a) => shellQuote(a)).join(' ')}\n`);
    const code = await ctx.session.runArgv(argv, stdio);
    if (code === 127) return 127;
    if (code === 255) {
      ctx.err.write(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (code !== 0) status = 123;
  }
  return status;
}
