/**
 * Label and field selectors, with the syntax of apimachinery's `labels.Parse` and
 * `fields.ParseSelector`: `a=b,c!=d,e in (f,g),h notin (i),j,!k` and `spec.nodeName=n1`.
 */
import { badRequest } from './status';

/** One requirement of a label selector. */
export interface Requirement {
  key: string;
  operator: 'Equals' | 'NotEquals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'GreaterThan' | 'LessThan';
  values: string[];
}

/** A parsed label selector; the empty selector matches everything. */
export type LabelSelector = Requirement[];

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Parses a label selector string; throws a 400 StatusError on bad syntax. */
export function parseLabelSelector(text: string): LabelSelector {
  const out: Requirement[] = [];
  for (const part of splitTopLevel(text)) {
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const values = (m[3] as string).split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (values.length === 0) throw badRequest(`unable to parse requirement: for 'in', 'notin' operators, values set can't be empty`);
      out.push({ key: m[1] as string, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = part.match(/^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/))) {
      out.push({ key: m[1] as string, operator: m[2] === '!=' ? 'NotEquals' : 'Equals', values: [m[3] as string] });
    } else if ((m = part.match(/^([^\s!=()<>]+)\s*([<>])\s*(\S*)$/))) {
      if (!/^-?\d+$/.test(m[3] as string)) throw badRequest(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
      out.push({ key: m[1] as string, operator: m[2] === '>' ? 'GreaterThan' : 'LessThan', values: [m[3] as string] });
    } else if ((m = part.match(/^!\s*([^\s!=()]+)$/))) {
      out.push({ key: m[1] as string, operator: 'DoesNotExist', values: [] });
    } else if ((m = part.match(/^([^\s!=()<>]+)$/))) {
      out.push({ key: m[1] as string, operator: 'Exists', values: [] });
    } else {
      throw badRequest(`unable to parse requirement: found '${part}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }
  return out;
}

/** Whether `labels` satisfy every requirement. */
export function matchesLabels(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.operator) {
      case 'Equals':
        return has && v === r.values[0];
      case 'NotEquals':
        return !has || v !== r.values[0];
      case 'In':
        return has && r.values.includes(v as string);
      case 'NotIn':
        return !has || !r.values.includes(v as string);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      case 'GreaterThan':
      case 'LessThan': {
        if (!has || !/^-?\d+$/.test(v as string)) return false;
        const a = Number(v);
        const b = Number(r.values[0]);
        return r.operator === 'GreaterThan' ? a > b : a < b;
      }
    }
  });
}

/** One term of a field selector. */
export interface FieldTerm {
  field: string;
  value: string;
  negate: boolean;
}

/** Parses `a=b,c!=d` field selectors. */
export function parseFieldSelector(text: string): FieldTerm[] {
  const out: FieldTerm[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p)) {
    const m = part.match(/^([^!=]+)(==|=|!=)(.*)$/);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    out.push({ field: (m[1] as string).trim(), value: (m[3] as string).trim(), negate: m[2] === '!=' });
  }
  return out;
}

/** Whether the field values satisfy every term. */
export function matchesFields(terms: FieldTerm[], fields: Record<string, string>): boolean {
  return terms.every((t) => ((fields[t.field] ?? '') === t.value) !== t.negate);
}
