/**
 * What the Deployment controller's sync functions share (the fields of Kubernetes'
 * DeploymentController that sync.go, rolling.go, recreate.go, rollback.go and progress.go use):
 * the client, the event recorder, the clock, the ReplicaSet lister and the queue, plus the
 * writes they make. A write returns the stored object; the Deployment being synced takes the new
 * resourceVersion so that the sync's next write does not conflict with its own previous one.
 */
import type { Deployment, ReplicaSet } from '../../api/types';
import type { Clock } from '../../clock/clock';
import type { Client, ResourceRef } from '../../client/client';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';

/** The controller's name in `--controllers`, in traces, and its event source. */
export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

/** The Deployment controller as its sync functions see it. */
export interface DeploymentSyncContext {
  readonly client: Client;
  /** Records events with `source.component: deployment-controller`. */
  readonly recorder: EventRecorder;
  readonly clock: Clock;
  /** The shared ReplicaSet informer (the lister). */
  readonly replicaSets: Informer<ReplicaSet>;
  /** Queues the Deployment again after `ms` of cluster time. */
  enqueueAfter(d: Deployment, ms: number): void;
  /** Queues the Deployment again with the rate limiter's delay. */
  enqueueRateLimited(d: Deployment): void;
  /** Says what the controller did, for the dashboard's trace view. */
  trace(action: string, object: string, message: string): void;
}

/** The reference of a Deployment (or its status). */
export function deploymentRef(d: Deployment, subresource?: string): ResourceRef {
  return { group: 'apps', version: 'v1', resource: 'deployments', namespace: d.metadata.namespace ?? '', name: d.metadata.name ?? '', ...(subresource ? { subresource } : {}) };
}

/** The reference of a ReplicaSet (or of the ReplicaSets of a namespace). */
export function replicaSetRef(namespace: string, name?: string): ResourceRef {
  return { group: 'apps', version: 'v1', resource: 'replicasets', namespace, ...(name ? { name } : {}) };
}

/** UpdateStatus of the Deployment (its annotations go along, as the status strategy keeps them). */
export async function updateDeploymentStatus(dc: DeploymentSyncContext, d: Deployment): Promise<Deployment> {
  const out = await dc.client.update<Deployment>(deploymentRef(d, 'status'), d);
  d.metadata.resourceVersion = out.metadata.resourceVersion;
  return out;
}

/** Update of the Deployment itself (a rollback). */
export async function updateDeployment(dc: DeploymentSyncContext, d: Deployment): Promise<Deployment> {
  const out = await dc.client.update<Deployment>(deploymentRef(d), d);
  d.metadata.resourceVersion = out.metadata.resourceVersion;
  d.metadata.generation = out.metadata.generation;
  return out;
}

/** Update of a ReplicaSet. */
export function updateReplicaSet(dc: DeploymentSyncContext, rs: ReplicaSet): Promise<ReplicaSet> {
  return dc.client.update<ReplicaSet>(replicaSetRef(rs.metadata.namespace ?? '', rs.metadata.name), rs);
}

/** `deployments/<namespace>/<name>`: how the trace names a Deployment. */
export function traceName(kind: 'deployments' | 'replicasets', o: { metadata: { namespace?: string; name?: string } }): string {
  return `${kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}
