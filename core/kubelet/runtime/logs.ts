/**
 * Container logs as the CRI keeps them: one timestamped line per write of a line to stdout or
 * stderr, kept per container instance (the kubelet keeps the previous instance's for
 * `--previous`), and read back with kubectl's options.
 */

/** One logged line. */
export interface LogLine {
  /** Milliseconds since the epoch. */
  time: number;
  /** Sub-millisecond digits (6), so that timestamps look like RFC3339Nano. */
  nanos: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** The options of a log read (PodLogOptions). */
export interface LogOptions {
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC 3339 time. */
  sinceTime?: string;
  timestamps?: boolean;
  limitBytes?: number;
}

/** How many lines a container keeps (the kubelet rotates at 10Mi; lines are short here). */
export const MAX_LOG_LINES = 20_000;

/** The RFC3339Nano timestamp of a line, as `kubectl logs --timestamps` prints it. */
export function lineTimestamp(l: LogLine): string {
  const iso = new Date(l.time).toISOString();
  const frac = `${iso.slice(20, 23)}${l.nanos}`.replace(/0+$/, '');
  return `${iso.slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}

/** The log of one container instance. */
export class ContainerLog {
  readonly lines: LogLine[] = [];
  private readonly partial = { stdout: '', stderr: '' };
  private readonly followers = new Set<(l: LogLine) => void>();
  private counter = 0;
  /** Set once the container exited: followers are told and no line is added. */
  closed = false;
  private readonly closers = new Set<() => void>();

  constructor(private readonly now: () => number) {}

  /** Writes text to a stream; each complete line becomes an entry. */
  write(stream: 'stdout' | 'stderr', text: string): void {
    if (this.closed) return;
    const all = this.partial[stream] + text;
    const parts = all.split('\n');
    this.partial[stream] = parts.pop() ?? '';
    for (const p of parts) this.push(stream, p);
  }

  private push(stream: 'stdout' | 'stderr', text: string): void {
    const line: LogLine = { time: this.now(), nanos: String(((++this.counter * 7919 * 131) % 999_983) + 1).padStart(6, '0'), stream, text };
    this.lines.push(line);
    if (this.lines.length > MAX_LOG_LINES) this.lines.splice(0, this.lines.length - MAX_LOG_LINES);
    for (const f of this.followers) f(line);
  }

  /** Flushes partial lines and ends the log (the container exited). */
  close(): void {
    if (this.closed) return;
    for (const s of ['stdout', 'stderr'] as const) if (this.partial[s]) this.push(s, this.partial[s]);
    this.partial.stdout = this.partial.stderr = '';
    this.closed = true;
    for (const c of this.closers) c();
    this.followers.clear();
    this.closers.clear();
  }

  /** Calls `fn` with every new line until the container exits (`onEnd`); returns a function that stops following. */
  follow(fn: (l: LogLine) => void, onEnd: () => void): () => void {
    if (this.closed) {
      onEnd();
      return () => undefined;
    }
    this.followers.add(fn);
    this.closers.add(onEnd);
    return () => {
      this.followers.delete(fn);
      this.closers.delete(onEnd);
    };
  }

  /** The lines selected by `opts` at `now`. */
  select(opts: LogOptions, now: number): LogLine[] {
    let out = this.lines;
    const since = opts.sinceTime ? Date.parse(opts.sinceTime) : opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : undefined;
    if (since !== undefined && !Number.isNaN(since)) out = out.filter((l) => l.time >= since);
    if (opts.tailLines !== undefined) out = opts.tailLines <= 0 ? [] : out.slice(-opts.tailLines);
    return out;
  }
}

/** Formats lines as the log endpoint answers: one per line, with its timestamp when asked, cut at `limitBytes`. */
export function formatLines(lines: LogLine[], opts: LogOptions): string {
  let text = lines.map((l) => formatLine(l, opts)).join('');
  if (opts.limitBytes !== undefined && opts.limitBytes >= 0) text = text.slice(0, opts.limitBytes);
  return text;
}

/** One line as the log endpoint sends it. */
export function formatLine(l: LogLine, opts: LogOptions): string {
  return `${opts.timestamps ? `${lineTimestamp(l)} ` : ''}${l.text}\n`;
}
