/**
 * The expansions of the shell language, shared by the simulated `sh` of containers and the
 * bundled shell: parameters, command substitution, arithmetic, tilde, field splitting, and the
 * glob patterns of unquoted words (the bundled shell matches them against its files).
 */
import type { ProcessContext, ProcessIo } from './process';
import { parseScript, type Redirect, type ShNode, type Word } from './shParse';

/** What expansion needs of a shell: its variables, parameters, last status, and a way to run a command substitution. */
export interface ExpandShell {
  vars: Record<string, string>;
  params: string[];
  status: number;
  /** `$$` (else the container process's pid). */
  pid?: number;
  /** Runs a parsed script (command substitution). */
  run(node: ShNode, io: ProcessIo): Promise<number>;
}

/** The state of a running container shell. */
export interface Shell extends ExpandShell {
  ctx: ProcessContext;
  exported: Set<string>;
  /** Iterations since the clock last moved (a busy loop yields to the clock now and then). */
  spins: number;
  lastTime: number;
}

/** One field of an expanded word, with its glob pattern (quoted characters escaped by `\\`) when it has unquoted `*`, `?` or `[`. */
export interface Field {
  text: string;
  glob?: string;
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
export async function expandText(sh: ExpandShell, text: string, io: ProcessIo): Promise<string> {
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

function lookup(sh: ExpandShell, name: string): string {
  if (name === '?') return String(sh.status);
  if (name === '$') return String(sh.pid ?? (sh as Partial<Shell>).ctx?.pid ?? 0);
  if (name === '#') return String(Math.max(0, sh.params.length - 1));
  if (name === '@' || name === '*') return sh.params.slice(1).join(' ');
  if (name === '!' || name === '-') return '';
  if (/^\d$/.test(name)) return sh.params[Number(name)] ?? '';
  return sh.vars[name] ?? '';
}

async function substitute(sh: ExpandShell, script: string, io: ProcessIo): Promise<string> {
  let captured = '';
  const sub: ProcessIo = { stdout: (t) => (captured += t), stderr: io.stderr, stdin: '' };
  await sh.run(parseScript(script), sub);
  return captured.replace(/\n+$/, '');
}

const GLOB_CHARS = /[*?[]/;

function escapeGlob(text: string): string {
  return text.replace(/[*?[\\]/g, (c) => `\\${c}`);
}

/** Expands words into fields (unquoted expansions split on blanks), each with its glob pattern when it has one. */
export async function expandFields(sh: ExpandShell, words: Word[], io: ProcessIo): Promise<Field[]> {
  const out: Field[] = [];
  for (const w of words) {
    let fields: { text: string; pattern: string; glob: boolean }[] = [{ text: '', pattern: '', glob: false }];
    let quoted = false;
    const append = (text: string, literal: boolean) => {
      const f = fields[fields.length - 1] as (typeof fields)[number];
      f.text += text;
      f.pattern += literal ? escapeGlob(text) : text;
      if (!literal && GLOB_CHARS.test(text)) f.glob = true;
    };
    for (const [i, seg] of w.entries()) {
      if (seg.mode === 'lit') {
        append(seg.text, true);
        quoted = true;
      } else if (seg.mode === 'dq') {
        append(await expandText(sh, seg.text, io), true);
        quoted = true;
      } else {
        let src = seg.text;
        const home = sh.vars['HOME'];
        if (i === 0 && home !== undefined && /^~(\/|$)/.test(src) && (src.length > 1 || w.length === 1 || w[1]?.text.startsWith('/'))) {
          append(home, true);
          src = src.slice(1);
        }
        const text = await expandText(sh, src, io);
        const hasExpansion = /[$`]/.test(src);
        if (!hasExpansion) append(text, false);
        else {
          const parts = text.split(/[ \t\n]+/);
          append(parts[0] ?? '', false);
          for (const part of parts.slice(1)) {
            fields.push({ text: '', pattern: '', glob: false });
            append(part, false);
          }
        }
      }
    }
    if (!quoted) fields = fields.filter((f) => f.text !== '');
    out.push(...fields.map((f) => (f.glob ? { text: f.text, glob: f.pattern } : { text: f.text })));
  }
  return out;
}

/** Expands words into fields (unquoted expansions split on blanks). */
export async function expandWords(sh: ExpandShell, words: Word[], io: ProcessIo): Promise<string[]> {
  return (await expandFields(sh, words, io)).map((f) => f.text);
}

/** Expands one word into one string. */
export async function expandWord(sh: ExpandShell, w: Word, io: ProcessIo): Promise<string> {
  return (await expandWords(sh, [w], io)).join(' ');
}

/**
 * The standard input a `<<` or `<<<` redirection gives: the here-document's body (its
 * parameters and command substitutions expanded unless the delimiter was quoted; a backslash
 * escapes only `$`, `` ` ``, `\\` and a newline), or the here-string's word and a newline.
 */
export async function redirectInput(sh: ExpandShell, r: Redirect, io: ProcessIo): Promise<string> {
  if (r.op === '<<<') return `${await expandWord(sh, r.target, io)}\n`;
  const doc = r.heredoc ?? { body: '', expand: false };
  if (!doc.expand) return doc.body;
  const escaped = doc.body.replace(/\\\n/g, '').replace(/\\(.)/gs, (m, c: string) => ('$`\\'.includes(c) ? m : `\\\\${c}`));
  return expandText(sh, escaped, io);
}
