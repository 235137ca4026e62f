/** The expansions of the simulated `sh`: parameters, command substitution, arithmetic, field splitting. */
import type { ProcessContext, ProcessIo } from './process';
import { parseScript, type ShNode, type Word } from './shParse';

/** The state of a running shell. */
export interface Shell {
  ctx: ProcessContext;
  vars: Record<string, string>;
  exported: Set<string>;
  params: string[];
  status: number;
  /** Iterations since the clock last moved (a busy loop yields to the clock now and then). */
  spins: number;
  lastTime: number;
  /** Runs a parsed script (command substitution). */
  run(node: ShNode, io: ProcessIo): Promise<number>;
}

/** Evaluates `$(( ... ))` (integers, + - * / %, comparisons, parentheses, variables). */
export function arithmetic(expr: string, vars: Record<string, string>): number {
  const src = expr.replace(/\$?([A-Za-z_]\w*)/g, (_m, name: string) => String(Number.parseInt(vars[name] ?? '0', 10) || 0));
  const toks = src.match(/\d+|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const prec: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
  const unary = (): number => {
    const t = toks[i++];
    if (t === '(') {
      const v = binary(0);
      i++;
      return v;
    }
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() ? 0 : 1;
    return Number(t ?? 0);
  };
  const binary = (min: number): number => {
    let left = unary();
    for (;;) {
      const op = toks[i];
      const p = op ? prec[op] : undefined;
      if (p === undefined || p <= min - 1 || p < min) return left;
      i++;
      const right = binary(p + 1);
      left = applyOp(op as string, left, right);
    }
  };
  return binary(0);
}

function applyOp(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': if (b === 0) throw new Error('arithmetic: division by zero'); return Math.trunc(a / b);
    case '%': if (b === 0) throw new Error('arithmetic: division by zero'); return a % b;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '&&': return a && b ? 1 : 0;
    default: return a || b ? 1 : 0;
  }
}

/** Expands `$VAR`, `${VAR:-x}`, `$(cmd)`, `$((expr))` and backquotes in a piece of text. */
export async function expandText(sh: Shell, text: string, io: ProcessIo): Promise<string> {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      out += text[++i];
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      out += await substitute(sh, text.slice(i + 1, end), io);
      i = end;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const rest = text.slice(i + 1);
    if (rest.startsWith('((')) {
      const end = text.indexOf('))', i);
      out += String(arithmetic(await expandText(sh, text.slice(i + 3, end), io), sh.vars));
      i = end + 1;
    } else if (rest.startsWith('(')) {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      out += await substitute(sh, text.slice(i + 2, j), io);
      i = j;
    } else if (rest.startsWith('{')) {
      const end = text.indexOf('}', i);
      const inner = text.slice(i + 2, end);
      const m = /^([A-Za-z_]\w*|\d+|[?#$@*])(?::?([-=+?])(.*))?$/.exec(inner);
      const name = m?.[1] ?? inner;
      const value = lookup(sh, name);
      if (m?.[2] === '-') out += value === '' ? await expandText(sh, m[3] ?? '', io) : value;
      else if (m?.[2] === '=') {
        const v = value === '' ? await expandText(sh, m[3] ?? '', io) : value;
        sh.vars[name] = v;
        out += v;
      } else if (m?.[2] === '+') out += value === '' ? '' : await expandText(sh, m[3] ?? '', io);
      else if (inner.startsWith('#')) out += String(lookup(sh, inner.slice(1)).length);
      else out += value;
      i = end;
    } else {
      const m = /^([A-Za-z_]\w*|\d|[?#$@*!-])/.exec(rest);
      if (!m) {
        out += '$';
        continue;
      }
      out += lookup(sh, m[1] as string);
      i += (m[1] as string).length;
    }
  }
  return out;
}

function lookup(sh: Shell, name: string): string {
  if (name === '?') return String(sh.status);
  if (name === '$') return String(sh.ctx.pid);
  if (name === '#') return String(Math.max(0, sh.params.length - 1));
  if (name === '@' || name === '*') return sh.params.slice(1).join(' ');
  if (name === '!' || name === '-') return '';
  if (/^\d$/.test(name)) return sh.params[Number(name)] ?? '';
  return sh.vars[name] ?? '';
}

async function substitute(sh: Shell, script: string, io: ProcessIo): Promise<string> {
  let captured = '';
  const sub: ProcessIo = { stdout: (t) => (captured += t), stderr: io.stderr, stdin: '' };
  await sh.run(parseScript(script), sub);
  return captured.replace(/\n+$/, '');
}

/** Expands words into fields (unquoted expansions split on blanks). */
export async function expandWords(sh: Shell, words: Word[], io: ProcessIo): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    let fields: string[] = [''];
    let quoted = false;
    for (const seg of w) {
      if (seg.mode === 'lit') {
        fields[fields.length - 1] += seg.text;
        quoted = true;
      } else if (seg.mode === 'dq') {
        fields[fields.length - 1] += await expandText(sh, seg.text, io);
        quoted = true;
      } else {
        const text = await expandText(sh, seg.text, io);
        const hasExpansion = /[$`]/.test(seg.text);
        if (!hasExpansion) fields[fields.length - 1] += text;
        else {
          const parts = text.split(/[ \t\n]+/);
          fields[fields.length - 1] += parts[0] ?? '';
          for (const part of parts.slice(1)) fields.push(part);
        }
      }
    }
    if (!quoted) fields = fields.filter((f) => f !== '');
    out.push(...fields);
  }
  return out;
}

/** Expands one word into one string. */
export async function expandWord(sh: Shell, w: Word, io: ProcessIo): Promise<string> {
  return (await expandWords(sh, [w], io)).join(' ');
}

