/**
 * A simulated kubelet. It registers its Node, runs the mirror pods of its static pods, and
 * drives each pod bound to it through the lifecycle a real kubelet reports: Pending with
 * ContainerCreating, then Running and Ready; on deletion it stops the containers and removes
 * the pod with a zero grace period. Containers are simulated: nothing is executed.
 */
import { rfc3339 } from '../api/duration';
import { isStatusError } from '../api/status';
import type { Condition, Container, ContainerStatus, Node, Pod, VolumeMountStatus } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Random } from '../clock/random';
import type { Client } from '../client/client';
import { Informer, keyOf } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import { healthyConditions, nodeObject, type MachineSpec } from './node';
import { EventRecorder } from '../client/events';
import { PodEvents } from './podEvents';
import { CONTROL_PLANE_COMPONENTS, staticPod } from './staticPods';

/** Simulated delays (ms of cluster time): creating the sandbox and pulling, stopping. */
const START_DELAY = { min: 800, max: 2500 };
const STOP_DELAY = { min: 300, max: 1200 };

/** One kubelet, for one node. */
export class Kubelet {
  private readonly pods: Informer<Pod>;
  private readonly queue: WorkQueue;
  /** Pods whose start or stop is already scheduled (key → uid). */
  private readonly pending = new Map<string, string>();
  private readonly ips = new Map<string, string>();
  private nextIp = 2;
  /** The kubelet's event recorder (`source: {component: kubelet, host: <node>}`). */
  readonly recorder: EventRecorder;
  private readonly events: PodEvents;

  constructor(
    private readonly machine: MachineSpec,
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly random: Random,
  ) {
    this.pods = new Informer<Pod>(client, { resource: 'pods' }, clock, { fieldSelector: `spec.nodeName=${machine.name}` });
    this.recorder = new EventRecorder(client, clock, { component: 'kubelet', host: machine.name });
    this.events = new PodEvents(this.recorder, random, qualifiedImage);
    this.queue = new WorkQueue(clock, (key) => this.syncPod(key));
    const enqueue = (p: Pod) => this.queue.add(keyOf(p));
    this.pods.addHandlers({ add: enqueue, update: (_o, p) => enqueue(p), delete: (p) => this.forget(p) });
  }

  /** The node's name. */
  get nodeName(): string {
    return this.machine.name;
  }

  /** Registers the node (if new), creates the static pods' mirrors and starts syncing pods. */
  async start(): Promise<void> {
    let node: Node;
    try {
      node = await this.client.get<Node>({ resource: 'nodes', name: this.machine.name });
    } catch (e) {
      if (!isStatusError(e, 'NotFound')) throw e;
      node = await this.client.create<Node>({ resource: 'nodes' }, nodeObject(this.machine, this.clock.now()));
    }
    await this.pods.start();
    if (this.machine.controlPlane) {
      for (const component of CONTROL_PLANE_COMPONENTS) {
        const pod = staticPod(component, this.machine.name, this.machine.internalIP, node.metadata.uid ?? '');
        if (this.pods.get(keyOf(pod))) continue;
        try {
          await this.client.create({ resource: 'pods', namespace: 'kube-system' }, pod);
        } catch (e) {
          if (!isStatusError(e, 'AlreadyExists')) throw e;
        }
      }
    }
    // Refresh the node's conditions so that it reports Ready as of this start.
    await this.client.update({ resource: 'nodes', name: this.machine.name, subresource: 'status' }, { ...node, status: { ...node.status, conditions: healthyConditions(this.clock.now()) } });
  }

  /** Stops the kubelet. */
  stop(): void {
    this.pods.stop();
    this.queue.shutdown();
  }

  private forget(pod: Pod): void {
    const key = keyOf(pod);
    this.pending.delete(key);
    this.ips.delete(key);
  }

  private delay(range: { min: number; max: number }): number {
    return this.random.between(range.min, range.max);
  }

  private podIP(pod: Pod): string {
    if (pod.spec.hostNetwork) return this.machine.internalIP;
    const key = keyOf(pod);
    let ip = this.ips.get(key) ?? pod.status?.podIP;
    if (!ip) {
      const base = this.machine.podCIDR.split('/')[0]?.split('.').slice(0, 3).join('.') ?? '10.244.0';
      ip = `${base}.${this.nextIp++}`;
    }
    this.ips.set(key, ip);
    return ip;
  }

  private async syncPod(key: string): Promise<void> {
    const pod = this.pods.get(key);
    if (!pod) return;
    const uid = pod.metadata.uid ?? '';
    if (pod.metadata.deletionTimestamp) {
      if (this.pending.get(key) === `stop:${uid}`) return;
      this.pending.set(key, `stop:${uid}`);
      this.events.killing(pod);
      const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
      this.clock.setTimer(Math.min(grace, this.delay(STOP_DELAY)), () => void this.finishDeletion(key, uid).catch(() => this.queue.add(key)));
      return;
    }
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Succeeded' || phase === 'Failed') return;
    if (!pod.status?.containerStatuses) {
      await this.writeStatus(pod, this.creatingStatus(pod));
      return;
    }
    if (this.pending.get(key) === `start:${uid}`) return;
    this.pending.set(key, `start:${uid}`);
    const fromFile = pod.metadata.annotations?.['kubernetes.io/config.source'] === 'file';
    const delay = fromFile ? 0 : this.delay(START_DELAY);
    if (!fromFile) this.events.starting(pod);
    this.clock.setTimer(delay, () => {
      this.pending.delete(key);
      const current = this.pods.get(key);
      if (!current || current.metadata.uid !== uid || current.metadata.deletionTimestamp) return;
      if (!fromFile) this.events.started(current, delay);
      this.writeStatus(current, this.runningStatus(current)).catch(() => this.queue.add(key));
    });
  }

  private async finishDeletion(key: string, uid: string): Promise<void> {
    try {
      await this.client.delete({ resource: 'pods', namespace: key.split('/')[0] ?? '', name: key.split('/')[1] ?? '' }, { gracePeriodSeconds: 0, preconditions: { uid } });
    } catch (e) {
      if (!isStatusError(e, 'NotFound') && !isStatusError(e, 'Conflict')) throw e;
    }
  }

  private async writeStatus(pod: Pod, status: Pod['status']): Promise<void> {
    try {
      await this.client.update({ resource: 'pods', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', subresource: 'status' }, { ...pod, status });
    } catch (e) {
      if (isStatusError(e, 'NotFound')) return;
      throw e;
    }
  }

  private conditions(pod: Pod, ready: boolean): Condition[] {
    const t = rfc3339(this.clock.now());
    const names = pod.spec.containers.map((c) => c.name).join(' ');
    const notReady = { reason: 'ContainersNotReady', message: `containers with unready status: [${names}]` };
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: t };
    const c = (type: string, ok: boolean, extra: object = {}): Condition => ({ type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: t, ...(ok ? {} : extra) });
    return [c('PodReadyToStartContainers', ready), c('Initialized', true), c('Ready', ready, notReady), c('ContainersReady', ready, notReady), scheduled];
  }

  private hostStatus(pod: Pod): Partial<NonNullable<Pod['status']>> {
    return {
      hostIP: this.machine.internalIP,
      hostIPs: [{ ip: this.machine.internalIP }],
      startTime: pod.status?.startTime ?? rfc3339(this.clock.now()),
    };
  }

  private creatingStatus(pod: Pod): Pod['status'] {
    const containerStatuses: ContainerStatus[] = pod.spec.containers.map((c) => ({
      name: c.name,
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image: c.image ?? '',
      imageID: '',
      started: false,
    }));
    return { ...pod.status, phase: 'Pending', conditions: this.conditions(pod, false), ...this.hostStatus(pod), containerStatuses };
  }

  private runningStatus(pod: Pod): Pod['status'] {
    const started = rfc3339(this.clock.now());
    const ip = this.podIP(pod);
    const containerStatuses: ContainerStatus[] = pod.spec.containers.map((c) => ({
      name: c.name,
      state: { running: { startedAt: started } },
      lastState: {},
      ready: true,
      restartCount: 0,
      image: qualifiedImage(c.image ?? ''),
      imageID: `${qualifiedImage(c.image ?? '').split(':')[0]}@sha256:${this.random.string(64, '0123456789abcdef')}`,
      containerID: `containerd://${this.random.string(64, '0123456789abcdef')}`,
      started: true,
      ...mountStatuses(c),
    }));
    return { ...pod.status, phase: 'Running', conditions: this.conditions(pod, true), ...this.hostStatus(pod), podIP: ip, podIPs: [{ ip }], containerStatuses };
  }
}

/**
 * The volume mounts of a running container as the kubelet reports them (RecursiveReadOnlyMounts,
 * on since 1.31): each mount, and for a read-only one whether it is recursively read-only —
 * always `Disabled` here, as with kind's containerd 1.7, which cannot make recursive read-only
 * mounts (`IfPossible` resolves to `Disabled`).
 */
export function mountStatuses(c: Container): { volumeMounts?: VolumeMountStatus[] } {
  const mounts = Array.isArray(c['volumeMounts']) ? (c['volumeMounts'] as Record<string, unknown>[]) : [];
  if (mounts.length === 0) return {};
  return {
    volumeMounts: mounts.map((m) => {
      const s: VolumeMountStatus = { name: String(m['name'] ?? ''), mountPath: String(m['mountPath'] ?? '') };
      if (m['readOnly'] === true) {
        s.readOnly = true;
        s.recursiveReadOnly = 'Disabled';
      }
      return s;
    }),
  };
}

/** `nginx` → `docker.io/library/nginx:latest`, as containerd reports image names. */
export function qualifiedImage(image: string): string {
  let name = image;
  const lastSlash = name.lastIndexOf('/');
  if (!name.includes('@') && name.indexOf(':', lastSlash + 1) < 0) name += ':latest';
  const first = name.split('/')[0] ?? '';
  if (!name.includes('/')) return `docker.io/library/${name}`;
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost') return `docker.io/${name}`;
  return name;
}
