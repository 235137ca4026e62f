/**
 * helper.DefaultNormalizeScore: scales scores to 0..`max` by the highest one, reversed when
 * lower raw scores are better (TaintToleration).
 */

/** Normalises `scores` in place. */
export function defaultNormalizeScore(max: number, reverse: boolean, scores: number[]): void {
  let maxCount = 0;
  for (const s of scores) if (s > maxCount) maxCount = s;
  if (maxCount === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = max;
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((max * (scores[i] as number)) / maxCount);
    if (reverse) s = max - s;
    scores[i] = s;
  }
}
