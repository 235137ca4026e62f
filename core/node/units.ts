/**
 * The kubelet's and containerd's systemd units as a node starts them, and what systemd and
 * the daemons write to the journal when they start, stop, fail and restart (systemd 252's
 * words, the kubelet's klog start-up lines, containerd's logrus lines).
 */
import { KUBERNETES_VERSION } from '../api/types';
import type { Random } from '../clock/random';
import type { Journal } from './journal';
import type { Unit } from './systemd';
import { systemdSpan } from './time';

/** A unit of the node, active since `since`. */
export function unitRecord(kind: 'kubelet' | 'containerd', pid: number, since: number): Unit {
  if (kind === 'kubelet') {
    return {
      name: 'kubelet.service',
      description: 'kubelet: The Kubernetes Node Agent',
      path: '/usr/lib/systemd/system/kubelet.service',
      dropIn: { dir: '/usr/lib/systemd/system/kubelet.service.d', files: ['10-kubeadm.conf'] },
      docs: 'https://kubernetes.io/docs/',
      execStart: '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS',
      cgroup: '/system.slice/kubelet.service',
      active: 'active',
      sub: 'running',
      since,
      pid,
      startedAt: since,
      restarts: 0,
    };
  }
  return {
    name: 'containerd.service',
    description: 'containerd container runtime',
    path: '/usr/lib/systemd/system/containerd.service',
    docs: 'https://containerd.io',
    execStart: '/usr/bin/containerd',
    cgroup: '/system.slice/containerd.service',
    active: 'active',
    sub: 'running',
    since,
    pid,
    startedAt: since,
    restarts: 0,
  };
}

/** Writes a unit's life to the journal. */
export class UnitLog {
  constructor(
    private readonly journal: Journal,
    private readonly now: () => number,
    private readonly random: Random,
  ) {}

  private systemd(u: Unit, message: string): void {
    this.journal.add({ time: this.now(), unit: u.name, ident: 'systemd', pid: 1, message });
  }

  private daemon(u: Unit, message: string): void {
    this.journal.add({ time: this.now(), unit: u.name, ident: u.name.replace(/\.service$/, ''), pid: u.pid, message });
  }

  private klog(u: Unit, source: string, message: string): void {
    this.journal.add({ time: this.now(), unit: u.name, ident: u.name.replace(/\.service$/, ''), pid: u.pid, message, klog: { severity: 'I', source, micros: this.random.int(1000) } });
  }

  /** `Started X.service - description.` alone (a restart attempt). */
  startedLine(u: Unit): void {
    this.systemd(u, `Started ${u.name} - ${u.description}.`);
  }

  /** The unit started: systemd's line and the daemon's start-up lines. */
  started(u: Unit): void {
    this.startedLine(u);
    if (u.name !== 'kubelet.service') return;
    this.daemon(u, "Flag --container-runtime-endpoint has been deprecated, This parameter should be set via the config file specified by the Kubelet's --config flag. See https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/ for more information.");
    this.daemon(u, 'Flag --pod-infra-container-image has been deprecated, will be removed in 1.35. Image garbage collector will get sandbox image information from CRI.');
    this.klog(u, 'server.go:486', `"Kubelet version" kubeletVersion="${KUBERNETES_VERSION.gitVersion}"`);
    this.klog(u, 'server.go:488', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""');
    this.klog(u, 'server.go:954', '"Client rotation is on, will bootstrap in background"');
    this.klog(u, 'server.go:1439', '"Started kubelet"');
    this.klog(u, 'server.go:163', '"Starting to listen" address="0.0.0.0" port=10250');
    this.klog(u, 'kubelet.go:2388', '"Starting kubelet main sync loop"');
  }

  /** containerd's start-up lines. */
  containerdBoot(u: Unit): void {
    const t = new Date(this.now()).toISOString().replace(/\.(\d{3})Z$/, `.$1${String(this.random.int(1_000_000)).padStart(6, '0')}Z`);
    this.daemon(u, `time="${t}" level=info msg="starting containerd" revision=88bf19b2105c8b17560993bee28a01ddc2f97182 version=v1.7.24`);
    this.daemon(u, `time="${t}" level=info msg=serving... address=/run/containerd/containerd.sock`);
    this.daemon(u, `time="${t}" level=info msg="containerd successfully booted in 0.048331s"`);
  }

  /** The unit was stopped (`systemctl stop`, the node fault): it is inactive now. */
  stopped(u: Unit): void {
    this.systemd(u, `Stopping ${u.name} - ${u.description}...`);
    if (u.name === 'kubelet.service') this.klog(u, 'dynamic_cafile_content.go:175', '"Shutting down controller" name="client-ca-bundle::/etc/kubernetes/pki/ca.crt"');
    Object.assign(u, { active: 'inactive', sub: 'dead', since: this.now(), exitStatus: '0/SUCCESS' });
    delete u.result;
    this.systemd(u, `${u.name}: Deactivated successfully.`);
    this.systemd(u, `Stopped ${u.name} - ${u.description}.`);
    this.systemd(u, `${u.name}: Consumed ${systemdSpan(Math.max(12, Math.round((this.now() - u.startedAt) / 100)))} CPU time.`);
  }

  /** A unit that was waiting to restart was stopped. */
  stoppedLines(u: Unit): void {
    this.systemd(u, `Stopped ${u.name} - ${u.description}.`);
  }

  /** The main process failed. */
  failed(u: Unit): void {
    this.systemd(u, `${u.name}: Main process exited, code=exited, status=1/FAILURE`);
    this.systemd(u, `${u.name}: Failed with result 'exit-code'.`);
  }

  /** systemd restarts a failed unit. */
  restarting(u: Unit): void {
    this.systemd(u, `${u.name}: Scheduled restart job, restart counter is at ${u.restarts}.`);
    this.systemd(u, `Stopped ${u.name} - ${u.description}.`);
  }
}
