/**
 * The endpoints controller (pkg/controller/endpoint/endpoints_controller.go): for every Service
 * with a selector (and not ExternalName), the Endpoints object of the same name lists the IPs
 * of the selected pods — ready ones in `addresses`, others in `notReadyAddresses` (all in
 * `addresses` with `publishNotReadyAddresses`) — with the ports resolved per pod. It carries the
 * service's labels (plus `service.kubernetes.io/headless` for a headless service) and the
 * `endpoints.kubernetes.io/last-change-trigger-time` annotation. Services without a selector
 * are left alone (their Endpoints are written by hand); Endpoints without a Service are deleted.
 */
import { isStatusError } from '../../api/status';
import type { Endpoints, Pod, Service } from '../../api/types';
import type { Client } from '../../client/client';
import type { EventRecorder } from '../../client/events';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { Controller, ControllerContext } from '../manager';
import { HEADLESS_LABEL, LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker, isServiceIPSet, selectorMatches, servicesForLabels, servicesToUpdateOnPodChange } from '../util/endpoints';
import { computeSubsets, subsetsEqual } from './subsets';

/** The controller's name in traces and its event source. */
export const ENDPOINT_CONTROLLER = 'endpoint-controller';
/** The over-capacity annotation and the most addresses an Endpoints holds (maxCapacity). */
export const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
const MAX_CAPACITY = 1000;

/** The endpoints controller. */
export class EndpointsController implements Controller {
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly endpoints: Informer<Endpoints>;
  private readonly queue: WorkQueue;
  private readonly client: Client;
  private readonly recorder: EventRecorder;
  private readonly triggers = new TriggerTimeTracker();

  constructor(private readonly ctx: ControllerContext) {
    this.client = ctx.client;
    this.recorder = ctx.recorder(ENDPOINT_CONTROLLER);
    this.services = ctx.informers.informer<Service>({ resource: 'services' });
    this.pods = ctx.informers.informer<Pod>({ resource: 'pods' });
    this.endpoints = ctx.informers.informer<Endpoints>({ resource: 'endpoints' });
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncService(key));
  }

  /** Adds the event handlers; once the caches are synced, queues every Endpoints (checkLeftoverEndpoints). */
  start(): void {
    const enqueue = (o: Service | Endpoints) => this.queue.add(keyOf(o));
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
    this.endpoints.addHandlers({ delete: enqueue });
    void Promise.all([this.services.whenSynced(), this.pods.whenSynced(), this.endpoints.whenSynced()]).then(() => {
      for (const ep of this.endpoints.list()) {
        // Leader-election records live in Endpoints without a Service: never delete them.
        if (ep.metadata.annotations?.['control-plane.alpha.kubernetes.io/leader']) continue;
        this.queue.add(keyOf(ep));
      }
    });
  }

  /** Stops the controller. */
  stop(): void {
    this.queue.shutdown();
  }

  /** syncService: makes the Endpoints of one service (`namespace/name`) match its pods. */
  async syncService(key: string): Promise<void> {
    const [namespace = '', name = ''] = key.split('/');
    const svc = this.services.get(key);
    if (!svc) {
      try {
        await this.client.delete({ resource: 'endpoints', namespace, name });
        this.trace('delete', key, `deleted the endpoints of the deleted service ${key}`);
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) throw e;
      }
      this.triggers.delete(namespace, name);
      return;
    }
    if (svc.spec.type === 'ExternalName' || !svc.spec.selector) return;
    const selector = svc.spec.selector;
    const pods = this.pods.byIndex('namespace', namespace).filter((p) => selectorMatches(selector, p.metadata.labels));
    const triggerTime = this.triggers.compute(svc, pods);
    const { subsets, ready, notReady } = computeSubsets(svc, pods);
    const current = this.endpoints.get(key);
    const svcLabels = svc.metadata.labels ?? {};
    const compareLabels = { ...(current?.metadata.labels ?? {}) };
    delete compareLabels[HEADLESS_LABEL];
    const total = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
    const capacityOk = total <= MAX_CAPACITY && current?.metadata.annotations?.[OVER_CAPACITY] === undefined;
    if (current && subsetsEqual(current.subsets, subsets) && sameLabels(compareLabels, svcLabels) && capacityOk) return;

    const labels: Record<string, string> = { ...svcLabels };
    if (!isServiceIPSet(svc)) labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];
    const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
    if (triggerTime) annotations[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
    else delete annotations[LAST_CHANGE_TRIGGER_TIME];
    const truncated = truncate(subsets);
    if (truncated) annotations[OVER_CAPACITY] = 'truncated';
    else delete annotations[OVER_CAPACITY];
    const next: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      ...(current ?? {}),
      metadata: { ...(current?.metadata ?? { name, namespace }), labels, annotations },
      subsets,
    };
    // Empty maps are omitted, as Go's omitempty does.
    if (Object.keys(labels).length === 0) delete next.metadata.labels;
    if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
    const summary = `${ready} ready, ${notReady} not ready`;
    try {
      if (current) {
        await this.client.update({ resource: 'endpoints', namespace, name }, next);
        this.trace('update', key, `updated the endpoints of service ${key} (${summary})`);
      } else {
        await this.client.create({ resource: 'endpoints', namespace }, next);
        this.trace('create', key, `created the endpoints of service ${key} (${summary})`);
      }
    } catch (e) {
      // A terminating namespace refuses creates: drop the item.
      if (!current && isStatusError(e, 'Forbidden') && e.status.details?.causes?.some((c) => c.reason === 'NamespaceTerminating')) return;
      if (!current) this.recorder.event(next, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${namespace}/${name}: ${errorText(e)}`);
      else this.recorder.event(next, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${namespace}/${name}: ${errorText(e)}`);
      throw e;
    }
  }

  private trace(action: string, key: string, message: string): void {
    this.ctx.trace.emit({ component: 'kube-controller-manager', instance: 'endpoint', action, object: `endpoints/${key}`, message });
  }
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

function errorText(e: unknown): string {
  return isStatusError(e) ? e.status.message ?? '' : String(e);
}

/** truncateEndpoints: keeps at most 1000 addresses, ready ones first, in proportion per subset. */
function truncate(subsets: ReturnType<typeof computeSubsets>['subsets']): boolean {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= MAX_CAPACITY) return false;
  const truncateReady = totalReady > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (const s of subsets) {
    const inSubset = truncateReady ? (s.addresses?.length ?? 0) : (s.notReadyAddresses?.length ?? 0);
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      s.addresses = (s.addresses ?? []).slice(0, toBeAdded);
      delete s.notReadyAddresses;
      canBeAdded -= s.addresses.length;
    } else {
      s.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      canBeAdded -= s.notReadyAddresses.length;
    }
  }
  return true;
}
