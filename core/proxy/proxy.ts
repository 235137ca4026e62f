/**
 * kube-proxy, one per node (kubeadm runs it as the `kube-proxy` DaemonSet, as the
 * `kube-system/kube-proxy` service account bound to `system:node-proxier`). It watches
 * Services and EndpointSlices through informers — with kube-proxy's label selector, which
 * leaves out services naming another proxy and the slices of headless services — and programs
 * its node's rules in the network, at most once per `minSyncPeriod` (1 s, kubeadm's default
 * for the iptables mode). Stopped, it programs nothing: the rules it wrote stay as they were,
 * as iptables rules outlive the kube-proxy process.
 */
import type { EndpointSlice, Service } from '../api/types';
import type { Clock, TimerHandle } from '../clock/clock';
import type { Client } from '../client/client';
import { EventsRecorder } from '../client/eventsV1';
import { Informer } from '../client/informer';
import type { Network } from '../network/network';
import { NO_TRACE, type Tracer } from '../trace/trace';
import { buildRules } from './rules';

/** The label selector of kube-proxy's informers (cmd/kube-proxy/app/server.go). */
export const PROXY_LABEL_SELECTOR = '!service.kubernetes.io/service-proxy-name,!service.kubernetes.io/headless';
/** iptables.minSyncPeriod as kubeadm configures it. */
export const MIN_SYNC_PERIOD_MS = 1000;

/** What a kube-proxy needs. */
export interface KubeProxyOptions {
  nodeName: string;
  client: Client;
  clock: Clock;
  network: Network;
  trace?: Pick<Tracer, 'emit'>;
  minSyncPeriodMs?: number;
}

/** One node's kube-proxy. */
export class KubeProxy {
  private services: Informer<Service>;
  private slices: Informer<EndpointSlice>;
  private readonly events: EventsRecorder;
  private running = false;
  private lastSync = -Infinity;
  private pending: TimerHandle | undefined;
  private readonly trace: Pick<Tracer, 'emit'>;

  constructor(private readonly options: KubeProxyOptions) {
    this.trace = options.trace ?? NO_TRACE;
    const query = { labelSelector: PROXY_LABEL_SELECTOR };
    this.services = new Informer<Service>(options.client, { resource: 'services' }, options.clock, query);
    this.slices = new Informer<EndpointSlice>(options.client, { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' }, options.clock, query);
    const changed = () => this.requestSync();
    for (const inf of [this.services, this.slices] as Informer<Service | EndpointSlice>[]) inf.addHandlers({ add: changed, update: changed, delete: changed });
    this.events = new EventsRecorder(options.client, options.clock, 'kube-proxy', options.nodeName);
  }

  /** The node this kube-proxy runs on. */
  get nodeName(): string {
    return this.options.nodeName;
  }

  /** Whether it runs. */
  get isRunning(): boolean {
    return this.running;
  }

  /** Starts watching and programs the rules once the caches are filled. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.events.eventf({ kind: 'Node', name: this.options.nodeName, uid: this.options.nodeName }, undefined, 'Normal', 'Starting', 'StartKubeProxy', '');
    this.trace.emit({ component: 'kube-proxy', instance: this.options.nodeName, action: 'start', object: `nodes/${this.options.nodeName}`, message: 'kube-proxy started (iptables mode)' });
    await Promise.all([this.services.start(), this.slices.start()]);
    this.sync();
  }

  /** Stops watching; the programmed rules stay. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.services.stop();
    this.slices.stop();
    if (this.pending) this.options.clock.clearTimer(this.pending);
    this.pending = undefined;
    this.trace.emit({ component: 'kube-proxy', instance: this.options.nodeName, action: 'stop', object: `nodes/${this.options.nodeName}`, message: 'kube-proxy stopped: the rules stay as they were last written' });
  }

  /** Asks for a sync, no sooner than minSyncPeriod after the last one (BoundedFrequencyRunner). */
  private requestSync(): void {
    if (!this.running || this.pending) return;
    const min = this.options.minSyncPeriodMs ?? MIN_SYNC_PERIOD_MS;
    const wait = Math.max(0, this.lastSync + min - this.options.clock.now());
    this.pending = this.options.clock.setTimer(wait, () => {
      this.pending = undefined;
      if (this.running) this.sync();
    });
  }

  /** syncProxyRules: writes the node's rules from the informers' caches. */
  sync(): void {
    const services = buildRules(this.services.list(), this.slices.list());
    const now = this.options.clock.now();
    this.lastSync = now;
    this.options.network.program({ node: this.options.nodeName, syncedAt: now, services });
    const endpoints = services.reduce((n, s) => n + s.endpoints.length, 0);
    this.trace.emit({ component: 'kube-proxy', instance: this.options.nodeName, action: 'sync', message: `programmed ${services.length} service ports and ${endpoints} endpoints` });
  }
}
