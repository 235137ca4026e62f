/**
 * `kubectl patch (-f FILE | TYPE NAME) -p PATCH|--patch-file FILE [--type strategic|merge|json]`:
 * the patch (JSON or YAML) is sent as is to the object or its `--subresource`, with
 * `fieldManager=kubectl-patch`; `patched`, or `patched (no change)` when the server's object did
 * not change. `--dry-run=client` and `--local` apply it here, with the API server's own patch
 * mechanisms (core/apiserver/patch), as kubectl applies it with apimachinery's.
 */
import type { KubeObject } from '../../api/types';
import { apiSchemas } from '../../api/schema';
import { StatusError } from '../../api/status';
import { patchObject } from '../../apiserver/patch/patch';
import { TypeView } from '../../apiserver/patch/schema';
import type { JsonObject } from '../../apiserver/patch/value';
import type { Kubectl } from './context';
import { resourcePath } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, dryRunOf, finish, printOperation, resourceInfos, withErrorPrefix, writeQuery, type Info } from './mutate';
import { clone } from './resources';
import { jsonEqual } from './threeWay';
import { kindSchema } from './twoWay';

const PATCH_TYPES: Record<string, { contentType: string; mechanism: 'json' | 'merge' | 'strategic' }> = {
  json: { contentType: 'application/json-patch+json', mechanism: 'json' },
  merge: { contentType: 'application/merge-patch+json', mechanism: 'merge' },
  strategic: { contentType: 'application/strategic-merge-patch+json', mechanism: 'strategic' },
};

/** util/yaml.ToJSON: text that starts with `{` is JSON already; anything else is read as YAML. */
export function yamlToJson(k: Kubectl, text: string, what: string): string {
  if (/^\s*\{/.test(text)) return text;
  const parse = k.deps.parseYaml;
  try {
    const docs = parse ? parse(text) : [JSON.parse(text) as unknown];
    return JSON.stringify(docs[0] ?? null);
  } catch (e) {
    throw new CommandError(`error: unable to parse ${JSON.stringify(what)}: error converting YAML to JSON: yaml: ${(e as Error).message.split('\n')[0] ?? ''}`);
  }
}

/** Applies a patch here (`--dry-run=client`, `--local`), as getPatchedJSON does. */
function patchLocally(info: Info, mechanism: 'json' | 'merge' | 'strategic', body: string): KubeObject {
  const schema = kindSchema(info.type.group, info.type.version, info.type.kind);
  if (mechanism === 'strategic' && !schema) {
    throw new CommandError(`error: strategic merge patch is not supported for ${info.type.group}/${info.type.version}, Kind=${info.type.kind} locally, try --type merge`);
  }
  try {
    return patchObject(mechanism, info.obj as unknown as JsonObject, body, new TypeView(apiSchemas()), schema, `${info.type.version}.${info.type.kind}`) as unknown as KubeObject;
  } catch (e) {
    if (e instanceof StatusError) throw new CommandError(withErrorPrefix(e.status.message ?? e.message));
    throw e;
  }
}

/** `kubectl patch`. */
export async function patch(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl patch', args, {
      ...PRINT_FLAGS,
      ...FILENAME_FLAGS,
      ...DRY_RUN_FLAG,
      patch: { kind: 'string', short: 'p' },
      'patch-file': { kind: 'string' },
      type: { kind: 'string' },
      local: { kind: 'bool' },
      'field-manager': { kind: 'string' },
      subresource: { kind: 'string' },
      record: { kind: 'bool' },
    }),
  );
  const dry = dryRunOf(k, flags);
  const local = flags.bool('local');
  const text = flags.str('patch');
  const file = flags.str('patch-file');
  if (text && file) throw new CommandError('error: cannot specify --patch and --patch-file together');
  if (!text && !file) throw new CommandError('error: must specify --patch or --patch-file containing the contents of the patch');
  if (local && flags.positional.length > 0) throw new CommandError('error: cannot specify --local and server resources');
  if (local && dry === 'server') throw new CommandError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const typeName = flags.str('type', 'strategic');
  const patchType = PATCH_TYPES[typeName.toLowerCase()];
  if (!patchType) throw new CommandError(`error: --type must be one of [json merge strategic], not ${JSON.stringify(typeName)}`);
  let raw = text;
  if (file) {
    const files = k.deps.files;
    if (!files) throw new CommandError('error: this terminal cannot read files');
    try {
      raw = await files.readFile(file);
    } catch {
      throw new CommandError(`error: unable to read patch file: open ${file}: no such file or directory`);
    }
  }
  const body = yamlToJson(k, raw, text);
  const sub = flags.str('subresource');
  const { infos, errors } = await resourceInfos(k, flags, flags.positional, 'kubectl patch', { local });
  let count = 0;
  for (const info of infos) {
    count++;
    if (sub && !local) {
      const got = await k.send('GET', resourcePath(info.type, info.namespace, info.name, sub));
      if (got.status >= 400) {
        errors.push({ status: got.body });
        continue;
      }
      info.obj = clone(got.body as KubeObject);
    }
    if (!local && dry !== 'client') {
      const r = await k.send('PATCH', resourcePath(info.type, info.namespace, info.name, sub || undefined), writeQuery(dry, flags.str('field-manager', 'kubectl-patch')), body, patchType.contentType);
      if (r.status >= 400) {
        if (r.status === 415) errors.push(`${patchType.contentType} is not supported by ${info.type.group ? `${info.type.group}/` : ''}${info.type.version}, Kind=${info.type.kind}: ${(r.body as { message?: string }).message ?? ''}`);
        else errors.push({ status: r.body });
        continue;
      }
      const patched = r.body as KubeObject;
      const kind = sub ? typeOfBody(patched, info) : info.type;
      printOperation(k, flags, kind, patched, jsonEqual(info.obj, patched) ? 'patched (no change)' : 'patched');
      continue;
    }
    const target = patchLocally(info, patchType.mechanism, body);
    printOperation(k, flags, info.type, target, jsonEqual(info.obj, target) ? 'patched (no change)' : 'patched');
  }
  finish(errors);
  if (count === 0) throw new CommandError('error: no objects passed to patch');
}

/** The group and kind of an answer (a subresource answers another kind: `scale.autoscaling/web`). */
function typeOfBody(obj: KubeObject, info: Info): { group: string; kind: string } {
  const apiVersion = obj.apiVersion ?? '';
  return { group: apiVersion.includes('/') ? (apiVersion.split('/')[0] as string) : '', kind: obj.kind ?? info.type.kind };
}
