/**
 * Helpers to drive `kubelab shell` in a real pseudo-terminal (node-pty), as a student's
 * terminal does: spawn it, type keys and lines, wait for text on the screen. Output is kept
 * raw (escape sequences included) and also as plain text (`screen()`), and `waitFor` looks only
 * at what came after the last `mark()`, so that a case waits for the answer to what it typed.
 */
import { spawn, type IPty } from 'node-pty';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliEntry } from '../../electron/host/paths';
import { ROOT } from '../helpers';

/** The keys of a terminal. */
export const KEY = {
  enter: '\r',
  tab: '\t',
  up: '\x1b[A',
  down: '\x1b[B',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlR: '\x12',
  ctrlU: '\x15',
  escape: '\x1b',
};

/** A running shell in a pty. */
export interface PtyShell {
  pty: IPty;
  /** Everything the shell wrote. */
  output(): string;
  /** The output without escape sequences and carriage returns. */
  screen(): string;
  /** Remembers where the output is now: `waitFor` looks after it. */
  mark(): void;
  /** Types raw keys. */
  type(keys: string): void;
  /** Waits for `text` (or a match of a RegExp) in the plain output after the mark; rejects with the output seen when it does not come. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code when the shell ends. */
  exited: Promise<number>;
  kill(): void;
}

/** Removes escape sequences and carriage returns. */
export function plain(text: string): string {
  /* eslint-disable no-control-regex -- a terminal's escape sequences start with ESC */
  return text
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[()][0-9A-Za-z]/g, '')
    .replace(/\x1b./g, '')
    .replace(/\r/g, '');
  /* eslint-enable no-control-regex */
}

/** How `spawnShell` runs the shell: from the sources (through tsx) or from the built app. */
export type ShellEntry = 'sources' | 'built';

function entryArgs(entry: ShellEntry): string[] {
  if (entry === 'built') return [cliEntry()];
  // The sources are what is under test; the build in out/ is rewritten (emptied first) by the
  // global setup of any suite run started meanwhile, which would make a spawn fail now and then.
  return ['--import', pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(ROOT, 'electron', 'cli', 'cli.ts')];
}

/**
 * Starts `kubelab shell --kubeconfig KUBECONFIG` in `cwd` (the workspace) in a pty of `cols`×`rows`,
 * as the lab host's terminals start it: Node running the CLI's `shell` command (by default from
 * the sources; `entry: 'built'` runs out/main/cli.js, which the app runs).
 */
export function spawnShell(kubeconfig: string, cwd: string, options: { cols?: number; rows?: number; args?: string[]; env?: Record<string, string>; entry?: ShellEntry } = {}): PtyShell {
  const pty = spawn(process.execPath, [...entryArgs(options.entry ?? 'sources'), 'shell', '--kubeconfig', kubeconfig, ...(options.args ?? [])], {
    name: 'xterm-256color',
    cols: options.cols ?? 120,
    rows: options.rows ?? 30,
    cwd,
    env: { ...(process.env as Record<string, string>), TERM: 'xterm-256color', ...options.env },
  });
  let out = '';
  let from = 0;
  const waiters = new Set<() => void>();
  pty.onData((d) => {
    out += d;
    for (const w of [...waiters]) w();
  });
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  return {
    pty,
    exited,
    output: () => out,
    screen: () => plain(out),
    mark() {
      from = out.length;
    },
    type(keys) {
      pty.write(keys);
    },
    waitFor(text, timeoutMs = 30_000) {
      const start = from;
      return new Promise<string>((resolve, reject) => {
        const check = () => {
          const seen = plain(out.slice(start));
          const hit = typeof text === 'string' ? seen.includes(text) : text.test(seen);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(seen);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the shell did not print ${String(text)} within ${timeoutMs} ms; it printed:\n${plain(out.slice(start))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    kill() {
      try {
        pty.kill();
      } catch {
        // Already gone.
      }
    },
  };
}

/** Types a line and Enter, after marking the output (so that `waitFor` sees only the answer). */
export function typeLine(shell: PtyShell, line: string): void {
  shell.mark();
  shell.type(`${line}${KEY.enter}`);
}

/** Waits for `text` in the shell's output after its mark. */
export function waitFor(shell: PtyShell, text: string | RegExp, timeoutMs?: number): Promise<string> {
  return shell.waitFor(text, timeoutMs);
}
