/**
 * The create-only review resources (pkg/registry/authorization and authentication): a POST of
 * a SelfSubjectAccessReview, SubjectAccessReview, LocalSubjectAccessReview or
 * SelfSubjectRulesReview is answered by the authorizer, and a SelfSubjectReview by the
 * authenticated user; nothing is stored. `kubectl auth can-i` and `kubectl auth whoami` use them.
 */
import { badRequest, invalid, methodNotAllowed, type StatusCause } from '../../api/status';
import type { KubeObject } from '../../api/types';
import { apiVersionOf, type ResourceDef } from '../registry';
import { defaultPrinter } from '../table';
import { nonResourceAttributes, resourceAttributes, type Attributes } from './attributes';
import type { Authorizer } from './authorizer';
import type { AuthUser } from './user';

type Obj = Record<string, unknown>;

const common = { version: 'v1', shortNames: [] as string[], categories: [] as string[], verbs: ['create'], subresources: [] as string[], printer: defaultPrinter };

function reviewDef(group: string, resource: string, kind: string, namespaced: boolean): ResourceDef {
  const pkg = group === 'authorization.k8s.io' ? 'authorization' : 'authentication';
  return { ...common, group, resource, singular: resource.slice(0, -1), kind, namespaced, schemaName: `io.k8s.api.${pkg}.v1.${kind}` };
}

/** authorization.k8s.io/v1 selfsubjectaccessreviews. */
export const selfsubjectaccessreviews = reviewDef('authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false);
/** authorization.k8s.io/v1 subjectaccessreviews. */
export const subjectaccessreviews = reviewDef('authorization.k8s.io', 'subjectaccessreviews', 'SubjectAccessReview', false);
/** authorization.k8s.io/v1 localsubjectaccessreviews. */
export const localsubjectaccessreviews = reviewDef('authorization.k8s.io', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', true);
/** authorization.k8s.io/v1 selfsubjectrulesreviews. */
export const selfsubjectrulesreviews = reviewDef('authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false);
/** authentication.k8s.io/v1 selfsubjectreviews. */
export const selfsubjectreviews = reviewDef('authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview', false);

/** The review resources, authentication.k8s.io first (kube-apiserver's group order). */
export const REVIEW_RESOURCES: ResourceDef[] = [selfsubjectreviews, localsubjectaccessreviews, selfsubjectaccessreviews, selfsubjectrulesreviews, subjectaccessreviews];

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function invalidReview(def: ResourceDef, causes: StatusCause[]): never {
  throw invalid(def.kind, def.group, '', causes);
}

/** The attributes a SubjectAccessReview spec asks about, 422 unless exactly one kind is given. */
function specAttributes(def: ResourceDef, spec: Obj, user: AuthUser): Attributes {
  const ra = spec['resourceAttributes'];
  const nra = spec['nonResourceAttributes'];
  const hasRa = isObject(ra);
  const hasNra = isObject(nra);
  if (hasRa && hasNra) invalidReview(def, [{ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(nra)}: cannot be specified in combination with resourceAttributes`, field: 'spec.nonResourceAttributes' }]);
  if (!hasRa && !hasNra) invalidReview(def, [{ reason: 'FieldValueInvalid', message: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified', field: 'spec.resourceAttributes' }]);
  if (hasRa) {
    return resourceAttributes(user, { verb: str(ra['verb']), group: str(ra['group']), version: str(ra['version']), resource: str(ra['resource']), subresource: str(ra['subresource']), name: str(ra['name']), namespace: str(ra['namespace']) });
  }
  return nonResourceAttributes(user, { verb: str((nra as Obj)['verb']), path: str((nra as Obj)['path']) });
}

function extraOf(v: unknown): Record<string, string[]> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [k, vals] of Object.entries(v)) out[k] = Array.isArray(vals) ? vals.map(String) : [];
  return out;
}

/** Answers the POST of a review resource; undefined for any other resource. */
export function serveReview(authorizer: Authorizer, def: ResourceDef, method: string, namespace: string | undefined, body: () => Obj, user: AuthUser): { code: number; body: unknown } | undefined {
  if (!REVIEW_RESOURCES.includes(def)) return undefined;
  if (method !== 'POST') throw methodNotAllowed();
  const obj = body();
  const av = obj['apiVersion'];
  const kind = obj['kind'];
  if (av !== undefined && av !== apiVersionOf(def)) throw badRequest(`the API version in the data (${String(av)}) does not match the expected API version (${apiVersionOf(def)})`);
  if (kind !== undefined && kind !== def.kind) throw badRequest(`the kind in the data (${String(kind)}) does not match the expected kind (${def.kind})`);
  const metadata: Obj = { ...(isObject(obj['metadata']) ? obj['metadata'] : {}), creationTimestamp: null };
  const spec: Obj = isObject(obj['spec']) ? { ...obj['spec'] } : {};
  const out: KubeObject = { kind: def.kind, apiVersion: apiVersionOf(def), metadata: metadata as KubeObject['metadata'] };
  if (def === selfsubjectreviews) {
    const info: Obj = {};
    if (user.name) info['username'] = user.name;
    if (user.uid) info['uid'] = user.uid;
    if (user.groups.length > 0) info['groups'] = user.groups;
    if (user.extra && Object.keys(user.extra).length > 0) info['extra'] = user.extra;
    return { code: 201, body: { ...out, status: { userInfo: info } } };
  }
  if (def === selfsubjectrulesreviews) {
    const ns = str(spec['namespace']);
    if (!ns) throw badRequest('no namespace on request');
    return { code: 201, body: { ...out, spec, status: authorizer.rulesFor(user, ns) } };
  }
  let subject = user;
  if (def === subjectaccessreviews || def === localsubjectaccessreviews) {
    const name = str(spec['user']);
    const groups = Array.isArray(spec['groups']) ? spec['groups'].map(String) : [];
    if (!name && groups.length === 0) invalidReview(def, [{ reason: 'FieldValueInvalid', message: 'Invalid value: "": at least one of user or group must be specified', field: 'spec.user' }]);
    subject = { name, groups };
    if (str(spec['uid'])) subject.uid = str(spec['uid']);
    const extra = extraOf(spec['extra']);
    if (extra) subject.extra = extra;
  }
  const attrs = specAttributes(def, spec, subject);
  if (def === localsubjectaccessreviews) {
    if (!namespace) throw badRequest('namespace is required on this type: ');
    if (isObject(spec['nonResourceAttributes'])) invalidReview(def, [{ reason: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(spec['nonResourceAttributes'])}: disallowed on this kind of request`, field: 'spec.nonResourceAttributes' }]);
    if (attrs.namespace && attrs.namespace !== namespace) throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace}`);
    attrs.namespace = namespace;
    (spec['resourceAttributes'] as Obj)['namespace'] = namespace;
    metadata['namespace'] = namespace;
  }
  const d = authorizer.authorize(attrs);
  const status: Obj = { allowed: d.decision === 'Allow' };
  if (d.decision === 'Deny') status['denied'] = true;
  if (d.reason) status['reason'] = d.reason;
  return { code: 201, body: { ...out, spec, status } };
}
