/**
 * `kubectl run NAME --image=IMG`: the Pod kubectl's run generator builds (label `run=NAME`,
 * `--labels`, `--env`, `--port`, `--restart`, `--command -- CMD...` or `-- ARGS...`), created
 * (`pod/NAME created`) or printed with `--dry-run=client -o yaml|json`.
 */
import type { KubeObject } from '../../api/types';
import { toJson } from '../printers/json';
import { parseOutput, printObjects } from '../printers/output';
import type { Kubectl } from './context';
import { resourcePath } from './discovery';
import { CommandError, klogFatal, statusError } from './errors';
import { Flags, parseFlags } from './flags';
import { runAttached } from './runAttach';

function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new CommandError(`error: invalid label spec: ${part}`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** `kubectl run`. */
export async function run(k: Kubectl, args: string[]): Promise<void> {
  const parsed = parseFlags('kubectl run', args, {
    image: { kind: 'string' },
    restart: { kind: 'string' },
    labels: { kind: 'string', short: 'l' },
    env: { kind: 'strings' },
    port: { kind: 'string' },
    command: { kind: 'bool' },
    'dry-run': { kind: 'string', noOptDefault: 'unchanged' },
    output: { kind: 'string', short: 'o' },
    'image-pull-policy': { kind: 'string' },
    'service-account': { kind: 'string' },
    'field-manager': { kind: 'string' },
    stdin: { kind: 'bool', short: 'i' },
    tty: { kind: 'bool', short: 't' },
    attach: { kind: 'bool' },
    rm: { kind: 'bool' },
    quiet: { kind: 'bool', short: 'q' },
    'leave-stdin-open': { kind: 'bool' },
    'pod-running-timeout': { kind: 'string' },
  });
  const flags = new Flags(parsed);
  const name = flags.positional[0];
  if (!flags.has('image')) throw new CommandError(klogFatal('required flag(s) \\"image\\" not set'));
  if (name === undefined) throw new CommandError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  const image = flags.str('image');
  const dry = flags.str('dry-run', 'none');
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') throw new CommandError(`error: Invalid dry-run value (${dry}). Must be "none", "server", or "client".`);
  const interactive = flags.bool('stdin');
  // --attach defaults to -i; without --restart, an interactive pod restarts OnFailure.
  const attach = flags.has('attach') ? flags.bool('attach') : interactive;
  if (flags.bool('tty') && !interactive) throw new CommandError('error: -i/--stdin is required for containers with -t/--tty=true');
  const restart = flags.str('restart', interactive ? 'OnFailure' : 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new CommandError(`error: invalid restart policy: ${restart}`);
  if (!attach && flags.bool('rm')) throw new CommandError('error: --rm should only be used for attached containers');
  if (attach && dry !== 'none') throw new CommandError("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const labels = flags.has('labels') ? parseLabels(flags.str('labels')) : { run: name };
  const extra = [...flags.positional.slice(1), ...parsed.dash];
  const env = flags.list('env').map((e) => {
    const eq = e.indexOf('=');
    return eq < 0 ? { name: e } : { name: e.slice(0, eq), value: e.slice(eq + 1) };
  });
  const container: Record<string, unknown> = { name, image };
  if (extra.length > 0) container[flags.bool('command') ? 'command' : 'args'] = extra;
  if (flags.has('port')) container['ports'] = [{ containerPort: Number(flags.str('port')) }];
  if (env.length > 0) container['env'] = env;
  container['resources'] = {};
  if (flags.has('image-pull-policy')) container['imagePullPolicy'] = flags.str('image-pull-policy');
  if (interactive) {
    container['stdin'] = true;
    if (!flags.bool('leave-stdin-open')) container['stdinOnce'] = true;
  }
  if (flags.bool('tty')) container['tty'] = true;
  const spec: Record<string, unknown> = { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' };
  if (flags.has('service-account')) spec['serviceAccountName'] = flags.str('service-account');
  const ns = flags.str('namespace') || undefined;
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, ...(ns ? { namespace: ns } : {}), creationTimestamp: null, labels },
    spec,
    status: {},
  } as unknown as KubeObject;
  let result = pod;
  if (dry !== 'client') {
    const query: Record<string, string> = dry === 'server' ? { dryRun: 'All' } : {};
    if (flags.has('field-manager')) query['fieldManager'] = flags.str('field-manager');
    const r = await k.send('POST', resourcePath({ group: '', version: 'v1', resource: 'pods', namespaced: true } as never, k.namespace(flags)), query, pod);
    if (r.status >= 400) throw statusError(r.body);
    result = r.body as KubeObject;
  }
  if (attach) {
    await runAttached(k, result, { stdin: interactive, tty: flags.bool('tty'), quiet: flags.bool('quiet'), remove: flags.bool('rm'), leaveStdinOpen: flags.bool('leave-stdin-open'), restartPolicy: restart });
    return;
  }
  const o = flags.str('output');
  if (o) {
    let format;
    try {
      format = parseOutput(o, false);
    } catch (e) {
      throw new CommandError((e as Error).message);
    }
    if (format.kind === 'json' && dry === 'client') k.io.out(toJson(result, false));
    else if (format.kind !== 'human') k.io.out(printObjects(format, [result as unknown as Record<string, unknown>], true, () => `pod/${name}`));
    return;
  }
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  k.io.out(`pod/${result.metadata.name} created${suffix}\n`);
}
