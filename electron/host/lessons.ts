/**
 * Reads the lessons in `labs/`: the catalogue the lesson panel lists, and each lesson as the
 * engine's data (core/lessons/types.ts): `lesson.json` with its step texts from
 * `steps/ID.en.md` and `steps/ID.zh-CN.md` and the inline YAML of its `apply` actions parsed.
 * A cluster opened from a snapshot may have lessons of its own (a lesson pack, installed in
 * `clusters/NAME/lessons/`): they are listed beside the built-in ones, and win on an id clash.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../core/api/types';
import type { Action, Lesson, Localized } from '../../core/lessons/types';

export type { Localized } from '../../core/lessons/types';

/** What the lesson panel lists. */
export interface LessonSummary {
  id: string;
  title: Localized;
  summary: Localized;
  minutes: number;
  notes: string[];
  prerequisites: string[];
  steps: { id: string; title: Localized }[];
  /** Where it comes from: KubeLab's own lessons, or the running cluster's lesson pack. */
  source?: LessonSource;
  /** A cluster's lesson that takes the place of the built-in lesson with the same id. */
  replacesBuiltIn?: boolean;
}

/** Where a lesson comes from. */
export type LessonSource = 'built-in' | 'cluster';

/** The folder of a cluster's own lessons (the lesson pack its snapshot carried). */
export function packDir(clusterDir: string): string {
  return join(clusterDir, 'lessons');
}

function localized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && typeof (v as Localized).en === 'string' && typeof (v as Localized)['zh-CN'] === 'string';
}

/** Parses a YAML stream into its documents (empty documents dropped); throws on a syntax error. */
export function parseYamlStream(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const d of list) {
    if (d.errors.length > 0) throw new Error(d.errors[0]?.message ?? 'invalid YAML');
    const v: unknown = d.toJS();
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

function parseActions(actions: Action[] | undefined, where: string): void {
  for (const a of actions ?? []) {
    if ('apply' in a && typeof a.apply === 'string') {
      try {
        a.objects = parseYamlStream(a.apply) as KubeObject[];
      } catch (e) {
        throw new Error(`${where}: apply: ${(e as Error).message}`);
      }
    }
  }
}

/** The lesson folders of `dir` (those with a lesson.json), in order. */
export function lessonFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'lesson.json')))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

/** The path of a step's text in a language. */
export function stepTextPath(dir: string, folder: string, stepId: string, lang: string): string {
  return join(dir, folder, 'steps', `${stepId}.${lang}.md`);
}

/**
 * Reads one lesson as the engine's data: step texts attached (missing ones are empty), apply
 * YAML parsed. Throws an Error naming the problem when the JSON or a YAML is malformed.
 */
export function readLesson(dir: string, folder: string): Lesson {
  const file = join(dir, folder, 'lesson.json');
  let lesson: Lesson;
  try {
    lesson = JSON.parse(readFileSync(file, 'utf8')) as Lesson;
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  if (typeof lesson !== 'object' || lesson === null || !Array.isArray(lesson.steps)) throw new Error(`${file}: not a lesson (no steps)`);
  if (lesson.id !== folder) throw new Error(`${file}: id "${String(lesson.id)}" differs from its folder name`);
  lesson.notes = Array.isArray(lesson.notes) ? lesson.notes : [];
  parseActions(lesson.setup, `${file}: setup`);
  for (const step of lesson.steps) {
    step.checks = Array.isArray(step.checks) ? step.checks : [];
    step.solution = Array.isArray(step.solution) ? step.solution : [];
    const text = (lang: string) => {
      const p = stepTextPath(dir, folder, step.id, lang);
      return existsSync(p) ? readFileSync(p, 'utf8') : '';
    };
    step.text = { en: text('en'), 'zh-CN': text('zh-CN') };
    parseActions(step.setup, `${file}: step ${step.id} setup`);
    for (const line of step.solution) parseActions(line.equivalent, `${file}: step ${step.id} solution`);
  }
  return lesson;
}

/** Reads every lesson of `dir`; the ones that cannot be read are reported in `problems`. */
export function loadLessons(dir: string): { lessons: Lesson[]; problems: string[] } {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  for (const folder of lessonFolders(dir)) {
    try {
      lessons.push(readLesson(dir, folder));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  return { lessons, problems };
}

/** The catalogue entry of a lesson. */
export function summarize(l: Lesson): LessonSummary {
  return {
    id: l.id,
    title: l.title,
    summary: l.summary,
    minutes: typeof l.minutes === 'number' ? l.minutes : 0,
    notes: l.notes.map(String),
    prerequisites: Array.isArray(l.prerequisites) ? l.prerequisites : [],
    steps: l.steps.filter((s) => typeof s?.id === 'string' && localized(s?.title)).map((s) => ({ id: s.id, title: s.title })),
  };
}

/** Lists the lessons in `dir`, in folder order; folders without a valid `lesson.json` are reported in `problems`. */
export function listLessons(dir: string): { items: LessonSummary[]; problems: string[] } {
  if (!existsSync(dir)) return { items: [], problems: [`lesson folder ${dir} does not exist`] };
  const { lessons, problems } = loadLessons(dir);
  const items: LessonSummary[] = [];
  for (const l of lessons) {
    if (!localized(l.title) || !localized(l.summary)) problems.push(`${l.id}: title and summary need both en and zh-CN`);
    else items.push(summarize(l));
  }
  return { items, problems };
}

/** The lessons a cluster offers: its own (`clusters/NAME/lessons/`) and the built-in ones of `builtinDir`; on an id clash its own win. */
export function loadClusterLessons(clusterDir: string, builtinDir: string): { lessons: Lesson[]; problems: string[]; own: Set<string>; builtIn: Set<string> } {
  const own = loadLessons(packDir(clusterDir));
  const builtin = loadLessons(builtinDir);
  const ownIds = new Set(own.lessons.map((l) => l.id));
  const lessons = [...own.lessons, ...builtin.lessons.filter((l) => !ownIds.has(l.id))].sort((a, b) => a.id.localeCompare(b.id));
  return { lessons, problems: [...own.problems, ...builtin.problems], own: ownIds, builtIn: new Set(builtin.lessons.map((l) => l.id)) };
}

/** The catalogue of a cluster's lessons: built-in and its own, each saying where it comes from (and whether it replaces a built-in one). */
export function listClusterLessons(clusterDir: string, builtinDir: string): { items: LessonSummary[]; problems: string[] } {
  if (!existsSync(packDir(clusterDir))) {
    const r = listLessons(builtinDir);
    return { items: r.items.map((i) => ({ ...i, source: 'built-in' })), problems: r.problems };
  }
  const { lessons, problems, own, builtIn } = loadClusterLessons(clusterDir, builtinDir);
  const items: LessonSummary[] = [];
  for (const l of lessons) {
    if (!localized(l.title) || !localized(l.summary)) problems.push(`${l.id}: title and summary need both en and zh-CN`);
    else if (own.has(l.id)) items.push({ ...summarize(l), source: 'cluster', ...(builtIn.has(l.id) ? { replacesBuiltIn: true } : {}) });
    else items.push({ ...summarize(l), source: 'built-in' });
  }
  return { items, problems };
}
