/**
 * Which describer kubectl 1.32 uses for a group and kind (describerMap); every other kind gets
 * the generic describer.
 */
import { describeCronJob, describeJob } from './batch';
import type { Describer } from './common';
import { describeConfigMap, describeLimitRange, describeNamespace, describeResourceQuota, describeSecret, describeServiceAccount } from './config';
import { describeGeneric } from './generic';
import { describeNetworkPolicy } from './netpol';
import { describeEndpoints, describeEndpointSlice, describeIngress, describeIngressClass, describeService } from './network';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeHorizontalPodAutoscaler, describePodDisruptionBudget, describePriorityClass } from './policy';
import { describeRole, describeRoleBinding } from './rbac';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet } from './workloads';

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePod,
  '/ReplicationController': describeReplicationController,
  '/Secret': describeSecret,
  '/Service': describeService,
  '/ServiceAccount': describeServiceAccount,
  '/Node': describeNode,
  '/LimitRange': describeLimitRange,
  '/ResourceQuota': describeResourceQuota,
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/Namespace': describeNamespace,
  '/Endpoints': describeEndpoints,
  '/ConfigMap': describeConfigMap,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscaler,
  'networking.k8s.io/Ingress': describeIngress,
  'extensions/Ingress': describeIngress,
  'networking.k8s.io/IngressClass': describeIngressClass,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicy,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'apps/StatefulSet': describeStatefulSet,
  'apps/Deployment': describeDeployment,
  'apps/DaemonSet': describeDaemonSet,
  'apps/ReplicaSet': describeReplicaSet,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'policy/PodDisruptionBudget': describePodDisruptionBudget,
  'rbac.authorization.k8s.io/Role': describeRole,
  'rbac.authorization.k8s.io/ClusterRole': describeRole,
  'rbac.authorization.k8s.io/RoleBinding': describeRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': describeRoleBinding,
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
};

/** The describer of a group and kind: its own, else the generic one. */
export function describerFor(group: string, kind: string): Describer {
  return DESCRIBERS[`${group}/${kind}`] ?? describeGeneric;
}
