/**
 * The namespace controller: when a namespace is being deleted, it deletes everything in it,
 * then removes the `kubernetes` finalizer through `namespaces/NAME/finalize`, and the API
 * server removes the namespace. Level-based: `sync(name)` looks at the state and acts.
 */
import { isStatusError } from '../api/status';
import type { Namespace, Pod } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Client } from '../client/client';
import { Informer } from '../client/informer';
import { WorkQueue } from '../client/workqueue';

/** How soon a namespace still holding objects is looked at again. */
const RECHECK_MS = 1000;

/** The namespace controller. */
export class NamespaceController {
  private readonly namespaces: Informer<Namespace>;
  private readonly queue: WorkQueue;

  constructor(
    private readonly client: Client,
    clock: Clock,
  ) {
    this.namespaces = new Informer<Namespace>(client, { resource: 'namespaces' }, clock);
    this.queue = new WorkQueue(clock, (key) => this.sync(key));
    const enqueue = (ns: Namespace) => {
      if (ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name ?? '');
    };
    this.namespaces.addHandlers({ add: enqueue, update: (_o, ns) => enqueue(ns) });
  }

  /** Starts watching namespaces. */
  async start(): Promise<void> {
    await this.namespaces.start();
  }

  /** Stops the controller. */
  stop(): void {
    this.namespaces.stop();
    this.queue.shutdown();
  }

  private async sync(name: string): Promise<void> {
    const ns = this.namespaces.get(name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    const pods = await this.client.list<Pod>({ resource: 'pods', namespace: name });
    for (const pod of pods.items) {
      if (pod.metadata.deletionTimestamp) continue;
      try {
        await this.client.delete({ resource: 'pods', namespace: name, name: pod.metadata.name ?? '' });
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) throw e;
      }
    }
    if (pods.items.length > 0) {
      this.queue.addAfter(name, RECHECK_MS);
      return;
    }
    if (!(ns.spec?.finalizers ?? []).includes('kubernetes')) return;
    await this.client.update({ resource: 'namespaces', name, subresource: 'finalize' }, { ...ns, spec: { finalizers: (ns.spec?.finalizers ?? []).filter((f) => f !== 'kubernetes') } });
  }
}
