/**
 * Draws the editor model for a terminal of its width × height as ANSI text: a full redraw
 * (cursor home, each row cleared to its end) and the cursor placed last. nano's layout: an
 * inverse title bar, the text, a status line, two lines of key help (or the prompt's choices);
 * vi's: the text, `~` past the end, a last line for `:` commands, messages and `-- INSERT --`.
 */
import { displayColumn, type EditorModel } from './editor';

const INVERSE = '\x1b[7m';
const RESET = '\x1b[0m';

/** A line as shown: tabs expanded, control characters as `^X`, cut to the visible columns. */
function visible(line: string, left: number, width: number): string {
  let out = '';
  let col = 0;
  for (const ch of line) {
    let text = ch;
    if (ch === '\t') text = ' '.repeat(8 - (col % 8));
    else if (ch.charCodeAt(0) < 0x20) text = `^${String.fromCharCode(ch.charCodeAt(0) + 0x40)}`;
    for (const c of text) {
      if (col >= left && col < left + width) out += c;
      col++;
    }
    if (col >= left + width) break;
  }
  return out;
}

/** Pads or cuts a text to `width` columns. */
function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length >= width ? chars.slice(0, width).join('') : text + ' '.repeat(width - chars.length);
}

function nanoHelp(m: EditorModel): [string, string] {
  const item = (key: string, label: string) => `${INVERSE}${key}${RESET} ${label.padEnd(12)}`;
  if (m.prompt?.kind === 'save-on-exit') return [item(' Y', 'Yes'), `${item(' N', 'No')} ${item('^C', 'Cancel')}`];
  if (m.prompt?.kind === 'search') return [item('^C', 'Cancel'), item('Enter', 'Search')];
  return [
    `${item('^G', 'Help')}${item('^O', 'Write Out')}${item('^W', 'Where Is')}${item('^K', 'Cut')}${item('^C', 'Location')}`,
    `${item('^X', 'Exit')}${item('^S', 'Save')}${item('^U', 'Paste')}${item('M-U', 'Undo')}${item('^A', 'Line Start')}`,
  ];
}

function textRows(m: EditorModel, rows: number, tilde: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    const line = m.buffer.lines[m.top + i];
    out.push(line === undefined ? (tilde ? '~' : '') : visible(line, m.left, m.width));
  }
  return out;
}

/** The screen of the model: ANSI text that redraws the whole terminal and places the cursor. */
export function render(m: EditorModel): string {
  const w = m.width;
  const rows: string[] = [];
  let cursorRow: number;
  let cursorCol = displayColumn(m.buffer.line, m.buffer.cursor.col) - m.left;
  if (m.mode === 'nano') {
    const title = `  KubeLab nano`;
    const name = m.fileName;
    const flag = m.buffer.modified ? 'Modified  ' : '';
    const middle = Math.max(title.length + 1, Math.floor((w - name.length) / 2));
    const bar = fit(fit(title, middle) + name, w - flag.length) + flag;
    rows.push(`${INVERSE}${fit(bar, w)}${RESET}`);
    rows.push(...textRows(m, m.textRows, false));
    if (m.prompt) {
      const label = m.prompt.kind === 'save-on-exit' ? 'Save modified buffer? ' : `Search: ${m.prompt.input}`;
      rows.push(`${INVERSE}${fit(label, w)}${RESET}`);
      cursorRow = m.height - 3;
      cursorCol = Math.min(w - 1, [...label].length);
    } else {
      const status = m.status ? fit(`${' '.repeat(Math.max(0, Math.floor((w - m.status.length) / 2)))}${INVERSE}${m.status}${RESET}`, w + INVERSE.length + RESET.length) : '';
      rows.push(status);
      cursorRow = m.buffer.cursor.row - m.top + 1;
    }
    rows.push(...nanoHelp(m));
  } else {
    rows.push(...textRows(m, m.textRows, true));
    let last = m.status;
    if (m.prompt) last = `${m.prompt.kind === 'command' ? ':' : '/'}${m.prompt.input}`;
    else if (!last && m.vi.mode === 'insert') last = '-- INSERT --';
    rows.push(fit(last, w - 1));
    if (m.prompt) {
      cursorRow = m.height - 1;
      cursorCol = Math.min(w - 1, [...last].length);
    } else cursorRow = m.buffer.cursor.row - m.top;
  }
  const body = rows
    .slice(0, m.height)
    .map((r) => `${r}\x1b[K`)
    .join('\r\n');
  return `\x1b[?25l\x1b[H${body}\x1b[${cursorRow + 1};${Math.max(0, cursorCol) + 1}H\x1b[?25h`;
}
