/**
 * The parser of Go's text/template (lexer and parse tree), as kubectl's `-o go-template` uses it:
 * text and `{{actions}}` with `{{-`/`-}}` trimming and `{{/* comments *\/}}`; pipelines of
 * commands (`.a.b`, `$x.y`, `(pipe).z`, functions with arguments, literals) joined by `|`;
 * variable declarations and assignments; if/else if/else, range (with `$i, $e :=`, else,
 * break, continue), with/else with, define/template/block. Errors carry text/template's words
 * (`template: output:1: function "foo" not defined`) and nodes their byte offsets, for the
 * executor's `template: output:1:9: executing "output" at <.a>: ...` messages.
 */
import { goQuote } from './goFormat';
import { lex, type Tok, type TokKind } from './goTemplateLex';

/** A node of the parse tree (text/template/parse's node types). */
export type Node =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: Pipe }
  | { type: 'if' | 'with'; pos: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
  | { type: 'range'; pos: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
  | { type: 'template'; pos: number; name: string; pipe?: Pipe }
  | { type: 'break' | 'continue'; pos: number };

/** A pipeline: declared variables, then commands joined by `|`. */
export interface Pipe {
  type: 'pipe';
  pos: number;
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

/** One command: its first argument is the function, field or value. */
export interface Command {
  type: 'command';
  pos: number;
  args: Arg[];
}

/** An operand. */
export type Arg =
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: Arg; field: string[] }
  | { type: 'identifier'; pos: number; ident: string }
  | { type: 'dot' | 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; isInt: boolean; isFloat: boolean; value: number }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | Pipe;

/** A parsed template: its text (for error positions), the root list and the defined templates. */
export interface GoTemplate {
  name: string;
  text: string;
  root: Node[];
  defines: Map<string, Node[]>;
}

/** text/template's parse error (`template: output:1: ...`). */
export class TemplateParseError extends Error {}

/** The source text of a node, as text/template's String() methods print it (for error context). */
export function nodeString(n: Arg | Command): string {
  switch (n.type) {
    case 'field':
      return n.ident.map((x) => `.${x}`).join('');
    case 'variable':
      return n.ident.join('.');
    case 'chain':
      return (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((x) => `.${x}`).join('');
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'pipe':
      return (n.decl.length > 0 ? `${n.decl.join(', ')} := ` : '') + n.cmds.map(nodeString).join(' | ');
  }
}

function unquote(tok: Tok): string {
  const raw = tok.val;
  if (tok.kind === 'rawString') return raw.slice(1, -1).replace(/\r/g, '');
  const body = raw.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (e in simple) return simple[e] as string;
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    throw new Error('invalid syntax');
  });
}

function itemString(t: Tok): string {
  if (t.kind === 'eof') return 'EOF';
  if (t.kind === 'error') return t.val;
  if (t.kind === 'keyword') return `<${t.val}>`;
  return t.val.length > 10 ? `${goQuote(t.val).slice(0, 11)}...` : goQuote(t.val);
}

/** Parses a template named `name` with the given function names; throws a TemplateParseError. */
export function parseGoTemplate(text: string, functions: ReadonlySet<string>, name = 'output'): GoTemplate {
  const toks = lex(text);
  let p = 0;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  let actionLine = 0;
  const defines = new Map<string, Node[]>();
  const next = (): Tok => toks[Math.min(p++, toks.length - 1)] as Tok;
  const peek = (): Tok => toks[Math.min(p, toks.length - 1)] as Tok;
  const nextNonSpace = (): Tok => {
    let t = next();
    while (t.kind === 'space') t = next();
    return t;
  };
  const peekNonSpace = (): Tok => {
    const t = nextNonSpace();
    p--;
    return t;
  };
  const fail = (msg: string, tok: Tok = toks[Math.max(0, Math.min(p, toks.length) - 1)] as Tok): never => {
    throw new TemplateParseError(`template: ${name}:${tok.line}: ${msg}`);
  };
  const unexpected = (t: Tok, context: string): never => {
    if (t.kind === 'error') {
      let extra = '';
      if (actionLine !== 0 && actionLine !== t.line) {
        extra = ` in action started at ${name}:${actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      return fail(`${t.val}${extra}`, t);
    }
    return fail(`unexpected ${itemString(t)} in ${context}`, t);
  };
  const expect = (kind: TokKind, context: string): Tok => {
    const t = nextNonSpace();
    if (t.kind !== kind) unexpected(t, context);
    return t;
  };

  const term = (): Arg | undefined => {
    const t = nextNonSpace();
    switch (t.kind) {
      case 'ident':
        if (!functions.has(t.val)) fail(`function ${goQuote(t.val)} not defined`, t);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable': {
        const ident = t.val.split('.');
        if (!vars.includes(ident[0] as string)) fail(`undefined variable ${goQuote(ident[0] as string)}`, t);
        return { type: 'variable', pos: t.pos, ident };
      }
      case 'field':
        return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConst':
      case 'number': {
        if (t.kind === 'charConst') {
          const ch = unquote(t);
          return { type: 'number', pos: t.pos, text: t.val, isInt: true, isFloat: true, value: ch.codePointAt(0) ?? 0 };
        }
        const clean = t.val.replace(/_/g, '');
        if (clean.endsWith('i')) fail(`complex numbers are not supported`, t);
        const value = /^[+-]?0[xX]/.test(clean) || /^[+-]?0[bBoO]/.test(clean) ? Number(clean.replace(/^([+-]?)0([xXbBoO])/, (_m, s: string, b: string) => `${s}0${b.toLowerCase()}`)) : Number(clean);
        if (Number.isNaN(value)) fail(`illegal number syntax: ${goQuote(t.val)}`, t);
        const isFloat = /[.eE]/.test(clean) && !/^[+-]?0[xX]/.test(clean);
        return { type: 'number', pos: t.pos, text: t.val, isInt: Number.isInteger(value), isFloat: true, value: isFloat ? value : Math.trunc(value) };
      }
      case 'lparen':
        return pipeline('parenthesized pipeline', 'rparen');
      case 'string':
      case 'rawString': {
        let s = '';
        try {
          s = unquote(t);
        } catch {
          fail('invalid syntax', t);
        }
        return { type: 'string', pos: t.pos, quoted: t.val, text: s };
      }
    }
    p--;
    return undefined;
  };

  const operand = (): Arg | undefined => {
    const node = term();
    if (!node) return undefined;
    if (peek().kind !== 'field') return node;
    const pos = peek().pos;
    const fields: string[] = [];
    while (peek().kind === 'field') fields.push(next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return fail(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return { type: 'chain', pos, node, field: fields };
    }
  };

  const command = (): Command => {
    const cmd: Command = { type: 'command', pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.kind === 'space') continue;
      if (t.kind === 'right' || t.kind === 'rparen') p--;
      else if (t.kind !== 'pipe') unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) fail('empty command');
    return cmd;
  };

  const pipeline = (context: string, end: TokKind): Pipe => {
    const first = peekNonSpace();
    const pipe: Pipe = { type: 'pipe', pos: first.pos, decl: [], isAssign: false, cmds: [] };
    decl: for (;;) {
      const v = peekNonSpace();
      if (v.kind !== 'variable') break;
      const save = p;
      nextNonSpace();
      const after = peek();
      const n = peekNonSpace();
      if (n.kind === 'assign' || n.kind === 'declare') {
        pipe.isAssign = n.kind === 'assign';
        nextNonSpace();
        pipe.decl.push(v.val);
        vars.push(v.val);
      } else if (n.kind === 'char' && n.val === ',') {
        nextNonSpace();
        pipe.decl.push(v.val);
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const k = peekNonSpace().kind;
          if (k === 'variable' || k === 'right' || k === 'rparen') continue decl;
          fail('range can only initialize variables');
        }
        fail(`too many declarations in ${context}`);
      } else {
        p = save;
        void after;
      }
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.kind === end) {
        if (pipe.cmds.length === 0) fail(`missing value for ${context}`);
        pipe.cmds.slice(1).forEach((c, i) => {
          const k = c.args[0]?.type;
          if (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string') fail(`non executable command in pipeline stage ${i + 2}`);
        });
        return pipe;
      }
      if (['bool', 'charConst', 'dot', 'field', 'ident', 'number', 'nil', 'rawString', 'string', 'variable', 'lparen'].includes(t.kind)) {
        p--;
        pipe.cmds.push(command());
      } else unexpected(t, context);
    }
  };

  type Ended = { end: 'end' } | { end: 'else'; chain?: 'if' | 'with' };

  const itemList = (): { list: Node[]; ended: Ended } => {
    const list: Node[] = [];
    while (peekNonSpace().kind !== 'eof') {
      const n = textOrAction();
      if (n && 'end' in n) return { list, ended: n };
      if (n) list.push(n);
    }
    return fail('unexpected EOF', peek());
  };

  const control = (context: 'if' | 'with' | 'range'): { pipe: Pipe; list: Node[]; elseList?: Node[] } => {
    const mark = vars.length;
    const pipe = pipeline(context, 'right');
    if (context === 'range') rangeDepth++;
    const body = itemList();
    if (context === 'range') rangeDepth--;
    let elseList: Node[] | undefined;
    if (body.ended.end === 'else') {
      if (body.ended.chain && body.ended.chain === context) {
        next();
        const pos = pipe.pos;
        const inner = control(context);
        elseList = [{ type: context, pos, ...inner }];
      } else {
        const rest = itemList();
        if (rest.ended.end !== 'end') fail('expected end; found {{else}}');
        elseList = rest.list;
      }
    }
    vars = vars.slice(0, mark);
    return { pipe, list: body.list, ...(elseList ? { elseList } : {}) };
  };

  const action = (): Node | Ended | undefined => {
    const t = nextNonSpace();
    if (t.kind === 'keyword') {
      switch (t.val) {
        case 'if':
        case 'with':
        case 'range':
          return { type: t.val, pos: t.pos, ...control(t.val) };
        case 'end':
          expect('right', 'end');
          return { end: 'end' };
        case 'else': {
          const k = peekNonSpace();
          if (k.kind === 'keyword' && (k.val === 'if' || k.val === 'with')) return { end: 'else', chain: k.val };
          expect('right', 'else');
          return { end: 'else' };
        }
        case 'break':
        case 'continue':
          if (rangeDepth === 0) fail(`{{${t.val}}} outside {{range}}`);
          expect('right', `{{${t.val}}}`);
          return { type: t.val, pos: t.pos };
        case 'template':
        case 'block': {
          const nameTok = nextNonSpace();
          if (nameTok.kind !== 'string' && nameTok.kind !== 'rawString') unexpected(nameTok, `${t.val} clause`);
          const tname = unquote(nameTok);
          let pipe: Pipe | undefined;
          if (peekNonSpace().kind !== 'right') pipe = pipeline(`${t.val} clause`, 'right');
          else nextNonSpace();
          if (t.val === 'block') {
            const body = itemList();
            if (body.ended.end !== 'end') fail('unexpected {{else}}');
            defines.set(tname, body.list);
          }
          return { type: 'template', pos: nameTok.pos, name: tname, ...(pipe ? { pipe } : {}) };
        }
        case 'define':
          return fail('unexpected <define> in command');
      }
    } else p--;
    const first = peekNonSpace();
    return { type: 'action', pos: first.pos, pipe: pipeline('command', 'right') };
  };

  const textOrAction = (): Node | Ended | undefined => {
    const t = nextNonSpace();
    if (t.kind === 'text') return { type: 'text', pos: t.pos, text: t.val };
    if (t.kind === 'left') {
      actionLine = t.line;
      const n = action();
      actionLine = 0;
      return n;
    }
    if (t.kind === 'error') return unexpected(t, 'input');
    return unexpected(t, 'input');
  };

  const root: Node[] = [];
  while (peek().kind !== 'eof') {
    // {{define "name"}}...{{end}} at the top level.
    if (peek().kind === 'left') {
      const save = p;
      next();
      const k = nextNonSpace();
      if (k.kind === 'keyword' && k.val === 'define') {
        const nameTok = nextNonSpace();
        if (nameTok.kind !== 'string' && nameTok.kind !== 'rawString') unexpected(nameTok, 'define clause');
        expect('right', 'define clause');
        const saved = vars;
        vars = ['$'];
        const body = itemList();
        vars = saved;
        if (body.ended.end !== 'end') fail('unexpected {{else}}');
        defines.set(unquote(nameTok), body.list);
        continue;
      }
      p = save;
    }
    const n = textOrAction();
    if (n && 'end' in n) fail(`unexpected {{${n.end}}}`);
    else if (n) root.push(n);
  }
  return { name, text, root, defines };
}
