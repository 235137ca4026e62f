/** Builders of the RBAC objects of the bootstrap policy: roles, bindings, subjects, labels. */
import type { PolicyRule, Role, RoleBinding, Subject } from '../../api/types';
import { rule } from './rules';

/** The RBAC API group. */
export const RBAC = 'rbac.authorization.k8s.io';

/** The label of every bootstrap RBAC object. */
export const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
/** The annotation that lets the API server reconcile a bootstrap object. */
export const AUTOUPDATE_ANNOTATIONS = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };

/** The rule of every component that records events, in both event APIs. */
export const eventsRule = (): PolicyRule => rule(['create', 'update', 'patch'], ['', 'events.k8s.io'], ['events']);

/** A group subject. */
export const group = (name: string): Subject => ({ apiGroup: RBAC, kind: 'Group', name });
/** A user subject. */
export const user = (name: string): Subject => ({ apiGroup: RBAC, kind: 'User', name });
/** A service account subject. */
export const serviceAccount = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', name, namespace });

/** A ClusterRole object. */
export function clusterRole(name: string, rules: PolicyRule[], extra: { labels?: Record<string, string>; aggregateFrom?: string } = {}): Role {
  const role: Role = { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: { name, labels: { ...BOOTSTRAP_LABELS, ...(extra.labels ?? {}) }, annotations: { ...AUTOUPDATE_ANNOTATIONS } }, rules };
  if (extra.aggregateFrom) role.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [`${RBAC}/${extra.aggregateFrom}`]: 'true' } }] };
  return role;
}

/** A ClusterRoleBinding object. */
export function clusterRoleBinding(name: string, roleName: string, subjects: Subject[], bootstrap = true): RoleBinding {
  const b: RoleBinding = { apiVersion: `${RBAC}/v1`, kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: roleName } };
  if (bootstrap) {
    b.metadata.labels = { ...BOOTSTRAP_LABELS };
    b.metadata.annotations = { ...AUTOUPDATE_ANNOTATIONS };
  }
  if (subjects.length > 0) b.subjects = subjects;
  return b;
}

