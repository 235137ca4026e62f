/**
 * kubectl's `-o custom-columns=HEADER:PATH,...`: one column per spec, each cell the values the
 * path finds (Go's `%v`, several joined by a comma, none as `<none>`), laid out by the tabwriter.
 */
import { findValues } from './jsonpath';
import { layoutColumns } from './table';

/** A column spec. */
export interface CustomColumn {
  header: string;
  path: string;
}

/** Parses `NAME:.metadata.name,IMAGE:.spec.containers[*].image`; throws kubectl's error text. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new Error('error: custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: part.slice(colon + 1) };
  });
}

/** Go's `%v` of a decoded JSON value. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goValue(o[k])}`)
    .join(' ')}]`;
}

/** Prints objects with custom columns. */
export function printCustomColumns(columns: CustomColumn[], objects: unknown[], noHeaders: boolean): string {
  const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)];
  for (const o of objects) {
    rows.push(
      columns.map((c) => {
        const values = findValues(c.path, o);
        return values.length === 0 ? '<none>' : values.map(goValue).join(',');
      }),
    );
  }
  return layoutColumns(rows);
}
