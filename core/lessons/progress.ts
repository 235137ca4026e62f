/** The progress record: an empty one, the checked form of an imported one, and its view. */
import type { Lesson, Progress, ProgressView, StepProgress } from './types';

/** A progress with no lesson started. */
export function emptyProgress(): Progress {
  return { step: 0, steps: {}, completed: [], commands: [], commandSeq: 0 };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function stepProgress(v: unknown): StepProgress | undefined {
  if (!isObj(v)) return undefined;
  const passed: Record<string, number> = {};
  if (isObj(v.passed)) for (const [k, t] of Object.entries(v.passed)) if (num(t) !== undefined) passed[k] = t as number;
  const sp: StepProgress = {
    passed,
    hintsRevealed: num(v.hintsRevealed) ?? 0,
    triggered: Array.isArray(v.triggered) ? v.triggered.filter((i): i is number => typeof i === 'number') : [],
    startedAt: num(v.startedAt) ?? 0,
    commandsFrom: num(v.commandsFrom) ?? 0,
  };
  if (num(v.finishedAt) !== undefined) sp.finishedAt = v.finishedAt as number;
  if (v.skipped === true) sp.skipped = true;
  if (num(v.deadline) !== undefined) sp.deadline = v.deadline as number;
  if (typeof v.eventsBaseline === 'string') sp.eventsBaseline = v.eventsBaseline;
  return sp;
}

/** Checks the shape of a progress read back (a damaged file gives an empty progress, never an exception). */
export function normalizeProgress(v: unknown): Progress {
  const p = emptyProgress();
  if (!isObj(v)) return p;
  if (typeof v.lesson === 'string') p.lesson = v.lesson;
  p.step = num(v.step) ?? 0;
  if (num(v.startedAt) !== undefined) p.startedAt = v.startedAt as number;
  if (num(v.finishedAt) !== undefined) p.finishedAt = v.finishedAt as number;
  if (isObj(v.steps)) for (const [k, s] of Object.entries(v.steps)) {
    const sp = stepProgress(s);
    if (sp) p.steps[k] = sp;
  }
  if (Array.isArray(v.completed)) p.completed = v.completed.filter((x): x is string => typeof x === 'string');
  if (Array.isArray(v.commands))
    p.commands = v.commands.filter((c): c is { line: string; at: number; seq: number } => isObj(c) && typeof c.line === 'string' && num(c.at) !== undefined && num(c.seq) !== undefined);
  p.commandSeq = Math.max(num(v.commandSeq) ?? 0, ...p.commands.map((c) => c.seq + 1));
  return p;
}

/** The view of a progress: the current step, its checks with their state and messages, the hints shown, the challenge's score. */
export function progressView(p: Progress, lesson: Lesson | undefined, now: number, errors: Map<string, string>): ProgressView {
  const step = lesson?.steps[p.step];
  const sp = step ? p.steps[step.id] : undefined;
  const view: ProgressView = { stepComplete: false, checks: [], hints: [], hintsLeft: 0, completed: [...p.completed] };
  if (!lesson || !step || !sp) return view;
  view.lesson = lesson.id;
  view.step = { index: p.step, id: step.id, title: step.title, count: lesson.steps.length };
  if (p.startedAt !== undefined) view.startedAt = p.startedAt;
  if (p.finishedAt !== undefined) view.finishedAt = p.finishedAt;
  view.stepComplete = sp.finishedAt !== undefined;
  view.checks = step.checks.map((c) => {
    const at = sp.passed[c.id];
    const err = errors.get(c.id);
    return { id: c.id, type: c.type, passed: at !== undefined, ...(at !== undefined ? { passedAt: at } : {}), message: c.message, weight: c.weight ?? 1, ...(err ? { error: err } : {}) };
  });
  const hints = step.hints ?? [];
  const ordinary = hints.filter((h) => !h.trigger);
  view.hints = [
    ...ordinary.slice(0, sp.hintsRevealed).map((h) => ({ text: h.text, triggered: false })),
    ...sp.triggered.map((i) => hints[i]).filter((h) => h !== undefined).map((h) => ({ text: h.text, triggered: true })),
  ];
  view.hintsLeft = Math.max(0, ordinary.length - sp.hintsRevealed);
  if (sp.deadline !== undefined) {
    const total = view.checks.reduce((a, c) => a + c.weight, 0);
    const score = view.checks.filter((c) => c.passed).reduce((a, c) => a + c.weight, 0);
    view.challenge = {
      deadline: sp.deadline,
      remainingMs: Math.max(0, (sp.finishedAt ?? now) <= sp.deadline ? sp.deadline - (sp.finishedAt ?? now) : 0),
      expired: sp.finishedAt === undefined && now > sp.deadline,
      score,
      total,
      percent: total === 0 ? 0 : Math.round((100 * score) / total),
    };
  }
  return view;
}
