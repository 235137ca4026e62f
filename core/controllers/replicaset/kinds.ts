/**
 * The two kinds the replica set controller runs over. As in Kubernetes
 * (pkg/controller/replication), a ReplicationController is treated as an older version of a
 * ReplicaSet: the same controller, another resource, another service account and event source,
 * and a selector that is a plain label map.
 */
import type { LabelSelector, PodTemplateSpec, ReplicaSet, ReplicaStatus, ReplicationController } from '../../api/types';
import type { ResourceRef } from '../../client/client';

/** A ReplicaSet or a ReplicationController, seen through what the controller needs. */
export type ReplicaOwner = ReplicaSet | ReplicationController;

/** How the controller reads and names one of the kinds. */
export interface ReplicaKind {
  /** `ReplicaSet` or `ReplicationController`. */
  kind: string;
  /** `apps/v1` or `v1`. */
  apiVersion: string;
  /** The resource (without namespace or name). */
  resource: Omit<ResourceRef, 'namespace' | 'name' | 'subresource'>;
  /** The controller's name in `--controllers` (and in traces). */
  controllerName: string;
  /** The event source component. */
  component: string;
  /** The selector as a metav1.LabelSelector (undefined selects nothing). */
  selector(obj: ReplicaOwner): LabelSelector | undefined;
  /** The pod template. */
  template(obj: ReplicaOwner): PodTemplateSpec | undefined;
  /** spec.replicas (defaulted to 1 by the API server). */
  replicas(obj: ReplicaOwner): number;
  /** spec.minReadySeconds. */
  minReadySeconds(obj: ReplicaOwner): number;
  /** The status. */
  status(obj: ReplicaOwner): ReplicaStatus;
}

/** ReplicaSets (apps/v1), run by the `replicaset` controller. */
export const REPLICA_SET: ReplicaKind = {
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  resource: { group: 'apps', version: 'v1', resource: 'replicasets' },
  controllerName: 'replicaset',
  component: 'replicaset-controller',
  selector: (obj) => (obj as ReplicaSet).spec.selector,
  template: (obj) => (obj as ReplicaSet).spec.template,
  replicas: (obj) => obj.spec.replicas ?? 1,
  minReadySeconds: (obj) => obj.spec.minReadySeconds ?? 0,
  status: (obj) => obj.status ?? {},
};

/** ReplicationControllers (core/v1), run by the `replicationcontroller` controller. */
export const REPLICATION_CONTROLLER: ReplicaKind = {
  kind: 'ReplicationController',
  apiVersion: 'v1',
  resource: { version: 'v1', resource: 'replicationcontrollers' },
  controllerName: 'replicationcontroller',
  component: 'replication-controller',
  selector: (obj) => {
    const sel = (obj as ReplicationController).spec.selector;
    return sel ? { matchLabels: { ...sel } } : undefined;
  },
  template: (obj) => (obj as ReplicationController).spec.template,
  replicas: (obj) => obj.spec.replicas ?? 1,
  minReadySeconds: (obj) => obj.spec.minReadySeconds ?? 0,
  status: (obj) => obj.status ?? {},
};
