/**
 * `sed [-n] [-E] [-i] [-e] SCRIPT [FILE...]` for the commands students use: `s/RE/REPLACEMENT/
 * [g i p N]` (any delimiter; `&` and `\1` in the replacement), `p` and `d`, each with an optional
 * address (`N`, `$`, `/RE/`); commands separated by `;`, newlines or several `-e`. GNU sed's
 * messages for a malformed script. Other commands are refused with a sentence saying so.
 */
import { lines } from '../interp/streams';
import { errorText } from '../workspace';
import { BuiltinExit, options, out, splitLines, warn, type CommandContext } from './context';
import { compilePosix } from './regex';

type Address = { line: number } | { last: true } | { re: RegExp } | undefined;

type SedCommand = { address: Address; kind: 'd' | 'p' } | { address: Address; kind: 's'; re: RegExp; replacement: string; global: boolean; print: boolean; nth: number };

/** Reads text up to an unescaped `delim`; returns it and the index after the delimiter, or undefined. */
function until(script: string, i: number, delim: string): { text: string; end: number } | undefined {
  let text = '';
  for (let j = i; j < script.length; j++) {
    const c = script[j] as string;
    if (c === '\\' && j + 1 < script.length) {
      const n = script[j + 1] as string;
      text += n === delim ? n : `${c}${n}`;
      j++;
    } else if (c === delim) return { text, end: j + 1 };
    else text += c;
  }
  return undefined;
}

/** Parses a sed script; throws an Error with GNU sed's message. */
export function parseSed(script: string, extended: boolean, expr = 1): SedCommand[] {
  const cmds: SedCommand[] = [];
  const fail = (at: number, what: string): never => {
    throw new Error(`-e expression #${expr}, char ${at}: ${what}`);
  };
  let i = 0;
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i] as string)) i++;
    if (i >= script.length) break;
    let address: Address;
    const num = /^\d+/.exec(script.slice(i));
    if (num) {
      address = { line: Number(num[0]) };
      i += num[0].length;
    } else if (script[i] === '$') {
      address = { last: true };
      i++;
    } else if (script[i] === '/') {
      const r = until(script, i + 1, '/');
      if (!r) fail(script.length, 'unterminated address regex');
      address = { re: compilePosix((r as { text: string }).text, extended) };
      i = (r as { end: number }).end;
    }
    const c = script[i];
    if (c === 'd' || c === 'p') {
      cmds.push({ address, kind: c });
      i++;
    } else if (c === 's') {
      const delim = script[i + 1];
      if (delim === undefined || delim === '\n' || delim === '\\') fail(i + 1, "unterminated `s' command");
      const pat = until(script, i + 2, delim as string);
      if (!pat) fail(script.length, "unterminated `s' command");
      const rep = until(script, (pat as { end: number }).end, delim as string);
      if (!rep) fail(script.length, "unterminated `s' command");
      let j = (rep as { end: number }).end;
      let flags = '';
      while (j < script.length && /[gipI0-9]/.test(script[j] as string)) flags += script[j++];
      if (j < script.length && !/[\s;}]/.test(script[j] as string)) fail(j + 1, "unknown option to `s'");
      const nth = Number(/\d+/.exec(flags)?.[0] ?? '1');
      cmds.push({ address, kind: 's', re: compilePosix((pat as { text: string }).text, extended, `g${/[iI]/.test(flags) ? 'i' : ''}`), replacement: (rep as { text: string }).text, global: flags.includes('g'), print: flags.includes('p'), nth });
      i = j;
    } else if (c === undefined) fail(i, 'missing command');
    else fail(i + 1, `unknown command: \`${c}'`);
  }
  return cmds;
}

function replace(line: string, cmd: Extract<SedCommand, { kind: 's' }>): { text: string; changed: boolean } {
  let count = 0;
  let changed = false;
  cmd.re.lastIndex = 0;
  const text = line.replace(cmd.re, (...m: unknown[]) => {
    count++;
    const whole = m[0] as string;
    if (count < cmd.nth || (!cmd.global && count > cmd.nth)) return whole;
    changed = true;
    const groups = m.slice(1, -2) as (string | undefined)[];
    return cmd.replacement.replace(/\\(.)|&/g, (r, e: string | undefined) => {
      if (e === undefined) return whole;
      if (/\d/.test(e)) return groups[Number(e) - 1] ?? '';
      return e === 'n' ? '\n' : e === 't' ? '\t' : e;
    });
  });
  return { text, changed };
}

function matches(address: Address, n: number, last: boolean, line: string): boolean {
  if (!address) return true;
  if ('line' in address) return n === address.line;
  if ('last' in address) return last;
  address.re.lastIndex = 0;
  return address.re.test(line);
}

/** Runs the commands over lines; `emit` gets each output line. */
async function runSed(cmds: SedCommand[], source: AsyncIterable<string> | string[], quiet: boolean, emit: (line: string) => void): Promise<void> {
  // The last line is known only when the next one comes: wait for it only when `$` is used.
  const needLast = cmds.some((c) => c.address !== undefined && 'last' in c.address);
  let n = 0;
  let held: string | undefined;
  const one = (line: string, last: boolean) => {
    n++;
    let deleted = false;
    for (const cmd of cmds) {
      if (!matches(cmd.address, n, last, line)) continue;
      if (cmd.kind === 'd') {
        deleted = true;
        break;
      }
      if (cmd.kind === 'p') emit(line);
      else if (cmd.kind === 's') {
        const r = replace(line, cmd);
        line = r.text;
        if (r.changed && cmd.print) emit(line);
      }
    }
    if (!deleted && !quiet) emit(line);
  };
  for await (const line of source) {
    if (!needLast) one(line, false);
    else {
      if (held !== undefined) one(held, false);
      held = line;
    }
  }
  if (held !== undefined) one(held, true);
}

/** `sed`. */
export async function sed(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'nEri', values: 'e', long: { quiet: 'n', silent: 'n', 'regexp-extended': 'E', 'in-place': 'i', expression: 'e' } });
  const operands = [...o.operands];
  const exprs: string[] = [];
  for (const [i, a] of ctx.argv.entries()) if ((a === '-e' || a === '--expression') && ctx.argv[i + 1] !== undefined) exprs.push(ctx.argv[i + 1] as string);
  for (const a of ctx.argv) if (/^-[nEri]*e.+/.test(a)) exprs.push(a.slice(a.indexOf('e') + 1));
  if (exprs.length === 0) {
    const s = operands.shift();
    if (s === undefined) {
      ctx.err.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
      return 1;
    }
    exprs.push(s);
  }
  let cmds: SedCommand[];
  try {
    cmds = exprs.flatMap((e, i) => parseSed(e, o.has('E') || o.has('r'), i + 1));
  } catch (e) {
    warn(ctx, (e as Error).message);
    return 1;
  }
  const quiet = o.has('n');
  if (o.has('i')) {
    if (operands.length === 0) {
      warn(ctx, 'no input files');
      return 1;
    }
    let status = 0;
    for (const f of operands) {
      try {
        const text = await ctx.session.ws.read(f);
        let result = '';
        await runSed(cmds, splitLines(text), quiet, (l) => (result += `${l}\n`));
        await ctx.session.ws.write(f, result);
      } catch (e) {
        warn(ctx, `can't read ${f}: ${errorText(e)}`);
        status = 2;
      }
    }
    return status;
  }
  const emit = (l: string) => out(ctx, `${l}\n`);
  let status = 0;
  const texts: string[] = [];
  if (operands.length === 0) {
    await runSed(cmds, lines(ctx.stdin), quiet, emit);
    return 0;
  }
  for (const f of operands) {
    if (f === '-') {
      texts.push(await readStdin(ctx));
      continue;
    }
    try {
      texts.push(await ctx.session.ws.read(f));
    } catch (e) {
      warn(ctx, `can't read ${f}: ${errorText(e)}`);
      status = 2;
    }
  }
  await runSed(cmds, texts.flatMap(splitLines), quiet, emit);
  if (status !== 0) throw new BuiltinExit(status);
  return 0;
}

async function readStdin(ctx: CommandContext): Promise<string> {
  let text = '';
  for await (const l of lines(ctx.stdin)) text += `${l}\n`;
  return text;
}
