/**
 * The bundled shell's command engine: one command line in, output out, over a transport to the
 * API server. Pure (no Node, no terminal): the terminal front end lives in electron/cli, the
 * kubectl commands in `kubectl/` (one file per command or group), the output formats in
 * `printers/`.
 */
import { Discovery } from './kubectl/discovery';
import { Kubectl } from './kubectl/context';
import { CommandError } from './kubectl/errors';
import { runKubectl } from './kubectl/root';
import { COMMANDS } from './kubectl/commands';
import { splitWords } from './words';
import type { ShellDeps, ShellIO, ShellSignal, ShellState, ShellTransport } from './types';

export type { ShellDeps, ShellFiles, ShellIO, ShellSignal, ShellState, ShellStream, ShellTransport, TransportBody, TransportResponse } from './types';
export { TABLE_ACCEPT } from './types';
export { serverError } from './kubectl/errors';

/** What a command line asks of the front end. */
export type LineResult = 'exit' | 'clear' | undefined;

/** Words the shell completes and the help lists. */
export const BUILTINS = ['kubectl', 'help', 'clear', 'exit'];

const HELP = `KubeLab shell — a kubectl-like shell for the simulated cluster.

  kubectl COMMAND ...    get, describe, create, apply, delete, replace, patch, label, annotate,
                         scale, run, expose, set image, rollout, cordon, uncordon, taint, logs,
                         wait, api-resources, api-versions, cluster-info, version, config,
                         auth can-i, explain — with kubectl's flags and output
  k ...                  the same as kubectl
  help                   this text
  clear                  clear the screen
  exit                   leave the shell (Ctrl-D works too)

The real kubectl also works here: it reads the same kubeconfig.
`;

/** The shell engine of one session. */
export class ShellEngine {
  private readonly discovery: Discovery;

  constructor(
    private readonly transport: ShellTransport,
    readonly state: ShellState,
    private readonly io: ShellIO,
    private readonly deps: ShellDeps = {},
  ) {
    this.discovery = new Discovery(transport);
  }

  /** Runs one command line; `signal` (Ctrl-C) ends a streaming command. */
  async run(line: string, signal?: ShellSignal): Promise<LineResult> {
    const { words, error } = splitWords(line);
    if (error) return this.fail(`kubelab: ${error}\n`, 2);
    if (words.length === 0) return undefined;
    const [cmd, ...args] = words as [string, ...string[]];
    this.state.lastExit = 0;
    switch (cmd) {
      case 'exit':
      case 'logout':
        return 'exit';
      case 'clear':
        return 'clear';
      case 'help':
        this.io.out(HELP);
        return undefined;
      case 'kubectl':
      case 'k':
        await this.kubectl(args, signal);
        return undefined;
      default:
        return this.fail(`kubelab: ${cmd}: command not found\n`, 127);
    }
  }

  private fail(text: string, code = 1): undefined {
    this.io.err(text);
    this.state.lastExit = code;
    return undefined;
  }

  private async kubectl(args: string[], signal?: ShellSignal): Promise<void> {
    const k = new Kubectl(this.transport, this.state, this.io, this.deps, this.discovery, signal);
    try {
      await runKubectl(k, args, COMMANDS);
      this.state.lastExit = k.exit;
    } catch (e) {
      if (e instanceof CommandError) this.fail(`${e.message}\n`, e.code);
      else this.fail(`${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}
