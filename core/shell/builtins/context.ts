/**
 * What a builtin of the bundled shell gets (its arguments, standard input, output, the signal
 * that ends it, the session), and the helpers every builtin shares: GNU getopt's option parsing
 * and messages, reading operands (`-` or none is standard input), line splitting.
 */
import type { ShellDeps, ShellState } from '../types';
import { readAll, type Input, type Sink, type StageSignal } from '../interp/streams';
import { errorText, type Workspace } from '../workspace';

/** The standard streams and signal of a command. */
export interface Stdio {
  stdin: Input;
  out: Sink;
  err: Sink;
  signal: StageSignal;
}

/** The session as builtins use it. */
export interface SessionApi {
  readonly state: ShellState;
  readonly deps: ShellDeps;
  readonly ws: Workspace;
  readonly vars: Record<string, string>;
  readonly exported: Set<string>;
  readonly aliases: Map<string, string>;
  /** The working directory (absolute shell path, `/` is the workspace root). */
  cwd: string;
  /** The previous working directory (`cd -`). */
  oldpwd: string | undefined;
  /** Every builtin's name. */
  builtinNames(): string[];
  /** Runs one command (xargs): builtins and aliases, no shell syntax. */
  runArgv(argv: string[], stdio: Stdio): Promise<number>;
  /** Runs a command line (watch). */
  runText(text: string, stdio: Stdio): Promise<number>;
  /** Waits `ms` unless the signal ends it first: false when it ended early or the front end cannot wait. */
  sleep(ms: number, signal: StageSignal): Promise<boolean>;
}

/** What a builtin runs with. */
export interface CommandContext extends Stdio {
  /** The arguments, `argv[0]` the command's name. */
  argv: string[];
  session: SessionApi;
}

/** A builtin: resolves with its exit status. */
export type Builtin = (ctx: CommandContext) => Promise<number>;

/** Thrown by a builtin that has printed its error and ends with `code`. */
export class BuiltinExit {
  constructor(readonly code: number) {}
}

/** Writes to standard output. */
export function out(ctx: CommandContext, text: string): void {
  ctx.out.write(text);
}

/** Writes `name: text` and a newline to standard error. */
export function warn(ctx: CommandContext, text: string): void {
  ctx.err.write(`${ctx.argv[0]}: ${text}\n`);
}

/** Prints a usage error as GNU tools do (`Try 'x --help'...`) and ends the builtin. */
export function usage(ctx: CommandContext, text: string, code = 1): never {
  ctx.err.write(`${ctx.argv[0]}: ${text}\nTry '${ctx.argv[0]} --help' for more information.\n`);
  throw new BuiltinExit(code);
}

/** Options as GNU getopt_long parses them. */
export interface OptionSpec {
  /** Letters of options without a value. */
  flags?: string;
  /** Letters of options with a value (`-n 5`, `-n5`). */
  values?: string;
  /** Long names and the letter each stands for (`recursive: 'r'`). */
  long?: Record<string, string>;
  /** Whether `-5` is read as `-n 5` (head, tail). */
  numeric?: boolean;
  /** The exit status of a usage error. */
  code?: number;
}

/** Parsed options: each letter's last value (`true` for a flag), and the operands in order. */
export interface Options {
  has(letter: string): boolean;
  get(letter: string): string | undefined;
  operands: string[];
}

/** Parses options anywhere among the operands (GNU permutes), `--` ending them. */
export function options(ctx: CommandContext, spec: OptionSpec, args = ctx.argv.slice(1)): Options {
  const seen = new Map<string, string | true>();
  const operands: string[] = [];
  const flags = spec.flags ?? '';
  const values = spec.values ?? '';
  const code = spec.code ?? 1;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(spec.long ?? {}).filter((n) => n.startsWith(name));
      const exact = matches.find((n) => n === name) ?? (matches.length === 1 ? matches[0] : undefined);
      if (!exact) usage(ctx, matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`, code);
      const letter = (spec.long as Record<string, string>)[exact];
      if (values.includes(letter as string)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) usage(ctx, `option '--${exact}' requires an argument`, code);
        seen.set(letter as string, v);
      } else seen.set(letter as string, true);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numeric && /^-\d+$/.test(a)) {
        seen.set('n', a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (values.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) usage(ctx, `option requires an argument -- '${c}'`, code);
          seen.set(c, v);
          break;
        }
        if (!flags.includes(c)) usage(ctx, `invalid option -- '${c}'`, code);
        seen.set(c, true);
      }
      continue;
    }
    operands.push(a);
  }
  return {
    operands,
    has: (l) => seen.has(l),
    get: (l) => {
      const v = seen.get(l);
      return typeof v === 'string' ? v : undefined;
    },
  };
}

/** The text of an operand: a file of the workspace, or standard input for `-`; undefined (after `name: file: error`) when unreadable. */
export async function readOperand(ctx: CommandContext, name: string, format = (n: string, e: string) => `${n}: ${e}`): Promise<string | undefined> {
  if (name === '-') return readAll(ctx.stdin);
  try {
    return await ctx.session.ws.read(name);
  } catch (e) {
    warn(ctx, format(name, errorText(e)));
    return undefined;
  }
}

/** The lines of a text (a last line without a newline included). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Parses a count (`-n 5`); ends the builtin with `message` when it is not one. */
export function count(ctx: CommandContext, value: string, message: string): number {
  if (!/^\+?\d+$/.test(value)) {
    warn(ctx, message);
    throw new BuiltinExit(1);
  }
  return Number.parseInt(value, 10);
}
