/**
 * The controllers kube-controller-manager runs, by their `--controllers` names, each writing as
 * its service account. Add a controller here (one line) to have the cluster run it.
 */
import { ClusterRoleAggregationController } from './clusterroleaggregation';
import type { ControllerDescriptor } from './manager';
import { RootCaCertPublisher } from './rootcacertpublisher';
import { DaemonSetController } from './daemonset/controller';
import { DisruptionController } from './disruption/controller';
import { DeploymentController } from './deployment/controller';
import { StatefulSetController } from './statefulset/controller';
import { EndpointsController } from './endpoint/endpoints';
import { EndpointSliceController } from './endpointslice/endpointslice';
import { JobController } from './job/controller';
import { CronJobController } from './cronjob/controller';
import { TtlAfterFinishedController } from './ttlafterfinished/controller';
import { HorizontalController } from './podautoscaler/controller';
import { GarbageCollector } from './garbagecollector/garbagecollector';
import { NamespaceController } from './namespace';
import { NodeLifecycleController } from './nodelifecycle/controller';
import { TaintEvictionController } from './nodelifecycle/taintEviction';
import { PersistentVolumeController } from './volume/binder';
import { PVCProtectionController, PVProtectionController } from './volume/protection';
import { LocalPathProvisioner } from './provisioner/localpath';
import { REPLICA_SET, REPLICATION_CONTROLLER } from './replicaset/kinds';
import { ReplicaSetController } from './replicaset/controller';
import { ResourceQuotaController } from './resourcequota';
import { ServiceAccountsController } from './serviceaccounts';

/** Every controller the simulated controller manager runs, in start order. */
export const CONTROLLERS: readonly ControllerDescriptor[] = [
  { name: 'endpoint', serviceAccount: 'endpoint-controller', create: (ctx) => new EndpointsController(ctx) },
  { name: 'endpointslice', serviceAccount: 'endpointslice-controller', create: (ctx) => new EndpointSliceController(ctx) },
  { name: 'clusterrole-aggregation', serviceAccount: 'clusterrole-aggregation-controller', create: (ctx) => new ClusterRoleAggregationController(ctx.client, ctx.clock) },
  { name: 'serviceaccount', serviceAccount: 'service-account-controller', create: (ctx) => new ServiceAccountsController(ctx.client, ctx.clock) },
  { name: 'namespace', serviceAccount: 'namespace-controller', create: (ctx) => new NamespaceController(ctx) },
  { name: 'daemonset', serviceAccount: 'daemon-set-controller', create: (ctx) => new DaemonSetController(ctx) },
  { name: 'statefulset', serviceAccount: 'statefulset-controller', create: (ctx) => new StatefulSetController(ctx) },
  { name: 'disruption', serviceAccount: 'disruption-controller', create: (ctx) => new DisruptionController(ctx) },
  { name: 'replicaset', serviceAccount: 'replicaset-controller', create: (ctx) => new ReplicaSetController(ctx, REPLICA_SET) },
  { name: 'replicationcontroller', serviceAccount: 'replication-controller', create: (ctx) => new ReplicaSetController(ctx, REPLICATION_CONTROLLER) },
  { name: 'deployment', serviceAccount: 'deployment-controller', create: (ctx) => new DeploymentController(ctx) },
  { name: 'job', serviceAccount: 'job-controller', create: (ctx) => new JobController(ctx) },
  { name: 'cronjob', serviceAccount: 'cronjob-controller', create: (ctx) => new CronJobController(ctx) },
  { name: 'ttl-after-finished', serviceAccount: 'ttl-after-finished-controller', create: (ctx) => new TtlAfterFinishedController(ctx) },
  { name: 'horizontalpodautoscaling', serviceAccount: 'horizontal-pod-autoscaler', create: (ctx) => new HorizontalController(ctx) },
  { name: 'garbagecollector', serviceAccount: 'generic-garbage-collector', create: (ctx) => new GarbageCollector(ctx) },
  { name: 'node-lifecycle', serviceAccount: 'node-controller', create: (ctx) => new NodeLifecycleController(ctx) },
  { name: 'taint-eviction-controller', serviceAccount: 'node-controller', create: (ctx) => new TaintEvictionController(ctx) },
  { name: 'persistentvolume-binder', serviceAccount: 'persistent-volume-binder', create: (ctx) => new PersistentVolumeController(ctx) },
  { name: 'pvc-protection', serviceAccount: 'pvc-protection-controller', create: (ctx) => new PVCProtectionController(ctx) },
  { name: 'pv-protection', serviceAccount: 'pv-protection-controller', create: (ctx) => new PVProtectionController(ctx) },
  // Not a kube-controller-manager controller: kind's local-path provisioner (a pod in local-path-storage there), run here with the binder's account.
  { name: 'local-path-provisioner', serviceAccount: 'persistent-volume-binder', create: (ctx) => new LocalPathProvisioner(ctx) },
  { name: 'resourcequota', serviceAccount: 'resourcequota-controller', create: (ctx) => new ResourceQuotaController(ctx.client, ctx.clock) },
  { name: 'root-ca-cert-publisher', serviceAccount: 'root-ca-cert-publisher', create: (ctx) => new RootCaCertPublisher(ctx) },
];
