/**
 * The standard streams of a container process that a client can reach — an exec'd command, or
 * a container's own program started with `stdin`/`tty` — and the session object a client holds
 * (the CRI's Exec and Attach as the kubelet streams them): it writes stdin chunks, resizes the
 * terminal, receives stdout/stderr and the exit status. Output produced before the client
 * listens is kept and handed over when it does.
 */
import { Pipe } from './pipe';
import type { ProcessIo } from './process';
import { Terminal } from './tty';

/** What a client asks for. */
export interface SessionOptions {
  /** Whether the client sends stdin. */
  stdin: boolean;
  /** Whether the process gets a terminal (stderr then goes to the terminal too). */
  tty: boolean;
  /** The terminal's initial size. */
  cols?: number;
  rows?: number;
}

/** Which stream a chunk of output came on. */
export type OutputStream = 'stdout' | 'stderr';

/** The stdio of one process: its input (a pipe or a terminal), and its output fanned out to listeners. */
export class Stdio {
  readonly pipe: Pipe | undefined;
  readonly terminal: Terminal | undefined;
  private readonly listeners = new Set<(stream: OutputStream, text: string) => void>();

  constructor(
    options: SessionOptions,
    /** Signals the foreground processes (Ctrl-C, a resize). */
    signal: (sig: string) => void,
    /** Where output goes besides the listeners (the container's log, for its own program). */
    private readonly sink?: (stream: OutputStream, text: string) => void,
  ) {
    this.terminal = options.tty ? new Terminal((t) => this.emit('stdout', t), signal, options.cols, options.rows) : undefined;
    this.pipe = options.stdin && !options.tty ? new Pipe() : undefined;
  }

  /** The process's side of the streams. */
  io(): ProcessIo {
    const t = this.terminal;
    const io: ProcessIo = t ? { stdout: (x) => t.write(x), stderr: (x) => t.write(x), stdin: '', tty: t } : { stdout: (x) => this.emit('stdout', x), stderr: (x) => this.emit('stderr', x), stdin: '' };
    const input = t ?? this.pipe;
    if (input) io.input = input;
    return io;
  }

  /** Input from a client: keystrokes with a terminal, bytes of a pipe otherwise. */
  input(data: string): void {
    if (this.terminal) this.terminal.input(data);
    else this.pipe?.write(data);
  }

  /** The end of input (the client closed its stdin, or went away). */
  closeInput(): void {
    this.terminal?.hangup();
    this.pipe?.close();
  }

  /** A new terminal size. */
  resize(cols: number, rows: number): void {
    this.terminal?.resize(cols, rows);
  }

  /** Listens to the output; returns a function that stops listening. */
  listen(fn: (stream: OutputStream, text: string) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(stream: OutputStream, text: string): void {
    if (text === '') return;
    this.sink?.(stream, text);
    for (const l of [...this.listeners]) l(stream, text);
  }
}

/** One client's session on a process's stdio (an exec, or an attach to a container's program). */
export class ExecSession {
  private readonly buffered: [OutputStream, string][] = [];
  private outputFn: ((stream: OutputStream, text: string) => void) | undefined;
  private readonly exitFns: ((code: number) => void)[] = [];
  private code: number | undefined;
  private readonly unlisten: () => void;

  constructor(
    /** The exec's id (64 hex digits, as containerd names exec processes). */
    readonly id: string,
    private readonly stdio: Stdio,
    /** What the client's going away does (a hang-up for an exec; closing stdin for a `stdinOnce` attach). */
    private readonly onClose: () => void,
  ) {
    this.unlisten = stdio.listen((stream, text) => {
      if (this.outputFn) this.outputFn(stream, text);
      else this.buffered.push([stream, text]);
    });
  }

  /** Whether the session has a terminal. */
  get tty(): boolean {
    return this.stdio.terminal !== undefined;
  }

  /** The exit status once the process ended. */
  get exitCode(): number | undefined {
    return this.code;
  }

  /** Sends stdin (keystrokes, with a terminal). */
  write(data: string): void {
    if (this.code === undefined) this.stdio.input(data);
  }

  /** The client's stdin ended. */
  closeStdin(): void {
    this.stdio.closeInput();
  }

  /** The client's terminal changed size. */
  resize(cols: number, rows: number): void {
    this.stdio.resize(cols, rows);
  }

  /** Receives the output (what came before is delivered at once). */
  onOutput(fn: (stream: OutputStream, text: string) => void): void {
    this.outputFn = fn;
    for (const [s, t] of this.buffered.splice(0)) fn(s, t);
  }

  /** Receives the exit status (at once if the process already ended). */
  onExit(fn: (code: number) => void): void {
    if (this.code !== undefined) fn(this.code);
    else this.exitFns.push(fn);
  }

  /** The process ended (called by the container). */
  end(code: number): void {
    if (this.code !== undefined) return;
    this.code = code;
    this.unlisten();
    for (const fn of this.exitFns.splice(0)) fn(code);
  }

  /** The client went away. */
  close(): void {
    if (this.code !== undefined) return;
    this.unlisten();
    this.onClose();
  }
}
