import { appendFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, Journal, readJournal, type JournalRecord } from './journal';

const rec = (revision: number, key = `/registry/configmaps/default/c${revision}`): JournalRecord => ({ revision, type: 'ADDED', key, json: `{"metadata":{"name":"c${revision}"}}`, clock: 1000 + revision, random: revision * 7 });

describe('journal records', () => {
  it('round-trip, and a flipped byte or a cut line is not a record', () => {
    const line = encodeRecord(rec(5));
    expect(line.endsWith('\n')).toBe(true);
    expect(decodeRecord(line.slice(0, -1))).toEqual(rec(5));
    expect(decodeRecord(line.slice(0, 30))).toBeUndefined();
    expect(decodeRecord(line.slice(0, -1).replace('c5', 'c6'))).toBeUndefined();
    const del: JournalRecord = { revision: 9, type: 'DELETED', key: '/k', clock: 1, random: 2 };
    expect(decodeRecord(encodeRecord(del).trimEnd())).toEqual(del);
  });
});

describe('Journal', () => {
  it('group-commits appends, resolves whenDurable after the sync, and reads back in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-journal-'));
    const j = new Journal(dir);
    await j.openSegment();
    for (let r = 1; r <= 100; r++) j.append(rec(r));
    await j.whenDurable();
    await j.closeSegment();
    const read = await readJournal(dir, 0);
    expect(read.records.map((r) => r.revision)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(read.torn).toBe(0);
    // After a snapshot at revision 60 only the later records are replayed.
    expect((await readJournal(dir, 60)).records[0]?.revision).toBe(61);
  });

  it('drops a torn last record and reports a damaged one in the middle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-journal-'));
    const file = join(dir, 'journal-0000000001.log');
    writeFileSync(file, encodeRecord(rec(1)) + encodeRecord(rec(2)));
    appendFileSync(file, encodeRecord(rec(3)).slice(0, 20));
    let read = await readJournal(dir, 0);
    expect(read.records.map((r) => r.revision)).toEqual([1, 2]);
    expect(read.torn).toBe(1);
    expect(read.damagedAt).toBeUndefined();
    writeFileSync(file, encodeRecord(rec(1)) + 'garbage\n' + encodeRecord(rec(3)));
    read = await readJournal(dir, 0);
    expect(read.records.map((r) => r.revision)).toEqual([1]);
    expect(read.damagedAt).toEqual({ file, line: 2 });
  });

  it('rotates to a new segment; appends made meanwhile land in the new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-journal-'));
    const j = new Journal(dir);
    await j.openSegment();
    j.append(rec(1));
    const rotation = j.rotate();
    j.append(rec(2));
    const closed = await rotation;
    await j.whenDurable();
    expect(closed).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.log'))).toHaveLength(2);
    expect((await readJournal(dir, 0)).records.map((r) => r.revision)).toEqual([1, 2]);
    await j.closeSegment();
  });
});
