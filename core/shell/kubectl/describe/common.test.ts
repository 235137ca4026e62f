import { describe, expect, it } from 'vitest';
import { formatLabels, formatSelector, goTimeString, printAnnotations, printLabels, rfc1123z, selectorString } from './common';
import { DescribeWriter } from './tabwriter';

describe('describe common pieces', () => {
  it('prints a label selector with its requirements sorted by key', () => {
    const sel = { matchLabels: { tier: 'db', app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'zone', operator: 'DoesNotExist' }, { key: 'b', operator: 'Exists' }] };
    expect(selectorString(sel)).toBe('app=web,b,env in (dev,prod),tier=db,!zone');
    expect(formatSelector({})).toBe('<none>');
    expect(selectorString(undefined)).toBe('');
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
  });

  it("formats times as Go's RFC1123Z and time.Time.String", () => {
    expect(rfc1123z('2026-01-02T03:04:05Z')).toBe('Fri, 02 Jan 2026 03:04:05 +0000');
    expect(rfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
    expect(goTimeString('2026-01-02T03:04:05Z')).toBe('2026-01-02 03:04:05 +0000 UTC');
  });

  it('prints labels one a line and long annotations on their own lines', () => {
    const w = new DescribeWriter();
    printLabels(w, 'Labels', { b: '2', a: '1' });
    printAnnotations(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'one\ntwo', short: 'x' });
    expect(w.toString()).toBe('Labels:       a=1\n              b=2\nAnnotations:  note:\n                one\n                two\n              short: x\n');
  });
});
