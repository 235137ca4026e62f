/**
 * Server-side printing: `meta.k8s.io/v1` Tables, as the API server returns them to
 * `kubectl get`. Each resource has a printer with its real columns (pkg/printers/internalversion).
 */
import type { KubeObject } from '../api/types';
import { rfc3339 } from '../api/duration';

/** metav1.TableColumnDefinition. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

/** metav1.TableRow. */
export interface TableRow {
  cells: unknown[];
  object?: unknown;
  conditions?: { type: string; status: string }[];
}

/** metav1.Table. */
export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

/** How a resource prints: its columns and one row of cells per object. */
export interface TablePrinter {
  columns: TableColumn[];
  /** The cells of one object (wide columns included); `now` is the cluster's time. */
  cells(obj: KubeObject, now: number): unknown[];
  /** Row conditions, e.g. Completed for finished pods (kubectl hides them unless -a). */
  conditions?(obj: KubeObject): { type: string; status: string }[] | undefined;
}

const descriptions = {
  name: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  age: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
};

/** A column definition (priority 1 = shown only with `-o wide`). */
export function column(name: string, type: TableColumn['type'], description: string, priority = 0, format = ''): TableColumn {
  return { name, type, format, description, priority };
}

/** The standard Name column. */
export const nameColumn = column('Name', 'string', descriptions.name, 0, 'name');
/** The standard Age column. */
export const ageColumn = column('Age', 'string', descriptions.age);

/** The printer for resources without their own: Name and Created At, as the API server's default. */
export const defaultPrinter: TablePrinter = {
  columns: [nameColumn, column('Created At', 'date', descriptions.age)],
  cells: (obj) => [obj.metadata.name ?? '', obj.metadata.creationTimestamp ?? rfc3339(0)],
};

/** The object embedded in a row, per `includeObject` (None, Metadata — the default — or Object). */
export function rowObject(obj: KubeObject, include: string): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** Builds a Table of `objects`. */
export function toTable(printer: TablePrinter, objects: KubeObject[], now: number, include: string, listMeta: Table['metadata'], noHeaders = false): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: noHeaders ? [] : printer.columns,
    rows: objects.map((o) => {
      const row: TableRow = { cells: printer.cells(o, now) };
      const conditions = printer.conditions?.(o);
      if (conditions) row.conditions = conditions;
      const embedded = rowObject(o, include);
      if (embedded !== undefined) row.object = embedded;
      return row;
    }),
  };
}
