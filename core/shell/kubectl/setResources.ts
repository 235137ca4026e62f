/**
 * `kubectl set resources (-f FILE | TYPE NAME) --limits=cpu=200m,memory=512Mi
 * --requests=... [-c CONTAINERS]`: resource requirements of the selected containers of a pod
 * template (quantities in their canonical form), `resource requirements updated`.
 */
import { decodeQuantity } from '../../apiserver/resources/quantity';
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { dryRunOf, finish, type Failure } from './mutate';
import { SET_FLAGS, calculatePatches, podSpecOf, selectContainers, sendPatches, setInfos } from './setCommon';

/** populateResourceListV1: `cpu=100m,memory=256Mi` into a resource list; undefined for an empty text. */
function resourceList(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new CommandError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const q = decodeQuantity(parts[1] as string);
    if ('error' in q) throw new CommandError(`error: ${q.error}`);
    out[parts[0] as string] = q.value;
  }
  return out;
}

/** `kubectl set resources`. */
export async function setResources(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl set resources', args, {
      ...SET_FLAGS,
      all: { kind: 'bool' },
      selector: { kind: 'string', short: 'l' },
      containers: { kind: 'string', short: 'c' },
      limits: { kind: 'string' },
      requests: { kind: 'string' },
    }),
  );
  const dry = dryRunOf(k, flags);
  const infos = await setInfos(k, flags, flags.positional, 'kubectl set resources');
  if (flags.bool('local') && dry === 'server') throw new CommandError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (flags.bool('all') && flags.str('selector')) throw new CommandError('error: cannot set --all and --selector at the same time');
  if (!flags.str('limits') && !flags.str('requests')) throw new CommandError('error: you must specify an update to requests or limits (in the form of --requests/--limits)');
  const limits = resourceList(flags.str('limits'));
  const requests = resourceList(flags.str('requests'));
  const selector = flags.str('containers', '*');
  const failures: Failure[] = [];
  const changes = calculatePatches(infos, (info) => {
    const containers = selectContainers(podSpecOf(info), selector);
    if (containers.length === 0) {
      failures.push(`error: unable to find container named ${selector}`);
      return false;
    }
    for (const c of containers) {
      const resources = (c.resources ??= {});
      if (limits) resources.limits = { ...(resources.limits ?? {}), ...limits };
      if (requests) resources.requests = { ...(resources.requests ?? {}), ...requests };
    }
    return true;
  });
  failures.push(...(await sendPatches(k, changes, { flags, dry, operation: 'resource requirements updated', failedPrefix: 'failed to patch resources update to pod template ' })));
  finish(failures);
}
