/**
 * A simulated container: PID 1 runs the image's program (or the pod's command), children and
 * `exec` sessions join its process table; it has an environment, a filesystem (the image's
 * files in a writable layer plus its mounts), a log, and resource usage that an OOM kill ends.
 */
import type { Listener } from '../../network/types';
import type { ResolvedImage } from '../images/catalogue';
import { FileSystem, normalizePath, type Mount, Volume } from './fs';
import { ContainerLog } from './logs';
import { PidNamespace } from './pids';
import { Process, type ContainerHost, type ProcessInfo, type ProcessIo, type Program } from './process';
import { PROGRAMS } from './programs';
import type { PodSandbox } from './sandbox';
import { ExecSession, Stdio, type SessionOptions } from './session';

/** What the kubelet resolved for one container. */
export interface ContainerConfig {
  name: string;
  image: ResolvedImage;
  /** The full command line (entrypoint/command + cmd/args, `$(VAR)` expanded). */
  argv: string[];
  env: Record<string, string>;
  workingDir: string;
  mounts: Mount[];
  /** Memory limit in bytes (0: none). */
  memoryLimit: number;
  /** CPU limit in millicores (0: none). */
  cpuLimit: number;
  /** `stdin: true`: the program's stdin stays open for `kubectl attach`. */
  stdin?: boolean;
  /** `stdinOnce: true`: stdin closes when the first attach session ends. */
  stdinOnce?: boolean;
  /** `tty: true`: the program runs on a terminal. */
  tty?: boolean;
  /** The pod's `shareProcessNamespace`: the container joins the sandbox's PID namespace. */
  shareProcessNamespace?: boolean;
}

/** The runtime flags of a container spec (stdin, tty) and of its pod (a shared PID namespace), for its config. */
export function runtimeFlags(spec: Record<string, unknown>, podSpec: Record<string, unknown>): Pick<ContainerConfig, 'stdin' | 'stdinOnce' | 'tty' | 'shareProcessNamespace'> {
  return { stdin: spec['stdin'] === true, stdinOnce: spec['stdinOnce'] === true, tty: spec['tty'] === true, shareProcessNamespace: podSpec['shareProcessNamespace'] === true };
}

/** Why an exec could not start, as runc words it. */
export function execStartError(argv: string[]): string {
  const name = argv[0] ?? '';
  const why = name.includes('/') ? `stat ${name}: no such file or directory` : 'executable file not found in $PATH';
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: ${JSON.stringify(name)}: ${why}: unknown`;
}

/** How a container ended. */
export interface ExitInfo {
  exitCode: number;
  /** Completed, Error, OOMKilled, StartError. */
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
}

/** The result of an exec. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The window over which CPU time becomes a rate (the Summary API's usageNanoCores is a recent rate). */
const CPU_WINDOW_MS = 10_000;

/** One container instance (a restart makes a new one). */
export class SimContainer implements ContainerHost {
  readonly fs: FileSystem;
  readonly log: ContainerLog;
  state: 'created' | 'running' | 'exited' = 'created';
  startedAt = 0;
  exit: ExitInfo | undefined;
  /** Called once when PID 1 ends. */
  onExit: ((c: SimContainer) => void) | undefined;
  /** The PID namespace the container's processes live in. */
  readonly pids: PidNamespace;
  private initPid = 0;
  /** The stdio of the container's own program, when it has stdin or a tty (`kubectl attach`). */
  private stdio: Stdio | undefined;
  private readonly attached = new Set<ExecSession>();
  private readonly memory = new Map<number, number>();
  private readonly cpuLoad = new Map<number, number>();
  private cpuSamples: { t: number; ms: number }[] = [];
  private stopTimer: { id: number } | undefined;

  constructor(
    readonly id: string,
    readonly config: ContainerConfig,
    readonly sandbox: PodSandbox,
  ) {
    this.fs = new FileSystem(rootLayer(config.image), config.mounts);
    this.log = new ContainerLog(() => this.clock.now());
    this.pids = config.shareProcessNamespace && sandbox.pause ? sandbox.pause.pids : new PidNamespace();
  }

  /** The mounts as `mount` and `df` list them. */
  get mountTable(): { path: string; readOnly: boolean; kind: string }[] {
    return this.config.mounts.map((m) => ({ path: m.path, readOnly: m.readOnly ?? false, kind: m.path.startsWith('/var/run/secrets/') || m.readOnly ? 'tmpfs' : 'disk' }));
  }

  get clock() {
    return this.sandbox.clock;
  }
  get image(): ResolvedImage {
    return this.config.image;
  }
  get hostname(): string {
    return this.sandbox.hostname;
  }
  get ip(): string {
    return this.sandbox.ip;
  }
  get network() {
    return this.sandbox.network;
  }
  get hostNetwork(): boolean {
    return this.sandbox.hostNetwork;
  }
  get pod(): string {
    return this.sandbox.pod;
  }
  get memoryLimit(): number {
    return this.config.memoryLimit;
  }
  get cpus(): number {
    return this.sandbox.cpus;
  }

  /** The program `name` runs here, looked up as execvp does. */
  resolve(name: string, path: string): Program | undefined {
    const candidates = name.includes('/') ? [normalizePath(name, this.config.workingDir)] : path.split(':').filter((d) => d).map((d) => normalizePath(name, d));
    for (const c of candidates) {
      const entry = this.fs.entry(c);
      if (!entry) continue;
      if (entry.program) return PROGRAMS[entry.program];
      if (entry.content.startsWith('#!')) {
        const sh = PROGRAMS['sh'] as Program;
        return (ctx) => sh(Object.create(ctx, { argv: { value: ['sh', c, ...ctx.argv.slice(1)] } }));
      }
    }
    return undefined;
  }

  /** Starts PID 1; a missing executable ends the container at once with StartError (exit 128). */
  start(): void {
    const now = this.clock.now();
    this.startedAt = now;
    const argv = this.config.argv;
    const program = argv.length ? this.resolve(argv[0] as string, this.config.env['PATH'] ?? '') : undefined;
    if (!program) {
      const what = argv.length ? `exec: ${JSON.stringify(argv[0])}: ${argv[0]?.includes('/') ? 'stat ' + argv[0] + ': no such file or directory' : 'executable file not found in $PATH'}` : 'no command specified';
      this.state = 'exited';
      this.exit = { exitCode: 128, reason: 'StartError', message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${what}: unknown`, startedAt: 0, finishedAt: now };
      this.log.close();
      return;
    }
    this.state = 'running';
    const { stdin, tty } = this.config;
    // The program's stdio: its output goes to the log and to attached sessions.
    this.stdio = new Stdio({ stdin: stdin ?? false, tty: tty ?? false }, (sig) => this.signalTree(this.initPid, sig), (stream, t) => this.log.write(stream, t));
    const io = this.stdio.io();
    const proc = this.run(argv, program, io, this.config.env, this.config.workingDir, 0);
    this.initPid = proc.pid;
    void proc.done.then((code) => this.finish(code, proc.killed));
  }

  private run(argv: string[], program: Program, io: ProcessIo, env: Record<string, string>, cwd: string, ppid: number): Process {
    const pid = this.pids.allocate();
    const proc = new Process(pid, ppid, argv, this, program, env, cwd, io);
    // The pause image runs as 65535 (its USER); the others as root.
    const user = this.config.name === 'POD' ? '65535' : 'root';
    this.pids.entries.set(pid, { info: { pid, ppid, argv, started: this.clock.now(), user }, proc, owner: this });
    void proc.done.then(() => {
      this.pids.entries.delete(pid);
      this.memory.delete(pid);
      this.cpuLoad.delete(pid);
    });
    proc.run();
    return proc;
  }

  /** Signals a process and its descendants (a terminal's foreground group, loosely). */
  private signalTree(root: number, sig: string): void {
    for (const pid of this.pids.tree(root)) this.pids.entries.get(pid)?.proc?.signal(sig);
  }

  /**
   * Starts a command as an exec session (CRI Exec): its own stdio — a pipe for stdin, or a
   * terminal — and the exit status at the end; runc's message when the executable is missing.
   * With a terminal, TERM=xterm joins its environment; HOME is /root when the image sets none.
   */
  openExec(id: string, argv: string[], options: SessionOptions): { ok: true; session: ExecSession } | { ok: false; error: string } {
    if (this.state !== 'running') return { ok: false, error: 'container not running' };
    const env = { ...this.config.env };
    const program = argv.length ? this.resolve(argv[0] as string, env['PATH'] ?? '') : undefined;
    if (!program) return { ok: false, error: execStartError(argv) };
    if (options.tty) env['TERM'] = 'xterm';
    env['HOME'] ??= '/root';
    let root = 0;
    const stdio = new Stdio(options, (sig) => this.signalTree(root, sig));
    const session = new ExecSession(id, stdio, () => {
      // The client went away: a terminal hangs up, a pipe ends.
      if (options.tty) this.signalTree(root, 'SIGHUP');
      stdio.closeInput();
    });
    const proc = this.run(argv, program, stdio.io(), env, this.config.workingDir, 0);
    root = proc.pid;
    void proc.done.then((code) => session.end(code));
    return { ok: true, session };
  }

  /**
   * Attaches to the container's own program (CRI Attach): its output from now on, its stdin when
   * the container has `stdin: true`; the session ends when the container does. With `stdinOnce`
   * the program's stdin closes when the first session ends.
   */
  attach(id: string): ExecSession | undefined {
    const stdio = this.stdio;
    if (this.state !== 'running' || !stdio) return undefined;
    const session: ExecSession = new ExecSession(id, stdio, () => {
      this.attached.delete(session);
      if (this.config.stdinOnce) stdio.closeInput();
    });
    this.attached.add(session);
    return session;
  }

  private finish(code: number, killed: boolean, reason?: string): void {
    if (this.state === 'exited') return;
    this.state = 'exited';
    if (this.stopTimer) this.clock.clearTimer(this.stopTimer);
    for (const [pid, { proc }] of this.pids.owned(this)) {
      proc?.signal('SIGKILL');
      this.pids.entries.delete(pid);
    }
    this.memory.clear();
    this.cpuLoad.clear();
    this.sandbox.unlistenAll(this);
    this.log.close();
    this.exit = { exitCode: code, reason: reason ?? (code === 0 ? 'Completed' : 'Error'), startedAt: this.startedAt, finishedAt: this.clock.now() };
    void killed;
    // Attached sessions end with the program.
    for (const s of [...this.attached]) s.end(0);
    this.attached.clear();
    this.onExit?.(this);
  }

  /** Stops the container as containerd does: the image's stop signal, SIGKILL after `graceMs`. */
  stop(graceMs: number): void {
    if (this.state !== 'running') return;
    const init = this.pids.entries.get(this.initPid)?.proc;
    init?.signal(this.config.image.def.stopSignal ?? 'SIGTERM');
    if (this.state !== 'running') return;
    this.stopTimer = this.clock.setTimer(Math.max(0, graceMs), () => this.kill());
  }

  /** SIGKILL to every process. */
  kill(): void {
    if (this.state !== 'running') return;
    this.pids.entries.get(this.initPid)?.proc?.signal('SIGKILL');
  }

  /** Runs a command in the running container (kubectl exec, exec probes). */
  exec(argv: string[], stdin = ''): Promise<ExecResult> {
    let stdout = '';
    let stderr = '';
    if (this.state !== 'running') return Promise.resolve({ stdout, stderr: 'container not running', exitCode: 126 });
    const program = argv.length ? this.resolve(argv[0] as string, this.config.env['PATH'] ?? '') : undefined;
    if (!program) return Promise.resolve({ stdout, stderr: execStartError(argv), exitCode: 126 });
    const io: ProcessIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin };
    const proc = this.run(argv, program, io, { ...this.config.env }, this.config.workingDir, 0);
    return proc.done.then((exitCode) => ({ stdout, stderr, exitCode }));
  }

  // ContainerHost

  listen(port: number, listener: Listener): void {
    this.sandbox.listen(this, port, listener);
  }

  http(host: string, port: number, req: Parameters<PodSandbox['http']>[2]) {
    return this.sandbox.http(host, port, req);
  }

  tcp(host: string, port: number) {
    return this.sandbox.tcp(host, port);
  }

  setMemory(pid: number, bytes: number): void {
    this.memory.set(pid, bytes);
    if (this.config.memoryLimit > 0 && this.memoryBytes() > this.config.memoryLimit && this.state === 'running') {
      // The cgroup's OOM killer (memory.oom.group: the whole container).
      this.pids.entries.get(this.initPid)?.proc?.finish(137);
      this.finish(137, true, 'OOMKilled');
    }
  }

  addCpu(ms: number): void {
    this.cpuSamples.push({ t: this.clock.now(), ms });
  }

  setCpuLoad(pid: number, milli: number): void {
    this.cpuLoad.set(pid, milli);
  }

  retitle(pid: number, argv: string[]): void {
    const e = this.pids.entries.get(pid);
    if (e) e.info = { ...e.info, argv };
  }

  processes(): ProcessInfo[] {
    return [...this.pids.entries.values()].map((p) => p.info).sort((a, b) => a.pid - b.pid);
  }

  signal(pid: number, sig: string): boolean {
    const p = this.pids.entries.get(pid);
    if (!p) return false;
    if (p.proc) p.proc.signal(sig);
    else if (sig === 'SIGKILL' || sig === 'SIGTERM') this.pids.entries.delete(pid);
    return true;
  }

  spawn(argv: string[], io: ProcessIo, env: Record<string, string>, cwd: string, ppid: number): Promise<number> {
    const program = argv.length ? this.resolve(argv[0] as string, env['PATH'] ?? this.config.env['PATH'] ?? '') : undefined;
    if (!program) {
      io.stderr(`sh: ${argv[0] ?? ''}: not found\n`);
      return Promise.resolve(127);
    }
    return this.run(argv, program, io, env, cwd, ppid).done;
  }

  addProcess(argv: string[], ppid: number): number {
    // The entrypoint's scripts used the first pids, as in a real nginx container (workers 29, 30...).
    const pid = this.pids.allocate(29);
    this.pids.entries.set(pid, { info: { pid, ppid, argv, started: this.clock.now(), user: 'nginx' }, owner: this });
    return pid;
  }

  /** Working-set memory now (bytes): the image's baseline plus what processes hold. */
  memoryBytes(): number {
    if (this.state !== 'running') return 0;
    let sum = this.config.image.def.usage.memoryBytes;
    for (const b of this.memory.values()) sum += b;
    return sum;
  }

  /** CPU now (millicores): baseline, steady loads and recent CPU time, capped by the limit. */
  cpuMilli(): number {
    if (this.state !== 'running') return 0;
    const now = this.clock.now();
    this.cpuSamples = this.cpuSamples.filter((s) => s.t > now - CPU_WINDOW_MS);
    let ms = 0;
    for (const s of this.cpuSamples) ms += s.ms;
    let milli = this.config.image.def.usage.cpuMilli + (ms / CPU_WINDOW_MS) * 1000;
    for (const l of this.cpuLoad.values()) milli += l;
    milli = Math.min(milli, this.sandbox.cpus * 1000);
    if (this.config.cpuLimit > 0) milli = Math.min(milli, this.config.cpuLimit);
    return Math.round(milli);
  }
}

/** The top-level directories of an image's distribution (what `ls /` shows there); none for a distroless image. */
function osDirectories(v: Volume): string[] {
  if (v.stat('/bin/sh') !== 'file') return [];
  const common = ['/sys', '/usr/bin', '/usr/sbin', '/var'];
  if (v.stat('/etc/debian_version') === 'file') return [...common, '/boot', '/lib', '/lib64', '/media', '/mnt', '/opt', '/run', '/sbin', '/srv', '/usr/lib', '/usr/local/bin'];
  if (v.stat('/etc/alpine-release') === 'file') return [...common, '/lib', '/media', '/mnt', '/opt', '/run', '/sbin', '/srv'];
  if (v.stat('/bin/busybox') === 'file') return [...common, '/lib', '/lib64'];
  return common;
}

const layers = new Map<string, Volume>();

/** The image's root filesystem, copied for a new container (the image layer is shared and cached). */
function rootLayer(image: ResolvedImage): Volume {
  let v = layers.get(image.def.repository);
  if (!v) {
    v = Volume.of(image.def.files);
    for (const d of ['/tmp', '/proc', '/dev', '/etc', '/var/run', '/root', '/home']) v.mkdir(d);
    for (const d of osDirectories(v)) v.mkdir(d);
    layers.set(image.def.repository, v);
  }
  return v.clone();
}
