/**
 * `kubectl edit (TYPE NAME | TYPE/NAME | -f FILE) [-o yaml|json] [--output-patch] [--save-config]`:
 * the objects (a List when several) open in the front end's editor (ShellDeps.editor) under
 * kubectl's header comment; on save the two-way strategic merge patch of each changed object is
 * sent (a JSON merge patch for kinds kubectl does not know) with `fieldManager=kubectl-edit`:
 * `deployment.apps/web edited`, `skipped` when unchanged, `Edit cancelled, no changes made.` when
 * nothing changed. A syntax error or an invalid object reopens the buffer with the reasons on top
 * (as kubectl's editoptions.go); saving it unchanged gives up and keeps a copy in the workspace
 * (`A copy of your changes has been stored to "kubectl-edit-1.yaml"`), as kubectl keeps its temp file.
 */
import type { KubeObject } from '../../api/types';
import { goJson, toJson } from '../printers/json';
import { toYaml } from '../printers/yaml';
import { withLastApplied } from './apply';
import type { Kubectl } from './context';
import { resourcePath } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { decodeEdited, editHeader, hasLines, manualStrip, stripComments, validateEdited, type EditReason } from './editBuffer';
import { FILENAME_FLAGS, PRINT_FLAGS, finish, printOperation, resourceInfos, validationOf, type Info } from './mutate';
import { clone } from './resources';
import { jsonEqual } from './threeWay';
import { jsonMergePatch, kindSchema, PatchDiffError, twoWayMergePatch } from './twoWay';

interface Session {
  k: Kubectl;
  flags: Flags;
  json: boolean;
  /** The workspace file kubectl's temp file stands for. */
  file: string;
  /** The last text the editor saved. */
  edited: string;
}

/** A workspace file name for the session (`kubectl-edit-N.yaml`, the first free N). */
async function sessionFile(k: Kubectl, ext: string): Promise<string> {
  const files = k.deps.files;
  for (let n = 1; n < 10_000; n++) {
    const name = `kubectl-edit-${n}${ext}`;
    if (!files || (await files.stat(name)) === undefined) return name;
  }
  return `kubectl-edit${ext}`;
}

/** Keeps the edited text in the workspace, as kubectl keeps its temp file; false when it cannot. */
async function keep(s: Session): Promise<boolean> {
  const write = s.k.deps.files?.writeFile;
  if (!write) return false;
  try {
    await write.call(s.k.deps.files, s.file, s.edited);
    return true;
  } catch {
    return false;
  }
}

/** preservedFile: says where the changes are kept, then fails with `message`. */
async function preserved(s: Session, message: string): Promise<never> {
  if (await keep(s)) s.k.io.err(`A copy of your changes has been stored to ${JSON.stringify(s.file)}\n`);
  throw new CommandError(message);
}

/** The text of the objects as the edit printer writes them (managedFields left out). */
function printBuffer(infos: Info[], json: boolean): string {
  const strip = (o: KubeObject) => {
    const c = clone(o);
    delete (c.metadata as { managedFields?: unknown }).managedFields;
    return c;
  };
  const obj = infos.length === 1 ? strip((infos[0] as Info).obj) : { apiVersion: 'v1', items: infos.map((i) => strip(i.obj)), kind: 'List', metadata: {} };
  return json ? toJson(obj) : toYaml(obj);
}

interface Results {
  reasons: EditReason[];
  retryable: number;
  notfound: number;
  /** Objects to edit again (invalid). */
  edit: number;
}

/** editResults.addError: the line printed, and what the failure means for the session. */
function addError(r: Results, info: Info, body: unknown): string {
  const resource = info.type.group ? `${info.type.resource}.${info.type.group}` : info.type.resource;
  const status = body as { reason?: string; message?: string; details?: { causes?: { field?: string; message?: string }[] } };
  if (status?.reason === 'Invalid') {
    r.edit++;
    r.reasons.push({ head: `${resource} ${JSON.stringify(info.name)} was not valid`, other: (status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) });
    return `error: ${resource} ${JSON.stringify(info.name)} is invalid`;
  }
  if (status?.reason === 'NotFound') {
    r.notfound++;
    return `error: ${resource} ${JSON.stringify(info.name)} could not be found on the server`;
  }
  r.retryable++;
  return `error: ${resource} ${JSON.stringify(info.name)} could not be patched: ${status?.message ?? ''}`;
}

/** visitToPatch: the patch of each edited object, sent. */
async function patchEdited(s: Session, originals: Info[], updated: KubeObject[], results: Results): Promise<void> {
  const { k, flags } = s;
  for (const obj of updated) {
    const original = originals.find((i) => i.obj.metadata?.uid === obj.metadata?.uid);
    if (!original) await preserved(s, `error: no original object found for ${obj.kind ?? ''} ${JSON.stringify(obj.metadata?.name ?? '')}`);
    const info = original as Info;
    const ns = info.type.namespaced ? (obj.metadata?.namespace ?? k.namespace(flags)) : undefined;
    if (info.type.namespaced && ns !== k.namespace(flags)) {
      await preserved(s, `error: the namespace from the provided object ${JSON.stringify(ns)} does not match the namespace ${JSON.stringify(k.namespace(flags))}. You must pass '--namespace=${ns ?? ''}' to perform this operation.`);
    }
    const edited = clone(obj);
    if (info.obj.metadata.managedFields) edited.metadata = { ...edited.metadata, managedFields: info.obj.metadata.managedFields };
    const modified = flags.bool('save-config') ? withLastApplied(edited) : edited;
    if (jsonEqual(info.obj, modified)) {
      printOperation(k, flags, info.type, modified, 'skipped');
      continue;
    }
    const schema = kindSchema(info.type.group, info.type.version, info.type.kind);
    let patch: Record<string, unknown>;
    try {
      patch = schema ? twoWayMergePatch(info.obj as unknown as Record<string, unknown>, modified as unknown as Record<string, unknown>, schema) : jsonMergePatch(info.obj as unknown as Record<string, unknown>, modified as unknown as Record<string, unknown>);
    } catch (e) {
      if (e instanceof PatchDiffError) await preserved(s, `error: ${e.message}`);
      throw e;
    }
    const meta = patch['metadata'] as Record<string, unknown> | undefined;
    if ('apiVersion' in patch || 'kind' in patch || 'managedFields' in patch || (meta && 'name' in meta)) await preserved(s, 'error: At least one of apiVersion, kind and name was changed');
    if (flags.bool('output-patch')) k.io.out(`Patch: ${goJson(patch)}\n`);
    const query: Record<string, string> = { fieldManager: flags.str('field-manager', 'kubectl-edit'), fieldValidation: validationOf(flags) };
    const r = await k.send('PATCH', resourcePath(info.type, info.namespace, info.name, flags.str('subresource') || undefined), query, patch, schema ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json');
    if (r.status >= 400) {
      k.io.err(`${addError(results, info, r.body)}\n`);
      continue;
    }
    const patched = r.body as KubeObject;
    printOperation(k, flags, flags.str('subresource') ? { group: (patched.apiVersion ?? '').includes('/') ? ((patched.apiVersion ?? '').split('/')[0] as string) : '', kind: patched.kind ?? info.type.kind } : info.type, patched, 'edited');
  }
}

/** The text the validator reads: the YAML itself when it parses (comments are YAML comments), else the comment lines dropped. */
function stripped(text: string, parseYaml: ((t: string) => unknown[]) | undefined): string {
  try {
    if (parseYaml) parseYaml(text);
    else JSON.parse(text);
    return text;
  } catch {
    return manualStrip(text);
  }
}

/** `kubectl edit`. */
export async function edit(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl edit', args, {
      ...PRINT_FLAGS,
      ...FILENAME_FLAGS,
      validate: { kind: 'string', noOptDefault: 'strict' },
      'output-patch': { kind: 'bool' },
      'windows-line-endings': { kind: 'bool' },
      'field-manager': { kind: 'string' },
      'save-config': { kind: 'bool' },
      subresource: { kind: 'string' },
      record: { kind: 'bool' },
    }),
  );
  const output = flags.str('output');
  validationOf(flags);
  const { infos, errors } = await resourceInfos(k, flags, flags.positional, 'kubectl edit', { allowEmptySelector: true, latest: true });
  finish(errors);
  if (infos.length === 0) throw new CommandError('error: edit cancelled, no objects found');
  const sub = flags.str('subresource');
  if (sub) {
    for (const info of infos) {
      const r = await k.send('GET', resourcePath(info.type, info.namespace, info.name, sub));
      if (r.status >= 400) finish([{ status: r.body }]);
      info.obj = clone(r.body as KubeObject);
    }
  }
  if (output && output !== 'yaml' && output !== 'json') throw new CommandError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
  const json = output === 'json';
  const editor = k.deps.editor;
  if (!editor) throw new CommandError('error: unable to launch the editor "vi"');
  const crlf = (t: string) => (flags.bool('windows-line-endings') ? t.replace(/\r?\n/g, '\r\n') : t);
  const s: Session = { k, flags, json, file: await sessionFile(k, json ? '.json' : '.yaml'), edited: '' };
  const original = `${json ? '' : editHeader([])}${printBuffer(infos, json)}`;
  let reasons: EditReason[] = [];
  let containsError = false;
  for (;;) {
    const buffer = containsError ? `${json ? '' : editHeader(reasons)}${manualStrip(s.edited)}` : original;
    const previous = s.edited;
    let saved: string | undefined;
    try {
      saved = await editor(crlf(buffer), s.file, 'nano');
    } catch (e) {
      const message = `error: ${(e as Error).message}`;
      if (previous === '') throw new CommandError(message);
      await preserved(s, message);
    }
    s.edited = (saved ?? crlf(buffer)).replace(/\r\n/g, '\n');
    if (containsError && stripComments(previous, k.deps.parseYaml) === stripComments(s.edited, k.deps.parseYaml)) await preserved(s, 'error: Edit cancelled, no valid changes were saved.');
    const invalid = validateEdited(stripped(s.edited, k.deps.parseYaml), k.deps.parseYaml);
    if (invalid !== undefined) {
      const first = infos[0] as Info;
      const resource = first.type.group ? `${first.type.resource}.${first.type.group}` : first.type.resource;
      k.io.err(`error: ${resource} ${JSON.stringify(first.name)} is invalid\n`);
      reasons = [{ head: `${resource} ${JSON.stringify(first.name)} was not valid`, other: [`<nil>: Invalid value: "The edited file failed validation": ${invalid}`] }];
      containsError = true;
      continue;
    }
    if (stripComments(original, k.deps.parseYaml) === stripComments(s.edited, k.deps.parseYaml)) {
      k.io.err('Edit cancelled, no changes made.\n');
      return;
    }
    if (!hasLines(s.edited)) {
      k.io.err('Edit cancelled, saved file was empty.\n');
      return;
    }
    let updated: KubeObject[];
    try {
      updated = decodeEdited(s.edited, k.deps.parseYaml);
    } catch (e) {
      containsError = true;
      reasons = [{ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] }];
      continue;
    }
    containsError = false;
    const results: Results = { reasons: [], retryable: 0, notfound: 0, edit: 0 };
    await patchEdited(s, infos, updated, results);
    if (results.retryable > 0) {
      if (await keep(s)) k.io.err(`You can run \`kubectl replace -f ${s.file}\` to try this update again.\n`);
      k.exit = 1;
      return;
    }
    if (results.notfound > 0) {
      if (await keep(s)) k.io.err(`The edits you made on deleted resources have been saved to ${JSON.stringify(s.file)}\n`);
      k.exit = 1;
      return;
    }
    if (results.edit === 0) return;
    reasons = results.reasons;
    containsError = reasons.length > 0;
  }
}
