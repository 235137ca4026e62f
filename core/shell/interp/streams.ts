/**
 * The plumbing of the bundled shell's pipelines: a command's standard input (a pipe fed as the
 * previous command writes, a file's or here-document's text, or nothing), where its output
 * goes, and the signal that ends it (Ctrl-C, or the next command of the pipe having finished,
 * as SIGPIPE ends `kubectl get -w | head -n 3`).
 */
import type { ShellSignal } from '../types';

/** A command's standard input, read in chunks as they come. */
export interface Input {
  /** The next chunk; undefined at the end. */
  read(): Promise<string | undefined>;
}

/** No input (`</dev/null`, or a terminal that gives none). */
export const EMPTY_INPUT: Input = { read: async () => undefined };

/** An input holding one text (a file, a here-document). */
export function textInput(text: string): Input {
  let done = false;
  return {
    async read() {
      if (done || text === '') return undefined;
      done = true;
      return text;
    },
  };
}

/** An input read lazily from a source (the session's stdin of the front end). */
export function lazyInput(load: () => Promise<string>): Input {
  let inner: Input | undefined;
  return {
    async read() {
      inner ??= textInput(await load());
      return inner.read();
    },
  };
}

/** Everything left in an input. */
export async function readAll(input: Input): Promise<string> {
  let text = '';
  for (let c = await input.read(); c !== undefined; c = await input.read()) text += c;
  return text;
}

/** The lines of an input as they complete (without their newline; a last line without one too). */
export async function* lines(input: Input): AsyncGenerator<string> {
  let buffer = '';
  for (let c = await input.read(); c !== undefined; c = await input.read()) {
    buffer += c;
    let nl = buffer.indexOf('\n');
    while (nl >= 0) {
      yield buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      nl = buffer.indexOf('\n');
    }
  }
  if (buffer !== '') yield buffer;
}

/** A pipe between two commands: what one writes, the other reads as it comes. */
export class Pipe implements Input {
  private readonly chunks: string[] = [];
  private closed = false;
  private wake: (() => void) | undefined;

  /** Writes a chunk (dropped once the reader is gone). */
  write(text: string): void {
    if (this.closed || text === '') return;
    this.chunks.push(text);
    this.notify();
  }

  /** The writer is done: the reader sees the end after the chunks written. */
  close(): void {
    this.closed = true;
    this.notify();
  }

  async read(): Promise<string | undefined> {
    while (this.chunks.length === 0 && !this.closed) await new Promise<void>((r) => (this.wake = r));
    return this.chunks.length > 0 ? this.chunks.splice(0, this.chunks.length).join('') : undefined;
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}

/** A signal a pipeline stage ends on: its parent's (Ctrl-C), or its own `abort()`. */
export class StageSignal implements ShellSignal {
  aborted = false;
  private readonly listeners: (() => void)[] = [];

  constructor(parent?: ShellSignal) {
    if (parent?.aborted) this.aborted = true;
    else parent?.addEventListener('abort', () => this.abort());
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    if (this.aborted) listener();
    else this.listeners.push(listener);
  }

  /** Ends the stage. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const l of this.listeners.splice(0)) l();
  }

  /** Resolves when the signal aborts. */
  whenAborted(): Promise<void> {
    return new Promise((r) => this.addEventListener('abort', r));
  }
}

/** Where a command's output goes; `tty` when that is the terminal itself. */
export interface Sink {
  write(text: string): void;
  readonly tty: boolean;
}
