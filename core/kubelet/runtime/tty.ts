/**
 * A terminal as the kernel's line discipline runs it in canonical mode (the mode a shell's
 * prompt reads in): raw keystrokes from the client are echoed and edited into lines (backspace,
 * Ctrl-U, Ctrl-W), Enter hands the line to the reader, Ctrl-D at the start of a line is the end
 * of input, Ctrl-C and Ctrl-\ signal the foreground processes; output gets `\r\n` line ends
 * (ONLCR). Escape sequences (arrow keys) are swallowed: the simulated shells keep no history.
 */
import { Pipe } from './pipe';
import type { InputStream, TerminalLike } from './process';

/** The characters and sequences the line discipline reacts to. */
const CTRL = { C: '\x03', D: '\x04', U: '\x15', W: '\x17', BACKSLASH: '\x1c', ESC: '\x1b', BS: '\b', DEL: '\x7f' } as const;

/** One terminal (a pty pair: this side is the container's). */
export class Terminal implements InputStream, TerminalLike {
  private line: string[] = [];
  private readonly lines = new Pipe();
  private escape: string | undefined;
  private resized = false;

  constructor(
    /** Where the terminal's output goes (the session's stdout). */
    private readonly output: (text: string) => void,
    /** Sends a signal to the terminal's foreground processes. */
    private readonly signal: (sig: string) => void,
    public cols = 80,
    public rows = 24,
  ) {}

  /** Output of a process: `\n` becomes `\r\n`. */
  write(text: string): void {
    this.output(text.replace(/\r?\n/g, '\r\n'));
  }

  /** Keystrokes from the client. */
  input(data: string): void {
    for (const ch of data) this.key(ch);
  }

  /**
   * A new window size: SIGWINCH to the foreground, except for the first size a client sends,
   * which the runtime applies as the terminal's own (the process starts with it).
   */
  resize(cols: number, rows: number): void {
    const first = !this.resized;
    this.resized = true;
    if (cols === this.cols && rows === this.rows) return;
    this.cols = cols;
    this.rows = rows;
    if (!first) this.signal('SIGWINCH');
  }

  /** The line being typed (not yet handed to the reader). */
  pending(): string {
    return this.line.join('');
  }

  /** The end of input for good (the client went away). */
  hangup(): void {
    this.lines.close();
  }

  read(alive: () => boolean): Promise<string | undefined> {
    return this.lines.read(alive);
  }

  private key(ch: string): void {
    if (this.escape !== undefined) {
      this.escape += ch;
      // CSI sequences (ESC [ ...) end with a byte in @..~, SS3 ones (ESC O x) one byte later; ESC x is Alt-x.
      const e = this.escape;
      const done = e.length === 1 ? e !== '[' && e !== 'O' : e[0] === 'O' || /[@-~]/.test(ch);
      if (done) this.escape = undefined;
      return;
    }
    switch (ch) {
      case CTRL.ESC:
        this.escape = '';
        return;
      case '\r':
      case '\n':
        this.output('\r\n');
        this.lines.write(`${this.line.join('')}\n`);
        this.line = [];
        return;
      case CTRL.BS:
      case CTRL.DEL:
        if (this.line.length > 0) {
          this.line.pop();
          this.output('\b \b');
        }
        return;
      case CTRL.U:
        this.output('\b \b'.repeat(this.line.length));
        this.line = [];
        return;
      case CTRL.W: {
        let n = 0;
        while (this.line.length > 0 && this.line[this.line.length - 1] === ' ') n += this.line.pop() ? 1 : 0;
        while (this.line.length > 0 && this.line[this.line.length - 1] !== ' ') n += this.line.pop() ? 1 : 0;
        this.output('\b \b'.repeat(n));
        return;
      }
      case CTRL.C:
      case CTRL.BACKSLASH:
        this.output(ch === CTRL.C ? '^C' : '^\\');
        this.line = [];
        this.signal(ch === CTRL.C ? 'SIGINT' : 'SIGQUIT');
        return;
      case CTRL.D:
        if (this.line.length === 0) this.lines.eof();
        else {
          this.lines.write(this.line.join(''));
          this.line = [];
        }
        return;
      default:
        if (ch < ' ' && ch !== '\t') return;
        this.line.push(ch);
        this.output(ch);
    }
  }
}
