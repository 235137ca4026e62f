/**
 * kubectl's `-o go-template=...` / `-o go-template-file=FILE` (and `-o template`, `--template`):
 * Go's text/template over the object decoded as `map[string]interface{}`, with kubectl's two
 * extra functions `exists` and `base64decode`, missing keys printing `<no value>` (kubectl's
 * `--allow-missing-template-keys=true`) or failing (`=false`), and kubectl's error texts.
 *
 * Written here because no maintained JavaScript library implements Go's text/template (the npm
 * packages that exist are unmaintained partial ports without Go's error messages, `range` over
 * maps in key order or the int/float64 distinction that `eq .spec.replicas 2` trips over).
 * The parser is in goTemplateParse.ts, Go's fmt in goFormat.ts; this file executes.
 */
import { formatValue, fromJson, goQuote, goType, GoInt, isMap, NO_VALUE, sortedKeys, type GoValue } from './goFormat';
import { FUNCS, FUNCTION_NAMES, truth } from './goTemplateFuncs';
import { nodeString, parseGoTemplate, type Arg, type Command, type GoTemplate, type Node, type Pipe } from './goTemplateParse';
import { goJson } from './json';

export { TemplateParseError } from './goTemplateParse';

/** An execution error (`template: output:1:2: executing "output" at <.a>: ...`). */
export class TemplateExecError extends Error {
  /** What the template printed before it failed (kubectl has written it already). */
  partial = '';
}

class Break {}
class Continue {}

/** Parses a template as kubectl does (`template.New("output")` with its functions). */
export function parseKubectlTemplate(text: string): GoTemplate {
  return parseGoTemplate(text, FUNCTION_NAMES);
}

/** Options of an execution. */
export interface ExecOptions {
  /** `missingkey=error` (kubectl's `--allow-missing-template-keys=false`). */
  missingKeyError?: boolean;
}

/** Executes a template on data (plain JSON); answers the output, or throws a TemplateExecError after `partial` output. */
export function executeGoTemplate(t: GoTemplate, data: unknown, options: ExecOptions = {}): string {
  return new Executor(t, options).run(fromJson(data));
}

interface Variable {
  name: string;
  value: GoValue;
}

class Executor {
  out = '';
  private node: { pos: number; text: string } | undefined;
  private vars: Variable[] = [];
  private depth = 0;
  /** Whether dot is an element of a map or slice (Go types it `interface {}` in errors). */
  private dotWrapped = false;

  constructor(
    private readonly t: GoTemplate,
    private readonly options: ExecOptions,
  ) {}

  run(data: GoValue): string {
    this.vars = [{ name: '$', value: data }];
    try {
      this.walkList(data, this.t.root);
    } catch (e) {
      if (e instanceof TemplateExecError) e.partial = this.out;
      throw e;
    }
    return this.out;
  }

  private at(n: { pos: number }, text: string): void {
    this.node = { pos: n.pos, text };
  }

  private fail(msg: string): never {
    if (!this.node) throw new TemplateExecError(`template: ${this.t.name}: ${msg}`);
    const before = this.t.text.slice(0, this.node.pos);
    const nl = before.lastIndexOf('\n');
    const col = nl < 0 ? this.node.pos : this.node.pos - nl - 1;
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    throw new TemplateExecError(`template: ${this.t.name}:${line}:${col}: executing ${goQuote(this.t.name)} at <${this.node.text}>: ${msg}`);
  }

  private walkList(dot: GoValue, list: Node[]): void {
    for (const n of list) this.walk(dot, n);
  }

  private walk(dot: GoValue, n: Node): void {
    switch (n.type) {
      case 'text':
        this.out += n.text;
        return;
      case 'action': {
        this.at(n, `{{${nodeString(n.pipe)}}}`);
        const v = this.evalPipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) {
          if (typeof v === 'function') this.fail(`can't print ${nodeString(n.pipe)} of type ${goType(v)}`);
          this.out += formatValue(v);
        }
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, n.pipe);
        if (truth(v) && n.type === 'with') this.withDot(false, () => this.walkList(v, n.list));
        else if (truth(v)) this.walkList(dot, n.list);
        else if (n.elseList) this.walkList(dot, n.elseList);
        this.vars.length = mark;
        return;
      }
      case 'range':
        return this.walkRange(dot, n);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'template': {
        const body = this.t.defines.get(n.name);
        this.at(n, `{{template ${goQuote(n.name)}${n.pipe ? ` ${nodeString(n.pipe)}` : ''}}}`);
        if (!body) this.fail(`template ${goQuote(n.name)} not defined`);
        if (this.depth >= 1000) this.fail('exceeded maximum template depth (100000)');
        const newDot = n.pipe ? this.evalPipeline(dot, n.pipe) : dot;
        const saved = this.vars;
        this.vars = [{ name: '$', value: newDot }];
        this.depth++;
        try {
          this.walkList(newDot, body);
        } finally {
          this.depth--;
          this.vars = saved;
        }
        return;
      }
    }
  }

  private withDot<T>(wrapped: boolean, f: () => T): T {
    const saved = this.dotWrapped;
    this.dotWrapped = wrapped;
    try {
      return f();
    } finally {
      this.dotWrapped = saved;
    }
  }

  private walkRange(dot: GoValue, r: Extract<Node, { type: 'range' }>): void {
    const outer = this.vars.length;
    const v = this.evalPipeline(dot, r.pipe);
    const mark = this.vars.length;
    const one = (i: GoValue, elem: GoValue, wrapped = true): boolean => {
      if (r.pipe.decl.length > 0) (this.vars[this.vars.length - 1] as Variable).value = elem;
      if (r.pipe.decl.length > 1) (this.vars[this.vars.length - 2] as Variable).value = i;
      try {
        this.withDot(wrapped, () => this.walkList(elem, r.list));
      } catch (e) {
        if (e instanceof Break) return false;
        if (!(e instanceof Continue)) throw e;
      } finally {
        this.vars.length = mark;
      }
      return true;
    };
    let ran = false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && one(new GoInt(i), v[i] as GoValue); i++);
      ran = v.length > 0;
    } else if (isMap(v)) {
      const keys = sortedKeys(v);
      for (const k of keys) if (!one(k, v[k] as GoValue)) break;
      ran = keys.length > 0;
    } else if (v !== null && v !== NO_VALUE) {
      // kubectl 1.32 is built with Go 1.23, whose templates cannot range over an integer.
      this.fail(`range can't iterate over ${formatValue(v)}`);
    }
    if (!ran && r.elseList) this.walkList(dot, r.elseList);
    this.vars.length = outer;
  }

  private evalPipeline(dot: GoValue, pipe: Pipe): GoValue {
    this.at(pipe, nodeString(pipe));
    let value: GoValue | undefined;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // Go digs a nil interface{} out into the invalid value.
      if (value === null) value = NO_VALUE;
    }
    const v = value ?? NO_VALUE;
    for (const name of pipe.decl) {
      if (pipe.isAssign) {
        const found = [...this.vars].reverse().find((x) => x.name === name);
        if (!found) this.fail(`undefined variable: ${name}`);
        found.value = v;
      } else this.vars.push({ name, value: v });
    }
    return v;
  }

  private notAFunction(cmd: Command, final: GoValue | undefined): void {
    if (cmd.args.length > 1 || final !== undefined) this.fail(`can't give argument to non-function ${nodeString(cmd.args[0] as Arg)}`);
  }

  private evalCommand(dot: GoValue, cmd: Command, final: GoValue | undefined): GoValue {
    const first = cmd.args[0] as Arg;
    switch (first.type) {
      case 'field':
        this.at(first, nodeString(first));
        return this.evalFieldChain(dot, dot, first.ident, cmd, final, this.dotWrapped);
      case 'chain': {
        this.at(first, nodeString(first));
        if (first.node.type === 'nil') this.fail(`indirection through explicit nil in ${nodeString(first)}`);
        const recv = this.evalArg(dot, first.node, 'any');
        return this.evalFieldChain(dot, recv, first.field, cmd, final);
      }
      case 'identifier':
        return this.evalFunction(dot, first.ident, first, cmd, cmd.args.slice(1), final);
      case 'pipe':
        this.notAFunction(cmd, final);
        return this.evalPipeline(dot, first);
      case 'variable': {
        this.at(first, nodeString(first));
        const value = this.varValue(first.ident[0] as string);
        if (first.ident.length === 1) {
          this.notAFunction(cmd, final);
          return value;
        }
        return this.evalFieldChain(dot, value, first.ident.slice(1), cmd, final);
      }
    }
    this.at(first, nodeString(first));
    this.notAFunction(cmd, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.fail('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  private idealConstant(n: Extract<Arg, { type: 'number' }>): GoValue {
    const hex = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (!hex && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return n.value;
    if (!Number.isSafeInteger(n.value)) this.fail(`${n.text} overflows int`);
    return new GoInt(n.value);
  }

  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if ((this.vars[i] as Variable).name === name) return (this.vars[i] as Variable).value;
    return this.fail(`undefined variable: ${name}`);
  }

  private evalFieldChain(dot: GoValue, receiver: GoValue, ident: string[], cmd: Command | undefined, final: GoValue | undefined, wrapped = false): GoValue {
    let r = receiver;
    for (let i = 0; i < ident.length - 1; i++) r = this.evalField(ident[i] as string, undefined, undefined, r, i > 0 || wrapped);
    return this.evalField(ident[ident.length - 1] as string, cmd, final, r, ident.length > 1 || wrapped);
  }

  private evalField(name: string, cmd: Command | undefined, final: GoValue | undefined, receiver: GoValue, wrapped: boolean): GoValue {
    if (receiver === NO_VALUE) {
      if (this.options.missingKeyError) this.fail(`nil data; no entry for key ${goQuote(name)}`);
      return NO_VALUE;
    }
    if (receiver === null) this.fail(`nil pointer evaluating interface {}.${name}`);
    const hasArgs = (cmd !== undefined && cmd.args.length > 1) || final !== undefined;
    if (isMap(receiver)) {
      if (hasArgs) this.fail(`${name} is not a method but has arguments`);
      if (!(name in receiver)) {
        if (this.options.missingKeyError) this.fail(`map has no entry for key ${goQuote(name)}`);
        return NO_VALUE;
      }
      return receiver[name] as GoValue;
    }
    return this.fail(`can't evaluate field ${name} in type ${wrapped ? 'interface {}' : goType(receiver)}`);
  }

  private evalFunction(dot: GoValue, name: string, node: Arg, cmd: Command, args: Arg[], final: GoValue | undefined): GoValue {
    this.at(node, name);
    const fn = FUNCS[name];
    if (!fn) return this.fail(`${goQuote(name)} is not a defined function`);
    const numIn = args.length + (final !== undefined ? 1 : 0);
    if (fn.variadic) {
      if (numIn < fn.params.length) this.fail(`wrong number of args for ${name}: want at least ${fn.params.length} got ${args.length}`);
    } else if (numIn !== fn.params.length) this.fail(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
    // and/or evaluate their arguments lazily and answer the deciding one.
    if (name === 'and' || name === 'or') {
      const values = [...args.map((a) => () => this.evalArg(dot, a, 'any')), ...(final !== undefined ? [() => final] : [])];
      let v: GoValue = null;
      for (const get of values) {
        v = get();
        if (truth(v) === (name === 'or')) break;
      }
      return v;
    }
    const argv = args.map((a, i) => this.evalArg(dot, a, fn.params[i] ?? (fn.variadic ? (fn.params[fn.params.length - 1] === 'string' && i < fn.params.length ? 'string' : 'any') : 'any')));
    if (final !== undefined) argv.push(this.validate(final, fn.params[argv.length] ?? 'any'));
    try {
      const v = fn.call(argv.map((a) => (a === NO_VALUE ? null : a)));
      return v;
    } catch (e) {
      this.at(cmd, nodeString(cmd));
      return this.fail(`error calling ${name}: ${(e as Error).message}`);
    }
  }

  private validate(v: GoValue, want: 'any' | 'string'): GoValue {
    if (want === 'any') return v === NO_VALUE ? null : v;
    if (v === NO_VALUE || v === null) this.fail('invalid value; expected string');
    if (typeof v !== 'string') this.fail(`wrong type for value; expected string; got ${goType(v)}`);
    return v;
  }

  private evalArg(dot: GoValue, n: Arg, want: 'any' | 'string'): GoValue {
    this.at(n, nodeString(n));
    switch (n.type) {
      case 'dot':
        return this.validate(dot, want);
      case 'nil':
        if (want === 'any') return null;
        return this.fail('cannot assign nil to string');
      case 'field':
        return this.validate(this.evalFieldChain(dot, dot, n.ident, { type: 'command', pos: n.pos, args: [n] }, undefined, this.dotWrapped), want);
      case 'variable': {
        const value = this.varValue(n.ident[0] as string);
        return this.validate(n.ident.length === 1 ? value : this.evalFieldChain(dot, value, n.ident.slice(1), undefined, undefined), want);
      }
      case 'pipe':
        return this.validate(this.evalPipeline(dot, n), want);
      case 'identifier':
        return this.validate(this.evalFunction(dot, n.ident, n, { type: 'command', pos: n.pos, args: [n] }, [], undefined), want);
      case 'chain': {
        const recv = this.evalArg(dot, n.node, 'any');
        return this.validate(this.evalFieldChain(dot, recv, n.field, undefined, undefined), want);
      }
      case 'string':
        return n.text;
      case 'bool':
        if (want === 'string') this.fail(`expected string; found ${nodeString(n)}`);
        return n.value;
      case 'number':
        if (want === 'string') this.fail(`expected string; found ${nodeString(n)}`);
        return this.idealConstant(n);
    }
  }
}

/** What kubectl prints on stdout when a template fails to execute, before its error. */
export function templateDebugInfo(err: string, template: string, data: unknown): string {
  return `Error executing template: ${err}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${goJson(data)}\n\tobject given to template engine was:\n\t\t${formatValue(fromJson(data))}\n\n`;
}
