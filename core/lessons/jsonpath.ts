/**
 * The small JSONPath subset lesson checks use, as kubectl's `-o jsonpath` writes it:
 * `{.status.readyReplicas}`, `.spec.template.spec.containers[0].image`,
 * `.metadata.labels.app`, `.metadata.annotations['deployment.kubernetes.io/revision']`,
 * `.spec.containers[*].image` (values joined by a space, as kubectl prints them),
 * `.status.containerStatuses[?(@.name=="web")].restartCount` (a filter: `==` or `!=` on a
 * field of each element, against a quoted string, a number or true/false).
 */

type Segment = { key: string } | { index: number } | { all: true } | { filter: { path: string[]; op: '==' | '!='; value: string } };

const FILTER = /^\?\(\s*@((?:\.[A-Za-z0-9_-]+)+)\s*(==|!=)\s*("[^"]*"|'[^']*'|-?\d+(?:\.\d+)?|true|false)\s*\)$/;

/** Parses a path; throws an Error naming the problem. */
export function parseJsonPath(path: string): Segment[] {
  let p = path.trim();
  if (p.startsWith('{') && p.endsWith('}')) p = p.slice(1, -1).trim();
  if (p.startsWith('$')) p = p.slice(1);
  const out: Segment[] = [];
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '.') {
      const m = /^[A-Za-z0-9_-]+/.exec(p.slice(i + 1));
      if (!m) throw new Error(`invalid JSONPath ${path}: a name must follow "." at ${i}`);
      out.push({ key: m[0] });
      i += 1 + m[0].length;
    } else if (c === '[') {
      const end = p.indexOf(']', i);
      if (end < 0) throw new Error(`invalid JSONPath ${path}: unclosed [`);
      const inner = p.slice(i + 1, end).trim();
      if (inner === '*') out.push({ all: true });
      else if (/^\d+$/.test(inner)) out.push({ index: Number(inner) });
      else if (/^'[^']*'$|^"[^"]*"$/.test(inner)) out.push({ key: inner.slice(1, -1) });
      else if (FILTER.test(inner)) {
        const [, sub = '', op, value = ''] = FILTER.exec(inner) as RegExpExecArray;
        out.push({ filter: { path: sub.slice(1).split('.'), op: op as '==' | '!=', value: /^["']/.test(value) ? value.slice(1, -1) : value } });
      } else throw new Error(`invalid JSONPath ${path}: [${inner}] is neither an index, *, a quoted key nor a filter ?(@.field=="value")`);
      i = end + 1;
    } else throw new Error(`invalid JSONPath ${path}: unexpected "${c}" at ${i}`);
  }
  if (out.length === 0) throw new Error(`invalid JSONPath ${path}: empty`);
  return out;
}

/** The values a path selects in `obj` (none when a step is missing). */
export function evalJsonPath(obj: unknown, path: string): unknown[] {
  let current: unknown[] = [obj];
  for (const seg of parseJsonPath(path)) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== 'object') continue;
      if ('key' in seg) {
        const x = (v as Record<string, unknown>)[seg.key];
        if (x !== undefined) next.push(x);
      } else if ('index' in seg) {
        if (Array.isArray(v) && seg.index < v.length) next.push(v[seg.index]);
      } else if ('filter' in seg) {
        const { path: sub, op, value } = seg.filter;
        for (const el of Array.isArray(v) ? v : Object.values(v)) {
          let x: unknown = el;
          for (const k of sub) x = x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined;
          const text = x === undefined ? undefined : typeof x === 'string' ? x : JSON.stringify(x);
          if (op === '==' ? text === value : text !== value) next.push(el);
        }
      } else next.push(...(Array.isArray(v) ? v : Object.values(v)));
    }
    current = next;
  }
  return current;
}

/** The text kubectl's jsonpath prints for the values: strings as they are, other values as JSON, joined by a space. */
export function jsonPathText(values: unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ');
}
