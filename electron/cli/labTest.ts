/**
 * `kubelab lab test DIR`: replays every lesson's solutions on a fresh seeded cluster on a
 * manual clock (lessonReplay.ts). For each step: run its setup, let the cluster settle, assert
 * that none of its checks passes yet, "type" the solution (each command line through the
 * bundled shell; where the shell cannot run a command yet, the line's API equivalent), then
 * advance the clock until every check passes — or fail after ten minutes of cluster time.
 */
import type { Lesson } from '../../core/lessons/types';
import { replayLesson } from './lessonReplay';

export { STEP_TIMEOUT_MS, TEST_START } from './lessonReplay';

/** The outcome of one lesson. */
export interface LessonTestResult {
  lesson: string;
  ok: boolean;
  /** What happened, one line each (failures start with `FAIL`). */
  log: string[];
}

/** Replays one lesson; never throws (a crash is a failed result). */
export async function testLesson(lesson: Lesson): Promise<LessonTestResult> {
  const replay = await replayLesson(lesson, { strict: true });
  replay.stop();
  return { lesson: lesson.id, ok: replay.ok, log: replay.log };
}
