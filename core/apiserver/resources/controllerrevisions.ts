/** apps/v1 controllerrevisions: validation (immutable data), the CONTROLLER / REVISION printer. */
import type { ControllerRevision, KubeObject } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { deepEqual, invalidRaw, nonNegative } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf, int } from './printing';

/** `statefulset.apps/web`: formatResourceName of the controlling owner (`<none>` without one). */
export function controllerName(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return '<none>';
  const slash = ref.apiVersion.indexOf('/');
  const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
  const gk = group ? `${ref.kind}.${group}` : ref.kind;
  return gk ? `${gk.toLowerCase()}/${ref.name}` : ref.name;
}

/** ValidateControllerRevision and, on update, the immutable data. */
export function validateControllerRevision(obj: KubeObject, errs: FieldErrors, old?: KubeObject): void {
  validateObjectMeta(obj, true, errs);
  const cr = obj as ControllerRevision;
  if (cr.data === undefined || cr.data === null) errs.required('data', 'data is mandatory');
  nonNegative(errs, 'revision', cr.revision ?? 0);
  if (old && !deepEqual(cr.data, (old as ControllerRevision).data)) invalidRaw(errs, 'data', 'runtime.RawExtension{...}', 'field is immutable');
}

/** The ControllerRevision printer (printControllerRevision). */
export const controllerRevisionPrinter: TablePrinter = {
  columns: [nameColumn, column('Controller', 'string', 'Controller of the object'), column('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'), ageColumn],
  cells: (obj, now) => [obj.metadata.name, controllerName(obj), int((obj as ControllerRevision).revision), ageOf(obj, now)],
};

/** apps/v1 controllerrevisions. */
export const controllerrevisions: ResourceDef = {
  group: 'apps',
  version: 'v1',
  resource: 'controllerrevisions',
  singular: 'controllerrevision',
  kind: 'ControllerRevision',
  namespaced: true,
  shortNames: [],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [],
  schemaName: 'io.k8s.api.apps.v1.ControllerRevision',
  printer: controllerRevisionPrinter,
  validate: validateControllerRevision,
};
