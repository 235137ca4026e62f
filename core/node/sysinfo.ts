/**
 * The everyday tools of a node, over what the machine knows of itself: `ps aux` (procps-ng's
 * columns), `df [-h]` (coreutils), `free [-m|-h]` (procps-ng 4), `ip addr` (iproute2),
 * `hostname`, `uname`, `id`, `whoami`, `uptime`.
 */
import type { CommandOutput } from './journal';
import { clockTime } from './time';

/** One process of the node. */
export interface HostProcess {
  pid: number;
  user: string;
  command: string;
  started: number;
  /** CPU time so far (ms). */
  cpuMs: number;
  rssKb: number;
  vszKb: number;
  tty: string;
  stat: string;
}

/** What the tools read from the machine. */
export interface MachineInfo {
  hostname: string;
  ip: string;
  kernel: string;
  bootedAt: number;
  now: number;
  memoryKb: number;
  usedMemoryKb: number;
  cpus: number;
  /** The disk (1K blocks) and what is used on it. */
  diskKb: number;
  usedDiskKb: number;
  processes: HostProcess[];
  /** Pod network interfaces (a veth per pod sandbox): name and the pod's IP. */
  veths: { name: string; podIP: string; index: number }[];
  podCIDR: string;
}

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: 0 });

/** `ps aux` (BSD-style options of procps-ng). */
export function psAux(m: MachineInfo): CommandOutput {
  const day = new Date(m.now).toISOString().slice(0, 10);
  const lines = ['USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND'];
  for (const p of [...m.processes].sort((a, b) => a.pid - b.pid)) {
    const life = Math.max(1, m.now - p.started);
    const cpu = Math.min(99.9, (p.cpuMs / life) * 100);
    const mem = (p.rssKb / m.memoryKb) * 100;
    const start = new Date(p.started).toISOString().slice(0, 10) === day ? clockTime(p.started).slice(0, 5) : new Date(p.started).toUTCString().slice(8, 11) + new Date(p.started).toISOString().slice(8, 10);
    const t = Math.floor(p.cpuMs / 1000);
    const time = `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
    const user = p.user.length > 8 ? `${p.user.slice(0, 7)}+` : p.user;
    lines.push(`${user.padEnd(8)} ${String(p.pid).padStart(7)} ${cpu.toFixed(1).padStart(4)} ${mem.toFixed(1).padStart(4)} ${String(p.vszKb).padStart(6)} ${String(p.rssKb).padStart(5)} ${p.tty.padEnd(8)} ${p.stat.padEnd(4)} ${start.padStart(5)} ${time.padStart(6)} ${p.command}`);
  }
  return ok(`${lines.join('\n')}\n`);
}

/** `ps` with other options: the processes of the session (procps's default). */
export function ps(m: MachineInfo, args: string[]): CommandOutput {
  const wantsAll = args.some((a) => /^-?[a-z]*[aAe][a-z]*$/.test(a) && /[aAex]/.test(a));
  if (wantsAll) return psAux(m);
  const mine = m.processes.filter((p) => p.tty === 'pts/0').sort((a, b) => a.pid - b.pid);
  const rows = mine.map((p) => `${String(p.pid).padStart(7)} ${p.tty.padEnd(8)} 00:00:00 ${(p.command.replace(/^-/, '').split(' ')[0] ?? '').split('/').pop() ?? ''}`);
  return ok(`    PID TTY          TIME CMD\n${rows.join('\n')}\n`);
}

interface DfRow {
  fs: string;
  size: number;
  used: number;
  mount: string;
}

function humanKb(kb: number): string {
  const units = ['K', 'M', 'G', 'T'];
  let v = kb;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return kb === 0 ? '0' : `${kb}K`;
  return v < 10 ? `${(Math.ceil(v * 10) / 10).toFixed(1)}${units[i]}` : `${Math.ceil(v)}${units[i]}`;
}

/** `df [-h]`: the node's disk and its memory file systems. */
export function df(m: MachineInfo, args: string[]): CommandOutput {
  const human = args.some((a) => /^-[a-zA-Z]*h/.test(a) || a === '--human-readable');
  const memKb = m.memoryKb;
  const rows: DfRow[] = [
    { fs: 'udev', size: Math.floor(memKb / 2), used: 0, mount: '/dev' },
    { fs: 'tmpfs', size: Math.floor(memKb / 10), used: 1180, mount: '/run' },
    { fs: '/dev/sda1', size: m.diskKb, used: m.usedDiskKb, mount: '/' },
    { fs: 'tmpfs', size: Math.floor(memKb / 2), used: 0, mount: '/dev/shm' },
    { fs: 'tmpfs', size: 5120, used: 0, mount: '/run/lock' },
    { fs: '/dev/sda15', size: 126678, used: 11840, mount: '/boot/efi' },
  ];
  const header = human ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on'] : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'];
  const cells = rows.map((r) => {
    const avail = r.size - r.used;
    const pct = r.size === 0 ? '-' : `${Math.ceil((r.used / r.size) * 100)}%`;
    const n = (kb: number) => (human ? humanKb(kb) : String(kb));
    return [r.fs, n(r.size), n(r.used), n(avail), pct, r.mount];
  });
  const all = [header, ...cells];
  // coreutils's smallest widths: 14 for the source, 5 for the sizes, 4 for Use%.
  const min = [14, 5, 5, 5, 4, 0];
  const widths = header.map((_, i) => Math.max(min[i] ?? 0, ...all.map((r) => (r[i] as string).length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : i === r.length - 1 ? c : c.padStart(widths[i] as number))).join(' ');
  return ok(`${all.map(line).join('\n')}\n`);
}

/** `free [-m|-g|-h|-k]` in procps-ng 4's layout. */
export function free(m: MachineInfo, args: string[]): CommandOutput {
  const unit = args.includes('-h') || args.includes('--human') ? 'h' : args.includes('-g') ? 'g' : args.includes('-m') || args.includes('--mebi') ? 'm' : 'k';
  const total = m.memoryKb;
  const used = Math.min(total, m.usedMemoryKb);
  const buffCache = Math.min(total - used, Math.floor(total * 0.18));
  const shared = 1432;
  const freeKb = total - used - buffCache;
  const available = total - used;
  const fmt = (kb: number): string => {
    if (unit === 'm') return String(Math.floor(kb / 1024));
    if (unit === 'g') return String(Math.floor(kb / 1048576));
    if (unit === 'h') return kb >= 1048576 ? `${(kb / 1048576).toFixed(1)}Gi` : kb >= 1024 ? `${Math.round(kb / 1024)}Mi` : `${kb}Ki`;
    return String(kb);
  };
  const row = (label: string, values: number[]) => `${label.padEnd(9)}${values.map((v, i) => fmt(v).padStart(i === 0 ? 11 : 12)).join('')}`;
  const header = `${' '.repeat(9)}${'total'.padStart(11)}${['used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('')}`;
  return ok(`${header}\n${row('Mem:', [total, used, freeKb, shared, buffCache, available])}\n${row('Swap:', [0, 0, 0])}\n`);
}

function mac(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  const bytes = [h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff, (h >>> 24) & 0xff, (h >>> 4) & 0xff];
  return `${['a6', ...bytes.map((b) => b.toString(16).padStart(2, '0'))].join(':')}`;
}

/** `ip addr` / `ip a` / `ip address show`. */
export function ipAddr(m: MachineInfo, args: string[]): CommandOutput {
  const [object = 'help', verb = 'show'] = args.filter((a) => !a.startsWith('-'));
  if (!'address'.startsWith(object) && !'route'.startsWith(object)) return { stdout: '', stderr: `Object "${object}" is unknown, try "ip help".\n`, exitCode: 1 };
  if ('route'.startsWith(object) && object.length > 0 && object[0] === 'r') {
    const routes = [`default via 172.18.0.1 dev eth0 `, `172.18.0.0/16 dev eth0 proto kernel scope link src ${m.ip} `, ...m.veths.map((v) => `${v.podIP} dev ${v.name} scope host `)];
    return ok(`${routes.join('\n')}\n`);
  }
  if (!['show', 'list', 'ls', 'sh', 's'].includes(verb)) return { stdout: '', stderr: `Command "${verb}" is unknown, try "ip address help".\n`, exitCode: 1 };
  const gw = m.podCIDR.replace(/\.0\/\d+$/, '.1');
  const out = [
    '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
    '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    '    inet 127.0.0.1/8 scope host lo',
    '       valid_lft forever preferred_lft forever',
    '    inet6 ::1/128 scope host proto kernel_lo ',
    '       valid_lft forever preferred_lft forever',
    `2: eth0@if${m.ip.split('.').pop() ?? '3'}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default `,
    `    link/ether ${mac(m.hostname)} brd ff:ff:ff:ff:ff:ff link-netnsid 0`,
    `    inet ${m.ip}/16 brd 172.18.255.255 scope global eth0`,
    '       valid_lft forever preferred_lft forever',
  ];
  for (const v of m.veths) {
    out.push(`${v.index}: ${v.name}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 65535 qdisc noqueue state UP group default `);
    out.push(`    link/ether ${mac(v.name)} brd ff:ff:ff:ff:ff:ff link-netns cni-${mac(v.podIP).replace(/:/g, '').slice(0, 8)}`);
    out.push(`    inet ${gw}/32 scope global ${v.name}`);
    out.push('       valid_lft forever preferred_lft forever');
  }
  return ok(`${out.join('\n')}\n`);
}

/** `hostname [-i|-I]`. */
export function hostname(m: MachineInfo, args: string[]): CommandOutput {
  if (args.includes('-i') || args.includes('-I')) return ok(`${m.ip}${args.includes('-I') ? ' ' : ''}\n`);
  return ok(`${m.hostname}\n`);
}

/** `uname [-a|-r|-n|-m|-s]`. */
export function uname(m: MachineInfo, args: string[]): CommandOutput {
  const version = '#1 SMP PREEMPT_DYNAMIC Debian 6.1.129-1 (2025-03-06)';
  if (args.includes('-a') || args.includes('--all')) return ok(`Linux ${m.hostname} ${m.kernel} ${version} x86_64 GNU/Linux\n`);
  const parts: string[] = [];
  for (const a of args) {
    if (a === '-s') parts.push('Linux');
    else if (a === '-n') parts.push(m.hostname);
    else if (a === '-r') parts.push(m.kernel);
    else if (a === '-v') parts.push(version);
    else if (a === '-m' || a === '-p' || a === '-i') parts.push('x86_64');
    else if (a === '-o') parts.push('GNU/Linux');
  }
  return ok(`${parts.length > 0 ? parts.join(' ') : 'Linux'}\n`);
}

/** `uptime`. */
export function uptime(m: MachineInfo): CommandOutput {
  const mins = Math.floor((m.now - m.bootedAt) / 60000);
  const up = mins < 60 ? `${mins} min` : `${Math.floor(mins / 60)}:${String(mins % 60).padStart(2, '0')}`;
  return ok(` ${clockTime(m.now)} up ${up},  1 user,  load average: 0.${String(12 + m.processes.length).slice(-2)}, 0.18, 0.16\n`);
}

/** `id [-u|-g|-n]` and `whoami`: everyone here is root. */
export function id(args: string[]): CommandOutput {
  if (args.some((a) => a === '-u' || a === '-g' || a === '-ru' || a === '-rg')) return ok('0\n');
  if (args.some((a) => a === '-un' || a === '-nu' || a === '-gn' || a === '-ng' || a === '-n')) return ok('root\n');
  return ok('uid=0(root) gid=0(root) groups=0(root)\n');
}
