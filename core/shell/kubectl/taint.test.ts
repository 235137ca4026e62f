import { describe, expect, it } from 'vitest';
import { parseTaints, qualifiedNameErrors, reorganizeTaints, taintString } from './taint';

describe('kubectl taint specs', () => {
  it('parses additions and removals as kubectl does', () => {
    expect(parseTaints(['dedicated=gpu:NoSchedule', 'spot:PreferNoSchedule', 'old-', 'x:NoExecute-'])).toEqual({
      add: [
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
        { key: 'spot', effect: 'PreferNoSchedule' },
      ],
      remove: [{ key: 'old' }, { key: 'x', effect: 'NoExecute' }],
    });
  });

  it('refuses bad specs with kubectl words', () => {
    expect(() => parseTaints(['a=b:Bad'])).toThrow('invalid taint effect: Bad, unsupported taint effect');
    expect(() => parseTaints(['a'])).toThrow('invalid taint spec: a');
    expect(() => parseTaints(['a:NoSchedule', 'a=c:NoSchedule'])).toThrow('duplicated taints with the same key and effect: {a c NoSchedule <nil>}');
    expect(() => parseTaints(['a=b=c:NoSchedule'])).toThrow('invalid taint spec: a=b=c:NoSchedule');
    expect(qualifiedNameErrors('a/b/c')[0]).toMatch(/^a qualified name must consist of/);
    expect(qualifiedNameErrors('-a')).toHaveLength(1);
  });

  it('says tainted, untainted or modified, and which removals found nothing', () => {
    const old = [{ key: 'a', value: '1', effect: 'NoSchedule' }];
    expect(reorganizeTaints(old, false, [{ key: 'b', effect: 'NoExecute' }], [])).toMatchObject({ operation: 'tainted', taints: [{ key: 'b' }, { key: 'a' }] });
    expect(reorganizeTaints(old, false, [], [{ key: 'a' }])).toEqual({ operation: 'untainted', taints: [], errors: [] });
    expect(reorganizeTaints(old, true, [{ key: 'a', value: '2', effect: 'NoSchedule' }], [])).toMatchObject({ operation: 'modified', taints: [{ key: 'a', value: '2' }] });
    expect(reorganizeTaints(old, false, [], [{ key: 'z', effect: 'NoSchedule' }]).errors).toEqual(['taint "z:NoSchedule" not found']);
    expect(taintString({ key: 'k', value: 'v' })).toBe('k=v:');
  });
});
