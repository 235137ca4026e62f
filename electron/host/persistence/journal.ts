/**
 * The write-ahead journal: every committed store change is appended to the current segment
 * and made durable by group commits — the changes of a few milliseconds are written and
 * fsynced together, and the API answers a write only once its commit is durable. Each line
 * carries a CRC-32, so that a record torn by a crash is recognised and dropped at load.
 *
 * Segments are files `journal-<sequence>.log`; a snapshot first rotates to a new segment, then
 * exports the store (so the closed segments hold nothing newer than the snapshot) and, once the
 * snapshot is durable, removes the closed segments.
 */
import { open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { CommitRecord } from '../../../core/storage/store';
import { syncDir } from './durableFile';

/** A journal record: the store change, the virtual time and the random source's state after it. */
export interface JournalRecord extends CommitRecord {
  /** Virtual time of the commit (ms). */
  clock: number;
  /** The cluster's random state after the commit. */
  random: number;
}

/** How long a group commit waits for more writes before it syncs (ms). */
export const GROUP_COMMIT_WINDOW_MS = 2;

const TYPES = { ADDED: 'A', MODIFIED: 'M', DELETED: 'D' } as const;
const FROM_CODE: Record<string, CommitRecord['type']> = { A: 'ADDED', M: 'MODIFIED', D: 'DELETED' };

/** One journal line (with its newline). */
export function encodeRecord(r: JournalRecord): string {
  const payload = JSON.stringify([r.revision, TYPES[r.type], r.key, r.json ?? null, r.clock, r.random]);
  return `${crc32(payload).toString(16).padStart(8, '0')} ${payload}\n`;
}

/** Parses one line (without its newline); undefined when torn or damaged. */
export function decodeRecord(line: string): JournalRecord | undefined {
  const sp = line.indexOf(' ');
  if (sp !== 8) return undefined;
  const payload = line.slice(9);
  if (crc32(payload).toString(16).padStart(8, '0') !== line.slice(0, 8)) return undefined;
  try {
    const [revision, t, key, json, clock, random] = JSON.parse(payload) as [number, string, string, string | null, number, number];
    const type = FROM_CODE[t];
    if (!type || typeof revision !== 'number' || typeof key !== 'string') return undefined;
    return json === null ? { revision, type, key, clock, random } : { revision, type, key, json, clock, random };
  } catch {
    return undefined;
  }
}

/** The segment files of a directory, oldest first. */
export async function segments(dir: string): Promise<{ file: string; seq: number }[]> {
  const names = await readdir(dir);
  return names
    .map((n) => /^journal-(\d+)\.log$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: join(dir, m[0]), seq: Number(m[1]) }))
    .sort((a, b) => a.seq - b.seq);
}

/** What reading the journal found. */
export interface JournalRead {
  records: JournalRecord[];
  /** Records dropped at the end of a segment (torn by a crash). */
  torn: number;
  /** A damaged record in the middle: the records after it are not trusted. */
  damagedAt?: { file: string; line: number };
}

/** Reads every segment, keeping the records after `afterRevision` that continue the revision sequence. */
export async function readJournal(dir: string, afterRevision: number): Promise<JournalRead> {
  const out: JournalRead = { records: [], torn: 0 };
  let last = afterRevision;
  for (const seg of await segments(dir)) {
    const text = await readFile(seg.file, 'utf8');
    const lines = text.split('\n');
    // The text after the last newline is an unfinished record (or nothing).
    const tail = lines.pop() ?? '';
    if (tail !== '') out.torn++;
    for (let i = 0; i < lines.length; i++) {
      const r = decodeRecord(lines[i] as string);
      if (!r) {
        if (i === lines.length - 1) {
          out.torn++;
          break;
        }
        out.damagedAt = { file: seg.file, line: i + 1 };
        return out;
      }
      if (r.revision <= last) continue;
      if (r.revision !== last + 1) {
        out.damagedAt = { file: seg.file, line: i + 1 };
        return out;
      }
      out.records.push(r);
      last = r.revision;
    }
  }
  return out;
}

/** The appending side of the journal. */
export class Journal {
  private fh: FileHandle | undefined;
  private segmentFile = '';
  private pending: string[] = [];
  private appended = 0;
  private durable = 0;
  private flushing = false;
  private rotating = false;
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private waiters: { seq: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  /** Set once a write failed: the journal takes nothing more. */
  failure: NodeJS.ErrnoException | undefined;
  /** Bytes and records in the current segment (the snapshot policy reads them). */
  bytes = 0;
  records = 0;

  constructor(private readonly dir: string) {}

  /** Opens a new segment after the existing ones. */
  async openSegment(): Promise<void> {
    const existing = await segments(this.dir);
    this.seq = Math.max(this.seq, ...existing.map((s) => s.seq)) + 1;
    const file = join(this.dir, `journal-${String(this.seq).padStart(10, '0')}.log`);
    this.fh = await open(file, 'a', 0o600);
    this.segmentFile = file;
    this.bytes = 0;
    this.records = 0;
    await syncDir(this.dir);
  }

  /** The current segment's file. */
  get currentSegment(): string {
    return this.segmentFile;
  }

  /** Appends a record (synchronously buffered; durable at the next group commit). Throws after a failure. */
  append(r: JournalRecord): void {
    if (this.failure) throw this.failure;
    const line = encodeRecord(r);
    this.pending.push(line);
    this.appended++;
    this.bytes += line.length;
    this.records++;
    if (!this.timer && !this.flushing) this.timer = setTimeout(() => void this.flush(), GROUP_COMMIT_WINDOW_MS);
  }

  /** Resolves once everything appended so far is durable; rejects if its commit failed. */
  whenDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durable >= this.appended) return Promise.resolve();
    const seq = this.appended;
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  /** Writes and syncs what is pending (`force`: even while rotating — the rotation's own last write). */
  private async flush(force = false): Promise<void> {
    this.timer = undefined;
    if (this.flushing || (this.rotating && !force) || this.pending.length === 0 || !this.fh) return;
    this.flushing = true;
    const lines = this.pending;
    this.pending = [];
    const upTo = this.appended - this.pending.length;
    try {
      await this.fh.write(lines.join(''));
      await this.fh.datasync();
      this.durable = upTo;
      const ready = this.waiters.filter((w) => w.seq <= upTo);
      this.waiters = this.waiters.filter((w) => w.seq > upTo);
      for (const w of ready) w.resolve();
    } catch (e) {
      this.failure = e as NodeJS.ErrnoException;
      for (const w of this.waiters.splice(0)) w.reject(this.failure);
    } finally {
      this.flushing = false;
    }
    if (this.pending.length > 0 && !this.failure && !this.rotating) void this.flush();
  }

  /** Writes and syncs everything pending (waiting for a flush under way). */
  async sync(force = false): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (;;) {
      while (this.flushing) await new Promise((r) => setImmediate(r));
      if (this.pending.length === 0 || this.failure || !this.fh) break;
      await this.flush(force);
    }
    if (this.failure) throw this.failure;
  }

  /** Closes the current segment (after a sync). Returns its file. */
  async closeSegment(): Promise<string> {
    await this.sync();
    await this.fh?.close();
    this.fh = undefined;
    return this.segmentFile;
  }

  /**
   * Moves to a new segment: what is pending goes to the old one, which is closed; appends made
   * meanwhile wait for the new one. Resolves with the closed segments (all but the new one).
   */
  async rotate(): Promise<string[]> {
    this.rotating = true;
    try {
      await this.sync(true);
      await this.fh?.close();
      this.fh = undefined;
      await this.openSegment();
    } finally {
      this.rotating = false;
    }
    void this.flush();
    return (await segments(this.dir)).map((s) => s.file).filter((f) => f !== this.segmentFile);
  }
}

/** Removes segment files (after a snapshot made them redundant). */
export async function removeSegments(files: string[], dir: string): Promise<void> {
  for (const f of files) await unlink(f).catch(() => undefined);
  await syncDir(dir);
}
