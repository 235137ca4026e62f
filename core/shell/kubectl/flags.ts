/**
 * Command-line flags as cobra/pflag parse them for kubectl: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, grouped booleans (`-Aw`), flags anywhere among the
 * arguments, `--` ending them; and pflag's error texts (`unknown flag: --foo`, `unknown shorthand
 * flag: 'x' in -x`, `flag needs an argument: 'n' in -n`).
 */
import { CommandError } from './errors';

/** The type of a flag's value. */
export type FlagKind = 'bool' | 'string' | 'strings' | 'int';

/** One flag of a command. */
export interface FlagSpec {
  kind: FlagKind;
  short?: string;
  /** For a bool written without a value; for the others, the value when absent. */
  default?: string | boolean | number;
  /** A string flag that may be written bare (`--dry-run` means `--dry-run=unchanged`). */
  noOptDefault?: string;
}

/** A command's flags, by long name. */
export type FlagSpecs = Record<string, FlagSpec>;

/** Parsed arguments. */
export interface ParsedArgs {
  positional: string[];
  /** The arguments after `--`. */
  dash: string[];
  /** Whether `--` was given. */
  hasDash: boolean;
  flags: Map<string, string | boolean | number | string[]>;
  /** The flags set on the command line. */
  changed: Set<string>;
}

/** kubectl's root (persistent) flags, accepted by every command. */
export const GLOBAL_FLAGS: FlagSpecs = {
  namespace: { kind: 'string', short: 'n' },
  kubeconfig: { kind: 'string' },
  context: { kind: 'string' },
  cluster: { kind: 'string' },
  user: { kind: 'string' },
  'cache-dir': { kind: 'string' },
  'request-timeout': { kind: 'string' },
  v: { kind: 'string', short: 'v' },
  'insecure-skip-tls-verify': { kind: 'bool' },
  'match-server-version': { kind: 'bool' },
  'warnings-as-errors': { kind: 'bool' },
  as: { kind: 'string' },
  'as-group': { kind: 'strings' },
  'as-uid': { kind: 'string' },
};

/**
 * The impersonation headers the root flags `--as`, `--as-group` (repeatable) and `--as-uid` ask
 * for, read from a command line's arguments before `--` (as `verbosity` reads `-v`): kubectl
 * sends them with every request of the command.
 */
export function impersonationHeaders(args: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const groups: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    const m = /^--(as|as-group|as-uid)(?:=(.*))?$/.exec(a);
    if (!m) continue;
    const value = m[2] ?? args[++i];
    if (value === undefined || value === '') continue;
    if (m[1] === 'as') headers['impersonate-user'] = value;
    else if (m[1] === 'as-uid') headers['impersonate-uid'] = value;
    else groups.push(value);
  }
  if (groups.length > 0) headers['impersonate-group'] = groups.join(', ');
  return headers;
}

/** The usage hint after a flag error. */
export function usageHint(command: string): string {
  return `See '${command} --help' for usage.`;
}

/** Parses `args` for `command` (`kubectl get`); throws a CommandError with pflag's message. */
export function parseFlags(command: string, args: string[], specs: FlagSpecs): ParsedArgs {
  const all: FlagSpecs = { ...GLOBAL_FLAGS, ...specs };
  const byShort = new Map<string, string>();
  for (const [name, s] of Object.entries(all)) if (s.short) byShort.set(s.short, name);
  const out: ParsedArgs = { positional: [], dash: [], hasDash: false, flags: new Map(), changed: new Set() };
  const fail = (msg: string) => new CommandError(`Error: ${msg}\n${usageHint(command)}`);
  const set = (name: string, raw: string | true, display: string) => {
    const spec = all[name] as FlagSpec;
    out.changed.add(name);
    if (spec.kind === 'bool') {
      const v = raw === true ? true : parseBool(raw);
      if (v === undefined) throw fail(`invalid argument "${String(raw)}" for "${display}" flag: strconv.ParseBool: parsing "${String(raw)}": invalid syntax`);
      out.flags.set(name, v);
    } else if (spec.kind === 'int') {
      const n = Number(raw);
      if (raw === true || !/^-?\d+$/.test(raw)) throw fail(`invalid argument "${String(raw)}" for "${display}" flag: strconv.ParseInt: parsing "${String(raw)}": invalid syntax`);
      out.flags.set(name, n);
    } else if (spec.kind === 'strings') {
      const prev = (out.flags.get(name) as string[] | undefined) ?? [];
      out.flags.set(name, [...prev, String(raw)]);
    } else out.flags.set(name, String(raw));
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      out.hasDash = true;
      out.dash = args.slice(i + 1);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = all[name];
      if (!spec) throw fail(`unknown flag: --${name}`);
      if (eq >= 0) set(name, a.slice(eq + 1), `--${name}`);
      else if (spec.kind === 'bool') set(name, true, `--${name}`);
      else if (spec.noOptDefault !== undefined) set(name, spec.noOptDefault, `--${name}`);
      else {
        if (i + 1 >= args.length) throw fail(`flag needs an argument: --${name}`);
        set(name, args[++i] as string, `--${name}`);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      while (j < a.length) {
        const c = a[j] as string;
        const name = byShort.get(c);
        if (!name) throw fail(`unknown shorthand flag: '${c}' in ${a}`);
        const spec = all[name] as FlagSpec;
        const display = `-${c}, --${name}`;
        if (spec.kind === 'bool') {
          if (a[j + 1] === '=') {
            set(name, a.slice(j + 2), display);
            break;
          }
          set(name, true, display);
          j++;
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== '') set(name, rest.startsWith('=') ? rest.slice(1) : rest, display);
        else if (spec.noOptDefault !== undefined) set(name, spec.noOptDefault, display);
        else {
          if (i + 1 >= args.length) throw fail(`flag needs an argument: '${c}' in ${a}`);
          set(name, args[++i] as string, display);
        }
        break;
      }
    } else out.positional.push(a);
  }
  return out;
}

function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** Typed access to parsed flags, with defaults. */
export class Flags {
  constructor(readonly parsed: ParsedArgs) {}
  str(name: string, def = ''): string {
    const v = this.parsed.flags.get(name);
    return typeof v === 'string' ? v : def;
  }
  bool(name: string, def = false): boolean {
    const v = this.parsed.flags.get(name);
    return typeof v === 'boolean' ? v : def;
  }
  int(name: string, def: number): number {
    const v = this.parsed.flags.get(name);
    return typeof v === 'number' ? v : def;
  }
  list(name: string): string[] {
    const v = this.parsed.flags.get(name);
    return Array.isArray(v) ? v : [];
  }
  has(name: string): boolean {
    return this.parsed.changed.has(name);
  }
  get positional(): string[] {
    return this.parsed.positional;
  }
}
