/**
 * The controller manager (kube-controller-manager): runs the controllers of `registry.ts`
 * with shared informers. As kubeadm runs it (`--use-service-account-credentials`), the shared
 * informers read as `system:kube-controller-manager` and each controller writes as its own
 * service account in `kube-system`, bound to its `system:controller:*` role. It can be stopped
 * and started (a fault): while stopped, nothing reconciles.
 */
import type { Clock } from '../clock/clock';
import type { Random } from '../clock/random';
import type { Client } from '../client/client';
import { EventRecorder } from '../client/events';
import { SharedInformerFactory } from '../client/factory';
import { NO_TRACE, type Tracer } from '../trace/trace';

/** What a controller is given. */
export interface ControllerContext {
  readonly clock: Clock;
  readonly random: Random;
  /** Shared informers (reads as system:kube-controller-manager). */
  readonly informers: SharedInformerFactory;
  /** A client that writes as the controller's service account. */
  readonly client: Client;
  /** An event recorder with `source.component` = `component` (e.g. `replicaset-controller`). */
  recorder(component: string): EventRecorder;
  /** Facts about the cluster that real controllers take from flags (CIDRs, ranges). */
  readonly config: ControllerManagerConfig;
  /** The trace stream: say what the controller did (`component: 'kube-controller-manager', instance: <controller name>`). */
  readonly trace: Pick<Tracer, 'emit'>;
}

/** The controller manager's flags that controllers read. */
export interface ControllerManagerConfig {
  /** --service-cluster-ip-range */
  serviceCIDR: string;
  /** --cluster-cidr */
  clusterCIDR: string;
  /** --node-monitor-grace-period (ms); 40 s in 1.32 (50 s from 1.33). */
  nodeMonitorGracePeriodMs: number;
  /** --node-monitor-period (ms). */
  nodeMonitorPeriodMs: number;
  /** The cluster CA (PEM) that `kube-root-ca.crt` publishes (--root-ca-file). */
  rootCA: string;
}

/** A stand-in CA for clusters made without one (tests): the form of a PEM, not a usable certificate. */
export const PLACEHOLDER_ROOT_CA = '-----BEGIN CERTIFICATE-----\nMIIBkubelabPlaceholderCAforClustersWithoutOne=\n-----END CERTIFICATE-----\n';

/** The default flags, as kubeadm sets them (kind's values for the CIDRs). */
export const DEFAULT_CONTROLLER_MANAGER_CONFIG: ControllerManagerConfig = {
  serviceCIDR: '10.96.0.0/16',
  clusterCIDR: '10.244.0.0/16',
  nodeMonitorGracePeriodMs: 40_000,
  nodeMonitorPeriodMs: 5_000,
  rootCA: PLACEHOLDER_ROOT_CA,
};

/** A running controller. */
export interface Controller {
  /** Adds handlers to the shared informers; runs after every controller is built, before the informers start. */
  start(): Promise<void> | void;
  /** Stops the controller (shuts its queues down, cancels its timers). */
  stop(): void;
}

/** One entry of the registry: a controller as kube-controller-manager names it in `--controllers`. */
export interface ControllerDescriptor {
  /** The controller's name (`replicaset`, `deployment`, ...). */
  name: string;
  /** The service account it writes as (`replicaset-controller`, ...). */
  serviceAccount: string;
  create(ctx: ControllerContext): Controller;
}

/** Builds the client a controller writes with, for a service account name. */
export type ControllerClientFactory = (serviceAccount: string) => Client;

/** The controller manager. */
export class ControllerManager {
  private running: { name: string; controller: Controller }[] = [];
  private informers: SharedInformerFactory | undefined;

  constructor(
    private readonly descriptors: readonly ControllerDescriptor[],
    private readonly readClient: Client,
    private readonly clientFor: ControllerClientFactory,
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly config: ControllerManagerConfig = DEFAULT_CONTROLLER_MANAGER_CONFIG,
    private readonly trace: Pick<Tracer, 'emit'> = NO_TRACE,
  ) {}

  /** Whether the controller manager runs. */
  get isRunning(): boolean {
    return this.informers !== undefined;
  }

  /** The running controller named `name` (for tests and the lab API). */
  controller<T extends Controller>(name: string): T | undefined {
    return this.running.find((r) => r.name === name)?.controller as T | undefined;
  }

  /** Builds every controller, starts them, then the shared informers. */
  async start(): Promise<void> {
    if (this.informers) return;
    const informers = new SharedInformerFactory(this.readClient, this.clock);
    this.informers = informers;
    for (const d of this.descriptors) {
      const client = this.clientFor(d.serviceAccount);
      const ctx: ControllerContext = {
        clock: this.clock,
        random: this.random,
        informers,
        client,
        recorder: (component) => new EventRecorder(client, this.clock, { component }),
        config: this.config,
        trace: this.trace,
      };
      this.running.push({ name: d.name, controller: d.create(ctx) });
    }
    for (const r of this.running) await r.controller.start();
    await informers.start();
  }

  /** Stops every controller and the informers. */
  stop(): void {
    for (const r of this.running) r.controller.stop();
    this.running = [];
    this.informers?.stop();
    this.informers = undefined;
  }
}
