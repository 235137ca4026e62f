// Pure helpers of the lesson player: a lesson's state in the chapter list, times of challenges.
import type { ProgressView } from '../../../../core/lessons/types';

/** A lesson in the chapter list: not started, the one under way (at `step`, 1-based), or finished. */
export type LessonState = { kind: 'new'; done: 0 } | { kind: 'current'; step: number; done: number } | { kind: 'done'; done: number };

/** Where a lesson stands, from the host's progress. */
export function lessonState(id: string, stepCount: number, view: ProgressView | null | undefined): LessonState {
  if (view?.lesson === id && view.step && !view.finishedAt) {
    return { kind: 'current', step: view.step.index + 1, done: view.step.index + (view.stepComplete ? 1 : 0) };
  }
  if (view?.completed.includes(id) || (view?.lesson === id && view.finishedAt)) return { kind: 'done', done: stepCount };
  return { kind: 'new', done: 0 };
}

/** The chapter number of a lesson id (`05-replicasets` → 5), or null. */
export function chapterNumber(id: string): number | null {
  const m = /^(\d+)-/.exec(id);
  return m ? Number(m[1]) : null;
}

/** Milliseconds as `m:ss` (a challenge's time left). */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
