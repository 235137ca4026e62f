import { describe, expect, it } from 'vitest';
import { TextBuffer } from './buffer';
import { EditorModel } from './editor';
import { KeyDecoder, type Key } from './keys';
import { render } from './render';

/** Feeds raw terminal input to a model; answers whether it finished. */
function type(m: EditorModel, input: string): boolean {
  const d = new KeyDecoder();
  let done = false;
  for (const k of [...d.feed(input), ...d.flush()]) done = m.handle(k) || done;
  return done;
}

/** The visible text of a render (escape sequences removed), row by row. */
function screen(m: EditorModel): string[] {
  return render(m)
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g'), '')
    .split('\r\n')
    .map((l) => l.trimEnd());
}

describe('the text buffer', () => {
  it('inserts, splits and joins lines, keeping the final newline', () => {
    const b = new TextBuffer('ab\ncd\n');
    b.moveTo(0, 1);
    b.insert('X');
    b.newline();
    expect(b.text()).toBe('aX\nb\ncd\n');
    b.backspace();
    expect(b.text()).toBe('aXb\ncd\n');
    b.end();
    b.deleteForward();
    expect(b.text()).toBe('aXbcd\n');
    expect(b.undo()).toBe(true);
    expect(b.text()).toBe('aXb\ncd\n');
  });

  it('keeps the goal column across short lines and autoindents', () => {
    const b = new TextBuffer('  spec:\n\n  replicas: 10');
    b.moveTo(0, 6);
    b.moveLine(1);
    expect(b.cursor).toEqual({ row: 1, col: 0 });
    b.moveLine(1);
    expect(b.cursor).toEqual({ row: 2, col: 6 });
    b.moveTo(0, 7);
    b.newline(true);
    expect(b.lines[1]).toBe('  ');
    expect(b.text()).toBe('  spec:\n  \n\n  replicas: 10');
  });

  it('cuts lines (accumulating) and pastes them back, and finds text around the end', () => {
    const b = new TextBuffer('a\nb\nc\n');
    b.cutLine(false);
    b.cutLine(true);
    expect(b.cut).toEqual(['a', 'b']);
    expect(b.text()).toBe('c\n');
    b.paste(true);
    expect(b.text()).toBe('c\na\nb\n');
    b.moveTo(2, 0);
    expect(b.find('c')).toEqual({ row: 0, col: 0 });
    expect(b.find('zz')).toBeUndefined();
  });
});

describe('the key decoder', () => {
  it('decodes arrows, control keys, deletes and text', () => {
    const keys = new KeyDecoder().feed('a\x1b[A\x1bOH\x1b[3~\x03\x7f\r\t');
    expect(keys.map((k) => k.kind)).toEqual(['char', 'up', 'home', 'delete', 'ctrl', 'backspace', 'enter', 'tab']);
    expect((keys[4] as Extract<Key, { kind: 'ctrl' }>).key).toBe('c');
  });

  it('waits for the rest of a split sequence, and reads a lone ESC as Escape', () => {
    const d = new KeyDecoder();
    expect(d.feed('\x1b[')).toEqual([]);
    expect(d.waiting).toBe(true);
    expect(d.feed('B')).toEqual([{ kind: 'down' }]);
    expect(d.feed('\x1b')).toEqual([]);
    expect(d.flush()).toEqual([{ kind: 'escape' }]);
    expect(d.feed('\x1bu')).toEqual([{ kind: 'alt', key: 'u' }]);
  });

  it('reads a bracketed paste as one text', () => {
    expect(new KeyDecoder().feed('\x1b[200~a\r\nb\x1b[201~x')).toEqual([
      { kind: 'paste', text: 'a\nb' },
      { kind: 'char', text: 'x' },
    ]);
  });
});

describe('the nano keys', () => {
  it('writes out with ^O and exits with ^X', () => {
    const m = new EditorModel('replicas: 1\n', 'f.yaml');
    type(m, '\x1b[F\x7f2');
    expect(m.buffer.modified).toBe(true);
    type(m, '\x0f');
    expect(m.status).toBe('[ Wrote 1 line ]');
    expect(type(m, '\x18')).toBe(true);
    expect(m.result).toEqual({ text: 'replicas: 2\n' });
  });

  it('asks before leaving a changed buffer: Y saves, N leaves it, ^C goes back', () => {
    const a = new EditorModel('x\n', 'f');
    type(a, 'y\x18');
    expect(a.prompt?.kind).toBe('save-on-exit');
    expect(screen(a).join('\n')).toContain('Save modified buffer?');
    type(a, '\x03');
    expect(a.prompt).toBeUndefined();
    expect(type(a, '\x18y')).toBe(true);
    expect(a.result).toEqual({ text: 'yx\n' });
    const b = new EditorModel('x\n', 'f');
    expect(type(b, 'z\x18n')).toBe(true);
    expect(b.result).toEqual({ text: undefined });
  });

  it('leaves at once, with nothing written, when nothing changed', () => {
    const m = new EditorModel('a\n', 'f');
    expect(type(m, '\x18')).toBe(true);
    expect(m.result).toEqual({ text: undefined });
  });

  it('cuts with ^K, pastes with ^U, undoes with M-U, searches with ^W, inserts spaces for Tab', () => {
    const m = new EditorModel('one\ntwo\nthree\n', 'f');
    type(m, '\x0b\x1b[B\x15');
    expect(m.buffer.text()).toBe('two\none\nthree\n');
    type(m, '\x1bu');
    expect(m.buffer.text()).toBe('two\nthree\n');
    type(m, '\x17thr\r');
    expect(m.buffer.cursor).toEqual({ row: 1, col: 0 });
    type(m, '\x17nope\r');
    expect(m.status).toBe('[ "nope" not found ]');
    type(m, '\t');
    expect(m.buffer.lines[1]).toBe('  three');
  });

  it('draws a title bar, the text, and the key help at the bottom', () => {
    const m = new EditorModel('apiVersion: v1\nkind: Pod\n', 'kubectl-edit-1.yaml');
    m.resize(60, 8);
    const rows = screen(m);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toContain('KubeLab nano');
    expect(rows[0]).toContain('kubectl-edit-1.yaml');
    expect(rows[1]).toBe('apiVersion: v1');
    expect(rows[2]).toBe('kind: Pod');
    expect(rows[6]).toContain('^O Write Out');
    expect(rows[7]).toContain('^X Exit');
    type(m, 'x');
    expect(screen(m)[0]).toContain('Modified');
  });

  it('scrolls to keep the cursor on screen', () => {
    const m = new EditorModel(Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n'), 'f');
    m.resize(40, 10);
    type(m, '\x1b[6~');
    expect(m.top).toBeGreaterThan(0);
    const rows = screen(m);
    expect(rows).toContain(`line ${m.buffer.cursor.row}`);
    expect(render(m)).toMatch(new RegExp(`\\x1b\\[${m.buffer.cursor.row - m.top + 2};1H`));
  });
});

describe('the vi keys', () => {
  it('inserts with i, leaves with Esc, saves and quits with :wq', () => {
    const m = new EditorModel('replicas: 1\n', 'f', 'vi');
    type(m, '$x');
    expect(m.buffer.text()).toBe('replicas: \n');
    type(m, 'a3\x1b');
    expect(m.vi.mode).toBe('normal');
    expect(screen(m)).toContain('replicas: 3');
    expect(type(m, ':wq\r')).toBe(true);
    expect(m.result).toEqual({ text: 'replicas: 3\n' });
  });

  it('refuses :q on a changed buffer, as vim, and :q! leaves without writing', () => {
    const m = new EditorModel('a\n', 'f', 'vi');
    type(m, 'ddp');
    type(m, ':q\r');
    expect(m.result).toBeUndefined();
    expect(m.status).toBe('E37: No write since last change (add ! to override)');
    expect(screen(m).at(-1)).toBe('E37: No write since last change (add ! to override)');
    expect(type(m, ':q!\r')).toBe(true);
    expect(m.result).toEqual({ text: undefined });
  });

  it('moves with hjkl, gg, G, opens lines with o, undoes with u, and says -- INSERT --', () => {
    const m = new EditorModel('a\n  b\nc\n', 'f', 'vi');
    type(m, 'jo');
    expect(m.buffer.cursor).toEqual({ row: 2, col: 2 });
    expect(screen(m).at(-1)).toBe('-- INSERT --');
    type(m, 'x\x1bGgg');
    expect(m.buffer.cursor.row).toBe(0);
    expect(m.buffer.text()).toBe('a\n  b\n  x\nc\n');
    type(m, 'u');
    expect(m.buffer.text()).toBe('a\n  b\n  \nc\n');
    expect(type(m, ':nope\r')).toBe(false);
    expect(m.status).toBe('E492: Not an editor command: nope');
    expect(screen(m)[4]).toBe('~');
  });

  it('ZZ writes and leaves', () => {
    const m = new EditorModel('a\n', 'f', 'vi');
    expect(type(m, 'AZ\x1bZZ')).toBe(true);
    expect(m.result).toEqual({ text: 'aZ\n' });
  });
});
