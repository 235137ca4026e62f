/**
 * rbac.authorization.k8s.io/v1 roles, clusterroles, rolebindings and clusterrolebindings:
 * subject and roleRef defaults, validation (path-segment names, rules, the roleRef that never
 * changes), and printing (roles use the default printer, as the real server does).
 */
import type { KubeObject, LabelSelector, PolicyRule, Role, RoleBinding, Subject } from '../../api/types';
import type { FieldErrors } from '../../api/validation';
import type { ResourceDef } from '../registry';
import { ageColumn, column, defaultPrinter, nameColumn, type TablePrinter } from '../table';
import { deepEqual, goQuote, invalidRaw, pathSegmentNameErrors } from './fields';
import { validateObjectMeta } from './meta';
import { ageOf } from './printing';
import { validateLabelSelector } from './selector';

/** The RBAC API group, also the apiGroup of User and Group subjects and of roleRefs. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

function validatePolicyRule(errs: FieldErrors, path: string, rule: PolicyRule, namespaced: boolean): void {
  if ((rule?.verbs ?? []).length === 0) errs.required(`${path}.verbs`, 'verbs must contain at least one value');
  const urls = rule?.nonResourceURLs ?? [];
  if (urls.length > 0) {
    const rendered = `[]string{${urls.map(goQuote).join(', ')}}`;
    if (namespaced) invalidRaw(errs, `${path}.nonResourceURLs`, rendered, 'namespaced rules cannot apply to non-resource URLs');
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0 || (rule.resourceNames ?? []).length > 0) invalidRaw(errs, `${path}.nonResourceURLs`, rendered, 'rules cannot apply to both regular resources and non-resource URLs');
    return;
  }
  if ((rule?.apiGroups ?? []).length === 0) errs.required(`${path}.apiGroups`, 'resource rules must supply at least one api group');
  if ((rule?.resources ?? []).length === 0) errs.required(`${path}.resources`, 'resource rules must supply at least one resource');
}

function validateRole(namespaced: boolean) {
  return (obj: KubeObject, errs: FieldErrors): void => {
    validateObjectMeta(obj, namespaced, errs, pathSegmentNameErrors);
    const role = obj as Role;
    (role.rules ?? []).forEach((r, i) => validatePolicyRule(errs, `rules[${i}]`, r, namespaced));
    (role.aggregationRule?.clusterRoleSelectors ?? []).forEach((s: LabelSelector, i: number) => validateLabelSelector(s, `aggregationRule.clusterRoleSelectors[${i}]`, errs));
  };
}

function validateSubject(errs: FieldErrors, path: string, s: Subject, namespaced: boolean): void {
  if (!s?.name) errs.required(`${path}.name`);
  switch (s?.kind) {
    case 'ServiceAccount':
      if (s.name) for (const m of pathSegmentNameErrors(s.name)) errs.invalid(`${path}.name`, s.name, m);
      if (s.apiGroup) errs.notSupported(`${path}.apiGroup`, s.apiGroup, ['']);
      if (!namespaced && !s.namespace) errs.required(`${path}.namespace`);
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errs.notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]);
      break;
    default:
      errs.notSupported(`${path}.kind`, s?.kind ?? '', ['ServiceAccount', 'User', 'Group']);
  }
}

function goRoleRef(r: RoleBinding['roleRef'] | undefined): string {
  return `rbac.RoleRef{APIGroup:${goQuote(r?.apiGroup ?? '')}, Kind:${goQuote(r?.kind ?? '')}, Name:${goQuote(r?.name ?? '')}}`;
}

function validateBinding(namespaced: boolean) {
  return (obj: KubeObject, errs: FieldErrors, old?: KubeObject): void => {
    validateObjectMeta(obj, namespaced, errs, pathSegmentNameErrors);
    const b = obj as RoleBinding;
    const ref = b.roleRef;
    if (ref?.apiGroup !== RBAC_GROUP) errs.notSupported('roleRef.apiGroup', ref?.apiGroup ?? '', [RBAC_GROUP]);
    const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
    if (!kinds.includes(ref?.kind ?? '')) errs.notSupported('roleRef.kind', ref?.kind ?? '', kinds);
    if (!ref?.name) errs.required('roleRef.name');
    else for (const m of pathSegmentNameErrors(ref.name)) errs.invalid('roleRef.name', ref.name, m);
    (b.subjects ?? []).forEach((s, i) => validateSubject(errs, `subjects[${i}]`, s, namespaced));
    if (old && !deepEqual(ref, (old as RoleBinding).roleRef)) invalidRaw(errs, 'roleRef', goRoleRef(ref), 'cannot change roleRef');
  };
}

/** SetDefaults_RoleBinding / _ClusterRoleBinding / _Subject: the RBAC group where it was left out. */
export function bindingDefaults(obj: KubeObject): void {
  const b = obj as RoleBinding;
  b.roleRef ??= { apiGroup: '', kind: '', name: '' };
  b.roleRef.apiGroup ||= RBAC_GROUP;
  for (const s of b.subjects ?? []) if (s && !s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
}

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts. */
export function subjectsStrings(subjects: Subject[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function bindingPrinter(what: string, roleRefDoc: string): TablePrinter {
  return {
    columns: [
      nameColumn,
      column('Role', 'string', roleRefDoc),
      ageColumn,
      column('Users', 'string', `Users in the ${what}`, 1),
      column('Groups', 'string', `Groups in the ${what}`, 1),
      column('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, 1),
    ],
    cells(obj, now) {
      const b = obj as RoleBinding;
      return [b.metadata.name, `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`, ageOf(b, now), ...subjectsStrings(b.subjects)];
    },
  };
}

const common = {
  group: RBAC_GROUP,
  version: 'v1',
  shortNames: [] as string[],
  categories: [] as string[],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  subresources: [] as string[],
};

/** rbac.authorization.k8s.io/v1 roles. */
export const roles: ResourceDef = { ...common, resource: 'roles', singular: 'role', kind: 'Role', namespaced: true, schemaName: 'io.k8s.api.rbac.v1.Role', printer: defaultPrinter, validate: validateRole(true) };

/** rbac.authorization.k8s.io/v1 clusterroles. */
export const clusterroles: ResourceDef = { ...common, resource: 'clusterroles', singular: 'clusterrole', kind: 'ClusterRole', namespaced: false, schemaName: 'io.k8s.api.rbac.v1.ClusterRole', printer: defaultPrinter, validate: validateRole(false) };

/** rbac.authorization.k8s.io/v1 rolebindings. */
export const rolebindings: ResourceDef = {
  ...common,
  resource: 'rolebindings',
  singular: 'rolebinding',
  kind: 'RoleBinding',
  namespaced: true,
  schemaName: 'io.k8s.api.rbac.v1.RoleBinding',
  printer: bindingPrinter('roleBinding', 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.'),
  defaults: bindingDefaults,
  validate: validateBinding(true),
};

/** rbac.authorization.k8s.io/v1 clusterrolebindings. */
export const clusterrolebindings: ResourceDef = {
  ...common,
  resource: 'clusterrolebindings',
  singular: 'clusterrolebinding',
  kind: 'ClusterRoleBinding',
  namespaced: false,
  schemaName: 'io.k8s.api.rbac.v1.ClusterRoleBinding',
  printer: bindingPrinter('clusterRoleBinding', 'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.'),
  defaults: bindingDefaults,
  validate: validateBinding(false),
};
