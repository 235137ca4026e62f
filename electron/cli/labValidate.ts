/**
 * `kubelab lab validate DIR`: the quality gate every lesson folder passes — the lesson.json's
 * rules (labs/lesson.schema.json and core/lessons/validate.ts), both languages of every step's
 * text, manifests of known kinds, prerequisites that exist, and every referenced note section
 * present in the study notes (skipped, and said so, when the notes are not there).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyObjects } from '../../core/lessons/actions';
import { resolveKind } from '../../core/lessons/resources';
import { LANGUAGES, type Action, type Lesson } from '../../core/lessons/types';
import { notesTable, noteSections } from '../../core/lessons/notes';
import { lessonProblems } from '../../core/lessons/validate';
import { lessonFolders, loadLessons, parseYamlStream, readLesson, stepTextPath } from '../host/lessons';

/** The outcome of a validation. */
export interface ValidationResult {
  lessons: number;
  /** `FOLDER: problem`, one per problem. */
  problems: string[];
  /** What was skipped, and why. */
  notices: string[];
}

/** The section numbers of each note file of `notesDir`, by its number (`002`). */
export function readNotes(notesDir: string): Map<string, Set<string>> | undefined {
  const files = noteFiles(notesDir);
  return files && new Map(files.map((f) => [f.number, noteSections(f.text)]));
}

/** The note files of `notesDir` (`000_*.txt` …), in order, by number; undefined when the folder is not there. */
function noteFiles(notesDir: string): { number: string; text: string }[] | undefined {
  if (!existsSync(notesDir)) return undefined;
  return readdirSync(notesDir)
    .sort()
    .flatMap((f) => {
      const m = /^(\d{3})/.exec(f);
      return m ? [{ number: m[1] as string, text: readFileSync(join(notesDir, f), 'utf8') }] : [];
    });
}

/** The table of labs/README.md: every section of the notes and the steps of the lessons of `dir` that teach it. */
export function labNotesTable(dir: string, notesDir: string): string | undefined {
  const notes = noteFiles(notesDir);
  return notes && notesTable(notes, loadLessons(dir).lessons);
}

function manifestProblems(actions: Action[] | undefined, where: string): string[] {
  const out: string[] = [];
  if (!Array.isArray(actions)) return out;
  for (const a of actions) {
    if (typeof a !== 'object' || a === null || !('apply' in a)) continue;
    try {
      const objs = applyObjects(a, parseYamlStream);
      if (objs.length === 0) out.push(`${where}: apply holds no object`);
      for (const o of objs) {
        if (!resolveKind(String(o.apiVersion ?? ''), String(o.kind ?? ''))) out.push(`${where}: unknown kind ${String(o.apiVersion)} ${String(o.kind)}`);
        if (!o.metadata?.name) out.push(`${where}: a ${String(o.kind)} without metadata.name`);
      }
    } catch (e) {
      out.push(`${where}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** Validates every lesson folder of `dir` against the notes in `notesDir`. */
export function validateLabs(dir: string, notesDir: string): ValidationResult {
  const problems: string[] = [];
  const notices: string[] = [];
  const folders = lessonFolders(dir);
  if (folders.length === 0) problems.push(`${dir}: no lesson folder (NN-name/lesson.json)`);
  const notes = readNotes(notesDir);
  if (!notes) notices.push(`the study notes are not at ${notesDir}: the note sections were not checked`);
  for (const folder of folders) {
    const add = (p: string) => problems.push(`${folder}: ${p}`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, folder, 'lesson.json'), 'utf8'));
    } catch (e) {
      add(`lesson.json: ${(e as Error).message}`);
      continue;
    }
    lessonProblems(raw, folder).forEach(add);
    let lesson: Lesson;
    try {
      lesson = readLesson(dir, folder);
    } catch (e) {
      add((e as Error).message);
      continue;
    }
    for (const step of lesson.steps) {
      for (const lang of LANGUAGES) {
        const p = stepTextPath(dir, folder, step.id, lang);
        if (!existsSync(p)) add(`step ${step.id}: steps/${step.id}.${lang}.md is missing`);
        else if (readFileSync(p, 'utf8').trim() === '') add(`step ${step.id}: steps/${step.id}.${lang}.md is empty`);
      }
      manifestProblems(step.setup, `step ${step.id} setup`).forEach(add);
      step.solution.forEach((l, i) => manifestProblems(l?.equivalent, `step ${step.id} solution[${i}]`).forEach(add));
    }
    manifestProblems(lesson.setup, 'setup').forEach(add);
    const stepsDir = join(dir, folder, 'steps');
    if (existsSync(stepsDir))
      for (const f of readdirSync(stepsDir)) {
        const m = /^(.*)\.(en|zh-CN)\.md$/.exec(f);
        if (!m || !lesson.steps.some((s) => s.id === m[1])) add(`steps/${f} belongs to no step`);
      }
    for (const p of Array.isArray(lesson.prerequisites) ? lesson.prerequisites : []) if (!folders.includes(p)) add(`prerequisite ${p} is not a lesson here`);
    if (notes)
      for (const ref of lesson.notes.filter((n) => typeof n === 'string')) {
        const [file = '', section = ''] = ref.split(' §');
        const sections = notes.get(file);
        if (!sections) add(`notes: no note file ${file} in ${notesDir}`);
        else if (section !== '' && !sections.has(section)) add(`notes: note ${file} has no section ${section}`);
      }
  }
  return { lessons: folders.length, problems, notices };
}
