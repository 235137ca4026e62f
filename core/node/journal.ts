/**
 * A node's systemd journal: what systemd says about its units and what the kubelet and
 * containerd log, kept in order, and `journalctl` over it (`-u UNIT`, `-n N`, `-f`, `-e`,
 * `--no-pager`, `-o short`/`cat`), printed in journalctl's short format:
 * `Mar 01 09:00:00 kubelab-worker kubelet[312]: I0301 09:00:00.123456 ...`.
 */
import { journalTime, klogLine, type Severity } from './time';

/** One journal entry. */
export interface JournalEntry {
  time: number;
  /** The unit it belongs to (`kubelet.service`; systemd's own messages about a unit too). */
  unit: string;
  /** SYSLOG_IDENTIFIER: `kubelet`, `containerd`, `systemd`. */
  ident: string;
  pid: number;
  message: string;
  /** A klog line: its header (severity, time, pid, source) is written when the entry is read. */
  klog?: { severity: Severity; source: string; micros: number };
}

/** How many entries a node keeps (the oldest go first, as journald's size limit does). */
export const JOURNAL_LIMIT = 5000;

/** The journal of one node. */
export class Journal {
  private readonly entries: JournalEntry[] = [];
  /** How many entries were ever added (a cursor for `-f`). */
  private added = 0;
  private last = { time: 0, micros: 0 };

  constructor(readonly hostname: string) {}

  /** Appends an entry (a klog line's microseconds keep the lines of one millisecond in order). */
  add(entry: JournalEntry): void {
    if (entry.klog) {
      const micros = entry.time === this.last.time ? Math.min(999, this.last.micros + 1 + (entry.klog.micros % 89)) : entry.klog.micros % 500;
      this.last = { time: entry.time, micros };
      entry = { ...entry, klog: { ...entry.klog, micros } };
    }
    this.entries.push(entry);
    this.added++;
    if (this.entries.length > JOURNAL_LIMIT) this.entries.splice(0, this.entries.length - JOURNAL_LIMIT);
  }

  /** The cursor after the newest entry. */
  get cursor(): number {
    return this.added;
  }

  /** Entries of the given units (all when none), optionally only those after `cursor`. */
  select(units: string[], cursor?: number): JournalEntry[] {
    const first = this.added - this.entries.length;
    const from = cursor === undefined ? 0 : Math.max(0, cursor - first);
    return this.entries.slice(from).filter((e) => units.length === 0 || units.includes(e.unit));
  }

  /** One entry in journalctl's short format (`cat`: the message alone). */
  format(e: JournalEntry, output: 'short' | 'cat' = 'short'): string {
    const message = e.klog ? klogLine(e.klog.severity, e.time, e.pid, e.klog.source, e.message, e.klog.micros) : e.message;
    return output === 'cat' ? message : `${journalTime(e.time)} ${this.hostname} ${e.ident}[${e.pid}]: ${message}`;
  }
}

/** A unit name as systemctl and journalctl complete it (`kubelet` → `kubelet.service`). */
export function unitName(name: string): string {
  return /\.(service|socket|target|timer|slice|scope|mount)$/.test(name) ? name : `${name}.service`;
}

/** The result of running a command on a node; `cursor` continues a followed output. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set when the command follows (`-f`): call again with it for what came next. */
  cursor?: number;
  /** The command asks a question (kubeadm reset's) and waits: run it again with the answer. */
  ask?: boolean;
}

/** `journalctl [-u UNIT]... [-n N] [-f] [-e] [--no-pager] [-o short|cat]`; with `cursor`, only the entries since. */
export function journalctl(journal: Journal, args: string[], cursor?: number): CommandOutput {
  const units: string[] = [];
  let lines: number | undefined;
  let follow = false;
  let output: 'short' | 'cat' = 'short';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const value = (long: string, short: string): string | undefined => {
      if (a === short || a === long) return args[++i];
      if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
      if (short.length === 2 && a.startsWith(short) && a.length > 2) return a.slice(2);
      return undefined;
    };
    if (a === '-f' || a === '--follow') follow = true;
    else if (a === '-e' || a === '--pager-end') lines ??= 1000;
    else if (['--no-pager', '-x', '--catalog', '-b', '--boot', '-l', '--full', '-a', '--all', '-q', '--quiet'].includes(a)) continue;
    else if (a === '-u' || a === '--unit' || a.startsWith('--unit=') || (a.startsWith('-u') && a.length > 2)) {
      const u = value('--unit', '-u');
      if (u === undefined) return { stdout: '', stderr: "journalctl: option requires an argument -- 'u'\n", exitCode: 1 };
      units.push(unitName(u));
    } else if (a === '-n' || a === '--lines' || a.startsWith('--lines=') || (a.startsWith('-n') && a.length > 2)) {
      const n = value('--lines', '-n');
      if (n === undefined || !/^\+?\d+$/.test(n)) return { stdout: '', stderr: `Failed to parse lines '${n ?? ''}'.\n`, exitCode: 1 };
      lines = Number.parseInt(n, 10);
    } else if (a === '-o' || a === '--output' || a.startsWith('--output=') || (a.startsWith('-o') && a.length > 2)) {
      const o = value('--output', '-o');
      if (o !== 'short' && o !== 'cat') return { stdout: '', stderr: `Unknown output format '${o ?? ''}'.\n`, exitCode: 1 };
      output = o;
    } else return { stdout: '', stderr: a.startsWith('-') ? `journalctl: unrecognized option '${a}'\n` : `Failed to add match '${a}': Invalid argument\n`, exitCode: 1 };
  }
  if (cursor !== undefined) {
    const next = journal.select(units, cursor);
    return { stdout: next.map((e) => `${journal.format(e, output)}\n`).join(''), stderr: '', exitCode: 0, cursor: journal.cursor };
  }
  let entries = journal.select(units);
  // -f shows the last 10 entries first, as journalctl does.
  const n = lines ?? (follow ? 10 : undefined);
  if (n !== undefined) entries = n === 0 ? [] : entries.slice(-n);
  let text = entries.map((e) => `${journal.format(e, output)}\n`).join('');
  if (entries.length === 0 && output === 'short' && !follow) text = '-- No entries --\n';
  return { stdout: text, stderr: '', exitCode: 0, ...(follow ? { cursor: journal.cursor } : {}) };
}
