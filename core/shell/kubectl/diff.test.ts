import { describe, expect, it } from 'vitest';
import { diffTime, unifiedDiff } from './diff';

const lines = (n: number, change: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => change[i + 1] ?? `l${i + 1}`)
    .map((l) => `${l}\n`)
    .join('');
const body = (a: string, b: string) => unifiedDiff('L/f', 'M/f', a, b, 'T1', 'T2').split('\n').slice(3).join('\n');

describe('kubectl diff through `diff -u -N` (what GNU diff prints)', () => {
  it('prints the diff line, the file headers and the hunks with three lines of context', () => {
    const a = 'apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: default\n  uid: u\n';
    const b = 'apiVersion: v1\ndata:\n  a: "2"\n  b: new\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: default\n  uid: u\n';
    expect(unifiedDiff('/tmp/LIVE-1/v1.ConfigMap.default.x', '/tmp/MERGED-2/v1.ConfigMap.default.x', a, b, diffTime(Date.parse('2026-11-22T06:18:24.730Z')), 'T')).toBe(
      'diff -u -N /tmp/LIVE-1/v1.ConfigMap.default.x /tmp/MERGED-2/v1.ConfigMap.default.x\n' +
        '--- /tmp/LIVE-1/v1.ConfigMap.default.x\t2026-11-22 06:18:24.730000000 +0000\n' +
        '+++ /tmp/MERGED-2/v1.ConfigMap.default.x\tT\n' +
        '@@ -1,6 +1,7 @@\n apiVersion: v1\n data:\n-  a: "1"\n+  a: "2"\n+  b: new\n kind: ConfigMap\n metadata:\n   name: x\n',
    );
  });

  it('splits hunks more than six unchanged lines apart, and joins those closer', () => {
    expect(body(lines(14), lines(14, { 2: 'X2', 14: 'X14' }))).toBe('@@ -1,5 +1,5 @@\n l1\n-l2\n+X2\n l3\n l4\n l5\n@@ -11,4 +11,4 @@\n l11\n l12\n l13\n-l14\n+X14\n');
    expect(body(lines(10), lines(10, { 3: 'X3', 9: 'X9' }))).toBe('@@ -1,10 +1,10 @@\n l1\n l2\n-l3\n+X3\n l4\n l5\n l6\n l7\n l8\n-l9\n+X9\n l10\n');
  });

  it('writes one-line and empty ranges as GNU diff does', () => {
    expect(body('x\n', 'y\n')).toBe('@@ -1 +1 @@\n-x\n+y\n');
    expect(body('', 'a\nb\n')).toBe('@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('a', 'b', 'same\n', 'same\n', '', '')).toBe('');
  });
});
