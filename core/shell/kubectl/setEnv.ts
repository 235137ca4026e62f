/**
 * `kubectl set env RESOURCE/NAME KEY=VAL ... KEY-` (`-e`, `-c`, `--from=configmap/x|secret/x`,
 * `--keys`, `--prefix`, `--overwrite`, `--list`, `--resolve`): environment variables of the
 * selected containers of a pod template, with kubectl's updateEnv semantics, warnings (`key
 * log.level transferred to LOG_LEVEL`) and errors; `env updated`.
 */
import type { Kubectl } from './context';
import { CommandError } from './errors';
import { Flags, parseFlags } from './flags';
import { dryRunOf, finish, resourceInfos, type Info } from './mutate';
import { SET_FLAGS, calculatePatches, podSpecOf, selectContainers, sendPatches, setInfos, type EnvVar } from './setCommon';
import { resourcePath } from './discovery';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** validation.IsEnvVarName. */
function envNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!ENV_NAME.test(name)) {
    errs.push("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
  }
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** envutil.ParseEnv: variables to set and names to remove; `-` reads `KEY=VALUE` lines from standard input. */
async function parseEnv(k: Kubectl, specs: string[]): Promise<{ env: EnvVar[]; remove: string[] }> {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const exists = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') {
      const stdin = k.deps.files?.stdin;
      if (!stdin) throw new CommandError("error: when '-' is used, STDIN must be open");
      for (const raw of (await stdin.call(k.deps.files)).split('\n')) {
        const line = raw.includes('#') ? raw.slice(0, raw.indexOf('#')) : raw;
        const eq = line.indexOf('=');
        if (eq >= 0) env.push({ name: line.slice(0, eq), value: line.slice(eq + 1) });
      }
      continue;
    }
    if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      const errs = envNameErrors(name);
      if (errs.length > 0) throw new CommandError(`error: ${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}`);
      exists.add(name);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new CommandError(`error: unknown environment variable: ${spec}`);
  }
  for (const r of remove) if (exists.has(r)) throw new CommandError('error: can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** updateEnv: replaces and appends `env`, drops `remove`, keeps unrelated duplicates. */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((x) => x.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** envutil.GetEnvVarRefString. */
function refString(from: Record<string, Record<string, string>>): string {
  if (from['configMapKeyRef']) return `configmap ${from['configMapKeyRef']['name'] ?? ''}, key ${from['configMapKeyRef']['key'] ?? ''}`;
  if (from['secretKeyRef']) return `secret ${from['secretKeyRef']['name'] ?? ''}, key ${from['secretKeyRef']['key'] ?? ''}`;
  if (from['fieldRef']) return `field path ${from['fieldRef']['fieldPath'] ?? ''}`;
  if (from['resourceFieldRef']) {
    const c = from['resourceFieldRef']['containerName'];
    return `resource field ${c ? `${c}/` : ''}${from['resourceFieldRef']['resource'] ?? ''}`;
  }
  return 'invalid valueFrom';
}

/** The variables of `--from=configmap/x|secret/x` (keys in sorted order: kubectl's follow Go's map order). */
async function envFrom(k: Kubectl, flags: Flags): Promise<EnvVar[]> {
  const { infos, errors } = await resourceInfos(k, flags, [flags.str('from')], 'kubectl set env', { latest: true });
  finish(errors);
  const keys = flags.list('keys').flatMap((x) => x.split(','));
  const out: EnvVar[] = [];
  for (const info of infos) {
    const kind = info.type.group === '' ? info.type.kind : '';
    if (kind !== 'Secret' && kind !== 'ConfigMap') throw new CommandError('error: unsupported resource specified in --from');
    const data = ((info.obj as unknown as { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
    for (const key of Object.keys(data).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
      if (name !== key) k.io.err(`Warning: key ${key} transferred to ${name}\n`);
      const ref = kind === 'Secret' ? 'secretKeyRef' : 'configMapKeyRef';
      out.push({ name, valueFrom: { [ref]: { name: info.name, key } } });
    }
  }
  return out;
}

/** Resolves a reference for `--list --resolve`. */
async function resolveRef(k: Kubectl, info: Info, from: Record<string, Record<string, string>>): Promise<string> {
  for (const [ref, resource] of [['configMapKeyRef', 'configmaps'], ['secretKeyRef', 'secrets']] as const) {
    const sel = from[ref];
    if (!sel) continue;
    const r = await k.send('GET', resourcePath({ group: '', version: 'v1', resource, namespaced: true } as never, info.namespace, sel['name']));
    if (r.status >= 400) throw new Error((r.body as { message?: string }).message ?? '');
    const data = ((r.body as { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
    const value = data[sel['key'] ?? ''];
    if (value === undefined) throw new Error(`key ${sel['key'] ?? ''} not found in ${resource === 'configmaps' ? 'config map' : 'secret'} ${sel['name'] ?? ''}`);
    return resource === 'secrets' ? decodeBase64(value) : value;
  }
  const path = from['fieldRef']?.['fieldPath'];
  if (path) {
    const meta = info.obj.metadata;
    if (path === 'metadata.name') return meta.name ?? '';
    if (path === 'metadata.namespace') return meta.namespace ?? '';
  }
  throw new Error('unsupported reference');
}

function decodeBase64(s: string): string {
  const table = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of s.replace(/=+$/, '')) {
    const v = table.indexOf(ch);
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** `kubectl set env`. */
export async function setEnv(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(
    parseFlags('kubectl set env', args, {
      ...SET_FLAGS,
      all: { kind: 'bool' },
      selector: { kind: 'string', short: 'l' },
      containers: { kind: 'string', short: 'c' },
      from: { kind: 'string' },
      prefix: { kind: 'string' },
      env: { kind: 'strings', short: 'e' },
      keys: { kind: 'strings' },
      list: { kind: 'bool' },
      resolve: { kind: 'bool' },
      overwrite: { kind: 'bool' },
    }),
  );
  if (flags.bool('all') && flags.str('selector')) throw new CommandError('error: cannot set --all and --selector at the same time');
  const positional = flags.positional;
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of positional) {
    const isEnv = /^.+=/s.test(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length > 0) throw new CommandError(`error: all resources must be specified before environment changes: ${positional.join(' ')}`);
    else resources.push(s);
  }
  const dry = dryRunOf(k, flags);
  if (flags.bool('local') && dry === 'server') throw new CommandError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (flags.list('filename').length === 0 && resources.length < 1) throw new CommandError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (flags.bool('list') && flags.str('output')) throw new CommandError('error: --list and --output may not be specified together');
  if (flags.list('keys').length > 0 && !flags.str('from')) throw new CommandError('error: when specifying --keys, a configmap or secret must be provided with --from');
  const { env, remove } = await parseEnv(k, [...flags.list('env'), ...envArgs]);
  if (flags.str('from')) env.push(...(await envFrom(k, flags)));
  if (flags.str('prefix')) for (const e of env) e.name = `${flags.str('prefix')}${e.name}`;
  const infos = await setInfos(k, flags, resources, 'kubectl set env');
  const selector = flags.str('containers', '*');
  const overwrite = flags.bool('overwrite', true);
  const changes = calculatePatches(infos, (info) => {
    const spec = podSpecOf(info);
    const containers = selectContainers(spec, selector);
    if (containers.length === 0) {
      k.io.err(`Warning: ${info.type.kind}/${info.name} does not have any containers matching ${JSON.stringify(selector)}\n`);
      return;
    }
    for (const c of containers) {
      if (!overwrite) {
        for (const e of env) {
          const current = (c.env ?? []).find((x) => x.name === e.name);
          if (current && (current.value ?? '') !== (e.value ?? '')) throw new Error(`'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`);
        }
      }
      const updated = updateEnv(c.env ?? [], env, remove);
      if (updated.length > 0) c.env = updated;
      else delete c.env;
    }
  });
  if (flags.bool('list')) {
    for (const c of changes) {
      const spec = podSpecOf(c.info);
      for (const container of selectContainers(spec, selector)) {
        k.io.out(`# ${c.info.type.kind} ${c.info.name}, container ${container.name}\n`);
        const errors = new Map<string, string[]>();
        for (const e of container.env ?? []) {
          if (!e.valueFrom) {
            k.io.out(`${e.name}=${e.value ?? ''}\n`);
            continue;
          }
          if (!flags.bool('resolve')) {
            k.io.out(`# ${e.name} from ${refString(e.valueFrom)}\n`);
            continue;
          }
          try {
            k.io.out(`${e.name}=${await resolveRef(k, c.info, e.valueFrom)}\n`);
          } catch (err) {
            k.io.out(`# ${e.name} from ${refString(e.valueFrom)}\n`);
            const msg = (err as Error).message;
            errors.set(msg, [...(errors.get(msg) ?? []), e.name]);
          }
        }
        const lines = [...errors].map(([msg, vars]) => `error retrieving reference for ${vars.sort().join(', ')}: ${msg}`).sort();
        for (const l of lines) k.io.err(`${l}\n`);
      }
    }
    return;
  }
  const noVars = env.length === 0 && envArgs.length === 0;
  const failures = await sendPatches(k, changes, { flags, dry, operation: 'env updated', failedPrefix: 'failed to patch env update to pod template: ' }, () => (noVars ? 'error: at least one environment variable must be provided' : undefined));
  finish(failures);
}
