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
import { isStream, parseResourcePath, type ApiRequest, type ApiResponse, type UserInfo } from './apiserver/request';
import { ApiServerDownError, CONTROL_PLANE_COMPONENTS, FaultError, etcdDownError, needsStorage, type ComponentsState, type ControlPlaneComponent, type FaultRequest } from './faults';
import { parseReference } from './kubelet/images/reference';
import { machineShape, type ClusterShape } from './shape';
import { Tracer } from './trace/trace';
import type { Clock } from './clock/clock';
import { Random } from './clock/random';
import { Client } from './client/client';
import { EventsRecorder } from './client/eventsV1';
import { bootstrapAddons, bootstrapCluster, bootstrapKubernetesService } from './controllers/bootstrap';
import { NetworkStack } from './proxy/stack';
import { ControllerManager, DEFAULT_CONTROLLER_MANAGER_CONFIG } from './controllers/manager';
import { CONTROLLERS } from './controllers/registry';
import { Kubelet } from './kubelet/kubelet';
import type { MachineSpec } from './kubelet/node';
import type { Volume } from './kubelet/runtime/fs';
import { Scheduler } from './scheduler/scheduler';
import { Store } from './storage/store';
import type { UsageSource } from './metrics/types';
import { KubeletsUsage } from './kubelet/usage';
import { NodeMachine, type MachineHost } from './node/machine';

/** The shape of a new cluster. */
export interface ClusterOptions {
  clock: Clock;
  /** Seed of the cluster's random source (names, IPs, jitter). */
  seed: number;
  /** Worker nodes besides the control plane. */
  workers: number;
  /** The cluster CA (PEM) published in every namespace as `kube-root-ca.crt` (default: a placeholder). */
  rootCA?: string;
  /** A store restored from persisted state (default: a new, empty one). */
  store?: Store;
  /** The random source's state when resuming a persisted cluster (default: the seed). */
  randomState?: number;
  /** Prefix of node names (`kubelab` → `kubelab-control-plane`, `kubelab-worker`, `kubelab-worker2`). */
  name?: string;
  /** What containers use, for `metrics.k8s.io` (default: what the kubelets report). */
  usage?: UsageSource;
  /** The machines' capacity, labels, taints and zones (default: kind-like nodes; see shape.ts). */
  shape?: ClusterShape;
  /**
   * Machines without a cluster yet: no control plane runs (the API server refuses connections)
   * and no kubelet has joined, until `kubeadm init` on the control-plane node and `kubeadm
   * join` on the others (core/node). Once initialized, the store says so on later starts.
   */
  empty?: boolean;
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
  /** The scheduler (a new instance after a restart). */
  scheduler: Scheduler;
  /** The trace stream of every component. */
  readonly trace: Tracer;
  /** The control-plane components stopped by a fault. */
  private readonly down = new Set<ControlPlaneComponent>();
  /** The nodes whose kubelet a fault stopped. */
  private readonly stoppedNodes = new Set<string>();
  /** Images a fault made unavailable in their registry (qualified references: `docker.io/library/nginx:1.27`). */
  private readonly unavailableImages = new Set<string>();
  /** Ends every open watch stream (the API server going down drops its connections). */
  private readonly openStreams = new Set<() => void>();
  private readonly makeScheduler: () => Scheduler;
  readonly kubelets: Kubelet[];
  /** The pod network, kube-proxy on every node, cluster DNS (`networking.network.httpFrom(pod, url)` for the tools). */
  readonly networking: NetworkStack;
  readonly controllerManager: ControllerManager;
  readonly random: Random;
  /** The nodes as machines (files, systemd units, journal, the commands run there: core/node). */
  readonly machines: NodeMachine[];
  /** Whether the control plane was set up (false in an empty cluster until `kubeadm init`). */
  private controlPlaneUp = true;
  private readonly send: (req: ApiRequest) => Promise<ApiResponse>;

  constructor(readonly options: ClusterOptions) {
    this.random = new Random(options.randomState ?? options.seed);
    this.store = options.store ?? new Store();
    // componentstatuses reports the components' health: a fault can stop one.
    this.apiServer = new ApiServer({ store: this.store, clock: options.clock, random: this.random, unknownFields, componentHealth: () => ({ scheduler: !this.down.has('kube-scheduler'), 'controller-manager': !this.down.has('kube-controller-manager'), 'etcd-0': !this.down.has('etcd') }), admission: CLUSTER_ADMISSION, nodes: (node) => this.kubelets.find((k) => k.nodeName === node && k.isRunning), usage: options.usage ?? new KubeletsUsage(() => this.kubelets) });
    this.trace = new Tracer(() => options.clock.now());
    this.send = (req) => this.serve(req);
    const clientFor = (u: UserInfo, component: string) => new Client(this.send, u, agent(component));
    const prefix = options.name ?? 'kubelab';
    const schedulerClient = clientFor(user('system:kube-scheduler'), 'kube-scheduler');
    const schedulerEvents = new EventsRecorder(schedulerClient, options.clock, 'default-scheduler', `default-scheduler-${nodeNames(prefix, 0)[0] ?? ''}`);
    this.makeScheduler = () => new Scheduler(schedulerClient, options.clock, this.random, schedulerEvents);
    this.scheduler = this.makeScheduler();
    // kubeadm runs the controller manager with --use-service-account-credentials: its shared
    // informers read as system:kube-controller-manager, and each controller writes as its
    // service account in kube-system, bound to its system:controller:* role.
    const kcm = user('system:kube-controller-manager');
    // Lists and watches read as system:kube-controller-manager; a GET of one object (a job, a
    // scale subresource) is the controller's own request, authorized by its role.
    const controller = (name: string) => new Client((req) => this.send(req.method === 'GET' && parseResourcePath(req.path)?.name === undefined ? { ...req, user: kcm } : req), serviceAccountUser('kube-system', name), agent('kube-controller-manager'));
    this.controllerManager = new ControllerManager(CONTROLLERS, new Client(this.send, kcm, agent('kube-controller-manager')), controller, options.clock, this.random, { ...DEFAULT_CONTROLLER_MANAGER_CONFIG, ...(options.rootCA ? { rootCA: options.rootCA } : {}) }, this.trace);
    const nodeAddresses = nodeNames(prefix, options.workers).map((name, i) => ({ name, ip: nodeIP(i), podCIDR: `10.244.${i}.0/24` }));
    this.networking = new NetworkStack({ clock: options.clock, clientFor, nodes: nodeAddresses, trace: this.trace });
    // Claim data is the cluster's (a network disk): every kubelet mounts the same volume for a claim.
    const claims = new Map<string, Volume>();
    const specs: MachineSpec[] = [];
    this.kubelets = nodeNames(prefix, options.workers).map((name, i) => {
      const shape = machineShape(options.shape, name, i);
      const machine: MachineSpec = {
        name,
        controlPlane: i === 0,
        internalIP: nodeIP(i),
        podCIDR: `10.244.${i}.0/24`,
        cpu: shape.cpu,
        memory: shape.memory,
        pods: shape.pods,
        labels: shape.labels,
        taints: shape.taints,
        ids: { machineID: this.random.string(32, '0123456789abcdef'), systemUUID: this.random.uuid(), bootID: this.random.uuid() },
      };
      specs.push(machine);
      return new Kubelet(machine, clientFor(user(`system:node:${name}`, 'system:nodes'), 'kubelet'), options.clock, this.random, { network: this.networking.network, resolver: this.networking.resolve, claims, imageUnavailable: (image) => this.imageUnavailable(image) });
    });
    const machineHost: MachineHost = {
      clock: options.clock,
      ca: options.rootCA ?? DEFAULT_CONTROLLER_MANAGER_CONFIG.rootCA,
      admin: () => this.client(),
      addresses: () => specs.map((m) => ({ name: m.name, ip: m.internalIP })),
      initialized: () => this.controlPlaneUp,
      apiUp: () => this.controlPlaneUp && !this.down.has('kube-apiserver'),
      startKubelet: (name) => this.startNode(name),
      stopKubelet: (name) => this.stopNode(name),
      initControlPlane: () => this.initControlPlane(),
      resetControlPlane: () => this.resetControlPlane(),
      setComponent: (c, running) => (running ? this.startComponent(c) : this.stopComponent(c)),
    };
    this.machines = this.kubelets.map((k, i) => new NodeMachine(specs[i] as MachineSpec, k, machineHost));
  }

  /**
   * The API server's door, with the faults applied: a stopped kube-apiserver refuses every
   * connection (`ApiServerDownError`) and drops the open watches; a stopped etcd fails every
   * request that needs storage as kube-apiserver does (500, "etcdserver: request timed out").
   */
  private async serve(req: ApiRequest): Promise<ApiResponse> {
    if (this.down.has('kube-apiserver')) throw new ApiServerDownError();
    if (this.down.has('etcd') && needsStorage(req.path)) return { status: 500, headers: { 'content-type': 'application/json' }, body: etcdDownError().status };
    const res = await this.apiServer.handle(req);
    if (!isStream(res)) {
      if (req.method !== 'GET' && res.status < 300) this.traceWrite(req, res);
      return res;
    }
    const inner = res.stream;
    const start: typeof inner.start = (sink) => {
      let stop: () => void = () => undefined;
      const drop = () => {
        this.openStreams.delete(drop);
        stop();
        sink.end();
      };
      this.openStreams.add(drop);
      stop = inner.start({
        send: (e) => sink.send(e),
        end: () => {
          this.openStreams.delete(drop);
          sink.end();
        },
      });
      return () => {
        this.openStreams.delete(drop);
        stop();
      };
    };
    return { ...res, stream: Object.assign(Object.create(inner) as typeof inner, { start }) };
  }

  private traceWrite(req: ApiRequest, res: { status: number; body: unknown }): void {
    const who = req.user?.name ?? 'system:apiserver';
    this.trace.emit({ component: 'kube-apiserver', action: req.method.toLowerCase(), object: req.path, message: `${req.method} ${req.path} (${who}): ${res.status}` });
    const rv = (res.body as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion;
    if (rv) this.trace.emit({ component: 'etcd', action: 'write', object: req.path, message: `stored at revision ${rv}` });
  }

  /** What runs and what a fault stopped. */
  components(): ComponentsState {
    const controlPlane = {} as ComponentsState['controlPlane'];
    for (const c of CONTROL_PLANE_COMPONENTS) controlPlane[c] = this.down.has(c) ? 'Stopped' : 'Running';
    const nodes: ComponentsState['nodes'] = {};
    for (const k of this.kubelets) nodes[k.nodeName] = this.stoppedNodes.has(k.nodeName) ? 'Stopped' : 'Running';
    return { controlPlane, nodes, unavailableImages: [...this.unavailableImages].sort(), memoryFilled: this.kubelets.filter((k) => k.filledMemory > 0).map((k) => k.nodeName).sort() };
  }

  /** Whether a fault made an image unavailable (by its qualified reference, or its repository for all tags). */
  private imageUnavailable(image: string): boolean {
    if (this.unavailableImages.size === 0) return false;
    const ref = parseReference(image);
    return !!ref && (this.unavailableImages.has(ref.qualified) || this.unavailableImages.has(ref.repository));
  }

  /** Applies a fault (see FaultRequest); a FaultError for an unknown node or a bad image name. */
  async applyFault(f: FaultRequest): Promise<void> {
    if (f.kind === 'component' && !this.controlPlaneUp) throw new FaultError(`this cluster has no control plane yet: run "kubeadm init" on ${nodeNames(this.options.name ?? 'kubelab', 0)[0] ?? ''}`);
    if (f.kind === 'component') return f.action === 'stop' ? this.stopComponent(f.name as ControlPlaneComponent) : this.startComponent(f.name as ControlPlaneComponent);
    if (f.kind === 'image') {
      const ref = parseReference(f.name);
      if (!ref) throw new FaultError(`invalid image reference "${f.name}"`);
      // A name with a tag or digest names that image; a bare name names every tag of its repository.
      const key = /[:@]/.test(f.name.split('/').pop() ?? '') ? ref.qualified : ref.repository;
      if (f.action === 'remove') this.unavailableImages.add(key);
      else this.unavailableImages.delete(key);
      this.trace.emit({ component: 'lab', action: f.action, object: `images/${key}`, message: f.action === 'remove' ? `image ${key} is no longer in its registry` : `image ${key} is back in its registry` });
      return;
    }
    const k = this.kubelets.find((x) => x.nodeName === f.name);
    if (!k) throw new FaultError(`node "${f.name}" not found`, true);
    const m = this.machine(f.name);
    if (f.kind === 'node' && f.action === 'start' && m && !m.joined) throw new FaultError(`the kubelet of ${f.name} has not joined a cluster: run "kubeadm join" on it (ssh ${f.name})`);
    if (f.kind === 'node') return f.action === 'stop' ? this.stopNode(f.name) : this.startNode(f.name);
    if (f.action === 'fill') k.fillMemory();
    else k.releaseMemory();
    this.trace.emit({ component: 'lab', action: f.action, object: `nodes/${f.name}`, message: f.action === 'fill' ? `memory of ${f.name} filled: ${Math.round(k.filledMemory / 1048576)}Mi taken outside the pods` : `memory of ${f.name} released` });
  }

  /** Stops a control-plane component (a fault): its function stops until it is started again. */
  async stopComponent(c: ControlPlaneComponent): Promise<void> {
    if (this.down.has(c)) return;
    this.down.add(c);
    this.trace.emit({ component: 'lab', action: 'stop', object: c, message: `${c} stopped` });
    if (c === 'kube-scheduler') this.scheduler.stop();
    else if (c === 'kube-controller-manager') this.controllerManager.stop();
    else if (c === 'kube-apiserver') for (const drop of [...this.openStreams]) drop();
    await Promise.resolve();
  }

  /** Starts a stopped control-plane component again. */
  async startComponent(c: ControlPlaneComponent): Promise<void> {
    if (!this.down.has(c)) return;
    this.down.delete(c);
    this.trace.emit({ component: 'lab', action: 'start', object: c, message: `${c} started` });
    if (c === 'kube-scheduler') {
      this.scheduler = this.makeScheduler();
      await this.scheduler.start();
    } else if (c === 'kube-controller-manager') await this.controllerManager.start();
  }

  private kubelet(name: string): Kubelet {
    const k = this.kubelets.find((x) => x.nodeName === name);
    if (!k) throw new RangeError(`node "${name}" not found`);
    return k;
  }

  /** Stops a node's kubelet (a fault: the node stops heartbeating and the node controller reacts). */
  async stopNode(name: string): Promise<void> {
    const k = this.kubelet(name);
    if (this.stoppedNodes.has(name)) return;
    this.stoppedNodes.add(name);
    this.trace.emit({ component: 'lab', action: 'stop', object: `nodes/${name}`, message: `kubelet on ${name} stopped` });
    k.stop();
    this.machine(name)?.kubeletStopped();
    await Promise.resolve();
  }

  /** Starts a stopped node's kubelet again. */
  async startNode(name: string): Promise<void> {
    const k = this.kubelet(name);
    if (!this.stoppedNodes.has(name)) return;
    this.stoppedNodes.delete(name);
    this.trace.emit({ component: 'lab', action: 'start', object: `nodes/${name}`, message: `kubelet on ${name} started` });
    await k.start();
    this.machine(name)?.kubeletStarted();
  }

  /** The machine of a node. */
  machine(name: string): NodeMachine | undefined {
    return this.machines.find((m) => m.name === name);
  }

  /** Whether the control plane was set up (an empty cluster's is not until `kubeadm init`). */
  get initialized(): boolean {
    return this.controlPlaneUp;
  }

  /** The system namespaces and the bootstrap objects, created as kube-apiserver's post-start hooks and kubeadm do (idempotent). */
  private async bootstrap(): Promise<void> {
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
    await bootstrapAddons(admin, `https://${nodeNames(this.options.name ?? 'kubelab', 0)[0] ?? ''}:6443`, DEFAULT_CONTROLLER_MANAGER_CONFIG.clusterCIDR);
  }

  /**
   * `kubeadm init` on the control-plane node: etcd and kube-apiserver come up, the bootstrap
   * objects and add-ons are created, the controller manager, the scheduler and the pod network
   * start. The control-plane node's kubelet is started by its machine next.
   */
  async initControlPlane(): Promise<void> {
    if (this.controlPlaneUp) return;
    this.down.clear();
    this.controlPlaneUp = true;
    await this.bootstrap();
    await this.controllerManager.start();
    this.scheduler = this.makeScheduler();
    await this.scheduler.start();
    await this.networking.start();
    this.trace.emit({ component: 'lab', action: 'init', object: 'kube-system', message: 'kubeadm init: the control plane runs' });
  }

  /**
   * `kubeadm reset` on the control-plane node: the control plane stops and etcd's data is
   * deleted; every kubelet stops (the nodes' credentials no longer match any cluster: they
   * join again after their own `kubeadm reset`).
   */
  async resetControlPlane(): Promise<void> {
    if (!this.controlPlaneUp) return;
    for (const c of CONTROL_PLANE_COMPONENTS) await this.stopComponent(c);
    this.networking.stop();
    for (const k of this.kubelets) {
      if (!k.isRunning) continue;
      k.stop();
      this.stoppedNodes.add(k.nodeName);
      this.machine(k.nodeName)?.controlPlaneLost();
    }
    for (const key of this.store.keysWithPrefix('/')) {
      try {
        this.store.delete(key);
      } catch {
        // Already gone.
      }
    }
    this.controlPlaneUp = false;
    this.trace.emit({ component: 'lab', action: 'reset', object: 'kube-system', message: "kubeadm reset: the control plane stopped and etcd's data was deleted" });
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
    // An empty cluster is initialized once kubeadm init created kube-system; a node has joined once its Node exists.
    const empty = this.options.empty === true;
    this.controlPlaneUp = !empty || this.store.get('/registry/core/namespaces/kube-system') !== undefined;
    const joined = (name: string) => !empty || (this.controlPlaneUp && this.store.get(`/registry/core/nodes/${name}`) !== undefined);
    for (const m of this.machines) m.boot(this.controlPlaneUp, joined(m.name));
    if (!this.controlPlaneUp) {
      for (const c of CONTROL_PLANE_COMPONENTS) this.down.add(c);
      for (const k of this.kubelets) this.stoppedNodes.add(k.nodeName);
      return;
    }
    await this.bootstrap();
    await this.controllerManager.start();
    for (const k of this.kubelets) {
      if (joined(k.nodeName)) await k.start();
      else this.stoppedNodes.add(k.nodeName);
    }
    // A restarted lab: the static pods students wrote come back (their manifests from their mirror pods).
    if (this.options.store) for (const m of this.machines) if (m.kubelet.isRunning) await m.restoreStaticPods();
    await this.scheduler.start();
    await this.networking.start();
  }

  /** Stops every component. */
  stop(): void {
    this.networking.stop();
    this.scheduler.stop();
    this.controllerManager.stop();
    for (const k of this.kubelets) k.stop();
    for (const m of this.machines) m.shutdown();
  }
}
