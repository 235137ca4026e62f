/**
 * The keyboard of the bundled shell's terminal, before Node's readline sees it: Ctrl-R's
 * reverse incremental search through the history, which readline lacks (bash's prompt
 * `(reverse-i-search)\`query': match`; Ctrl-R again for an older match, Enter runs it, an arrow
 * or Ctrl-A/E keeps it for editing, Esc or Ctrl-G gives up). Everything else passes to readline
 * as typed. (A full-screen editor takes stdin's `data` listeners away while it runs: editor.ts.)
 */
import { PassThrough } from 'node:stream';
import type { Interface } from 'node:readline';

/** Routes raw terminal input to readline, with the reverse search in between. */
export class LineInput {
  /** What readline reads. */
  readonly stream = new PassThrough();
  private rl: Interface | undefined;
  private searching = false;
  private query = '';
  /** The index (in the history, oldest first) of the current match. */
  private index = -1;
  private failed = false;

  constructor(
    private readonly history: () => string[],
    private readonly write: (text: string) => void,
  ) {}

  /** The readline interface reading `stream`. */
  attach(rl: Interface): void {
    this.rl = rl;
  }

  /** Raw terminal input. */
  feed(data: string): void {
    let forward = '';
    for (const key of keys(data)) {
      if (!this.searching) {
        if (key === '\x12') {
          this.flush(forward);
          forward = '';
          this.start();
        } else forward += key;
        continue;
      }
      forward += this.searchKey(key);
    }
    this.flush(forward);
  }

  private flush(text: string): void {
    if (text) this.stream.write(text);
  }

  private start(): void {
    this.searching = true;
    this.query = '';
    this.index = this.history().length;
    this.failed = false;
    this.render();
  }

  private match(): string {
    return this.history()[this.index] ?? '';
  }

  /** Searches older entries (from `from` down) for the query. */
  private find(from: number): void {
    const entries = this.history();
    for (let i = Math.min(from, entries.length - 1); i >= 0; i--) {
      if ((entries[i] as string).includes(this.query)) {
        this.index = i;
        this.failed = false;
        return;
      }
    }
    this.failed = true;
  }

  /** Handles one key of the search; returns what to pass on to readline afterwards. */
  private searchKey(key: string): string {
    if (key === '\x12') {
      if (this.query !== '') this.find(this.index - 1);
    } else if (key === '\x7f' || key === '\b') {
      this.query = this.query.slice(0, -1);
      this.find(this.history().length - 1);
    } else if (key === '\x07' || key === '\x1b') {
      this.stop(undefined);
      return '';
    } else if (key === '\x03') {
      this.stop(undefined);
      return key;
    } else if (key === '\r' || key === '\n') {
      this.stop(this.match());
      return '\r';
    } else if (key.length === 1 && key >= ' ') {
      this.query += key;
      this.find(this.index < this.history().length ? this.index : this.history().length - 1);
    } else {
      // Any other key (an arrow, Ctrl-A, Ctrl-E, ...) keeps the match for editing, then acts.
      this.stop(this.match());
      return key;
    }
    this.render();
    return '';
  }

  private render(): void {
    const label = `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
    this.write(`\r\x1b[K${label}${this.match().replace(/\n/g, '\\n')}`);
  }

  /** Ends the search, putting `line` (unless undefined: the line as it was) into readline's line. */
  private stop(line: string | undefined): void {
    this.searching = false;
    const rl = this.rl;
    if (!rl) return;
    this.write('\r\x1b[K');
    if (line !== undefined) {
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      // A command of several lines (a here-document) is typed again line by line.
      rl.write(line.replace(/\n/g, '\r'));
    }
    rl.prompt(true);
  }
}

/** Splits raw input into keys: escape sequences stay whole. */
export function keys(data: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < data.length; ) {
    if (data[i] === '\x1b') {
      // eslint-disable-next-line no-control-regex -- a terminal's escape sequences start with ESC
      const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/s.exec(data.slice(i));
      const len = m?.[0].length ?? 1;
      out.push(data.slice(i, i + len));
      i += len;
    } else {
      const cp = data.codePointAt(i) as number;
      const len = cp > 0xffff ? 2 : 1;
      out.push(data.slice(i, i + len));
      i += len;
    }
  }
  return out;
}
