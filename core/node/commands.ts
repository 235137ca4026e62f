/**
 * The commands that run on a node (what the bundled shell's `ssh` session sends to the lab
 * API): systemctl, journalctl, crictl, kubeadm and the everyday tools (ps, df, free, ip,
 * hostname, uname, uptime, id, whoami). Each runs to completion and answers its output; a
 * following command (`journalctl -f`, `crictl logs -f`) answers a cursor to ask again with.
 */
import { NODE_OVERHEAD } from '../kubelet/usage';
import { crictl } from './crictl';
import { KUBELET_COMMAND } from './files';
import { journalctl, type CommandOutput } from './journal';
import { kubeadm } from './kubeadm';
import type { NodeMachine } from './machine';
import { containerProcesses, criView } from './runtimeView';
import { df, free, hostname, id, ipAddr, ps, psAux, uname, uptime, type HostProcess, type MachineInfo } from './sysinfo';
import { systemctl, type SystemdHost, type Unit } from './systemd';

/** The commands a node runs (the shell runs the others itself). */
export const NODE_COMMANDS = ['systemctl', 'journalctl', 'crictl', 'kubeadm', 'kubelet', 'containerd', 'ps', 'df', 'free', 'ip', 'hostname', 'uname', 'uptime', 'id', 'whoami'];

/** A request to run a command on a node. */
export interface NodeCommand {
  argv: string[];
  /** Standard input (all of it). */
  stdin?: string;
  /** Continues a followed output. */
  cursor?: number;
  /** The user is at a terminal: a question is asked (`ask`) rather than read from stdin. */
  interactive?: boolean;
  /** The answer to the question asked. */
  answer?: string;
}

function memKb(m: NodeMachine): number {
  const match = /^(\d+)Ki$/.exec(m.spec.memory);
  return match ? Number(match[1]) : 8_148_392;
}

/** The machine's processes now. */
function processes(m: NodeMachine): HostProcess[] {
  const boot = m.bootedAt;
  const now = m.now();
  const out: HostProcess[] = [
    { pid: 1, user: 'root', command: '/sbin/init', started: boot, cpuMs: 900, rssKb: 11_904, vszKb: 21_932, tty: '?', stat: 'Ss' },
    { pid: 88, user: 'root', command: '/lib/systemd/systemd-journald', started: boot, cpuMs: 300, rssKb: 16_220, vszKb: 48_784, tty: '?', stat: 'Ss' },
    { pid: 231, user: 'root', command: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', started: boot, cpuMs: 20, rssKb: 9_640, vszKb: 15_432, tty: '?', stat: 'Ss' },
  ];
  const life = (u: Unit) => Math.max(1, now - u.startedAt);
  const containerd = m.units.get('containerd.service');
  if (containerd?.active === 'active') out.push({ pid: containerd.pid, user: 'root', command: '/usr/bin/containerd', started: containerd.startedAt, cpuMs: Math.round(life(containerd) / 120), rssKb: 58_204, vszKb: 1_946_612, tty: '?', stat: 'Ssl' });
  const kubelet = m.units.get('kubelet.service');
  if (kubelet?.active === 'active') out.push({ pid: kubelet.pid, user: 'root', command: KUBELET_COMMAND, started: kubelet.startedAt, cpuMs: Math.round(life(kubelet) / 70), rssKb: 92_516, vszKb: 2_028_244, tty: '?', stat: 'Ssl' });
  out.push(...containerProcesses(m.kubelet, m.pids));
  const session = m.pids.of('ssh-session', 4);
  out.push({ pid: session, user: 'root', command: 'sshd: root@pts/0', started: now - 1000, cpuMs: 10, rssKb: 11_020, vszKb: 17_236, tty: '?', stat: 'Ss' });
  out.push({ pid: session + 2, user: 'root', command: '-bash', started: now - 1000, cpuMs: 10, rssKb: 5_120, vszKb: 8_228, tty: 'pts/0', stat: 'Ss' });
  out.push({ pid: m.pids.fresh(1), user: 'root', command: 'ps aux', started: now, cpuMs: 0, rssKb: 4_304, vszKb: 11_084, tty: 'pts/0', stat: 'R+' });
  return out;
}

/** What the everyday tools read. */
export function machineInfo(m: NodeMachine): MachineInfo {
  const total = memKb(m);
  let usedBytes = m.kubelet.nodeUsage()?.memoryBytes;
  if (usedBytes === undefined) {
    usedBytes = NODE_OVERHEAD.memoryBytes;
    for (const { state } of m.kubelet.podStates()) for (const r of state.records) usedBytes += r.instance?.memoryBytes() ?? 0;
  }
  const images = [...new Map([...m.kubelet.runtime.images.values()].map((s) => [s.image.id, s.image.size])).values()].reduce((a, b) => a + b, 0);
  const disk = 104_857_600;
  const sandboxes = m.kubelet.podStates().filter((p) => p.state.sandbox && !p.state.sandbox.hostNetwork && p.state.sandbox.pause?.state === 'running');
  return {
    hostname: m.name,
    ip: m.spec.internalIP,
    kernel: m.kernel,
    bootedAt: m.bootedAt,
    now: m.now(),
    memoryKb: total,
    usedMemoryKb: Math.round(usedBytes / 1024),
    cpus: Number.parseInt(m.spec.cpu, 10) || 1,
    diskKb: disk,
    usedDiskKb: 6_815_744 + Math.round(images / 1024 * 2.2),
    processes: processes(m),
    veths: sandboxes.map((p, i) => ({ name: `veth${(p.state.sandbox?.id ?? '').slice(0, 8)}`, podIP: p.state.sandbox?.ip ?? '', index: i + 3 })),
    podCIDR: m.spec.podCIDR,
  };
}

function systemdHost(m: NodeMachine): SystemdHost {
  return {
    journal: m.journal,
    now: () => m.now(),
    unit: (name) => m.units.get(name),
    file: (path) => m.files.files.get(path)?.content,
    processes: (u) => {
      if (u.name === 'kubelet.service') return { command: KUBELET_COMMAND, children: [], memoryBytes: 94_736_384, tasks: 15 };
      const shims = containerProcesses(m.kubelet, m.pids).filter((p) => p.command.startsWith('/usr/bin/containerd-shim'));
      return { command: '/usr/bin/containerd', children: shims.map((s) => ({ pid: s.pid, command: s.command })), memoryBytes: 59_600_896 + shims.length * 12_697_600, tasks: 18 + shims.length * 12 };
    },
    start: (u) => m.startUnit(u),
    stop: (u) => m.stopUnit(u),
  };
}

/** Runs one command on a node. */
export async function runOnNode(m: NodeMachine, cmd: NodeCommand): Promise<CommandOutput> {
  const [name = '', ...args] = cmd.argv;
  switch (name) {
    case 'systemctl':
      return systemctl(systemdHost(m), args);
    case 'journalctl':
      return journalctl(m.journal, args, cmd.cursor);
    case 'crictl':
      if (!m.containerdActive()) return { stdout: '', stderr: 'FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"\n', exitCode: 1 };
      return crictl(criView(m.kubelet, m.pids, m.now()), args, cmd.cursor);
    case 'kubeadm':
      return kubeadm(m, args, cmd.stdin ?? '', cmd);
    case 'kubelet':
      return args.includes('--version') ? { stdout: `Kubernetes ${m.kubeletVersion}\n`, stderr: '', exitCode: 0 } : { stdout: '', stderr: 'kubelet runs as a service here: use "systemctl status kubelet" and "journalctl -u kubelet"\n', exitCode: 1 };
    case 'containerd':
      return args.includes('--version') || args.includes('-v') ? { stdout: 'containerd github.com/containerd/containerd v1.7.24 88bf19b2105c8b17560993bee28a01ddc2f97182\n', stderr: '', exitCode: 0 } : { stdout: '', stderr: 'containerd runs as a service here: use "systemctl status containerd"\n', exitCode: 1 };
    case 'ps':
      return args.length === 0 ? ps(machineInfo(m), args) : args.join(' ').replace(/-/g, '').includes('aux') || args.includes('-ef') || args.includes('-e') ? psAux(machineInfo(m)) : ps(machineInfo(m), args);
    case 'df':
      return df(machineInfo(m), args);
    case 'free':
      return free(machineInfo(m), args);
    case 'ip':
      return ipAddr(machineInfo(m), args);
    case 'hostname':
      return hostname(machineInfo(m), args);
    case 'uname':
      return uname(machineInfo(m), args);
    case 'uptime':
      return uptime(machineInfo(m));
    case 'id':
      return id(args);
    case 'whoami':
      return { stdout: 'root\n', stderr: '', exitCode: 0 };
    default:
      return { stdout: '', stderr: `-bash: ${name}: command not found\n`, exitCode: 127 };
  }
}
