/**
 * manageReplicas (replica_set.go) and the pod control it uses (controller.RealPodControl):
 * too few pods — create the missing ones from the template in slow-start batches (1, 2, 4, …;
 * a failed batch stops the rest), at most 500 per sync; too many — delete the surplus, the
 * pods ranked first for deletion. Each create and delete is announced by an event
 * (`SuccessfulCreate` "Created pod: NAME", `FailedCreate` "Error creating: ...",
 * `SuccessfulDelete` "Deleted pod: NAME", `FailedDelete` "Error deleting: ...") and expected,
 * so that the informer's echo of it is not mistaken for a new need.
 */
import { isStatusError } from '../../api/status';
import type { Pod } from '../../api/types';
import type { ControllerContext } from '../manager';
import type { EventRecorder } from '../../client/events';
import { controllerRef } from '../util/controllerRef';
import type { ControllerExpectations } from '../util/expectations';
import { podFromTemplate, podNamePrefix } from '../util/pods';
import type { ReplicaKind, ReplicaOwner } from './kinds';
import { podsToDelete } from './ranking';

/** BurstReplicas: the most pods one sync creates or deletes. */
export const BURST_REPLICAS = 500;
/** SlowStartInitialBatchSize. */
export const SLOW_START_INITIAL_BATCH = 1;

/**
 * slowStartBatch: calls `fn` `count` times in batches of 1, 2, 4, …, each batch at once; after a
 * batch with a failure no more batches run. Answers the successes and the first error.
 */
export async function slowStartBatch(count: number, initial: number, fn: () => Promise<void>): Promise<{ successes: number; error?: unknown }> {
  let remaining = count;
  let successes = 0;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: size }, () => fn()));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    successes += size - failures.length;
    if (failures.length > 0) return { successes, error: failures[0]?.reason };
    remaining -= size;
  }
  return { successes };
}

/** Whether the API server refused a create because the namespace is terminating. */
export function namespaceTerminating(e: unknown): boolean {
  return isStatusError(e) && (e.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');
}

/** What manageReplicas works with. */
export interface ManageContext {
  ctx: ControllerContext;
  kind: ReplicaKind;
  recorder: EventRecorder;
  expectations: ControllerExpectations;
  /** Pods of owners under the same controller as this one (getIndirectlyRelatedPods). */
  relatedPods(owner: ReplicaOwner): Pod[];
}

function ownerKey(owner: ReplicaOwner): string {
  return `${owner.metadata.namespace ?? ''}/${owner.metadata.name ?? ''}`;
}

/** The owner as its events name it (kind and apiVersion set). */
function typed(m: ManageContext, owner: ReplicaOwner): ReplicaOwner {
  return { ...owner, apiVersion: m.kind.apiVersion, kind: m.kind.kind };
}

/** CreatePods: one pod from the owner's template; records the event. */
async function createPod(m: ManageContext, owner: ReplicaOwner): Promise<void> {
  const ns = owner.metadata.namespace ?? '';
  const template = m.kind.template(owner);
  if (!template || Object.keys(template.metadata?.labels ?? {}).length === 0) throw new Error('unable to create pods, no labels');
  const pod = podFromTemplate(template, ns, controllerRef(owner, m.kind.apiVersion, m.kind.kind), { generateName: podNamePrefix(owner.metadata.name ?? '') });
  let created: Pod;
  try {
    created = await m.ctx.client.create<Pod>({ resource: 'pods', namespace: ns }, pod);
  } catch (e) {
    // A terminating namespace refuses every create: no event, and nothing to retry.
    if (namespaceTerminating(e)) return;
    m.recorder.event(typed(m, owner), 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
  const name = created.metadata.name ?? '';
  m.recorder.event(typed(m, owner), 'Normal', 'SuccessfulCreate', `Created pod: ${name}`);
  m.ctx.trace.emit({ component: 'kube-controller-manager', instance: m.kind.controllerName, action: 'create', object: `pods/${ns}/${name}`, message: `Created pod ${name} for ${m.kind.kind} ${ownerKey(owner)}` });
}

/** DeletePod: deletes one pod; records the event. NotFound is passed on without an event. */
async function deletePod(m: ManageContext, owner: ReplicaOwner, pod: Pod): Promise<void> {
  const ns = owner.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  try {
    await m.ctx.client.delete({ resource: 'pods', namespace: ns, name });
  } catch (e) {
    if (isStatusError(e, 'NotFound')) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    m.recorder.event(typed(m, owner), 'Warning', 'FailedDelete', `Error deleting: ${msg}`);
    throw new Error(`unable to delete pods: ${msg}`);
  }
  m.recorder.event(typed(m, owner), 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  m.ctx.trace.emit({ component: 'kube-controller-manager', instance: m.kind.controllerName, action: 'delete', object: `pods/${ns}/${name}`, message: `Deleted pod ${name} of ${m.kind.kind} ${ownerKey(owner)}` });
}

/** manageReplicas: creates or deletes pods so that the owner has spec.replicas active pods. Throws the first failure. */
export async function manageReplicas(m: ManageContext, owner: ReplicaOwner, pods: Pod[]): Promise<void> {
  const key = ownerKey(owner);
  const diff = pods.length - m.kind.replicas(owner);
  if (diff < 0) {
    const count = Math.min(-diff, BURST_REPLICAS);
    m.expectations.expectCreations(key, count);
    const { successes, error } = await slowStartBatch(count, SLOW_START_INITIAL_BATCH, () => createPod(m, owner));
    // The pods never attempted (or refused) will not be observed: stop expecting them.
    for (let i = successes; i < count; i++) m.expectations.creationObserved(key);
    if (error !== undefined) throw error;
    return;
  }
  if (diff > 0) {
    const count = Math.min(diff, BURST_REPLICAS);
    const victims = podsToDelete(pods, m.relatedPods(owner), count, m.ctx.clock.now());
    m.expectations.expectDeletions(key, victims.map((p) => `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`));
    const results = await Promise.allSettled(victims.map((p) => deletePod(m, owner, p)));
    let first: unknown;
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') return;
      const p = victims[i] as Pod;
      m.expectations.deletionObserved(key, `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`);
      if (!isStatusError(r.reason, 'NotFound') && first === undefined) first = r.reason;
    });
    if (first !== undefined) throw first;
  }
}
