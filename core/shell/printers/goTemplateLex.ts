/**
 * The lexer of Go's text/template (text/template/parse/lex.go) for kubectl's go-template: text,
 * `{{`/`}}` with their `-` trim markers (the surrounding white space of the text is cut here),
 * comments (which leave no token), and the items inside actions. A lexical error ends the list
 * with an `error` token carrying text/template's words (`unclosed action`).
 */
/** The kinds of items. */
export type TokKind =
  | 'text' | 'left' | 'right' | 'space' | 'ident' | 'field' | 'variable' | 'dot' | 'string' | 'rawString' | 'char' | 'charConst'
  | 'number' | 'bool' | 'nil' | 'pipe' | 'lparen' | 'rparen' | 'declare' | 'assign' | 'keyword' | 'eof' | 'error';

/** One item, with its byte offset and line. */
export interface Tok {
  kind: TokKind;
  val: string;
  pos: number;
  line: number;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'nil', 'template', 'with']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{Nd}_]/u.test(c);

/** Splits a template into tokens; a lexical error ends the list with an `error` token. */
export function lex(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const push = (kind: TokKind, start: number, end: number, val = text.slice(start, end)) => {
    toks.push({ kind, val, pos: start, line });
    for (let k = start; k < end; k++) if (text[k] === '\n') line++;
  };
  const err = (msg: string, at = i) => toks.push({ kind: 'error', val: msg, pos: at, line });
  let trimNext = false;
  while (i <= text.length) {
    // Text up to the next left delimiter.
    const open = text.indexOf('{{', i);
    const end = open < 0 ? text.length : open;
    const trimLeft = open >= 0 && text[open + 2] === '-' && isSpace(text[open + 3]);
    let start = i;
    if (trimNext) while (start < end && isSpace(text[start])) start++;
    let textEnd = end;
    if (trimLeft) while (textEnd > start && isSpace(text[textEnd - 1])) textEnd--;
    for (let k = i; k < start; k++) if (text[k] === '\n') line++;
    if (textEnd > start) push('text', start, textEnd);
    for (let k = textEnd; k < end; k++) if (text[k] === '\n') line++;
    trimNext = false;
    if (open < 0) break;
    i = open + 2 + (trimLeft ? 2 : 0);
    // A comment fills the whole action, and leaves no token.
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return err('unclosed comment'), toks;
      const after = close + 2;
      const trimRight = text.startsWith(' -}}', after) || text.startsWith('\t-}}', after) || text.startsWith('\n-}}', after) || text.startsWith('\r-}}', after);
      if (!trimRight && !text.startsWith('}}', after)) return err('comment ends before closing delimiter'), toks;
      for (let k = i; k < after; k++) if (text[k] === '\n') line++;
      i = after + (trimRight ? 4 : 2);
      trimNext = trimRight;
      continue;
    }
    push('left', open, open + 2);
    let depth = 0;
    for (;;) {
      if (isSpace(text[i]) && text[i + 1] === '-' && text.startsWith('}}', i + 2)) {
        push('space', i, i + 1);
        push('right', i + 2, i + 4);
        i += 4;
        trimNext = true;
        break;
      }
      if (text.startsWith('}}', i)) {
        if (depth > 0) return err('unclosed left paren'), toks;
        push('right', i, i + 2);
        i += 2;
        break;
      }
      const c = text[i];
      if (c === undefined) return err('unclosed action'), toks;
      const s = i;
      if (isSpace(c)) {
        while (isSpace(text[i]) && !(text[i + 1] === '-' && text.startsWith('}}', i + 2) && isSpace(text[i]))) i++;
        if (i === s) i++;
        push('space', s, i);
      } else if (c === '=') push('assign', s, ++i);
      else if (c === ':') {
        if (text[i + 1] !== '=') return err('expected :='), toks;
        i += 2;
        push('declare', s, i);
      } else if (c === '|') push('pipe', s, ++i);
      else if (c === '"' || c === '`' || c === "'") {
        i++;
        while (i < text.length && text[i] !== c) {
          if (c !== '`' && text[i] === '\\') i++;
          if (c !== '`' && text[i] === '\n') return err(c === '"' ? 'unterminated quoted string' : 'unterminated character constant'), toks;
          i++;
        }
        if (i >= text.length) return err(c === '"' ? 'unterminated quoted string' : c === '`' ? 'unterminated raw quoted string' : 'unterminated character constant'), toks;
        i++;
        push(c === '"' ? 'string' : c === '`' ? 'rawString' : 'charConst', s, i);
      } else if (c === '$') {
        i++;
        while (isAlnum(text[i])) i++;
        push('variable', s, i);
      } else if (c === '.' && !/[0-9]/.test(text[i + 1] ?? '')) {
        i++;
        if (isAlnum(text[i])) {
          while (isAlnum(text[i])) i++;
          push('field', s, i);
        } else push('dot', s, i);
      } else if (/[0-9+\-.]/.test(c)) {
        const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)i?/.exec(text.slice(i));
        const len = m?.[0].length ?? 0;
        if (len === 0 || isAlnum(text[i + len])) return err(`bad number syntax: "${text.slice(i, i + Math.max(len, 1) + (isAlnum(text[i + len]) ? 1 : 0))}"`), toks;
        i += len;
        push('number', s, i);
      } else if (isAlnum(c)) {
        while (isAlnum(text[i])) i++;
        const word = text.slice(s, i);
        push(word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : KEYWORDS.has(word) ? 'keyword' : 'ident', s, i);
      } else if (c === '(') {
        depth++;
        push('lparen', s, ++i);
      } else if (c === ')') {
        if (depth === 0) return err('unexpected right paren'), toks;
        depth--;
        push('rparen', s, ++i);
      } else if (c.charCodeAt(0) < 0x7f && c.charCodeAt(0) >= 0x20) push('char', s, ++i);
      else return err(`bad character U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} '${c}'`), toks;
    }
  }
  toks.push({ kind: 'eof', val: '', pos: text.length, line });
  return toks;
}
