/**
 * `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] [-q]` as kubectl 1.32 runs it
 * (staging/src/k8s.io/kubectl/pkg/cmd/attach): the output of the container's own program from
 * now on, and its stdin with `-i` (the container needs `stdin: true`). A container started with
 * a terminal forces `-t`; `-t` on one without says so. Shared with `kubectl run -it`.
 */
import type { Pod } from '../../api/types';
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { attachablePod, findOrDefaultContainer, reportEnd, runStream } from './remote';

/** What an attach asks for. */
export interface AttachOptions {
  container: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

/** AttachOptions.Run once the pod is known: the TTY rules, the prompt hint, the stream, the reattach hint. */
export async function attachTo(k: Kubectl, pod: Pod, o: AttachOptions): Promise<void> {
  let c;
  try {
    c = findOrDefaultContainer(k, pod, o.container, o.quiet);
  } catch (e) {
    throw new CommandError(`error: cannot attach to the container: ${(e as Error).message.replace(/^error: /, '')}`);
  }
  let tty = o.tty;
  if (tty && c['tty'] !== true) {
    tty = false;
    if (!o.quiet) k.io.err(`error: Unable to use a TTY - container ${c.name} did not allocate one\n`);
  } else if (!tty && c['tty'] === true) tty = true;
  // SetupTTY: a raw terminal needs stdin, and stdin on a terminal.
  let raw = false;
  if (o.stdin && tty) {
    if (k.deps.exec?.stdinIsTTY) raw = true;
    else if (!o.quiet) k.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  if (!o.quiet) k.io.err("If you don't see a command prompt, try pressing enter.\n");
  const status = await runStream(k, { kind: 'attach', pod, container: c.name, stdin: o.stdin, tty: raw, stderr: !raw });
  reportEnd(k, status);
  if (!o.quiet && o.stdin && raw) k.io.out(`Session ended, resume using 'kubectl attach ${pod.metadata.name ?? ''} -c ${c.name} -i -t' command when the pod is running\n`);
}

/** `kubectl attach`. */
export async function attach(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl attach', args, {
      container: { kind: 'string', short: 'c' },
      stdin: { kind: 'bool', short: 'i' },
      tty: { kind: 'bool', short: 't' },
      quiet: { kind: 'bool', short: 'q' },
      'pod-running-timeout': { kind: 'string' },
    }),
  );
  const res = flags.positional;
  if (res.length === 0) throw new CommandError('error: at least 1 argument is required for attach');
  if (res.length > 2) throw new CommandError(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${res.length}: [${res.join(' ')}]`);
  const pod = await attachablePod(k, k.namespace(flags), res.length === 2 ? `${res[0] ?? ''}/${res[1] ?? ''}` : (res[0] as string));
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CommandError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
  await attachTo(k, pod, { container: flags.str('container'), stdin: flags.bool('stdin'), tty: flags.bool('tty'), quiet: flags.bool('quiet') });
}
