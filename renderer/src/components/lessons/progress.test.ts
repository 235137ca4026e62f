import { describe, expect, it } from 'vitest';
import type { ProgressView } from '../../../../core/lessons/types';
import { chapterNumber, formatRemaining, lessonState } from './progress';

const view = (v: Partial<ProgressView>): ProgressView => ({ stepComplete: false, checks: [], hints: [], hintsLeft: 0, completed: [], ...v });
const step = (index: number) => ({ index, id: `s${index}`, title: { en: 's', 'zh-CN': 's' }, count: 3 });

describe('lesson player helpers', () => {
  it('says where a lesson stands', () => {
    expect(lessonState('a', 3, null)).toEqual({ kind: 'new', done: 0 });
    expect(lessonState('a', 3, view({ lesson: 'a', step: step(1) }))).toEqual({ kind: 'current', step: 2, done: 1 });
    expect(lessonState('a', 3, view({ lesson: 'a', step: step(1), stepComplete: true }))).toEqual({ kind: 'current', step: 2, done: 2 });
    expect(lessonState('a', 3, view({ lesson: 'a', step: step(2), stepComplete: true, finishedAt: 5, completed: ['a'] }))).toEqual({ kind: 'done', done: 3 });
    expect(lessonState('a', 3, view({ lesson: 'b', step: step(0), completed: ['a'] }))).toEqual({ kind: 'done', done: 3 });
  });

  it('numbers chapters and formats the time left', () => {
    expect(chapterNumber('05-replicasets')).toBe(5);
    expect(chapterNumber('intro')).toBeNull();
    expect(formatRemaining(125_000)).toBe('2:05');
    expect(formatRemaining(999)).toBe('0:01');
    expect(formatRemaining(-5)).toBe('0:00');
  });
});
