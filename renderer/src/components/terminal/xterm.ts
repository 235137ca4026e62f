// Small helpers around xterm.js: colours for the OS theme, the search's highlights, the
// buffer as text, and flow control.
import type { ISearchOptions } from '@xterm/addon-search';
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

/** How the search addon highlights matches (#RRGGBB, as it requires). */
export function searchDecorations(prefersDark: boolean): NonNullable<ISearchOptions['decorations']> {
  return prefersDark
    ? { matchBackground: '#4d3d12', activeMatchBackground: '#8a6a12', matchOverviewRuler: '#e0a030', activeMatchColorOverviewRuler: '#ffd166' }
    : { matchBackground: '#fff0b3', activeMatchBackground: '#ffc94d', matchOverviewRuler: '#d69a00', activeMatchColorOverviewRuler: '#9a6700' };
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

/** Write-buffer watermarks of xterm.js flow control (characters not yet written). */
export const FLOW_HIGH = 128 * 1024;
export const FLOW_LOW = 16 * 1024;

/**
 * The xterm.js flow-control pattern with watermarks: count what was handed to
 * `terminal.write` and not yet processed (its callback); above `high` ask the host to pause
 * the pty, below `low` to resume it. Each transition is reported once.
 */
export class FlowControl {
  private pending = 0;
  private paused = false;

  constructor(
    private readonly onPause: () => void,
    private readonly onResume: () => void,
    private readonly high = FLOW_HIGH,
    private readonly low = FLOW_LOW,
  ) {}

  /** `length` characters were handed to xterm.js. */
  written(length: number): void {
    this.pending += length;
    if (!this.paused && this.pending > this.high) {
      this.paused = true;
      this.onPause();
    }
  }

  /** xterm.js processed `length` characters (the write's callback). */
  processed(length: number): void {
    this.pending = Math.max(0, this.pending - length);
    if (this.paused && this.pending < this.low) {
      this.paused = false;
      this.onResume();
    }
  }

  /** Forgets what was pending (a reset terminal); resumes if paused. */
  reset(): void {
    this.pending = 0;
    if (this.paused) {
      this.paused = false;
      this.onResume();
    }
  }

  /** Whether the host was asked to pause. */
  get isPaused(): boolean {
    return this.paused;
  }
}
