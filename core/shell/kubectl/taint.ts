/**
 * `kubectl taint nodes NAME|--all|-l SEL KEY[=VALUE]:EFFECT ... KEY[:EFFECT]-`: adds, overwrites
 * (`--overwrite`) and removes taints, sending the two-way strategic merge patch of the node with
 * `fieldManager=kubectl-taint`; `tainted`, `untainted` or `modified`, and kubectl's errors for a
 * bad spec, a duplicate, a taint not found, an existing one without `--overwrite`.
 */
import type { KubeObject } from '../../api/types';
import { dns1123Subdomain, labelValue } from '../../api/validation';
import type { Kubectl } from './context';
import { resourcePath, type ApiType } from './discovery';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { DRY_RUN_FLAG, PRINT_FLAGS, dryRunOf, finish, printOperation, validationOf, writeQuery, type Failure } from './mutate';
import { clone, listObjects } from './resources';
import { kindSchema, twoWayMergePatch } from './twoWay';

/** A node taint. */
export interface Taint {
  key: string;
  value?: string;
  effect?: string;
  timeAdded?: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_ERROR = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** validation.IsQualifiedName: problems with a key (`prefix/name`). */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  const errs: string[] = [];
  let name = value;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    name = parts[1] as string;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123Subdomain(prefix).map((e) => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return [`a qualified name ${QUALIFIED_ERROR} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push('name part must be no more than 63 characters');
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${QUALIFIED_ERROR}`);
  return errs;
}

/** Taint.ToString(). */
export function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = spec;
  else if (parts.length === 2) {
    effect = parts[1] as string;
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = (parts[0] as string).split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${spec}`);
    key = kv[0] as string;
    if (kv.length === 2) {
      value = kv[1] as string;
      const errs = labelValue(value);
      if (errs.length > 0) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else throw new Error(`invalid taint spec: ${spec}`);
  const errs = qualifiedNameErrors(key);
  if (errs.length > 0) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
  return { key, ...(value ? { value } : {}), ...(effect ? { effect } : {}) };
}

/** parseTaints: the taints to add and to remove. */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const unique = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, ...(t.effect ? { effect: t.effect } : {}) });
      continue;
    }
    const t = parseTaint(spec);
    if (!t.effect) throw new Error(`invalid taint spec: ${spec}`);
    const id = `${t.effect}\u0000${t.key}`;
    if (unique.has(id)) throw new Error(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
    unique.add(id);
    add.push(t);
  }
  return { add, remove };
}

const matches = (a: Taint, b: Taint) => a.key === b.key && (a.effect ?? '') === (b.effect ?? '');

/** reorganizeTaints: the node's new taints and the operation (`tainted`, `untainted`, `modified`). */
export function reorganizeTaints(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { operation: string; taints: Taint[]; errors: string[] } {
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => matches(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !matches(r, t) : t.key !== r.key));
    removed = taints.length !== before;
    if (!removed) errors.push(`taint ${JSON.stringify(taintString(r))} not found`);
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

/** `kubectl taint`. */
export async function taint(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl taint', args, {
      ...PRINT_FLAGS,
      ...DRY_RUN_FLAG,
      validate: { kind: 'string', noOptDefault: 'strict' },
      selector: { kind: 'string', short: 'l' },
      overwrite: { kind: 'bool' },
      all: { kind: 'bool' },
      'field-manager': { kind: 'string' },
    }),
  );
  const dry = dryRunOf(k, flags);
  const fieldValidation = validationOf(flags);
  const resources: string[] = [];
  const specs: string[] = [];
  for (const a of flags.positional) {
    const isTaint = a.includes('=') || a.includes(':') || a.endsWith('-');
    if (isTaint) specs.push(a);
    else if (specs.length > 0) throw new CommandError(`error: all resources must be specified before taint changes: ${a}`);
    else resources.push(a);
  }
  if (resources.length < 1) throw new CommandError('error: one or more resources must be specified as <resource> <name>');
  if (specs.length < 1) throw new CommandError('error: at least one taint update is required');
  let parsed: { add: Taint[]; remove: Taint[] };
  try {
    parsed = parseTaints(specs);
  } catch (e) {
    throw new CommandError(`error: ${(e as Error).message}\nSee 'kubectl taint -h' for help and examples`);
  }
  const typeArg = (resources[0] as string).toLowerCase();
  const type: ApiType | undefined = await k.discovery.find(typeArg);
  if (!type) throw new CommandError(`the server doesn't have a resource type "${typeArg}"`);
  if (type.kind !== 'Node') throw new CommandError(`error: invalid resource type ${typeArg}, only node types are supported`);
  const conflicts: string[] = [];
  for (const a of parsed.add) for (const r of parsed.remove) if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect ?? ''}`);
  if (conflicts.length > 0) throw new CommandError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`);
  const selector = flags.str('selector');
  const all = flags.bool('all');
  if (all && selector) throw new CommandError("error: setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2) throw new CommandError("error: at least one resource name must be specified since 'all' parameter is not set");
  const failures: Failure[] = [];
  const nodes: KubeObject[] = [];
  if (all || selector) {
    nodes.push(...(await listObjects(k, type, undefined, selector ? { labelSelector: selector } : {})));
  } else {
    for (const name of resources.slice(1)) {
      const r = await k.send('GET', resourcePath(type, undefined, name));
      if (r.status >= 400) failures.push({ status: r.body });
      else nodes.push(clone(r.body as KubeObject));
    }
  }
  const schema = kindSchema('', 'v1', 'Node');
  for (const node of nodes) {
    const spec = ((node as { spec?: Record<string, unknown> }).spec ?? {}) as { taints?: Taint[] };
    const old = spec.taints ?? [];
    if (!flags.bool('overwrite')) {
      const exists = parsed.add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (exists.length > 0) {
        failures.push(`node ${node.metadata.name ?? ''} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
        continue;
      }
    }
    const { operation, taints, errors } = reorganizeTaints(old, flags.bool('overwrite'), parsed.add, parsed.remove);
    if (errors.length > 0) {
      failures.push(...errors);
      continue;
    }
    const before = node as unknown as Record<string, unknown>;
    const after = clone(before) as { spec?: Record<string, unknown> };
    after.spec = { ...(after.spec ?? {}) };
    if (taints.length > 0) after.spec['taints'] = taints;
    else delete after.spec['taints'];
    const patch = twoWayMergePatch(before, after as Record<string, unknown>, schema);
    if (dry === 'client') {
      printOperation(k, flags, type, after as unknown as KubeObject, operation, 'none', { blankLine: true });
      continue;
    }
    const r = await k.send('PATCH', resourcePath(type, undefined, node.metadata.name), writeQuery(dry, flags.str('field-manager', 'kubectl-taint'), fieldValidation), patch, 'application/strategic-merge-patch+json');
    if (r.status >= 400) {
      failures.push({ status: r.body });
      continue;
    }
    printOperation(k, flags, type, r.body as KubeObject, operation, 'none', { struct: true, blankLine: true });
  }
  finish(failures);
}
