/**
 * The editor's vi keys: normal mode (h j k l and arrows, 0 ^ $, w b, gg G, x, dd, p P, u, i a I
 * A o O, /search and n, ZZ ZQ, `:` commands) and insert mode (typing, Esc back), with vim's
 * messages for `:q` on a changed buffer and unknown commands.
 */
import type { EditorModel } from './editor';
import type { Key } from './keys';

/** vi's mode and the keys of a command not finished yet (`d` of `dd`, `g` of `gg`, `Z` of `ZZ`). */
export interface ViState {
  mode: 'normal' | 'insert';
  pending: string;
}

/** Runs an ex command (`:w`, `:q`, `:wq`, `:x`, `:q!`, `:N`). */
function exCommand(m: EditorModel, command: string): void {
  const c = command.trim();
  if (c === '') return;
  if (/^\d+$/.test(c)) {
    m.buffer.moveTo(Number(c) - 1, 0);
    return;
  }
  switch (c) {
    case 'w':
      m.write();
      return;
    case 'wq':
    case 'x':
    case 'wq!':
    case 'x!':
      m.write();
      m.finish();
      return;
    case 'q':
      if (m.buffer.modified) m.status = 'E37: No write since last change (add ! to override)';
      else m.finish();
      return;
    case 'q!':
      m.finish();
      return;
    default:
      m.status = `E492: Not an editor command: ${c}`;
  }
}

function wordForward(m: EditorModel): void {
  const b = m.buffer;
  const rest = b.line.slice(b.cursor.col);
  const next = /^\S*\s+/.exec(rest);
  if (next && next[0].length < rest.length) b.moveTo(b.cursor.row, b.cursor.col + next[0].length);
  else if (b.cursor.row < b.lines.length - 1) b.moveTo(b.cursor.row + 1, /^\s*/.exec(b.lines[b.cursor.row + 1] ?? '')?.[0].length ?? 0);
}

function wordBackward(m: EditorModel): void {
  const b = m.buffer;
  const before = b.line.slice(0, b.cursor.col);
  const start = /\S+\s*$/.exec(before);
  if (start) b.moveTo(b.cursor.row, start.index);
  else if (b.cursor.row > 0) b.moveTo(b.cursor.row - 1, (b.lines[b.cursor.row - 1] ?? '').length);
}

function normal(m: EditorModel, key: Key): void {
  const b = m.buffer;
  const s = m.vi;
  const ch = key.kind === 'char' ? key.text : '';
  const pending = s.pending;
  s.pending = '';
  if (pending === 'd' && ch === 'd') return b.cutLine(false);
  if (pending === 'g' && ch === 'g') return b.moveTo(0, 0);
  if (pending === 'Z' && ch === 'Z') {
    if (b.modified) m.write();
    return m.finish();
  }
  if (pending === 'Z' && ch === 'Q') return m.finish();
  if (key.kind === 'left' || ch === 'h' || (key.kind === 'backspace' && b.cursor.col > 0)) return b.moveTo(b.cursor.row, b.cursor.col - 1);
  if (key.kind === 'right' || ch === 'l' || ch === ' ') return b.moveTo(b.cursor.row, Math.min(b.cursor.col + 1, Math.max(0, b.line.length - 1)));
  if (key.kind === 'up' || ch === 'k') return b.moveLine(-1);
  if (key.kind === 'down' || ch === 'j' || key.kind === 'enter') return b.moveLine(1);
  if (key.kind === 'home' || ch === '0') return b.home();
  if (key.kind === 'end' || ch === '$') return b.moveTo(b.cursor.row, Math.max(0, b.line.length - 1));
  if (key.kind === 'pageDown' || (key.kind === 'ctrl' && key.key === 'f')) return b.moveLine(m.textRows);
  if (key.kind === 'pageUp' || (key.kind === 'ctrl' && key.key === 'b')) return b.moveLine(-m.textRows);
  if (key.kind === 'delete') return b.deleteForward();
  switch (ch) {
    case '^':
      b.home();
      return b.home(true);
    case 'w':
      return wordForward(m);
    case 'b':
      return wordBackward(m);
    case 'G':
      return b.moveTo(b.lines.length - 1, 0);
    case 'd':
    case 'g':
    case 'Z':
      s.pending = ch;
      return;
    case 'x':
      if (b.line.length > 0) b.deleteForward();
      return;
    case 'p':
      return b.paste(true);
    case 'P':
      return b.paste(false);
    case 'u':
      if (!b.undo()) m.status = 'Already at oldest change';
      return;
    case 'i':
      s.mode = 'insert';
      return;
    case 'a':
      if (b.line.length > 0) b.moveTo(b.cursor.row, b.cursor.col + 1);
      s.mode = 'insert';
      return;
    case 'I':
      b.home();
      b.home(true);
      s.mode = 'insert';
      return;
    case 'A':
      b.end();
      s.mode = 'insert';
      return;
    case 'o':
      b.end();
      b.newline(true);
      s.mode = 'insert';
      return;
    case 'O': {
      const indent = /^[ \t]*/.exec(b.line)?.[0] ?? '';
      b.home();
      b.insert(`${indent}\n`);
      b.moveTo(b.cursor.row - 1, indent.length);
      s.mode = 'insert';
      return;
    }
    case ':':
      m.prompt = { kind: 'command', input: '' };
      return;
    case '/':
      m.prompt = { kind: 'search', input: '' };
      return;
    case 'n':
      return m.search('');
    default:
  }
}

function insert(m: EditorModel, key: Key): void {
  const b = m.buffer;
  switch (key.kind) {
    case 'escape':
      m.vi.mode = 'normal';
      if (b.cursor.col > 0) b.moveTo(b.cursor.row, b.cursor.col - 1);
      return;
    case 'char':
    case 'paste':
      return b.insert(key.text);
    case 'enter':
      return b.newline(true);
    case 'tab':
      return b.insert('  ');
    case 'backspace':
      return b.backspace();
    case 'delete':
      return b.deleteForward();
    case 'left':
      return b.moveChar(-1);
    case 'right':
      return b.moveChar(1);
    case 'up':
      return b.moveLine(-1);
    case 'down':
      return b.moveLine(1);
    case 'home':
      return b.home();
    case 'end':
      return b.end();
    default:
  }
}

/** Handles one key in vi mode (ESC and a key typed fast arrive as Alt+key: both are handled). */
export function handleVi(m: EditorModel, key: Key): void {
  if (key.kind === 'alt' && key.key.length === 1) {
    handleVi(m, { kind: 'escape' });
    handleVi(m, { kind: 'char', text: key.key });
    return;
  }
  const p = m.prompt;
  if (p) {
    if (key.kind === 'enter') {
      m.prompt = undefined;
      if (p.kind === 'command') exCommand(m, p.input);
      else m.search(p.input);
    } else if (key.kind === 'escape' || (key.kind === 'ctrl' && key.key === 'c')) m.prompt = undefined;
    else if (key.kind === 'backspace') {
      if (p.input === '') m.prompt = undefined;
      else p.input = p.input.slice(0, -1);
    } else if (key.kind === 'char' || key.kind === 'paste') p.input += key.text.replace(/\n/g, ' ');
    return;
  }
  m.status = '';
  if (m.vi.mode === 'insert') insert(m, key);
  else normal(m, key);
}
