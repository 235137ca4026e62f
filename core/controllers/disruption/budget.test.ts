import { describe, expect, it } from 'vitest';
import type { Pod, PodDisruptionBudget } from '../../api/types';
import { conditionsUpToDate, countHealthy, disruptedPodMap, expectedPodCount, selectorString, withDisruptionCondition } from './budget';

const NOW = Date.parse('2026-03-01T10:00:00Z');

function pod(name: string, ready: boolean, deleting = false): Pod {
  return { metadata: { name, ...(deleting ? { deletionTimestamp: '2026-03-01T09:59:00Z' } : {}) }, spec: { containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } };
}

function pdb(spec: Partial<PodDisruptionBudget['spec']>, status?: PodDisruptionBudget['status']): PodDisruptionBudget {
  return { metadata: { name: 'p', namespace: 'default', generation: 1 }, spec: { selector: { matchLabels: { a: 'b' } }, ...spec }, ...(status ? { status } : {}) };
}

describe('PodDisruptionBudget arithmetic', () => {
  const pods = [pod('a', true), pod('b', true), pod('c', false)];
  const scale = async () => 4;

  it('counts an integer minAvailable against the selected pods, percentages and maxUnavailable against the scale', async () => {
    expect(await expectedPodCount(pdb({ minAvailable: 2 }), pods, scale)).toEqual({ expectedCount: 3, desiredHealthy: 2 });
    expect(await expectedPodCount(pdb({ minAvailable: '30%' }), pods, scale)).toEqual({ expectedCount: 4, desiredHealthy: 2 });
    expect(await expectedPodCount(pdb({ maxUnavailable: '30%' }), pods, scale)).toEqual({ expectedCount: 4, desiredHealthy: 2 });
    expect(await expectedPodCount(pdb({ maxUnavailable: 9 }), pods, scale)).toEqual({ expectedCount: 4, desiredHealthy: 0 });
    await expect(expectedPodCount(pdb({ minAvailable: 'x' }), pods, scale)).rejects.toThrow();
  });

  it('counts ready pods that are neither deleting nor just evicted, and keeps evictions for two minutes', () => {
    const evicted = { a: '2026-03-01T09:59:30Z', b: '2026-03-01T09:50:00Z' };
    expect(countHealthy([...pods, pod('d', true, true)], {}, NOW)).toBe(2);
    expect(countHealthy(pods, evicted, NOW)).toBe(1);
    const map = disruptedPodMap(pods, pdb({ minAvailable: 1 }, { disruptedPods: evicted }), NOW);
    expect(map.disrupted).toEqual({ a: '2026-03-01T09:59:30Z' });
    expect(map.overdue.map((p) => p.metadata.name)).toEqual(['b']);
    expect(map.recheckAt).toBe(Date.parse('2026-03-01T10:01:30Z'));
  });

  it('sets DisruptionAllowed with SufficientPods or InsufficientPods, keeping the transition time while the status holds', () => {
    const allowed = withDisruptionCondition({ disruptionsAllowed: 1, observedGeneration: 1 }, NOW);
    expect(allowed).toEqual([{ type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration: 1, lastTransitionTime: '2026-03-01T10:00:00Z' }]);
    const again = withDisruptionCondition({ disruptionsAllowed: 2, observedGeneration: 1, conditions: allowed }, NOW + 5000);
    expect(again[0]?.lastTransitionTime).toBe('2026-03-01T10:00:00Z');
    const none = withDisruptionCondition({ disruptionsAllowed: 0, observedGeneration: 1, conditions: allowed }, NOW + 5000);
    expect(none[0]).toMatchObject({ status: 'False', reason: 'InsufficientPods', lastTransitionTime: '2026-03-01T10:00:05Z' });
    expect(conditionsUpToDate(pdb({}, { disruptionsAllowed: 0, observedGeneration: 1, conditions: none }))).toBe(true);
    expect(conditionsUpToDate(pdb({}, { disruptionsAllowed: 1, observedGeneration: 1, conditions: none }))).toBe(false);
  });

  it('prints a selector as Go prints a *metav1.LabelSelector', () => {
    expect(selectorString({ matchLabels: { b: '2', a: '1' } })).toBe('&LabelSelector{MatchLabels:map[string]string{a: 1,b: 2,},MatchExpressions:[]LabelSelectorRequirement{},}');
  });
});
