/**
 * The ClusterRole aggregation controller (pkg/controller/clusterroleaggregation): a ClusterRole
 * with an `aggregationRule` (admin, edit, view, or one of the user's) always holds the rules of
 * the ClusterRoles its selectors match — so that labelling a new role
 * `rbac.authorization.k8s.io/aggregate-to-view: "true"` extends `view`.
 */
import type { Role } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client } from '../client/client';
import { Informer } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import { aggregatedRules } from '../apiserver/auth/aggregation';
import { deepEqual } from '../apiserver/patch/value';

const REF = { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' };

/** The aggregation controller. */
export class ClusterRoleAggregationController {
  private readonly roles: Informer<Role>;
  private readonly queue: WorkQueue;

  constructor(
    private readonly client: Client,
    clock: Clock,
  ) {
    this.roles = new Informer<Role>(client, REF, clock);
    this.queue = new WorkQueue(clock, (name) => this.sync(name));
    // Any change may change what an aggregated role selects: look at every aggregated role.
    const enqueueAll = () => {
      for (const r of this.roles.list()) if (r.aggregationRule) this.queue.add(r.metadata.name ?? '');
    };
    this.roles.addHandlers({ add: enqueueAll, update: enqueueAll, delete: enqueueAll });
  }

  /** Starts watching cluster roles. */
  async start(): Promise<void> {
    await this.roles.start();
  }

  /** Stops the controller. */
  stop(): void {
    this.roles.stop();
    this.queue.shutdown();
  }

  /** Writes the aggregated rules of one role when they differ. */
  async sync(name: string): Promise<void> {
    const role = this.roles.get(name);
    if (!role) return;
    const rules = aggregatedRules(role, this.roles.list());
    if (!rules || deepEqual(rules, role.rules ?? [])) return;
    await this.client.update<Role>({ ...REF, name }, { ...role, rules });
  }
}
