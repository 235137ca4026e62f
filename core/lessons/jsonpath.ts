/**
 * The small JSONPath subset lesson checks use, as kubectl's `-o jsonpath` writes it:
 * `{.status.readyReplicas}`, `.spec.template.spec.containers[0].image`,
 * `.metadata.labels.app`, `.metadata.annotations['deployment.kubernetes.io/revision']`,
 * `.spec.containers[*].image` (values joined by a space, as kubectl prints them).
 */

type Segment = { key: string } | { index: number } | { all: true };

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
      else throw new Error(`invalid JSONPath ${path}: [${inner}] is neither an index, * nor a quoted key`);
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
