/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a
 * selector (and not ExternalName), EndpointSlices named `<service>-<5 chars>` labelled
 * `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by:
 * endpointslice-controller.k8s.io`, owned by the service, hold one endpoint per selected pod
 * with an IP — conditions ready/serving/terminating, nodeName, zone from the node's
 * `topology.kubernetes.io/zone` label — at most 100 per slice. Terminating pods stay (not
 * ready) so that proxies can drain them. Slices of a deleted service go with it (the garbage
 * collector follows the owner reference). The `kubernetes` service has no selector: its slice is
 * the API server's and is left alone.
 */
import { isStatusError } from '../../api/status';
import type { EndpointSlice, Node, Pod, Service } from '../../api/types';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/events';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker, selectorMatches, servicesForLabels, servicesToUpdateOnPodChange } from '../util/endpoints';
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, MAX_ENDPOINTS_PER_SLICE, reconcile } from './reconciler';

/** The controller's event source. */
export const ENDPOINTSLICE_CONTROLLER = 'endpoint-slice-controller';
/** endpointSliceChangeMinSyncDelay: how long after a slice event the service is synced. */
const SLICE_CHANGE_MIN_SYNC_DELAY_MS = 1000;

const SLICES = { group: 'discovery.k8s.io', resource: 'endpointslices' };

/** The EndpointSlice controller. */
export class EndpointSliceController implements Controller {
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly nodes: Informer<Node>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly triggers = new TriggerTimeTracker();
  /** Resource versions this controller wrote (the EndpointSliceTracker): its own writes do not trigger syncs. */
  private readonly written = new Map<string, string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly maxPerSlice = MAX_ENDPOINTS_PER_SLICE,
  ) {
    this.client = ctx.client;
    this.recorder = ctx.recorder(ENDPOINTSLICE_CONTROLLER);
    this.services = ctx.informers.informer<Service>({ resource: 'services' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.nodes = ctx.informers.informer<Node>({ resource: 'nodes' });
    this.slices = ctx.informers.informer<EndpointSlice>({ ...SLICES, version: 'v1' });
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncService(key));
  }

  /** Adds the event handlers. */
  start(): void {
    const enqueue = (s: Service) => this.queue.add(keyOf(s));
    this.services.addHandlers({ add: enqueue, update: (_o, s) => enqueue(s), delete: enqueue });
    const forPod = (p: Pod) => {
      for (const k of servicesForLabels(this.services.byIndex('namespace', p.metadata.namespace ?? ''), p.metadata.labels)) this.queue.add(k);
    };
    this.pods.addHandlers({
      add: forPod,
      update: (old, cur) => {
        for (const k of servicesToUpdateOnPodChange(this.services.byIndex('namespace', cur.metadata.namespace ?? ''), old, cur)) this.queue.add(k);
      },
      delete: forPod,
    });
    const managed = (s: EndpointSlice) => s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME;
    const forSlice = (s: EndpointSlice) => {
      const svc = s.metadata.labels?.[LABEL_SERVICE_NAME];
      if (svc) this.queue.addAfter(`${s.metadata.namespace ?? ''}/${svc}`, SLICE_CHANGE_MIN_SYNC_DELAY_MS);
    };
    const unexpected = (s: EndpointSlice) => this.written.get(keyOf(s)) !== s.metadata.resourceVersion;
    this.slices.addHandlers({
      add: (s) => {
        if (managed(s) && unexpected(s)) forSlice(s);
      },
      update: (old, s) => {
        if (old.metadata.labels?.[LABEL_SERVICE_NAME] !== s.metadata.labels?.[LABEL_SERVICE_NAME]) {
          forSlice(s);
          forSlice(old);
        } else if (managed(old) !== managed(s) || (managed(s) && unexpected(s))) forSlice(s);
      },
      delete: (s) => {
        if (!managed(s)) return;
        const expected = this.written.get(keyOf(s)) === 'deleted';
        this.written.delete(keyOf(s));
        if (!expected) forSlice(s);
      },
    });
  }

  /** Stops the controller. */
  stop(): void {
    this.queue.shutdown();
  }

  /** syncService: makes the slices of one service (`namespace/name`) match its pods. */
  async syncService(key: string): Promise<void> {
    const [namespace = '', name = ''] = key.split('/');
    const svc = this.services.get(key);
    if (!svc) {
      this.triggers.delete(namespace, name);
      return;
    }
    if (svc.spec.type === 'ExternalName' || !svc.spec.selector) return;
    const selector = svc.spec.selector;
    const pods = this.pods
      .byIndex('namespace', namespace)
      .filter((p) => selectorMatches(selector, p.metadata.labels))
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const existing = this.slices
      .byIndex('namespace', namespace)
      .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === name && s.metadata.labels?.[LABEL_MANAGED_BY] === CONTROLLER_NAME && !s.metadata.deletionTimestamp)
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const triggerTime = this.triggers.compute(svc, pods);
    const changes = reconcile(svc, pods, existing, (n) => this.nodes.get(n), this.maxPerSlice);
    try {
      await this.finalize(svc, changes, triggerTime);
      if (changes.skipped.length > 0) throw new Error(changes.skipped.map((p) => `skipping Pod ${p} for Service ${key}: Node not found`).join(', '));
    } catch (e) {
      if (isStatusError(e) && e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
      this.recorder.event(svc, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${key}: ${isStatusError(e) ? (e.status.message ?? '') : String(e)}`);
      throw e;
    }
  }

  private async finalize(svc: Service, changes: ReturnType<typeof reconcile>, triggerTime: string | undefined): Promise<void> {
    const namespace = svc.metadata.namespace ?? '';
    const key = keyOf(svc);
    const annotate = (s: EndpointSlice) => {
      const a = { ...(s.metadata.annotations ?? {}) };
      if (triggerTime) a[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
      else delete a[LAST_CHANGE_TRIGGER_TIME];
      s.metadata.annotations = a;
      if (Object.keys(a).length === 0) delete s.metadata.annotations;
    };
    // No new slices for a service being deleted (the garbage collector is removing them).
    if (!svc.metadata.deletionTimestamp) {
      for (const s of changes.create) {
        annotate(s);
        const created = await this.client.create<EndpointSlice>({ ...SLICES, namespace }, s);
        this.written.set(keyOf(created), created.metadata.resourceVersion ?? '');
        this.trace('create', created, `created EndpointSlice ${created.metadata.name ?? ''} for service ${key} (${s.endpoints.length} endpoints)`);
      }
    }
    for (const s of changes.update) {
      annotate(s);
      const updated = await this.client.update<EndpointSlice>({ ...SLICES, namespace, name: s.metadata.name ?? '' }, s);
      this.written.set(keyOf(updated), updated.metadata.resourceVersion ?? '');
      this.trace('update', updated, `updated EndpointSlice ${updated.metadata.name ?? ''} of service ${key} (${s.endpoints.length} endpoints)`);
    }
    for (const s of changes.delete) {
      try {
        await this.client.delete({ ...SLICES, namespace, name: s.metadata.name ?? '' });
        this.written.set(keyOf(s), 'deleted');
        this.trace('delete', s, `deleted EndpointSlice ${s.metadata.name ?? ''} of service ${key}`);
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) throw e;
      }
    }
  }

  private trace(action: string, s: EndpointSlice, message: string): void {
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: 'endpointslice', action, object: `endpointslices/${s.metadata.namespace ?? ''}/${s.metadata.name ?? ''}`, message });
  }
}
