/**
 * The bundled shell's command engine: a command line in (one or several lines: here-documents,
 * quotes left open, a trailing `|`), output out, over a transport to the API server. It parses
 * with the shell grammar the containers' `sh` uses (`core/kubelet/runtime/shParse.ts`), runs it
 * with the interpreter of `interp/` over the builtins of `builtins/` and kubectl (`kubectl/`, one
 * file per command or group; output formats in `printers/`), and completes words
 * (`complete.ts`). Pure (no Node, no terminal): the terminal front end lives in electron/cli.
 */
import { ShSyntaxError, parseScript, type ShNode } from '../kubelet/runtime/shParse';
import { builtins, BUILTIN_NAMES, type CommandContext } from './builtins';
import { complete as completeLine, type Completion } from './complete';
import { Discovery, resourcePath } from './kubectl/discovery';
import { Kubectl } from './kubectl/context';
import { CommandError } from './kubectl/errors';
import { runKubectl } from './kubectl/root';
import { loggingTransport, logServerResponse, logStart, typedClient, verbosity, type VerboseLog } from './kubectl/verbose';
import { impersonationHeaders } from './kubectl/flags';
import { COMMANDS } from './kubectl/commands';
import { expandHistory } from './interp/history';
import { Session, ShellExit } from './interp/session';
import { EMPTY_INPUT, lazyInput, readAll, StageSignal, type Input } from './interp/streams';
import { clusterBuiltin } from './lab/cluster';
import { labBuiltin } from './lab/lab';
import { NodeClient, type NodeInfo } from './node/client';
import { NodeShell } from './node/session';
import { sshBuiltin } from './node/ssh';
import type { ShellDeps, ShellExec, ShellFiles, ShellIO, ShellSignal, ShellState, ShellTransport } from './types';

export type { ShellDeps, ShellFiles, ShellHistory, ShellIO, ShellSignal, ShellState, ShellStream, ShellTerminal, ShellTransport, TransportBody, TransportResponse } from './types';
export type { Completion } from './complete';
export { TABLE_ACCEPT } from './types';
export { serverError } from './kubectl/errors';
export { memoryFiles } from './memoryFiles';

/** What a command line asks of the front end: `exit` ends the session (with `state.lastExit`). */
export type LineResult = 'exit' | undefined;

/** The builtin names (kubectl included): what the shell completes first and the help lists. */
export const BUILTINS = [...BUILTIN_NAMES, 'cluster', 'lab', 'ssh'].sort();

/** Whether a line ends with a backslash that escapes its newline (bash then asks for more). */
function continues(text: string): boolean {
  const m = /\\+$/.exec(text);
  return m !== null && m[0].length % 2 === 1;
}

/** The shell engine of one session. */
export class ShellEngine {
  private readonly discovery: Discovery;
  private readonly session: Session;
  private readonly stdin: Input;
  private readonly nodes: NodeClient;
  /** The shell of the node `ssh` logged in to, while the session is there. */
  private nodeShell: NodeShell | undefined;

  constructor(
    private readonly transport: ShellTransport,
    readonly state: ShellState,
    private readonly io: ShellIO,
    private readonly deps: ShellDeps = {},
  ) {
    this.discovery = new Discovery(transport);
    const kubectl = (ctx: CommandContext) => this.kubectl(ctx);
    const nodes = (this.nodes = new NodeClient(transport));
    const shellOn = (node: NodeInfo) => new NodeShell(node, nodes, state, deps, kubectl, () => this.stdin);
    const ssh = sshBuiltin({
      client: nodes,
      enter: (node) => (this.nodeShell = shellOn(node)),
      runOn: async (node, line, ctx) => {
        try {
          return await shellOn(node).session.runText(`${line}\n`, { stdin: ctx.stdin, out: ctx.out, err: ctx.err, signal: ctx.signal });
        } catch (e) {
          if (e instanceof ShellExit) return e.code;
          throw e;
        }
      },
    });
    this.session = new Session(state, deps, { ...builtins(kubectl), ssh, lab: labBuiltin(transport), cluster: clusterBuiltin(transport) });
    const stdin = deps.files?.stdin?.bind(deps.files);
    this.stdin = stdin ? lazyInput(stdin) : EMPTY_INPUT;
  }

  /** The working directory (`/` is the workspace root). */
  get cwd(): string {
    return (this.nodeShell?.session ?? this.session).cwd;
  }

  /** The prompt of the node `ssh` logged in to (`root@kubelab-worker:~# `); undefined on the workstation. */
  prompt(): string | undefined {
    return this.nodeShell?.prompt();
  }

  /**
   * Whether typed text needs more lines before it can run, as bash asks with its `> ` prompt:
   * a quote left open, a here-document without its delimiter, a trailing `|`, `&&` or `\`, an
   * unfinished `for`/`while`/`if`.
   */
  needsMore(text: string): boolean {
    if (continues(text)) return true;
    try {
      parseScript(`${text}\n`);
      return false;
    } catch (e) {
      return e instanceof ShSyntaxError && e.detail.incomplete === true;
    }
  }

  /** Runs a command line; `signal` (Ctrl-C) ends what runs. */
  async run(line: string, signal?: ShellSignal): Promise<LineResult> {
    const history = this.deps.history;
    if (history && line.includes('!')) {
      const h = expandHistory(line, history.entries());
      if ('error' in h) {
        this.io.err(`kubelab: ${h.error}\n`);
        this.state.lastExit = 1;
        return undefined;
      }
      if (h.changed) {
        this.io.out(`${h.line}\n`);
        line = h.line;
      }
    }
    if (history && line.trim() !== '' && !/^\s/.test(line)) history.add(line);
    const tree = this.parse(line);
    if (!tree) return undefined;
    const tty = this.deps.terminal !== undefined;
    try {
      await (this.nodeShell?.session ?? this.session).exec(tree, { stdin: this.stdin, out: { write: (t) => this.io.out(t), tty }, err: { write: (t) => this.io.err(t), tty }, signal: new StageSignal(signal) });
    } catch (e) {
      if (e instanceof ShellExit && this.nodeShell) {
        // `exit` on a node ends the ssh session: back to the workstation.
        this.logout(e.code);
        return undefined;
      }
      if (e instanceof ShellExit) {
        this.state.lastExit = e.code;
        return 'exit';
      }
      throw e;
    }
    return undefined;
  }

  /**
   * Ctrl-D at an empty prompt: on a node, the node's login shell ends (bash prints `logout`, ssh
   * `Connection to NODE closed.`) and the session is back on the workstation; there, `exit`.
   */
  endOfInput(): LineResult {
    if (!this.nodeShell) return 'exit';
    this.logout(this.state.lastExit);
    return undefined;
  }

  private logout(code: number): void {
    if (!this.nodeShell) return;
    this.io.out('logout\n');
    this.io.err(`Connection to ${this.nodeShell.node.name} closed.\n`);
    this.nodeShell = undefined;
    this.state.lastExit = code;
  }

  /** Completes the word before the cursor (`line` is the text up to it). */
  async complete(line: string): Promise<Completion> {
    const s = this.nodeShell?.session ?? this.session;
    return completeLine(line, {
      builtins: BUILTINS,
      aliases: s.aliases,
      kubectlCommands: Object.keys(COMMANDS),
      namespace: this.state.namespace,
      types: () => this.discovery.all(),
      names: async (typeArg, namespace) => {
        const type = await this.discovery.find(typeArg);
        if (!type) return [];
        const r = await this.transport('GET', resourcePath(type, namespace), {}, 'application/json');
        if (r.status >= 400) return [];
        return ((r.body as { items?: { metadata?: { name?: string } }[] }).items ?? []).map((i) => i.metadata?.name ?? '').filter((n) => n !== '');
      },
      machines: async () => (await this.nodes.nodes()).map((n) => n.name),
      files: async (dir) => {
        const names = await s.ws.list(dir === '' ? '.' : dir).catch(() => [] as string[]);
        const out: { name: string; dir: boolean }[] = [];
        for (const name of names) out.push({ name, dir: (await s.ws.stat(`${dir === '' ? '.' : dir}/${name}`)) === 'dir' });
        return out;
      },
    });
  }

  private parse(line: string): ShNode | undefined {
    let text = line;
    for (let i = 0; i < 8; i++) {
      try {
        return parseScript(`${text}\n`);
      } catch (e) {
        if (!(e instanceof ShSyntaxError)) throw e;
        const d = e.detail;
        if (d.heredoc !== undefined) {
          // As bash at the end of its input: the here-document ends there, with a warning.
          this.io.err(`kubelab: warning: here-document delimited by end-of-file (wanted \`${d.heredoc}')\n`);
          text = `${text}\n${d.heredoc}`;
          continue;
        }
        const message = d.quote ? `unexpected EOF while looking for matching \`${d.quote}'` : d.token ? `syntax error near unexpected token \`${d.token}'` : 'syntax error: unexpected end of file';
        this.io.err(`kubelab: ${message}\n`);
        this.state.lastExit = 2;
        return undefined;
      }
    }
    return undefined;
  }

  /** The files kubectl reads (`-f`): the workspace from the working directory, and `-f -` from the command's standard input. */
  private kubectlFiles(ctx: CommandContext): ShellFiles | undefined {
    const files = ctx.session.deps.files;
    const piped = ctx.stdin !== this.stdin;
    if (!files && !piped) return undefined;
    const ws = ctx.session.ws;
    const stdin = () => readAll(ctx.stdin);
    if (!files) {
      return {
        readFile: async (p) => Promise.reject(new Error(`the path "${p}" does not exist`)),
        stat: async () => undefined,
        readDir: async () => [],
        stdin,
      };
    }
    return {
      readFile: async (p) => {
        const path = ws.resolve(p);
        try {
          return await files.readFile(path);
        } catch (e) {
          if ((await files.stat(path).catch(() => undefined)) === undefined) throw new Error(`the path "${p}" does not exist`);
          throw e;
        }
      },
      stat: (p) => files.stat(ws.resolve(p)),
      readDir: (p) => files.readDir(ws.resolve(p)),
      stdin,
      // `kubectl cp POD:FILE LOCAL` writes into the workspace, from the working directory.
      ...(files.writeFile ? { writeFile: (p: string, text: string) => ws.write(p, text) } : {}),
      ...(files.mkdir ? { mkdir: (p: string, parents: boolean) => ws.mkdir(p, parents) } : {}),
    };
  }

  /**
   * The exec capability of one kubectl command: the front end's, with the command's piped stdin
   * (`echo hi | kubectl exec -i p -- cat`, a here-document, `< FILE`) as what `-i` sends, as a
   * pipe is kubectl's stdin then (not a terminal).
   */
  private kubectlExec(ctx: CommandContext): ShellExec | undefined {
    const exec = this.deps.exec;
    if (!exec || ctx.stdin === this.stdin) return exec;
    const input = ctx.stdin;
    return {
      open: (path, query, output) => exec.open(path, query, output),
      stdinIsTTY: false,
      size: () => undefined,
      takeStdin(_raw, to) {
        let released = false;
        void (async () => {
          for (let c = await input.read(); c !== undefined && !released; c = await input.read()) to.data(c);
          if (!released) to.end();
        })();
        return () => {
          released = true;
        };
      },
    };
  }

  private async kubectl(ctx: CommandContext): Promise<number> {
    const io: ShellIO = { out: (t) => ctx.out.write(t), err: (t) => ctx.err.write(t) };
    const files = this.kubectlFiles(ctx);
    const { files: _files, exec: _exec, ...rest } = this.deps;
    const exec = this.kubectlExec(ctx);
    const deps: ShellDeps = { ...rest, ...(files ? { files } : {}), ...(exec ? { exec } : {}) };
    // `-v=6`: the requests kubectl logs at that level (the Status of a failure from level 4).
    const now = this.deps.now;
    const log: VerboseLog = { level: verbosity(ctx.argv.slice(1)), server: this.state.server ?? '', now: now ? () => now() : () => 0, pid: this.deps.pid ?? 1, err: io.err, ...(this.state.kubeconfig ? { kubeconfig: this.state.kubeconfig } : {}) };
    let failure: unknown;
    // --as/--as-group/--as-uid: every request of the command impersonates, but for the watch streams of -w/--watch (the stream carries no headers).
    const impersonate = impersonationHeaders(ctx.argv.slice(1));
    const base: ShellTransport = Object.keys(impersonate).length === 0 ? this.transport : (method, path, query, accept, send) => this.transport(method, path, query, accept, { ...send, headers: { ...impersonate, ...send?.headers } });
    const transport: ShellTransport =
      log.level < 4
        ? base
        : loggingTransport(async (...a) => {
            const r = await base(...a);
            if (r.status >= 400) failure = r.body;
            return r;
          }, log);
    logStart(log);
    // CheckErr logs the Status of a failed request just before kubectl's `Error from server`.
    const kio: ShellIO = {
      out: io.out,
      err: (t) => {
        if (failure !== undefined && t.startsWith('Error from server')) logServerResponse(log, failure, typedClient(ctx.argv.slice(1)));
        failure = undefined;
        io.err(t);
      },
    };
    const k = new Kubectl(transport, this.state, kio, deps, this.discovery, ctx.signal);
    try {
      await runKubectl(k, ctx.argv.slice(1), COMMANDS);
      return k.exit;
    } catch (e) {
      kio.err(`${e instanceof Error ? e.message : String(e)}\n`);
      return e instanceof CommandError ? e.code : 1;
    }
  }
}
