/**
 * Schemas of authorization.k8s.io/v1: the access reviews `kubectl auth can-i` creates
 * (SelfSubjectAccessReview, SubjectAccessReview, LocalSubjectAccessReview,
 * SelfSubjectRulesReview) and their parts. Transcribed field for field from the Kubernetes
 * v1.32 API (k8s.io/api types and their OpenAPI), with descriptions and protobuf field numbers.
 */
import { arr, bool, def, gvk, map, obj, ref, str, type Definition, type Schema } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

const P = 'io.k8s.api.authorization.v1.';
const METADATA = ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata');
const atomic = (description: string): Schema => arr(str(), { description, listType: 'atomic' });

function review(kind: string, spec: string, specDoc: string, status: string, description: string): Definition {
  return def(
    `${P}${kind}`,
    obj(
      { apiVersion: API_VERSION, kind: KIND, metadata: METADATA, spec: ref(`${P}${spec}`, specDoc), status: ref(`${P}${status}`, 'Status is filled in by the server and indicates whether the request is allowed or not') },
      { description, required: ['spec'], proto: { tags: { metadata: 1, spec: 2, status: 3 } } },
    ),
    [gvk('authorization.k8s.io', 'v1', kind)],
  );
}

/** The definitions of authorization.k8s.io/v1 (and meta/v1's FieldSelectorRequirement, which only they use). */
export const authorizationV1Definitions: Definition[] = [
  def(
    'io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement',
    obj(
      {
        key: str('key is the field selector key that the requirement applies to.'),
        operator: str('operator represents a key\'s relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. The list of operators may grow in the future.'),
        values: atomic('values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty.'),
      },
      { description: 'FieldSelectorRequirement is a selector that contains values, a key, and an operator that relates the key and values.', required: ['key', 'operator'], proto: { tags: { key: 1, operator: 2, values: 3 } } },
    ),
  ),
  def(
    `${P}FieldSelectorAttributes`,
    obj(
      {
        rawSelector: str("rawSelector is the serialization of a field selector that would be included in a query parameter. Webhook implementations are encouraged to ignore rawSelector. The kube-apiserver's *SubjectAccessReview will parse the rawSelector as long as the requirements are not present."),
        requirements: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.FieldSelectorRequirement'), { description: 'requirements is the parsed interpretation of a field selector. All requirements must be met for a resource instance to match the selector. Webhook implementations should handle requirements, but how to handle them is up to the webhook. Since requirements can only limit the request, it is safe to authorize as unlimited request if the requirements are not understood.', listType: 'atomic' }),
      },
      { description: 'FieldSelectorAttributes indicates a field limited access.', proto: { tags: { rawSelector: 1, requirements: 2 }, omitEmpty: ['rawSelector'] } },
    ),
  ),
  def(
    `${P}LabelSelectorAttributes`,
    obj(
      {
        rawSelector: str("rawSelector is the serialization of a field selector that would be included in a query parameter. Webhook implementations are encouraged to ignore rawSelector. The kube-apiserver's *SubjectAccessReview will parse the rawSelector as long as the requirements are not present."),
        requirements: arr(ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement'), { description: 'requirements is the parsed interpretation of a label selector. All requirements must be met for a resource instance to match the selector. Webhook implementations should handle requirements, but how to handle them is up to the webhook. Since requirements can only limit the request, it is safe to authorize as unlimited request if the requirements are not understood.', listType: 'atomic' }),
      },
      { description: 'LabelSelectorAttributes indicates a label limited access.', proto: { tags: { rawSelector: 1, requirements: 2 }, omitEmpty: ['rawSelector'] } },
    ),
  ),
  review('LocalSubjectAccessReview', 'SubjectAccessReviewSpec', 'Spec holds information about the request being evaluated.  spec.namespace must be equal to the namespace you made the request against.  If empty, it is defaulted.', 'SubjectAccessReviewStatus', 'LocalSubjectAccessReview checks whether or not a user or group can perform an action in a given namespace. Having a namespace scoped resource makes it much easier to grant namespace scoped policy that includes permissions checking.'),
  def(
    `${P}NonResourceAttributes`,
    obj({ path: str('Path is the URL path of the request'), verb: str('Verb is the standard HTTP verb') }, { description: 'NonResourceAttributes includes the authorization attributes available for non-resource requests to the Authorizer interface', proto: { tags: { path: 1, verb: 2 }, omitEmpty: ['path', 'verb'] } }),
  ),
  def(
    `${P}NonResourceRule`,
    obj(
      {
        nonResourceURLs: atomic('NonResourceURLs is a set of partial urls that a user should have access to.  *s are allowed, but only as the full, final step in the path.  "*" means all.'),
        verbs: atomic('Verb is a list of kubernetes non-resource API verbs, like: get, post, put, delete, patch, head, options.  "*" means all.'),
      },
      { description: 'NonResourceRule holds information that describes a rule for the non-resource', required: ['verbs'], proto: { tags: { nonResourceURLs: 2, verbs: 1 } } },
    ),
  ),
  def(
    `${P}ResourceAttributes`,
    obj(
      {
        fieldSelector: ref(`${P}FieldSelectorAttributes`, 'fieldSelector describes the limitation on access based on field.  It can only limit access, not broaden it.\n\nThis field  is alpha-level. To use this field, you must enable the `AuthorizeWithSelectors` feature gate (disabled by default).'),
        group: str('Group is the API Group of the Resource.  "*" means all.'),
        labelSelector: ref(`${P}LabelSelectorAttributes`, 'labelSelector describes the limitation on access based on labels.  It can only limit access, not broaden it.\n\nThis field  is alpha-level. To use this field, you must enable the `AuthorizeWithSelectors` feature gate (disabled by default).'),
        name: str('Name is the name of the resource being requested for a "get" or deleted for a "delete". "" (empty) means all.'),
        namespace: str('Namespace is the namespace of the action being requested.  Currently, there is no distinction between no namespace and all namespaces "" (empty) is defaulted for LocalSubjectAccessReviews "" (empty) is empty for cluster-scoped resources "" (empty) means "all" for namespace scoped resources from a SubjectAccessReview or SelfSubjectAccessReview'),
        resource: str('Resource is one of the existing resource types.  "*" means all.'),
        subresource: str('Subresource is one of the existing resource types.  "" means none.'),
        verb: str('Verb is a kubernetes resource API verb, like: get, list, watch, create, update, delete, proxy.  "*" means all.'),
        version: str('Version is the API Version of the Resource.  "*" means all.'),
      },
      {
        description: 'ResourceAttributes includes the authorization attributes available for resource requests to the Authorizer interface',
        proto: { tags: { fieldSelector: 8, group: 3, labelSelector: 9, name: 7, namespace: 1, resource: 5, subresource: 6, verb: 2, version: 4 }, omitEmpty: ['group', 'name', 'namespace', 'resource', 'subresource', 'verb', 'version'] },
      },
    ),
  ),
  def(
    `${P}ResourceRule`,
    obj(
      {
        apiGroups: atomic('APIGroups is the name of the APIGroup that contains the resources.  If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed.  "*" means all.'),
        resourceNames: atomic('ResourceNames is an optional white list of names that the rule applies to.  An empty set means that everything is allowed.  "*" means all.'),
        resources: atomic('Resources is a list of resources this rule applies to.  "*" means all in the specified apiGroups.\n "*/foo" represents the subresource \'foo\' for all resources in the specified apiGroups.'),
        verbs: atomic('Verb is a list of kubernetes resource API verbs, like: get, list, watch, create, update, delete, proxy.  "*" means all.'),
      },
      { description: "ResourceRule is the list of actions the subject is allowed to perform on resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete.", required: ['verbs'], proto: { tags: { apiGroups: 2, resourceNames: 4, resources: 3, verbs: 1 } } },
    ),
  ),
  review('SelfSubjectAccessReview', 'SelfSubjectAccessReviewSpec', 'Spec holds information about the request being evaluated.  user and groups must be empty', 'SubjectAccessReviewStatus', 'SelfSubjectAccessReview checks whether or the current user can perform an action.  Not filling in a spec.namespace means "in all namespaces".  Self is a special case, because users should always be able to check whether they can perform an action'),
  def(
    `${P}SelfSubjectAccessReviewSpec`,
    obj(
      {
        nonResourceAttributes: ref(`${P}NonResourceAttributes`, 'NonResourceAttributes describes information for a non-resource access request'),
        resourceAttributes: ref(`${P}ResourceAttributes`, 'ResourceAuthorizationAttributes describes information for a resource access request'),
      },
      { description: 'SelfSubjectAccessReviewSpec is a description of the access request.  Exactly one of ResourceAuthorizationAttributes and NonResourceAuthorizationAttributes must be set', proto: { tags: { nonResourceAttributes: 2, resourceAttributes: 1 } } },
    ),
  ),
  review('SelfSubjectRulesReview', 'SelfSubjectRulesReviewSpec', 'Spec holds information about the request being evaluated.', 'SubjectRulesReviewStatus', 'SelfSubjectRulesReview enumerates the set of actions the current user can perform within a namespace. The returned list of actions may be incomplete depending on the server\'s authorization mode, and any errors experienced during the evaluation. SelfSubjectRulesReview should be used by UIs to show/hide actions, or to quickly let an end user reason about their permissions. It should NOT Be used by external systems to drive authorization decisions as this raises confused deputy, cache lifetime/revocation, and correctness concerns. SubjectAccessReview, and LocalAccessReview are the correct way to defer authorization decisions to the API server.'),
  def(`${P}SelfSubjectRulesReviewSpec`, obj({ namespace: str('Namespace to evaluate rules for. Required.') }, { description: 'SelfSubjectRulesReviewSpec defines the specification for SelfSubjectRulesReview.', proto: { tags: { namespace: 1 }, omitEmpty: ['namespace'] } })),
  review('SubjectAccessReview', 'SubjectAccessReviewSpec', 'Spec holds information about the request being evaluated', 'SubjectAccessReviewStatus', 'SubjectAccessReview checks whether or not a user or group can perform an action.'),
  def(
    `${P}SubjectAccessReviewSpec`,
    obj(
      {
        extra: map(arr(str()), 'Extra corresponds to the user.Info.GetExtra() method from the authenticator.  Since that is input to the authorizer it needs a reflection here.'),
        groups: atomic("Groups is the groups you're testing for."),
        nonResourceAttributes: ref(`${P}NonResourceAttributes`, 'NonResourceAttributes describes information for a non-resource access request'),
        resourceAttributes: ref(`${P}ResourceAttributes`, 'ResourceAuthorizationAttributes describes information for a resource access request'),
        uid: str('UID information about the requesting user.'),
        user: str('User is the user you\'re testing for. If you specify "User" but not "Groups", then is it interpreted as "What if User were not a member of any groups'),
      },
      { description: 'SubjectAccessReviewSpec is a description of the access request.  Exactly one of ResourceAuthorizationAttributes and NonResourceAuthorizationAttributes must be set', proto: { tags: { extra: 5, groups: 4, nonResourceAttributes: 2, resourceAttributes: 1, uid: 6, user: 3 }, omitEmpty: ['uid', 'user'] } },
    ),
  ),
  def(
    `${P}SubjectAccessReviewStatus`,
    obj(
      {
        allowed: bool('Allowed is required. True if the action would be allowed, false otherwise.'),
        denied: bool('Denied is optional. True if the action would be denied, otherwise false. If both allowed is false and denied is false, then the authorizer has no opinion on whether to authorize the action. Denied may not be true if Allowed is true.'),
        evaluationError: str('EvaluationError is an indication that some error occurred during the authorization check. It is entirely possible to get an error and be able to continue determine authorization status in spite of it. For instance, RBAC can be missing a role, but enough roles are still present and bound to reason about the request.'),
        reason: str('Reason is optional.  It indicates why a request was allowed or denied.'),
      },
      { description: 'SubjectAccessReviewStatus', required: ['allowed'], proto: { tags: { allowed: 1, denied: 4, evaluationError: 3, reason: 2 }, omitEmpty: ['denied', 'evaluationError', 'reason'] } },
    ),
  ),
  def(
    `${P}SubjectRulesReviewStatus`,
    obj(
      {
        evaluationError: str("EvaluationError can appear in combination with Rules. It indicates an error occurred during rule evaluation, such as an authorizer that doesn't support rule evaluation, and that ResourceRules and/or NonResourceRules may be incomplete."),
        incomplete: bool("Incomplete is true when the rules returned by this call are incomplete. This is most commonly encountered when an authorizer, such as an external authorizer, doesn't support rules evaluation."),
        nonResourceRules: arr(ref(`${P}NonResourceRule`), { description: "NonResourceRules is the list of actions the subject is allowed to perform on non-resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete.", listType: 'atomic' }),
        resourceRules: arr(ref(`${P}ResourceRule`), { description: "ResourceRules is the list of actions the subject is allowed to perform on resources. The list ordering isn't significant, may contain duplicates, and possibly be incomplete.", listType: 'atomic' }),
      },
      { description: "SubjectRulesReviewStatus contains the result of a rules check. This check can be incomplete depending on the set of authorizers the server is configured with and any errors experienced during evaluation. Because authorization rules are additive, if a rule appears in a list it's safe to assume the subject has that permission, even if that list is incomplete.", required: ['resourceRules', 'nonResourceRules', 'incomplete'], proto: { tags: { evaluationError: 4, incomplete: 3, nonResourceRules: 2, resourceRules: 1 }, omitEmpty: ['evaluationError'] } },
    ),
  ),
];
