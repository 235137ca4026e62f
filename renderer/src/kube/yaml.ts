// A small YAML writer for showing Kubernetes objects read-only (JSON values only: objects,
// arrays, strings, numbers, booleans, null), quoting strings the way kubectl's output would.

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:@ -]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/i;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    if (value !== '' && PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !value.includes(': ') && !value.includes(' #')) return value;
    return JSON.stringify(value);
  }
  return String(value);
}

function isEmpty(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
}

function emptyOf(value: unknown): string {
  return Array.isArray(value) ? '[]' : '{}';
}

function lines(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'object' && item !== null && !isEmpty(item)) {
        const nested: string[] = [];
        lines(item, `${indent}  `, nested);
        const first = nested[0] ?? '';
        out.push(`${indent}- ${first.slice(indent.length + 2)}`, ...nested.slice(1));
      } else out.push(`${indent}- ${isEmpty(item) ? emptyOf(item) : scalar(item)}`);
    }
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const k = scalar(key);
    if (typeof item === 'object' && item !== null && !isEmpty(item)) {
      out.push(`${indent}${k}:`);
      lines(item, Array.isArray(item) ? indent : `${indent}  `, out);
    } else out.push(`${indent}${k}: ${isEmpty(item) ? emptyOf(item) : scalar(item)}`);
  }
}

/** `value` as a YAML document. */
export function toYaml(value: unknown): string {
  if (typeof value !== 'object' || value === null) return `${scalar(value)}\n`;
  if (isEmpty(value)) return `${emptyOf(value)}\n`;
  const out: string[] = [];
  lines(value, '', out);
  return `${out.join('\n')}\n`;
}
