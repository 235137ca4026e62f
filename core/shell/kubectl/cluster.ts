/**
 * `kubectl api-resources` (the served types, with `--namespaced`, `--api-group`, `--verbs`,
 * `-o name|wide`, `--no-headers`) and `kubectl cluster-info` (the control plane's URL and the
 * proxy URLs of kube-system's cluster services).
 */
import type { KubeObject } from '../../api/types';
import { layoutColumns } from '../printers/table';
import type { Kubectl } from './context';
import { groupVersion } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';

/** `kubectl api-resources`. */
export async function apiResources(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl api-resources', args, {
      namespaced: { kind: 'bool' },
      'api-group': { kind: 'string' },
      verbs: { kind: 'strings' },
      output: { kind: 'string', short: 'o' },
      'no-headers': { kind: 'bool' },
      cached: { kind: 'bool' },
      categories: { kind: 'strings' },
      'sort-by': { kind: 'string' },
    }),
  );
  const o = flags.str('output');
  if (o && o !== 'name' && o !== 'wide') throw new CommandError(`error: --output ${o} is not available`);
  // kubectl sorts by group (core first), then by resource name.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  let types = (await k.discovery.all()).filter((t) => !t.resource.includes('/')).sort((a, b) => cmp(a.group, b.group) || cmp(a.resource, b.resource));
  if (flags.has('namespaced')) types = types.filter((t) => t.namespaced === flags.bool('namespaced'));
  if (flags.has('api-group')) types = types.filter((t) => t.group === flags.str('api-group'));
  for (const v of flags.list('verbs')) types = types.filter((t) => t.verbs.includes(v));
  for (const c of flags.list('categories')) types = types.filter((t) => t.categories.includes(c));
  if (o === 'name') {
    k.io.out(types.map((t) => `${t.resource}${t.group ? `.${t.group}` : ''}\n`).join(''));
    return;
  }
  const rows: string[][] = flags.bool('no-headers') ? [] : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(o === 'wide' ? ['VERBS', 'CATEGORIES'] : [])]];
  for (const t of types) rows.push([t.resource, t.shortNames.join(','), groupVersion(t), String(t.namespaced), t.kind, ...(o === 'wide' ? [flags.bool('no-headers') ? t.verbs.join(',') : `[${t.verbs.join(' ')}]`, t.categories.join(',')] : [])]);
  k.io.out(layoutColumns(rows));
}

/** `kubectl cluster-info`. */
export async function clusterInfo(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(parseFlags('kubectl cluster-info', args, {}));
  if (flags.positional.length > 0) throw new CommandError(`error: unknown command "${flags.positional[0] ?? ''}"\nSee 'kubectl cluster-info -h' for help and examples`);
  const server = (k.state.server ?? '').replace(/\/$/, '');
  let out = `Kubernetes control plane is running at ${server}\n`;
  const list = await k.ok<{ items?: (KubeObject & { spec?: { ports?: { name?: string; port: number }[] } })[] }>('GET', '/api/v1/namespaces/kube-system/services', { labelSelector: 'kubernetes.io/cluster-service=true' });
  for (const svc of list.items ?? []) {
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name;
    const port = svc.spec?.ports?.[0];
    const id = port?.name ? `${svc.metadata.name}:${port.name}` : (svc.metadata.name ?? '');
    out += `${name} is running at ${server}/api/v1/namespaces/kube-system/services/${id}/proxy\n`;
  }
  k.io.out(`${out}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
}
