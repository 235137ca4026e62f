/** `kubectl scale --replicas=N TYPE NAME`: a merge patch of the scale subresource. */
import type { Kubectl } from './context';
import { kindPrefix, resourcePath } from './discovery';
import { CommandError, klogFatal } from './errors';
import { Flags, parseFlags } from './flags';
import { selectResources } from './resources';

/** `kubectl scale`. */
export async function scale(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(parseFlags('kubectl scale', args, { replicas: { kind: 'int' }, 'current-replicas': { kind: 'int' }, selector: { kind: 'string', short: 'l' }, all: { kind: 'bool' }, 'resource-version': { kind: 'string' }, timeout: { kind: 'string' }, 'dry-run': { kind: 'string', noOptDefault: 'unchanged' }, output: { kind: 'string', short: 'o' }, filename: { kind: 'strings', short: 'f' } }));
  if (!flags.has('replicas')) throw new CommandError(klogFatal('required flag(s) \\"replicas\\" not set'));
  const replicas = flags.int('replicas', 0);
  if (replicas < 0) throw new CommandError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const ns = k.namespace(flags);
  const selections = await selectResources(k, flags.positional, 'kubectl scale');
  if (selections.length === 0) throw new CommandError('error: required resource not specified');
  for (const s of selections) {
    for (const name of s.names) {
      const got = await k.send('GET', resourcePath(s.type, ns, name));
      if (got.status >= 400) throw new CommandError(`error: no objects passed to scale ${(got.body as { message?: string }).message ?? ''}`);
      await k.ok('PATCH', resourcePath(s.type, ns, name, 'scale'), {}, { spec: { replicas } }, 'application/merge-patch+json');
      k.io.out(`${kindPrefix(s.type)}/${name} scaled\n`);
    }
  }
}
