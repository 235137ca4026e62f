/** coordination.k8s.io/v1 leases: validation and the HOLDER printer. */
import type { KubeObject, Lease } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn, type TablePrinter } from '../table';
import { nonNegative } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf } from './printing';

/** ValidateLease. */
export function validateLease(obj: KubeObject, errs: FieldErrors): void {
  validateObjectMeta(obj, true, errs);
  const spec = (obj as Lease).spec ?? {};
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds <= 0) errs.invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0');
  if (spec.leaseTransitions !== undefined) nonNegative(errs, 'spec.leaseTransitions', spec.leaseTransitions);
}

/** The lease printer (printLease). */
export const leasePrinter: TablePrinter = {
  columns: [
    nameColumn,
    column('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.'),
    ageColumn,
  ],
  cells: (obj, now) => [obj.metadata.name, (obj as Lease).spec?.holderIdentity ?? '', ageOf(obj, now)],
};

/** coordination.k8s.io/v1 leases. */
export const leases: ResourceDef = {
  group: 'coordination.k8s.io',
  version: 'v1',
  resource: 'leases',
  singular: 'lease',
  kind: 'Lease',
  namespaced: true,
  shortNames: [],
  categories: [],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [],
  schemaName: 'io.k8s.api.coordination.v1.Lease',
  printer: leasePrinter,
  validate: validateLease,
};
