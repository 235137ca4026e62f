/**
 * `grep [-i -v -c -n -E -F -w -x -o -q -l -h -H] [-e] PATTERN [FILE...]` as GNU grep: basic
 * regular expressions unless `-E`, `file:` prefixes with several files, status 0 when a line
 * matched, 1 when none, 2 on an error; matches coloured on a terminal (`--color=auto`, as
 * Debian's alias). Standard input is read line by line as it comes (`kubectl get -w | grep`).
 */
import { lines, textInput, type Input } from '../interp/streams';
import { errorText } from '../workspace';
import { options, out, warn, type CommandContext } from './context';
import { compilePosix } from './regex';

const MATCH = '\x1b[01;31m\x1b[K';
const NAME = '\x1b[35m\x1b[K';
const NUMBER = '\x1b[32m\x1b[K';
const SEP = '\x1b[36m\x1b[K';
const END = '\x1b[m\x1b[K';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `grep`. */
export async function grep(ctx: CommandContext): Promise<number> {
  const o = options(ctx, {
    flags: 'ivcnEFwxoqlhHrsG',
    values: 'e',
    long: { 'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'extended-regexp': 'E', 'fixed-strings': 'F', 'word-regexp': 'w', 'line-regexp': 'x', 'only-matching': 'o', quiet: 'q', silent: 'q', 'files-with-matches': 'l', 'no-filename': 'h', 'with-filename': 'H', regexp: 'e', 'no-messages': 's' },
    code: 2,
  });
  const operands = [...o.operands];
  const pattern = o.get('e') ?? operands.shift();
  if (pattern === undefined) {
    ctx.err.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  let re: RegExp;
  try {
    const alternatives = pattern.split('\n').map((p) => (o.has('F') ? escapeRe(p) : compilePosix(p, o.has('E'), '').source));
    let src = alternatives.length > 1 ? alternatives.map((a) => `(?:${a})`).join('|') : (alternatives[0] as string);
    if (o.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
    if (o.has('x')) src = `^(?:${src})$`;
    re = new RegExp(src, o.has('i') ? 'gi' : 'g');
  } catch (e) {
    warn(ctx, (e as Error).message);
    return 2;
  }
  const colour = ctx.out.tty;
  const files = operands.length > 0 ? operands : ['-'];
  const prefixName = o.has('H') || (files.length > 1 && !o.has('h'));
  let matched = false;
  let status = 0;
  for (const name of files) {
    let input: Input;
    if (name === '-') input = ctx.stdin;
    else {
      try {
        input = textInput(await ctx.session.ws.read(name));
      } catch (e) {
        if (!o.has('s')) warn(ctx, `${name}: ${errorText(e)}`);
        status = 2;
        continue;
      }
    }
    const label = name === '-' ? '(standard input)' : name;
    const prefix = (n: number, sep: string) =>
      (prefixName ? (colour ? `${NAME}${label}${END}${SEP}${sep}${END}` : `${label}${sep}`) : '') + (o.has('n') ? (colour ? `${NUMBER}${n}${END}${SEP}${sep}${END}` : `${n}${sep}`) : '');
    let n = 0;
    let hits = 0;
    for await (const line of lines(input)) {
      n++;
      re.lastIndex = 0;
      const found = re.test(line);
      if (found === o.has('v')) continue;
      hits++;
      matched = true;
      if (o.has('q')) return 0;
      if (o.has('l')) break;
      if (o.has('c')) continue;
      re.lastIndex = 0;
      if (o.has('o') && !o.has('v')) {
        for (const m of line.matchAll(re)) if (m[0] !== '') out(ctx, `${prefix(n, ':')}${colour ? `${MATCH}${m[0]}${END}` : m[0]}\n`);
      } else if (colour && !o.has('v')) out(ctx, `${prefix(n, ':')}${line.replace(re, (m) => (m === '' ? m : `${MATCH}${m}${END}`))}\n`);
      else out(ctx, `${prefix(n, ':')}${line}\n`);
    }
    if (o.has('l') && hits > 0) out(ctx, `${colour ? `${NAME}${label}${END}` : label}\n`);
    else if (o.has('c')) out(ctx, `${prefixName ? (colour ? `${NAME}${label}${END}${SEP}:${END}` : `${label}:`) : ''}${hits}\n`);
  }
  if (status === 2 && !(o.has('q') && matched)) return 2;
  return matched ? 0 : 1;
}
