import { describe, expect, it } from 'vitest';
import { column, type Table } from '../../apiserver/table';
import { layoutColumns, printTable } from './table';

function table(rows: { cells: unknown[]; ns?: string }[]): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {},
    columnDefinitions: [column('Name', 'string', ''), column('Ready', 'string', ''), column('Nominated Node', 'string', '', 1), column('Age', 'string', '')],
    rows: rows.map((r) => ({ cells: r.cells, object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: String(r.cells[0]), namespace: r.ns } } })),
  };
}

describe('layoutColumns', () => {
  it('pads each column to its widest cell plus 3 spaces, the last one not at all', () => {
    expect(layoutColumns([
      ['NAME', 'AGE'],
      ['a-long-name', '5s'],
    ])).toBe('NAME          AGE\na-long-name   5s\n');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(layoutColumns([
      ['😀😀😀', 'x'],
      ['abcd', 'y'],
    ])).toBe('😀😀😀    x\nabcd   y\n');
  });
});

describe('printTable', () => {
  const t = table([
    { cells: ['web', '1/1', 'n1', '5m'], ns: 'default' },
    { cells: ['database-0', '0/1', null, '10s'], ns: 'kube-system' },
  ]);

  it('upper-cases the headers and hides priority-1 columns', () => {
    expect(printTable(t)).toBe(['NAME         READY   AGE', 'web          1/1     5m', 'database-0   0/1     10s', ''].join('\n'));
  });

  it('shows priority-1 columns with wide, null cells as <none>', () => {
    expect(printTable(t, { wide: true })).toBe(
      ['NAME         READY   NOMINATED NODE   AGE', 'web          1/1     n1               5m', 'database-0   0/1     <none>           10s', ''].join('\n'),
    );
  });

  it('puts a NAMESPACE column in front from each row object', () => {
    expect(printTable(t, { withNamespace: true })).toBe(
      ['NAMESPACE     NAME         READY   AGE', 'default       web          1/1     5m', 'kube-system   database-0   0/1     10s', ''].join('\n'),
    );
  });

  it('leaves the headers out with noHeaders', () => {
    expect(printTable(t, { noHeaders: true })).toBe(['web          1/1   5m', 'database-0   0/1   10s', ''].join('\n'));
  });

  it('prints numbers and booleans as text', () => {
    expect(printTable(table([{ cells: ['abc', 123, true, false] }]), { wide: true, noHeaders: true })).toBe('abc   123   true   false\n');
  });

  it('prints only the header of an empty table', () => {
    expect(printTable(table([]))).toBe('NAME   READY   AGE\n');
  });
});
