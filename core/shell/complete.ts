/**
 * Tab completion of the bundled shell, pure: given the text before the cursor and what the
 * session knows (builtins, aliases, the served types, the objects of the live cluster, the
 * workspace files), the words that may complete the one under the cursor. It follows the
 * command the word belongs to (after `|`, `;`, `&&`), its aliases (`k` is kubectl), and for
 * kubectl what `kubectl __complete` offers: subcommands, resource types and short names, object
 * names (`-n NS` respected, `pod/ng` too), flags and their values (`-o`, `-n`, `-f`).
 */
import type { ApiType } from './kubectl/discovery';
import { COMMAND_FLAGS, GLOBAL_FLAG_WORDS, OUTPUT_FORMATS, SUBCOMMANDS } from './completeData';

/** The word being completed and its candidates (whole words; a directory ends with `/`). */
export interface Completion {
  word: string;
  candidates: string[];
}

/** What completion may look at. */
export interface CompletionSource {
  builtins: string[];
  aliases: Map<string, string>;
  /** The kubectl subcommands the shell has. */
  kubectlCommands: string[];
  /** The session's namespace. */
  namespace: string;
  types(): Promise<ApiType[]>;
  /** Object names of a type (as typed: `po`, `deployments.apps`), in a namespace (undefined: all). */
  names(type: string, namespace: string | undefined): Promise<string[]>;
  /** The entries of a directory (a shell path, `` for the working directory). */
  files(dir: string): Promise<{ name: string; dir: boolean }[]>;
  /** The lab's machines `ssh` logs in to (none: ssh completes files). */
  machines?(): Promise<string[]>;
}

/** Flags of kubectl that take a value (the next word is not a positional argument). */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-c', '--container', '--context', '--kubeconfig', '--cluster', '--user', '--field-selector', '--sort-by', '--template', '-L', '--label-columns', '--image', '--replicas', '--port', '--type', '--timeout', '--for', '-p', '--patch', '--grace-period', '--since', '--tail', '--to-revision', '--revision', '--dry-run', '--field-manager', '--cascade', '-i', '--restart', '--env', '--labels', '--target-port', '--name', '--from-literal', '--from-file', '--as', '--request-timeout', '-v', '--max', '--min', '--cpu-percent']);
/** Flags that take a value only in `--flag=value` form (a bare one is a boolean). */
const BOOL_FLAGS_WITH_OPT = new Set(['--dry-run', '-i']);

/** Commands whose first argument is a pod. */
const POD_COMMANDS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
/** Commands whose arguments are nodes. */
const NODE_COMMANDS = new Set(['cordon', 'uncordon', 'drain']);
/** Commands whose arguments are TYPE NAME... or TYPE/NAME. */
const RESOURCE_COMMANDS = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'wait', 'expose', 'autoscale', 'explain', 'taint', 'events']);
/** Commands of which the files builtins complete workspace paths. */
const DIR_ONLY = new Set(['cd', 'mkdir']);
const NO_ARGS = new Set(['help', 'clear', 'exit', 'logout', 'true', 'false', 'history', 'pwd', 'sleep', 'export', 'unset']);

/** Splits the text of one command into words, leniently (an open quote is fine); `current` is the word under the cursor. */
function words(segment: string): { words: string[]; current: string; raw: string } {
  const out: string[] = [];
  let cur = '';
  let raw = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else cur += c;
      raw += c;
    } else if (c === ' ' || c === '\t') {
      if (inWord) out.push(cur);
      cur = '';
      raw = '';
      inWord = false;
    } else if (c === "'" || c === '"') {
      quote = c;
      raw += c;
      inWord = true;
    } else if (c === '\\' && i + 1 < segment.length) {
      cur += segment[++i];
      raw += `\\${segment[i]}`;
      inWord = true;
    } else {
      cur += c;
      raw += c;
      inWord = true;
    }
  }
  return { words: out, current: cur, raw };
}

/** The text of the last simple command of a line (after an unquoted `|`, `;`, `&`, `(`, `$(`, backquote or newline). */
function lastCommand(line: string): string {
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if ('|;&()`\n'.includes(c)) start = i + 1;
  }
  return line.slice(start).replace(/^\s+/, '');
}

function matching(candidates: Iterable<string>, word: string): string[] {
  return [...new Set([...candidates].filter((c) => c.startsWith(word)))].sort();
}

async function files(src: CompletionSource, word: string, dirsOnly: boolean): Promise<string[]> {
  const slash = word.lastIndexOf('/');
  const prefix = slash >= 0 ? word.slice(0, slash + 1) : '';
  const partial = word.slice(slash + 1);
  const dir = prefix === '' ? '' : prefix.startsWith('~/') ? `/${prefix.slice(2)}` : prefix;
  const entries = await src.files(dir);
  return entries
    .filter((e) => e.name.startsWith(partial) && (partial.startsWith('.') || !e.name.startsWith('.')) && (!dirsOnly || e.dir))
    .map((e) => `${prefix}${e.name.replace(/([ '"\\$&|;<>()*?[\]])/g, '\\$1')}${e.dir ? '/' : ''}`)
    .sort();
}

async function typeWords(src: CompletionSource, restrict?: string[]): Promise<string[]> {
  const types = await src.types().catch(() => [] as ApiType[]);
  return types.filter((t) => !restrict || restrict.includes(t.resource)).flatMap((t) => [t.resource, ...t.shortNames]);
}

async function names(src: CompletionSource, type: string, namespace: string | undefined, word: string, prefix = ''): Promise<string[]> {
  const list = await src.names(type, namespace).catch(() => [] as string[]);
  return matching(
    list.map((n) => `${prefix}${n}`),
    word,
  );
}

/** Completes the arguments of `kubectl` (`args` are the words after it). */
async function kubectl(src: CompletionSource, args: string[], word: string): Promise<string[]> {
  let namespace: string | undefined = src.namespace;
  const positional: string[] = [];
  let pending: string | undefined;
  for (const a of args) {
    if (pending) {
      if (pending === '-n' || pending === '--namespace') namespace = a;
      pending = undefined;
      continue;
    }
    if (a === '-A' || a === '--all-namespaces') namespace = undefined;
    else if (/^--namespace=/.test(a)) namespace = a.slice('--namespace='.length);
    else if (/^-n.+/.test(a)) namespace = a.slice(2).replace(/^=/, '');
    else if (a.startsWith('-')) {
      if (VALUE_FLAGS.has(a) && !BOOL_FLAGS_WITH_OPT.has(a)) pending = a;
    } else positional.push(a);
  }
  const sub = positional[0];
  const group = sub !== undefined && SUBCOMMANDS[sub] !== undefined ? sub : undefined;
  const commandKey = group && positional[1] ? `${group} ${positional[1]}` : (sub ?? '');
  if (pending) {
    if (pending === '-n' || pending === '--namespace') return names(src, 'namespaces', undefined, word);
    if (pending === '-o' || pending === '--output') return matching(OUTPUT_FORMATS, word);
    if (pending === '-f' || pending === '--filename') return files(src, word, false);
    return [];
  }
  const eq = /^(--[\w-]+=)(.*)$/.exec(word);
  if (eq) {
    const [, flag, value] = eq as unknown as [string, string, string];
    if (flag === '--namespace=') return (await names(src, 'namespaces', undefined, value)).map((v) => `${flag}${v}`);
    if (flag === '--output=') return matching(OUTPUT_FORMATS, value).map((v) => `${flag}${v}`);
    if (flag === '--filename=') return (await files(src, value, false)).map((v) => `${flag}${v}`);
    return [];
  }
  if (word.startsWith('-')) {
    const own = (COMMAND_FLAGS[commandKey] ?? COMMAND_FLAGS[sub ?? ''] ?? '').split(' ');
    return matching([...own, ...GLOBAL_FLAG_WORDS.split(' ')].filter((f) => f !== ''), word);
  }
  if (sub === undefined) return matching(src.kubectlCommands, word);
  if (group && positional.length === 1) return matching((SUBCOMMANDS[group] as string).split(' '), word);
  // The arguments after the subcommand (and the group's own subcommand).
  const rest = positional.slice(group ? 2 : 1);
  if (group === 'rollout') return resourceArgs(src, rest, word, namespace, ['deployments', 'daemonsets', 'statefulsets']);
  if (group === 'set') return resourceArgs(src, rest, word, namespace);
  if (group === 'top') return names(src, positional[1] === 'node' ? 'nodes' : 'pods', namespace, word);
  if (group) return [];
  if (POD_COMMANDS.has(sub)) {
    if (rest.length > 0) return [];
    if (word.includes('/')) return resourceArgs(src, rest, word, namespace);
    return names(src, 'pods', namespace, word);
  }
  if (NODE_COMMANDS.has(sub)) return names(src, 'nodes', undefined, word);
  if (sub === 'explain') return rest.length === 0 ? matching(await typeWords(src), word) : [];
  if (RESOURCE_COMMANDS.has(sub)) return resourceArgs(src, rest, word, namespace);
  return [];
}

/** `TYPE`, then names of it; or `TYPE/NAME`. */
async function resourceArgs(src: CompletionSource, rest: string[], word: string, namespace: string | undefined, restrict?: string[]): Promise<string[]> {
  const slash = word.indexOf('/');
  if (slash > 0) return names(src, word.slice(0, slash), namespace, word, word.slice(0, slash + 1));
  const first = rest[0];
  if (first === undefined) return matching(await typeWords(src, restrict), word);
  if (first.includes('/') || first.includes(',')) return [];
  return names(src, first, namespace, word);
}

/** Completes the word before the cursor of `line`. */
export async function complete(line: string, src: CompletionSource): Promise<Completion> {
  const segment = lastCommand(line);
  const { words: ws, current, raw } = words(segment);
  const before = ws[ws.length - 1];
  if (before !== undefined && /^\d?(>|>>|<|&>)$/.test(before)) return { word: raw, candidates: await files(src, current, false) };
  let argv = [...ws];
  while (argv[0] !== undefined && /^[A-Za-z_]\w*=/.test(argv[0])) argv = argv.slice(1);
  if (argv.length === 0) {
    if (current.includes('/')) return { word: raw, candidates: [] };
    return { word: raw, candidates: matching([...src.builtins, ...src.aliases.keys()], current) };
  }
  // Aliases stand for their text (`k` is kubectl), once.
  const alias = src.aliases.get(argv[0] as string);
  if (alias !== undefined) argv = [...alias.split(/\s+/).filter((w) => w !== ''), ...argv.slice(1)];
  const cmd = argv[0] as string;
  const args = argv.slice(1);
  if (cmd === 'watch' || cmd === 'xargs') {
    let i = 0;
    while (i < args.length && (args[i] as string).startsWith('-')) i += /^-[nIL]$|^--interval$/.test(args[i] as string) ? 2 : 1;
    const inner = args.slice(i);
    if (inner.length === 0 && !current.startsWith('-')) return { word: raw, candidates: matching([...src.builtins, ...src.aliases.keys()], current) };
    if (inner.length > 0) return complete(`${inner.join(' ')} ${current}`, src).then((c) => ({ word: raw, candidates: c.candidates }));
  }
  if (cmd === 'kubectl') return { word: raw, candidates: await kubectl(src, args, current) };
  if (cmd === 'ssh' && src.machines && !current.startsWith('-') && !args.some((a) => !a.startsWith('-'))) {
    // The destination, `[user@]NODE`, as bash-completion offers the known hosts.
    const at = current.indexOf('@') + 1;
    const machines = await src.machines().catch(() => [] as string[]);
    return { word: raw, candidates: matching(machines, current.slice(at)).map((m) => `${current.slice(0, at)}${m}`) };
  }
  if (cmd === 'alias' || cmd === 'unalias') return { word: raw, candidates: matching(src.aliases.keys(), current) };
  if (NO_ARGS.has(cmd)) return { word: raw, candidates: [] };
  return { word: raw, candidates: await files(src, current, DIR_ONLY.has(cmd)) };
}
