/**
 * Schemas of authentication.k8s.io/v1: SelfSubjectReview (what `kubectl auth whoami` creates)
 * and UserInfo. Transcribed field for field from the Kubernetes v1.32 API (k8s.io/api types and
 * their OpenAPI), with descriptions and protobuf field numbers.
 */
import { arr, def, gvk, map, obj, ref, str, type Definition } from './dsl';
import { API_VERSION, KIND } from './meta-v1';

/** The definitions of authentication.k8s.io/v1. */
export const authenticationV1Definitions: Definition[] = [
  def(
    'io.k8s.api.authentication.v1.SelfSubjectReview',
    obj(
      {
        apiVersion: API_VERSION,
        kind: KIND,
        metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
        status: ref('io.k8s.api.authentication.v1.SelfSubjectReviewStatus', 'Status is filled in by the server with the user attributes.'),
      },
      { description: 'SelfSubjectReview contains the user information that the kube-apiserver has about the user making this request. When using impersonation, users will receive the user info of the user being impersonated.  If impersonation or request header authentication is used, any extra keys will have their case ignored and returned as lowercase.', proto: { tags: { metadata: 1, status: 2 } } },
    ),
    [gvk('authentication.k8s.io', 'v1', 'SelfSubjectReview')],
  ),
  def(
    'io.k8s.api.authentication.v1.SelfSubjectReviewStatus',
    obj({ userInfo: ref('io.k8s.api.authentication.v1.UserInfo', 'User attributes of the user making this request.') }, { description: 'SelfSubjectReviewStatus is filled by the kube-apiserver and sent back to a user.', proto: { tags: { userInfo: 1 } } }),
  ),
  def(
    'io.k8s.api.authentication.v1.UserInfo',
    obj(
      {
        extra: map(arr(str()), 'Any additional information provided by the authenticator.'),
        groups: arr(str(), { description: 'The names of groups this user is a part of.', listType: 'atomic' }),
        uid: str('A unique value that identifies this user across time. If this user is deleted and another user by the same name is added, they will have different UIDs.'),
        username: str('The name that uniquely identifies this user among all active users.'),
      },
      { description: 'UserInfo holds the information about the user needed to implement the user.Info interface.', proto: { tags: { extra: 4, groups: 3, uid: 2, username: 1 }, omitEmpty: ['uid', 'username'] } },
    ),
  ),
];
