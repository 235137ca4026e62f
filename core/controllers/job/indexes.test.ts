import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/types';
import { backoffDelay, remainingBackoff } from './backoff';
import { firstPendingIndexes, formatIndexes, parseIndexes, withIndexes } from './indexes';

function pod(index: string): Pod {
  return { metadata: { name: `p${index}`, annotations: { 'batch.kubernetes.io/job-completion-index': index } }, spec: { containers: [] } };
}

describe('Indexed Job intervals', () => {
  it('parses, merges and prints completedIndexes', () => {
    expect(parseIndexes('0-2,4,7-9', 9)).toEqual([{ first: 0, last: 2 }, { first: 4, last: 4 }, { first: 7, last: 8 }]);
    expect(formatIndexes(withIndexes(parseIndexes('0,2', 5), [1, 4]))).toBe('0-2,4');
    expect(formatIndexes(withIndexes([], []))).toBe('');
  });

  it('picks the lowest indexes neither succeeded nor running', () => {
    expect(firstPendingIndexes(parseIndexes('0,3', 6), [pod('1')], 2, 6)).toEqual([2, 4]);
    expect(firstPendingIndexes(parseIndexes('0-2', 3), [], 2, 3)).toEqual([]);
  });
});

describe('pod failure back-off', () => {
  it('doubles from 10 s and is capped at 10 minutes (MaxJobPodFailureBackOff)', () => {
    expect([1, 2, 3, 4, 6, 7, 20].map(backoffDelay)).toEqual([10_000, 20_000, 40_000, 80_000, 320_000, 600_000, 600_000]);
    expect(remainingBackoff({ key: 'a', failuresAfterLastSuccess: 2, lastFailureTime: 1000 }, 6000)).toBe(15_000);
    expect(remainingBackoff({ key: 'a', failuresAfterLastSuccess: 0 }, 6000)).toBe(0);
  });
});
