/**
 * `kubelab lab grade`: students' snapshots of lesson 21 (challenges with weights) graded against
 * the lesson's checks — the state's checks on the snapshot's store, what a stopped cluster cannot
 * show (logs, requests through the network) from the lesson progress the snapshot carries.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLesson, lessonSnapshot } from '../../electron/cli/lessonSnapshot';
import { labsDir } from '../../electron/host/paths';
import { collect, tempDir } from '../helpers';
import { kubelabSource as kubelab } from './kubelabSource';

let dir: string;
let solved: string;
let unsolved: string;

beforeAll(async () => {
  dir = tempDir();
  const lesson = findLesson('21-troubleshooting', [labsDir()]);
  solved = join(dir, 'alice.kubelab');
  unsolved = join(dir, 'bob.kubelab');
  writeFileSync(solved, (await lessonSnapshot(lesson, { solved: true, title: 'alice', version: 'test' })).bytes);
  writeFileSync(unsolved, (await lessonSnapshot(lesson, { step: 1, title: 'bob', version: 'test' })).bytes);
}, 180_000);

describe('kubelab lab grade', () => {
  it('prints a table per snapshot: every step\'s checks with their weights, then the score', async () => {
    const r = await collect(kubelab(['lab', 'grade', solved, unsolved]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [alice = '', bob = ''] = r.stdout.split('\n\n');
    expect(alice).toBe(
      [
        `${solved}: lesson 21-troubleshooting (alice)`,
        'STEP              CHECK       RESULT            WEIGHT',
        '01-crashloop      available   pass              2',
        '01-crashloop      connected   pass (recorded)   1',
        '02-image-pull     available   pass              2',
        '02-image-pull     ready       pass              1',
        '03-pending        available   pass              1',
        '03-pending        ready       pass              2',
        '04-no-endpoints   endpoints   pass              1',
        '04-no-endpoints   answers     pass (recorded)   2',
        '05-rollout        old-gone    pass              2',
        '05-rollout        revision    pass              1',
        '06-final          running     pass              1',
        '06-final          answers     pass (recorded)   3',
        'score: 19/19 (100%)',
      ].join('\n'),
    );
    expect(bob).toContain(`${unsolved}: lesson 21-troubleshooting (bob)\nSTEP              CHECK       RESULT   WEIGHT\n01-crashloop      available   fail     2\n`);
    expect(bob).not.toContain('pass');
    expect(bob.endsWith('\n06-final          answers     fail     3\nscore: 0/19 (0%)\n')).toBe(true);
  }, 120_000);

  it('prints one CSV with a summary row per file', async () => {
    const r = await collect(kubelab(['lab', 'grade', '--csv', solved, unsolved]));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('file,lesson,step,check,passed,weight');
    expect(lines).toContain(`${solved},21-troubleshooting,01-crashloop,connected,true,1`);
    expect(lines).toContain(`${unsolved},21-troubleshooting,06-final,answers,false,3`);
    expect(lines).toContain(`${solved},21-troubleshooting,(score),100%,19,19`);
    expect(lines).toContain(`${unsolved},21-troubleshooting,(score),0%,0,19`);
    expect(lines).toHaveLength(1 + 2 * (12 + 1));
  }, 120_000);

  it('grades what it can and exits 1 when a file cannot be read, saying which and why', async () => {
    const junk = join(dir, 'notes.kubelab');
    writeFileSync(junk, 'not a snapshot');
    const empty = join(dir, 'empty-labs');
    mkdirSync(empty);
    const r = await collect(kubelab(['lab', 'grade', join(dir, 'missing.kubelab'), junk, solved]));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kubelab lab grade: ${join(dir, 'missing.kubelab')}: cannot be graded: no such file\nkubelab lab grade: ${junk}: cannot be graded: the file is not a KubeLab snapshot (it is not gzip data)\n`);
    expect(r.stdout).toContain('score: 19/19 (100%)');
    const other = await collect(kubelab(['lab', 'grade', '--labs', empty, unsolved]));
    expect(other.code).toBe(1);
    expect(other.stderr).toBe(`kubelab lab grade: ${unsolved}: cannot be graded: its lesson "21-troubleshooting" is neither in its lesson pack nor in ${empty}\n`);
  }, 120_000);
});
