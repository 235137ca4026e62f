/**
 * A simulated node as a machine an administrator logs in to (`ssh NODE` in the bundled shell):
 * its files (the runtime's host filesystem: what kubeadm and the packages put there, the
 * static pod manifests the kubelet watches), its systemd units (kubelet, containerd) and
 * journal, its processes, and the commands run there (`exec`, see commands.ts). The cluster
 * (core/cluster.ts) tells it when its kubelet starts or stops; it asks the cluster to start or
 * stop the kubelet (`systemctl`), and to set up or tear down the control plane (`kubeadm`).
 */
import { KUBERNETES_VERSION } from '../api/types';
import type { Clock } from '../clock/clock';
import { Random } from '../clock/random';
import type { Client } from '../client/client';
import type { Kubelet } from '../kubelet/kubelet';
import type { MachineSpec } from '../kubelet/node';
import type { ControlPlaneComponent } from '../kubelet/staticPods';
import type { Volume } from '../kubelet/runtime/fs';
import { baseFiles, controlPlaneFiles, controlPlaneManifestFiles, kubeletFiles, MANIFESTS_DIR, type NodeIdentity } from './files';
import { Journal } from './journal';
import { restoreFromMirrors, StaticPodSource } from './manifests';
import { HostPids } from './runtimeView';
import { unitRecord, UnitLog } from './units';
import type { Unit } from './systemd';
import type { Severity } from './time';

/** What a machine asks of its cluster. */
export interface MachineHost {
  readonly clock: Clock;
  /** The cluster CA (PEM). */
  readonly ca: string;
  /** kubernetes-admin's client (what admin.conf gives). */
  admin(): Client;
  /** Every machine's name and address (the control plane first). */
  addresses(): { name: string; ip: string }[];
  /** Whether the control plane was set up (by `kubeadm init`, or at creation). */
  initialized(): boolean;
  /** Whether kube-apiserver answers. */
  apiUp(): boolean;
  /** Starts or stops a node's kubelet in the simulation (the node fault). */
  startKubelet(name: string): Promise<void>;
  stopKubelet(name: string): Promise<void>;
  /** Sets up the control plane (`kubeadm init`): bootstrap objects and components. */
  initControlPlane(): Promise<void>;
  /** Tears it down (`kubeadm reset` on the control-plane node): components stop and etcd's data goes. */
  resetControlPlane(): Promise<void>;
  /** A control-plane component's static pod came or went. */
  setComponent(c: ControlPlaneComponent, running: boolean): Promise<void>;
}

/** A seed from a name (FNV-1a), for the machine's own random source. */
function seedOf(name: string): number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h;
}

/** How long a kubelet that cannot start waits before systemd starts it again (RestartSec). */
const RESTART_SEC_MS = 10_000;

/** One node machine. */
export class NodeMachine {
  readonly journal: Journal;
  /** The machine's own random source (PIDs, tokens): the cluster's sequence is not disturbed. */
  readonly random: Random;
  readonly pids: HostPids;
  readonly manifests: StaticPodSource;
  /** Decodes YAML (the host brings the library); without it manifests must be JSON. */
  parseYaml: ((text: string) => unknown[]) | undefined;
  /** Whether the kubelet has joined a cluster (kubelet.conf and config.yaml exist). */
  joined = false;
  bootedAt = 0;
  private readonly log: UnitLog;
  /** The units by name. */
  readonly units = new Map<string, Unit>();
  /** Whether systemd wants the kubelet running (`systemctl stop`, `kubeadm reset` and the fault say no). */
  private wantKubelet = true;
  /** containerd was stopped: the kubelet cannot run pods. */
  private runtimeDown = false;
  private crashTimer: { id: number } | undefined;
  /** Modification times of files (for `ls -l`). */
  readonly mtimes = new Map<string, number>();

  constructor(
    readonly spec: MachineSpec,
    readonly kubelet: Kubelet,
    readonly host: MachineHost,
  ) {
    this.journal = new Journal(spec.name);
    this.random = new Random(seedOf(spec.name));
    this.pids = new HostPids(1000 + this.random.int(400));
    this.log = new UnitLog(this.journal, () => host.clock.now(), this.random);
    this.manifests = new StaticPodSource(kubelet, {
      clock: host.clock,
      files: this.files,
      parse: () => this.parseYaml,
      log: (sev, source, message) => this.klog(sev, source, message),
      component: (c, present) => host.setComponent(c, present),
      initialized: () => host.initialized(),
    });
    kubelet.log = (sev, source, message) => this.klog(sev, source, message);
  }

  /** The node's name (its hostname). */
  get name(): string {
    return this.spec.name;
  }

  /** The node's own filesystem. */
  get files(): Volume {
    return this.kubelet.runtime.hostFs;
  }

  /** What the files of this machine say about it. */
  identity(): NodeIdentity {
    const cp = this.host.addresses()[0] ?? { name: this.name, ip: this.spec.internalIP };
    return { name: this.name, ip: this.spec.internalIP, controlPlaneName: cp.name, controlPlaneIP: cp.ip, ca: this.host.ca };
  }

  now(): number {
    return this.host.clock.now();
  }

  /** Writes files as a program on the node does. */
  writeFiles(files: Record<string, string>): void {
    const now = this.now();
    for (const [path, content] of Object.entries(files)) {
      this.files.write(path, { content });
      this.mtimes.set(path, now);
    }
  }

  /** A kubelet log line in the journal. */
  klog(severity: Severity, source: string, message: string): void {
    const u = this.units.get('kubelet.service');
    const pid = u?.pid ?? 0;
    this.journal.add({ time: this.now(), unit: 'kubelet.service', ident: 'kubelet', pid, message, klog: { severity, source, micros: this.random.int(1000) } });
  }

  /**
   * The machine boots: its files, containerd, and the kubelet — running when it has joined a
   * cluster, else failing and restarting every 10 s as a kubeadm node's kubelet does before
   * `kubeadm init` or `join` (its config.yaml is missing). Call before the cluster starts the kubelet.
   */
  boot(initialized: boolean, joined: boolean): void {
    const now = this.now();
    this.bootedAt = now - 30_000;
    const id = this.identity();
    this.writeFiles(baseFiles(id, this.host.addresses()));
    for (const d of ['/root', '/var/lib/etcd', '/etc/kubernetes/pki', '/etc/cni/net.d', '/opt/cni/bin', MANIFESTS_DIR]) this.files.mkdir(d);
    this.joined = joined;
    if (this.spec.controlPlane && initialized) {
      this.writeFiles(controlPlaneFiles(id));
      this.writeFiles({ '/var/lib/etcd/member/snap/db': '', '/root/.kube/config': controlPlaneFiles(id)['/etc/kubernetes/admin.conf'] ?? '' });
      for (const [path, text] of Object.entries(controlPlaneManifestFiles(this.name, this.spec.internalIP))) {
        this.writeFiles({ [path]: text });
        this.manifests.adopt(path, text, path.slice(MANIFESTS_DIR.length + 1).replace(/\.yaml$/, ''));
      }
    }
    if (joined) this.writeFiles(kubeletFiles(id));
    const containerd = unitRecord('containerd', this.pids.fresh(), this.bootedAt + 2000);
    this.units.set(containerd.name, containerd);
    this.log.started(containerd);
    this.log.containerdBoot(containerd);
    const kubelet = unitRecord('kubelet', this.pids.fresh(), now);
    this.units.set(kubelet.name, kubelet);
    if (joined) this.log.started(kubelet);
    else this.crashLoop(true);
  }

  // Notifications from the cluster.

  /** The cluster started this node's kubelet (a fault ended, systemctl, kubeadm). */
  kubeletStarted(): void {
    const u = this.units.get('kubelet.service');
    if (!u) return;
    this.wantKubelet = true;
    if (u.active !== 'active') {
      this.stopCrashLoop();
      Object.assign(u, { active: 'active', sub: 'running', since: this.now(), startedAt: this.now(), pid: this.pids.fresh(), restarts: 0 });
      delete u.result;
      delete u.exitStatus;
      this.log.started(u);
    }
    // The kubelet reads its manifest directory again.
    void this.manifests.sync();
  }

  /** Writes the manifests of static pods the lab had before it restarted (from their mirror pods). */
  async restoreStaticPods(): Promise<void> {
    await restoreFromMirrors(this.manifests, this.kubelet, this.host.admin(), (path, text) => this.writeFiles({ [path]: text })).catch(() => undefined);
  }

  /** The cluster stopped this node's kubelet. */
  kubeletStopped(): void {
    const u = this.units.get('kubelet.service');
    if (!u) return;
    if (this.runtimeDown) {
      this.klog('E', 'kubelet.go:3002', '"Container runtime not ready" runtimeReady="RuntimeReady=false reason:ContainerRuntimeNotReady message:container runtime is down"');
      return;
    }
    this.wantKubelet = false;
    if (u.active === 'active') this.log.stopped(u);
  }

  /**
   * The control plane this kubelet belonged to was torn down (`kubeadm reset` on the control-plane
   * node): the kubelet keeps running but reaches no cluster any more.
   */
  controlPlaneLost(): void {
    const cp = this.identity().controlPlaneIP;
    this.klog('E', 'kubelet_node_status.go:549', `"Error updating node status, will retry" err="error getting node \\"${this.name}\\": Get \\"https://${cp}:6443/api/v1/nodes/${this.name}?timeout=10s\\": dial tcp ${cp}:6443: connect: connection refused"`);
  }

  // systemd's side.

  private crashLoop(first: boolean): void {
    const u = this.units.get('kubelet.service');
    if (!u) return;
    this.stopCrashLoop();
    const attempt = () => {
      if (!first) {
        u.restarts++;
        this.log.restarting(u);
      }
      first = false;
      u.pid = this.pids.fresh();
      u.startedAt = this.now();
      this.log.startedLine(u);
      this.klog('E', 'run.go:72', `"command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to read kubelet config file \\"/var/lib/kubelet/config.yaml\\", error: open /var/lib/kubelet/config.yaml: no such file or directory"`);
      Object.assign(u, { active: 'activating', sub: 'auto-restart', since: this.now(), result: 'exit-code', exitStatus: '1/FAILURE' });
      this.log.failed(u);
      this.crashTimer = this.host.clock.setTimer(RESTART_SEC_MS, attempt);
    };
    attempt();
  }

  private stopCrashLoop(): void {
    if (this.crashTimer) this.host.clock.clearTimer(this.crashTimer);
    this.crashTimer = undefined;
  }

  /** The machine powers off with its cluster: no more restarts of a failing kubelet. */
  shutdown(): void {
    this.stopCrashLoop();
  }

  /** `systemctl start` of a unit: an error message when it cannot start. */
  async startUnit(u: Unit): Promise<string | undefined> {
    if (u.name === 'containerd.service') {
      if (u.active === 'active') return undefined;
      Object.assign(u, { active: 'active', sub: 'running', since: this.now(), startedAt: this.now(), pid: this.pids.fresh(), restarts: 0 });
      this.log.started(u);
      this.log.containerdBoot(u);
      this.runtimeDown = false;
      if (this.wantKubelet && this.joined && this.units.get('kubelet.service')?.active === 'active') await this.runKubelet();
      return undefined;
    }
    this.wantKubelet = true;
    if (u.active === 'active') return undefined;
    if (!this.joined || !this.files.stat('/var/lib/kubelet/config.yaml')) {
      if (u.active !== 'activating') this.crashLoop(true);
      return undefined;
    }
    await this.runKubelet();
    return undefined;
  }

  private async runKubelet(): Promise<void> {
    if (!this.host.apiUp()) {
      const u = this.units.get('kubelet.service');
      if (u && u.active !== 'active') {
        Object.assign(u, { active: 'active', sub: 'running', since: this.now(), startedAt: this.now(), pid: this.pids.fresh() });
        this.log.started(u);
      }
      const cp = this.identity().controlPlaneIP;
      this.klog('E', 'kubelet_node_status.go:95', `"Unable to register node with API server" err="Post \\"https://${cp}:6443/api/v1/nodes\\": dial tcp ${cp}:6443: connect: connection refused" node="${this.name}"`);
      return;
    }
    await this.host.startKubelet(this.name);
  }

  /** `systemctl stop` of a unit. */
  async stopUnit(u: Unit): Promise<void> {
    if (u.name === 'containerd.service') {
      if (u.active !== 'active') return;
      this.log.stopped(u);
      this.runtimeDown = true;
      // Simplified: the kubelet stops syncing pods and posting its status (the node goes NotReady).
      if (this.kubelet.isRunning) await this.host.stopKubelet(this.name);
      return;
    }
    this.wantKubelet = false;
    if (u.active === 'activating') {
      this.stopCrashLoop();
      Object.assign(u, { active: 'inactive', sub: 'dead', since: this.now() });
      delete u.result;
      this.log.stoppedLines(u);
      return;
    }
    if (u.active !== 'active') return;
    if (this.kubelet.isRunning) await this.host.stopKubelet(this.name);
    else this.log.stopped(u);
  }

  /** Whether systemd has the kubelet running (its port 10250 is in use). */
  kubeletActive(): boolean {
    return this.units.get('kubelet.service')?.active === 'active';
  }

  /** Whether containerd runs. */
  containerdActive(): boolean {
    return this.units.get('containerd.service')?.active === 'active';
  }

  // kubeadm's side.

  /** `kubeadm init` after its checks: files, the control plane, the kubelet. */
  async initControlPlane(): Promise<void> {
    const id = this.identity();
    this.writeFiles(controlPlaneFiles(id));
    this.writeFiles({ '/var/lib/etcd/member/snap/db': '' });
    for (const [path, text] of Object.entries(controlPlaneManifestFiles(this.name, this.spec.internalIP))) {
      this.writeFiles({ [path]: text });
      const name = path.slice(MANIFESTS_DIR.length + 1).replace(/\.yaml$/, '') as ControlPlaneComponent;
      this.manifests.adopt(path, text, name);
    }
    this.writeFiles(kubeletFiles(id));
    this.joined = true;
    await this.host.initControlPlane();
    // The kubelet starts the control plane's static pods (the kubelet map gets them at start).
    this.wantKubelet = true;
    const u = this.units.get('kubelet.service');
    if (u && u.active !== 'active') await this.runKubelet();
  }

  /** `kubeadm join` after discovery: the kubelet's files, and the kubelet starts and registers. */
  async join(): Promise<void> {
    this.writeFiles(kubeletFiles(this.identity()));
    this.joined = true;
    this.wantKubelet = true;
    await this.runKubelet();
  }

  /** `kubeadm reset`: the kubelet stops, kubeadm's files go (and on the control-plane node, the control plane and etcd's data). */
  async reset(): Promise<void> {
    const u = this.units.get('kubelet.service');
    this.wantKubelet = false;
    if (this.kubelet.isRunning) await this.host.stopKubelet(this.name);
    else if (u?.active === 'active') this.log.stopped(u);
    else if (u?.active === 'activating') {
      this.stopCrashLoop();
      Object.assign(u, { active: 'inactive', sub: 'dead', since: this.now() });
      this.log.stoppedLines(u);
    }
    this.manifests.clear();
    for (const m of this.kubelet.staticPodManifests()) await this.kubelet.removeStaticPod(m.metadata.name ?? '').catch(() => undefined);
    if (this.spec.controlPlane && this.host.initialized()) await this.host.resetControlPlane();
    for (const dir of [MANIFESTS_DIR, '/var/lib/kubelet', '/etc/kubernetes/pki', '/var/lib/etcd']) {
      for (const name of this.files.stat(dir) === 'dir' ? this.files.list(dir) : []) this.files.remove(`${dir}/${name}`);
    }
    for (const f of ['admin.conf', 'super-admin.conf', 'kubelet.conf', 'bootstrap-kubelet.conf', 'controller-manager.conf', 'scheduler.conf']) this.files.remove(`/etc/kubernetes/${f}`);
    this.joined = false;
  }

  /** The hash of the cluster CA's public key, as `--discovery-token-ca-cert-hash` names it. */
  caHash(): string {
    // Simplified: a digest of the CA certificate stands for the SHA-256 of its public key.
    let out = '';
    for (let round = 0; out.length < 64; round++) {
      let h = 2166136261;
      for (const ch of `${this.host.ca}#${round}`) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      out += ((h ^ (h >>> 13)) >>> 0).toString(16).padStart(8, '0');
    }
    return `sha256:${out.slice(0, 64)}`;
  }

  /** The kernel release the node reports. */
  get kernel(): string {
    return '6.1.0-kubelab-amd64';
  }

  /** The kubelet's version. */
  get kubeletVersion(): string {
    return KUBERNETES_VERSION.gitVersion;
  }
}
