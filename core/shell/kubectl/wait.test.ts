import { describe, expect, it } from 'vitest';
import { parseCondition } from './wait';

const pod = (ready: string, extra: Record<string, unknown> = {}) => ({
  metadata: { name: 'p', generation: 2 },
  status: { phase: 'Running', observedGeneration: 2, conditions: [{ type: 'Ready', status: ready }], containerStatuses: [{ ready: true, restartCount: 0 }], ...extra },
});

describe("kubectl wait's --for", () => {
  it('checks a condition by type and status, case-insensitively, true by default', () => {
    const ready = parseCondition('condition=Ready');
    expect(ready.check?.(pod('True'))).toBe(true);
    expect(ready.check?.(pod('False'))).toBe(false);
    expect(parseCondition('condition=ready=false').check?.(pod('False'))).toBe(true);
    expect(parseCondition('condition=Available').check?.(pod('True'))).toBe(false);
  });

  it('ignores a condition older than the generation', () => {
    expect(parseCondition('condition=Ready').check?.(pod('True', { observedGeneration: 1 }))).toBe(false);
  });

  it('compares a jsonpath value, or only wants it to exist, and refuses objects and lists', () => {
    expect(parseCondition('jsonpath={.status.phase}=Running').check?.(pod('True'))).toBe(true);
    expect(parseCondition("jsonpath={.status.phase}='Pending'").check?.(pod('True'))).toBe(false);
    expect(parseCondition('jsonpath=.status.containerStatuses[*].restartCount=0').check?.(pod('True'))).toBe(true);
    expect(parseCondition('jsonpath={.status.phase}').check?.(pod('True'))).toBe(true);
    expect(parseCondition('jsonpath={.status.nope}').check?.(pod('True'))).toBe(false);
    expect(() => parseCondition('jsonpath={.status.conditions}=x').check?.(pod('True'))).toThrow('jsonpath leads to a nested object or list which is not supported');
  });

  it("refuses what kubectl refuses, with kubectl's words", () => {
    expect(() => parseCondition('')).toThrow('error: unrecognized condition: ""');
    expect(() => parseCondition('jsonpath=')).toThrow('error: jsonpath expression cannot be empty');
    expect(() => parseCondition('jsonpath={.a}=')).toThrow("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
    expect(() => parseCondition('jsonpath={.a}=b=c')).toThrow("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    expect(parseCondition('delete').kind).toBe('delete');
    expect(parseCondition('Create').kind).toBe('create');
  });
});
