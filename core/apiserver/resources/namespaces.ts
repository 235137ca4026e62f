/** core/v1 namespaces: phase, the `kubernetes` finalizer, immortal namespaces, printing. */
import type { KubeObject, Namespace } from '../../api/types';
import { age } from '../../api/duration';
import { dns1123Label } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, nameColumn } from '../table';
import { validateObjectMeta } from './meta';

/** Namespaces the API server refuses to delete. */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** core/v1 namespaces. */
export const namespaces: ResourceDef = {
  group: '',
  version: 'v1',
  resource: 'namespaces',
  singular: 'namespace',
  kind: 'Namespace',
  namespaced: false,
  shortNames: ['ns'],
  categories: [],
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: ['status', 'finalize'],
  schemaName: 'io.k8s.api.core.v1.Namespace',
  printer: {
    columns: [nameColumn, column('Status', 'string', 'The status of the namespace'), ageColumn],
    cells: (obj: KubeObject, now: number) => [obj.metadata.name, (obj as Namespace).status?.phase ?? '', age(obj.metadata.creationTimestamp, now)],
  },
  defaults(obj) {
    const ns = obj as Namespace;
    ns.spec ??= {};
    ns.spec.finalizers ??= ['kubernetes'];
    // NamespaceDefaultLabelName: every namespace carries its own name as a label.
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? '' };
  },
  validate(obj, errs) {
    validateObjectMeta(obj, false, errs, dns1123Label);
  },
  prepareForCreate(obj) {
    (obj as Namespace).status = { phase: 'Active' };
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
    (obj as Namespace).spec = (old as Namespace).spec ?? {};
  },
  selectableFields(obj) {
    return { 'status.phase': (obj as Namespace).status?.phase ?? '' };
  },
};
