/**
 * Schemas of rbac.authorization.k8s.io/v1: Role, ClusterRole, RoleBinding, ClusterRoleBinding.
 * Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and their
 * OpenAPI), with descriptions, required fields and strategic-merge metadata.
 */
import { arr, def, gvk, obj, ref, str, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of rbac.authorization.k8s.io/v1. */
export const rbacV1Definitions: Definition[] = [
  def(
    'io.k8s.api.rbac.v1.AggregationRule',
    obj(
      {
        clusterRoleSelectors: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'), { description: 'ClusterRoleSelectors holds a list of selectors which will be used to find ClusterRoles and create the rules. If any of the selectors match, then the ClusterRole\'s permissions will be added', listType: 'atomic' }),
      },
      { description: 'AggregationRule describes how to locate ClusterRoles to aggregate into the ClusterRole', proto: { tags: { clusterRoleSelectors: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.rbac.v1.ClusterRole',
    obj(
      {
        aggregationRule: ref('io.k8s.api.rbac.v1.AggregationRule', 'AggregationRule is an optional field that describes how to build the Rules for this ClusterRole. If AggregationRule is set, then the Rules are controller managed and direct changes to Rules will be stomped by the controller.'),
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata.'),
        rules: arr(ref('io.k8s.api.rbac.v1.PolicyRule'), { description: 'Rules holds all the PolicyRules for this ClusterRole', listType: 'atomic' }),
      },
      { description: 'ClusterRole is a cluster level, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding or ClusterRoleBinding.', proto: { tags: { aggregationRule: 3, metadata: 1, rules: 2 } } },
    ),
    [gvk('rbac.authorization.k8s.io', 'v1', 'ClusterRole')],
  ),
  def(
    'io.k8s.api.rbac.v1.ClusterRoleBinding',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata.'),
        roleRef: ref('io.k8s.api.rbac.v1.RoleRef', 'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.'),
        subjects: arr(ref('io.k8s.api.rbac.v1.Subject'), { description: 'Subjects holds references to the objects the role applies to.', listType: 'atomic' }),
      },
      { description: 'ClusterRoleBinding references a ClusterRole, but not contain it.  It can reference a ClusterRole in the global namespace, and adds who information via Subject.', required: ['roleRef'], proto: { tags: { metadata: 1, roleRef: 3, subjects: 2 } } },
    ),
    [gvk('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding')],
  ),
  def(
    'io.k8s.api.rbac.v1.ClusterRoleBindingList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.rbac.v1.ClusterRoleBinding'), { description: 'Items is a list of ClusterRoleBindings' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard object\'s metadata.'),
      },
      { description: 'ClusterRoleBindingList is a collection of ClusterRoleBindings', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBindingList')],
  ),
  def(
    'io.k8s.api.rbac.v1.ClusterRoleList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.rbac.v1.ClusterRole'), { description: 'Items is a list of ClusterRoles' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard object\'s metadata.'),
      },
      { description: 'ClusterRoleList is a collection of ClusterRoles', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('rbac.authorization.k8s.io', 'v1', 'ClusterRoleList')],
  ),
  def(
    'io.k8s.api.rbac.v1.PolicyRule',
    obj(
      {
        apiGroups: arr(str(), { description: 'APIGroups is the name of the APIGroup that contains the resources.  If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed. "" represents the core API group and "*" represents all API groups.', listType: 'atomic' }),
        nonResourceURLs: arr(str(), { description: 'NonResourceURLs is a set of partial urls that a user should have access to.  *s are allowed, but only as the full, final step in the path Since non-resource URLs are not namespaced, this field is only applicable for ClusterRoles referenced from a ClusterRoleBinding. Rules can either apply to API resources (such as "pods" or "secrets") or non-resource URL paths (such as "/api"),  but not both.', listType: 'atomic' }),
        resourceNames: arr(str(), { description: 'ResourceNames is an optional white list of names that the rule applies to.  An empty set means that everything is allowed.', listType: 'atomic' }),
        resources: arr(str(), { description: 'Resources is a list of resources this rule applies to. \'*\' represents all resources.', listType: 'atomic' }),
        verbs: arr(str(), { description: 'Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. \'*\' represents all verbs.', listType: 'atomic' }),
      },
      { description: 'PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.', required: ['verbs'], proto: { tags: { apiGroups: 2, nonResourceURLs: 5, resourceNames: 4, resources: 3, verbs: 1 } } },
    ),
  ),
  def(
    'io.k8s.api.rbac.v1.Role',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata.'),
        rules: arr(ref('io.k8s.api.rbac.v1.PolicyRule'), { description: 'Rules holds all the PolicyRules for this Role', listType: 'atomic' }),
      },
      { description: 'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.', proto: { tags: { metadata: 1, rules: 2 } } },
    ),
    [gvk('rbac.authorization.k8s.io', 'v1', 'Role')],
  ),
  def(
    'io.k8s.api.rbac.v1.RoleBinding',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard object\'s metadata.'),
        roleRef: ref('io.k8s.api.rbac.v1.RoleRef', 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.'),
        subjects: arr(ref('io.k8s.api.rbac.v1.Subject'), { description: 'Subjects holds references to the objects the role applies to.', listType: 'atomic' }),
      },
      { description: 'RoleBinding references a role, but does not contain it.  It can reference a Role in the same namespace or a ClusterRole in the global namespace. It adds who information via Subjects and namespace information by which namespace it exists in.  RoleBindings in a given namespace only have effect in that namespace.', required: ['roleRef'], proto: { tags: { metadata: 1, roleRef: 3, subjects: 2 } } },
    ),
    [gvk('rbac.authorization.k8s.io', 'v1', 'RoleBinding')],
  ),
  def(
    'io.k8s.api.rbac.v1.RoleBindingList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.rbac.v1.RoleBinding'), { description: 'Items is a list of RoleBindings' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard object\'s metadata.'),
      },
      { description: 'RoleBindingList is a collection of RoleBindings', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('rbac.authorization.k8s.io', 'v1', 'RoleBindingList')],
  ),
  def(
    'io.k8s.api.rbac.v1.RoleList',
    obj(
      {
        apiVersion: API_VERSION,
        items: arr(ref('io.k8s.api.rbac.v1.Role'), { description: 'Items is a list of Roles' }),
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta', 'Standard object\'s metadata.'),
      },
      { description: 'RoleList is a collection of Roles', required: ['items'], proto: { tags: { items: 2, metadata: 1 } } },
    ),
    [gvk('rbac.authorization.k8s.io', 'v1', 'RoleList')],
  ),
  def(
    'io.k8s.api.rbac.v1.RoleRef',
    obj(
      {
        apiGroup: str('APIGroup is the group for the resource being referenced'),
        kind: str('Kind is the type of resource being referenced'),
        name: str('Name is the name of resource being referenced'),
      },
      { description: 'RoleRef contains information that points to the role being used', required: ['apiGroup', 'kind', 'name'], mapType: 'atomic', proto: { tags: { apiGroup: 1, kind: 2, name: 3 } } },
    ),
  ),
  def(
    'io.k8s.api.rbac.v1.Subject',
    obj(
      {
        apiGroup: str('APIGroup holds the API group of the referenced subject. Defaults to "" for ServiceAccount subjects. Defaults to "rbac.authorization.k8s.io" for User and Group subjects.'),
        kind: str('Kind of object being referenced. Values defined by this API group are "User", "Group", and "ServiceAccount". If the Authorizer does not recognized the kind value, the Authorizer should report an error.'),
        name: str('Name of the object being referenced.'),
        namespace: str('Namespace of the referenced object.  If the object kind is non-namespace, such as "User" or "Group", and this value is not empty the Authorizer should report an error.'),
      },
      { description: 'Subject contains a reference to the object or user identities a role binding applies to.  This can either hold a direct API object reference, or a value for non-objects such as user and group names.', required: ['kind', 'name'], mapType: 'atomic', proto: { tags: { apiGroup: 2, kind: 1, name: 3, namespace: 4 }, omitEmpty: ['apiGroup', 'namespace'] } },
    ),
  ),
];
