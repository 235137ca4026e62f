/**
 * Who a request is: the user names and groups Kubernetes gives meaning to (k8s.io/apiserver
 * authentication/user and serviceaccount), and the identity of a service account.
 */
import type { UserInfo } from '../request';

/** A user as the authorizer sees it: name, groups, and the optional uid and extra of user.Info. */
export interface AuthUser extends UserInfo {
  uid?: string;
  extra?: Record<string, string[]>;
}

/** The group every authenticated request is in. */
export const ALL_AUTHENTICATED = 'system:authenticated';
/** The group of unauthenticated requests. */
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
/** The user of unauthenticated requests. */
export const ANONYMOUS = 'system:anonymous';
/** The group the privileged-groups authorizer always allows. */
export const SYSTEM_MASTERS = 'system:masters';
/** The group of kubelets. */
export const NODES_GROUP = 'system:nodes';
/** The prefix of kubelet user names (`system:node:<node>`). */
export const NODE_USER_PREFIX = 'system:node:';
/** The group of every service account. */
export const ALL_SERVICE_ACCOUNTS = 'system:serviceaccounts';
/** The prefix of service account user names (`system:serviceaccount:<ns>:<name>`). */
export const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

/** The API server's own loopback identity, used for requests that carry no user (in-process callers). */
export const LOOPBACK_USER: AuthUser = { name: 'system:apiserver', groups: [SYSTEM_MASTERS, ALL_AUTHENTICATED] };

/** serviceaccount.MakeUsername: `system:serviceaccount:dev:robot`. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_PREFIX}${namespace}:${name}`;
}

/** serviceaccount.MakeGroupNames: the groups of a service account of `namespace`. */
export function serviceAccountGroups(namespace: string): string[] {
  return [ALL_SERVICE_ACCOUNTS, `${ALL_SERVICE_ACCOUNTS}:${namespace}`];
}

/** The user of a service account, as the token authenticator makes it. */
export function serviceAccountUser(namespace: string, name: string): AuthUser {
  return { name: serviceAccountUsername(namespace, name), groups: [...serviceAccountGroups(namespace), ALL_AUTHENTICATED] };
}

/** serviceaccount.SplitUsername: the namespace and name of a service account user, if it is one. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** The node a kubelet user acts for (`system:node:kind-worker` in `system:nodes`), if it is one. */
export function nodeOf(user: AuthUser): string | undefined {
  if (!user.groups.includes(NODES_GROUP) || !user.name.startsWith(NODE_USER_PREFIX)) return undefined;
  const node = user.name.slice(NODE_USER_PREFIX.length);
  return node || undefined;
}
