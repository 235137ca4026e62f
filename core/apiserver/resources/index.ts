/**
 * Every built-in resource the API server serves. The order gives the order of the groups in
 * `/apis` (kube-apiserver's group priority: apps, events.k8s.io, autoscaling, batch, ...) and of
 * the versions within a group (autoscaling v2 first: the preferred version).
 */
import type { ResourceDef } from '../registry';
import { componentstatuses } from './componentstatuses';
import { configmaps, secrets, serviceaccounts } from './config';
import { controllerrevisions } from './controllerrevisions';
import { cronjobs } from './cronjobs';
import { customresourcedefinitions } from './crds';
import { daemonsets } from './daemonsets';
import { deployments } from './deployments';
import { endpoints, endpointslices } from './endpoints';
import { events, eventsV1 } from './events';
import { horizontalpodautoscalersV1, horizontalpodautoscalersV2 } from './hpa';
import { ingressclasses, ingresses } from './ingresses';
import { jobs } from './jobs';
import { leases } from './leases';
import { namespaces } from './namespaces';
import { networkpolicies } from './networkpolicies';
import { nodes } from './nodes';
import { poddisruptionbudgets } from './pdb';
import { pods } from './pods';
import { priorityclasses } from './priorityclasses';
import { REVIEW_RESOURCES } from '../auth/reviews';
import { limitranges, resourcequotas } from './quota';
import { clusterrolebindings, clusterroles, rolebindings, roles } from './rbac';
import { replicasets } from './replicasets';
import { replicationcontrollers } from './replicationcontrollers';
import { services } from './services';
import { statefulsets } from './statefulsets';
import { storageclasses } from './storageclasses';
import { persistentvolumeclaims, persistentvolumes } from './volumes';

/** The built-in resources. */
export const BUILTIN_RESOURCES: ResourceDef[] = [
  // core/v1
  pods,
  nodes,
  namespaces,
  services,
  endpoints,
  configmaps,
  secrets,
  serviceaccounts,
  events,
  persistentvolumes,
  persistentvolumeclaims,
  resourcequotas,
  limitranges,
  replicationcontrollers,
  componentstatuses,
  // apps/v1
  deployments,
  replicasets,
  statefulsets,
  daemonsets,
  controllerrevisions,
  // events.k8s.io/v1
  eventsV1,
  // authentication.k8s.io/v1, authorization.k8s.io/v1 (create-only reviews)
  ...REVIEW_RESOURCES,
  // autoscaling/v2 (preferred), autoscaling/v1
  horizontalpodautoscalersV2,
  horizontalpodautoscalersV1,
  // batch/v1
  jobs,
  cronjobs,
  // networking.k8s.io/v1
  ingresses,
  ingressclasses,
  networkpolicies,
  // policy/v1
  poddisruptionbudgets,
  // rbac.authorization.k8s.io/v1
  roles,
  rolebindings,
  clusterroles,
  clusterrolebindings,
  // storage.k8s.io/v1
  storageclasses,
  // apiextensions.k8s.io/v1
  customresourcedefinitions,
  // scheduling.k8s.io/v1
  priorityclasses,
  // coordination.k8s.io/v1
  leases,
  // discovery.k8s.io/v1
  endpointslices,
];
