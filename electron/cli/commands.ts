/**
 * The `kubelab` command's table of subcommands and its argument parsing. Each subcommand
 * declares its options; later subcommands (`clock`, `fault`, `snapshot`, `lab`) that act on a
 * running lab take `--data DIR` and find it through `DIR/kubeconfig`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** An option of a subcommand. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** `--port N` in the usage. */
  placeholder?: string;
  help: string;
}

/** A subcommand. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** Positional arguments in the usage line (`FILE`), empty when none. */
  positionals?: string;
  options: Record<string, OptionSpec>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

/** A usage error: printed as one line plus the usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandSpec,
  ) {
    super(message);
  }
}

/** The usage of the whole command. */
export function mainUsage(commands: CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: kubelab <command> [options]',
    '',
    'KubeLab: an offline Kubernetes training lab.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help',
    '  -v, --version  show the version',
    '',
    'Run "kubelab <command> --help" for the options of a command.',
    '',
  ].join('\n');
}

/** The usage of one subcommand. */
export function commandUsage(c: CommandSpec): string {
  const opts = Object.entries(c.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.placeholder ? ` ${o.placeholder}` : ''}`;
    return { flag, help: o.help };
  });
  opts.push({ flag: '-h, --help', help: 'show this help' });
  const width = Math.max(...opts.map((o) => o.flag.length));
  return [`Usage: kubelab ${c.name} [options]${c.positionals ? ` ${c.positionals}` : ''}`, '', c.summary, '', 'Options:', ...opts.map((o) => `  ${o.flag.padEnd(width)}  ${o.help}`), ''].join('\n');
}

/** Parses the arguments of a subcommand; throws UsageError for unknown or malformed options. */
export function parseCommandArgs(c: CommandSpec, argv: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[]; help: boolean } {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(c.options)) options[name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: Boolean(c.positionals) });
    const { help, ...rest } = values as Record<string, string | boolean | undefined>;
    return { values: rest, positionals, help: help === true };
  } catch (e) {
    const err = e as Error & { code?: string };
    let message = err.message.split('\n')[0] ?? 'invalid arguments';
    const m = message.match(/^Unknown option '([^']+)'/);
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && m) message = `unknown option ${m[1]}`;
    else if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') message = `unexpected argument ${message.match(/'([^']+)'/)?.[1] ?? ''}`.trim();
    else message = message.replace(/^Option '([^']+)' argument missing/, 'option $1 needs a value').replace(/\.$/, '');
    throw new UsageError(message, c);
  }
}

/** Reads an integer option within bounds; throws UsageError otherwise. */
export function intOption(c: CommandSpec, name: string, value: string | boolean | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${String(value)}"`, c);
  return n;
}
