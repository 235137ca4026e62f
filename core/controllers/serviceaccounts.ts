/**
 * The service account controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
 * every active namespace has a `default` ServiceAccount — created when the namespace appears,
 * and again whenever it is deleted. Level-based: `sync(namespace)` looks and creates.
 */
import { isStatusError } from '../api/status';
import type { Namespace, ServiceAccount } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client } from '../client/client';
import { Informer } from '../client/informer';
import { WorkQueue } from '../client/workqueue';

/** The service accounts every namespace gets. */
export const REQUIRED_SERVICE_ACCOUNTS = ['default'];

/** The service account controller. */
export class ServiceAccountsController {
  private readonly namespaces: Informer<Namespace>;
  private readonly accounts: Informer<ServiceAccount>;
  private readonly queue: WorkQueue;

  constructor(
    private readonly client: Client,
    clock: Clock,
  ) {
    this.namespaces = new Informer<Namespace>(client, { resource: 'namespaces' }, clock);
    this.accounts = new Informer<ServiceAccount>(client, { resource: 'serviceaccounts' }, clock);
    this.queue = new WorkQueue(clock, (ns) => this.sync(ns));
    const enqueue = (ns: Namespace) => this.queue.add(ns.metadata.name ?? '');
    this.namespaces.addHandlers({ add: enqueue, update: (_o, ns) => enqueue(ns) });
    this.accounts.addHandlers({ delete: (sa) => this.queue.add(sa.metadata.namespace ?? '') });
  }

  /** Starts watching, and creates the accounts of the namespaces that lack them. */
  async start(): Promise<void> {
    await this.accounts.start();
    await this.namespaces.start();
    for (const ns of this.namespaces.list()) await this.sync(ns.metadata.name ?? '');
  }

  /** Stops the controller. */
  stop(): void {
    this.namespaces.stop();
    this.accounts.stop();
    this.queue.shutdown();
  }

  /** syncNamespace: creates the required accounts missing from an active namespace. */
  async sync(name: string): Promise<void> {
    const ns = this.namespaces.get(name);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === 'Terminating') return;
    for (const sa of REQUIRED_SERVICE_ACCOUNTS) {
      if (this.accounts.get(`${name}/${sa}`)) continue;
      try {
        await this.client.create<ServiceAccount>({ resource: 'serviceaccounts', namespace: name }, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: name } });
      } catch (e) {
        // Already there, or the namespace is going away: nothing to do.
        if (isStatusError(e, 'AlreadyExists') || isStatusError(e, 'Forbidden') || isStatusError(e, 'NotFound')) continue;
        throw e;
      }
    }
  }
}
