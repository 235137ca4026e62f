/**
 * kubectl's resource arguments (resource.Builder): `TYPE [NAME...]`, `TYPE1,TYPE2 [NAME...]`,
 * `TYPE/NAME...`, the `all` category; and fetching the objects they name as plain JSON.
 */
import type { KubeObject } from '../../api/types';
import { resourcePath, groupVersion, type ApiType } from './discovery';
import type { Kubectl } from './context';
import { CommandError, serverError } from './errors';

/** One type with the names asked for (none: the whole collection). */
export interface Selection {
  type: ApiType;
  names: string[];
}

/** Parses the positional arguments of get/describe/delete/label...; throws kubectl's errors. */
export async function selectResources(k: Kubectl, args: string[], command: string): Promise<Selection[]> {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new CommandError(
        `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. '${command} resource/<resource_name>' instead of '${command} resource resource/<resource_name>'`,
      );
    }
    const out: Selection[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      const type = await k.discovery.resolve(a.slice(0, slash), (w) => k.io.err(w));
      const name = a.slice(slash + 1);
      if (name === '') throw new CommandError(`error: arguments in resource/name form must have a single resource and name`);
      const last = out[out.length - 1];
      if (last && last.type.resource === type.resource && last.type.group === type.group) last.names.push(name);
      else out.push({ type, names: [name] });
    }
    return out;
  }
  const [typeArg, ...names] = args as [string, ...string[]];
  const types: ApiType[] = [];
  for (const t of typeArg.split(',')) {
    if (t === '') continue;
    if (t === 'all') types.push(...(await k.discovery.category('all')));
    else types.push(await k.discovery.resolve(t, (w) => k.io.err(w)));
  }
  return types.map((type) => ({ type, names: [...names] }));
}

/** Whether exactly one object was named (kubectl then prints it rather than a List). */
export function singleItem(selections: Selection[]): boolean {
  return selections.length === 1 && selections[0]?.names.length === 1;
}

/** Fetches an object; answers it, or the failed response's error text. */
export async function fetchObject(k: Kubectl, type: ApiType, namespace: string, name: string): Promise<{ obj?: KubeObject; error?: string; status?: number }> {
  const r = await k.send('GET', resourcePath(type, namespace, name));
  if (r.status >= 400) return { error: serverError(r.body), status: r.status };
  return { obj: clone(r.body as KubeObject) };
}

/** Lists a collection (items carry their apiVersion and kind, as kubectl's decoder sets them). */
export async function listObjects(k: Kubectl, type: ApiType, namespace: string | undefined, query: Record<string, string>): Promise<KubeObject[]> {
  const items: KubeObject[] = [];
  let cont = '';
  for (;;) {
    const q: Record<string, string> = { ...query, limit: '500' };
    if (cont) q['continue'] = cont;
    const body = await k.ok<{ items?: KubeObject[]; metadata?: { continue?: string } }>('GET', resourcePath(type, namespace), q);
    for (const item of body.items ?? []) items.push({ ...clone(item), apiVersion: groupVersion(type), kind: type.kind });
    cont = body.metadata?.continue ?? '';
    if (!cont) return items;
  }
}

/** A deep copy (an in-process transport may answer frozen objects). */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** The list kubectl prints for several objects. */
export function asList(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
