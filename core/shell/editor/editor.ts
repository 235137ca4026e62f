/**
 * The built-in full-screen editor as a pure model: keys in (keys.ts), state out, drawn by
 * render.ts. It speaks nano's keys (^O write out, ^X exit with "Save modified buffer?", ^K/^U
 * cut and paste lines, ^W search, ^C location, M-U undo; autoindent, spaces for Tab as YAML wants)
 * or vi's (vi.ts: normal/insert modes, `:w` `:q` `:wq` `:q!` `ZZ`, dd/p, u, /search). The result
 * is the text last written, or undefined when nothing was.
 */
import { TextBuffer } from './buffer';
import type { Key } from './keys';
import { handleVi, type ViState } from './vi';

/** Which keys the editor speaks. */
export type EditorMode = 'nano' | 'vi';

/** A one-line question or input on the status line. */
export interface Prompt {
  kind: 'save-on-exit' | 'search' | 'command';
  /** What the user typed so far. */
  input: string;
}

/** The editor's state. */
export class EditorModel {
  readonly buffer: TextBuffer;
  /** The terminal's size. */
  width = 80;
  height = 24;
  /** The first buffer row and display column shown. */
  top = 0;
  left = 0;
  /** The status line's message (cleared by the next key). */
  status = '';
  prompt: Prompt | undefined;
  /** vi's mode and pending keys. */
  vi: ViState = { mode: 'normal', pending: '' };
  /** The text last written (^O, :w), if any. */
  written: string | undefined;
  /** Set when the editor is done: the text to hand back (undefined: nothing written). */
  result: { text: string | undefined } | undefined;
  /** The last search. */
  lastSearch = '';
  private lastWasCut = false;

  constructor(
    text: string,
    readonly fileName: string,
    readonly mode: EditorMode = 'nano',
  ) {
    this.buffer = new TextBuffer(text);
  }

  /** The rows the text gets on screen. */
  get textRows(): number {
    return Math.max(1, this.mode === 'nano' ? this.height - 4 : this.height - 1);
  }

  /** A new terminal size. */
  resize(width: number, height: number): void {
    this.width = Math.max(10, width);
    this.height = Math.max(5, height);
    this.scroll();
  }

  /** Handles one key; true when the editor is done (see `result`). */
  handle(key: Key): boolean {
    const cutBefore = this.lastWasCut;
    this.lastWasCut = false;
    if (this.mode === 'vi') handleVi(this, key);
    else if (this.prompt) this.handlePrompt(key);
    else this.handleNano(key, cutBefore);
    this.scroll();
    return this.result !== undefined;
  }

  /** Writes the text out (what the caller gets back); the status line says so. */
  write(): void {
    this.written = this.buffer.text();
    this.buffer.markSaved();
    const n = this.buffer.lines.length;
    this.status = this.mode === 'nano' ? `[ Wrote ${n} line${n === 1 ? '' : 's'} ]` : `"${this.fileName}" ${n}L, ${this.written.length}B written`;
  }

  /** Ends the editing, handing back what was written last. */
  finish(): void {
    this.result = { text: this.written };
  }

  /** Searches forward for `needle` from the cursor; says so when there is none. */
  search(needle: string): void {
    if (needle !== '') this.lastSearch = needle;
    const what = needle || this.lastSearch;
    if (!what) return;
    const at = this.buffer.find(what);
    if (at) this.buffer.moveTo(at.row, at.col);
    else this.status = this.mode === 'nano' ? `[ "${what}" not found ]` : `E486: Pattern not found: ${what}`;
  }

  /** Keeps the cursor on screen. */
  scroll(): void {
    const { row } = this.buffer.cursor;
    if (row < this.top) this.top = row;
    if (row >= this.top + this.textRows) this.top = row - this.textRows + 1;
    const col = displayColumn(this.buffer.line, this.buffer.cursor.col);
    if (col < this.left) this.left = col;
    if (col >= this.left + this.width - 1) this.left = col - this.width + 2;
    if (this.left < 0) this.left = 0;
  }

  private handlePrompt(key: Key): void {
    const p = this.prompt as Prompt;
    if (p.kind === 'save-on-exit') {
      const answer = key.kind === 'char' ? key.text.toLowerCase() : '';
      if (answer === 'y') {
        this.write();
        this.finish();
      } else if (answer === 'n') this.finish();
      else if (key.kind === 'ctrl' && key.key === 'c') {
        this.prompt = undefined;
        this.status = '[ Cancelled ]';
      }
      return;
    }
    if (key.kind === 'enter') {
      this.prompt = undefined;
      this.search(p.input);
    } else if (key.kind === 'ctrl' && key.key === 'c') {
      this.prompt = undefined;
      this.status = '[ Cancelled ]';
    } else if (key.kind === 'backspace') p.input = p.input.slice(0, -1);
    else if (key.kind === 'char' || key.kind === 'paste') p.input += key.text.replace(/\n/g, ' ');
  }

  private handleNano(key: Key, cutBefore: boolean): void {
    const b = this.buffer;
    this.status = '';
    switch (key.kind) {
      case 'char':
        b.insert(key.text);
        return;
      case 'paste':
        b.insert(key.text);
        return;
      case 'enter':
        b.newline(true);
        return;
      case 'tab':
        b.insert('  ');
        return;
      case 'backspace':
        b.backspace();
        return;
      case 'delete':
        b.deleteForward();
        return;
      case 'left':
        b.moveChar(-1);
        return;
      case 'right':
        b.moveChar(1);
        return;
      case 'up':
        b.moveLine(-1);
        return;
      case 'down':
        b.moveLine(1);
        return;
      case 'home':
        b.home(true);
        return;
      case 'end':
        b.end();
        return;
      case 'pageUp':
        b.moveLine(-this.textRows);
        return;
      case 'pageDown':
        b.moveLine(this.textRows);
        return;
      case 'alt':
        if (key.key.toLowerCase() === 'u' && !b.undo()) this.status = '[ Nothing to undo ]';
        return;
      case 'ctrl':
        return this.nanoCtrl(key.key, cutBefore);
      default:
        return;
    }
  }

  private nanoCtrl(k: string, cutBefore: boolean): void {
    const b = this.buffer;
    switch (k) {
      case 'o':
      case 's':
        this.write();
        return;
      case 'x':
        if (b.modified) this.prompt = { kind: 'save-on-exit', input: '' };
        else this.finish();
        return;
      case 'k':
        b.cutLine(cutBefore);
        this.lastWasCut = true;
        return;
      case 'u':
        if (b.cut.length === 0) this.status = '[ Cutbuffer is empty ]';
        else b.paste();
        return;
      case 'w':
        this.prompt = { kind: 'search', input: '' };
        return;
      case 'c': {
        const { row, col } = b.cursor;
        const n = b.lines.length;
        this.status = `[ line ${row + 1}/${n} (${Math.round(((row + 1) * 100) / n)}%), col ${col + 1}/${b.line.length + 1} ]`;
        return;
      }
      case 'g':
        this.status = '^O/^S write out  ^X exit  ^K cut line  ^U paste  ^W search  ^C location  M-U undo  ^A/^E line start/end';
        return;
      case 'a':
        b.home();
        return;
      case 'e':
        b.end();
        return;
      case 'p':
        b.moveLine(-1);
        return;
      case 'n':
        b.moveLine(1);
        return;
      case 'b':
        b.moveChar(-1);
        return;
      case 'f':
        b.moveChar(1);
        return;
      case 'y':
        b.moveLine(-this.textRows);
        return;
      case 'v':
        b.moveLine(this.textRows);
        return;
      case 'd':
        b.deleteForward();
        return;
      case 'h':
        b.backspace();
        return;
      default:
        return;
    }
  }
}

/** The display column of a string index (tabs to the next multiple of 8). */
export function displayColumn(line: string, index: number): number {
  let col = 0;
  for (let i = 0; i < index && i < line.length; i++) col = line[i] === '\t' ? (Math.floor(col / 8) + 1) * 8 : col + 1;
  return col;
}
