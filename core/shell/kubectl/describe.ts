/**
 * `kubectl describe (-f FILE | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)`, as kubectl 1.32 runs
 * it: the objects the resource builder finds (by name, by selector, the whole collection, or the
 * objects of files), each in its kind's layout with its events, separated by two blank lines;
 * when `TYPE NAME` finds nothing, NAME is tried as a prefix of the names in the namespace. Errors
 * of some objects do not stop the others; they are printed at the end.
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { DescribeError } from './describe/common';
import { describerFor } from './describe/registry';
import { DescribeWriter } from './describe/tabwriter';
import { groupVersion, resourcePath, type ApiType } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags } from './flags';
import { readManifests } from './manifests';
import { clone, listObjects, selectResources, type Selection } from './resources';

const NO_TYPE = 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.';

/** An object found, with its type. */
interface Info {
  type: ApiType;
  obj: KubeObject;
}

/** Describes one object: its kind's describer, or the generic one. */
async function describeOne(k: Kubectl, info: Info, showEvents: boolean): Promise<string> {
  const obj: KubeObject = { ...info.obj, apiVersion: info.obj.apiVersion ?? groupVersion(info.type), kind: info.obj.kind ?? info.type.kind };
  const w = new DescribeWriter();
  // Every piece goes through printers.WriteEscaped: ESC and CR cannot reach the terminal.
  const escaped = { write: (level: number, s: string) => w.write(level, s.split('\u001b').join('^[').split('\r').join('\\r')) };
  await describerFor(info.type.group, info.type.kind)({ k, showEvents }, escaped, obj);
  return w.toString();
}

/** Fetches an object by name (the builder's GET); the error text when it fails. */
async function fetchInfo(k: Kubectl, type: ApiType, namespace: string, name: string): Promise<{ info?: Info; error?: string; notFound?: boolean }> {
  const r = await k.send('GET', resourcePath(type, namespace, name));
  if (r.status >= 400) return { error: serverError(r.body), notFound: r.status === 404 };
  return { info: { type, obj: clone(r.body as KubeObject) } };
}

/** The types and names of the arguments; a type not found is looked up again in fresh discovery (a CRD just created), as kubectl's RESTMapper does. */
async function selectFresh(k: Kubectl, args: string[]): Promise<Selection[]> {
  try {
    return await selectResources(k, args, 'kubectl get');
  } catch (e) {
    if (!(e instanceof CommandError) || !e.message.startsWith("error: the server doesn't have a resource type")) throw e;
    k.discovery.reset();
    return selectResources(k, args, 'kubectl get');
  }
}

/** The objects the arguments name (resource.Builder with ContinueOnError), and the errors met. */
async function findInfos(k: Kubectl, flags: Flags, ns: string): Promise<{ infos: Info[]; errors: string[]; notFoundName?: boolean }> {
  const all = flags.bool('all-namespaces');
  const selector = flags.str('selector');
  const infos: Info[] = [];
  const errors: string[] = [];
  const files = flags.list('filename');
  if (files.length > 0) {
    if (flags.positional.length > 0) throw new CommandError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    for (const m of await readManifests(k, files, flags.bool('recursive'))) {
      const kind = m.obj.kind ?? '';
      const apiVersion = m.obj.apiVersion ?? '';
      const group = apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
      const type = await k.discovery.forKind(group, kind);
      if (!type) {
        errors.push(`error: resource mapping not found for name: "${m.obj.metadata?.name ?? ''}" namespace: "${m.obj.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`);
        continue;
      }
      const r = await fetchInfo(k, type, type.namespaced ? (m.obj.metadata.namespace ?? ns) : '', m.obj.metadata.name ?? '');
      if (r.info) infos.push(r.info);
      else errors.push(r.error as string);
    }
    return { infos, errors };
  }
  const selections = await selectFresh(k, flags.positional);
  const byTuple = flags.positional.some((a) => a.includes('/'));
  const named = selections.some((s) => s.names.length > 0);
  if (selector && named) throw new CommandError(byTuple ? 'error: selectors and the all flag cannot be used when passing resource/name arguments' : 'error: name cannot be provided when a selector is specified');
  if (named && !byTuple && selections.length > 1) throw new CommandError('error: you may only specify a single resource type');
  const needsNamespace = (s: Selection) => s.type.namespaced && s.names.length > 0 && all;
  if (selections.some(needsNamespace)) throw new CommandError('error: a resource cannot be retrieved by name across all namespaces');
  let notFoundName = false;
  for (const s of selections) {
    const namespace = s.type.namespaced ? (all ? undefined : ns) : undefined;
    if (s.names.length === 0) {
      try {
        for (const obj of await listObjects(k, s.type, namespace, selector ? { labelSelector: selector } : {})) infos.push({ type: s.type, obj });
      } catch (e) {
        if (!(e instanceof CommandError)) throw e;
        errors.push(e.message);
      }
      continue;
    }
    for (const name of s.names) {
      const r = await fetchInfo(k, s.type, namespace ?? '', name);
      if (r.info) infos.push(r.info);
      else {
        errors.push(r.error as string);
        if (r.notFound) notFoundName = true;
      }
    }
  }
  return { infos, errors, notFoundName };
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
  const ns = k.namespace(flags);
  if (flags.positional.length === 0 && flags.list('filename').length === 0) throw new CommandError(NO_TYPE);
  const showEvents = flags.bool('show-events', true);
  const { infos, errors, notFoundName } = await findInfos(k, flags, ns);
  if (notFoundName && errors.length === 1 && flags.positional.length === 2) {
    await describeMatching(k, flags, ns, errors[0] as string, showEvents);
    return;
  }
  const outputs: string[] = [];
  const seen = new Set<string>();
  for (const info of infos) {
    try {
      outputs.push(await describeOne(k, info, showEvents));
    } catch (e) {
      if (!(e instanceof DescribeError)) throw e;
      const text = serverError(e.body);
      if (!seen.has(text)) errors.push(text);
      seen.add(text);
    }
  }
  k.io.out(outputs.join('\n\n'));
  if (infos.length === 0 && errors.length === 0) k.io.err(flags.bool('all-namespaces') ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
  for (const e of errors) k.fail(e);
}

/**
 * `describe TYPE PREFIX` when no object is named PREFIX: every object of the namespace whose name
 * starts with it (with `TYPE/NAME` as the first argument, that one object if its name does).
 */
async function describeMatching(k: Kubectl, flags: Flags, ns: string, original: string, showEvents: boolean): Promise<void> {
  const [resourceArg, prefix] = flags.positional as [string, string];
  const [selection] = await selectFresh(k, [resourceArg]);
  const { type, names } = selection as Selection;
  const namespace = type.namespaced ? ns : undefined;
  let items: KubeObject[];
  if (names.length > 0) {
    const r = await fetchInfo(k, type, namespace ?? '', names[0] as string);
    if (!r.info) throw new CommandError(r.error as string);
    items = [r.info.obj];
  } else items = await listObjects(k, type, namespace, {});
  const matching = items.filter((o) => (o.metadata.name ?? '').startsWith(prefix));
  if (matching.length === 0) throw new CommandError(original);
  for (const obj of matching) {
    try {
      // kubectl prints each object a prefix matched followed by a newline.
      k.io.out(`${await describeOne(k, { type, obj }, showEvents)}\n`);
    } catch (e) {
      if (!(e instanceof DescribeError)) throw e;
      throw new CommandError(serverError(e.body));
    }
  }
}
