/**
 * Impersonation (k8s.io/apiserver endpoints/filters/impersonation.go): `Impersonate-User`,
 * `Impersonate-Group`, `Impersonate-Uid` and `Impersonate-Extra-<key>` headers — what
 * `kubectl --as` and `--as-group` send — replace the requesting user, once the requester is
 * allowed the `impersonate` verb on each users / groups / serviceaccounts / uids / userextras
 * it names. A service account user gets its fixed groups unless groups are given; every
 * impersonated user but `system:anonymous` is in `system:authenticated`.
 */
import { badRequest } from '../../api/status';
import type { Attributes } from './attributes';
import type { Authorizer } from './authorizer';
import { forbiddenRequest } from './authorizer';
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ANONYMOUS, serviceAccountGroups, serviceAccountUsername, splitServiceAccountUsername, type AuthUser } from './user';

interface ImpersonationRequest {
  kind: 'ServiceAccount' | 'User' | 'Group' | 'UserExtra' | 'UID';
  name: string;
  namespace?: string;
  /** The extra key of a UserExtra request. */
  key?: string;
}

/** The values of a header that may be sent several times (joined by `, ` on the way in). */
function values(headers: Record<string, string>, name: string): string[] {
  const v = headers[name];
  if (v === undefined || v === '') return [];
  return v.split(', ');
}

function describe(requests: ImpersonationRequest[]): string {
  return `[${requests.map((r) => `{${r.kind} ${r.namespace ?? ''} ${r.name}}`).join(' ')}]`;
}

/** buildImpersonationRequests. */
function impersonationRequests(headers: Record<string, string>): ImpersonationRequest[] {
  const out: ImpersonationRequest[] = [];
  let any = false;
  for (const header in headers) {
    if (header.startsWith('impersonate-')) {
      any = true;
      break;
    }
  }
  if (!any) return out;
  const requested = headers['impersonate-user'] ?? '';
  if (requested) {
    const sa = splitServiceAccountUsername(requested);
    out.push(sa ? { kind: 'ServiceAccount', namespace: sa.namespace, name: sa.name } : { kind: 'User', name: requested });
  }
  const groups = values(headers, 'impersonate-group');
  for (const g of groups) out.push({ kind: 'Group', name: g });
  let extras = false;
  for (const header of Object.keys(headers).sort()) {
    if (!header.startsWith('impersonate-extra-')) continue;
    extras = true;
    let key: string;
    try {
      key = decodeURIComponent(header.slice('impersonate-extra-'.length));
    } catch {
      throw badRequest(`invalid impersonation extra key in header ${header}`);
    }
    for (const v of values(headers, header)) out.push({ kind: 'UserExtra', name: v, key });
  }
  const uid = headers['impersonate-uid'] ?? '';
  if (uid) out.push({ kind: 'UID', name: uid });
  if ((groups.length > 0 || extras || uid) && !requested) throw badRequest(`requested ${describe(out)} without impersonating a user`);
  return out;
}

/** The user a request acts as: its own, or the one it impersonates (403 when not allowed to). */
export function impersonate(authorizer: Authorizer, headers: Record<string, string>, requester: AuthUser): AuthUser {
  const requests = impersonationRequests(headers);
  if (requests.length === 0) return requester;
  const groupsSpecified = values(headers, 'impersonate-group').length > 0;
  let username = '';
  let groups: string[] = [];
  const extra: Record<string, string[]> = {};
  let uid = '';
  for (const r of requests) {
    const a: Attributes = { user: requester, verb: 'impersonate', resourceRequest: true, path: '', namespace: r.namespace ?? '', apiGroup: '', apiVersion: 'v1', resource: '', subresource: '', name: r.name };
    switch (r.kind) {
      case 'ServiceAccount':
        a.resource = 'serviceaccounts';
        username = serviceAccountUsername(r.namespace ?? '', r.name);
        if (!groupsSpecified) groups = serviceAccountGroups(r.namespace ?? '');
        break;
      case 'User':
        a.resource = 'users';
        username = r.name;
        break;
      case 'Group':
        a.resource = 'groups';
        groups.push(r.name);
        break;
      case 'UserExtra':
        a.apiGroup = 'authentication.k8s.io';
        a.resource = 'userextras';
        a.subresource = r.key ?? '';
        (extra[r.key ?? ''] ??= []).push(r.name);
        break;
      case 'UID':
        a.apiGroup = 'authentication.k8s.io';
        a.resource = 'uids';
        uid = r.name;
        break;
    }
    const d = authorizer.authorize(a);
    if (d.decision !== 'Allow') throw forbiddenRequest(a, d.reason);
  }
  if (username !== ANONYMOUS) {
    if (!groups.includes(ALL_AUTHENTICATED) && !groups.includes(ALL_UNAUTHENTICATED)) groups.push(ALL_AUTHENTICATED);
  } else if (!groups.includes(ALL_UNAUTHENTICATED)) groups.push(ALL_UNAUTHENTICATED);
  const user: AuthUser = { name: username, groups };
  if (uid) user.uid = uid;
  if (Object.keys(extra).length > 0) user.extra = extra;
  return user;
}
