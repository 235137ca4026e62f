/**
 * `kubectl delete`: by names, `-l`, `--all`, `-f`; `--grace-period`, `--force`, `--now`,
 * `--cascade=background|foreground|orphan` (DeleteOptions.propagationPolicy), `--wait` (the
 * default: wait until the objects are gone, polling the API, ended by Ctrl-C), `--ignore-not-found`.
 * Prints `deployment.apps "web" deleted` as kubectl 1.32 does.
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags } from './flags';
import { readManifests } from './manifests';
import { listObjects, selectResources } from './resources';

/** `kubectl delete`. */
export async function del(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl delete', args, {
      filename: { kind: 'strings', short: 'f' },
      recursive: { kind: 'bool', short: 'R' },
      selector: { kind: 'string', short: 'l' },
      'field-selector': { kind: 'string' },
      all: { kind: 'bool' },
      'all-namespaces': { kind: 'bool', short: 'A' },
      'grace-period': { kind: 'int' },
      force: { kind: 'bool' },
      now: { kind: 'bool' },
      cascade: { kind: 'string', noOptDefault: 'background' },
      wait: { kind: 'bool' },
      'ignore-not-found': { kind: 'bool' },
      output: { kind: 'string', short: 'o' },
      'dry-run': { kind: 'string', noOptDefault: 'unchanged' },
      timeout: { kind: 'string' },
    }),
  );
  const ns = k.namespace(flags);
  const targets: { type: ApiType; name: string; namespace: string | undefined }[] = [];
  if (flags.list('filename').length > 0) {
    for (const m of await readManifests(k, flags.list('filename'), flags.bool('recursive'))) {
      const kind = m.obj.kind ?? '';
      const types = await k.discovery.all();
      const group = (m.obj.apiVersion ?? '').includes('/') ? (m.obj.apiVersion ?? '').split('/')[0] : '';
      const type = types.find((t) => t.kind === kind && t.group === group);
      if (!type) throw new CommandError(`error: resource mapping not found for name: "${m.obj.metadata?.name ?? ''}" namespace: "${m.obj.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${kind}" in version "${m.obj.apiVersion ?? ''}"`);
      targets.push({ type, name: m.obj.metadata.name ?? '', namespace: type.namespaced ? (m.obj.metadata.namespace ?? ns) : undefined });
    }
  } else {
    const selections = await selectResources(k, flags.positional, 'kubectl delete');
    if (selections.length === 0) {
      throw new CommandError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    }
    for (const s of selections) {
      if (s.names.length > 0) for (const name of s.names) targets.push({ type: s.type, name, namespace: s.type.namespaced ? ns : undefined });
      else {
        if (!flags.has('selector') && !flags.bool('all') && !flags.has('field-selector')) throw new CommandError('error: resource(s) were provided, but no name was specified');
        const q: Record<string, string> = {};
        if (flags.str('selector')) q['labelSelector'] = flags.str('selector');
        if (flags.str('field-selector')) q['fieldSelector'] = flags.str('field-selector');
        const all = flags.bool('all-namespaces');
        const items: KubeObject[] = await listObjects(k, s.type, s.type.namespaced && !all ? ns : undefined, q);
        for (const o of items) targets.push({ type: s.type, name: o.metadata.name ?? '', namespace: o.metadata.namespace });
      }
    }
    if (targets.length === 0) {
      k.io.out('No resources found\n');
      return;
    }
  }
  const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
  let grace = flags.has('grace-period') ? flags.int('grace-period', -1) : -1;
  if (flags.bool('now')) grace = 1;
  if (flags.bool('force') && !flags.has('grace-period')) grace = 0;
  if (grace >= 0) body['gracePeriodSeconds'] = grace;
  const cascade = flags.str('cascade', 'background');
  if (!['background', 'foreground', 'orphan', 'true', 'false'].includes(cascade)) throw new CommandError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  body['propagationPolicy'] = cascade === 'foreground' ? 'Foreground' : cascade === 'orphan' || cascade === 'false' ? 'Orphan' : 'Background';
  if (flags.bool('force') && grace === 0) k.io.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const deleted: typeof targets = [];
  for (const t of targets) {
    const r = await k.send('DELETE', resourcePath(t.type, t.namespace, t.name), {}, body);
    if (r.status >= 400) {
      if (r.status === 404 && flags.bool('ignore-not-found')) continue;
      k.fail(serverError(r.body));
      continue;
    }
    k.io.out(`${kindPrefix(t.type)} "${t.name}" ${grace === 0 && flags.bool('force') ? 'force deleted' : 'deleted'}\n`);
    deleted.push(t);
  }
  if (flags.bool('wait', true) && deleted.length > 0) await waitGone(k, deleted);
}

async function waitGone(k: Kubectl, targets: { type: ApiType; name: string; namespace: string | undefined }[]): Promise<void> {
  const stream = k.deps.stream;
  for (const t of targets) {
    const first = await k.send('GET', resourcePath(t.type, t.namespace, t.name));
    if (first.status === 404 || !stream) continue;
    const rv = (first.body as KubeObject).metadata.resourceVersion ?? '';
    let gone = false;
    const handle = stream(resourcePath(t.type, t.namespace), { watch: 'true', fieldSelector: `metadata.name=${t.name}`, resourceVersion: rv }, 'application/json', (data) => {
      if ((data as { type?: string }).type === 'DELETED') {
        gone = true;
        handle.stop();
      }
    });
    k.signal?.addEventListener('abort', () => handle.stop());
    if (k.signal?.aborted) handle.stop();
    await handle.done;
    if (!gone && k.signal?.aborted) return;
  }
}
