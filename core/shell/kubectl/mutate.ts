/**
 * What kubectl's changing commands share: `--dry-run` as cmdutil.GetDryRunStrategy reads it,
 * the PrintFlags with an operation (`deployment.apps/web patched (dry run)`, or `-o
 * yaml|json|name|jsonpath` without managedFields), and the objects the resource builder visits
 * for `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l SEL`, `TYPE --all` or `-f FILE`.
 */
import { parseGoDuration } from '../../api/duration';
import type { KubeObject } from '../../api/types';
import { toJson } from '../printers/json';
import { parseOutput, printObjects } from '../printers/output';
import type { Kubectl } from './context';
import { typeOf } from './create';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError, serverError } from './errors';
import type { Flags, FlagSpecs } from './flags';
import { readManifests } from './manifests';
import { clone, listObjects, selectResources } from './resources';
import { typedOrder } from './typedOrder';

/** A dry-run strategy. */
export type DryRun = 'none' | 'client' | 'server';

/** The `--dry-run` flag every changing command has. */
export const DRY_RUN_FLAG: FlagSpecs = { 'dry-run': { kind: 'string', noOptDefault: 'unchanged' } };

/** The PrintFlags every changing command has (`-o`, `--show-managed-fields`, `--template`, `--allow-missing-template-keys`). */
export const PRINT_FLAGS: FlagSpecs = {
  output: { kind: 'string', short: 'o' },
  'show-managed-fields': { kind: 'bool' },
  template: { kind: 'string' },
  'allow-missing-template-keys': { kind: 'bool' },
};

/** The `-f`, `-R`, `-k` flags of the commands that take files. */
export const FILENAME_FLAGS: FlagSpecs = {
  filename: { kind: 'strings', short: 'f' },
  recursive: { kind: 'bool', short: 'R' },
  kustomize: { kind: 'string', short: 'k' },
};

/** What klog prints for a warning (the shell has no wall clock nor pid: zeros, as klogFatal). */
export function klogWarning(file: string, message: string): string {
  return `W0101 00:00:00.000000       1 ${file}] ${message}\n`;
}

/** cmdutil.GetDryRunStrategy: `none|client|server`, a bare `--dry-run` (client, with klog's deprecation warning) or a boolean. */
export function dryRunOf(k: Kubectl, flags: Flags): DryRun {
  const v = flags.str('dry-run', 'none');
  const b = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v) ? false : undefined;
  if (b !== undefined) {
    k.io.err(klogWarning(b ? 'helpers.go:716' : 'helpers.go:719', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${b ? 'client' : 'none'}.`));
    return b ? 'client' : 'none';
  }
  if (v === 'unchanged') {
    k.io.err(klogWarning('helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.'));
    return 'client';
  }
  if (v === 'client' || v === 'server' || v === 'none') return v;
  throw new CommandError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** The query of a request under a dry-run strategy, with the field manager (and validation) kubectl sends. */
export function writeQuery(dry: DryRun, fieldManager?: string, fieldValidation?: string): Record<string, string> {
  const q: Record<string, string> = {};
  if (dry === 'server') q['dryRun'] = 'All';
  if (fieldManager) q['fieldManager'] = fieldManager;
  if (fieldValidation) q['fieldValidation'] = fieldValidation;
  return q;
}

/** `--validate` as cmdutil.GetValidationDirective reads it: the `fieldValidation` query value. */
export function validationOf(flags: Flags): string {
  const v = flags.str('validate', 'strict');
  if (['1', 't', 'T', 'TRUE', 'true', 'True', 'strict'].includes(v)) return 'Strict';
  if (v === 'warn') return 'Warn';
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', 'ignore'].includes(v)) return 'Ignore';
  throw new CommandError(`error: invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** Checks `-o` before any request (PrintFlags.ToPrinter's error). */
export function checkOutput(flags: Flags): void {
  const o = flags.str('output');
  if (!o) return;
  try {
    parseOutput(o, false);
  } catch (e) {
    throw new CommandError((e as Error).message);
  }
}

/** How kubectl holds an object it prints (see printOperation). */
export interface PrintStyle {
  struct?: boolean;
  blankLine?: boolean;
}

/**
 * Prints an object as the PrintFlags with `operation` do: `-o FORMAT`, else `kind.group/name
 * operation`. `style.struct`: an object kubectl decoded into (or built as) its Go type, whose
 * `-o json` keeps the Go struct's field order rather than sorting keys; `style.blankLine`: kubectl
 * prints it re-encoded (`set`, `taint`), its `-o json|yaml` ending with an empty line.
 */
export function printOperation(k: Kubectl, flags: Flags, type: { group: string; kind: string; version?: string }, obj: KubeObject, operation: string, dry: DryRun = 'none', style: PrintStyle = {}): void {
  const o = flags.str('output');
  const name = `${kindPrefix(type)}/${obj.metadata?.name ?? ''}`;
  if (o) {
    let format;
    try {
      format = parseOutput(o, false);
    } catch (e) {
      throw new CommandError((e as Error).message);
    }
    if (format.kind === 'human') return;
    const shown = clone(obj);
    if (!flags.bool('show-managed-fields') && shown.metadata) delete (shown.metadata as { managedFields?: unknown }).managedFields;
    const version = type.version ?? (obj.apiVersion ?? '').split('/').pop() ?? '';
    const blank = style.blankLine && (format.kind === 'json' || format.kind === 'yaml') ? '\n' : '';
    if (style.struct && format.kind === 'json') k.io.out(`${toJson(typedOrder(shown, type.group, version, type.kind), false)}${blank}`);
    else k.io.out(`${printObjects(format, [shown as unknown as Record<string, unknown>], true, () => name)}${blank}`);
    return;
  }
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  k.io.out(`${name} ${operation}${suffix}\n`);
}

/** One object the resource builder visits. */
export interface Info {
  type: ApiType;
  namespace: string | undefined;
  name: string;
  /** The object as the server has it (or as the file has it, for `-f` without `latest`). */
  obj: KubeObject;
  /** The file it was named in, if any. */
  source?: string;
  /** Read with `--local`: kubectl knows no mapping for it (its name reads `kind/name`). */
  local?: boolean;
}

/** How the builder is asked. */
export interface BuilderOptions {
  /** `ResourceTypeOrNameArgs(allowEmptySelector)`: a bare TYPE means all of them (edit). */
  allowEmptySelector?: boolean;
  /** `--all` for a bare TYPE. */
  all?: boolean;
  /** `-l`. */
  selector?: string;
  /** Fetch the server's object for `-f` arguments (`Latest()`). */
  latest?: boolean;
  /** `--local`: the files only. */
  local?: boolean;
}

/** The builder's error when nothing was named. */
export const MISSING_RESOURCE = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/**
 * The objects of `args` (`TYPE NAME...`, `TYPE/NAME...`) and `-f` files, fetched from the server
 * (resource.Builder with ContinueOnError): a failure to fetch one is reported on `errors` and the
 * others are still visited.
 */
export async function resourceInfos(k: Kubectl, flags: Flags, args: string[], command: string, opts: BuilderOptions = {}): Promise<{ infos: Info[]; errors: Failure[] }> {
  const ns = k.namespace(flags);
  const infos: Info[] = [];
  const errors: Failure[] = [];
  const files = flags.list('filename');
  if (files.length > 0) {
    if (args.some((a) => a.includes('/'))) throw new CommandError('error: resource/name arguments cannot be provided when a path is specified');
    if (args.length > 0) throw new CommandError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    for (const m of await readManifests(k, files, flags.bool('recursive'))) {
      const type = await typeOf(k, m.obj, m.source);
      const fileNs = m.obj.metadata?.namespace;
      if (type.namespaced && flags.str('namespace') && fileNs && fileNs !== flags.str('namespace')) {
        throw new CommandError(`error: the namespace from the provided object "${fileNs}" does not match the namespace "${flags.str('namespace')}". You must pass '--namespace=${fileNs}' to perform this operation.`);
      }
      const namespace = type.namespaced ? (fileNs ?? ns) : undefined;
      const name = m.obj.metadata?.name ?? '';
      if (!opts.latest) {
        infos.push({ type, namespace, name, obj: clone(m.obj), source: m.source, ...(opts.local ? { local: true } : {}) });
        continue;
      }
      const r = await k.send('GET', resourcePath(type, namespace, name));
      if (r.status >= 400) errors.push({ status: r.body });
      else infos.push({ type, namespace, name, obj: clone(r.body as KubeObject), source: m.source });
    }
    return { infos, errors };
  }
  const selections = await selectResources(k, args, command);
  if (selections.length === 0) throw new CommandError(MISSING_RESOURCE);
  for (const s of selections) {
    const namespace = s.type.namespaced ? ns : undefined;
    if (s.names.length > 0) {
      if (opts.selector) throw new CommandError('error: name cannot be provided when a selector is specified');
      for (const name of s.names) {
        const r = await k.send('GET', resourcePath(s.type, namespace, name));
        if (r.status >= 400) errors.push({ status: r.body });
        else infos.push({ type: s.type, namespace, name, obj: { ...clone(r.body as KubeObject) } });
      }
      continue;
    }
    if (!opts.selector && !opts.all && !opts.allowEmptySelector) throw new CommandError('error: resource(s) were provided, but no name was specified');
    const q: Record<string, string> = opts.selector ? { labelSelector: opts.selector } : {};
    for (const obj of await listObjects(k, s.type, namespace, q)) infos.push({ type: s.type, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', obj });
  }
  return { infos, errors };
}

/** `info.ObjectName()`: `deployments/web` (`deployment.apps/web` for a `--local` object). */
export function objectName(info: Info): string {
  return info.local ? `${kindPrefix(info.type)}/${info.name}` : `${info.type.resource}/${info.name}`;
}

/** An error met while visiting objects: a Status answer of the server, or kubectl's own text. */
export type Failure = { status: unknown } | string;

interface StatusLike {
  kind?: string;
  reason?: string;
  message?: string;
  details?: { kind?: string; name?: string; causes?: { field?: string; message?: string }[] };
}

/** What cmdutil.CheckErr prints for one error (without the final newline). */
export function checkErrText(f: Failure): string {
  if (typeof f === 'string') return withErrorPrefix(f);
  const s = f.status as StatusLike | undefined;
  if (s && s.kind === 'Status' && s.reason === 'Invalid') {
    const d = s.details;
    let head = 'The request is invalid';
    if (!d) return s.message ? `${head}: ${s.message}` : head;
    const causes = [...new Set((d.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
    if (d.kind || d.name) head = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
    else if (s.message && causes.length === 0) head += `: ${s.message}`;
    if (causes.length === 0) return head;
    if (causes.length === 1) return `${head}: ${causes[0] as string}`;
    return `${head}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  return serverError(f.status);
}

/** What CheckErr prints for an error of an aggregate of several (MultipleErrors: no `error: ` prefix). */
function multipleText(f: Failure): string {
  return typeof f === 'string' ? f.replace(/\n$/, '') : serverError(f.status);
}

/** Ends the command with the errors collected while visiting (utilerrors.NewAggregate as CheckErr prints it). */
export function finish(failures: Failure[]): void {
  if (failures.length === 0) return;
  if (failures.length === 1) throw new CommandError(checkErrText(failures[0] as Failure));
  throw new CommandError(failures.map(multipleText).join('\n'));
}

/** CheckErr's `error: ` prefix, unless the text has one (or is a server error). */
export function withErrorPrefix(text: string): string {
  const t = text.replace(/\n$/, '');
  return t.startsWith('error: ') || t.startsWith('Error from server') ? t : `error: ${t}`;
}

/** A `time.Duration` flag's value in ms (pflag's error for a bad one, as at parse time). */
export function durationFlag(flags: Flags, name: string, command: string, def = 0): number {
  if (!flags.has(name)) return def;
  const text = flags.str(name);
  const ms = parseGoDuration(text.startsWith('-') ? text.slice(1) : text);
  if (ms === undefined) throw new CommandError(`Error: invalid argument "${text}" for "--${name}" flag: time: invalid duration "${text}"\nSee '${command} --help' for usage.`);
  return text.startsWith('-') ? -ms : ms;
}

/**
 * The client's clock for the commands that wait and retry (drain, replace --force): the front
 * end's `sleep`, or, without one, time that passes only in the count (so a bounded wait still
 * ends). Ctrl-C (the command's signal) ends a wait.
 */
export class Waiter {
  /** The time waited so far, in ms. */
  elapsed = 0;

  constructor(private readonly k: Kubectl) {}

  /** Whether Ctrl-C ended the command. */
  get aborted(): boolean {
    return this.k.signal?.aborted ?? false;
  }

  /** Waits `ms`; false when Ctrl-C ended the command meanwhile. */
  async sleep(ms: number): Promise<boolean> {
    if (this.aborted) return false;
    const sleep = this.k.deps.sleep;
    if (sleep) await sleep(ms);
    this.elapsed += ms;
    return !this.aborted;
  }

  /** wait.PollUntilContextTimeout(immediate): checks now, then every `intervalMs`, until `done` or the timeout (0: none). */
  async poll(intervalMs: number, timeoutMs: number, done: () => Promise<boolean>): Promise<'done' | 'timeout' | 'aborted'> {
    const start = this.elapsed;
    for (;;) {
      if (await done()) return 'done';
      if (timeoutMs > 0 && this.elapsed - start >= timeoutMs) return 'timeout';
      // Without a front-end clock, an unbounded wait gives up after an hour of counted time.
      if (!this.k.deps.sleep && this.elapsed - start >= 3_600_000) return 'timeout';
      if (!(await this.sleep(intervalMs))) return 'aborted';
    }
  }
}
