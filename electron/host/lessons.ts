/** Reads the lesson catalogue from `labs/` (the lesson engine itself comes later). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A text in both languages. */
export interface Localized {
  en: string;
  'zh-CN': string;
}

/** What the lesson panel lists. */
export interface LessonSummary {
  id: string;
  title: Localized;
  summary: Localized;
  minutes: number;
  notes: string[];
  steps: { id: string; title: Localized }[];
}

function localized(v: unknown): v is Localized {
  return typeof v === 'object' && v !== null && typeof (v as Localized).en === 'string' && typeof (v as Localized)['zh-CN'] === 'string';
}

/** Lists the lessons in `dir`, in folder order; folders without a valid `lesson.json` are reported in `problems`. */
export function listLessons(dir: string): { items: LessonSummary[]; problems: string[] } {
  const items: LessonSummary[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { items, problems: [`lesson folder ${dir} does not exist`] };
  for (const entry of readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = join(dir, entry.name, 'lesson.json');
    if (!existsSync(file)) continue;
    try {
      const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const steps = Array.isArray(m.steps) ? m.steps : [];
      if (m.id !== entry.name) throw new Error(`id "${String(m.id)}" differs from its folder name`);
      if (!localized(m.title) || !localized(m.summary)) throw new Error('title and summary need both en and zh-CN');
      items.push({
        id: entry.name,
        title: m.title,
        summary: m.summary,
        minutes: typeof m.minutes === 'number' ? m.minutes : 0,
        notes: Array.isArray(m.notes) ? m.notes.map(String) : [],
        steps: steps.filter((s): s is { id: string; title: Localized } => typeof s?.id === 'string' && localized(s?.title)).map((s) => ({ id: s.id, title: s.title })),
      });
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
    }
  }
  return { items, problems };
}
