/**
 * The shell's `lab` command: the lesson under way as the lesson panel shows it — `lab` (the
 * lesson, the step, its checks and hints), `lab check`, `lab hint`, `lab next`, `lab reset`,
 * `lab list`, `lab start ID` — through the lab API. Texts are in the session's language
 * (`LANG=zh_CN.UTF-8` picks Chinese), English otherwise.
 */
import type { Builtin, CommandContext } from '../builtins';
import type { ShellTransport } from '../types';
import { LabCallError, labCall } from './labApi';

type Localized = Record<string, string>;

interface ProgressAnswer {
  lesson?: string;
  step?: { index: number; id: string; title: Localized; count: number };
  stepComplete: boolean;
  finishedAt?: number;
  checks: { id: string; passed: boolean; message: Localized; error?: string }[];
  hints: { text: Localized; triggered: boolean }[];
  hintsLeft: number;
  challenge?: { remainingMs: number; expired: boolean; score: number; total: number; percent: number };
  completed: string[];
}

interface LessonSummary {
  id: string;
  title: Localized;
  minutes?: number;
  steps?: unknown[];
}

const USAGE = `Usage:
  lab              the lesson under way: its step, checks and hints
  lab check        evaluate the step's checks now
  lab hint         show the next hint
  lab next         go to the next step
  lab reset        start the lesson again
  lab list         the lessons
  lab start ID     start a lesson
`;

function language(ctx: CommandContext): string {
  const lang = ctx.session.vars['LANG'] ?? ctx.session.vars['LC_ALL'] ?? '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

const pick = (l: Localized | undefined, lang: string) => (l ? (l[lang] ?? l['en'] ?? Object.values(l)[0] ?? '') : '');

function describe(p: ProgressAnswer, lessonTitle: string, lang: string): string {
  if (!p.lesson || !p.step) return `No lesson is under way: "lab list" shows the lessons, "lab start ID" starts one.\n`;
  const lines = [`Lesson ${p.lesson}: ${lessonTitle}`, `Step ${p.step.index + 1} of ${p.step.count}: ${pick(p.step.title, lang)}${p.stepComplete ? ' (done)' : ''}`];
  for (const c of p.checks) lines.push(`  [${c.passed ? 'x' : ' '}] ${pick(c.message, lang)}${c.error ? ` (cannot be checked: ${c.error})` : ''}`);
  if (p.challenge) lines.push(p.challenge.expired ? `Time is up: score ${p.challenge.score}/${p.challenge.total} (${p.challenge.percent}%)` : `Time left: ${Math.ceil(p.challenge.remainingMs / 1000)}s, score ${p.challenge.score}/${p.challenge.total}`);
  if (p.finishedAt !== undefined) lines.push('The lesson is complete.');
  else if (p.stepComplete) lines.push(p.step.index + 1 < p.step.count ? 'The step is complete: "lab next" goes on.' : 'The last step is complete.');
  lines.push(p.hintsLeft > 0 ? `Hints: ${p.hintsLeft} left ("lab hint")` : p.hints.length > 0 ? 'Hints: none left' : 'Hints: none');
  return `${lines.join('\n')}\n`;
}

async function title(t: ShellTransport, id: string | undefined, lang: string): Promise<string> {
  if (!id) return '';
  try {
    return pick((await labCall<LessonSummary>(t, 'GET', `/lab/v1/lessons/${encodeURIComponent(id)}`)).title, lang);
  } catch {
    return id;
  }
}

/** The `lab` builtin over a transport. */
export function labBuiltin(transport: ShellTransport): Builtin {
  return async (ctx) => {
    const [verb = 'status', ...rest] = ctx.argv.slice(1);
    const lang = language(ctx);
    const show = async (p: ProgressAnswer) => ctx.out.write(describe(p, await title(transport, p.lesson, lang), lang));
    try {
      switch (verb) {
        case 'status':
          await show(await labCall<ProgressAnswer>(transport, 'GET', '/lab/v1/progress'));
          return 0;
        case 'check':
        case 'next':
        case 'reset': {
          const p = await labCall<ProgressAnswer>(transport, 'POST', `/lab/v1/progress/${verb}`);
          await show(p);
          return verb === 'check' && !p.stepComplete ? 1 : 0;
        }
        case 'hint': {
          const p = await labCall<ProgressAnswer>(transport, 'POST', '/lab/v1/progress/hint');
          const last = p.hints[p.hints.length - 1];
          ctx.out.write(`Hint ${p.hints.length}: ${pick(last?.text, lang)}\n${p.hintsLeft > 0 ? `(${p.hintsLeft} more)` : '(no more hints)'}\n`);
          return 0;
        }
        case 'list': {
          const items = (await labCall<{ items: LessonSummary[] }>(transport, 'GET', '/lab/v1/lessons')).items;
          const progress = await labCall<ProgressAnswer>(transport, 'GET', '/lab/v1/progress').catch(() => undefined);
          const done = new Set(progress?.completed ?? []);
          const width = Math.max(2, ...items.map((l) => l.id.length));
          ctx.out.write(items.map((l) => `${done.has(l.id) ? 'x' : progress?.lesson === l.id ? '>' : ' '} ${l.id.padEnd(width)}  ${pick(l.title, lang)}\n`).join(''));
          return 0;
        }
        case 'start': {
          const id = rest[0];
          if (id === undefined) {
            ctx.err.write(`lab: start needs a lesson id ("lab list" shows them)\n`);
            return 2;
          }
          await show(await labCall<ProgressAnswer>(transport, 'POST', `/lab/v1/lessons/${encodeURIComponent(id)}/start`));
          return 0;
        }
        case 'help':
        case '--help':
        case '-h':
          ctx.out.write(USAGE);
          return 0;
        default:
          ctx.err.write(`lab: unknown command "${verb}"\n${USAGE}`);
          return 2;
      }
    } catch (e) {
      if (e instanceof LabCallError) {
        ctx.err.write(`lab: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  };
}
