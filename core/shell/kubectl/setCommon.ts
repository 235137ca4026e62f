/**
 * What the `kubectl set` subcommands share: the pod spec of an object with a pod template
 * (polymorphichelpers.UpdatePodSpecForObject), container selection with `*` wildcards, the
 * strategic merge patch of a change (CalculatePatch), and sending it with `fieldManager=kubectl-set`.
 */
import type { KubeObject } from '../../api/types';
import type { Kubectl } from './context';
import { CommandError } from './errors';
import type { Flags, FlagSpecs } from './flags';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, finish, objectName, printOperation, resourceInfos, writeQuery, type DryRun, type Failure, type Info } from './mutate';
import { resourcePath } from './discovery';
import { clone } from './resources';
import { kindSchema, twoWayMergePatch } from './twoWay';

/** The flags every `set` subcommand has. */
export const SET_FLAGS: FlagSpecs = { ...PRINT_FLAGS, ...FILENAME_FLAGS, ...DRY_RUN_FLAG, local: { kind: 'bool' }, 'field-manager': { kind: 'string' }, record: { kind: 'bool' } };

/** A container of a pod spec, as JSON. */
export interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  [key: string]: unknown;
}

/** An environment variable of a container. */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Record<string, Record<string, string>>;
}

/** A pod spec, as JSON. */
export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  serviceAccountName?: string;
  [key: string]: unknown;
}

const TEMPLATED = new Set(['/ReplicationController', 'apps/Deployment', 'apps/DaemonSet', 'apps/ReplicaSet', 'apps/StatefulSet', 'batch/Job', 'extensions/Deployment', 'extensions/DaemonSet', 'extensions/ReplicaSet']);

/** The Go type kubectl names in "the object is not a pod ...: *v1.Service". */
function goType(info: Info): string {
  const group = info.type.group.split('.')[0] ?? '';
  return `*${group && group !== 'core' ? group : ''}${info.type.version}.${info.type.kind}`;
}

/** The pod spec of an object (created where a template has none), or kubectl's error. */
export function podSpecOf(info: Info): PodSpec {
  const obj = info.obj as unknown as { spec?: Record<string, unknown> };
  const key = `${info.type.group}/${info.type.kind}`;
  if (key === '/Pod') return (obj.spec ??= {}) as PodSpec;
  const spec = (obj.spec ??= {});
  if (TEMPLATED.has(key)) {
    const template = (spec['template'] ??= {}) as Record<string, unknown>;
    return (template['spec'] ??= {}) as PodSpec;
  }
  if (key === 'batch/CronJob') {
    const job = (spec['jobTemplate'] ??= {}) as Record<string, unknown>;
    const jobSpec = (job['spec'] ??= {}) as Record<string, unknown>;
    const template = (jobSpec['template'] ??= {}) as Record<string, unknown>;
    return (template['spec'] ??= {}) as PodSpec;
  }
  throw new Error(`the object is not a pod or does not have a pod template: ${goType(info)}`);
}

/** selectString: whether a container name matches a spec with non-greedy `*` wildcards. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}

/** The containers (then init containers) a `-c` spec selects. */
export function selectContainers(spec: PodSpec, selector: string): Container[] {
  return [...(spec.containers ?? []).filter((c) => selectString(c.name, selector)), ...(spec.initContainers ?? []).filter((c) => selectString(c.name, selector))];
}

/** The outcome of changing one object. */
export interface Change {
  info: Info;
  /** The error of the change (`error: deployments/web ...`). */
  error?: string;
  /** The strategic merge patch of the change; empty when nothing changed. */
  patch: Record<string, unknown>;
}

/** CalculatePatches: applies `mutate` to each object and computes its patch; `mutate` answering false leaves an object out. */
export function calculatePatches(infos: Info[], mutate: (info: Info) => boolean | void): Change[] {
  const out: Change[] = [];
  for (const info of infos) {
    const before = clone(info.obj) as unknown as Record<string, unknown>;
    let changed: boolean | void;
    try {
      changed = mutate(info);
    } catch (e) {
      out.push({ info, error: (e as Error).message, patch: {} });
      continue;
    }
    if (changed === false) continue;
    out.push({ info, patch: twoWayMergePatch(before, info.obj as unknown as Record<string, unknown>, kindSchema(info.type.group, info.type.version, info.type.kind)) });
  }
  return out;
}

/** How one `set` subcommand reports. */
export interface SendOptions {
  flags: Flags;
  dry: DryRun;
  operation: string;
  /** "failed to patch image update to pod template: " (the server's message follows); without it the Status is the error. */
  failedPrefix?: string;
  /** Whether an empty patch is still sent (set selector, set serviceaccount) rather than skipped. */
  sendEmpty?: boolean;
}

/** Sends the patches (or prints the changed objects on a client dry run or `--local`); answers the errors met. */
export async function sendPatches(k: Kubectl, changes: Change[], o: SendOptions, after?: () => string | undefined): Promise<Failure[]> {
  const failures: Failure[] = [];
  for (const c of changes) {
    if (c.error !== undefined) {
      failures.push(`error: ${objectName(c.info)} ${c.error}\n`);
      continue;
    }
    if (!o.sendEmpty && Object.keys(c.patch).length === 0) continue;
    if (o.flags.bool('local') || o.dry === 'client') {
      printOperation(k, o.flags, c.info.type, c.info.obj, o.operation, o.dry, { struct: true, blankLine: true });
      continue;
    }
    const r = await k.send('PATCH', resourcePath(c.info.type, c.info.namespace, c.info.name), writeQuery(o.dry, o.flags.str('field-manager', 'kubectl-set')), c.patch, 'application/strategic-merge-patch+json');
    if (r.status >= 400) {
      failures.push(o.failedPrefix === undefined ? { status: r.body } : `${o.failedPrefix}${(r.body as { message?: string }).message ?? ''}`);
      continue;
    }
    const late = after?.();
    if (late) throw new CommandError(late);
    printOperation(k, o.flags, c.info.type, r.body as KubeObject, o.operation, o.dry, { struct: true, blankLine: true });
  }
  return failures;
}

/** The objects a `set` subcommand changes (`--local` reads only the `-f` files). */
export async function setInfos(k: Kubectl, flags: Flags, resources: string[], command: string): Promise<Info[]> {
  const local = flags.bool('local');
  if (local && resources.length > 0) throw new CommandError('error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'');
  const { infos, errors } = await resourceInfos(k, flags, resources, command, { latest: !local, local, all: flags.bool('all'), selector: flags.str('selector') || undefined });
  finish(errors);
  return infos;
}
