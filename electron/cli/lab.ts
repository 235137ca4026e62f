/**
 * `kubelab lab validate DIR` and `kubelab lab test DIR`: the quality gates of lesson folders
 * (see labs/README.md); `kubelab lab notes DIR`: the table of the notes' sections and the lesson
 * steps that teach them, as labs/README.md shows it; `kubelab lab grade FILE...`: students' snapshots graded against their
 * lesson's checks. All work on files only: no lab needs to run.
 */
import { resolve } from 'node:path';
import { defaultNotesDir } from '../host/lessonPacks';
import { labsDir } from '../host/paths';
import { loadLessons } from '../host/lessons';
import { SnapshotError } from '../host/snapshots';
import { UsageError, type CommandSpec } from './commands';
import { CSV_HEADER, csvRows, formatGrade, gradeFile } from './labGrade';
import { testLesson } from './labTest';
import { labNotesTable, validateLabs } from './labValidate';

/** Where the study notes are (`../shared/notes` beside KubeLab). */
export { defaultNotesDir };

/** The lab subcommand. */
export const labCommand: CommandSpec = {
  name: 'lab',
  summary: 'Check lesson folders (validate their format, test them by replaying their solutions) and grade students\' snapshots.',
  positionals: 'validate DIR | test DIR | notes DIR | grade FILE...',
  options: {
    notes: { type: 'string', placeholder: 'DIR', help: 'the study notes (validate, notes; default ../shared/notes beside KubeLab)' },
    lesson: { type: 'string', placeholder: 'ID', help: 'test only this lesson (test)' },
    labs: { type: 'string', placeholder: 'DIR', help: 'grade: the lessons of snapshots that carry none (default the labs/ of KubeLab)' },
    csv: { type: 'boolean', help: 'grade: print one CSV for every file instead of tables' },
  },
  async run(values, positionals) {
    const [action, dirArg, ...extra] = positionals;
    if (action !== 'validate' && action !== 'test' && action !== 'notes' && action !== 'grade') throw new UsageError(action === undefined ? 'missing action: validate, test, notes or grade' : `unknown lab action "${action}"`, labCommand);
    if (action === 'grade') {
      if (dirArg === undefined) throw new UsageError('lab grade needs snapshot files (FILE...)', labCommand);
      return grade([dirArg, ...extra], resolve(typeof values.labs === 'string' ? values.labs : labsDir()), values.csv === true);
    }
    if (values.labs !== undefined || values.csv !== undefined) throw new UsageError(`--labs and --csv are options of lab grade`, labCommand);
    if (dirArg === undefined) throw new UsageError(`lab ${action} needs a lesson folder (DIR)`, labCommand);
    if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0] ?? ''}`, labCommand);
    const dir = resolve(dirArg);
    if (action === 'validate') {
      const r = validateLabs(dir, resolve(typeof values.notes === 'string' ? values.notes : defaultNotesDir()));
      for (const n of r.notices) process.stdout.write(`note: ${n}\n`);
      for (const p of r.problems) process.stderr.write(`${p}\n`);
      process.stdout.write(r.problems.length === 0 ? `${r.lessons} lesson(s) valid\n` : `${r.problems.length} problem(s) in ${r.lessons} lesson(s)\n`);
      return r.problems.length === 0 ? 0 : 1;
    }
    if (action === 'notes') {
      const notesDir = resolve(typeof values.notes === 'string' ? values.notes : defaultNotesDir());
      const table = labNotesTable(dir, notesDir);
      if (table === undefined) {
        process.stderr.write(`kubelab lab notes: the study notes are not at ${notesDir} (--notes DIR)\n`);
        return 1;
      }
      process.stdout.write(table);
      return 0;
    }
    const { lessons, problems } = loadLessons(dir);
    for (const p of problems) process.stderr.write(`FAIL ${p}\n`);
    const chosen = typeof values.lesson === 'string' ? lessons.filter((l) => l.id === values.lesson) : lessons;
    if (typeof values.lesson === 'string' && chosen.length === 0) throw new UsageError(`no lesson ${values.lesson} in ${dir}`, labCommand);
    let failed = problems.length;
    for (const lesson of chosen) {
      const r = await testLesson(lesson);
      process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${lesson.id}\n${r.log.map((l) => `  ${l}\n`).join('')}`);
      if (!r.ok) failed++;
    }
    process.stdout.write(failed === 0 ? `${chosen.length} lesson(s) passed\n` : `${failed} lesson(s) failed\n`);
    return failed === 0 ? 0 : 1;
  },
};

/** Grades each file; a file that cannot be read is said on stderr and makes the exit code 1. */
async function grade(files: string[], labs: string, csv: boolean): Promise<number> {
  let failed = 0;
  let graded = 0;
  if (csv) process.stdout.write(`${CSV_HEADER}\n`);
  for (const file of files) {
    try {
      const g = await gradeFile(file, [labs]);
      process.stdout.write(csv ? `${csvRows(g).join('\n')}\n` : `${graded > 0 ? '\n' : ''}${formatGrade(g)}`);
      graded++;
    } catch (e) {
      failed++;
      const err = e as NodeJS.ErrnoException;
      const why = e instanceof SnapshotError ? e.message : err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'it is a folder' : err.message;
      process.stderr.write(`kubelab lab grade: ${file}: cannot be graded: ${why}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}
