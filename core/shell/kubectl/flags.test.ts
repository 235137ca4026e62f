import { describe, expect, it } from 'vitest';
import { Flags, impersonationHeaders, parseFlags } from './flags';
import { suggestions } from './root';

const specs = { output: { kind: 'string' as const, short: 'o' }, watch: { kind: 'bool' as const, short: 'w' }, 'all-namespaces': { kind: 'bool' as const, short: 'A' }, 'label-columns': { kind: 'strings' as const, short: 'L' }, replicas: { kind: 'int' as const } };

describe('parseFlags (cobra/pflag)', () => {
  it('reads every spelling of a flag, anywhere among the arguments', () => {
    const f = new Flags(parseFlags('kubectl get', ['pods', '-ojson', '-Aw', '--replicas=3', 'x', '-L', 'a', '-L=b', '-n', 'ns', '--', 'rest'], specs));
    expect(f.positional).toEqual(['pods', 'x']);
    expect(f.str('output')).toBe('json');
    expect(f.bool('watch') && f.bool('all-namespaces')).toBe(true);
    expect(f.int('replicas', 0)).toBe(3);
    expect(f.list('label-columns')).toEqual(['a', 'b']);
    expect(f.str('namespace')).toBe('ns');
    expect(f.parsed.dash).toEqual(['rest']);
  });

  it("answers pflag's errors", () => {
    expect(() => parseFlags('kubectl get', ['--nope'], specs)).toThrow("Error: unknown flag: --nope\nSee 'kubectl get --help' for usage.");
    expect(() => parseFlags('kubectl get', ['-x'], specs)).toThrow("Error: unknown shorthand flag: 'x' in -x");
    expect(() => parseFlags('kubectl get', ['-o'], specs)).toThrow("Error: flag needs an argument: 'o' in -o");
    expect(() => parseFlags('kubectl get', ['--output'], specs)).toThrow('Error: flag needs an argument: --output');
    expect(() => parseFlags('kubectl scale', ['--replicas=x'], specs)).toThrow('invalid argument "x" for "--replicas" flag');
  });
});

describe('suggestions', () => {
  it("lists cobra's suggestions in kubectl's order", () => {
    expect(suggestions('gett')).toEqual(['set', 'get']);
    expect(suggestions('foo')).toEqual(['top']);
    expect(suggestions('xyzzy')).toEqual([]);
    expect(suggestions('desc')).toEqual(['describe']);
  });
});

describe('impersonationHeaders (the root flags --as, --as-group, --as-uid)', () => {
  it('reads every spelling before --, groups joined as one header', () => {
    expect(impersonationHeaders(['get', 'pods', '--as', 'jane', '--as-group=a', '--as-group', 'b', '--as-uid=42'])).toEqual({ 'impersonate-user': 'jane', 'impersonate-group': 'a, b', 'impersonate-uid': '42' });
    expect(impersonationHeaders(['exec', 'p', '--', 'sh', '--as', 'root'])).toEqual({});
    expect(impersonationHeaders(['get', 'pods', '--ask=x'])).toEqual({});
  });
});
