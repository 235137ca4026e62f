/**
 * `kubectl wait (TYPE NAME | TYPE/NAME | TYPE -l SEL | TYPE --all | -f FILE)
 * --for=condition=C[=V] | --for=jsonpath='{...}'[=V] | --for=delete | --for=create [--timeout=30s]`
 * as kubectl 1.32 waits: each object in turn, listed then watched (field selector on its name)
 * until the condition holds (`pod/x condition met`), with one deadline for all; on time out
 * `timed out waiting for the condition on pods/x`; `--timeout=0` checks once (`condition not met
 * for pods/x`), a negative timeout waits a week. Errors of several objects are printed together
 * at the end, as kubectl aggregates them. Ctrl-C ends the wait with exit code 1.
 *
 * Time: `--timeout` is the client's wall time, not the lab clock (which may run fast or be
 * paused), so the deadline is a `deps.sleep` timer; a front end without `sleep` gives a wait no
 * time to wait (it checks what the first list shows, then times out).
 */
import { parseGoDuration } from '../../api/duration';
import type { KubeObject } from '../../api/types';
import { formatFloatG } from '../printers/goFormat';
import { findValues } from '../printers/jsonpath';
import { parseOutputWith, printObjects, type OutputFormat } from '../printers/output';
import type { Kubectl } from './context';
import { typeOf } from './create';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags, usageHint } from './flags';
import { readManifests } from './manifests';
import { selectResources } from './resources';
import { deadline, Interrupted, WaitError, Waiter, type Info } from './watchUntil';

type Check = (obj: Record<string, unknown>) => boolean;
interface Condition {
  kind: 'delete' | 'create' | 'check';
  check?: Check;
  /** What kubectl prints when a watch event is an ERROR. */
  watchError?: string;
}

/** splitJSONPathInput: splits at single `=`, keeping `==`. */
function splitOnEquals(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  return [...out, cur];
}

/** A value as Go's `%v` prints an unstructured scalar. */
function scalarText(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : formatFloatG(v);
  if (v === null || v === undefined) return '<nil>';
  return String(v);
}

/** conditionFuncFor: the `--for` value as a check; throws kubectl's error text. */
export function parseCondition(forValue: string): Condition {
  const lower = forValue.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (forValue.startsWith('condition=')) {
    let name = forValue.slice('condition='.length);
    let want = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) {
      want = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const check: Check = (obj) => {
      const status = obj['status'] as { conditions?: unknown; observedGeneration?: unknown } | undefined;
      if (!Array.isArray(status?.conditions)) return false;
      for (const c of status.conditions as Record<string, unknown>[]) {
        if (typeof c['type'] !== 'string' || c['type'].toLowerCase() !== name.toLowerCase() || typeof c['status'] !== 'string') continue;
        const generation = (obj['metadata'] as { generation?: unknown } | undefined)?.generation;
        const observed = typeof c['observedGeneration'] === 'number' ? c['observedGeneration'] : status?.observedGeneration;
        if (typeof generation === 'number' && typeof observed === 'number' && observed < generation) return false;
        return c['status'].toLowerCase() === want.toLowerCase();
      }
      return false;
    };
    return { kind: 'check', check, watchError: 'error: An error occurred while waiting for the condition to be satisfied: ' };
  }
  if (forValue.startsWith('jsonpath=')) {
    const parts = splitOnEquals(forValue.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2) throw new CommandError("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    const expr = parts[0] as string;
    let path = '';
    if (expr !== '') {
      const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
      if (!m) throw new CommandError("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
      path = `.${m[1] ?? m[2] ?? ''}`;
    }
    let want: string | undefined;
    if (parts.length === 2) {
      want = (parts[1] as string).replace(/^['"]+|['"]+$/g, '');
      if (want === '') throw new CommandError("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    }
    if (path === '') throw new CommandError('error: jsonpath expression cannot be empty');
    const check: Check = (obj) => {
      const values = findValues(path, obj);
      if (values.length === 0) return false;
      if (values.length > 1) throw new WaitError('given jsonpath expression matches more than one value');
      if (want === undefined) return true;
      const v = values[0];
      if (typeof v === 'object' && v !== null) throw new WaitError('jsonpath leads to a nested object or list which is not supported');
      return scalarText(v).trim() === want.trim();
    };
    return { kind: 'check', check, watchError: 'error: An error occurred while waiting for the condition to be satisfied: ' };
  }
  throw new CommandError(`error: unrecognized condition: "${forValue}"`);
}

/** The objects the arguments name, in kubectl's visiting order, each found or with its error. */
async function findObjects(k: Kubectl, flags: Flags): Promise<Info[]> {
  const ns = k.namespace(flags);
  const out: Info[] = [];
  const get = async (type: ApiType, namespace: string, name: string) => {
    const r = await k.send('GET', resourcePath(type, namespace, name));
    if (r.status >= 400) out.push({ type, namespace, name, error: new WaitError(serverError(r.body), true), notFound: r.status === 404 });
    else out.push({ type, namespace, name, obj: r.body as KubeObject });
  };
  const files = flags.list('filename');
  if (files.length > 0) {
    for (const m of await readManifests(k, files, flags.bool('recursive', true))) {
      const type = await typeOf(k, m.obj, m.source);
      await get(type, m.obj.metadata.namespace ?? ns, m.obj.metadata.name ?? '');
    }
    return out;
  }
  const selections = await selectResources(k, flags.positional, 'kubectl wait');
  const selector = flags.str('selector');
  const fieldSelector = flags.str('field-selector');
  const all = flags.bool('all-namespaces');
  for (const s of selections) {
    if (s.names.length > 0) {
      for (const name of s.names) await get(s.type, ns, name);
      continue;
    }
    if (!selector && !fieldSelector && !flags.bool('all')) throw new CommandError('error: resource(s) were provided, but no name was specified');
    const query: Record<string, string> = {};
    if (selector) query['labelSelector'] = selector;
    if (fieldSelector) query['fieldSelector'] = fieldSelector;
    const r = await k.send('GET', resourcePath(s.type, s.type.namespaced && !all ? ns : undefined), query);
    if (r.status >= 400) throw new CommandError(serverError(r.body));
    for (const o of (r.body as { items?: KubeObject[] }).items ?? []) out.push({ type: s.type, namespace: o.metadata.namespace ?? ns, name: o.metadata.name ?? '', obj: o });
  }
  return out;
}

/** `kubectl wait`. */
export async function wait(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl wait', args, {
      for: { kind: 'string' },
      timeout: { kind: 'string' },
      selector: { kind: 'string', short: 'l' },
      'field-selector': { kind: 'string' },
      'all-namespaces': { kind: 'bool', short: 'A' },
      all: { kind: 'bool' },
      local: { kind: 'bool' },
      filename: { kind: 'strings', short: 'f' },
      recursive: { kind: 'bool', short: 'R' },
      kustomize: { kind: 'string', short: 'k' },
      output: { kind: 'string', short: 'o' },
      template: { kind: 'string' },
      'allow-missing-template-keys': { kind: 'bool' },
      'show-managed-fields': { kind: 'bool' },
    }),
  );
  let timeout = 30_000;
  if (flags.has('timeout')) {
    const raw = flags.str('timeout');
    const ms = parseGoDuration(raw.replace(/^[+-]/, ''));
    if (ms === undefined) throw new CommandError(`Error: invalid argument "${raw}" for "--timeout" flag: time: invalid duration "${raw}"\n${usageHint('kubectl wait')}`);
    timeout = raw.startsWith('-') && ms > 0 ? 168 * 3_600_000 : ms;
  }
  let format: OutputFormat | undefined;
  if (flags.str('output') || flags.str('template')) {
    try {
      format = await parseOutputWith(flags.str('output'), false, { template: flags.str('template'), allowMissingKeys: flags.bool('allow-missing-template-keys', true), out: (t) => k.io.out(t) });
    } catch (e) {
      throw new CommandError((e as Error).message);
    }
  }
  const condition = parseCondition(flags.str('for'));
  if (flags.positional.length === 0 && flags.list('filename').length === 0) {
    throw new CommandError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
  }
  // One deadline for every object: a timer of the client's wall time.
  // (kubectl wait --timeout=0 looks once: the deadline is at once.)
  const { expired, clock } = deadline(k, timeout);
  if (timeout === 0) expired.value = true;
  const waiter = new Waiter(k, expired, clock);
  const print = (info: Info, obj: Record<string, unknown>) => {
    const name = `${kindPrefix(info.type)}/${info.name}`;
    if (!format || format.kind === 'human') k.io.out(`${name} condition met\n`);
    else k.io.out(printObjects(format, [obj], true, () => name));
  };
  const errors: WaitError[] = [];
  try {
    if (condition.kind === 'create') {
      // kubectl polls every half second until every named object exists; here each missing one is watched for.
      for (;;) {
        const missing = (await findObjects(k, flags)).find((i) => i.error);
        if (!missing) break;
        if (!missing.notFound) throw new CommandError(missing.error?.message ?? '');
        try {
          await waiter.until(missing, () => true, () => undefined);
        } catch (e) {
          if (e instanceof WaitError && !e.fromServer) throw new CommandError('error: timed out waiting for the condition');
          throw e;
        }
      }
    }
    let visited = 0;
    for (const info of await findObjects(k, flags)) {
      if (info.error) {
        if (!(condition.kind === 'delete' && info.notFound)) errors.push(info.error);
        continue;
      }
      visited++;
      try {
        await waitFor(k, waiter, condition, info, timeout, print);
      } catch (e) {
        if (e instanceof WaitError) errors.push(e);
        else throw e;
      }
    }
    if (visited === 0 && errors.length === 0 && condition.kind !== 'delete') throw new CommandError('error: no matching resources found');
  } catch (e) {
    if (e instanceof Interrupted) {
      k.exit = 1;
      return;
    }
    throw e;
  }
  if (errors.length === 1) throw new CommandError((errors[0] as WaitError).fromServer ? (errors[0] as WaitError).message : `error: ${(errors[0] as WaitError).message}`);
  if (errors.length > 1) throw new CommandError(errors.map((e) => e.message).join('\n'));
}

/** Waits for one object (kubectl's ConditionFunc); prints it when its condition is met. */
async function waitFor(k: Kubectl, waiter: Waiter, condition: Condition, info: Info, timeout: number, print: (info: Info, obj: Record<string, unknown>) => void): Promise<void> {
  const obj = info.obj as unknown as Record<string, unknown>;
  const notMet = () => new WaitError(`condition not met for ${info.type.resource}/${info.name}`);
  if (condition.kind === 'create') return print(info, obj);
  if (condition.kind === 'delete') {
    if (timeout === 0) throw notMet();
    const uid = (obj['metadata'] as { uid?: string }).uid;
    await waiter.until(info, (type, o) => type === 'DELETED' || (o['metadata'] as { uid?: string }).uid !== uid, () => obj, 'error: An error occurred while waiting for the object to be deleted: ');
    return print(info, obj);
  }
  const check = condition.check as Check;
  if (timeout === 0) {
    if (!check(obj)) throw notMet();
    return print(info, obj);
  }
  const notFound = (): never => {
    throw new WaitError(`Error from server (NotFound): ${info.type.group ? `${info.type.resource}.${info.type.group}` : info.type.resource} "${info.name}" not found`, true);
  };
  print(info, await waiter.until(info, (type, o) => type !== 'DELETED' && check(o), notFound, condition.watchError));
}

