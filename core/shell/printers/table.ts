/**
 * kubectl's human-readable printing of server-side Tables: upper-case headers, columns padded
 * like Go's tabwriter (3 spaces between columns), wide columns with `-o wide`, and a NAMESPACE
 * column in front when listing across namespaces.
 */
import type { Table } from '../../apiserver/table';

/** Options of the table printer. */
export interface PrintOptions {
  wide?: boolean;
  noHeaders?: boolean;
  /** Adds the NAMESPACE column (kubectl get -A). */
  withNamespace?: boolean;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '<none>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** kubectl's tabwriter settings: minimum cell width 6, padding 3. */
const MIN_WIDTH = 6;
const PADDING = 3;

/** Lays out rows of cells as kubectl's tabwriter does (the last column unpadded). */
export function layoutColumns(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length + PADDING, MIN_WIDTH)));
  return rows
    .map((row) => row.map((c, i) => (i === row.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - [...c].length))).join(''))
    .map((line) => `${line}\n`)
    .join('');
}

/** Prints a Table as `kubectl get` does. */
export function printTable(table: Table, options: PrintOptions = {}): string {
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => options.wide || c.priority === 0);
  const rows: string[][] = [];
  if (!options.noHeaders) {
    const header = cols.map(({ c }) => c.name.toUpperCase());
    rows.push(options.withNamespace ? ['NAMESPACE', ...header] : header);
  }
  for (const row of table.rows) {
    const cells = cols.map(({ i }) => cellText(row.cells[i]));
    if (options.withNamespace) {
      const ns = (row.object as { metadata?: { namespace?: string } } | undefined)?.metadata?.namespace ?? '';
      cells.unshift(ns);
    }
    rows.push(cells);
  }
  return layoutColumns(rows);
}
