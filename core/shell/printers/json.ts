/**
 * kubectl's JSON (`-o json`): Go's json.MarshalIndent of an unstructured object — keys sorted,
 * four-space indent, `<`, `>` and `&` escaped as `\u003c`, `\u003e`, `\u0026` — and a newline.
 */

function str(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}

function emit(v: unknown, indent: string, sorted = true): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const inner = `${indent}    `;
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[\n${v.map((x) => inner + emit(x, inner, sorted)).join(',\n')}\n${indent}]`;
  const o = v as Record<string, unknown>;
  const keys = sorted ? Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : Object.keys(o);
  return keys.length === 0 ? '{}' : `{\n${keys.map((k) => `${inner}${str(k)}: ${emit(o[k], inner, sorted)}`).join(',\n')}\n${indent}}`;
}

/**
 * A JSON value as kubectl's `-o json` prints it: keys sorted for what came from the server
 * (unstructured maps); `sorted: false` keeps the key order, for an object kubectl built itself
 * (a typed Go struct, printed in field order: `create ... --dry-run=client -o json`).
 */
export function toJson(v: unknown, sorted = true): string {
  return `${emit(v, '', sorted)}\n`;
}

/** Compact JSON as Go's json.Marshal writes it (sorted keys, HTML-escaped). */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${str(k)}:${goJson(o[k])}`)
    .join(',')}}`;
}
