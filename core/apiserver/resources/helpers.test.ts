import { describe, expect, it } from 'vitest';
import { FieldErrors } from '../../api/validation';
import { decodeBase64, encodeBase64, encodeString } from './base64';
import { parseCron } from './cron';
import { configMapKeyErrors, dns1035Label, goIntOrString, goStringMap, portNameErrors, validateIntOrPercent } from './fields';
import { canonicalQuantity, compareQuantities, parseQuantity } from './quantity';
import { formatLabelSelector, formatLabels, goLabelSelector, selectorMatches, validateLabelSelector } from './selector';
import { allocateClusterIP, inServiceRange, seededPick } from './service-alloc';

describe('label selectors', () => {
  const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'canary', operator: 'DoesNotExist' }] };

  it('formats as metav1.FormatLabelSelector: requirements sorted by key, values sorted', () => {
    expect(formatLabelSelector(sel)).toBe('app=web,!canary,tier in (a,b)');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bogus' }] })).toBe('<error>');
  });

  it('formats map selectors as labels.FormatLabels', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
  });

  it('matches labels; a nil selector matches nothing, an empty one everything', () => {
    expect(selectorMatches(sel, { app: 'web', tier: 'a' })).toBe(true);
    expect(selectorMatches(sel, { app: 'web', tier: 'a', canary: 'x' })).toBe(false);
    expect(selectorMatches(sel, { app: 'web', tier: 'c' })).toBe(false);
    expect(selectorMatches(undefined, { a: 'b' })).toBe(false);
    expect(selectorMatches({}, { a: 'b' })).toBe(true);
  });

  it('renders the Go value of error messages', () => {
    expect(goLabelSelector({ matchLabels: { app: 'x' } })).toBe('v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}');
    expect(goLabelSelector({ matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"k", Operator:"In", Values:[]string{"v"}}}}',
    );
    expect(goStringMap({ b: 'x', a: 'y' })).toBe('map[string]string{"a":"y", "b":"x"}');
    expect(goIntOrString('25x')).toBe('intstr.IntOrString{Type:1, IntVal:0, StrVal:"25x"}');
  });

  it('validates requirements with the real messages', () => {
    const errs = new FieldErrors();
    validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }, { key: 'b', operator: 'Exists', values: ['x'] }, { key: 'c', operator: 'Near' }] }, 'spec.selector', errs);
    expect(errs.causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator',
    ]);
  });
});

describe('field checks', () => {
  it('checks DNS-1035 labels, port names, config keys and percents', () => {
    expect(dns1035Label('web-1')).toEqual([]);
    expect(dns1035Label('1web')[0]).toMatch(/^a DNS-1035 label must consist of/);
    expect(portNameErrors('http')).toEqual([]);
    expect(portNameErrors('http--x')).toEqual(['must not contain consecutive hyphens']);
    expect(configMapKeyErrors('a.b_C-1')).toEqual([]);
    expect(configMapKeyErrors('..x')).toEqual(["must not start with '..'"]);
    const errs = new FieldErrors();
    validateIntOrPercent(errs, 'f', '5x');
    expect(errs.causes[0]?.message).toBe(
      "Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"5x\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    );
  });
});

describe('quantities', () => {
  it('canonicalizes as resource.Quantity.String()', () => {
    for (const [input, out] of [['1024Mi', '1Gi'], ['1.5Gi', '1536Mi'], ['0.5', '500m'], ['1000m', '1'], ['2000', '2k'], ['1500', '1500'], ['100Mi', '100Mi'], ['512', '512'], ['1e3', '1e3'], ['0', '0'], [2, '2']] as const) {
      expect([input, canonicalQuantity(input)]).toEqual([input, out]);
    }
  });

  it('compares exactly and rejects bad syntax', () => {
    expect(compareQuantities(parseQuantity('1Gi')!, parseQuantity('1000Mi')!)).toBe(1);
    expect(compareQuantities(parseQuantity('500m')!, parseQuantity('0.5')!)).toBe(0);
    expect(parseQuantity('12abc')).toBeUndefined();
  });
});

describe('base64 as Go decodes []byte', () => {
  it('round-trips and reports the byte Go reports', () => {
    expect(encodeBase64(decodeBase64('aGVsbG8='))).toBe('aGVsbG8=');
    expect(encodeString('hunter2')).toBe('aHVudGVyMg==');
    expect(encodeString('é')).toBe('w6k=');
    expect(() => decodeBase64('abc$')).toThrow('illegal base64 data at input byte 3');
    expect(() => decodeBase64('abc')).toThrow('illegal base64 data at input byte 0');
    expect(decodeBase64('aGVs\nbG8=')).toEqual([104, 101, 108, 108, 111]);
  });
});

describe('cron schedules (robfig/cron ParseStandard)', () => {
  it('parses ranges, steps, names and descriptors', () => {
    const s = parseCron('*/15 9-17 * jan-mar mon,fri');
    if ('error' in s) throw new Error(s.error);
    expect([...s.minutes]).toEqual([0, 15, 30, 45]);
    expect([...s.months]).toEqual([1, 2, 3]);
    expect([...s.daysOfWeek]).toEqual([1, 5]);
    expect('error' in parseCron('@daily')).toBe(false);
  });

  it('returns the library error messages', () => {
    expect(parseCron('* * *')).toEqual({ error: 'expected exactly 5 fields, found 3: [* * *]' });
    expect(parseCron('61 * * * *')).toEqual({ error: 'end of range (61) above maximum (59): 61' });
    expect(parseCron('x * * * *')).toEqual({ error: 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax' });
    expect(parseCron('@sometimes')).toEqual({ error: 'unrecognized descriptor: @sometimes' });
    expect(parseCron('')).toEqual({ error: 'empty spec string' });
  });
});

describe('service IP allocation', () => {
  it('allocates from the dynamic band of 10.96.0.0/12', () => {
    const pick = seededPick('x');
    for (let i = 0; i < 50; i++) {
      const ip = allocateClusterIP(pick);
      expect(inServiceRange(ip)).toBe(true);
      expect(ip.startsWith('10.96.0.')).toBe(false);
    }
    expect(inServiceRange('10.96.0.0')).toBe(false);
    expect(inServiceRange('10.112.0.1')).toBe(false);
    expect(inServiceRange('10.111.255.254')).toBe(true);
  });
});
