/**
 * `kubectl replace -f FILE`: a PUT of each object of the files (its resourceVersion taken from
 * the server's object when the file has none), `fieldManager=kubectl-replace`,
 * `fieldValidation=Strict`; `replaced`, `--save-config`, `--dry-run`, `-o`, and the errors
 * `error when replacing "f.yaml": ...`. `--force` deletes the objects (`deleted`), waits until
 * they are gone (polling every second, `--timeout`, 5 minutes by default), then creates them.
 */
import type { KubeObject } from '../../api/types';
import { withLastApplied } from './apply';
import type { Kubectl } from './context';
import { typeOf } from './create';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { readManifests } from './manifests';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, Waiter, checkErrText, checkOutput, dryRunOf, durationFlag, finish, printOperation, validationOf, writeQuery, type Failure } from './mutate';
import { clone } from './resources';

interface Target {
  type: ApiType;
  namespace: string | undefined;
  obj: KubeObject;
  source: string;
}

/** AddSourceToErr("replacing", source, err) of a Status answer. */
function sourced(body: unknown, verb: string, source: string): Failure {
  const s = body as { kind?: string; message?: string };
  if (s && typeof s === 'object' && s.kind === 'Status') return { status: { ...s, message: `error when ${verb} ${JSON.stringify(source)}: ${s.message ?? ''}` } };
  return { status: body };
}

async function targets(k: Kubectl, flags: Flags): Promise<Target[]> {
  const ns = k.namespace(flags);
  const out: Target[] = [];
  for (const m of await readManifests(k, flags.list('filename'), flags.bool('recursive'))) {
    const type = await typeOf(k, m.obj, m.source);
    const fileNs = m.obj.metadata?.namespace;
    if (type.namespaced && flags.str('namespace') && fileNs && fileNs !== flags.str('namespace')) {
      throw new CommandError(`error: the namespace from the provided object "${fileNs}" does not match the namespace "${flags.str('namespace')}". You must pass '--namespace=${fileNs}' to perform this operation.`);
    }
    const namespace = type.namespaced ? (fileNs ?? ns) : undefined;
    const obj = clone(m.obj);
    if (namespace) obj.metadata = { ...obj.metadata, namespace };
    out.push({ type, namespace, obj: flags.bool('save-config') ? withLastApplied(obj) : obj, source: m.source });
  }
  return out;
}

/** `kubectl replace`. */
export async function replace(k: Kubectl, args: string[]): Promise<void> {
  const command = 'kubectl replace';
  const flags = new Flags(
    parseFlags(command, args, {
      ...PRINT_FLAGS,
      ...FILENAME_FLAGS,
      ...DRY_RUN_FLAG,
      cascade: { kind: 'string', noOptDefault: 'background' },
      'grace-period': { kind: 'int', default: -1 },
      force: { kind: 'bool' },
      timeout: { kind: 'string' },
      wait: { kind: 'bool' },
      validate: { kind: 'string', noOptDefault: 'strict' },
      'save-config': { kind: 'bool' },
      raw: { kind: 'string' },
      'field-manager': { kind: 'string' },
      subresource: { kind: 'string' },
      record: { kind: 'bool' },
    }),
  );
  const fieldValidation = validationOf(flags);
  const dry = dryRunOf(k, flags);
  checkOutput(flags);
  const timeout = durationFlag(flags, 'timeout', command);
  let grace = flags.int('grace-period', -1);
  if (flags.list('filename').length === 0 && !flags.str('kustomize')) throw new CommandError('error: must specify one of -f and -k');
  const force = flags.bool('force');
  if (grace >= 0 && !force) throw new CommandError('error: --grace-period must have --force specified');
  if (timeout !== 0 && !force) throw new CommandError('error: --timeout must have --force specified');
  if (force && dry !== 'none') throw new CommandError('error: --dry-run can not be used when --force is set');
  // --grace-period=0 becomes 1, waiting for the deletion (to prevent accidental data loss).
  if (grace === 0) grace = 1;
  const manager = flags.str('field-manager', 'kubectl-replace');
  const sub = flags.str('subresource') || undefined;
  const list = await targets(k, flags);
  if (force) return forceReplace(k, flags, list, grace, timeout || 300_000, manager, fieldValidation);
  const failures: Failure[] = [];
  for (const t of list) {
    const name = t.obj.metadata?.name ?? '';
    if (dry === 'client') {
      printOperation(k, flags, t.type, t.obj, 'replaced', dry);
      continue;
    }
    const body = clone(t.obj);
    if (!body.metadata.resourceVersion) {
      const got = await k.send('GET', resourcePath(t.type, t.namespace, name));
      const rv = got.status < 400 ? (got.body as KubeObject).metadata?.resourceVersion : undefined;
      if (rv) body.metadata = { ...body.metadata, resourceVersion: rv };
    }
    const r = await k.send('PUT', resourcePath(t.type, t.namespace, name, sub), writeQuery(dry, manager, fieldValidation), body);
    if (r.status >= 400) {
      failures.push(sourced(r.body, 'replacing', t.source));
      continue;
    }
    printOperation(k, flags, t.type, r.body as KubeObject, 'replaced', dry);
  }
  finish(failures);
}

async function forceReplace(k: Kubectl, flags: Flags, list: Target[], grace: number, timeout: number, manager: string, fieldValidation: string): Promise<void> {
  const failures: Failure[] = [];
  const cascade = flags.str('cascade', 'background');
  if (!['background', 'foreground', 'orphan', 'true', 'false'].includes(cascade)) throw new CommandError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  const options: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: cascade === 'foreground' ? 'Foreground' : cascade === 'orphan' || cascade === 'false' ? 'Orphan' : 'Background' };
  if (grace >= 0) options['gracePeriodSeconds'] = grace;
  let deleted = 0;
  for (const t of list) {
    const name = t.obj.metadata?.name ?? '';
    const r = await k.send('DELETE', resourcePath(t.type, t.namespace, name), {}, options);
    if (r.status === 404) continue;
    if (r.status >= 400) {
      failures.push({ status: r.body });
      continue;
    }
    deleted++;
    k.io.out(flags.str('output') === 'name' ? `${kindPrefix(t.type)}/${name}\n` : `${kindPrefix(t.type)} "${name}" deleted\n`);
  }
  if (failures.length > 0) return finish(failures);
  if (deleted === 0) k.io.out('No resources found\n');
  const waiter = new Waiter(k);
  for (const t of list) {
    const name = t.obj.metadata?.name ?? '';
    const result = await waiter.poll(1000, timeout, async () => {
      const r = await k.send('GET', resourcePath(t.type, t.namespace, name));
      if (r.status === 404) return true;
      if (r.status >= 400) throw new CommandError(checkErrText({ status: r.body }));
      return false;
    });
    if (result === 'aborted') {
      k.exit = 130;
      return;
    }
    if (result === 'timeout') throw new CommandError('error: timed out waiting for the condition');
  }
  let count = 0;
  for (const t of list) {
    const r = await k.send('POST', resourcePath(t.type, t.namespace), writeQuery('none', manager, fieldValidation), t.obj);
    if (r.status >= 400) return finish([{ status: r.body }]);
    count++;
    printOperation(k, flags, t.type, r.body as KubeObject, 'replaced');
  }
  if (count === 0) throw new CommandError('error: no objects passed to replace');
}
