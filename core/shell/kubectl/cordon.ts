/** `kubectl cordon|uncordon NODE`: sets `spec.unschedulable` with a strategic merge patch. */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';

async function setUnschedulable(k: Kubectl, args: string[], verb: 'cordon' | 'uncordon'): Promise<void> {
  const flags = new Flags(parseFlags(`kubectl ${verb}`, args, { 'dry-run': { kind: 'string', noOptDefault: 'unchanged' }, selector: { kind: 'string', short: 'l' } }));
  const [name] = flags.positional;
  if (name === undefined) throw new CommandError(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  const node = await k.ok<KubeObject & { spec?: { unschedulable?: boolean } }>('GET', `/api/v1/nodes/${name}`);
  const want = verb === 'cordon';
  const done = verb === 'cordon' ? 'cordoned' : 'uncordoned';
  if ((node.spec?.unschedulable ?? false) === want) {
    k.io.out(`node/${name} already ${done}\n`);
    return;
  }
  const dry = flags.str('dry-run', 'none');
  if (dry !== 'client') await k.ok('PATCH', `/api/v1/nodes/${name}`, dry === 'server' ? { dryRun: 'All' } : {}, { spec: { unschedulable: want ? true : null } }, 'application/strategic-merge-patch+json');
  k.io.out(`node/${name} ${done}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`);
}

/** `kubectl cordon`. */
export function cordon(k: Kubectl, args: string[]): Promise<void> {
  return setUnschedulable(k, args, 'cordon');
}

/** `kubectl uncordon`. */
export function uncordon(k: Kubectl, args: string[]): Promise<void> {
  return setUnschedulable(k, args, 'uncordon');
}
