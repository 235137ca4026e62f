/**
 * `kubectl label` and `kubectl annotate`: `key=value` and `key-` on the objects named, with
 * `--overwrite`, `-l`, `--all`; a JSON merge patch of `metadata.labels|annotations`; kubectl's
 * messages (`labeled`, `unlabeled`, `not labeled`, `annotated`) and conflict errors.
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { listObjects, selectResources } from './resources';

function splitChanges(args: string[]): { targets: string[]; set: [string, string][]; remove: string[] } {
  const targets: string[] = [];
  const set: [string, string][] = [];
  const remove: string[] = [];
  for (const a of args) {
    if (a.includes('=')) {
      const eq = a.indexOf('=');
      set.push([a.slice(0, eq), a.slice(eq + 1)]);
    } else if (a.endsWith('-') && targets.length > 0) remove.push(a.slice(0, -1));
    else targets.push(a);
  }
  return { targets, set, remove };
}

async function change(k: Kubectl, args: string[], field: 'labels' | 'annotations'): Promise<void> {
  const verb = field === 'labels' ? 'label' : 'annotate';
  const flags = new Flags(
    parseFlags(`kubectl ${verb}`, args, {
      overwrite: { kind: 'bool' },
      selector: { kind: 'string', short: 'l' },
      all: { kind: 'bool' },
      'all-namespaces': { kind: 'bool', short: 'A' },
      'dry-run': { kind: 'string', noOptDefault: 'unchanged' },
      output: { kind: 'string', short: 'o' },
      list: { kind: 'bool' },
      'resource-version': { kind: 'string' },
      'field-selector': { kind: 'string' },
      filename: { kind: 'strings', short: 'f' },
      local: { kind: 'bool' },
    }),
  );
  const { targets, set, remove } = splitChanges(flags.positional);
  if (set.length === 0 && remove.length === 0 && !flags.bool('list')) throw new CommandError(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const selections = await selectResources(k, targets, `kubectl ${verb}`);
  if (selections.length === 0) throw new CommandError(`error: one or more resources must be specified as <resource> <name> or <resource>/<name>`);
  const ns = k.namespace(flags);
  const objects: { type: ApiType; obj: KubeObject }[] = [];
  for (const s of selections) {
    if (s.names.length > 0) {
      for (const name of s.names) objects.push({ type: s.type, obj: await k.ok<KubeObject>('GET', resourcePath(s.type, ns, name)) });
    } else {
      if (!flags.has('selector') && !flags.bool('all')) throw new CommandError(`error: resource(s) were provided, but no name was specified`);
      const q: Record<string, string> = flags.str('selector') ? { labelSelector: flags.str('selector') } : {};
      for (const obj of await listObjects(k, s.type, s.type.namespaced && !flags.bool('all-namespaces') ? ns : undefined, q)) objects.push({ type: s.type, obj });
    }
  }
  for (const { type, obj } of objects) {
    const current = { ...((obj.metadata[field] as Record<string, string> | undefined) ?? {}) };
    const before = JSON.stringify(current);
    for (const [key, value] of set) {
      if (!flags.bool('overwrite') && key in current && current[key] !== value) {
        throw new CommandError(`error: '${key}' already has a value (${current[key] as string}), and --overwrite is false`);
      }
    }
    const patch: Record<string, string | null> = {};
    for (const key of remove) {
      if (!(key in current)) k.io.out(`${field === 'labels' ? 'label' : 'annotation'} "${key}" not found.\n`);
      else {
        delete current[key];
        patch[key] = null;
      }
    }
    for (const [key, value] of set) {
      if (current[key] !== value) patch[key] = value;
      current[key] = value;
    }
    const changed = before !== JSON.stringify(current);
    if (Object.keys(patch).length > 0 && !flags.has('dry-run')) {
      await k.ok('PATCH', resourcePath(type, obj.metadata.namespace, obj.metadata.name), {}, { metadata: { [field]: patch } }, 'application/merge-patch+json');
    }
    const what = field === 'labels' ? (!changed ? 'not labeled' : set.length === 0 ? 'unlabeled' : 'labeled') : 'annotated';
    k.io.out(`${kindPrefix(type)}/${obj.metadata.name} ${what}\n`);
  }
}

/** `kubectl label`. */
export function label(k: Kubectl, args: string[]): Promise<void> {
  return change(k, args, 'labels');
}

/** `kubectl annotate`. */
export function annotate(k: Kubectl, args: string[]): Promise<void> {
  return change(k, args, 'annotations');
}
