/**
 * The lesson quality gates over the real `labs/`: every lesson validates, and every lesson's
 * solution replays to green on a fresh cluster (`kubelab lab test`) — while a copy with one
 * check changed fails, naming that check.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testLesson } from '../../electron/cli/labTest';
import { labNotesTable, validateLabs } from '../../electron/cli/labValidate';
import { taughtBy } from '../../core/lessons/notes';
import { defaultNotesDir } from '../../electron/cli/lab';
import { loadLessons } from '../../electron/host/lessons';
import { labsDir } from '../../electron/host/paths';

describe('kubelab lab validate', () => {
  it('finds no problem in labs/ (and says so when the notes are absent instead of failing)', () => {
    const r = validateLabs(labsDir(), defaultNotesDir());
    expect(r.problems).toEqual([]);
    expect(r.lessons).toBeGreaterThanOrEqual(4);
    const without = validateLabs(labsDir(), join(tmpdir(), 'kubelab-no-notes-here'));
    expect(without.problems).toEqual([]);
    expect(without.notices.join('\n')).toMatch(/study notes are not at .*: the note sections were not checked/);
  });

  it('reports a missing translation, an unknown note section and a malformed check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-labs-'));
    try {
      cpSync(join(labsDir(), '04-labels'), join(dir, '04-labels'), { recursive: true });
      rmSync(join(dir, '04-labels', 'steps', '02-selectors.zh-CN.md'));
      const file = join(dir, '04-labels', 'lesson.json');
      const lesson = JSON.parse(readFileSync(file, 'utf8'));
      lesson.notes.push('002 §9.9');
      lesson.steps[0].checks[0].jsonPath = '{.metadata.labels[tier}';
      writeFileSync(file, JSON.stringify(lesson));
      const r = validateLabs(dir, defaultNotesDir());
      expect(r.problems.join('\n')).toContain('04-labels: step 02-selectors: steps/02-selectors.zh-CN.md is missing');
      expect(r.problems.join('\n')).toMatch(/steps\[0\]\.checks\[0\]: invalid JSONPath/);
      if (r.notices.length === 0) expect(r.problems.join('\n')).toContain('note 002 has no section 9.9');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kubelab lab test', () => {
  const { lessons, problems } = loadLessons(labsDir());

  it('reads every lesson', () => {
    expect(problems).toEqual([]);
    expect(lessons.map((l) => l.id)).toEqual(expect.arrayContaining(['01-architecture', '04-labels', '05-replicasets', '06-deployments']));
  });

  for (const lesson of lessons) {
    it(`replays ${lesson.id} to green`, async () => {
      const r = await testLesson(lesson);
      expect(r.log.filter((l) => l.startsWith('FAIL'))).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.log.filter((l) => l.includes(' ok ')).length).toBe(lesson.steps.length);
    }, 120_000);
  }

  it('fails a deliberately broken copy, naming the check that never passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-labs-'));
    try {
      cpSync(join(labsDir(), '05-replicasets'), join(dir, '05-replicasets'), { recursive: true });
      const file = join(dir, '05-replicasets', 'lesson.json');
      const lesson = JSON.parse(readFileSync(file, 'utf8'));
      lesson.steps[2].checks[1].value = 6; // five-running now wants six pods: the solution scales to five
      writeFileSync(file, JSON.stringify(lesson));
      const broken = loadLessons(dir).lessons[0];
      if (!broken) throw new Error('the copy did not load');
      const r = await testLesson(broken);
      expect(r.ok).toBe(false);
      expect(r.log.join('\n')).toMatch(/FAIL 03-scale: after its solution and 10 min these checks still fail: five-running/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('fails a check that already passes before the solution', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-labs-'));
    try {
      cpSync(join(labsDir(), '04-labels'), join(dir, '04-labels'), { recursive: true });
      const file = join(dir, '04-labels', 'lesson.json');
      const lesson = JSON.parse(readFileSync(file, 'utf8'));
      lesson.steps[0].checks[0] = { ...lesson.steps[0].checks[0], type: 'exists', resource: 'pods', name: 'web-1' };
      writeFileSync(file, JSON.stringify(lesson));
      const r = await testLesson(loadLessons(dir).lessons[0] as never);
      expect(r.ok).toBe(false);
      expect(r.log.join('\n')).toContain('FAIL 01-add-label: passes before its solution: tier-label');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the table of the notes and the lessons in labs/README.md', () => {
  const readme = readFileSync(join(labsDir(), 'README.md'), 'utf8');
  const rows = readme.split('\n').filter((l) => /^\| \d{3}( §[\d.]+)? \|/.test(l));
  const { lessons } = loadLessons(labsDir());

  it('credits each section to the lesson steps that name it today, and lists every section a lesson names', () => {
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const [ref = '', , cell = ''] = row.split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, ''));
      expect(`${ref}: ${cell}`).toBe(`${ref}: ${taughtBy(ref, lessons)}`);
    }
    const listed = new Set(rows.map((r) => r.split(' | ')[0]?.replace(/^\| /, '')));
    for (const lesson of lessons) for (const ref of lesson.notes) expect(listed, `${lesson.id} names ${ref}`).toContain(ref);
  });

  const notesDir = defaultNotesDir();
  it.skipIf(!existsSync(notesDir))(`is the table \`kubelab lab notes labs\` prints from the study notes (skipped when the notes are not beside KubeLab, at ../shared/notes)`, () => {
    const table = labNotesTable(labsDir(), notesDir);
    expect(readme).toContain(table);
  });
});
