/**
 * The API server's authorization stage, in kube-apiserver's filter order: the authenticated
 * user (requests without one are the server's own loopback calls, in `system:masters`), then
 * impersonation, then the authorizer on the request's attributes — and the review resources
 * that ask the same authorizer on a client's behalf.
 */
import type { Store } from '../../storage/store';
import type { ResourceDef } from '../registry';
import type { ApiRequest } from '../request';
import { requestAttributes } from './attributes';
import { Authorizer } from './authorizer';
import { impersonate } from './impersonation';
import { serveReview } from './reviews';
import { LOOPBACK_USER, type AuthUser } from './user';

/** Authorization of every request, over the stored RBAC policy. */
export class Auth {
  readonly authorizer: Authorizer;

  constructor(store: Store) {
    this.authorizer = new Authorizer(store);
  }

  /** The request as its effective user makes it; a 403 (or 400) Status error when it may not. */
  admit(req: ApiRequest): ApiRequest {
    const requester: AuthUser = req.user ?? LOOPBACK_USER;
    const user = impersonate(this.authorizer, req.headers, requester);
    this.authorizer.check(requestAttributes(req.method, req.path, req.query, user));
    return user === req.user ? req : { ...req, user };
  }

  /** Forgets the cached RBAC policy (after a write to it). */
  invalidate(): void {
    this.authorizer.rbac.invalidate();
  }

  /** Answers the POST of a review resource (undefined for other resources). */
  review(def: ResourceDef, method: string, namespace: string | undefined, body: () => Record<string, unknown>, user: AuthUser | undefined): { code: number; body: unknown } | undefined {
    return serveReview(this.authorizer, def, method, namespace, body, user ?? LOOPBACK_USER);
  }
}
