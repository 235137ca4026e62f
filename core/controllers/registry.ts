/**
 * The controllers kube-controller-manager runs, by their `--controllers` names, each writing as
 * its service account. Add a controller here (one line) to have the cluster run it.
 */
import { ClusterRoleAggregationController } from './clusterroleaggregation';
import type { ControllerDescriptor } from './manager';
import { NamespaceController } from './namespace';
import { ResourceQuotaController } from './resourcequota';
import { ServiceAccountsController } from './serviceaccounts';

/** Every controller the simulated controller manager runs, in start order. */
export const CONTROLLERS: readonly ControllerDescriptor[] = [
  { name: 'clusterrole-aggregation', serviceAccount: 'clusterrole-aggregation-controller', create: (ctx) => new ClusterRoleAggregationController(ctx.client, ctx.clock) },
  { name: 'serviceaccount', serviceAccount: 'service-account-controller', create: (ctx) => new ServiceAccountsController(ctx.client, ctx.clock) },
  { name: 'namespace', serviceAccount: 'namespace-controller', create: (ctx) => new NamespaceController(ctx.client, ctx.clock) },
  { name: 'resourcequota', serviceAccount: 'resourcequota-controller', create: (ctx) => new ResourceQuotaController(ctx.client, ctx.clock) },
];
