/**
 * `kubelab lab validate DIR` and `kubelab lab test DIR`: the quality gates of lesson folders
 * (see labs/README.md). Both work on files only: no lab needs to run.
 */
import { join, resolve } from 'node:path';
import { appRoot } from '../host/paths';
import { loadLessons } from '../host/lessons';
import { UsageError, type CommandSpec } from './commands';
import { testLesson } from './labTest';
import { validateLabs } from './labValidate';

/** Where the study notes are: `../shared/notes` next to the application root. */
export function defaultNotesDir(): string {
  return join(appRoot(), '..', 'shared', 'notes');
}

/** The lab subcommand. */
export const labCommand: CommandSpec = {
  name: 'lab',
  summary: 'Check lesson folders: validate their format, or test them by replaying their solutions.',
  positionals: 'validate DIR | test DIR',
  options: {
    notes: { type: 'string', placeholder: 'DIR', help: 'the study notes (validate; default ../shared/notes beside KubeLab)' },
    lesson: { type: 'string', placeholder: 'ID', help: 'test only this lesson (test)' },
  },
  async run(values, positionals) {
    const [action, dirArg, ...extra] = positionals;
    if (action !== 'validate' && action !== 'test') throw new UsageError(action === undefined ? 'missing action: validate or test' : `unknown lab action "${action}"`, labCommand);
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
