/**
 * The `kubectl` command: dispatch to the subcommands, and cobra's answer to an unknown one
 * (`error: unknown command "foo" for "kubectl"` with "Did you mean this?" suggestions: every
 * command within a Levenshtein distance of 2, or starting with what was typed, in kubectl's
 * registration order).
 */
import type { Kubectl } from './context';
import { CommandError } from './errors';

/** A subcommand: runs with the arguments after its name. */
export type Subcommand = (k: Kubectl, args: string[]) => Promise<void>;

/** kubectl 1.32's commands in the order it registers them (the order of suggestions). */
export const KUBECTL_COMMANDS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info', 'top', 'cordon',
  'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch',
  'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion', 'alpha', 'api-resources', 'api-versions', 'config', 'plugin', 'version', 'options', 'help',
];

/** Levenshtein distance, case-insensitive as cobra's. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let prev = d[0] as number;
    d[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const tmp = d[j] as number;
      d[j] = Math.min((d[j] as number) + 1, (d[j - 1] as number) + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[t.length] as number;
}

/** cobra's "Did you mean this?" list. */
export function suggestions(typed: string): string[] {
  return KUBECTL_COMMANDS.filter((c) => c !== 'help' && (levenshtein(typed, c) <= 2 || c.startsWith(typed.toLowerCase())));
}

/** Runs `kubectl ARGS` with the given subcommands. */
export async function runKubectl(k: Kubectl, args: string[], commands: Record<string, Subcommand>): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === undefined) {
    k.io.out('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nUse "kubectl <command> --help" for more information about a given command.\n');
    return;
  }
  const cmd = commands[sub];
  if (!cmd) {
    if (sub.startsWith('-')) throw new CommandError(`Error: unknown ${sub.startsWith('--') ? 'flag' : 'shorthand flag'}: ${sub.startsWith('--') ? sub.split('=')[0] : `'${sub[1]}' in ${sub}`}\nSee 'kubectl --help' for usage.`);
    const s = suggestions(sub);
    const more = s.length > 0 ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '';
    throw new CommandError(`Error: unknown command "${sub}" for "kubectl"${more}`);
  }
  await cmd(k, rest);
}
