/**
 * The composition root: one simulated cluster — the store, the API server, the scheduler, the
 * controllers and one kubelet per node — wired together through the API server's client.
 */
import { isStatusError } from './api/status';
import { KUBERNETES_VERSION, type Namespace } from './api/types';
import { unknownFields } from './api/schema/fields';
import { ApiServer } from './apiserver/handler';
import { CLUSTER_ADMISSION } from './apiserver/admission/chain';
import { serviceAccountUser } from './apiserver/auth/user';
import type { ApiRequest, ApiResponse, UserInfo } from './apiserver/request';
import type { Clock } from './clock/clock';
import { Random } from './clock/random';
import { Client } from './client/client';
import { EventsRecorder } from './client/eventsV1';
import { bootstrapCluster, bootstrapKubernetesService } from './controllers/bootstrap';
import { ControllerManager } from './controllers/manager';
import { CONTROLLERS } from './controllers/registry';
import { Kubelet } from './kubelet/kubelet';
import type { MachineSpec } from './kubelet/node';
import { Scheduler } from './scheduler/scheduler';
import { Store } from './storage/store';

/** The shape of a new cluster. */
export interface ClusterOptions {
  clock: Clock;
  /** Seed of the cluster's random source (names, IPs, jitter). */
  seed: number;
  /** Worker nodes besides the control plane. */
  workers: number;
  /** Prefix of node names (`kubelab` → `kubelab-control-plane`, `kubelab-worker`, `kubelab-worker2`). */
  name?: string;
}

/** The namespaces every cluster starts with. */
export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** The names of a cluster's nodes, kind-style. */
export function nodeNames(prefix: string, workers: number): string[] {
  const names = [`${prefix}-control-plane`];
  for (let i = 1; i <= workers; i++) names.push(i === 1 ? `${prefix}-worker` : `${prefix}-worker${i}`);
  return names;
}

/** The address of the i-th node (kind's docker network: the control plane is 172.18.0.2). */
function nodeIP(i: number): string {
  return `172.18.0.${i + 2}`;
}

function user(name: string, ...groups: string[]): UserInfo {
  return { name, groups: [...groups, 'system:authenticated'] };
}

/** The User-Agent a component sends, as client-go builds it. */
function agent(component: string): string {
  return `${component}/${KUBERNETES_VERSION.gitVersion} (linux/amd64) kubernetes/${KUBERNETES_VERSION.gitCommit.slice(0, 7)}`;
}

/** A running simulated cluster. */
export class Cluster {
  readonly store: Store;
  readonly apiServer: ApiServer;
  readonly scheduler: Scheduler;
  readonly kubelets: Kubelet[];
  readonly controllerManager: ControllerManager;
  readonly random: Random;
  private readonly send: (req: ApiRequest) => Promise<ApiResponse>;

  constructor(readonly options: ClusterOptions) {
    this.random = new Random(options.seed);
    this.store = new Store();
    // componentstatuses reports the components' health; every component runs until fault injection can stop one.
    this.apiServer = new ApiServer({ store: this.store, clock: options.clock, random: this.random, unknownFields, componentHealth: () => ({}), admission: CLUSTER_ADMISSION });
    this.send = (req) => this.apiServer.handle(req);
    const clientFor = (u: UserInfo, component: string) => new Client(this.send, u, agent(component));
    const prefix = options.name ?? 'kubelab';
    const schedulerClient = clientFor(user('system:kube-scheduler'), 'kube-scheduler');
    const schedulerEvents = new EventsRecorder(schedulerClient, options.clock, 'default-scheduler', `default-scheduler-${nodeNames(prefix, 0)[0] ?? ''}`);
    this.scheduler = new Scheduler(schedulerClient, options.clock, this.random, schedulerEvents);
    // kubeadm runs the controller manager with --use-service-account-credentials: its shared
    // informers read as system:kube-controller-manager, and each controller writes as its
    // service account in kube-system, bound to its system:controller:* role.
    const kcm = user('system:kube-controller-manager');
    const controller = (name: string) => new Client((req) => this.send(req.method === 'GET' ? { ...req, user: kcm } : req), serviceAccountUser('kube-system', name), agent('kube-controller-manager'));
    this.controllerManager = new ControllerManager(CONTROLLERS, new Client(this.send, kcm, agent('kube-controller-manager')), controller, options.clock, this.random);
    this.kubelets = nodeNames(prefix, options.workers).map((name, i) => {
      const machine: MachineSpec = {
        name,
        controlPlane: i === 0,
        internalIP: nodeIP(i),
        podCIDR: `10.244.${i}.0/24`,
        cpu: i === 0 ? '2' : '4',
        memory: i === 0 ? '4008788Ki' : '8148392Ki',
        pods: 110,
        ids: { machineID: this.random.string(32, '0123456789abcdef'), systemUUID: this.random.uuid(), bootID: this.random.uuid() },
      };
      return new Kubelet(machine, clientFor(user(`system:node:${name}`, 'system:nodes'), 'kubelet'), options.clock, this.random);
    });
  }

  /** Handles one API request (the door for everything outside core/). */
  handle(req: ApiRequest): Promise<ApiResponse> {
    return this.send(req);
  }

  /** A client acting as `user`. */
  client(u: UserInfo = user('kubernetes-admin', 'kubeadm:cluster-admins')): Client {
    return new Client(this.send, u);
  }

  /**
   * Creates the system namespaces and the bootstrap objects (RBAC policy, priority classes, the
   * default storage class), registers the nodes and starts every component.
   */
  async start(): Promise<void> {
    const admin = new Client(this.send, user('system:apiserver', 'system:masters'), agent('kube-apiserver'));
    for (const name of SYSTEM_NAMESPACES) {
      try {
        await admin.create<Namespace>({ resource: 'namespaces' }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      } catch (e) {
        if (!isStatusError(e, 'AlreadyExists')) throw e;
      }
    }
    await bootstrapCluster(admin);
    // The API server runs on the control-plane node (the first machine's address).
    await bootstrapKubernetesService(admin, nodeIP(0));
    await this.controllerManager.start();
    for (const k of this.kubelets) await k.start();
    await this.scheduler.start();
  }

  /** Stops every component. */
  stop(): void {
    this.scheduler.stop();
    this.controllerManager.stop();
    for (const k of this.kubelets) k.stop();
  }
}
