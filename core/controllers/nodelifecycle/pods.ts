/**
 * What the node lifecycle controller does to the pods of a node that is not Ready
 * (pkg/controller/util/node MarkPodsNotReady): their Ready condition becomes False — so that
 * Services stop sending them traffic — with a `NodeNotReady` warning on each pod.
 */
import { isStatusError } from '../../api/status';
import type { Condition, Pod } from '../../api/types';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/events';
import { clone, timestamp } from '../util/pods';

/**
 * podutil.UpdatePodCondition: sets `cond` in the status (keeping the transition time when the
 * status does not change); whether anything changed.
 */
export function updatePodCondition(status: NonNullable<Pod['status']>, cond: Condition, now: number): boolean {
  const conditions = (status.conditions ??= []);
  const i = conditions.findIndex((c) => c.type === cond.type);
  const next: Condition = { ...cond, lastTransitionTime: timestamp(now) };
  if (next.lastProbeTime === undefined) next.lastProbeTime = null;
  if (i < 0) {
    conditions.push(next);
    return true;
  }
  const old = conditions[i] as Condition;
  if (old.status === next.status) next.lastTransitionTime = old.lastTransitionTime ?? null;
  const same =
    old.status === next.status &&
    (old.reason ?? '') === (next.reason ?? '') &&
    (old.message ?? '') === (next.message ?? '') &&
    (old.lastProbeTime ?? null) === (next.lastProbeTime ?? null) &&
    (old.lastTransitionTime ?? null) === (next.lastTransitionTime ?? null);
  conditions[i] = next;
  return !same;
}

/** MarkPodsNotReady: the pods of `nodeName` whose Ready condition is not False yet get it False; resolves the errors met. */
export async function markPodsNotReady(client: Client, recorder: EventRecorder, pods: Pod[], nodeName: string, now: number): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const original of pods) {
    if (original.spec.nodeName !== nodeName) continue;
    const pod = clone(original);
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    if (!pod.status || !ready) continue;
    if (!updatePodCondition(pod.status, { ...ready, status: 'False' }, now)) continue;
    try {
      await client.update({ resource: 'pods', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', subresource: 'status' }, pod);
    } catch (e) {
      if (isStatusError(e, 'NotFound')) continue;
      errors.push(e);
    }
    // Recorded after the update, so that the pod still exists.
    recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
  return errors;
}
