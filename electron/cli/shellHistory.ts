/**
 * The bundled shell's history, kept per cluster: one JSON string a line in a file (a command
 * with a here-document spans several lines, so plain lines would not do), appended as each
 * command runs, read back when a shell starts. The file sits in the cluster's folder beside
 * its workspace (so that it is not one of the workspace files a snapshot carries); a shell
 * outside a lab's workspace keeps it in the data directory.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ShellHistory } from '../../core/shell/engine';

/** How many entries are kept. */
export const HISTORY_SIZE = 1000;

/** Where the history of a shell started in `cwd` lives: the cluster's folder when `cwd` is a cluster's workspace, else `fallbackDir`. */
export function historyPath(cwd: string, fallbackDir: string): string {
  const parent = dirname(cwd);
  if (basename(cwd) === 'workspace' && existsSync(join(parent, 'cluster.json'))) return join(parent, 'shell_history');
  return join(fallbackDir, 'shell_history');
}

/** A history backed by a file (none: in memory only). */
export class HistoryFile implements ShellHistory {
  private list: string[] = [];
  /** Hears every change (the line editor's recall list follows it). */
  onChange: (entries: string[]) => void = () => undefined;

  constructor(private readonly path: string | undefined) {
    if (!path) return;
    try {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line === '') continue;
        try {
          const v = JSON.parse(line) as unknown;
          if (typeof v === 'string') this.list.push(v);
        } catch {
          // A damaged line (a crash mid-write): skipped.
        }
      }
    } catch {
      // No history yet.
    }
    if (this.list.length > HISTORY_SIZE) {
      this.list = this.list.slice(-HISTORY_SIZE);
      this.rewrite();
    }
  }

  entries(): string[] {
    return this.list;
  }

  add(line: string): void {
    // As bash with HISTCONTROL=ignoredups: a repeated command is kept once.
    if (this.list[this.list.length - 1] === line) return;
    this.list.push(line);
    if (this.list.length > HISTORY_SIZE) this.list.shift();
    this.onChange(this.list);
    if (!this.path) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      appendFileSync(this.path, `${JSON.stringify(line)}\n`);
    } catch {
      // The history is a convenience: a read-only folder must not break the shell.
    }
  }

  clear(): void {
    this.list = [];
    this.onChange(this.list);
    this.rewrite();
  }

  private rewrite(): void {
    if (!this.path) return;
    try {
      writeFileSync(this.path, this.list.map((l) => `${JSON.stringify(l)}\n`).join(''));
    } catch {
      // As in add.
    }
  }
}
