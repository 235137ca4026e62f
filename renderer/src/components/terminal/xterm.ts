// Small helpers around xterm.js: colours for the OS theme, and the buffer as text.
import type { ITheme, Terminal } from '@xterm/xterm';

const light: ITheme = {
  background: '#fbfcfd',
  foreground: '#1d2430',
  cursor: '#326ce5',
  selectionBackground: '#c7d7f7',
  black: '#1d2430',
  red: '#c62f2f',
  green: '#1f8a4c',
  yellow: '#9a6700',
  blue: '#326ce5',
  magenta: '#8e3fb8',
  cyan: '#0f7b8a',
  white: '#8a94a3',
};

const dark: ITheme = {
  background: '#0f1318',
  foreground: '#e3e8ef',
  cursor: '#8fb0ff',
  selectionBackground: '#34466b',
  black: '#323b47',
  red: '#ef5f5f',
  green: '#3fbf74',
  yellow: '#e0a030',
  blue: '#6d97f2',
  magenta: '#c08be8',
  cyan: '#4cc3d0',
  white: '#e3e8ef',
};

export function terminalTheme(prefersDark: boolean): ITheme {
  return prefersDark ? dark : light;
}

/** The active buffer's text, one line per logical line (wrapped rows joined). */
export function bufferText(terminal: Terminal): string {
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    const line = buffer.getLine(i);
    if (!line) continue;
    const text = line.translateToString();
    if (line.isWrapped && lines.length) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}
