/**
 * Runs setup actions (and the API equivalents of solution lines) through the API server:
 * `apply` creates each object or merge-patches it when it exists (as `kubectl apply` would
 * leave it), `patch` merge-patches, `delete` deletes by name or selector; the clock, faults
 * and workspace files go through the host's effects.
 */
import type { FaultRequest } from '../faults';
import { StatusError } from '../api/status';
import type { KubeObject } from '../api/types';
import type { Client } from '../client/client';
import { refOf, resolveKind, resolveResource } from './resources';
import type { Action, ObjectTarget } from './types';

/** What the host lets lessons do outside the Kubernetes API. */
export interface LessonEffects {
  /** Acts on the lab clock (`{action: 'step', duration: '5m'}` ...). */
  clock?(action: { action: 'pause' | 'resume' | 'speed' | 'step'; speed?: number; duration?: string }): void | Promise<void>;
  /** Stops or starts a node or a control-plane component. */
  fault?(f: FaultRequest): void | Promise<void>;
  /** Writes a file into the student's workspace (the shell's working directory). */
  writeFile?(path: string, content: string): void | Promise<void>;
}

/** What running actions needs. */
export interface ActionDeps {
  client: Client;
  effects: LessonEffects;
  /** Parses a YAML stream into its documents (the host brings the YAML library). */
  parseYaml?: (text: string) => unknown[];
}

function code(e: unknown): number | undefined {
  return e instanceof StatusError ? e.status.code : undefined;
}

/** The objects of an `apply` action. */
export function applyObjects(action: { apply: string; objects?: KubeObject[] }, parseYaml?: (text: string) => unknown[]): KubeObject[] {
  if (action.objects) return action.objects;
  if (!parseYaml) throw new Error('an apply action needs its YAML parsed (no YAML parser was given)');
  return parseYaml(action.apply).filter((d): d is KubeObject => d !== null && typeof d === 'object');
}

/** Creates or merge-patches one object. */
export async function applyObject(client: Client, obj: KubeObject): Promise<void> {
  const t = resolveKind(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
  if (!t) throw new Error(`unknown kind ${String(obj.apiVersion)}/${String(obj.kind)}`);
  const name = obj.metadata?.name;
  if (!name) throw new Error(`a ${t.kind} to apply needs metadata.name`);
  const ns = t.namespaced ? (obj.metadata.namespace ?? 'default') : undefined;
  const body: KubeObject = { ...obj, metadata: { ...obj.metadata, ...(ns ? { namespace: ns } : {}) } };
  try {
    await client.create(refOf(t, ns), body);
  } catch (e) {
    if (code(e) !== 409) throw e;
    const { status: _status, ...rest } = body;
    void _status;
    await client.patch(refOf(t, ns, name), rest, 'application/merge-patch+json');
  }
}

async function deleteTarget(client: Client, target: ObjectTarget): Promise<void> {
  const t = resolveResource(target.resource);
  if (!t) throw new Error(`unknown resource "${target.resource}"`);
  const ns = t.namespaced ? (target.namespace ?? 'default') : undefined;
  const names = target.name
    ? [target.name]
    : (await client.list<KubeObject>(refOf(t, ns), target.selector ? { labelSelector: target.selector } : {})).items.map((o) => o.metadata.name as string);
  for (const name of names) {
    try {
      await client.delete(refOf(t, ns, name), { propagationPolicy: 'Background' });
    } catch (e) {
      if (code(e) !== 404) throw e;
    }
  }
}

/** Runs actions in order; `wait` actions are left to the caller (`onWait`), ignored without one. */
export async function runActions(deps: ActionDeps, actions: Action[], onWait?: (duration: string) => Promise<void>): Promise<void> {
  for (const a of actions) {
    if ('apply' in a) {
      for (const obj of applyObjects(a, deps.parseYaml)) await applyObject(deps.client, obj);
    } else if ('patch' in a) {
      const t = resolveResource(a.patch.resource);
      if (!t) throw new Error(`unknown resource "${a.patch.resource}"`);
      await deps.client.patch(refOf(t, t.namespaced ? (a.patch.namespace ?? 'default') : undefined, a.patch.name), a.body, 'application/merge-patch+json');
    } else if ('delete' in a) await deleteTarget(deps.client, a.delete);
    else if ('clock' in a) {
      if (!deps.effects.clock) throw new Error('this host cannot act on the clock');
      await deps.effects.clock(a.clock);
    } else if ('fault' in a) {
      if (!deps.effects.fault) throw new Error('this host cannot inject faults');
      await deps.effects.fault(a.fault);
    } else if ('file' in a) {
      if (!deps.effects.writeFile) throw new Error('this host has no workspace');
      await deps.effects.writeFile(a.file.path, a.file.content);
    } else if ('wait' in a) await onWait?.(a.wait);
  }
}
