/**
 * The authorization attributes of a request, as k8s.io/apiserver's RequestInfoFactory derives
 * them from the method and path: a resource request (verb, API group and version, namespace,
 * resource, subresource, name) or a non-resource one (verb and path).
 */
import { queryBool } from '../listOptions';
import type { AuthUser } from './user';

/** authorizer.Attributes. */
export interface Attributes {
  user: AuthUser;
  verb: string;
  resourceRequest: boolean;
  /** The URL path (for non-resource requests). */
  path: string;
  namespace: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  name: string;
}

const SPECIAL_VERBS = new Set(['proxy', 'watch']);
const SPECIAL_VERBS_NO_SUBRESOURCES = new Set(['proxy']);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);
const PATH_SEGMENT_INVALID = /[/%]/;

function methodVerb(method: string): string {
  switch (method.toUpperCase()) {
    case 'POST':
      return 'create';
    case 'GET':
    case 'HEAD':
      return 'get';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      return '';
  }
}

/** The metadata.name a field selector requires exactly (`metadata.name=web`), if any. */
function exactName(fieldSelector: string | undefined): string | undefined {
  if (!fieldSelector) return undefined;
  for (const term of fieldSelector.split(',')) {
    const m = /^\s*metadata\.name\s*(==?)\s*(.*?)\s*$/.exec(term);
    if (m && m[2] !== undefined) return m[2];
  }
  return undefined;
}

/** The attributes of a request by `user` (RequestInfoFactory.NewRequestInfo). */
export function requestAttributes(method: string, path: string, query: Record<string, string>, user: AuthUser): Attributes {
  const attrs: Attributes = { user, verb: method.toLowerCase(), resourceRequest: false, path, namespace: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', name: '' };
  let parts = path.split('/').filter((p) => p !== '');
  if (parts.length < 3 || (parts[0] !== 'api' && parts[0] !== 'apis')) return attrs;
  const prefix = parts[0];
  parts = parts.slice(1);
  if (prefix === 'apis') {
    if (parts.length < 3) return attrs;
    attrs.apiGroup = parts[0] as string;
    parts = parts.slice(1);
  }
  attrs.resourceRequest = true;
  attrs.apiVersion = parts[0] as string;
  parts = parts.slice(1);
  if (SPECIAL_VERBS.has(parts[0] as string) && parts.length >= 2) {
    attrs.verb = parts[0] as string;
    parts = parts.slice(1);
  } else attrs.verb = methodVerb(method);
  if (parts[0] === 'namespaces' && parts.length > 1) {
    attrs.namespace = parts[1] as string;
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] as string)) parts = parts.slice(2);
  }
  if (parts.length >= 3 && !SPECIAL_VERBS_NO_SUBRESOURCES.has(attrs.verb)) attrs.subresource = parts[2] as string;
  if (parts.length >= 2) attrs.name = parts[1] as string;
  if (parts.length >= 1) attrs.resource = parts[0] as string;
  // A get without a name is a list or a watch; a list selecting one name authorizes as that name.
  if (!attrs.name && attrs.verb === 'get') {
    attrs.verb = queryBool(query['watch']) ? 'watch' : 'list';
    const name = exactName(query['fieldSelector']);
    if (name && !PATH_SEGMENT_INVALID.test(name) && name !== '.' && name !== '..') attrs.name = name;
  }
  if (!attrs.name && attrs.verb === 'delete') attrs.verb = 'deletecollection';
  return attrs;
}

/** The attributes of a resource check (a SubjectAccessReview's resourceAttributes). */
export function resourceAttributes(user: AuthUser, a: { verb?: string; group?: string; version?: string; resource?: string; subresource?: string; name?: string; namespace?: string }): Attributes {
  return {
    user,
    verb: a.verb ?? '',
    resourceRequest: true,
    path: '',
    namespace: a.namespace ?? '',
    apiGroup: a.group ?? '',
    apiVersion: a.version ?? '',
    resource: a.resource ?? '',
    subresource: a.subresource ?? '',
    name: a.name ?? '',
  };
}

/** The attributes of a non-resource check (a SubjectAccessReview's nonResourceAttributes). */
export function nonResourceAttributes(user: AuthUser, a: { verb?: string; path?: string }): Attributes {
  return { user, verb: a.verb ?? '', resourceRequest: false, path: a.path ?? '', namespace: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', name: '' };
}
