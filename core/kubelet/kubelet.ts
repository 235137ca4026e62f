/**
 * A simulated kubelet, for one node. It registers its Node, renews its Lease and posts the
 * node's status (nodeStatus.ts), runs static pods with their mirror pods (staticPods.ts), and
 * runs every pod bound to the node in simulated containers (podWorker.ts over runtime/), writing
 * the pod status a real kubelet writes (podStatus.ts) and its events (podEvents.ts). It serves
 * logs, exec and the containers' files to the rest of the lab (the API server's pods/log, the
 * shells), and resource usage to the metrics pipeline.
 */
import { rfc3339 } from '../api/duration';
import { isStatusError } from '../api/status';
import type { Node, Pod, PodStatus, Service } from '../api/types';
import type { LogAnswer, PodLogQuery } from '../apiserver/podLogs';
import type { Clock } from '../clock/clock';
import type { Random } from '../clock/random';
import type { Client } from '../client/client';
import { EventRecorder } from '../client/events';
import { Informer, keyOf } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import type { ContainerUsage } from '../metrics/types';
import type { PodNetwork } from '../network/types';
import { Backoff } from './backoff';
import { EvictionManager } from './eviction';
import type { RefReader } from './env';
import { resolveImage } from './images/catalogue';
import { CONTROL_PLANE_IMAGES, COREDNS, ETCD, KIND_IMAGES } from './images/system';
import { containerLogs } from './kubeletLogs';
import { nodeObject, type MachineSpec } from './node';
import { Heartbeat } from './nodeStatus';
import { PodEvents } from './podEvents';
import type { PodState } from './podState';
import { podStatus } from './podStatus';
import { PodWorker, type WorkerHost } from './podWorker';
import { ProbeManager } from './probes';
import type { ExecResult } from './runtime/container';
import type { ExecSession, SessionOptions } from './runtime/session';
import type { FileSystem, Volume } from './runtime/fs';
import { NodeRuntime } from './runtime/runtime';
import type { Resolver } from './runtime/sandbox';
import { CONTROL_PLANE_COMPONENTS, controlPlaneManifest, isMirrorPod, mirrorPod } from './staticPods';
import { NODE_OVERHEAD } from './usage';

export { mountStatuses } from './mounts';
export { qualifiedImage } from './images/reference';

/** Optional wiring of a kubelet. */
export interface KubeletOptions {
  /** The pod network (servers listen there, curl connects through it); none: pods reach only themselves. */
  network?: PodNetwork;
  /** Name resolution for containers (cluster DNS). */
  resolver?: Resolver;
  /** The data of PersistentVolumeClaims by `namespace/claim`, shared by every kubelet of the cluster. */
  claims?: Map<string, Volume>;
  /** Whether a fault removed an image from its registry (its pulls then fail). */
  imageUnavailable?: (image: string) => boolean;
}

/** Where a kubelet's own log lines go (the node's journal): klog's severity, `file.go:line` and the structured message. */
export type KubeletLog = (severity: 'I' | 'W' | 'E', source: string, message: string) => void;

/** A quoted value of a klog structured message (`"default/web"`). */
function q(v: string): string {
  return JSON.stringify(v);
}

/** The JSON text of each stored status seen (the informer's objects are the store's, frozen): made once. */
const statusTexts = new WeakMap<object, string>();

/** `JSON.stringify` of a pod's status, remembered for a stored (frozen) one. */
function storedText(status: PodStatus | undefined): string | undefined {
  if (!status || !Object.isFrozen(status)) return JSON.stringify(status);
  let text = statusTexts.get(status);
  if (text === undefined) statusTexts.set(status, (text = JSON.stringify(status)));
  return text;
}

/** Images kind's node image has preloaded (the control plane's, CoreDNS, kindnet, the pause image). */
const PRELOADED = [ETCD, ...CONTROL_PLANE_IMAGES, COREDNS, ...KIND_IMAGES].flatMap((d) => Object.keys(d.tags).map((t) => `${d.repository}:${t}`));

/** One kubelet, for one node. */
export class Kubelet {
  private readonly pods: Informer<Pod>;
  private readonly services: Informer<Service>;
  private queue: WorkQueue;
  private readonly workers = new Map<string, PodWorker>();
  private readonly staticPods = new Map<string, Pod>();
  /** The status last written per pod, and the resourceVersion it was computed from (not to write it twice). */
  private readonly lastWritten = new Map<string, { rv: string | undefined; text: string }>();
  private readonly heartbeat: Heartbeat;
  private readonly host: WorkerHost;
  private running = false;
  /** The eviction manager (memory pressure). */
  private readonly eviction: EvictionManager;
  /** Memory a fault takes outside the pods (bytes). */
  private memoryFill = 0;
  private nodeUid = '';
  /** The kubelet's event recorder (`source: {component: kubelet, host: <node>}`). */
  readonly recorder: EventRecorder;
  /** The node's container runtime (sandboxes, images, the node's files). */
  readonly runtime: NodeRuntime;
  /** Where the kubelet logs (the node's journal, core/node); none: nowhere. */
  log: KubeletLog | undefined;

  constructor(
    private readonly machine: MachineSpec,
    private readonly client: Client,
    private readonly clock: Clock,
    random: Random,
    options: KubeletOptions = {},
  ) {
    this.pods = new Informer<Pod>(client, { resource: 'pods' }, clock, { fieldSelector: `spec.nodeName=${machine.name}` });
    this.services = new Informer<Service>(client, { resource: 'services' }, clock);
    this.recorder = new EventRecorder(client, clock, { component: 'kubelet', host: machine.name });
    // client-go's event broadcaster logs every event it records ("Event occurred").
    const record = this.recorder.event.bind(this.recorder);
    this.recorder.event = (regarding, type, reason, message) => {
      if (this.log) {
        const r = 'metadata' in regarding ? { kind: regarding.kind ?? '', namespace: regarding.metadata.namespace, name: regarding.metadata.name ?? '', apiVersion: regarding.apiVersion ?? '', fieldPath: undefined } : regarding;
        const object = r.namespace ? `${r.namespace}/${r.name ?? ''}` : (r.name ?? '');
        // The eviction manager's own lines around the events it records.
        if (reason === 'EvictionThresholdMet') this.log('I', 'eviction_manager.go:369', '"Eviction manager: attempting to reclaim" resourceName="memory"');
        this.log('I', 'event.go:389', `"Event occurred" object=${q(object)} fieldPath=${q(r.fieldPath ?? '')} kind=${q(r.kind ?? '')} apiVersion=${q(r.apiVersion ?? '')} type=${q(type)} reason=${q(reason)} message=${q(message)}`);
        if (reason === 'Evicted') this.log('I', 'eviction_manager.go:616', `"Eviction manager: pod is evicted successfully" pod=${q(object)}`);
      }
      record(regarding, type, reason, message);
    };
    this.runtime = new NodeRuntime({ clock, random, podCIDR: machine.podCIDR, cpus: Number.parseInt(machine.cpu, 10) || 1, ...(options.network ? { network: options.network } : {}), ...(options.resolver ? { resolver: options.resolver } : {}) });
    for (const image of PRELOADED) {
      const r = resolveImage(image);
      if (r) this.runtime.store(r);
    }
    this.queue = this.newQueue();
    const enqueue = (p: Pod) => this.queue.add(keyOf(p));
    const syncLoop = (op: string, p: Pod) => this.log?.('I', op === 'ADD' ? 'kubelet.go:2459' : 'kubelet.go:2475', `"SyncLoop ${op}" source="api" pods=[${q(keyOf(p))}]`);
    this.pods.addHandlers({
      add: (p) => {
        syncLoop('ADD', p);
        enqueue(p);
      },
      update: (_o, p) => enqueue(p),
      delete: (p) => {
        syncLoop('REMOVE', p);
        enqueue(p);
      },
    });
    const reader: RefReader = {
      configMap: (ns, name) => this.getOptional({ resource: 'configmaps', namespace: ns, name }),
      secret: (ns, name) => this.getOptional({ resource: 'secrets', namespace: ns, name }),
      services: (ns) => this.services.list().filter((s) => s.metadata.namespace === ns || (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes')),
    };
    this.host = {
      clock,
      random,
      events: new PodEvents(this.recorder),
      runtime: this.runtime,
      reader,
      hosts: { hostFs: this.runtime.hostFs, claims: options.claims ?? new Map() },
      machine,
      crashBackoff: new Backoff(),
      pullBackoff: new Backoff(),
      changed: (key) => this.queue.add(key),
      removed: (key, uid) => void this.deletePod(key, uid),
      probes: new ProbeManager(clock),
      active: () => this.running,
      imageUnavailable: options.imageUnavailable ?? (() => false),
    };
    this.eviction = new EvictionManager({
      clock,
      recorder: this.recorder,
      nodeName: machine.name,
      memory: () => {
        const used = this.nodeUsage()?.memoryBytes;
        return used === undefined ? undefined : { capacity: this.memoryCapacity(), used };
      },
      candidates: () =>
        [...this.workers.values()]
          .filter((w) => !w.disposed && !w.state.finished && !w.state.terminating && w.state.records.some((r) => r.instance?.state === 'running'))
          .map((w) => ({ pod: w.pod, containers: w.state.records.filter((r) => r.instance?.state === 'running').map((r) => ({ name: r.spec.name, memoryBytes: r.instance?.memoryBytes() ?? 0 })) })),
      evict: (pod, message) => this.workers.get(keyOf(pod))?.evict(message),
    });
    this.heartbeat = new Heartbeat(client, clock, machine.name, () => ({ memoryPressure: this.eviction.underPressure(), images: this.runtime.imageList() }));
  }

  /** The node's name. */
  get nodeName(): string {
    return this.machine.name;
  }

  /** Whether the kubelet runs (a stopped one neither heartbeats nor syncs pods). */
  get isRunning(): boolean {
    return this.running;
  }

  private newQueue(): WorkQueue {
    return new WorkQueue(this.clock, (key) => this.syncPod(key));
  }

  private async getOptional<T extends Node | Pod | object>(ref: { resource: string; namespace: string; name: string }): Promise<T | undefined> {
    try {
      return (await this.client.get(ref)) as unknown as T;
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return undefined;
      throw e;
    }
  }

  /** Registers the node (if new), starts the heartbeats, the static pods and the pod sync. */
  async start(): Promise<void> {
    let node: Node;
    this.log?.('I', 'kubelet_node_status.go:76', `"Attempting to register node" node=${q(this.machine.name)}`);
    try {
      node = await this.client.get<Node>({ resource: 'nodes', name: this.machine.name });
      this.log?.('I', 'kubelet_node_status.go:126', `"Node was previously registered" node=${q(this.machine.name)}`);
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
      node = await this.client.create<Node>({ resource: 'nodes' }, nodeObject(this.machine, this.clock.now()));
    }
    this.log?.('I', 'kubelet_node_status.go:79', `"Successfully registered node" node=${q(this.machine.name)}`);
    this.nodeUid = node.metadata.uid ?? '';
    if (this.running) return;
    this.running = true;
    this.queue = this.newQueue();
    await this.heartbeat.start();
    this.eviction.start();
    await this.services.start();
    await this.pods.start();
    if (this.machine.controlPlane && this.staticPods.size === 0) {
      for (const c of CONTROL_PLANE_COMPONENTS) this.staticPods.set(c, controlPlaneManifest(c, this.machine.name, this.machine.internalIP));
    }
    for (const manifest of this.staticPods.values()) await this.ensureMirror(manifest);
    for (const [key, w] of this.workers) {
      this.queue.add(key);
      w.step();
    }
  }

  /** Stops the kubelet: no more heartbeats, no pod sync (the containers keep running, as under containerd). */
  stop(): void {
    this.running = false;
    this.heartbeat.stop();
    this.eviction.stop();
    this.pods.stop();
    this.services.stop();
    this.queue.shutdown();
  }

  /** Adds a manifest to the node's manifest directory (a static pod `name` → mirror pod `name-<node>`). */
  async addStaticPod(manifest: Pod): Promise<void> {
    const name = manifest.metadata.name ?? '';
    this.staticPods.set(name, { ...manifest, metadata: { ...manifest.metadata, namespace: manifest.metadata.namespace ?? 'default' } });
    if (this.running) await this.ensureMirror(this.staticPods.get(name) as Pod);
  }

  /** Removes a manifest: the static pod stops and its mirror pod goes. */
  async removeStaticPod(name: string): Promise<void> {
    const manifest = this.staticPods.get(name);
    if (!manifest) return;
    this.staticPods.delete(name);
    const ref = { resource: 'pods', namespace: manifest.metadata.namespace ?? 'default', name: `${name}-${this.machine.name}` };
    await this.client.delete(ref, { gracePeriodSeconds: manifest.spec.terminationGracePeriodSeconds ?? 30 }).catch((e: unknown) => {
      if (!isStatusError(e, 'NotFound')) throw e;
    });
  }

  /** What the kubelet knows of each pod on its node (its sandbox and containers), for the node's tools (crictl, ps). */
  podStates(): { pod: Pod; state: PodState }[] {
    return [...this.workers.values()].filter((w) => !w.disposed).map((w) => ({ pod: w.pod, state: w.state }));
  }

  /** The manifests of the node's static pods. */
  staticPodManifests(): Pod[] {
    return [...this.staticPods.values()];
  }

  private async ensureMirror(manifest: Pod): Promise<void> {
    const mirror = mirrorPod(manifest, this.machine.name, this.nodeUid);
    (mirror.metadata.annotations as Record<string, string>)['kubernetes.io/config.seen'] = new Date(this.clock.now()).toISOString().replace('Z', '000000Z');
    if (this.pods.get(keyOf(mirror))) return;
    try {
      await this.client.create({ resource: 'pods', namespace: mirror.metadata.namespace ?? 'default' }, mirror);
    } catch (e) {
      if (!isStatusError(e, 'AlreadyExists')) throw e;
    }
  }

  /** The static pod a mirror pod stands for, if its manifest is still there. */
  private staticFor(pod: Pod): Pod | undefined {
    if (!isMirrorPod(pod)) return undefined;
    const suffix = `-${this.machine.name}`;
    const name = pod.metadata.name ?? '';
    return name.endsWith(suffix) ? this.staticPods.get(name.slice(0, -suffix.length)) : undefined;
  }

  private async syncPod(key: string): Promise<void> {
    if (!this.running) return;
    const pod = this.pods.get(key);
    let worker = this.workers.get(key);
    if (!pod) {
      // A mirror pod deleted through the API: the static pod keeps running and its mirror comes back.
      const manifest = worker && [...this.staticPods.values()].find((m) => `${m.metadata.namespace}/${m.metadata.name}-${this.machine.name}` === key);
      if (manifest) {
        await this.ensureMirror(manifest);
        return;
      }
      worker?.dispose();
      this.workers.delete(key);
      this.lastWritten.delete(key);
      return;
    }
    const mirrorOf = this.staticFor(pod);
    if (worker && worker.state.uid !== pod.metadata.uid && !mirrorOf) {
      worker.dispose();
      worker = undefined;
    }
    const phase = pod.status?.phase;
    const terminal = phase === 'Succeeded' || phase === 'Failed' ? phase : undefined;
    if (!worker) {
      worker = new PodWorker(this.host, pod);
      this.workers.set(key, worker);
      if (terminal) {
        worker.state.finished = terminal;
        worker.state.external = true;
        return;
      }
      worker.boot = !!mirrorOf && (CONTROL_PLANE_COMPONENTS as readonly string[]).includes(mirrorOf.metadata.name ?? '');
      worker.begin();
    }
    worker.pod = pod;
    if (terminal && !worker.state.finished) worker.adoptTerminal(terminal);
    if (pod.metadata.deletionTimestamp) {
      if (mirrorOf) {
        await this.client.delete({ resource: 'pods', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' }, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid ?? '' } }).catch(() => undefined);
        return;
      }
      worker.terminate();
    }
    if (!worker.state.seen || worker.state.external) return;
    await this.writeStatus(pod, podStatus(pod, worker.state, this.clock.now(), this.machine.internalIP));
  }

  private async writeStatus(pod: Pod, status: PodStatus): Promise<void> {
    const key = keyOf(pod);
    const text = JSON.stringify(status);
    const last = this.lastWritten.get(key);
    if (text === storedText(pod.status) || (last && last.rv === pod.metadata.resourceVersion && last.text === text)) return;
    // The merge patch `{metadata: {uid}, status}` with a null for each stored member the status no
    // longer has, written from `text` rather than serialized again: `text` ends with the status's `}`.
    let removed = '';
    for (const k of Object.keys(pod.status ?? {})) if (!(k in status)) removed += `${JSON.stringify(k)}:null,`;
    const statusText = removed === '' ? text : text === '{}' ? `{${removed.slice(0, -1)}}` : `${text.slice(0, -1)},${removed.slice(0, -1)}}`;
    const uid = pod.metadata.uid === undefined ? '' : `"uid":${JSON.stringify(pod.metadata.uid)}`;
    try {
      await this.client.patchTextShared({ resource: 'pods', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', subresource: 'status' }, `{"metadata":{${uid}},"status":${statusText}}`, 'application/merge-patch+json');
      this.lastWritten.set(key, { rv: pod.metadata.resourceVersion, text });
    } catch (e) {
      if (isStatusError(e, 'NotFound') || isStatusError(e, 'Conflict')) return;
      throw e;
    }
  }

  private async deletePod(key: string, uid: string): Promise<void> {
    const [namespace = '', name = ''] = key.split('/');
    const pod = this.pods.get(key);
    const state = this.workers.get(key)?.state;
    if (pod && pod.metadata.uid === uid && state && !state.external) await this.writeStatus(pod, podStatus(pod, state, this.clock.now(), this.machine.internalIP)).catch(() => undefined);
    try {
      await this.client.delete({ resource: 'pods', namespace, name }, { gracePeriodSeconds: 0, preconditions: { uid } });
    } catch (e) {
      if (!isStatusError(e, 'NotFound') && !isStatusError(e, 'Conflict')) this.clock.setTimer(1000, () => void this.deletePod(key, uid));
    }
  }

  private worker(namespace: string, pod: string): PodWorker | undefined {
    const w = this.workers.get(`${namespace}/${pod}`);
    return w && !w.disposed ? w : undefined;
  }

  /** The log of a container of a pod on this node (the kubelet's /containerLogs). */
  containerLogs(namespace: string, pod: string, query: PodLogQuery): LogAnswer {
    const w = this.worker(namespace, pod);
    // Not seen yet (the kubelet's watch lags the binding): nothing runs.
    if (!w) throw new Error(`container "${query.container}" in pod "${pod}" is waiting to start: ContainerCreating`);
    return containerLogs(w, query.container, query, this.clock.now());
  }

  /** Runs a command in a running container (kubectl exec); throws when the container does not run. */
  exec(namespace: string, pod: string, container: string, argv: string[], stdin = ''): Promise<ExecResult> {
    const inst = this.worker(namespace, pod)?.record(container)?.instance;
    if (!inst || inst.state !== 'running') return Promise.reject(new Error(`unable to upgrade connection: container not found ("${container}")`));
    return inst.exec(argv, stdin);
  }

  /**
   * Starts an exec session in a running container (the kubelet's /exec over CRI Exec): the
   * session, or why not — `upgrade` when the container does not run (`container not found
   * ("web")`), `exec` when the runtime could not start the command (runc's message).
   */
  execStream(namespace: string, pod: string, container: string, argv: string[], options: SessionOptions): { ok: true; session: ExecSession } | { ok: false; stage: 'upgrade' | 'exec'; message: string } {
    const inst = this.worker(namespace, pod)?.record(container)?.instance;
    if (!inst || inst.state !== 'running') return { ok: false, stage: 'upgrade', message: `container not found (${JSON.stringify(container)})` };
    const id = this.runtime.newId();
    const r = inst.openExec(id, argv, options);
    if (!r.ok) return { ok: false, stage: 'exec', message: `error executing command in container: failed to exec in container: failed to start exec ${JSON.stringify(id)}: ${r.error}` };
    return r;
  }

  /** Attaches to a running container's program (the kubelet's /attach over CRI Attach). */
  attachStream(namespace: string, pod: string, container: string): { ok: true; session: ExecSession } | { ok: false; stage: 'upgrade'; message: string } {
    const session = this.worker(namespace, pod)?.record(container)?.instance?.attach(this.runtime.newId());
    return session ? { ok: true, session } : { ok: false, stage: 'upgrade', message: `container not found (${JSON.stringify(container)})` };
  }

  /** The filesystem of a running container (for `kubectl cp` and the shells), if any. */
  filesystem(namespace: string, pod: string, container: string): FileSystem | undefined {
    const inst = this.worker(namespace, pod)?.record(container)?.instance;
    return inst && inst.state === 'running' ? inst.fs : undefined;
  }

  /** The usage of a pod's running containers; undefined when the pod is not here. */
  podUsage(namespace: string, name: string): ContainerUsage[] | undefined {
    const w = this.worker(namespace, name);
    if (!w || !this.running) return undefined;
    return w.state.records.filter((r) => r.instance?.state === 'running').map((r) => ({ name: r.spec.name, cpuMilli: r.instance?.cpuMilli() ?? 0, memoryBytes: r.instance?.memoryBytes() ?? 0 }));
  }

  /** The node's usage: its containers and its own daemons; undefined when the kubelet is stopped. */
  nodeUsage(): { cpuMilli: number; memoryBytes: number } | undefined {
    if (!this.running) return undefined;
    let cpuMilli = NODE_OVERHEAD.cpuMilli;
    let memoryBytes = NODE_OVERHEAD.memoryBytes + this.memoryFill;
    for (const w of this.workers.values()) {
      for (const r of w.state.records) {
        if (r.instance?.state !== 'running') continue;
        cpuMilli += r.instance.cpuMilli();
        memoryBytes += r.instance.memoryBytes();
      }
    }
    return { cpuMilli, memoryBytes };
  }

  private memoryCapacity(): number {
    const m = /^(\d+)Ki$/.exec(this.machine.memory);
    return m ? Number(m[1]) * 1024 : Number.POSITIVE_INFINITY;
  }

  /**
   * A fault: something outside the pods (a runaway process on the node) takes memory until only
   * `leftBytes` (default 50Mi, under the 100Mi eviction threshold) is available; the eviction
   * manager then evicts pods until enough is free. `releaseMemory` gives it back.
   */
  fillMemory(leftBytes = 50 * 1024 * 1024): void {
    const used = (this.nodeUsage()?.memoryBytes ?? 0) - this.memoryFill;
    this.memoryFill = Math.max(0, this.memoryCapacity() - used - leftBytes);
  }

  /** Ends the memory fault. */
  releaseMemory(): void {
    this.memoryFill = 0;
  }

  /** The memory a fault takes on this node (bytes). */
  get filledMemory(): number {
    return this.memoryFill;
  }

  /** When the kubelet last saw the pod (status.startTime), for tests and the dashboard. */
  podStartTime(namespace: string, pod: string): string | undefined {
    const w = this.worker(namespace, pod);
    return w ? rfc3339(w.state.startTime) : undefined;
  }
}
