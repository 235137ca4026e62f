/**
 * Line filters with GNU coreutils's output and messages: `head`, `tail`, `wc`, `uniq`, `cut`.
 * Standard input is read as it comes where the tool can (head stops the pipe once it has its
 * lines, uniq and cut print as lines arrive).
 */
import { utf8Encode } from '../../api/protobuf/text';
import { lines, readAll, textInput, type Input } from '../interp/streams';
import { errorText } from '../workspace';
import { BuiltinExit, count, options, out, splitLines, usage, warn, type CommandContext } from './context';

/** The inputs of a filter: each operand's text (`-` or none: standard input), with `name: error` printed for the unreadable ones. */
async function* inputs(ctx: CommandContext, operands: string[], fail: (name: string, error: string) => string): AsyncGenerator<{ name: string; input: Input }> {
  for (const name of operands.length > 0 ? operands : ['-']) {
    if (name === '-') {
      yield { name, input: ctx.stdin };
      continue;
    }
    try {
      yield { name, input: textInput(await ctx.session.ws.read(name)) };
    } catch (e) {
      ctx.err.write(`${ctx.argv[0]}: ${fail(name, errorText(e))}\n`);
      throw new BuiltinExit(1);
    }
  }
}

/** `head [-n N] [FILE...]`. */
export async function head(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { values: 'n', flags: 'qv', long: { lines: 'n', quiet: 'q', verbose: 'v' }, numeric: true });
  const n = count(ctx, o.get('n') ?? '10', `invalid number of lines: \u2018${o.get('n')}\u2019`);
  let status = 0;
  const names = o.operands.length > 0 ? o.operands : ['-'];
  for (const [i, name] of names.entries()) {
    let input: Input = ctx.stdin;
    if (name !== '-') {
      try {
        input = textInput(await ctx.session.ws.read(name));
      } catch (e) {
        warn(ctx, `cannot open '${name}' for reading: ${errorText(e)}`);
        status = 1;
        continue;
      }
    }
    if ((names.length > 1 && !o.has('q')) || o.has('v')) out(ctx, `${i > 0 ? '\n' : ''}==> ${name === '-' ? 'standard input' : name} <==\n`);
    if (n === 0) continue;
    let seen = 0;
    for await (const line of lines(input)) {
      out(ctx, `${line}\n`);
      if (++seen >= n) break;
    }
  }
  return status;
}

/** `tail [-n N | -n +N] [FILE...]`. */
export async function tail(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { values: 'n', flags: 'qv', long: { lines: 'n', quiet: 'q', verbose: 'v' }, numeric: true });
  const spec = o.get('n') ?? '10';
  const fromStart = spec.startsWith('+');
  const n = count(ctx, spec, `invalid number of lines: \u2018${spec}\u2019`);
  let status = 0;
  const names = o.operands.length > 0 ? o.operands : ['-'];
  for (const [i, name] of names.entries()) {
    let text: string;
    if (name === '-') text = await readAll(ctx.stdin);
    else {
      try {
        text = await ctx.session.ws.read(name);
      } catch (e) {
        warn(ctx, `cannot open '${name}' for reading: ${errorText(e)}`);
        status = 1;
        continue;
      }
    }
    if ((names.length > 1 && !o.has('q')) || o.has('v')) out(ctx, `${i > 0 ? '\n' : ''}==> ${name === '-' ? 'standard input' : name} <==\n`);
    const all = splitLines(text);
    const picked = fromStart ? all.slice(Math.max(0, n - 1)) : n === 0 ? [] : all.slice(-n);
    out(ctx, picked.map((l) => `${l}\n`).join(''));
  }
  return status;
}

/** `wc [-l -w -c -m] [FILE...]`, with GNU's column widths. */
export async function wc(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'lwcm', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm' } });
  const which = ['l', 'w', 'm', 'c'].filter((f) => o.has(f));
  const counts = which.length > 0 ? which : ['l', 'w', 'c'];
  const names = o.operands.length > 0 ? o.operands : ['-'];
  const rows: { name: string; values: number[] }[] = [];
  let regular = 0;
  let minimum = 1;
  let status = 0;
  for (const name of names) {
    let text: string;
    if (name === '-') {
      text = await readAll(ctx.stdin);
      minimum = 7;
    } else {
      try {
        text = await ctx.session.ws.read(name);
        regular += utf8Encode(text).length;
      } catch (e) {
        warn(ctx, `${name}: ${errorText(e)}`);
        status = 1;
        continue;
      }
    }
    const values = counts.map((c) => (c === 'l' ? (text.match(/\n/g) ?? []).length : c === 'w' ? (text.match(/\S+/g) ?? []).length : c === 'm' ? [...text].length : utf8Encode(text).length));
    rows.push({ name, values });
  }
  if (rows.length > 1) rows.push({ name: 'total', values: counts.map((_, i) => rows.reduce((s, r) => s + (r.values[i] as number), 0)) });
  let width = String(regular).length;
  if (width < minimum) width = minimum;
  if (names.length === 1 && counts.length === 1) width = 1;
  for (const r of rows) {
    const cells = r.values.map((v) => String(v).padStart(width)).join(' ');
    out(ctx, `${cells}${o.operands.length === 0 ? '' : ` ${r.name}`}\n`);
  }
  return status;
}

/** `uniq [-c -d -u -i] [FILE]`. */
export async function uniq(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } });
  const key = (l: string) => (o.has('i') ? l.toLowerCase() : l);
  let prev: string | undefined;
  let n = 0;
  const flush = () => {
    if (prev === undefined) return;
    if ((o.has('d') && n < 2) || (o.has('u') && n > 1)) return;
    out(ctx, o.has('c') ? `${String(n).padStart(7)} ${prev}\n` : `${prev}\n`);
  };
  for await (const { input } of inputs(ctx, o.operands.slice(0, 1), (name, e) => `${name}: ${e}`)) {
    for await (const line of lines(input)) {
      if (prev !== undefined && key(line) === key(prev)) n++;
      else {
        flush();
        prev = line;
        n = 1;
      }
    }
  }
  flush();
  return 0;
}

/** A list of `cut` (`1,3`, `2-`, `-4`, `2-5`) as a membership test. */
function cutList(ctx: CommandContext, spec: string): (i: number) => boolean {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') usage(ctx, `invalid field range`);
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a === 0 || b === 0) usage(ctx, 'fields are numbered from 1');
    ranges.push([a, b]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

/** `cut -d DELIM -f LIST | -c LIST [FILE...]`. */
export async function cut(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { flags: 's', values: 'dfcb', long: { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's' } });
  const spec = o.get('f') ?? o.get('c') ?? o.get('b');
  if (spec === undefined) usage(ctx, 'you must specify a list of bytes, characters, or fields');
  const delim = o.get('d') ?? '\t';
  if (delim.length !== 1) usage(ctx, 'the delimiter must be a single character');
  const pick = cutList(ctx, spec);
  const byField = o.get('f') !== undefined;
  const one = (line: string): string | undefined => {
    if (!byField) return [...line].filter((_, i) => pick(i + 1)).join('');
    if (!line.includes(delim)) return o.has('s') ? undefined : line;
    return line
      .split(delim)
      .filter((_, i) => pick(i + 1))
      .join(delim);
  };
  let status = 0;
  for (const name of o.operands.length > 0 ? o.operands : ['-']) {
    let input: Input = ctx.stdin;
    if (name !== '-') {
      try {
        input = textInput(await ctx.session.ws.read(name));
      } catch (e) {
        warn(ctx, `${name}: ${errorText(e)}`);
        status = 1;
        continue;
      }
    }
    for await (const line of lines(input)) {
      const r = one(line);
      if (r !== undefined) out(ctx, `${r}\n`);
    }
  }
  return status;
}
