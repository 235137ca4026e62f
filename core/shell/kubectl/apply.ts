/**
 * `kubectl apply -f FILE|DIR`: client-side apply keeps the applied configuration in the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation and sends a three-way strategic
 * merge patch (`created`, `configured`, `unchanged`); `--server-side` sends an apply patch with
 * `fieldManager=kubectl` (`serverside-applied`). `--dry-run=client|server` and `-o` as kubectl.
 */
import type { KubeObject } from '../../api/types';
import { goJson } from '../printers/json';
import { parseOutput, printObjects } from '../printers/output';
import type { Kubectl } from './context';
import { typeOf } from './create';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError, statusError } from './errors';
import { Flags, parseFlags } from './flags';
import { readManifests } from './manifests';
import { clone } from './resources';
import { diffMap } from './threeWay';

/** The annotation client-side apply keeps the applied configuration in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Groups whose types kubectl knows (strategic merge patch); others get a JSON merge patch. */
const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io']);

/** The object with its last-applied annotation (GetModifiedConfiguration). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const o = clone(obj);
  const annotations = { ...(o.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  o.metadata.annotations = annotations;
  const applied = `${goJson(o)}\n`;
  o.metadata.annotations = { ...annotations, [LAST_APPLIED]: applied };
  return o;
}

interface Options {
  flags: Flags;
  dry: string;
  output: string;
}

function report(k: Kubectl, opts: Options, type: ApiType, obj: KubeObject, verb: string): void {
  if (opts.output) {
    let format;
    try {
      format = parseOutput(opts.output, false);
    } catch (e) {
      throw new CommandError((e as Error).message);
    }
    if (format.kind !== 'human') k.io.out(printObjects(format, [obj as unknown as Record<string, unknown>], true, () => `${kindPrefix(type)}/${obj.metadata.name}`));
    return;
  }
  const suffix = opts.dry === 'client' ? ' (dry run)' : opts.dry === 'server' ? ' (server dry run)' : '';
  k.io.out(`${kindPrefix(type)}/${obj.metadata.name} ${verb}${suffix}\n`);
}

async function applyOne(k: Kubectl, opts: Options, type: ApiType, input: KubeObject, source: string): Promise<void> {
  const obj = clone(input);
  const ns = type.namespaced ? (obj.metadata.namespace ?? k.namespace(opts.flags)) : undefined;
  if (ns) obj.metadata = { ...obj.metadata, namespace: ns };
  const name = obj.metadata.name ?? '';
  const dryQuery: Record<string, string> = opts.dry === 'server' ? { dryRun: 'All' } : {};
  if (opts.flags.bool('server-side')) {
    const query: Record<string, string> = { ...dryQuery, fieldManager: opts.flags.str('field-manager') || 'kubectl' };
    if (opts.flags.bool('force-conflicts')) query['force'] = 'true';
    if (opts.dry === 'client') return report(k, opts, type, obj, 'serverside-applied');
    const r = await k.send('PATCH', resourcePath(type, ns, name), query, obj, 'application/apply-patch+yaml');
    if (r.status >= 400) throw statusError(r.body);
    return report(k, opts, type, r.body as KubeObject, 'serverside-applied');
  }
  const modified = withLastApplied(obj);
  const got = await k.send('GET', resourcePath(type, ns, name));
  if (got.status === 404) {
    if (opts.dry === 'client') return report(k, opts, type, modified, 'created');
    const r = await k.send('POST', resourcePath(type, ns), dryQuery, modified);
    if (r.status >= 400) throw statusError(r.body, `error when creating "${source}"`);
    return report(k, opts, type, r.body as KubeObject, 'created');
  }
  if (got.status >= 400) throw statusError(got.body, `error when retrieving current configuration of:\nResource: "${type.group ? `${type.group}/${type.version}` : type.version}, Resource=${type.resource}", GroupVersionKind: "${type.group ? `${type.group}/` : ''}${type.version}, Kind=${type.kind}"\nName: "${name}", Namespace: "${ns ?? ''}"\nfrom server for: "${source}"`);
  const current = got.body as KubeObject;
  if (opts.dry === 'client') return report(k, opts, type, modified, 'configured');
  const lastText = current.metadata.annotations?.[LAST_APPLIED];
  let original: Record<string, unknown> | undefined;
  try {
    original = lastText ? (JSON.parse(lastText) as Record<string, unknown>) : undefined;
  } catch {
    original = undefined;
  }
  const patch = diffMap(original, modified as unknown as Record<string, unknown>, current);
  if (Object.keys(patch).length === 0) return report(k, opts, type, current, 'unchanged');
  const strategic = BUILTIN_GROUPS.has(type.group);
  const r = await k.send('PATCH', resourcePath(type, ns, name), dryQuery, patch, strategic ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json');
  if (r.status >= 400) throw statusError(r.body, `error when applying patch:\n${goJson(patch)}\n\nto:\nResource: "${type.group ? `${type.group}/${type.version}` : type.version}, Resource=${type.resource}", GroupVersionKind: "${type.group ? `${type.group}/` : ''}${type.version}, Kind=${type.kind}"\nName: "${name}", Namespace: "${ns ?? ''}"\nfor: "${source}"`);
  report(k, opts, type, r.body as KubeObject, 'configured');
}

/** `kubectl apply`. */
export async function apply(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl apply', args, {
      filename: { kind: 'strings', short: 'f' },
      recursive: { kind: 'bool', short: 'R' },
      output: { kind: 'string', short: 'o' },
      'dry-run': { kind: 'string', noOptDefault: 'unchanged' },
      'server-side': { kind: 'bool' },
      'force-conflicts': { kind: 'bool' },
      'field-manager': { kind: 'string' },
      validate: { kind: 'string', noOptDefault: 'strict' },
      overwrite: { kind: 'bool' },
      force: { kind: 'bool' },
      selector: { kind: 'string', short: 'l' },
    }),
  );
  const dry = flags.str('dry-run', 'none');
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') throw new CommandError(`error: Invalid dry-run value (${dry}). Must be "none", "server", or "client".`);
  if (flags.list('filename').length === 0) throw new CommandError('error: must specify one of -f and -k');
  const opts: Options = { flags, dry, output: flags.str('output') };
  let failed: CommandError | undefined;
  const manifests = await readManifests(k, flags.list('filename'), flags.bool('recursive'));
  if (manifests.length === 0) throw new CommandError('error: no objects passed to apply');
  for (const m of manifests) {
    try {
      await applyOne(k, opts, await typeOf(k, m.obj, m.source), m.obj, m.source);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      k.fail(e.message);
      failed = e;
    }
  }
  if (failed) k.exit = failed.code;
}
