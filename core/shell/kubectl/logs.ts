/**
 * `kubectl logs POD|TYPE/NAME [-c C] [--tail N] [--previous] [--timestamps] [-f]` over
 * `GET .../pods/NAME/log` (core/apiserver/podLogs.ts); `-f` streams until the container ends
 * or Ctrl-C. (`exec` is not built yet: it needs the simulated containers' exec.)
 */
import type { Kubectl } from './context';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags } from './flags';

/** `kubectl logs`. */
export async function logs(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl logs', args, {
      container: { kind: 'string', short: 'c' },
      tail: { kind: 'int' },
      previous: { kind: 'bool', short: 'p' },
      timestamps: { kind: 'bool' },
      follow: { kind: 'bool', short: 'f' },
      since: { kind: 'string' },
      'limit-bytes': { kind: 'int' },
      'all-containers': { kind: 'bool' },
    }),
  );
  const [target, container] = flags.positional;
  if (target === undefined) throw new CommandError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  let pod = target;
  if (target.includes('/')) {
    const [type, name] = target.split('/', 2) as [string, string];
    if ((await k.discovery.resolve(type)).resource !== 'pods') throw new CommandError(`error: the KubeLab shell reads logs of pods only (kubectl logs pod/NAME)`);
    pod = name;
  }
  const q: Record<string, string> = {};
  const c = flags.str('container') || container;
  if (c) q['container'] = c;
  if (flags.has('tail') && flags.int('tail', -1) >= 0) q['tailLines'] = String(flags.int('tail', -1));
  if (flags.bool('previous')) q['previous'] = 'true';
  if (flags.bool('timestamps')) q['timestamps'] = 'true';
  if (flags.has('limit-bytes')) q['limitBytes'] = String(flags.int('limit-bytes', 0));
  const path = `/api/v1/namespaces/${k.namespace(flags)}/pods/${pod}/log`;
  if (!flags.bool('follow')) {
    const pod0 = await k.send('GET', `/api/v1/namespaces/${k.namespace(flags)}/pods/${pod}`);
    if (pod0.status === 404) throw new CommandError(`error: error from server (NotFound): pods "${pod}" not found in namespace "${k.namespace(flags)}"`);
    const r = await k.send('GET', path, q, undefined, undefined, '*/*');
    if (r.status >= 400) throw new CommandError(serverError(r.body));
    k.io.out(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
    return;
  }
  const stream = k.deps.stream;
  if (!stream) throw new CommandError('error: following logs is not supported by this terminal');
  const handle = stream(path, { ...q, follow: 'true' }, '*/*', (chunk) => k.io.out(typeof chunk === 'string' ? chunk : JSON.stringify(chunk)));
  k.signal?.addEventListener('abort', () => handle.stop());
  if (k.signal?.aborted) handle.stop();
  const end = await handle.done;
  if (end && end.status >= 400) throw new CommandError(serverError(end.body));
}
