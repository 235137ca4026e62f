/**
 * The study notes' sections and the table of which lesson steps teach them (labs/README.md).
 *
 * The notes number their headings loosely: a heading often restarts its count under its parent
 * (`## 2.1K8s概述` then `### 1.设计理念`, `### 2.K8s架构`; `# 2.基础概念` then `## 2.Pod`). A
 * section is named by its full number: a heading whose number does not already begin with its
 * parent's is numbered under it (`设计理念` is §2.1.1, `K8s架构` §2.1.2, `Pod` §2.2). Headings
 * with a number and no title (`#### 1 ####`, the numbered reader comments of note 004) are not
 * sections.
 */

/** One numbered heading of a note. */
export interface NoteHeading {
  /** The full section number: `2.1.2`. */
  section: string;
  /** The heading's title, without its number: `K8s架构`. */
  title: string;
}

/** The numbered headings of a note file's text, in order, with their full section numbers. */
export function noteHeadings(text: string): NoteHeading[] {
  const out: NoteHeading[] = [];
  // The open headings above the current line: level and full number (undefined: unnumbered).
  const stack: { level: number; section?: string }[] = [];
  for (const line of text.split('\n')) {
    const h = /^(#{1,6})\s*(.*?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const level = (h[1] as string).length;
    while (stack.length && (stack[stack.length - 1] as { level: number }).level >= level) stack.pop();
    const m = /^(\d+(?:\.\d+)*)\.?\s*(?:\|\s*)?(.*)$/.exec(h[2] as string);
    const title = m?.[2]?.trim() ?? '';
    if (!m || title === '') {
      stack.push({ level });
      continue;
    }
    const number = m[1] as string;
    const parent = [...stack].reverse().find((s) => s.section !== undefined)?.section;
    const section = parent === undefined || number.startsWith(`${parent}.`) ? number : `${parent}.${number}`;
    stack.push({ level, section });
    out.push({ section, title });
  }
  return out;
}

/** The section numbers a note file's headings give (see noteHeadings). */
export function noteSections(text: string): Set<string> {
  return new Set(noteHeadings(text).map((h) => h.section));
}

/** What the table needs of a lesson: its notes and its steps' (a step without its own teaches all its lesson's). */
export interface NotesTableLesson {
  id: string;
  notes: string[];
  steps: { id: string; notes?: string[] }[];
}

/** `steps 1–3`, `steps 2, 4`, `step 5`: the step numbers (from 1) of a lesson, compactly. */
function stepNumbers(numbers: number[]): string {
  if (numbers.length === 1) return `step ${numbers[0] as number}`;
  const contiguous = numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1);
  return contiguous ? `steps ${numbers[0] as number}–${numbers[numbers.length - 1] as number}` : `steps ${numbers.join(', ')}`;
}

/** The "taught by" cell of a section (`"002 §1.5"`): the lessons naming it and their steps that teach it, or *not yet taught*. */
export function taughtBy(ref: string, lessons: NotesTableLesson[]): string {
  const by: string[] = [];
  for (const lesson of lessons) {
    if (!lesson.notes.includes(ref)) continue;
    const own = lesson.steps.some((s) => (s.notes ?? []).length > 0);
    const numbers = lesson.steps.flatMap((s, i) => (!own || (s.notes ?? []).includes(ref) ? [i + 1] : []));
    by.push(numbers.length === 0 ? lesson.id : `${lesson.id} (${stepNumbers(numbers)})`);
  }
  return by.length ? by.join(', ') : '*not yet taught*';
}

/**
 * The Markdown table of every section of the notes (by note number: `000`, in file order) and
 * the lesson steps that teach it: a lesson whose manifest names the section, with the steps that
 * name it themselves, or all its steps when none of them names any section. A note without
 * numbered headings is one row, the whole note. Sections no lesson names say *not yet taught*.
 */
export function notesTable(notes: { number: string; text: string }[], lessons: NotesTableLesson[]): string {
  const rows = ['| notes section | heading | taught by |', '|---|---|---|'];
  const teachers = (ref: string) => taughtBy(ref, lessons);
  for (const note of notes) {
    const headings = noteHeadings(note.text);
    if (headings.length === 0) rows.push(`| ${note.number} | (the whole note: it has no numbered headings) | ${teachers(note.number)} |`);
    for (const h of headings) rows.push(`| ${note.number} §${h.section} | ${h.title.replace(/\|/g, '\\|')} | ${teachers(`${note.number} §${h.section}`)} |`);
  }
  return rows.join('\n') + '\n';
}
