/**
 * The JSONPath of `additionalPrinterColumns` (k8s.io/client-go/util/jsonpath, as the custom
 * resource table convertor evaluates `{<jsonPath>}` with missing keys allowed): fields
 * (`.spec.replicas`, `['a.b']`), indexes and slices (`[0]`, `[-1]`, `[1:3]`), wildcards (`[*]`,
 * `.*`), recursive descent (`..name`) and filters (`[?(@.type=="Ready")]`, `[?(@.ready)]`).
 */

type Step =
  | { kind: 'field'; name: string }
  | { kind: 'recursive'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start?: number; end?: number }
  | { kind: 'filter'; left: string[]; op?: string; right?: unknown };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseLiteral(text: string): unknown {
  const t = text.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'nil' || t === 'null') return null;
  const n = Number(t);
  return Number.isNaN(n) ? t : n;
}

function parseFilter(body: string): Step {
  const m = body.match(/^@((?:\.[A-Za-z0-9_-]+)*)\s*(==|!=|<=|>=|<|>)?\s*(.*)$/);
  if (!m) throw new Error(`unrecognized filter ${body}`);
  const left = (m[1] ?? '').split('.').filter((p) => p !== '');
  if (!m[2]) return { kind: 'filter', left };
  return { kind: 'filter', left, op: m[2], right: parseLiteral(m[3] ?? '') };
}

/** Parses a path (`.spec.replicas`, with or without the surrounding braces); throws when it cannot. */
export function parseJsonPath(path: string): Step[] {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1).trim();
  if (p.startsWith('$')) p = p.slice(1);
  const steps: Step[] = [];
  let i = 0;
  while (i < p.length) {
    if (p.startsWith('..', i)) {
      const m = p.slice(i + 2).match(/^[A-Za-z0-9_-]+/);
      if (!m) throw new Error(`invalid recursive descent in ${path}`);
      steps.push({ kind: 'recursive', name: m[0] });
      i += 2 + m[0].length;
    } else if (p[i] === '.') {
      if (p[i + 1] === '*') {
        steps.push({ kind: 'wildcard' });
        i += 2;
        continue;
      }
      const m = p.slice(i + 1).match(/^[A-Za-z0-9_\-/$]*/);
      const name = m?.[0] ?? '';
      if (name) steps.push({ kind: 'field', name });
      i += 1 + name.length;
    } else if (p[i] === '[') {
      const close = p.indexOf(']', i);
      if (close < 0) throw new Error(`unterminated [ in ${path}`);
      const body = p.slice(i + 1, close).trim();
      i = close + 1;
      if (body === '*') steps.push({ kind: 'wildcard' });
      else if (body.startsWith('?(') && body.endsWith(')')) steps.push(parseFilter(body.slice(2, -1).trim()));
      else if (/^'.*'$|^".*"$/.test(body)) steps.push({ kind: 'field', name: body.slice(1, -1) });
      else if (/^-?\d+$/.test(body)) steps.push({ kind: 'index', index: Number(body) });
      else if (/^-?\d*:-?\d*$/.test(body)) {
        const [a, b] = body.split(':');
        const slice: Step = { kind: 'slice' };
        if (a) slice.start = Number(a);
        if (b) slice.end = Number(b);
        steps.push(slice);
      } else throw new Error(`invalid array index ${body}`);
    } else throw new Error(`unrecognized character in ${path} at ${i}`);
  }
  return steps;
}

function field(v: unknown, names: string[]): unknown {
  let cur = v;
  for (const n of names) {
    if (!isObject(cur)) return undefined;
    cur = cur[n];
  }
  return cur;
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    default:
      if (typeof a !== 'number' || typeof b !== 'number') return false;
      return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
  }
}

function recurse(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) recurse(x, name, out);
  else if (isObject(v)) {
    if (name in v) out.push(v[name]);
    for (const x of Object.values(v)) recurse(x, name, out);
  }
}

function apply(step: Step, values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    switch (step.kind) {
      case 'field':
        if (isObject(v) && step.name in v) out.push(v[step.name]);
        break;
      case 'recursive':
        recurse(v, step.name, out);
        break;
      case 'wildcard':
        if (Array.isArray(v)) out.push(...v);
        else if (isObject(v)) out.push(...Object.keys(v).sort().map((k) => v[k]));
        break;
      case 'index':
        if (Array.isArray(v)) {
          const i = step.index < 0 ? v.length + step.index : step.index;
          if (i >= 0 && i < v.length) out.push(v[i]);
        }
        break;
      case 'slice':
        if (Array.isArray(v)) out.push(...v.slice(step.start, step.end));
        break;
      case 'filter':
        if (Array.isArray(v)) {
          for (const item of v) {
            const left = field(item, step.left);
            if (step.op === undefined ? left !== undefined && left !== null && left !== false : compare(left, step.op, step.right)) out.push(item);
          }
        }
        break;
    }
  }
  return out;
}

/** The values a path finds in an object (missing keys find nothing). */
export function evaluateJsonPath(steps: Step[], obj: unknown): unknown[] {
  let values: unknown[] = [obj];
  for (const step of steps) values = apply(step, values);
  return values;
}

/** A parsed path, ready to evaluate. */
export type JsonPath = Step[];
