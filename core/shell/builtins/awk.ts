/**
 * `awk [-F SEP] 'PROGRAM' [FILE...]` for the programs students pipe kubectl into: rules of an
 * optional pattern (`NR>1`, `/Running/`, `$3 == "Running" && $4 > 0`, `BEGIN`, `END`) and a
 * block of `print` statements (`{print $1, $NF}`, `{print $(NF-1) "/" $2}`, `length`,
 * `toupper`, `tolower`). Anything else is refused with a sentence naming what is supported:
 * no awk interpreter fits the pure core, and the full language is beyond a Kubernetes lab.
 */
import { lines, textInput, type Input } from '../interp/streams';
import { errorText } from '../workspace';
import { options, out, type CommandContext } from './context';

type Value = string | number;

type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 're'; re: RegExp }
  | { t: 'field'; e: Expr }
  | { t: 'var'; name: 'NR' | 'NF' }
  | { t: 'call'; name: string; arg: Expr | undefined }
  | { t: 'bin'; op: string; a: Expr; b: Expr }
  | { t: 'not'; e: Expr };

interface Rule {
  kind: 'BEGIN' | 'END' | 'main';
  pattern: Expr | undefined;
  prints: Expr[][] | undefined;
}

/** A program this awk does not run. */
export class AwkUnsupported extends Error {}

const TOKEN = /[ \t]*(?:(\d+(?:\.\d+)?)|"((?:[^"\\]|\\.)*)"|([A-Za-z_]\w*)|(==|!=|<=|>=|&&|\|\||!~|[-+*/%<>~!$(){},;\n]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < src.length) {
    if (/^[ \t]*$/.test(src.slice(i))) break;
    const prev = out[out.length - 1];
    const rest = src.slice(i).replace(/^[ \t]+/, '');
    const skipped = src.length - i - rest.length;
    if (rest.startsWith('/') && (prev === undefined || /^(?:[(,!~{;\n]|&&|\|\||!~|==|!=)$/.test(prev))) {
      const m = /^\/((?:[^/\\]|\\.)*)\//.exec(rest);
      if (!m) throw new AwkUnsupported('unterminated regular expression');
      out.push(`/${m[1]}`);
      i += skipped + m[0].length;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) throw new AwkUnsupported(`unexpected "${rest[0]}"`);
    out.push(m[1] ?? (m[2] !== undefined ? `"${m[2]}` : (m[3] ?? m[4] ?? '')));
    i = TOKEN.lastIndex;
  }
  return out;
}

function parse(src: string): Rule[] {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const eat = (t: string) => {
    if (toks[p] !== t) throw new AwkUnsupported(`expected "${t}" near "${toks[p] ?? 'end'}"`);
    p++;
  };
  const skip = () => {
    while (peek() === '\n' || peek() === ';') p++;
  };
  const primary = (): Expr => {
    const t = toks[p++];
    if (t === undefined) throw new AwkUnsupported('unexpected end of program');
    if (t === '$') return { t: 'field', e: primary() };
    if (t === '(') {
      const e = or();
      eat(')');
      return e;
    }
    if (t === '-') return { t: 'bin', op: '-', a: { t: 'num', v: 0 }, b: primary() };
    if (t === '!') return { t: 'not', e: primary() };
    if (/^\d/.test(t)) return { t: 'num', v: Number(t) };
    if (t.startsWith('"')) return { t: 'str', v: t.slice(1).replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t' })[c] ?? c) };
    if (t.startsWith('/')) return { t: 're', re: new RegExp(t.slice(1)) };
    if (t === 'NR' || t === 'NF') return { t: 'var', name: t };
    if (t === 'length' || t === 'toupper' || t === 'tolower') {
      let arg: Expr | undefined;
      if (peek() === '(') {
        p++;
        arg = peek() === ')' ? undefined : or();
        eat(')');
      } else if (t !== 'length') throw new AwkUnsupported(`${t} needs (...)`);
      return { t: 'call', name: t, arg };
    }
    throw new AwkUnsupported(`"${t}" is not supported`);
  };
  const binary = (next: () => Expr, ops: string[]) => (): Expr => {
    let e = next();
    while (ops.includes(peek() ?? '')) {
      const op = toks[p++] as string;
      e = { t: 'bin', op, a: e, b: next() };
    }
    return e;
  };
  const mul = binary(primary, ['*', '/', '%']);
  const add = binary(mul, ['+', '-']);
  const concat = (): Expr => {
    let e = add();
    while (peek() !== undefined && /^(?:\$|\(|"|\/|\d|NR$|NF$|length$|toupper$|tolower$)/.test(peek() as string)) e = { t: 'bin', op: 'concat', a: e, b: add() };
    return e;
  };
  const cmp = binary(concat, ['==', '!=', '<', '>', '<=', '>=', '~', '!~']);
  const and = binary(cmp, ['&&']);
  const or = binary(and, ['||']);
  const block = (): Expr[][] => {
    eat('{');
    const prints: Expr[][] = [];
    skip();
    while (peek() !== '}') {
      if (peek() !== 'print') throw new AwkUnsupported(`"${peek() ?? 'end'}" is not supported`);
      p++;
      const list: Expr[] = [];
      if (peek() !== '}' && peek() !== ';' && peek() !== '\n') {
        list.push(or());
        while (peek() === ',') {
          p++;
          list.push(or());
        }
      }
      prints.push(list);
      skip();
    }
    eat('}');
    return prints;
  };
  const rules: Rule[] = [];
  skip();
  while (p < toks.length) {
    const t = peek();
    if (t === 'BEGIN' || t === 'END') {
      p++;
      rules.push({ kind: t, pattern: undefined, prints: block() });
    } else if (t === '{') rules.push({ kind: 'main', pattern: undefined, prints: block() });
    else {
      const pattern = or();
      rules.push({ kind: 'main', pattern, prints: peek() === '{' ? block() : undefined });
    }
    skip();
  }
  return rules;
}

function num(v: Value): number {
  if (typeof v === 'number') return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v);
  return m ? Number(m[0]) : 0;
}

function looksNumeric(v: Value): boolean {
  return typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);
}

function show(v: Value): string {
  if (typeof v === 'string') return v;
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

interface Record_ {
  fields: string[];
  line: string;
  nr: number;
}

function evaluate(e: Expr, r: Record_): Value {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'str':
      return e.v;
    case 're':
      return e.re.test(r.line) ? 1 : 0;
    case 'field': {
      const i = Math.trunc(num(evaluate(e.e, r)));
      return i === 0 ? r.line : (r.fields[i - 1] ?? '');
    }
    case 'var':
      return e.name === 'NR' ? r.nr : r.fields.length;
    case 'not':
      return truthy(evaluate(e.e, r)) ? 0 : 1;
    case 'call': {
      const v = e.arg ? evaluate(e.arg, r) : r.line;
      if (e.name === 'length') return show(v).length;
      return e.name === 'toupper' ? show(v).toUpperCase() : show(v).toLowerCase();
    }
    case 'bin': {
      if (e.op === '~' || e.op === '!~') {
        const re = e.b.t === 're' ? e.b.re : new RegExp(show(evaluate(e.b, r)));
        return re.test(show(evaluate(e.a, r))) === (e.op === '~') ? 1 : 0;
      }
      if (e.op === '&&') return truthy(evaluate(e.a, r)) && truthy(evaluate(e.b, r)) ? 1 : 0;
      if (e.op === '||') return truthy(evaluate(e.a, r)) || truthy(evaluate(e.b, r)) ? 1 : 0;
      const a = evaluate(e.a, r);
      const b = evaluate(e.b, r);
      if (e.op === 'concat') return show(a) + show(b);
      if (['==', '!=', '<', '>', '<=', '>='].includes(e.op)) {
        const c = looksNumeric(a) && looksNumeric(b) ? num(a) - num(b) : show(a) < show(b) ? -1 : show(a) > show(b) ? 1 : 0;
        return ({ '==': c === 0, '!=': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 } as Record<string, boolean>)[e.op] ? 1 : 0;
      }
      const x = num(a);
      const y = num(b);
      return e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' ? x * y : e.op === '/' ? x / y : x % y;
    }
  }
}

function truthy(v: Value): boolean {
  return typeof v === 'number' ? v !== 0 : v !== '' && !(looksNumeric(v) && num(v) === 0);
}

/** `awk`. */
export async function awk(ctx: CommandContext): Promise<number> {
  const o = options(ctx, { values: 'Fv', long: { 'field-separator': 'F' }, code: 2 });
  const [program, ...files] = o.operands;
  if (program === undefined) {
    ctx.err.write('usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\n');
    return 2;
  }
  let rules: Rule[];
  try {
    rules = parse(program);
  } catch (e) {
    ctx.err.write(`awk: ${(e as Error).message}: this lab's awk runs print programs only, such as '{print $1}', 'NR>1 {print $2, $1}' or -F: '$3 == "x" {print $1}'\n`);
    return 2;
  }
  const fs = o.get('F');
  const split = (line: string): string[] => {
    if (fs === undefined || fs === ' ') return line.trim() === '' ? [] : line.trim().split(/[ \t\n]+/);
    const sep = fs === '\\t' || fs === 't' ? '\t' : fs;
    return line === '' ? [] : sep.length === 1 ? line.split(sep) : line.split(new RegExp(sep));
  };
  let nr = 0;
  const runRules = (kind: Rule['kind'], r: Record_) => {
    for (const rule of rules) {
      if (rule.kind !== kind) continue;
      if (rule.pattern && !truthy(evaluate(rule.pattern, r))) continue;
      for (const list of rule.prints ?? [[]]) out(ctx, `${list.length === 0 ? r.line : list.map((e) => show(evaluate(e, r))).join(' ')}\n`);
    }
  };
  runRules('BEGIN', { fields: [], line: '', nr: 0 });
  let last: Record_ = { fields: [], line: '', nr };
  for (const name of files.length > 0 ? files : ['-']) {
    let input: Input = ctx.stdin;
    if (name !== '-') {
      try {
        input = textInput(await ctx.session.ws.read(name));
      } catch (e) {
        ctx.err.write(`awk: cannot open ${name} (${errorText(e)})\n`);
        return 2;
      }
    }
    for await (const line of lines(input)) {
      last = { fields: split(line), line, nr: ++nr };
      if (rules.some((r) => r.kind === 'main')) runRules('main', last);
    }
  }
  runRules('END', { ...last, nr });
  return 0;
}
