/**
 * The authorizer chain of a kubeadm API server (`--authorization-mode=Node,RBAC`): the
 * privileged `system:masters` group is always allowed, the Node authorizer answers for kubelets,
 * then RBAC; the first Allow wins, and a request nobody allows gets kube's 403:
 * `pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"`.
 */
import { forbidden, type Status, type StatusError } from '../../api/status';
import type { PolicyRule } from '../../api/types';
import type { Store } from '../../storage/store';
import type { Attributes } from './attributes';
import { nodeRules } from './bootstrap';
import { RbacAuthorizer, aggregate, type Decision } from './rbac';
import { ruleAllows } from './rules';
import { SYSTEM_MASTERS, nodeOf, type AuthUser } from './user';

/** What a user may do in a namespace (a SelfSubjectRulesReview's status). */
export interface RulesReview {
  resourceRules: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
  incomplete: boolean;
  evaluationError?: string;
}

/** Resources the Node authorizer checks against its graph of what runs on the node. */
const NODE_GRAPH_RESOURCES = new Set(['secrets', 'configmaps', 'persistentvolumeclaims', 'persistentvolumes']);

const sanitize = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** responsewriters.forbiddenMessage. */
export function forbiddenMessage(a: Attributes): string {
  if (!a.resourceRequest) return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  if (a.namespace) return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup)} in the namespace ${JSON.stringify(a.namespace)}`;
  return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup)} at the cluster scope`;
}

/** apierrors.NewForbidden for a group/resource and name. */
export function forbiddenError(group: string, resource: string, name: string, message: string): StatusError {
  const qualified = resource ? (group ? `${resource}.${group}` : resource) : '';
  const text = !qualified ? `forbidden: ${message}` : name ? `${qualified} ${JSON.stringify(name)} is forbidden: ${message}` : `${qualified} is forbidden: ${message}`;
  const details: NonNullable<Status['details']> = {};
  if (name) details.name = name;
  if (group) details.group = group;
  if (resource) details.kind = resource;
  return forbidden(text, details);
}

/** responsewriters.Forbidden: the 403 of a denied request, with the authorizer's reason. */
export function forbiddenRequest(a: Attributes, reason: string): StatusError {
  const msg = sanitize(forbiddenMessage(a));
  return forbiddenError(a.apiGroup, a.resource, a.name, reason ? `${msg}: ${reason}` : msg);
}

/** The union of the privileged-groups, Node and RBAC authorizers. */
export class Authorizer {
  readonly rbac: RbacAuthorizer;
  private readonly node: PolicyRule[] = nodeRules();

  constructor(private readonly store: Store) {
    this.rbac = new RbacAuthorizer(store);
  }

  private nodeAuthorize(a: Attributes): Decision {
    const node = nodeOf(a.user);
    if (node === undefined) return { decision: 'NoOpinion', reason: '' };
    if (a.resourceRequest && a.apiGroup === '' && NODE_GRAPH_RESOURCES.has(a.resource) && !a.subresource) {
      if (a.verb === 'get' && a.name && this.podOnNodeReferences(node, a.namespace, a.resource, a.name)) return { decision: 'Allow', reason: '' };
      return { decision: 'NoOpinion', reason: `no relationship found between node '${node}' and this object` };
    }
    return this.node.some((r) => ruleAllows(a, r)) ? { decision: 'Allow', reason: '' } : { decision: 'NoOpinion', reason: '' };
  }

  /**
   * The Node authorizer's graph, walked on demand: whether a pod bound to `node` references the
   * secret, config map or claim (volumes, projected sources, env, envFrom, image pull secrets).
   */
  private podOnNodeReferences(node: string, namespace: string, resource: string, name: string): boolean {
    for (const pod of this.store.list(`/registry/core/pods/${namespace}/`).items) {
      const spec = (pod as { spec?: Record<string, unknown> }).spec;
      if (!spec || spec['nodeName'] !== node) continue;
      if (podReferences(spec, resource, name)) return true;
    }
    return false;
  }

  /** Authorizes: the first authorizer with an opinion decides; reasons of the others are joined. */
  authorize(a: Attributes): Decision {
    if (a.user.groups.includes(SYSTEM_MASTERS)) return { decision: 'Allow', reason: '' };
    const reasons: string[] = [];
    for (const d of [this.nodeAuthorize(a), this.rbac.authorize(a)]) {
      if (d.decision !== 'NoOpinion') return d;
      if (d.reason) reasons.push(d.reason);
    }
    return { decision: 'NoOpinion', reason: reasons.join('\n') };
  }

  /** Throws kube's 403 unless the request is allowed. */
  check(a: Attributes): void {
    const d = this.authorize(a);
    if (d.decision !== 'Allow') throw forbiddenRequest(a, d.reason);
  }

  /** RulesFor of the Node and RBAC rule resolvers (what `kubectl auth can-i --list` shows). */
  rulesFor(user: AuthUser, namespace: string): RulesReview {
    const out: RulesReview = { resourceRules: [], nonResourceRules: [], incomplete: false };
    const errors: string[] = [];
    if (nodeOf(user) !== undefined) {
      out.incomplete = true;
      errors.push('node authorizer does not support user rule resolution');
    }
    const { rules, errors: rbacErrors } = this.rbac.rulesFor(user, namespace);
    errors.push(...rbacErrors);
    for (const r of rules) {
      if ((r.resources ?? []).length > 0) {
        const rr: RulesReview['resourceRules'][number] = { verbs: r.verbs };
        if (r.apiGroups) rr.apiGroups = r.apiGroups;
        rr.resources = r.resources;
        if (r.resourceNames?.length) rr.resourceNames = r.resourceNames;
        out.resourceRules.push(rr);
      }
      if ((r.nonResourceURLs ?? []).length > 0) out.nonResourceRules.push({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs });
    }
    if (errors.length > 0) out.evaluationError = aggregate(errors);
    return out;
  }
}

/** Whether a pod spec references a secret, config map or claim by name (the Node authorizer's graph edges). */
function podReferences(spec: Record<string, unknown>, resource: string, name: string): boolean {
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const volumes = list(spec['volumes']);
  if (resource === 'persistentvolumeclaims') return volumes.some((v) => obj(v['persistentVolumeClaim'])['claimName'] === name);
  const key = resource === 'secrets' ? 'secret' : 'configMap';
  const field = resource === 'secrets' ? 'secretName' : 'name';
  if (resource === 'secrets' && list(spec['imagePullSecrets']).some((s) => s['name'] === name)) return true;
  for (const v of volumes) {
    if (obj(v[key])[field] === name) return true;
    if (list(obj(v['projected'])['sources']).some((s) => obj(s[key])['name'] === name)) return true;
  }
  const refKey = resource === 'secrets' ? 'secretKeyRef' : 'configMapKeyRef';
  const fromKey = resource === 'secrets' ? 'secretRef' : 'configMapRef';
  for (const c of [...list(spec['containers']), ...list(spec['initContainers']), ...list(spec['ephemeralContainers'])]) {
    if (list(c['env']).some((e) => obj(obj(e['valueFrom'])[refKey])['name'] === name)) return true;
    if (list(c['envFrom']).some((e) => obj(e[fromKey])['name'] === name)) return true;
  }
  return false;
}
