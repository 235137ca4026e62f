/**
 * The parser of the shell language shared by the simulated `sh` of containers and the bundled
 * shell of the terminal (the POSIX subset lessons use): words with quotes and expansions, `;`
 * `&&` `||` `|` `&`, redirections (`> >> < 2>&1`, here-documents `<<EOF`, `<<-EOF`, here-strings
 * `<<<`), `while`/`until`/`for`/`if`, `{ }` and `( )`. The lexer is `shLex.ts`.
 */
import { ShSyntaxError, tokenize, type Heredoc, type Word } from './shLex';

export { ShSyntaxError, type Heredoc, type Segment, type SyntaxDetail, type Word } from './shLex';

/** A redirection (`> f`, `>> f`, `< f`, `2>&1`, `<<EOF` with its body, `<<< word`). */
export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<<' | '<<<';
  target: Word;
  /** The body of a here-document (`op` is `<<`). */
  heredoc?: Heredoc;
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
    if (!t) throw new ShSyntaxError('Syntax error: end of file unexpected', { incomplete: true });
    const token = t.k === 'op' ? (t.v === '\n' ? 'newline' : t.v) : (t.plain ?? t.w.map((s) => s.text).join(''));
    throw new ShSyntaxError(`Syntax error: ${token === 'newline' ? token : `"${token}"`} unexpected`, { token });
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
    const m = /^(\d?)(>>|>&|>|<<<|<<-|<<|<)$/.exec(t.v);
    if (!m) return false;
    p++;
    const target = peek();
    if (target?.k !== 'word') unexpected();
    p++;
    const op = (m[2] === '<<-' ? '<<' : m[2]) as Redirect['op'];
    const fd = m[1] ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    into.push({ fd, op, target: (target as { w: Word }).w, ...(t.heredoc ? { heredoc: t.heredoc } : {}) });
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
