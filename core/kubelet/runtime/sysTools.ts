/**
 * What a container shows of its system: `ps` (its PID namespace, users by the container's own
 * /etc/passwd), `id`, `df` and `mount` (the overlay root, the runtime's standard mounts and the
 * pod's volumes), `ip addr`/`ip route`/`ifconfig` (the pod's eth0 as kindnet's ptp plugin sets
 * it up), and the DNS and ICMP tools over the cluster's network (busybox `nslookup`, `ping`).
 * Busybox's formats in busybox and alpine images, coreutils' in the Debian-based ones.
 */
import { hasNetworkTools } from '../../network/tools';
import type { ProcessContext, Program } from './process';

/** Whether the container's tools are busybox's. */
function isBusybox(ctx: ProcessContext): boolean {
  return !!ctx.host.fs.entry('/bin/busybox') || /Alpine/.test(ctx.host.fs.read('/etc/os-release') ?? '');
}

/** Known users of images, by name, for the uids a viewer's /etc/passwd does not know. */
const UIDS: Record<string, string> = { nginx: '101', 'www-data': '33', '65535': '65535' };

/** How `ps` shows a user: its name when the viewer's /etc/passwd has it, else its uid. */
function userName(ctx: ProcessContext, user: string): string {
  if (user === 'root') return 'root';
  const passwd = ctx.host.fs.read('/etc/passwd') ?? '';
  if (passwd.split('\n').some((l) => l.split(':')[0] === user)) return user;
  return UIDS[user] ?? user;
}

const ps: Program = async (ctx) => {
  let out = 'PID   USER     TIME  COMMAND\n';
  for (const p of ctx.host.processes()) out += `${String(p.pid).padStart(5)} ${userName(ctx, p.user).slice(0, 8).padEnd(8)}  0:00 ${p.argv.join(' ')}\n`;
  ctx.io.stdout(out);
  return 0;
};

const id: Program = async (ctx) => {
  const groups = /Alpine/.test(ctx.host.fs.read('/etc/os-release') ?? '') ? '0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)' : isBusybox(ctx) ? '0(root),10(wheel)' : '0(root)';
  ctx.io.stdout(`uid=0(root) gid=0(root) groups=${groups}\n`);
  return 0;
};

/** One line of the mount table. */
interface MountLine {
  source: string;
  path: string;
  type: string;
  options: string;
  /** 1K blocks, used. */
  size: number;
  used: number;
}

/** The node's disk (kind's node: one virtual disk), in 1K blocks. */
const DISK = { size: 61_202_244, used: 14_338_112 };
/** The memory-backed filesystems' size (the node's RAM / 2). */
const TMPFS = 8_145_284;

function mountTable(ctx: ProcessContext): MountLine[] {
  const used = (path: string) => {
    let bytes = 0;
    const walk = (p: string) => {
      for (const n of ctx.host.fs.list(p) ?? []) {
        const full = p === '/' ? `/${n}` : `${p}/${n}`;
        if (ctx.host.fs.stat(full) === 'dir') walk(full);
        else bytes += (ctx.host.fs.read(full) ?? '').length;
      }
    };
    walk(path);
    return Math.ceil(bytes / 1024);
  };
  const lines: MountLine[] = [
    { source: 'overlay', path: '/', type: 'overlay', options: 'rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/21/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/22/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/22/work', ...DISK },
    { source: 'proc', path: '/proc', type: 'proc', options: 'rw,nosuid,nodev,noexec,relatime', size: -1, used: 0 },
    { source: 'tmpfs', path: '/dev', type: 'tmpfs', options: 'rw,nosuid,size=65536k,mode=755', size: 65_536, used: 0 },
    { source: 'devpts', path: '/dev/pts', type: 'devpts', options: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666', size: -1, used: 0 },
    { source: 'mqueue', path: '/dev/mqueue', type: 'mqueue', options: 'rw,nosuid,nodev,noexec,relatime', size: -1, used: 0 },
    { source: 'sysfs', path: '/sys', type: 'sysfs', options: 'ro,nosuid,nodev,noexec,relatime', size: -1, used: 0 },
    { source: 'cgroup', path: '/sys/fs/cgroup', type: 'cgroup2', options: 'ro,nosuid,nodev,noexec,relatime', size: -1, used: 0 },
  ];
  for (const m of ctx.host.mountTable ?? []) {
    const ro = m.readOnly ? 'ro' : 'rw';
    lines.push(m.kind === 'tmpfs' ? { source: 'tmpfs', path: m.path, type: 'tmpfs', options: `${ro},relatime,size=${TMPFS}k`, size: TMPFS, used: used(m.path) } : { source: '/dev/vda1', path: m.path, type: 'ext4', options: `${ro},relatime`, ...DISK });
  }
  for (const p of ['/etc/hosts', '/dev/termination-log', '/etc/hostname', '/etc/resolv.conf']) lines.push({ source: '/dev/vda1', path: p, type: 'ext4', options: 'rw,relatime', ...DISK });
  lines.push({ source: 'shm', path: '/dev/shm', type: 'tmpfs', options: 'rw,nosuid,nodev,noexec,relatime,size=65536k', size: 65_536, used: 0 });
  return lines.sort((a, b) => (a.path === '/' ? -1 : b.path === '/' ? 1 : 0));
}

const mount: Program = async (ctx) => {
  if (ctx.argv.length > 1 && !ctx.argv.slice(1).every((a) => a.startsWith('-'))) {
    ctx.io.stderr(isBusybox(ctx) ? "mount: permission denied (are you root?)\n" : 'mount: /mnt: permission denied.\n       dmesg(1) may have more information after failed mount system call.\n');
    return isBusybox(ctx) ? 255 : 32;
  }
  ctx.io.stdout(mountTable(ctx).map((m) => `${m.source} on ${m.path} type ${m.type} (${m.options})\n`).join(''));
  return 0;
};

const df: Program = async (ctx) => {
  const human = ctx.argv.slice(1).some((a) => /^-[a-zA-Z]*h/.test(a));
  const rows = mountTable(ctx).filter((m) => m.size >= 0);
  const unit = (k: number) => {
    if (!human) return String(k);
    const units = ['K', 'M', 'G', 'T'];
    let v = k;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return i === 0 ? `${v}${isBusybox(ctx) ? '.0K' : 'K'}` : `${v < 10 ? v.toFixed(1) : Math.round(v)}${units[i]}`;
  };
  const cells = rows.map((m) => {
    const avail = Math.max(0, m.size - m.used);
    const pct = m.size === 0 ? 0 : Math.ceil((m.used * 100) / m.size);
    return [m.source, unit(m.size), unit(m.used), unit(avail), `${pct}%`, m.path];
  });
  if (isBusybox(ctx)) {
    let out = `Filesystem           ${human ? '     Size' : '1K-blocks'}      Used Available Use% Mounted on\n`;
    for (const c of cells) out += `${(c[0] as string).padEnd(20)} ${(c[1] as string).padStart(9)} ${(c[2] as string).padStart(9)} ${(c[3] as string).padStart(9)} ${(c[4] as string).padStart(4)} ${c[5]}\n`;
    ctx.io.stdout(out);
    return 0;
  }
  const head = ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
  const all = [head, ...cells];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] as string).length)));
  widths[0] = Math.max(widths[0] as number, 14);
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[0] as number) : i === 5 ? c : c.padStart(widths[i] as number))).join(' ');
  ctx.io.stdout(all.map((r) => `${line(r)}\n`).join(''));
  return 0;
};

/** A MAC address derived from an IP (as the CNI's veth gets a random one; here stable). */
function mac(ip: string, salt = 0): string {
  const parts = ip.split('.').map(Number);
  let h = 0x3e + salt;
  const bytes = [0x0a | 0x02, 0x58, ...parts.map((p) => (h = (h * 31 + p) & 0xff))];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function eth0(ctx: ProcessContext): { ip: string; prefix: number; brd: string; gw: string; ifindex: number } {
  const ip = ctx.host.ip;
  const parts = ip.split('.');
  const last = Number(parts[3] ?? 0);
  if (ctx.host.hostNetwork) return { ip, prefix: 16, brd: `${parts[0]}.${parts[1]}.255.255`, gw: `${parts[0]}.${parts[1]}.0.1`, ifindex: 2 };
  return { ip, prefix: 24, brd: `${parts.slice(0, 3).join('.')}.255`, gw: `${parts.slice(0, 3).join('.')}.1`, ifindex: last + 3 };
}

const ip: Program = async (ctx) => {
  const [obj = '', verb = ''] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const e = eth0(ctx);
  const m = mac(e.ip);
  if (/^a(d(dr?)?)?$|^address$/.test(obj) || obj === '') {
    if (obj === '') {
      ctx.io.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n');
      return 1;
    }
    const v6 = `fe80::${m.split(':').slice(0, 2).join('')}:${m.split(':')[2]}ff:fe${m.split(':')[3]}:${m.split(':').slice(4).join('')}`.replace(/:0+([0-9a-f])/g, ':$1');
    ctx.io.stdout(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n' +
        `2: eth0@if${e.ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n    link/ether ${m} brd ff:ff:ff:ff:ff:ff\n    inet ${e.ip}/${e.prefix} brd ${e.brd} scope global eth0\n       valid_lft forever preferred_lft forever\n    inet6 ${v6}/64 scope link \n       valid_lft forever preferred_lft forever\n`,
    );
    return 0;
  }
  if (/^r(o(u(te?)?)?)?$/.test(obj)) {
    void verb;
    ctx.io.stdout(ctx.host.hostNetwork ? `default via ${e.gw} dev eth0 \n${e.gw.replace(/\.1$/, '.0')}/16 dev eth0 scope link  src ${e.ip} \n` : `default via ${e.gw} dev eth0 \n${e.gw} dev eth0 scope link  src ${e.ip} \n`);
    return 0;
  }
  if (/^l(i(nk?)?)?$/.test(obj)) {
    ctx.io.stdout(`1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n2: eth0@if${e.ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n    link/ether ${m} brd ff:ff:ff:ff:ff:ff\n`);
    return 0;
  }
  ctx.io.stderr(`ip: ${obj}: unknown object\n`);
  return 1;
};

const ifconfig: Program = async (ctx) => {
  const e = eth0(ctx);
  const mask = e.prefix === 24 ? '255.255.255.0' : '255.255.0.0';
  ctx.io.stdout(
    `eth0      Link encap:Ethernet  HWaddr ${mac(e.ip).toUpperCase()}  \n          inet addr:${e.ip}  Bcast:${e.brd}  Mask:${mask}\n          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:0 \n          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n` +
      'lo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n          collisions:0 txqueuelen:1000 \n          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n',
  );
  return 0;
};

/** The tools' source: the pod, or the node for a host-network pod. */
function source(ctx: ProcessContext): string {
  return ctx.host.pod;
}

const nslookup: Program = async (ctx) => {
  const name = ctx.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name) {
    ctx.io.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  const net = ctx.host.network;
  if (!hasNetworkTools(net)) {
    await ctx.sleep(10_000);
    ctx.io.stdout(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  const r = net.nslookup(source(ctx), name);
  if (r.elapsedMs > 0) await ctx.sleep(r.elapsedMs);
  // busybox writes the server as ADDRESS:PORT where BIND writes ADDRESS#PORT.
  ctx.io.stdout(r.out.replace(/^Address:\t(\S+)#53$/m, 'Address:\t$1:53'));
  return r.code;
};

const ping: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  let count = Number.POSITIVE_INFINITY;
  let host: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-c') count = Number(args[++i] ?? 4);
    else if (a.startsWith('-c')) count = Number(a.slice(2));
    else if (a === '-W' || a === '-w' || a === '-i') i++;
    else if (!a.startsWith('-')) host = a;
  }
  if (!host) {
    ctx.io.stderr('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n');
    return 1;
  }
  const net = ctx.host.network;
  if (!hasNetworkTools(net)) {
    ctx.io.stderr(`ping: bad address '${host}'\n`);
    return 1;
  }
  const n = Number.isFinite(count) && count > 0 ? count : 4;
  const r = net.ping(source(ctx), host, Number.isFinite(count) ? n : 1);
  if (r.err) {
    if (r.elapsedMs > 0) await ctx.sleep(r.elapsedMs);
    ctx.io.stderr(r.err);
    return r.code;
  }
  const lines = r.out.split('\n');
  const head = lines[0] ?? '';
  ctx.io.stdout(`${head}\n`);
  const replies = lines.filter((l) => l.startsWith('64 bytes'));
  if (!Number.isFinite(count)) {
    // Without -c, ping runs until Ctrl-C; each second one more reply.
    const reply = replies[0];
    for (let seq = 0; ; seq++) {
      if (reply) ctx.io.stdout(`${reply.replace(/seq=\d+/, `seq=${seq}`)}\n`);
      await ctx.sleep(1000);
    }
  }
  for (const [i, l] of replies.entries()) {
    if (i > 0) await ctx.sleep(1000);
    ctx.io.stdout(`${l}\n`);
  }
  if (replies.length === 0) await ctx.sleep(n * 1000);
  ctx.io.stdout(`${lines.slice(lines.indexOf('') ).join('\n')}`);
  return r.code;
};

/** The system tools, by program name. */
export const SYS_TOOLS: Record<string, Program> = { ps, id, mount, df, ip, ifconfig, nslookup, ping };
