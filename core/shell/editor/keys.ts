/**
 * Terminal input to keys: the bytes a terminal sends (xterm and VT100 sequences: `ESC [ A`,
 * `ESC O H`, `ESC [ 3 ~`, control characters, bracketed paste) decoded into key events the
 * editor model understands. A sequence split across two reads is kept until the rest arrives.
 */

/** A decoded key. */
export type Key =
  | { kind: 'char'; text: string }
  | { kind: 'paste'; text: string }
  | { kind: 'ctrl'; key: string }
  | { kind: 'alt'; key: string }
  | { kind: 'enter' | 'tab' | 'backspace' | 'delete' | 'escape' | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'pageUp' | 'pageDown' | 'insert' };

const CSI_FINAL: Record<string, Key['kind']> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const TILDE: Record<string, Key['kind']> = { '1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pageUp', '6': 'pageDown', '7': 'home', '8': 'end' };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** Decodes a stream of terminal input into keys. */
export class KeyDecoder {
  private pending = '';

  /** The keys of a chunk of input (an incomplete escape sequence at its end waits for the next chunk; `flush` ends it). */
  feed(chunk: string): Key[] {
    let s = this.pending + chunk;
    this.pending = '';
    const keys: Key[] = [];
    while (s.length > 0) {
      if (s.startsWith(PASTE_START)) {
        const end = s.indexOf(PASTE_END);
        if (end < 0) {
          this.pending = s;
          break;
        }
        keys.push({ kind: 'paste', text: s.slice(PASTE_START.length, end).replace(/\r\n?/g, '\n') });
        s = s.slice(end + PASTE_END.length);
        continue;
      }
      const c = s[0] as string;
      if (c === '\x1b') {
        const r = this.escape(s);
        if (r === undefined) {
          this.pending = s;
          break;
        }
        keys.push(r.key);
        s = s.slice(r.length);
        continue;
      }
      s = s.slice(1);
      const code = c.charCodeAt(0);
      if (c === '\r' || c === '\n') keys.push({ kind: 'enter' });
      else if (c === '\t') keys.push({ kind: 'tab' });
      else if (c === '\x7f' || c === '\b') keys.push({ kind: 'backspace' });
      else if (code < 0x20) keys.push({ kind: 'ctrl', key: String.fromCharCode(code + 0x60) });
      else {
        // Surrogate pairs stay together.
        if (code >= 0xd800 && code <= 0xdbff && s.length > 0) {
          keys.push({ kind: 'char', text: c + (s[0] as string) });
          s = s.slice(1);
        } else keys.push({ kind: 'char', text: c });
      }
    }
    return keys;
  }

  /** Ends a pending sequence: a lone ESC (the user pressed Escape) becomes the Escape key. */
  flush(): Key[] {
    const p = this.pending;
    this.pending = '';
    if (p === '') return [];
    if (p === '\x1b') return [{ kind: 'escape' }];
    if (p.startsWith(PASTE_START)) return [{ kind: 'paste', text: p.slice(PASTE_START.length) }];
    return [{ kind: 'escape' }, ...this.feed(p.slice(1))];
  }

  /** Whether an incomplete sequence waits (the front end flushes it after a short pause). */
  get waiting(): boolean {
    return this.pending !== '';
  }

  private escape(s: string): { key: Key; length: number } | undefined {
    if (s.length === 1) return undefined;
    const second = s[1] as string;
    if (second === '[' || second === 'O') {
      // CSI / SS3: parameters then a final byte.
      let i = 2;
      while (i < s.length && /[0-9;?]/.test(s[i] as string)) i++;
      if (i >= s.length) return undefined;
      const final = s[i] as string;
      const params = s.slice(2, i);
      const length = i + 1;
      if (final === '~') {
        const kind = TILDE[params.split(';')[0] ?? ''];
        return { key: kind ? ({ kind } as Key) : { kind: 'escape' }, length };
      }
      const kind = CSI_FINAL[final];
      if (kind) return { key: { kind } as Key, length };
      return { key: { kind: 'escape' }, length };
    }
    if (second === '\x1b') return { key: { kind: 'escape' }, length: 1 };
    if (second === '\x7f') return { key: { kind: 'alt', key: 'backspace' }, length: 2 };
    return { key: { kind: 'alt', key: second }, length: 2 };
  }
}
