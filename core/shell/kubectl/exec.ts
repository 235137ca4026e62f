/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] [-q] -- COMMAND [args...]` as
 * kubectl 1.32 runs it (staging/src/k8s.io/kubectl/pkg/cmd/exec): the pod (a workload's most
 * active one), no exec into a completed pod, the default container and its notice, `-t` only
 * with `-i` on a terminal ("Unable to use a TTY ..."), then the pods/exec stream; the exit code
 * of the command becomes the shell's (`command terminated with exit code 3`).
 */
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { attachablePod, findOrDefaultContainer, reportEnd, runStream } from './remote';

/** The flags of `kubectl exec` (and the stream flags `attach` shares). */
export const EXEC_FLAGS = {
  container: { kind: 'string', short: 'c' },
  stdin: { kind: 'bool', short: 'i' },
  tty: { kind: 'bool', short: 't' },
  quiet: { kind: 'bool', short: 'q' },
  'pod-running-timeout': { kind: 'string' },
  filename: { kind: 'strings', short: 'f' },
} as const;

/** Whether `-t` stands: it needs `-i`, and stdin on a terminal (else kubectl says why, unless quiet). */
export function useTty(k: Kubectl, stdin: boolean, tty: boolean, quiet: boolean): boolean {
  if (!stdin || !tty) return false;
  if (k.deps.exec?.stdinIsTTY) return true;
  if (!quiet) k.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  return false;
}

/** `kubectl exec`. */
export async function exec(k: Kubectl, args: string[]): Promise<void> {
  const parsed = parseFlags('kubectl exec', args, { ...EXEC_FLAGS });
  const flags = new Flags(parsed);
  const quiet = flags.bool('quiet');
  // kubectl 1.32 refuses the old form without `--` (it was deprecated before).
  const argsIn = [...parsed.positional, ...parsed.dash];
  const atDash = parsed.hasDash ? parsed.positional.length : -1;
  const resource = argsIn.length > 0 && atDash !== 0 ? (argsIn[0] as string) : '';
  let command: string[] = [];
  if (atDash > -1) command = argsIn.slice(atDash);
  else if (argsIn.length > 1) throw new CommandError("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
  if (!resource) throw new CommandError('error: pod, type/name or --filename must be specified');
  if (command.length === 0) throw new CommandError('error: you must specify at least one command for the container');
  const ns = k.namespace(flags);
  const pod = await attachablePod(k, ns, resource);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CommandError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = flags.str('container') || findOrDefaultContainer(k, pod, '', quiet).name;
  const stdin = flags.bool('stdin');
  const tty = useTty(k, stdin, flags.bool('tty'), quiet);
  const status = await runStream(k, { kind: 'exec', pod, container, command, stdin, tty, stderr: !tty });
  reportEnd(k, status);
}
