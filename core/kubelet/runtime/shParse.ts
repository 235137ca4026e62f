/**
 * The parser of the simulated `sh` (the POSIX shell subset lessons use): words with quotes and
 * expansions, `;` `&&` `||` `|` `&`, redirections, `while`/`until`/`for`/`if`, `{ }` and `( )`.
 */

/** A piece of a word: `raw` is unquoted (expanded and split), `dq` double-quoted (expanded), `lit` literal. */
export interface Segment {
  text: string;
  mode: 'raw' | 'dq' | 'lit';
}

/** A word before expansion. */
export type Word = Segment[];

/** A redirection (`> f`, `>> f`, `< f`, `2>&1`). */
export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: Word;
}

/** The syntax tree of a script. */
export type ShNode =
  | { t: 'cmd'; assigns: { name: string; value: Word }[]; words: Word[]; redirects: Redirect[] }
  | { t: 'pipe'; cmds: ShNode[]; negate: boolean }
  | { t: 'and' | 'or'; a: ShNode; b: ShNode }
  | { t: 'list'; items: { node: ShNode; background: boolean }[] }
  | { t: 'loop'; until: boolean; cond: ShNode; body: ShNode }
  | { t: 'for'; name: string; words: Word[] | undefined; body: ShNode }
  | { t: 'if'; branches: { cond: ShNode; body: ShNode }[]; otherwise: ShNode | undefined }
  | { t: 'group'; body: ShNode; subshell: boolean; redirects: Redirect[] };

type Token = { k: 'op'; v: string } | { k: 'word'; w: Word; plain: string | undefined };

/** A syntax error, with the message dash-like shells print. */
export class ShSyntaxError extends Error {}

const OPS = ['&&', '||', ';;', '>>', '>&', '<<', ';', '&', '|', '(', ')', '<', '>', '\n'];

/** Reads `$( ... )`, `${ ... }` or a backquoted command starting at `i` (the `$` or backquote); returns the end index (exclusive). */
function skipExpansion(s: string, i: number): number {
  if (s[i] === '`') {
    const end = s.indexOf('`', i + 1);
    if (end < 0) throw new ShSyntaxError('Syntax error: EOF in backquote substitution');
    return end + 1;
  }
  const open = s[i + 1];
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === "'" && open === '(') {
      j = s.indexOf("'", j + 1);
      if (j < 0) break;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  throw new ShSyntaxError(open === '(' ? 'Syntax error: end of file unexpected (expecting ")")' : 'Syntax error: Missing }');
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const fd = /^(\d)(>>|>&|>|<)/.exec(src.slice(i, i + 3));
    if (fd) {
      out.push({ k: 'op', v: `${fd[1]}${fd[2]}` });
      i += fd[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      out.push({ k: 'op', v: op });
      i += op.length;
      continue;
    }
    const w: Word = [];
    let plain = true;
    const add = (text: string, mode: Segment['mode']) => {
      const last = w[w.length - 1];
      if (last && last.mode === mode) last.text += text;
      else w.push({ text, mode });
    };
    while (i < src.length) {
      const ch = src[i] as string;
      if (' \t\r\n'.includes(ch) || OPS.some((o) => o !== '\n' && src.startsWith(o, i))) break;
      if (ch === "'") {
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new ShSyntaxError('Syntax error: Unterminated quoted string');
        add(src.slice(i + 1, end), 'lit');
        plain = false;
        i = end + 1;
      } else if (ch === '"') {
        let j = i + 1;
        let text = '';
        while (j < src.length && src[j] !== '"') {
          if (src[j] === '\\' && '"\\$`'.includes(src[j + 1] ?? '')) {
            text += `\\${src[j + 1]}`;
            j += 2;
          } else if ((src[j] === '$' && (src[j + 1] === '(' || src[j + 1] === '{')) || src[j] === '`') {
            const end = skipExpansion(src, j);
            text += src.slice(j, end);
            j = end;
          } else text += src[j++];
        }
        if (j >= src.length) throw new ShSyntaxError('Syntax error: Unterminated quoted string');
        add(text, 'dq');
        plain = false;
        i = j + 1;
      } else if (ch === '\\') {
        add(src[i + 1] ?? '', 'lit');
        plain = false;
        i += 2;
      } else if ((ch === '$' && (src[i + 1] === '(' || src[i + 1] === '{')) || ch === '`') {
        const end = skipExpansion(src, i);
        add(src.slice(i, end), 'raw');
        plain = false;
        i = end;
      } else {
        add(ch, 'raw');
        i++;
      }
    }
    out.push({ k: 'word', w, plain: plain ? w.map((s) => s.text).join('') : undefined });
  }
  return out;
}

const STOPS = new Set(['do', 'done', 'then', 'elif', 'else', 'fi', '}', 'in']);

/** Parses a script. */
export function parseScript(src: string): ShNode {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.k === 'op' && (peek() as { v: string }).v === v;
  const isWord = (v: string) => {
    const t = peek();
    return t?.k === 'word' && t.plain === v;
  };
  const skipNl = () => {
    while (isOp('\n')) p++;
  };
  const unexpected = (): never => {
    const t = peek();
    const what = !t ? 'end of file' : t.k === 'op' ? (t.v === '\n' ? 'newline' : `"${t.v}"`) : `"${t.plain ?? t.w.map((s) => s.text).join('')}"`;
    throw new ShSyntaxError(`Syntax error: ${what} unexpected`);
  };
  const expectWord = (v: string) => {
    skipNl();
    if (!isWord(v)) unexpected();
    p++;
  };

  function list(): ShNode {
    const items: { node: ShNode; background: boolean }[] = [];
    skipNl();
    while (p < toks.length) {
      const t = peek();
      if (t?.k === 'word' && t.plain !== undefined && STOPS.has(t.plain)) break;
      if (t?.k === 'op' && (t.v === ')' || t.v === ';;')) break;
      const node = andOr();
      let background = false;
      if (isOp('&')) {
        background = true;
        p++;
      } else if (isOp(';') || isOp('\n')) p++;
      else if (p < toks.length && !(peek()?.k === 'op' && (peek() as { v: string }).v === ')') && !(peek()?.k === 'word' && STOPS.has((peek() as { plain?: string }).plain ?? ''))) unexpected();
      items.push({ node, background });
      skipNl();
    }
    return { t: 'list', items };
  }

  function andOr(): ShNode {
    let node = pipeline();
    while (isOp('&&') || isOp('||')) {
      const op = (peek() as { v: string }).v;
      p++;
      skipNl();
      const b = pipeline();
      node = { t: op === '&&' ? 'and' : 'or', a: node, b };
    }
    return node;
  }

  function pipeline(): ShNode {
    let negate = false;
    if (isWord('!')) {
      negate = true;
      p++;
    }
    const cmds = [command()];
    while (isOp('|')) {
      p++;
      skipNl();
      cmds.push(command());
    }
    return cmds.length === 1 && !negate ? (cmds[0] as ShNode) : { t: 'pipe', cmds, negate };
  }

  function redirect(into: Redirect[]): boolean {
    const t = peek();
    if (t?.k !== 'op') return false;
    const m = /^(\d?)(>>|>&|>|<)$/.exec(t.v);
    if (!m) return false;
    p++;
    const target = peek();
    if (target?.k !== 'word') unexpected();
    p++;
    const op = m[2] as Redirect['op'];
    into.push({ fd: m[1] ? Number(m[1]) : op === '<' ? 0 : 1, op, target: (target as { w: Word }).w });
    return true;
  }

  function command(): ShNode {
    const t = peek();
    if (!t) return unexpected();
    if (t.k === 'op' && t.v === '(') {
      p++;
      const body = list();
      if (!isOp(')')) unexpected();
      p++;
      const redirects: Redirect[] = [];
      while (redirect(redirects));
      return { t: 'group', body, subshell: true, redirects };
    }
    if (t.k === 'word' && t.plain !== undefined) {
      switch (t.plain) {
        case 'while':
        case 'until': {
          p++;
          const cond = list();
          expectWord('do');
          const body = list();
          expectWord('done');
          return { t: 'loop', until: t.plain === 'until', cond, body };
        }
        case 'for': {
          p++;
          const name = peek();
          if (name?.k !== 'word' || !name.plain || !/^[A-Za-z_]\w*$/.test(name.plain)) return unexpected();
          p++;
          let words: Word[] | undefined;
          skipNl();
          if (isWord('in')) {
            p++;
            words = [];
            while (peek()?.k === 'word') words.push((toks[p++] as { w: Word }).w);
          }
          if (isOp(';') || isOp('\n')) p++;
          expectWord('do');
          const body = list();
          expectWord('done');
          return { t: 'for', name: name.plain, words, body };
        }
        case 'if': {
          p++;
          const branches: { cond: ShNode; body: ShNode }[] = [];
          let otherwise: ShNode | undefined;
          const cond = list();
          expectWord('then');
          branches.push({ cond, body: list() });
          for (;;) {
            skipNl();
            if (isWord('elif')) {
              p++;
              const c = list();
              expectWord('then');
              branches.push({ cond: c, body: list() });
            } else if (isWord('else')) {
              p++;
              otherwise = list();
            } else break;
          }
          expectWord('fi');
          return { t: 'if', branches, otherwise };
        }
        case '{': {
          p++;
          const body = list();
          expectWord('}');
          const redirects: Redirect[] = [];
          while (redirect(redirects));
          return { t: 'group', body, subshell: false, redirects };
        }
      }
    }
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      if (redirect(redirects)) continue;
      const w = peek();
      if (w?.k !== 'word') break;
      const first = w.w[0];
      const m = words.length === 0 && first?.mode === 'raw' ? /^([A-Za-z_]\w*)=/.exec(first.text) : null;
      if (m) {
        assigns.push({ name: m[1] as string, value: [{ text: first!.text.slice(m[0].length), mode: 'raw' }, ...w.w.slice(1)] });
      } else words.push(w.w);
      p++;
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) unexpected();
    return { t: 'cmd', assigns, words, redirects };
  }

  const tree = list();
  if (p < toks.length) unexpected();
  return tree;
}
