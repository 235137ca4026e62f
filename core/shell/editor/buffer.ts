/**
 * The text buffer of the built-in editor: lines, a cursor (row, column in UTF-16 units of the
 * line), the column the cursor wants to keep when moving up and down, a cut buffer of whole lines
 * (nano's ^K/^U, vi's dd/p) and an undo history of snapshots. Pure: no terminal here.
 */

/** A position in the buffer. */
export interface Position {
  row: number;
  col: number;
}

/** An editable text, line by line. */
export class TextBuffer {
  lines: string[];
  cursor: Position = { row: 0, col: 0 };
  /** The column kept across vertical moves over shorter lines. */
  private goal = 0;
  /** Lines cut (^K, dd), pasted back by ^U / p. */
  cut: string[] = [];
  private undoStack: { lines: string[]; cursor: Position }[] = [];
  /** Whether the text changed since it was loaded or last marked saved. */
  modified = false;
  /** Whether the text ended with a newline (kept when it is written back). */
  readonly finalNewline: boolean;

  constructor(text: string) {
    const normalized = text.replace(/\r\n/g, '\n');
    this.finalNewline = normalized === '' || normalized.endsWith('\n');
    const body = this.finalNewline ? normalized.slice(0, -1) : normalized;
    this.lines = body.split('\n');
  }

  /** The text, with a final newline when the original had one (or was empty, as editors write new files). */
  text(): string {
    const body = this.lines.join('\n');
    if (body === '' && this.lines.length === 1) return '';
    return this.finalNewline ? `${body}\n` : body;
  }

  /** The line under the cursor. */
  get line(): string {
    return this.lines[this.cursor.row] ?? '';
  }

  private set(line: string): void {
    this.lines[this.cursor.row] = line;
  }

  /** Records the state before a change, for undo. */
  private snapshot(): void {
    this.undoStack.push({ lines: [...this.lines], cursor: { ...this.cursor } });
    if (this.undoStack.length > 500) this.undoStack.shift();
    this.modified = true;
  }

  /** Undoes the last change; false when there is none. */
  undo(): boolean {
    const s = this.undoStack.pop();
    if (!s) return false;
    this.lines = s.lines;
    this.cursor = s.cursor;
    this.goal = s.cursor.col;
    this.modified = true;
    return true;
  }

  /** Inserts text (which may hold newlines) at the cursor. */
  insert(text: string): void {
    if (text === '') return;
    this.snapshot();
    const parts = text.replace(/\r\n?/g, '\n').split('\n');
    const line = this.line;
    const before = line.slice(0, this.cursor.col);
    const after = line.slice(this.cursor.col);
    if (parts.length === 1) {
      this.set(before + text + after);
      this.cursor.col += text.length;
    } else {
      const first = before + (parts[0] as string);
      const last = parts[parts.length - 1] as string;
      this.lines.splice(this.cursor.row, 1, first, ...parts.slice(1, -1), last + after);
      this.cursor = { row: this.cursor.row + parts.length - 1, col: last.length };
    }
    this.goal = this.cursor.col;
  }

  /** Splits the line at the cursor, keeping the indentation when `indent`. */
  newline(indent = false): void {
    const lead = indent ? (/^[ \t]*/.exec(this.line)?.[0] ?? '') : '';
    this.insert(`\n${lead}`);
  }

  /** Deletes the character before the cursor (joining with the line above at a line start). */
  backspace(): void {
    const { row, col } = this.cursor;
    if (col > 0) {
      this.snapshot();
      this.set(this.line.slice(0, col - 1) + this.line.slice(col));
      this.cursor.col--;
    } else if (row > 0) {
      this.snapshot();
      const prev = this.lines[row - 1] as string;
      this.lines.splice(row - 1, 2, prev + this.line);
      this.cursor = { row: row - 1, col: prev.length };
    }
    this.goal = this.cursor.col;
  }

  /** Deletes the character under the cursor (joining with the next line at a line end). */
  deleteForward(): void {
    const { row, col } = this.cursor;
    if (col < this.line.length) {
      this.snapshot();
      this.set(this.line.slice(0, col) + this.line.slice(col + 1));
    } else if (row < this.lines.length - 1) {
      this.snapshot();
      this.lines.splice(row, 2, this.line + (this.lines[row + 1] as string));
    }
  }

  /** Cuts the cursor's line into the cut buffer (consecutive cuts accumulate when `append`). */
  cutLine(append: boolean): void {
    this.snapshot();
    const [removed] = this.lines.splice(this.cursor.row, 1);
    this.cut = append ? [...this.cut, removed ?? ''] : [removed ?? ''];
    if (this.lines.length === 0) this.lines = [''];
    this.cursor.row = Math.min(this.cursor.row, this.lines.length - 1);
    this.cursor.col = 0;
    this.goal = 0;
  }

  /** Pastes the cut lines above the cursor's line (`below`: after it). */
  paste(below = false): void {
    if (this.cut.length === 0) return;
    this.snapshot();
    const at = this.cursor.row + (below ? 1 : 0);
    this.lines.splice(at, 0, ...this.cut);
    this.cursor = { row: below ? at : at + this.cut.length, col: 0 };
    this.goal = 0;
  }

  /** Moves the cursor by characters (across line ends). */
  moveChar(delta: -1 | 1): void {
    const { row, col } = this.cursor;
    if (delta < 0) {
      if (col > 0) this.cursor.col--;
      else if (row > 0) this.cursor = { row: row - 1, col: (this.lines[row - 1] as string).length };
    } else if (col < this.line.length) this.cursor.col++;
    else if (row < this.lines.length - 1) this.cursor = { row: row + 1, col: 0 };
    this.goal = this.cursor.col;
  }

  /** Moves the cursor by lines, keeping the goal column. */
  moveLine(delta: number): void {
    const row = Math.max(0, Math.min(this.lines.length - 1, this.cursor.row + delta));
    this.cursor = { row, col: Math.min(this.goal, (this.lines[row] as string).length) };
  }

  /** Moves to the start (after the indentation when `smart` and not already there) or the end of the line. */
  home(smart = false): void {
    const indent = /^[ \t]*/.exec(this.line)?.[0].length ?? 0;
    this.cursor.col = smart && this.cursor.col !== indent ? indent : 0;
    this.goal = this.cursor.col;
  }

  /** Moves to the end of the line. */
  end(): void {
    this.cursor.col = this.line.length;
    this.goal = this.cursor.col;
  }

  /** Moves to a position (clamped). */
  moveTo(row: number, col: number): void {
    const r = Math.max(0, Math.min(this.lines.length - 1, row));
    this.cursor = { row: r, col: Math.max(0, Math.min((this.lines[r] as string).length, col)) };
    this.goal = this.cursor.col;
  }

  /** The next occurrence of `needle` after the cursor (wrapping around), or undefined. */
  find(needle: string): Position | undefined {
    if (needle === '') return undefined;
    const n = this.lines.length;
    for (let i = 0; i <= n; i++) {
      const row = (this.cursor.row + i) % n;
      const from = i === 0 ? this.cursor.col + 1 : 0;
      const col = (this.lines[row] as string).indexOf(needle, from);
      if (col >= 0 && !(i === n && col >= this.cursor.col + 1)) return { row, col };
    }
    return undefined;
  }

  /** Marks the text as saved. */
  markSaved(): void {
    this.modified = false;
  }
}
