import { describe, expect, it } from 'vitest';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './labels';
import { StatusError } from './status';

function matches(selector: string, labels: Record<string, string> | undefined): boolean {
  return matchesLabels(parseLabelSelector(selector), labels);
}

function parseError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('parseLabelSelector: gt, lt and empty sets', () => {
  it('parses > and < with integer values and compares numerically', () => {
    expect(parseLabelSelector('tier>1,size<10')).toEqual([
      { key: 'tier', operator: 'GreaterThan', values: ['1'] },
      { key: 'size', operator: 'LessThan', values: ['10'] },
    ]);
    expect(matches('tier>1', { tier: '10' })).toBe(true);
    expect(matches('tier>1', { tier: '1' })).toBe(false);
    expect(matches('tier>1', { tier: 'x' })).toBe(false);
    expect(matches('size<10', { size: '9' })).toBe(true);
    expect(parseError(() => parseLabelSelector('tier>x')).code).toBe(400);
  });

  it('refuses an empty set for in and notin', () => {
    expect(parseError(() => parseLabelSelector('a in ()')).message).toContain("values set can't be empty");
  });
});

describe('parseLabelSelector', () => {
  it('parses every operator', () => {
    expect(parseLabelSelector('a=b,c==d,e!=f,g in (h, i),j notin (k),l,!m')).toEqual([
      { key: 'a', operator: 'Equals', values: ['b'] },
      { key: 'c', operator: 'Equals', values: ['d'] },
      { key: 'e', operator: 'NotEquals', values: ['f'] },
      { key: 'g', operator: 'In', values: ['h', 'i'] },
      { key: 'j', operator: 'NotIn', values: ['k'] },
      { key: 'l', operator: 'Exists', values: [] },
      { key: 'm', operator: 'DoesNotExist', values: [] },
    ]);
  });

  it('accepts blanks around operators and prefixed keys', () => {
    expect(parseLabelSelector(' app.kubernetes.io/name = web , tier in (a,b) ')).toEqual([
      { key: 'app.kubernetes.io/name', operator: 'Equals', values: ['web'] },
      { key: 'tier', operator: 'In', values: ['a', 'b'] },
    ]);
  });

  it('is empty for an empty selector, which matches everything', () => {
    expect(parseLabelSelector('')).toEqual([]);
    expect(matches('', undefined)).toBe(true);
    expect(matches('', { a: 'b' })).toBe(true);
  });

  it.each(['a in (b', '=b', 'a b', 'a=b=c', 'a in b', '!'])('rejects %j with a 400 BadRequest', (text) => {
    const err = parseError(() => parseLabelSelector(text));
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toContain('unable to parse requirement');
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'front' };
  it('equality and inequality', () => {
    expect(matches('app=web', labels)).toBe(true);
    expect(matches('app==web', labels)).toBe(true);
    expect(matches('app=db', labels)).toBe(false);
    expect(matches('app!=db', labels)).toBe(true);
    expect(matches('app!=web', labels)).toBe(false);
    // != matches objects without the label, as in Kubernetes.
    expect(matches('missing!=x', labels)).toBe(true);
    expect(matches('missing=x', labels)).toBe(false);
  });

  it('set-based in and notin', () => {
    expect(matches('tier in (front,back)', labels)).toBe(true);
    expect(matches('tier in (back)', labels)).toBe(false);
    expect(matches('tier notin (back)', labels)).toBe(true);
    expect(matches('tier notin (front,back)', labels)).toBe(false);
    expect(matches('missing in (x)', labels)).toBe(false);
    expect(matches('missing notin (x)', labels)).toBe(true);
  });

  it('exists and does-not-exist', () => {
    expect(matches('app', labels)).toBe(true);
    expect(matches('missing', labels)).toBe(false);
    expect(matches('!missing', labels)).toBe(true);
    expect(matches('!app', labels)).toBe(false);
    expect(matches('app', undefined)).toBe(false);
    expect(matches('!app', undefined)).toBe(true);
  });

  it('an empty value matches an empty label, not a missing one', () => {
    expect(matches('a=', { a: '' })).toBe(true);
    expect(matches('a=', {})).toBe(false);
  });

  it('combines requirements with AND', () => {
    expect(matches('app=web,tier=front', labels)).toBe(true);
    expect(matches('app=web,tier=back', labels)).toBe(false);
    expect(matches('app in (web),!canary,tier', labels)).toBe(true);
    expect(matches('app in (web),!tier', labels)).toBe(false);
  });
});

describe('field selectors', () => {
  it('parses = == and !=', () => {
    expect(parseFieldSelector('status.phase=Running,spec.nodeName!=n1,metadata.name==web')).toEqual([
      { field: 'status.phase', value: 'Running', negate: false },
      { field: 'spec.nodeName', value: 'n1', negate: true },
      { field: 'metadata.name', value: 'web', negate: false },
    ]);
    expect(parseFieldSelector('')).toEqual([]);
  });

  it('matches field values; a missing field is the empty string', () => {
    const fields = { 'status.phase': 'Pending', 'spec.nodeName': '' };
    expect(matchesFields(parseFieldSelector('status.phase=Pending'), fields)).toBe(true);
    expect(matchesFields(parseFieldSelector('status.phase=Running'), fields)).toBe(false);
    expect(matchesFields(parseFieldSelector('status.phase!=Running'), fields)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName='), fields)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName!='), fields)).toBe(false);
    expect(matchesFields(parseFieldSelector('status.podIP='), fields)).toBe(true);
    expect(matchesFields(parseFieldSelector('status.phase=Pending,spec.nodeName=n1'), fields)).toBe(false);
  });

  it('rejects a term without an operator with a 400', () => {
    const err = parseError(() => parseFieldSelector('status.phase=Running,oops'));
    expect(err.code).toBe(400);
    expect(err.message).toBe("invalid selector: 'status.phase=Running,oops'; can't understand 'oops'");
  });
});
