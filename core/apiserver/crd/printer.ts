/**
 * The Table of custom resources (apiextensions-apiserver's table convertor): NAME, then one
 * column per `additionalPrinterColumns` entry of the version — or `Age` when it declares none —
 * each cell the first value its JSONPath finds: strings printed as JSONPath prints them (maps
 * and lists as JSON), integers, numbers and booleans as JSON values, dates as an age (`5m`), a
 * missing or mistyped value as an empty cell (`<none>` in kubectl).
 */
import { age } from '../../api/duration';
import type { CrdVersion, KubeObject } from '../../api/types';
import { column, nameColumn, type TableColumn, type TablePrinter } from '../table';
import { evaluateJsonPath, parseJsonPath, type JsonPath } from './jsonpath';

/** The description of metadata.creationTimestamp, which the default Age column carries. */
const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

type PrinterColumn = NonNullable<CrdVersion['additionalPrinterColumns']>[number];

/** The columns served when a version declares none (serveDefaultColumnsIfEmpty). */
export function defaultColumns(columns: PrinterColumn[] | undefined): PrinterColumn[] {
  if (columns && columns.length > 0) return columns;
  return [{ name: 'Age', type: 'date', description: CREATION_TIMESTAMP_DESCRIPTION, jsonPath: '.metadata.creationTimestamp' }];
}

/** Go's `%v` of a JSON number (ints as ints, floats in the shortest form). */
function goNumber(n: number): string {
  return String(n);
}

/** JSONPath's text of one value: scalars as text, maps and lists as compact JSON. */
function jsonPathText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null) return '<nil>';
  return JSON.stringify(v);
}

/** cellForJSONValue: the cell of a non-string column, or null when the value has another type. */
function cell(type: string, value: unknown, now: number): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'string':
      return jsonPathText(value);
    case 'date':
      if (typeof value !== 'string') return null;
      return Number.isNaN(Date.parse(value)) ? '<invalid>' : age(value, now);
    default:
      return null;
  }
}

/** The table printer of a CRD version's columns. */
export function customResourcePrinter(columns: PrinterColumn[] | undefined): TablePrinter {
  const served = defaultColumns(columns);
  const paths: (JsonPath | undefined)[] = served.map((c) => {
    try {
      return parseJsonPath(c.jsonPath);
    } catch {
      return undefined;
    }
  });
  const defs: TableColumn[] = [
    nameColumn,
    ...served.map((c) => column(c.name, c.type as TableColumn['type'], c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath}`, c.priority ?? 0, c.format ?? '')),
  ];
  return {
    columns: defs,
    cells(obj: KubeObject, now: number): unknown[] {
      const cells: unknown[] = [obj.metadata.name ?? ''];
      served.forEach((c, i) => {
        const path = paths[i];
        const found = path ? evaluateJsonPath(path, obj) : [];
        cells.push(found.length === 0 ? null : cell(c.type, found[0], now));
      });
      return cells;
    },
  };
}
