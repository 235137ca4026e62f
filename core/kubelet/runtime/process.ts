/**
 * Simulated processes. A program is an async function of its `ProcessContext`: it writes to
 * stdout/stderr, sleeps on the cluster's clock, listens on ports, traps signals and returns its
 * exit status. Killing a process stops it where it waits (its sleeps never resolve).
 */
import type { Clock, TimerHandle } from '../../clock/clock';
import type { HttpRequest, HttpResponse, Listener, PodNetwork } from '../../network/types';
import type { ResolvedImage } from '../images/catalogue';
import type { FileSystem } from './fs';
import type { PidNamespace } from './pids';

/** Signals the simulation knows, with their numbers. */
export const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGUSR1: 10, SIGTERM: 15, SIGCHLD: 17, SIGWINCH: 28 };

/** Thrown inside a program to end it (`exit N`), caught by the runner. */
export class ExitProcess {
  constructor(readonly code: number) {}
}

/** Thrown inside a program that was killed, to unwind it. */
export class ProcessKilled {}

/** What a container offers its processes. */
export interface ContainerHost {
  readonly clock: Clock;
  readonly fs: FileSystem;
  readonly image: ResolvedImage;
  /** The pod's hostname. */
  readonly hostname: string;
  /** The pod's IP. */
  readonly ip: string;
  readonly network: PodNetwork | undefined;
  /** The pod (namespace/name). */
  readonly pod: string;
  /** The memory limit in bytes (0: none). */
  readonly memoryLimit: number;
  /** The CPU count the node has. */
  readonly cpus: number;
  listen(port: number, listener: Listener): void;
  /** Sends an HTTP request from inside the container (curl, wget); undefined when it fails, with the tool's error. */
  http(host: string, port: number, req: HttpRequest): { ok: true; res: HttpResponse } | { ok: false; error: string };
  /** Opens a TCP connection from inside the container (nc -z). */
  tcp(host: string, port: number): { ok: true } | { ok: false; error: string };
  /** Sets the memory a process holds (bytes), which may OOM-kill the container. */
  setMemory(pid: number, bytes: number): void;
  /** Adds CPU time spent (ms of one core). */
  addCpu(ms: number): void;
  /** Sets the steady CPU a process burns (millicores: `stress --cpu 2` is 2000). */
  setCpuLoad(pid: number, milli: number): void;
  /** The program an executable runs, looked up as execvp does (a path, or each directory of `PATH`). */
  resolve(name: string, path: string): Program | undefined;
  /** The process table (for `ps`). */
  processes(): ProcessInfo[];
  /** Sends a signal to a process of the container; false when there is none. */
  signal(pid: number, signal: string): boolean;
  /** Runs a program as a child process; resolves with its exit status. */
  spawn(argv: string[], io: ProcessIo, env: Record<string, string>, cwd: string, ppid: number): Promise<number>;
  /** Registers a process without a program (nginx workers); returns its pid. */
  addProcess(argv: string[], ppid: number): number;
  /** The PID namespace the container's processes live in (the pod's, with shareProcessNamespace). */
  readonly pids?: PidNamespace;
  /** The container's mounts, as `mount` and `df` list them. */
  readonly mountTable?: readonly { path: string; readOnly: boolean; kind: string }[];
  /** Whether the pod uses the node's network (`hostNetwork: true`). */
  readonly hostNetwork?: boolean;
  /** Changes the command line `ps` shows for a process (an exec, nginx naming its master). */
  retitle?(pid: number, argv: string[]): void;
}

/** A process as `ps` shows it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: string[];
  /** When it started (ms). */
  started: number;
  user: string;
}

/**
 * Standard input that arrives over time (an exec session's stdin, a terminal): `read` resolves
 * with the next chunk (a whole line in a terminal's canonical mode), or undefined at the end of
 * the input. A reader that died meanwhile (`alive` false) is skipped: what it would have read goes
 * to the next reader, as the data left in a pipe does.
 */
export interface InputStream {
  read(alive: () => boolean): Promise<string | undefined>;
}

/** The terminal a process runs on (an exec or attach session with a tty). */
export interface TerminalLike {
  readonly cols: number;
  readonly rows: number;
  /** The line being typed. */
  pending?(): string;
}

/** Where a process's output goes and where its input comes from. */
export interface ProcessIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, all at once (pipes and here-strings); empty when none. */
  stdin: string;
  /** Standard input as a stream (an exec session with stdin); `stdin` is then empty. */
  input?: InputStream;
  /** The controlling terminal, when the process runs on one. */
  tty?: TerminalLike;
}

/** What a running program sees. */
export interface ProcessContext {
  readonly pid: number;
  readonly argv: string[];
  readonly env: Record<string, string>;
  cwd: string;
  readonly host: ContainerHost;
  readonly io: ProcessIo;
  /** Whether the process was killed (a program checks it between steps). */
  readonly killed: boolean;
  now(): number;
  /** Waits `ms` of cluster time (never resolves once the process is killed). */
  sleep(ms: number): Promise<void>;
  /** Waits until the process is killed or exits. */
  forever(): Promise<never>;
  /** Handles a signal (without a handler PID 1 ignores SIGTERM/SIGINT/SIGQUIT, as the kernel does). */
  trap(signal: string, handler: (() => void) | undefined): void;
  /** Ends the process with `code` (from the program's own flow: throws to unwind it). */
  exit(code: number): never;
  /** Ends the process with `code` from outside its flow (a signal handler's asynchronous work). */
  end(code: number): void;
  /** Runs a child program (it inherits the standard input unless `io` gives one). */
  spawn(argv: string[], io?: Partial<ProcessIo>, env?: Record<string, string>): Promise<number>;
  /** Reads the next chunk of `io`'s standard input (default the process's): undefined at its end. */
  read(io?: ProcessIo): Promise<string | undefined>;
}

/** All of a standard input: the stream read to its end, or the text given at once. */
export async function readAll(ctx: ProcessContext, io: ProcessIo = ctx.io): Promise<string> {
  if (!io.input) return io.stdin;
  let text = '';
  for (let chunk = await ctx.read(io); chunk !== undefined; chunk = await ctx.read(io)) text += chunk;
  return text;
}

/** A program: runs until it returns its exit status. */
export type Program = (ctx: ProcessContext) => Promise<number>;

/** Runs `argv` in place of the current program (exec): the same process, another program. */
export async function execInPlace(ctx: ProcessContext, argv: string[]): Promise<number> {
  const program = ctx.host.resolve(argv[0] ?? '', ctx.env['PATH'] ?? '');
  if (!program) {
    ctx.io.stderr(`exec: ${argv[0] ?? ''}: not found\n`);
    return 127;
  }
  const replaced = Object.create(ctx, { argv: { value: argv } }) as ProcessContext;
  ctx.host.retitle?.(ctx.pid, argv);
  return program(replaced);
}

/** The standard streams of a child: what `io` gives, else the parent's (its input included). */
function childIo(parent: ProcessIo, io: Partial<ProcessIo>): ProcessIo {
  const inherit = io.stdin === undefined && io.input === undefined;
  const out: ProcessIo = { stdout: io.stdout ?? parent.stdout, stderr: io.stderr ?? parent.stderr, stdin: io.stdin ?? (inherit ? parent.stdin : '') };
  const input = inherit ? parent.input : io.input;
  if (input) out.input = input;
  const tty = io.tty ?? parent.tty;
  if (tty) out.tty = tty;
  return out;
}

/** A process being run. */
export class Process {
  killed = false;
  private exited = false;
  private readonly handlers = new Map<string, () => void>();
  private readonly timers = new Set<TimerHandle>();
  private resolveExit: ((code: number) => void) | undefined;
  /** Resolves with the exit status. */
  readonly done: Promise<number>;
  readonly started: number;

  constructor(
    readonly pid: number,
    readonly ppid: number,
    readonly argv: string[],
    private readonly host: ContainerHost,
    private readonly program: Program,
    private readonly env: Record<string, string>,
    private cwd: string,
    private readonly io: ProcessIo,
  ) {
    this.started = host.clock.now();
    this.done = new Promise<number>((resolve) => (this.resolveExit = resolve));
  }

  /** Starts the program. */
  run(): void {
    const ctx = this.context();
    // The program runs at once up to its first wait, as a process does (a server listens before any probe).
    void this.program(ctx).then(
        (code) => this.finish(code),
        (e: unknown) => {
          if (e instanceof ExitProcess) this.finish(e.code);
          else if (!(e instanceof ProcessKilled)) {
            this.io.stderr(`${this.argv[0] ?? ''}: ${e instanceof Error ? e.message : String(e)}\n`);
            this.finish(1);
          }
        },
      );
  }

  /** Ends the process with `code` (once). */
  finish(code: number): void {
    if (this.exited) return;
    this.exited = true;
    // Its pending sleeps never wake (their timers go with it).
    for (const t of this.timers) this.host.clock.clearTimer(t);
    this.timers.clear();
    this.resolveExit?.(code);
  }

  /** Whether it has exited. */
  get hasExited(): boolean {
    return this.exited;
  }

  /** Delivers a signal: a handler runs; SIGKILL, or a fatal signal to a non-init process, kills. */
  signal(sig: string): void {
    if (this.exited) return;
    const handler = this.handlers.get(sig);
    if (sig !== 'SIGKILL' && handler) {
      try {
        handler();
      } catch (e) {
        if (e instanceof ExitProcess) this.finish(e.code);
        else throw e;
      }
      return;
    }
    // PID 1 of a PID namespace ignores signals it has no handler for (except SIGKILL).
    if (sig !== 'SIGKILL' && (this.pid === 1 || sig === 'SIGCHLD' || sig === 'SIGWINCH')) return;
    this.killed = true;
    this.finish(128 + (SIGNALS[sig] ?? 15));
  }

  private context(): ProcessContext {
    const host = this.host;
    const gone = () => this.killed || this.exited;
    const ctx = {
      pid: this.pid,
      argv: this.argv,
      env: this.env,
      cwd: this.cwd,
      host,
      io: this.io,
      killed: false,
      now: () => host.clock.now(),
      sleep: (ms: number) =>
        new Promise<void>((resolve, reject) => {
          if (gone()) return reject(new ProcessKilled());
          const handle = host.clock.setTimer(ms, () => {
            this.timers.delete(handle);
            if (gone()) reject(new ProcessKilled());
            else resolve();
          });
          this.timers.add(handle);
        }),
      forever: () => this.done.then(() => Promise.reject(new ProcessKilled())),
      trap: (sig: string, handler: (() => void) | undefined) => {
        if (handler) this.handlers.set(sig, handler);
        else this.handlers.delete(sig);
      },
      exit: (code: number): never => {
        throw new ExitProcess(code);
      },
      end: (code: number) => this.finish(code),
      spawn: (argv: string[], io: Partial<ProcessIo> = {}, env: Record<string, string> = this.env) => host.spawn(argv, childIo(this.io, io), env, this.cwd, this.pid),
      read: (io: ProcessIo = this.io) => {
        if (io.input) return io.input.read(() => !gone());
        return Promise.resolve(undefined);
      },
    } satisfies ProcessContext;
    Object.defineProperty(ctx, 'cwd', { get: () => this.cwd, set: (v: string) => (this.cwd = v), enumerable: true });
    Object.defineProperty(ctx, 'killed', { get: gone, enumerable: true });
    return ctx;
  }
}
