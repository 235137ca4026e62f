/**
 * The bundled shell's interpreter: runs the syntax tree of `shParse.ts` (the parser it shares
 * with the containers' `sh`) over builtins — lists, `&&`/`||`, pipelines whose commands run
 * together and stream to each other, loops, conditionals, groups, redirections to workspace
 * files, here-documents, variables, aliases and pathname expansion.
 */
import { expandFields, expandWord, redirectInput, type ExpandShell } from '../../kubelet/runtime/shExpand';
import { parseScript, type Redirect, type ShNode } from '../../kubelet/runtime/shParse';
import type { ProcessIo } from '../../kubelet/runtime/process';
import { BuiltinExit, type Builtin, type SessionApi, type Stdio } from '../builtins/context';
import type { ShellDeps, ShellState } from '../types';
import { errorText, Workspace } from '../workspace';
import { commandNotFound } from './notFound';
import { shellQuote } from './quote';
import { EMPTY_INPUT, Pipe, StageSignal, textInput, type Sink } from './streams';

/** Thrown by `exit`: the session ends with `code`. */
export class ShellExit {
  constructor(readonly code: number) {}
}

const DISCARD: Sink = { write: () => undefined, tty: false };

/** One shell session: its variables, aliases, working directory, and the interpreter. */
export class Session implements SessionApi, ExpandShell {
  readonly vars: Record<string, string> = { HOME: '/', PWD: '/', SHELL: 'kubelab', USER: 'student' };
  readonly exported = new Set<string>(['HOME', 'PWD', 'SHELL', 'USER']);
  readonly aliases = new Map<string, string>([['k', 'kubectl']]);
  readonly params = ['kubelab'];
  readonly pid = 1;
  readonly ws: Workspace;
  cwd = '/';
  oldpwd: string | undefined;
  private stdio: Stdio | undefined;
  private spins = 0;

  constructor(
    readonly state: ShellState,
    readonly deps: ShellDeps,
    private readonly builtins: Record<string, Builtin>,
  ) {
    this.ws = new Workspace(deps.files, () => this.cwd);
  }

  get status(): number {
    return this.state.lastExit;
  }

  set status(code: number) {
    this.state.lastExit = code;
  }

  builtinNames(): string[] {
    return Object.keys(this.builtins).sort();
  }

  /** Runs a parsed script with the given streams; resolves with its status. */
  async exec(node: ShNode, stdio: Stdio): Promise<number> {
    const saved = this.stdio;
    this.stdio = stdio;
    try {
      return await this.node(node, stdio);
    } finally {
      this.stdio = saved;
    }
  }

  /** Command substitution (`$(...)`), as the expansion calls it. */
  async run(node: ShNode, io: ProcessIo): Promise<number> {
    const signal = this.stdio?.signal ?? new StageSignal();
    return this.exec(node, { stdin: textInput(io.stdin), out: { write: io.stdout, tty: false }, err: { write: io.stderr, tty: this.stdio?.err.tty ?? false }, signal });
  }

  /** Runs a command line as `sh -c` would (watch): in a child, whose `cd`, variables, aliases and `exit` stay there. */
  async runText(text: string, stdio: Stdio): Promise<number> {
    return this.child(() => this.exec(parseScript(text), stdio));
  }

  /** Runs one command as a program another one starts (xargs, sudo): in a child, as runText. */
  async runArgv(argv: string[], stdio: Stdio): Promise<number> {
    return this.child(() => this.command(argv, stdio, new Set()));
  }

  /** Runs `f` as a child process of the session: what it changes of the session's context is undone after, and its `exit` ends only it. */
  private async child(f: () => Promise<number>): Promise<number> {
    const saved = { vars: { ...this.vars }, exported: new Set(this.exported), cwd: this.cwd, oldpwd: this.oldpwd, aliases: new Map(this.aliases), stdio: this.stdio };
    try {
      return await f();
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      throw e;
    } finally {
      for (const k of Object.keys(this.vars)) delete this.vars[k];
      Object.assign(this.vars, saved.vars);
      this.exported.clear();
      for (const k of saved.exported) this.exported.add(k);
      this.cwd = saved.cwd;
      this.oldpwd = saved.oldpwd;
      this.aliases.clear();
      for (const [k, v] of saved.aliases) this.aliases.set(k, v);
      this.stdio = saved.stdio;
    }
  }

  async sleep(ms: number, signal: StageSignal): Promise<boolean> {
    const sleep = this.deps.sleep;
    if (!sleep || signal.aborted) return false;
    await Promise.race([sleep(ms), signal.whenAborted()]);
    return !signal.aborted;
  }

  private processIo(stdio: Stdio): ProcessIo {
    return { stdout: (t) => stdio.out.write(t), stderr: (t) => stdio.err.write(t), stdin: '' };
  }

  /** Lets the front end breathe in a loop that never waits (Ctrl-C must get through). */
  private async breathe(): Promise<void> {
    if (++this.spins % 64 === 0) await this.deps.sleep?.(0);
  }

  private async node(node: ShNode, stdio: Stdio): Promise<number> {
    if (stdio.signal.aborted) return (this.status = 130);
    switch (node.t) {
      case 'list':
        for (const item of node.items) {
          if (stdio.signal.aborted) break;
          if (item.background) {
            stdio.err.write("kubelab: this lab's shell runs no background jobs: the command before '&' was not run\n");
            this.status = 1;
          } else this.status = await this.node(item.node, stdio);
        }
        return this.status;
      case 'and':
      case 'or': {
        const a = await this.node(node.a, stdio);
        this.status = a;
        if ((node.t === 'and') === (a === 0)) this.status = await this.node(node.b, stdio);
        return this.status;
      }
      case 'pipe':
        return (this.status = await this.pipeline(node.cmds, node.negate, stdio));
      case 'loop':
        for (;;) {
          const c = await this.node(node.cond, stdio);
          if ((c === 0) === node.until || stdio.signal.aborted) break;
          await this.node(node.body, stdio);
          await this.breathe();
        }
        return stdio.signal.aborted ? (this.status = 130) : this.status;
      case 'for': {
        const values = node.words ? (await expandFields(this, node.words, this.processIo(stdio))).map((f) => f.text) : [];
        for (const v of values) {
          if (stdio.signal.aborted) break;
          this.vars[node.name] = v;
          await this.node(node.body, stdio);
          await this.breathe();
        }
        return this.status;
      }
      case 'if':
        for (const b of node.branches) {
          if ((await this.node(b.cond, stdio)) === 0) return this.node(b.body, stdio);
        }
        return (this.status = node.otherwise ? await this.node(node.otherwise, stdio) : 0);
      case 'group': {
        const r = await this.redirect(node.redirects, stdio);
        if (!r) return (this.status = 1);
        const saved = node.subshell ? { vars: { ...this.vars }, cwd: this.cwd, aliases: new Map(this.aliases) } : undefined;
        try {
          return await this.node(node.body, r.stdio);
        } catch (e) {
          if (saved && e instanceof ShellExit) return (this.status = e.code);
          throw e;
        } finally {
          await r.flush();
          if (saved) {
            for (const k of Object.keys(this.vars)) delete this.vars[k];
            Object.assign(this.vars, saved.vars);
            this.cwd = saved.cwd;
            this.aliases.clear();
            for (const [k, v] of saved.aliases) this.aliases.set(k, v);
          }
        }
      }
      case 'cmd':
        return (this.status = await this.simple(node, stdio));
    }
  }

  private async pipeline(cmds: ShNode[], negate: boolean, stdio: Stdio): Promise<number> {
    const signals = cmds.map(() => new StageSignal(stdio.signal));
    const pipes = cmds.slice(1).map(() => new Pipe());
    const codes = await Promise.all(
      cmds.map(async (cmd, i) => {
        const pipe = pipes[i];
        const stage: Stdio = { stdin: i === 0 ? stdio.stdin : (pipes[i - 1] as Pipe), out: pipe ? { write: (t) => pipe.write(t), tty: false } : stdio.out, err: stdio.err, signal: signals[i] as StageSignal };
        try {
          return await this.node(cmd, stage);
        } finally {
          pipe?.close();
          // As SIGPIPE does: once a reader is gone, the commands writing to it end.
          for (const s of signals.slice(0, i)) s.abort();
        }
      }),
    );
    const code = codes[codes.length - 1] ?? 0;
    return negate ? (code === 0 ? 1 : 0) : code;
  }

  private async simple(node: Extract<ShNode, { t: 'cmd' }>, stdio: Stdio): Promise<number> {
    const io = this.processIo(stdio);
    const fields = await expandFields(this, node.words, io);
    const argv: string[] = [];
    for (const f of fields) {
      const matches = f.glob ? await this.ws.glob(f.glob) : [];
      argv.push(...(matches.length > 0 ? matches : [f.text]));
    }
    const assigned: Record<string, string> = {};
    for (const a of node.assigns) assigned[a.name] = await expandWord(this, a.value, io);
    if (argv.length === 0) Object.assign(this.vars, assigned);
    const r = await this.redirect(node.redirects, stdio);
    if (!r) return 1;
    try {
      if (argv.length === 0) return 0;
      const first = node.words[0];
      const aliasable = first?.length === 1 && first[0]?.mode === 'raw';
      return await this.command(argv, r.stdio, aliasable ? new Set() : undefined);
    } finally {
      await r.flush();
    }
  }

  /** Runs one command: an alias (unless `expanding` is undefined: the name was quoted), else a builtin. */
  private async command(argv: string[], stdio: Stdio, expanding: Set<string> | undefined): Promise<number> {
    const name = argv[0] as string;
    const alias = this.aliases.get(name);
    if (alias !== undefined && expanding && !expanding.has(name)) {
      const tree = parseScript(`${alias} ${argv.slice(1).map((a) => shellQuote(a)).join(' ')}`);
      if (tree.t === 'list' && tree.items.length === 1 && tree.items[0]?.node.t === 'cmd' && tree.items[0].node.redirects.length === 0) {
        const words = (await expandFields(this, tree.items[0].node.words, this.processIo(stdio))).map((f) => f.text);
        if (words.length > 0) return this.command(words, stdio, new Set([...expanding, name]));
      }
      return this.node(tree, stdio);
    }
    const builtin = this.builtins[name];
    if (!builtin) return commandNotFound(name, [...this.builtinNames(), ...this.aliases.keys()], stdio.err);
    try {
      // Only the streams of `stdio` (a caller may hand its own CommandContext): its argv and session stay out.
      return await builtin({ argv, stdin: stdio.stdin, out: stdio.out, err: stdio.err, signal: stdio.signal, session: this });
    } catch (e) {
      if (e instanceof BuiltinExit) return e.code;
      throw e;
    }
  }

  /** Applies redirections; undefined (after bash's message) when one fails. `flush` writes what went to files. */
  private async redirect(redirects: Redirect[], stdio: Stdio): Promise<{ stdio: Stdio; flush: () => Promise<void> } | undefined> {
    let out = { ...stdio };
    const files: { path: string; text: string }[] = [];
    const flush = async () => {
      for (const f of files) {
        if (f.text === '') continue;
        const text = f.text;
        f.text = '';
        try {
          await this.ws.write(f.path, text, true);
        } catch (e) {
          stdio.err.write(`kubelab: ${f.path}: ${errorText(e)}\n`);
        }
      }
    };
    for (const r of redirects) {
      if (r.op === '<<' || r.op === '<<<') {
        out.stdin = textInput(await redirectInput(this, r, this.processIo(stdio)));
        continue;
      }
      const target = await expandWord(this, r.target, this.processIo(stdio));
      if (r.op === '>&') {
        if (target === '-') out = r.fd === 2 ? { ...out, err: DISCARD } : { ...out, out: DISCARD };
        else if (target !== '1' && target !== '2') {
          stdio.err.write(`kubelab: ${target}: ambiguous redirect\n`);
          return undefined;
        } else {
          const to = target === '2' ? out.err : out.out;
          out = r.fd === 2 ? { ...out, err: to } : { ...out, out: to };
        }
        continue;
      }
      if (target === '/dev/null') {
        if (r.op === '<') out.stdin = EMPTY_INPUT;
        else out = r.fd === 2 ? { ...out, err: DISCARD } : { ...out, out: DISCARD };
        continue;
      }
      if (target === '/dev/stdout' || target === '/dev/stderr' || target === '/dev/tty') {
        const to = target === '/dev/stderr' ? stdio.err : stdio.out;
        if (r.op !== '<') out = r.fd === 2 ? { ...out, err: to } : { ...out, out: to };
        continue;
      }
      try {
        if (r.op === '<') {
          out.stdin = textInput(await this.ws.read(target));
          continue;
        }
        await this.ws.write(target, '', r.op === '>>');
      } catch (e) {
        stdio.err.write(`kubelab: ${target}: ${errorText(e)}\n`);
        return undefined;
      }
      const file = { path: target, text: '' };
      files.push(file);
      const sink: Sink = { write: (t) => void (file.text += t), tty: false };
      out = r.fd === 2 ? { ...out, err: sink } : { ...out, out: sink };
    }
    return { stdio: out, flush };
  }
}
