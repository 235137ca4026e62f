/**
 * A pipe into a process's standard input: chunks written by a session's client (or by the
 * terminal's line discipline), read in order by whichever process reads it; closing it is the
 * end of input. A reader that died while it waited is skipped, as data stays in a real pipe.
 */
import type { InputStream } from './process';

interface Waiter {
  alive: () => boolean;
  resolve: (chunk: string | undefined) => void;
}

/** A pipe that may be written, closed, and read by the processes of a container. */
export class Pipe implements InputStream {
  private readonly chunks: (string | undefined)[] = [];
  private readonly waiters: Waiter[] = [];
  private closed = false;

  /** Whether the writing end is closed. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Writes a chunk (ignored once closed). */
  write(chunk: string): void {
    if (this.closed || chunk === '') return;
    this.deliver(chunk);
  }

  /** A single end-of-input mark that does not close the pipe (a terminal's Ctrl-D). */
  eof(): void {
    if (!this.closed) this.deliver(undefined);
  }

  /** Closes the writing end: every reader sees the end of input. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiters.splice(0)) w.resolve(undefined);
  }

  read(alive: () => boolean): Promise<string | undefined> {
    if (this.chunks.length > 0) return Promise.resolve(this.chunks.shift());
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push({ alive, resolve }));
  }

  private deliver(chunk: string | undefined): void {
    while (this.waiters.length > 0) {
      const w = this.waiters.shift() as Waiter;
      if (!w.alive()) continue;
      w.resolve(chunk);
      return;
    }
    this.chunks.push(chunk);
  }
}
