/**
 * The lexer of the shell language shared by the simulated `sh` of containers and the bundled
 * shell of the terminal: words with their quoting, operators, and here-document bodies (read
 * after the newline that ends the line of their `<<`). It tells a script that ends too early
 * (an open quote, an unfinished here-document) from one that is wrong, so that an interactive
 * front end can ask for more lines with its `> ` prompt.
 */

/** A piece of a word: `raw` is unquoted (expanded and split), `dq` double-quoted (expanded), `lit` literal. */
export interface Segment {
  text: string;
  mode: 'raw' | 'dq' | 'lit';
}

/** A word before expansion. */
export type Word = Segment[];

/** The body of a here-document; `expand` is false when its delimiter was quoted (`<<'EOF'`). */
export interface Heredoc {
  body: string;
  expand: boolean;
}

/** A token: an operator (a here-document's body hangs on its `<<`) or a word. */
export type Token = { k: 'op'; v: string; heredoc?: Heredoc } | { k: 'word'; w: Word; plain: string | undefined };

/** What went wrong, for the messages of the two shells. */
export interface SyntaxDetail {
  /** The script ended where more was needed: an interactive shell asks for another line. */
  incomplete?: boolean;
  /** The unexpected token (`newline` for a line end); absent at the end of the script. */
  token?: string;
  /** The quote left open (`'`, `"`, `` ` ``, `)` of `$(`, `}` of `${`). */
  quote?: string;
  /** The delimiter of a here-document left open. */
  heredoc?: string;
}

/** A syntax error, with the message dash-like shells print and the detail bash's messages need. */
export class ShSyntaxError extends Error {
  constructor(
    message: string,
    readonly detail: SyntaxDetail = {},
  ) {
    super(message);
  }
}

/** The operators, longest first. */
const OPS = ['<<<', '<<-', '&&', '||', ';;', '>>', '>&', '<<', ';', '&', '|', '(', ')', '<', '>', '\n'];

/** Reads `$( ... )`, `${ ... }` or a backquoted command starting at `i` (the `$` or backquote); returns the end index (exclusive). */
function skipExpansion(s: string, i: number): number {
  if (s[i] === '`') {
    const end = s.indexOf('`', i + 1);
    if (end < 0) throw new ShSyntaxError('Syntax error: EOF in backquote substitution', { incomplete: true, quote: '`' });
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
  throw new ShSyntaxError(open === '(' ? 'Syntax error: end of file unexpected (expecting ")")' : 'Syntax error: Missing }', { incomplete: true, quote: close });
}

interface Pending {
  token: { k: 'op'; v: string; heredoc?: Heredoc };
  delimiter: string;
  strip: boolean;
  quoted: boolean;
}

/** Reads the bodies of the pending here-documents from `i` (the start of the line after their `<<`); returns the index after them. */
function readBodies(src: string, i: number, pending: Pending[]): number {
  for (const h of pending) {
    let body = '';
    for (;;) {
      const nl = src.indexOf('\n', i);
      const line = nl < 0 ? src.slice(i) : src.slice(i, nl);
      const text = h.strip ? line.replace(/^\t+/, '') : line;
      if (text === h.delimiter && (nl >= 0 || i < src.length)) {
        i = nl < 0 ? src.length : nl + 1;
        break;
      }
      if (nl < 0) throw new ShSyntaxError(`Syntax error: here-document delimited by end-of-file (wanted "${h.delimiter}")`, { incomplete: true, heredoc: h.delimiter });
      body += `${text}\n`;
      i = nl + 1;
    }
    h.token.heredoc = { body, expand: !h.quoted };
  }
  pending.length = 0;
  return i;
}

/** Splits a script into tokens. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const pending: Pending[] = [];
  let heredocOp: Pending['token'] | undefined;
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
    if (c === '\\' && i + 1 === src.length) throw new ShSyntaxError('Syntax error: end of file unexpected', { incomplete: true });
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
      const token: Pending['token'] = { k: 'op', v: op };
      out.push(token);
      i += op.length;
      if (op === '<<' || op === '<<-') heredocOp = token;
      if (op === '\n' && pending.length > 0) i = readBodies(src, i, pending);
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
        if (end < 0) throw new ShSyntaxError('Syntax error: Unterminated quoted string', { incomplete: true, quote: "'" });
        add(src.slice(i + 1, end), 'lit');
        plain = false;
        i = end + 1;
      } else if (ch === '"') {
        let j = i + 1;
        let text = '';
        while (j < src.length && src[j] !== '"') {
          if (src[j] === '\\' && src[j + 1] === '\n') j += 2;
          else if (src[j] === '\\' && '"\\$`'.includes(src[j + 1] ?? '')) {
            text += `\\${src[j + 1]}`;
            j += 2;
          } else if (src[j] === '\\') {
            // A backslash before another character stays: the expansion must not take it as an escape.
            text += '\\\\';
            j++;
          } else if ((src[j] === '$' && (src[j + 1] === '(' || src[j + 1] === '{')) || src[j] === '`') {
            const end = skipExpansion(src, j);
            text += src.slice(j, end);
            j = end;
          } else text += src[j++];
        }
        if (j >= src.length) throw new ShSyntaxError('Syntax error: Unterminated quoted string', { incomplete: true, quote: '"' });
        add(text, 'dq');
        plain = false;
        i = j + 1;
      } else if (ch === '\\') {
        if (src[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (i + 1 === src.length) throw new ShSyntaxError('Syntax error: end of file unexpected', { incomplete: true });
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
    if (heredocOp && out[out.length - 1] === heredocOp) {
      pending.push({ token: heredocOp, delimiter: w.map((s) => s.text).join(''), strip: heredocOp.v === '<<-', quoted: w.some((s) => s.mode !== 'raw') });
      heredocOp = undefined;
    }
    out.push({ k: 'word', w, plain: plain ? w.map((s) => s.text).join('') : undefined });
  }
  if (pending.length > 0) {
    const h = pending[0] as Pending;
    throw new ShSyntaxError(`Syntax error: here-document delimited by end-of-file (wanted "${h.delimiter}")`, { incomplete: true, heredoc: h.delimiter });
  }
  return out;
}
