/**
 * metav1.LabelSelector on the server side: validation (ValidateLabelSelector), matching
 * (LabelSelectorAsSelector + Matches), the SELECTOR column (FormatLabelSelector), the
 * labels.FormatLabels of map selectors, and the Go rendering used in error messages.
 */
import type { LabelSelector, LabelSelectorRequirement } from '../../api/types';
import { type FieldErrors, labelKey, labelValue } from '../../api/validation';
import { goQuote, goStringMap, goStringSlice } from './fields';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabels: every key a qualified name, every value a label value (errors at `field`). */
export function validateLabels(labels: Record<string, string> | undefined, field: string, errs: FieldErrors): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of labelKey(k)) errs.invalid(field, k, m);
    if (typeof v !== 'string') errs.invalid(field, v, 'must be a string');
    else for (const m of labelValue(v)) errs.invalid(field, v, m);
  }
}

/** ValidateLabelSelector. */
export function validateLabelSelector(sel: LabelSelector | undefined | null, field: string, errs: FieldErrors): void {
  if (!sel) return;
  validateLabels(sel.matchLabels, `${field}.matchLabels`, errs);
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const path = `${field}.matchExpressions[${i}]`;
    const values = r.values ?? [];
    if (r.operator === 'In' || r.operator === 'NotIn') {
      if (values.length === 0) errs.required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'");
    } else if (r.operator === 'Exists' || r.operator === 'DoesNotExist') {
      if (values.length > 0) errs.forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
    } else errs.invalid(`${path}.operator`, r.operator ?? '', 'not a valid selector operator');
    for (const m of labelKey(r.key ?? '')) errs.invalid(`${path}.key`, r.key ?? '', m);
    values.forEach((v, j) => {
      for (const m of labelValue(v)) errs.invalid(`${path}.values[${j}]`, v, m);
    });
  });
}

/** Whether LabelSelectorAsSelector accepts the selector (known operators, values as required). */
export function selectorIsValid(sel: LabelSelector | undefined | null): boolean {
  if (!sel) return true;
  return (sel.matchExpressions ?? []).every((r) => {
    if (!OPERATORS.includes(r.operator)) return false;
    const n = r.values?.length ?? 0;
    return r.operator === 'In' || r.operator === 'NotIn' ? n > 0 : n === 0;
  });
}

/** Whether a selector has no requirement at all (it then selects everything). */
export function selectorIsEmpty(sel: LabelSelector | undefined | null): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

function requirementMatches(r: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(v as string);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(v as string);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** Whether `labels` are selected (a nil selector selects nothing, an empty one everything). */
export function selectorMatches(sel: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (l[k] !== v) return false;
  return (sel.matchExpressions ?? []).every((r) => requirementMatches(r, l));
}

interface Req {
  key: string;
  text: string;
}

/** The selector's `String()`: requirements sorted by key, `a=b,c in (d,e),!f`; '' when empty. */
export function labelSelectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return '';
  const reqs: Req[] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => ({ key: k, text: `${k}=${v}` }));
  for (const r of sel.matchExpressions ?? []) {
    const values = [...(r.values ?? [])];
    const list = values.length === 1 ? values[0] : values.sort().join(',');
    if (r.operator === 'In') reqs.push({ key: r.key, text: `${r.key} in (${list})` });
    else if (r.operator === 'NotIn') reqs.push({ key: r.key, text: `${r.key} notin (${list})` });
    else if (r.operator === 'Exists') reqs.push({ key: r.key, text: r.key });
    else if (r.operator === 'DoesNotExist') reqs.push({ key: r.key, text: `!${r.key}` });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: the SELECTOR column (`<none>` when empty, `<error>` when invalid). */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!selectorIsValid(sel)) return '<error>';
  return labelSelectorString(sel) || '<none>';
}

/** labels.FormatLabels: `a=b,c=d` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(labels as Record<string, string>)[k]}`).join(',');
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`. */
export function goLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return 'null';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((r) => `v1.LabelSelectorRequirement{Key:${goQuote(r.key ?? '')}, Operator:${goQuote(r.operator ?? '')}, Values:${goStringSlice(r.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`;
}
