/**
 * A node's systemd units as `systemctl` shows and drives them: the kubelet (kubeadm's
 * kubelet.service with its 10-kubeadm.conf drop-in, restarting every 10 s while it fails) and
 * containerd. `systemctl status` prints systemd 252's layout (Debian 12): the dot, Loaded,
 * Drop-In, Active with the time since, Docs, Main PID, Tasks, Memory, CPU, CGroup with its
 * processes, and the unit's last 10 journal lines.
 */
import type { CommandOutput, Journal } from './journal';
import { unitName } from './journal';
import { systemdAgo, systemdSpan, systemdTime } from './time';

/** What a unit is doing. */
export type UnitActive = 'active' | 'inactive' | 'activating' | 'failed';

/** One unit's state. */
export interface Unit {
  /** `kubelet.service`. */
  name: string;
  description: string;
  /** The unit file. */
  path: string;
  /** Drop-in directory and files. */
  dropIn?: { dir: string; files: string[] };
  docs: string;
  /** The ExecStart line as `systemctl status` shows it for an exited process. */
  execStart: string;
  /** The cgroup path. */
  cgroup: string;
  active: UnitActive;
  /** `running`, `dead`, `auto-restart`. */
  sub: string;
  /** When it entered this state. */
  since: number;
  /** The main process (current, or the last one). */
  pid: number;
  /** When the main process started (for Duration and CPU). */
  startedAt: number;
  /** How the last process ended (`1/FAILURE`), while it is not running. */
  exitStatus?: string;
  /** systemd's Result while restarting or failed. */
  result?: string;
  /** Restarts since the unit was started (the `restart counter`). */
  restarts: number;
}

/** What a unit's process tree holds now, for `systemctl status`. */
export interface UnitProcesses {
  /** The main process's command line. */
  command: string;
  /** Further processes (containerd's shims), pid and command line. */
  children: { pid: number; command: string }[];
  /** Resident memory of the unit (bytes). */
  memoryBytes: number;
  tasks: number;
}

/** What `systemctl` acts on. */
export interface SystemdHost {
  readonly journal: Journal;
  now(): number;
  unit(name: string): Unit | undefined;
  /** The unit files' text by path (`systemctl cat`). */
  file(path: string): string | undefined;
  processes(unit: Unit): UnitProcesses;
  start(unit: Unit): Promise<string | undefined>;
  stop(unit: Unit): Promise<void>;
}

function memory(bytes: number): string {
  const units = ['B', 'K', 'M', 'G'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)}${units[i] ?? ''}`;
}

/** `systemctl status UNIT` of one unit. */
export function unitStatus(host: SystemdHost, u: Unit): string {
  const now = host.now();
  const running = u.active === 'active' && u.sub === 'running';
  const dot = u.active === 'active' || u.active === 'activating' ? '●' : u.active === 'failed' ? '×' : '○';
  const lines = [`${dot} ${u.name} - ${u.description}`, `     Loaded: loaded (${u.path}; enabled; preset: enabled)`];
  if (u.dropIn) {
    lines.push(`    Drop-In: ${u.dropIn.dir}`);
    lines.push(`             └─${u.dropIn.files.join(', ')}`);
  }
  const result = u.result && !running ? ` (Result: ${u.result})` : '';
  lines.push(`     Active: ${u.active} (${u.sub})${result} since ${systemdTime(u.since)}; ${systemdAgo(now - u.since)}`);
  if (!running && u.active === 'inactive') lines.push(`   Duration: ${systemdSpan(u.since - u.startedAt)}`);
  lines.push(`       Docs: ${u.docs}`);
  // A process's CPU time: about 1% of its life, in the lab.
  const cpuMs = Math.max(12, Math.round(((running ? now : u.since) - u.startedAt) / 100));
  if (running) {
    const p = host.processes(u);
    lines.push(`   Main PID: ${u.pid} (${u.name.replace(/\.service$/, '')})`);
    lines.push(`      Tasks: ${p.tasks} (limit: 9384)`);
    lines.push(`     Memory: ${memory(p.memoryBytes)}`);
    lines.push(`        CPU: ${systemdSpan(cpuMs)}`);
    lines.push(`     CGroup: ${u.cgroup}`);
    const all = [{ pid: u.pid, command: p.command }, ...p.children];
    const width = Math.max(...all.map((c) => String(c.pid).length));
    all.forEach((c, i) => lines.push(`             ${i === all.length - 1 ? '└─' : '├─'}${String(c.pid).padStart(width)} ${c.command}`));
  } else {
    const status = u.exitStatus ?? '0/SUCCESS';
    lines.push(`    Process: ${u.pid} ExecStart=${u.execStart} (code=exited, status=${status})`);
    lines.push(`   Main PID: ${u.pid} (code=exited, status=${status})`);
    lines.push(`        CPU: ${systemdSpan(u.active === 'activating' ? 45 : cpuMs)}`);
  }
  const tail = host.journal.select([u.name]).slice(-10);
  if (tail.length > 0) lines.push('', ...tail.map((e) => host.journal.format(e)));
  return `${lines.join('\n')}\n`;
}

const USAGE_VERBS = ['status', 'start', 'stop', 'restart', 'is-active', 'is-enabled', 'enable', 'disable', 'daemon-reload', 'cat', 'list-units', 'reload'];

/** `systemctl VERB [UNIT...]`. */
export async function systemctl(host: SystemdHost, args: string[]): Promise<CommandOutput> {
  const words = args.filter((a) => !['--no-pager', '-l', '--full', '--now', '-q', '--quiet', '--no-legend'].includes(a));
  const quiet = args.includes('-q') || args.includes('--quiet');
  const [verb = 'list-units', ...names] = words;
  const out: CommandOutput = { stdout: '', stderr: '', exitCode: 0 };
  if (!USAGE_VERBS.includes(verb)) return { stdout: '', stderr: `Unknown command verb '${verb}'.\n`, exitCode: 1 };
  if (verb === 'daemon-reload') return out;
  if (verb === 'list-units') {
    const units = ['containerd.service', 'kubelet.service'].map((n) => host.unit(n)).filter((u): u is Unit => u !== undefined);
    const rows = units.map((u) => [u.name, 'loaded', u.active, u.sub, u.description]);
    const header = ['UNIT', 'LOAD', 'ACTIVE', 'SUB', 'DESCRIPTION'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
    const fmt = (r: string[]) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number))).join(' ')}`.trimEnd();
    out.stdout = `${fmt(header)}\n${rows.map((r) => `${fmt(r)}\n`).join('')}\nLOAD   = Reflects whether the unit definition was properly loaded.\nACTIVE = The high-level unit activation state, i.e. generalization of SUB.\nSUB    = The low-level unit activation state, values depend on unit type.\n${units.length} loaded units listed.\n`;
    return out;
  }
  if (names.length === 0) return { stdout: '', stderr: verb === 'status' ? '' : `Too few arguments.\n`, exitCode: verb === 'status' ? 0 : 1 };
  const statuses: string[] = [];
  for (const raw of names) {
    const name = unitName(raw);
    const u = host.unit(name);
    if (!u) {
      if (verb === 'status' || verb === 'cat') {
        out.stderr += verb === 'cat' ? `No files found for ${name}.\n` : `Unit ${name} could not be found.\n`;
        out.exitCode = verb === 'cat' ? 1 : 4;
      } else if (verb === 'is-active') {
        if (!quiet) out.stdout += 'inactive\n';
        out.exitCode = 3;
      } else if (verb === 'is-enabled') {
        out.stderr += `Failed to get unit file state for ${name}: No such file or directory\n`;
        out.exitCode = 1;
      } else {
        out.stderr += `Failed to ${verb} ${name}: Unit ${name} not found.\n`;
        out.exitCode = 5;
      }
      continue;
    }
    switch (verb) {
      case 'status':
        statuses.push(unitStatus(host, u));
        if (!(u.active === 'active' && out.exitCode === 0)) out.exitCode = out.exitCode || 3;
        break;
      case 'is-active':
        if (!quiet) out.stdout += `${u.active}\n`;
        if (u.active !== 'active') out.exitCode = 3;
        break;
      case 'is-enabled':
        if (!quiet) out.stdout += 'enabled\n';
        break;
      case 'enable':
      case 'disable':
        break;
      case 'cat': {
        const files = [u.path, ...(u.dropIn ? u.dropIn.files.map((f) => `${u.dropIn?.dir ?? ''}/${f}`) : [])];
        out.stdout += files.map((f) => `# ${f}\n${host.file(f) ?? ''}`).join('\n');
        break;
      }
      case 'stop':
        await host.stop(u);
        break;
      case 'reload':
        // Neither unit has an ExecReload.
        out.stderr += `Failed to reload ${name}: Job type reload is not applicable for unit ${name}.\n`;
        out.exitCode = 1;
        break;
      case 'start':
      case 'restart': {
        if (verb === 'restart') await host.stop(u);
        const error = await host.start(u);
        if (error) {
          out.stderr += error;
          out.exitCode = 1;
        }
        break;
      }
    }
  }
  out.stdout += statuses.join('\n');
  return out;
}
