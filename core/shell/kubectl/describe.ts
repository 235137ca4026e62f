/**
 * `kubectl describe TYPE [NAME_PREFIX...]`: each object in kubectl's describe layout with its
 * events; a name that is not found is tried as a prefix of the names in the namespace, as kubectl
 * does; several objects are separated by a blank line.
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { resourcePath, type ApiType } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags } from './flags';
import { clone, listObjects, selectResources } from './resources';
import { clientNow, eventsFor } from './describe/common';
import { describeConfigMap, describeDeployment, describeNamespace, describeReplicaSet, describeService, type Describer } from './describe/describers';
import { describePod } from './describe/pod';
import { DescribeWriter } from './describe/tabwriter';

const DESCRIBERS: Record<string, Describer> = {
  '/pods': describePod,
  '/namespaces': describeNamespace,
  '/configmaps': describeConfigMap,
  '/services': describeService,
  'apps/deployments': describeDeployment,
  'apps/replicasets': describeReplicaSet,
};

/** Describes one object. */
async function describeOne(k: Kubectl, type: ApiType, obj: KubeObject, showEvents: boolean): Promise<string> {
  const describer = DESCRIBERS[`${type.group}/${type.resource}`];
  if (!describer) throw new CommandError(`error: the bundled shell cannot describe ${type.resource} yet`);
  const events = showEvents && type.resource !== 'namespaces' ? await eventsFor(k, obj, type.kind, type.resource === 'nodes' ? obj.metadata.name : undefined) : [];
  const w = new DescribeWriter();
  await describer({ k, now: clientNow(k, obj, events) }, w, obj as never, events);
  return w.toString();
}

/** `kubectl describe`. */
export async function describe(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl describe', args, {
      selector: { kind: 'string', short: 'l' },
      'all-namespaces': { kind: 'bool', short: 'A' },
      'show-events': { kind: 'bool', default: true },
      'chunk-size': { kind: 'int' },
      filename: { kind: 'strings', short: 'f' },
      recursive: { kind: 'bool', short: 'R' },
    }),
  );
  const all = flags.bool('all-namespaces');
  const ns = k.namespace(flags);
  if (flags.positional.length === 0) throw new CommandError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  const selections = await selectResources(k, flags.positional, 'kubectl describe');
  const showEvents = flags.bool('show-events', true);
  const outputs: string[] = [];
  const prefixOut: string[] = [];
  let failure: string | undefined;
  for (const s of selections) {
    const namespace = s.type.namespaced ? (all ? undefined : ns) : undefined;
    if (s.names.length === 0) {
      const q: Record<string, string> = flags.str('selector') ? { labelSelector: flags.str('selector') } : {};
      const items = await listObjects(k, s.type, namespace, q);
      if (items.length === 0 && selections.length === 1) {
        k.io.err(all || !s.type.namespaced ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
        return;
      }
      for (const obj of items) outputs.push(await describeOne(k, s.type, obj, showEvents));
      continue;
    }
    for (const name of s.names) {
      const r = await k.send('GET', resourcePath(s.type, namespace ?? ns, name));
      if (r.status < 400) {
        outputs.push(await describeOne(k, s.type, clone(r.body as KubeObject), showEvents));
        continue;
      }
      const prefixed = (await listObjects(k, s.type, namespace ?? (s.type.namespaced ? ns : undefined), {})).filter((o) => (o.metadata.name ?? '').startsWith(name));
      if (prefixed.length === 0) {
        failure = serverError(r.body);
        continue;
      }
      // kubectl prints the objects a prefix matched each followed by a newline.
      for (const obj of prefixed) prefixOut.push(`${await describeOne(k, s.type, obj, showEvents)}\n`);
    }
  }
  k.io.out(outputs.join('\n\n') + prefixOut.join(''));
  if (failure) throw new CommandError(failure);
}
