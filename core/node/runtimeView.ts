/**
 * The node's container runtime as its tools see it: the kubelet's pods turned into CRI
 * sandboxes and containers (`crictl`), the images of the runtime's store, and the processes
 * every running container adds to the node (`ps aux`, containerd's shims in `systemctl status`),
 * with host PIDs given once per container and kept.
 */
import type { Kubelet } from '../kubelet/kubelet';
import type { ContainerRecord } from '../kubelet/podState';
import type { SimContainer } from '../kubelet/runtime/container';
import type { CriContainer, CriImage, CriSandbox, CriView } from './crictl';
import type { HostProcess } from './sysinfo';

/** Host PIDs of containers and sandboxes, given in order of first sight and kept. */
export class HostPids {
  private readonly byId = new Map<string, number>();
  constructor(private next: number) {}

  /** The host PID block of a container or sandbox id (its first process's PID; its others follow). */
  of(id: string, span = 8): number {
    let pid = this.byId.get(id);
    if (pid === undefined) {
      pid = this.next;
      this.next += span;
      this.byId.set(id, pid);
    }
    return pid;
  }

  /** A new PID for a daemon (re)started now. */
  fresh(gap = 3): number {
    this.next += gap;
    return this.next++;
  }
}

function containerOf(sandboxId: string, pod: { namespace: string; name: string; uid: string }, r: ContainerRecord, inst: SimContainer, attempt: number, pids: HostPids): CriContainer {
  const state = inst.state === 'running' ? 'Running' : inst.state === 'exited' ? 'Exited' : 'Created';
  const image = r.image ?? inst.config.image;
  const c: CriContainer = {
    id: inst.id,
    podSandboxId: sandboxId,
    name: r.spec.name,
    attempt,
    image: r.spec.image ?? '',
    imageId: image.id,
    imageRef: `${image.def.repository}@${image.digest}`,
    state,
    createdAt: inst.startedAt || inst.exit?.finishedAt || 0,
    startedAt: inst.startedAt,
    podName: pod.name,
    podNamespace: pod.namespace,
    podUid: pod.uid,
    pid: state === 'Running' ? pids.of(inst.id) : 0,
    log: inst.log,
    mounts: inst.config.mounts.map((m) => ({ containerPath: m.path, hostPath: `/var/lib/kubelet/pods/${pod.uid}/volumes/${m.path.replace(/\//g, '~')}`, readonly: m.readOnly ?? false })),
    env: inst.config.env,
    argv: inst.config.argv,
  };
  if (inst.exit) {
    c.finishedAt = inst.exit.finishedAt;
    c.exitCode = inst.exit.exitCode;
    c.reason = inst.exit.reason;
    if (inst.exit.message) c.message = inst.exit.message;
  }
  return c;
}

/** The CRI view of a kubelet's node. */
export function criView(kubelet: Kubelet, pids: HostPids, now: number): CriView {
  const states = () => kubelet.podStates().filter((p) => p.state.sandbox);
  return {
    now,
    sandboxes(): CriSandbox[] {
      return states().map(({ pod, state }) => {
        const s = state.sandbox as NonNullable<typeof state.sandbox>;
        const ready = !state.finished && s.pause?.state === 'running';
        return {
          id: s.id,
          name: pod.metadata.name ?? '',
          namespace: pod.metadata.namespace ?? '',
          uid: pod.metadata.uid ?? '',
          attempt: 0,
          state: ready ? 'Ready' : 'NotReady',
          createdAt: s.createdAt,
          ip: s.ip,
          hostNetwork: s.hostNetwork,
          labels: { ...(pod.metadata.labels ?? {}), 'io.kubernetes.pod.name': pod.metadata.name ?? '', 'io.kubernetes.pod.namespace': pod.metadata.namespace ?? '', 'io.kubernetes.pod.uid': pod.metadata.uid ?? '' },
          annotations: { ...(pod.metadata.annotations ?? {}) },
          pid: ready ? pids.of(s.id, 2) + 1 : 0,
        };
      });
    },
    containers(): CriContainer[] {
      const out: CriContainer[] = [];
      for (const { pod, state } of states()) {
        const sandboxId = state.sandbox?.id ?? '';
        const meta = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '', uid: pod.metadata.uid ?? '' };
        for (const r of state.records) {
          if (r.previous) out.push(containerOf(sandboxId, meta, r, r.previous, Math.max(0, r.restartCount - 1), pids));
          if (r.instance) out.push(containerOf(sandboxId, meta, r, r.instance, r.restartCount, pids));
        }
      }
      return out;
    },
    images(): CriImage[] {
      const byId = new Map<string, CriImage>();
      for (const s of kubelet.runtime.images.values()) {
        const img = byId.get(s.image.id) ?? { id: s.image.id, repoTags: [], repoDigests: [], size: s.image.size };
        for (const n of s.names) {
          const list = n.includes('@') ? img.repoDigests : img.repoTags;
          if (!list.includes(n)) list.push(n);
        }
        byId.set(s.image.id, img);
      }
      return [...byId.values()];
    },
  };
}

/** The processes the node's containers add: a shim and a pause process per pod, and each running container's processes. */
export function containerProcesses(kubelet: Kubelet, pids: HostPids): HostProcess[] {
  const out: HostProcess[] = [];
  for (const { state } of kubelet.podStates()) {
    const s = state.sandbox;
    if (!s || s.pause?.state !== 'running') continue;
    const base = pids.of(s.id, 2);
    out.push({ pid: base, user: 'root', command: `/usr/bin/containerd-shim-runc-v2 -namespace k8s.io -id ${s.id} -address /run/containerd/containerd.sock`, started: s.createdAt, cpuMs: 40, rssKb: 12_400, vszKb: 1_238_276, tty: '?', stat: 'Sl' });
    out.push({ pid: base + 1, user: '65535', command: '/pause', started: s.createdAt, cpuMs: 0, rssKb: 512, vszKb: 1020, tty: '?', stat: 'Ss' });
    for (const r of state.records) {
      const inst = r.instance;
      if (!inst || inst.state !== 'running') continue;
      const first = pids.of(inst.id);
      const procs = inst.processes();
      const memKb = Math.round(inst.memoryBytes() / 1024);
      procs.forEach((p, i) => {
        out.push({ pid: first + Math.min(i, 7), user: p.user === '65535' ? '65535' : p.user, command: p.argv.join(' '), started: p.started, cpuMs: Math.round(inst.cpuMilli() * ((inst.clock.now() - p.started) / 1000)), rssKb: i === 0 ? memKb : Math.round(memKb / 4), vszKb: Math.max(1, Math.round(memKb * 2.3)), tty: '?', stat: i === 0 ? 'Ss' : 'S' });
      });
    }
  }
  return out;
}
