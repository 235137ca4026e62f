/**
 * The authorizer chain of a kubeadm API server (`--authorization-mode=Node,RBAC`): the
 * privileged `system:masters` group is always allowed, the Node authorizer answers for kubelets,
 * then RBAC; the first Allow wins, and a request nobody allows gets kube's 403:
 * `pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"`.
 */
import { forbidden, type Status, type StatusError } from '../../api/status';
import type { KubeObject, PolicyRule } from '../../api/types';
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
    store.addMultiIndex(NODE_GRAPH_INDEX, '/registry/core/pods/', podGraphEdges);
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
   * The Node authorizer's graph: whether a pod bound to `node` references the secret, config map
   * or claim (volumes, projected sources, env, envFrom, image pull secrets) — a store index of
   * the pods' edges, kept up to date by every write of a pod.
   */
  private podOnNodeReferences(node: string, namespace: string, resource: string, name: string): boolean {
    return this.store.hasIndexed(NODE_GRAPH_INDEX, graphEdge(node, resource, namespace, name));
  }

  /**
   * Decisions already made, by attributes, while the RBAC policy stays the same (its generation):
   * the same component asks the same question over and over. The Node authorizer's graph
   * questions are never cached (the graph changes with every pod).
   */
  private readonly decisions = new Map<string, Decision>();
  private decisionsOf = -1;
  private readonly names = new Map<string, boolean>();

  /** Authorizes: the first authorizer with an opinion decides; reasons of the others are joined. */
  authorize(a: Attributes): Decision {
    if (a.user.groups.includes(SYSTEM_MASTERS)) return { decision: 'Allow', reason: '' };
    if (a.resourceRequest && a.apiGroup === '' && NODE_GRAPH_RESOURCES.has(a.resource) && !a.subresource && nodeOf(a.user) !== undefined) return this.decide(a);
    if (this.decisionsOf !== this.rbac.generation || this.decisions.size > 10_000) {
      this.decisions.clear();
      this.names.clear();
      this.decisionsOf = this.rbac.generation;
    }
    const who = [a.user.name, a.user.groups.join('\u0001'), a.namespace].join('\u0000');
    const key = [who, a.verb, a.resourceRequest ? '' : a.path, a.apiGroup, a.resource, a.subresource, this.namesMatter(who, a) ? a.name : '*'].join('\u0000');
    const known = this.decisions.get(key);
    if (known) return { ...known };
    const d = this.decide(a);
    this.decisions.set(key, { ...d });
    return d;
  }

  /**
   * Whether a rule that applies to the user in the namespace lists resource names (`who`: the
   * user, its groups and the namespace): only then does the name of an object change a decision
   * (the Node authorizer's rules list none).
   */
  private namesMatter(who: string, a: Attributes): boolean {
    let matter = this.names.get(who);
    if (matter === undefined) {
      let found = false;
      this.rbac.visitRulesFor(a.user, a.namespace, (_source, rule) => {
        if ((rule?.resourceNames?.length ?? 0) > 0) found = true;
        return !found;
      });
      this.names.set(who, (matter = found));
    }
    return matter;
  }

  private decide(a: Attributes): Decision {
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

/** The store index of the Node authorizer's graph. */
const NODE_GRAPH_INDEX = 'node-authorizer|pod-edges';

/** One edge of the graph: a pod on `node` references `resource` `namespace/name`. */
function graphEdge(node: string, resource: string, namespace: string, name: string): string {
  return `${node}\u0000${resource}\u0000${namespace}\u0000${name}`;
}

/** The graph edges of a pod: the secrets, config maps and claims its spec names, if it is bound to a node. */
function podGraphEdges(pod: KubeObject): string[] {
  const spec = (pod as { spec?: Record<string, unknown> }).spec;
  const node = spec?.['nodeName'];
  if (!spec || typeof node !== 'string') return [];
  const namespace = pod.metadata.namespace ?? '';
  const out = new Set<string>();
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const edge = (resource: string, name: unknown) => {
    if (typeof name === 'string') out.add(graphEdge(node, resource, namespace, name));
  };
  for (const s of list(spec['imagePullSecrets'])) edge('secrets', s['name']);
  for (const v of list(spec['volumes'])) {
    edge('persistentvolumeclaims', obj(v['persistentVolumeClaim'])['claimName']);
    edge('secrets', obj(v['secret'])['secretName']);
    edge('configmaps', obj(v['configMap'])['name']);
    for (const src of list(obj(v['projected'])['sources'])) {
      edge('secrets', obj(src['secret'])['name']);
      edge('configmaps', obj(src['configMap'])['name']);
    }
  }
  for (const c of [...list(spec['containers']), ...list(spec['initContainers']), ...list(spec['ephemeralContainers'])]) {
    for (const e of list(c['env'])) {
      edge('secrets', obj(obj(e['valueFrom'])['secretKeyRef'])['name']);
      edge('configmaps', obj(obj(e['valueFrom'])['configMapKeyRef'])['name']);
    }
    for (const e of list(c['envFrom'])) {
      edge('secrets', obj(e['secretRef'])['name']);
      edge('configmaps', obj(e['configMapRef'])['name']);
    }
  }
  return [...out];
}
