/**
 * The bundled shell's command engine: one command line in, output out, over a transport to the
 * API server. Pure (no Node, no terminal): the terminal front end lives in electron/cli.
 * This first slice knows `kubectl get`, `help`, `clear` and `exit`; the full kubectl comes later.
 */
import type { Status } from '../api/status';
import type { Table } from '../apiserver/table';
import { printTable } from './printer';
import { splitWords } from './words';

/** One HTTP-like answer of the API server. */
export interface TransportResponse {
  status: number;
  body: unknown;
}

/** How the shell reaches the API server; rejects with an Error whose message kubectl would print. */
export type ShellTransport = (method: string, path: string, query: Record<string, string>, accept: string) => Promise<TransportResponse>;

/** Where output goes. */
export interface ShellIO {
  out(text: string): void;
  err(text: string): void;
}

/** The session state the prompt shows. */
export interface ShellState {
  context: string;
  namespace: string;
  /** Exit code of the last command. */
  lastExit: number;
}

/** What a command line asks of the front end. */
export type LineResult = 'exit' | 'clear' | undefined;

/** The Accept header kubectl sends for `get`. */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  kind: string;
  shortNames?: string[];
}

/** Words the shell completes and the help lists. */
export const BUILTINS = ['kubectl', 'help', 'clear', 'exit'];

const HELP = `KubeLab shell — a kubectl-like shell for the simulated cluster.

  kubectl get TYPE [NAME...] [-n NAMESPACE | -A] [-o wide] [--no-headers]
                         list nodes, pods, namespaces (and every core/v1 type served)
  help                   this text
  clear                  clear the screen
  exit                   leave the shell (Ctrl-D works too)

This is an early version: the full kubectl (describe, apply, run, logs, exec, ...) comes next.
The real kubectl also works here: it reads the same kubeconfig.
`;

/** The shell engine of one session. */
export class ShellEngine {
  private resources: ApiResource[] | undefined;

  constructor(
    private readonly transport: ShellTransport,
    readonly state: ShellState,
    private readonly io: ShellIO,
  ) {}

  /** Runs one command line. */
  async run(line: string): Promise<LineResult> {
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
        await this.kubectl(args);
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

  private async kubectl(args: string[]): Promise<void> {
    const [sub, ...rest] = args;
    if (sub === undefined) {
      this.io.out('kubectl controls the Kubernetes cluster manager.\n\nIn this version of the KubeLab shell: kubectl get TYPE [NAME...] [-n NAMESPACE | -A] [-o wide]\n');
      return;
    }
    if (sub !== 'get') {
      this.fail(`error: unknown command "${sub}" for "kubectl"\n(the KubeLab shell knows only "kubectl get" so far; the real kubectl works in this terminal too)\n`);
      return;
    }
    try {
      await this.get(rest);
    } catch (e) {
      this.fail(`${e instanceof Error ? e.message : String(e)}\n`);
    }
  }

  private async get(args: string[]): Promise<void> {
    const positional: string[] = [];
    let namespace = this.state.namespace;
    let all = false;
    let wide = false;
    let noHeaders = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const value = () => {
        const v = args[++i];
        if (v === undefined) throw new Error(`error: flag needs an argument: '${a.replace(/^-+/, '')}' in ${a}\nSee 'kubectl get --help' for usage.`);
        return v;
      };
      if (a === '-n' || a === '--namespace') namespace = value();
      else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length);
      else if (a.startsWith('-n') && a.length > 2 && !a.startsWith('--')) namespace = a.slice(2).replace(/^=/, '');
      else if (a === '-A' || a === '--all-namespaces') all = true;
      else if (a === '-o' || a === '--output') wide = this.output(value());
      else if (a.startsWith('-o') && !a.startsWith('--')) wide = this.output(a.slice(2).replace(/^=/, ''));
      else if (a.startsWith('--output=')) wide = this.output(a.slice('--output='.length));
      else if (a === '--no-headers') noHeaders = true;
      else if (a.startsWith('--')) throw new Error(`error: unknown flag: ${a.split('=')[0]}\nSee 'kubectl get --help' for usage.`);
      else if (a.startsWith('-') && a !== '-') throw new Error(`error: unknown shorthand flag: '${a[1]}' in ${a}\nSee 'kubectl get --help' for usage.`);
      else positional.push(a);
    }
    if (positional.length === 0) {
      throw new Error(
        "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
      );
    }
    let typeArg = positional[0] as string;
    let names = positional.slice(1);
    if (typeArg.includes('/')) {
      const [t, n] = typeArg.split('/', 2) as [string, string];
      typeArg = t;
      names = [n, ...names];
    }
    const res = await this.resolve(typeArg);
    const base = '/api/v1';
    const nsPart = res.namespaced && !all ? `/namespaces/${namespace}` : '';
    const withNamespace = res.namespaced && all;
    if (names.length === 0) {
      const r = await this.transport('GET', `${base}${nsPart}/${res.name}`, { limit: '500' }, TABLE_ACCEPT);
      const table = this.expectTable(r);
      if (table.rows.length === 0) {
        this.io.err(res.namespaced && !all ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
        return;
      }
      this.io.out(printTable(table, { wide, noHeaders, withNamespace }));
      return;
    }
    const merged: Table[] = [];
    const errors: string[] = [];
    for (const name of names) {
      const r = await this.transport('GET', `${base}${nsPart}/${res.name}/${name}`, {}, TABLE_ACCEPT);
      if (r.status >= 400) errors.push(serverError(r.body));
      else merged.push(this.expectTable(r));
    }
    if (merged.length > 0) {
      const first = merged[0] as Table;
      this.io.out(printTable({ ...first, rows: merged.flatMap((t) => t.rows) }, { wide, noHeaders }));
    }
    if (errors.length > 0) this.fail(errors.map((e) => `${e}\n`).join(''));
  }

  private output(format: string): boolean {
    if (format === 'wide') return true;
    throw new Error(`error: unable to match a printer suitable for the output format "${format}" in this version of the KubeLab shell, allowed formats are: wide`);
  }

  private expectTable(r: TransportResponse): Table {
    if (r.status >= 400) throw new Error(serverError(r.body));
    return r.body as Table;
  }

  private async resolve(type: string): Promise<ApiResource> {
    if (!this.resources) {
      const r = await this.transport('GET', '/api/v1', {}, 'application/json');
      if (r.status >= 400) throw new Error(serverError(r.body));
      this.resources = ((r.body as { resources?: ApiResource[] }).resources ?? []).filter((x) => !x.name.includes('/'));
    }
    const t = type.toLowerCase();
    const found = this.resources.find((x) => x.name === t || x.singularName === t || x.kind.toLowerCase() === t || (x.shortNames ?? []).includes(t));
    if (!found) throw new Error(`error: the server doesn't have a resource type "${type}"`);
    return found;
  }
}

/** `Error from server (NotFound): pods "x" not found`, as kubectl prints a Status. */
export function serverError(body: unknown): string {
  const s = body as Partial<Status> | undefined;
  if (!s || s.kind !== 'Status') return `Error from server: ${JSON.stringify(body)}`;
  return s.reason && s.reason !== 'Unknown' ? `Error from server (${s.reason}): ${s.message ?? ''}` : `Error from server: ${s.message ?? ''}`;
}
