/**
 * The pod worker: drives one pod through its life on the node, as the kubelet's pod workers and
 * kuberuntime's SyncPod do — volumes and sandbox, init containers one by one to completion,
 * then the containers; restarts by restartPolicy with the CrashLoopBackOff back-off; the pod's
 * end (Succeeded/Failed); graceful termination on deletion. Each step takes the time its stage
 * says (stages.ts) and tells the kubelet that the status may have changed.
 */
import type { Container, Pod } from '../api/types';
import type { Clock } from '../clock/clock';
import type { Random } from '../clock/random';
import type { Backoff } from './backoff';
import { startContainer } from './containerStart';
import type { RefReader } from './env';
import type { MachineSpec } from './node';
import { formatPod, goDuration, PodEvents } from './podEvents';
import type { ContainerRecord, PodState } from './podState';
import type { NodeRuntime } from './runtime/runtime';
import type { Volume } from './runtime/fs';
import { stageDelay, type StageName } from './stages';
import { MountError, setUpVolumes, type VolumeHosts } from './volumes';

/** What a pod worker uses of its kubelet. */
export interface WorkerHost {
  clock: Clock;
  random: Random;
  events: PodEvents;
  runtime: NodeRuntime;
  reader: RefReader;
  hosts: VolumeHosts;
  machine: MachineSpec;
  crashBackoff: Backoff;
  pullBackoff: Backoff;
  /** The pod's status may have changed. */
  changed(key: string): void;
  /** Every container stopped and the sandbox is gone: delete the pod from the API. */
  removed(key: string, uid: string): void;
  /** Whether the kubelet runs (a stopped kubelet starts and restarts nothing; its containers keep running). */
  active(): boolean;
  /** A container runs (start its probes) or stopped (stop them). */
  probes: { start(worker: PodWorker, r: ContainerRecord): void; stop(r: ContainerRecord): void };
  /** Whether an image cannot be pulled now (a fault removed it from its registry). */
  imageUnavailable(image: string): boolean;
}

/** How often a waiting back-off is noticed again (the pod worker's resync), re-emitting its event. */
const BACKOFF_RESYNC_MS = 10_000;

/** One pod's worker. */
export class PodWorker {
  readonly state: PodState;
  /** The pod's volumes once set up. */
  volumes: Map<string, { volume: Volume; source?: string }> | undefined;
  private dead = false;
  /**
   * A static pod of the control plane, which kubeadm's kubelet started before the API server
   * was up: its stages take no time and record no events (its mirror pod appears running).
   */
  boot = false;
  private readonly silent = new PodEvents(undefined);

  constructor(
    readonly host: WorkerHost,
    public pod: Pod,
  ) {
    const record = (spec: Container, init: boolean): ContainerRecord => ({ spec, init, sidecar: init && spec['restartPolicy'] === 'Always', restartCount: 0, busy: false, ready: false, started: false, done: false });
    this.state = {
      uid: pod.metadata.uid ?? '',
      key: `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`,
      sandboxPending: false,
      records: [...(pod.spec.initContainers ?? []).map((c) => record(c, true)), ...pod.spec.containers.map((c) => record(c, false))],
      terminating: false,
      seen: false,
      startTime: host.clock.now(),
      timers: new Set(),
    };
  }

  /** Runs `fn` after a stage's delay (or `ms`), unless the worker is gone by then. */
  after(stage: StageName | number, fn: () => void): void {
    const ms = typeof stage === 'number' ? stage : this.boot ? 0 : stageDelay(stage, this.host.random);
    const handle = this.host.clock.setTimer(ms, () => {
      this.state.timers.delete(handle);
      if (!this.dead) fn();
    });
    this.state.timers.add(handle);
  }

  /** The events of this pod's containers. */
  get events(): PodEvents {
    return this.boot ? this.silent : this.host.events;
  }

  /** Tells the kubelet the status changed. */
  changed(): void {
    if (!this.dead) this.host.changed(this.state.key);
  }

  /** The pod is seen: its first status, then its volumes and sandbox. */
  begin(): void {
    this.after('podCreate', () => {
      this.state.seen = true;
      this.changed();
      if (this.state.finished || this.pod.status?.phase === 'Succeeded' || this.pod.status?.phase === 'Failed') return;
      this.after('sandbox', () => void this.createSandbox());
    });
  }

  private async createSandbox(): Promise<void> {
    if (this.state.terminating || this.state.sandbox || this.state.sandboxPending) return;
    this.state.sandboxPending = true;
    const pod = this.pod;
    const m = this.host.machine;
    const sandbox = this.host.runtime.runSandbox(this.state.uid, this.state.key, String(pod.spec['hostname'] ?? pod.metadata.name ?? ''), pod.spec['hostNetwork'] === true, m.internalIP);
    try {
      this.volumes = await setUpVolumes(pod, this.host.reader, sandbox, this.host.hosts, m.internalIP);
    } catch (e) {
      this.state.sandboxPending = false;
      if (!(e instanceof MountError)) throw e;
      this.host.runtime.removeSandbox(this.state.uid);
      this.events.failedMount(pod, e.volume, e.message);
      this.after(10_000, () => void this.createSandbox());
      return;
    }
    this.state.sandboxPending = false;
    if (this.dead || this.state.terminating) return;
    this.state.sandbox = sandbox;
    this.changed();
    this.step();
  }

  /** computePodActions: starts what should run next. */
  step(): void {
    const s = this.state;
    if (this.dead || s.terminating || s.finished || !s.sandbox || !this.host.active()) return;
    const policy = this.pod.spec.restartPolicy ?? 'Always';
    for (const r of s.records.filter((x) => x.init)) {
      if (r.busy) return;
      const inst = r.instance;
      if (r.sidecar) {
        if (!inst) return startContainer(this, r);
        if (inst.state === 'exited') return this.restart(r);
        if (!r.started) return;
        continue;
      }
      if (r.done) continue;
      if (inst?.state === 'running') return;
      if (inst?.state === 'exited') {
        if (inst.exit?.exitCode === 0) {
          r.done = true;
          this.changed();
          continue;
        }
        if (policy === 'Never') return this.finish('Failed');
        return this.restart(r);
      }
      return startContainer(this, r);
    }
    let stopped = 0;
    let failed = 0;
    const mains = s.records.filter((x) => !x.init);
    for (const r of mains) {
      if (r.starting) return;
      if (r.busy) continue;
      const inst = r.instance;
      if (!inst) startContainer(this, r);
      else if (inst.state === 'exited') {
        const code = inst.exit?.exitCode ?? 0;
        if (policy === 'Always' || (policy === 'OnFailure' && code !== 0)) this.restart(r);
        else {
          stopped++;
          if (code !== 0) failed++;
        }
      }
    }
    if (stopped === mains.length) this.finish(failed ? 'Failed' : 'Succeeded');
  }

  /** Restarts an exited container, or waits out its back-off (CrashLoopBackOff). */
  private restart(r: ContainerRecord): void {
    const inst = r.instance;
    if (!inst?.exit) return;
    const key = `${this.state.uid}/${r.spec.name}`;
    const now = this.host.clock.now();
    const b = this.host.crashBackoff;
    if (b.inBackOffSince(key, inst.exit.finishedAt, now)) {
      r.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(b.get(key))} restarting failed container=${r.spec.name} pod=${formatPod(this.pod)}` };
      this.events.backOff(this.pod, r.spec, r.init);
      r.busy = true;
      this.changed();
      this.after(Math.min(b.until(key, inst.exit.finishedAt) - now, BACKOFF_RESYNC_MS), () => {
        r.busy = false;
        this.step();
      });
      return;
    }
    b.next(key, inst.exit.finishedAt);
    startContainer(this, r);
  }

  /** A container's process ended. */
  exited(r: ContainerRecord): void {
    this.host.probes.stop(r);
    r.ready = false;
    if (this.state.terminating) {
      this.changed();
      this.checkTerminated();
      return;
    }
    this.after('exitNotice', () => {
      this.changed();
      this.step();
    });
  }

  /** The pod ended (restartPolicy Never/OnFailure): sidecars stop, the sandbox goes. */
  private finish(phase: 'Succeeded' | 'Failed', graceSeconds?: number): void {
    this.state.finished = phase;
    for (const r of this.state.records) {
      this.host.probes.stop(r);
      if (r.instance?.state === 'running') {
        this.events.killing(this.pod, r.spec, r.init);
        r.instance.stop((graceSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000);
      }
    }
    this.host.runtime.removeSandbox(this.state.uid);
    this.state.sandbox = undefined;
    this.changed();
  }

  /**
   * The API says the pod ended (its phase was set to Succeeded or Failed by someone else): as
   * the kubelet never moves a pod out of a terminal phase, it stops the containers and keeps it.
   */
  adoptTerminal(phase: 'Succeeded' | 'Failed'): void {
    this.state.external = true;
    if (this.state.finished) return;
    for (const t of this.state.timers) this.host.clock.clearTimer(t);
    this.state.timers.clear();
    this.finish(phase);
  }

  /**
   * The eviction manager ends the pod: its containers are killed at once (a hard threshold
   * gives no grace period) and the pod ends Failed with reason Evicted.
   */
  evict(message: string): void {
    if (this.state.finished || this.state.terminating) return;
    this.state.evicted = { message, at: this.host.clock.now() };
    for (const t of this.state.timers) this.host.clock.clearTimer(t);
    this.state.timers.clear();
    this.finish('Failed', 0);
  }

  /** Kills a running container for a failed probe; the pod worker then restarts it. */
  killForProbe(r: ContainerRecord, message: string, graceSeconds: number | undefined): void {
    const inst = r.instance;
    if (!inst || inst.state !== 'running' || this.state.terminating) return;
    this.host.probes.stop(r);
    this.events.killing(this.pod, r.spec, r.init, message);
    inst.stop((graceSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000);
  }

  /** Deletion: every running container gets its stop signal, SIGKILL at the grace period's end. */
  terminate(): void {
    const s = this.state;
    if (s.terminating) return;
    s.terminating = true;
    for (const t of s.timers) this.host.clock.clearTimer(t);
    s.timers.clear();
    const grace = this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30;
    for (const r of s.records) {
      this.host.probes.stop(r);
      r.busy = false;
      if (r.instance?.state === 'running') {
        this.events.killing(this.pod, r.spec, r.init);
        r.instance.stop(grace * 1000);
      }
    }
    this.checkTerminated();
  }

  private checkTerminated(): void {
    if (this.state.records.some((r) => r.instance?.state === 'running')) return;
    this.after('podDelete', () => {
      this.host.runtime.removeSandbox(this.state.uid);
      this.state.sandbox = undefined;
      this.changed();
      this.host.removed(this.state.key, this.state.uid);
    });
  }

  /** The worker is dropped (the pod is gone from the API): kill everything, free the sandbox. */
  dispose(): void {
    for (const r of this.state.records) {
      this.host.probes.stop(r);
      r.instance?.kill();
    }
    for (const t of this.state.timers) this.host.clock.clearTimer(t);
    this.host.runtime.removeSandbox(this.state.uid);
    this.host.crashBackoff.forgetPrefix(`${this.state.uid}/`);
    this.host.pullBackoff.forgetPrefix(`${this.state.uid}_`);
    this.dead = true;
  }

  /** Whether the worker is gone. */
  get disposed(): boolean {
    return this.dead;
  }

  /** The record of a container by name. */
  record(name: string): ContainerRecord | undefined {
    return this.state.records.find((r) => r.spec.name === name);
  }
}
