/**
 * `kubectl set image|env|resources|selector|serviceaccount`: changes to objects with pod
 * templates (and a Service's selector), each sent as a strategic merge patch with
 * `fieldManager=kubectl-set`; `image updated`, `serviceaccount updated`, `selector updated`;
 * nothing printed for an image that was already set, as kubectl. `env` and `resources` are in
 * setEnv.ts and setResources.ts.
 */
import { parseLabelSelector } from '../../api/labels';
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { dryRunOf, finish, resourceInfos, type Failure } from './mutate';
import { SET_FLAGS, calculatePatches, podSpecOf, sendPatches, setInfos, type Container } from './setCommon';
import { setEnv } from './setEnv';
import { setResources } from './setResources';

const SET_HELP = `Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
  env              Update environment variables on a pod template
  image            Update the image of a pod template
  resources        Update resource requests/limits on objects with pod templates
  selector         Set the selector on a resource
  serviceaccount   Update the service account of a resource
  subject          Update the user, group, or service account in a role binding or cluster role binding

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** cmdutil.GetResourcesAndPairs: resources first, then `KEY=VALUE` / `KEY-` pairs. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) pairs.push(s);
    else if (pairs.length > 0) throw new CommandError(`error: all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs without removals. */
function parsePairs(pairs: string[], pairType: string): Map<string, string> {
  const out = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const eq = p.indexOf('=');
      out.set(p.slice(0, eq), p.slice(eq + 1));
    } else invalid.push(p);
  }
  if (invalid.length > 0) throw new CommandError(`error: invalid ${pairType} format: ${invalid.join(', ')}`);
  return out;
}

async function setImage(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(parseFlags('kubectl set image', args, { ...SET_FLAGS, all: { kind: 'bool' }, selector: { kind: 'string', short: 'l' } }));
  const dry = dryRunOf(k, flags);
  const { resources, pairs } = resourcesAndPairs(flags.positional, 'image');
  const images = parsePairs(pairs, 'image');
  const infos = await setInfos(k, flags, resources, 'kubectl set image');
  const problems: string[] = [];
  if (flags.bool('all') && flags.str('selector')) problems.push('cannot set --all and --selector at the same time');
  if (resources.length < 1 && flags.list('filename').length === 0) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.size < 1) problems.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (flags.bool('local') && dry === 'server') problems.push('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  finish(problems);
  const failures: Failure[] = [];
  const changes = calculatePatches(infos, (info) => {
    const spec = podSpecOf(info);
    const set = (list: Container[] | undefined, name: string, image: string) => {
      let found = false;
      for (const c of list ?? []) {
        if (c.name === name || name === '*') {
          found = true;
          c.image = image;
        }
      }
      return found;
    };
    for (const [name, image] of images) {
      const init = set(spec.initContainers, name, image);
      const main = set(spec.containers, name, image);
      if (!init && !main) failures.push(`error: unable to find container named ${JSON.stringify(name)}`);
    }
  });
  failures.push(...(await sendPatches(k, changes, { flags, dry, operation: 'image updated', failedPrefix: 'failed to patch image update to pod template: ' })));
  finish(failures);
}

async function setServiceAccount(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(parseFlags('kubectl set serviceaccount', args, { ...SET_FLAGS, all: { kind: 'bool' } }));
  const dry = dryRunOf(k, flags);
  if (flags.bool('local') && dry === 'server') throw new CommandError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const args2 = flags.positional;
  if (args2.length === 0) throw new CommandError('error: serviceaccount is required');
  const account = args2[args2.length - 1] as string;
  const infos = await setInfos(k, flags, args2.slice(0, -1), 'kubectl set serviceaccount');
  const changes = calculatePatches(infos, (info) => {
    podSpecOf(info).serviceAccountName = account;
  });
  finish(await sendPatches(k, changes, { flags, dry, operation: 'serviceaccount updated', failedPrefix: 'failed to patch ServiceAccountName ', sendEmpty: true }));
}

async function setSelector(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(parseFlags('kubectl set selector', args, { ...SET_FLAGS, all: { kind: 'bool' }, 'resource-version': { kind: 'string' } }));
  const dry = dryRunOf(k, flags);
  const positional = flags.positional;
  if (positional.length === 0) throw new CommandError('error: one selector is required');
  const expression = positional[positional.length - 1] as string;
  let requirements;
  try {
    requirements = parseLabelSelector(expression);
  } catch (e) {
    throw new CommandError(`error: ${(e as Error).message}`);
  }
  const symbols: Record<string, string> = { NotEquals: '!=', GreaterThan: 'gt', LessThan: 'lt' };
  for (const r of requirements) if (symbols[r.operator]) throw new CommandError(`error: ${JSON.stringify(symbols[r.operator])} is not a valid label selector operator`);
  const resources = positional.slice(0, -1);
  const { infos, errors } = await resourceInfos(k, flags, resources, 'kubectl set selector', { latest: !flags.bool('local'), all: flags.bool('all') });
  const failures: Failure[] = [...errors];
  for (const info of infos) {
    if (flags.str('resource-version')) info.obj.metadata = { ...info.obj.metadata, resourceVersion: '' };
    const changes = calculatePatches([info], (i) => {
      if (flags.str('resource-version')) i.obj.metadata = { ...i.obj.metadata, resourceVersion: flags.str('resource-version') };
      const exprs = requirements.filter((r) => r.operator !== 'Equals');
      if (exprs.length > 0) throw new Error(`match expression [${exprs.map((r) => `{${r.key} ${r.operator} [${r.values.join(' ')}]}`).join(' ')}] not supported on this object`);
      if (i.type.kind !== 'Service' || i.type.group !== '') throw new Error('setting a selector is only supported for Services');
      const spec = ((i.obj as unknown as { spec?: Record<string, unknown> }).spec ??= {});
      spec['selector'] = Object.fromEntries(requirements.map((r) => [r.key, r.values[0] ?? '']));
    });
    const c = changes[0];
    if (c?.error !== undefined) {
      failures.push(c.error);
      break;
    }
    failures.push(...(await sendPatches(k, changes, { flags, dry, operation: 'selector updated', sendEmpty: true })));
  }
  finish(failures);
}

/** `kubectl set`. */
export async function set(k: Kubectl, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'image':
      return setImage(k, rest);
    case 'env':
      return setEnv(k, rest);
    case 'resources':
      return setResources(k, rest);
    case 'selector':
      return setSelector(k, rest);
    case 'serviceaccount':
    case 'sa':
      return setServiceAccount(k, rest);
    case undefined:
      k.io.err(SET_HELP);
      k.exit = 1;
      return;
    default:
      if (sub.startsWith('-')) {
        parseFlags('kubectl set', args, {});
        k.io.err(SET_HELP);
        k.exit = 1;
        return;
      }
      throw new CommandError(`error: unknown command "${sub}"\nSee 'kubectl set -h' for help and examples`);
  }
}
