/**
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac and pkg/registry/rbac/validation's
 * DefaultRuleResolver): the rules that apply to a user in a namespace come from every
 * ClusterRoleBinding and every RoleBinding of that namespace naming the user, one of its groups
 * or its service account; a binding whose role is missing contributes an error instead, which
 * becomes the `RBAC: ...` reason of a denial. Reads the stored RBAC objects through a snapshot
 * that is rebuilt when any of them changes.
 */
import type { PolicyRule, Role, RoleBinding, Subject } from '../../api/types';
import type { Store, StoreWatch } from '../../storage/store';
import { Registry } from '../registry';
import { clusterrolebindings, clusterroles, rolebindings, roles } from '../resources/rbac';
import type { Attributes } from './attributes';
import { ruleAllows } from './rules';
import { serviceAccountUsername, type AuthUser } from './user';

/** An authorizer's answer (authorizer.Decision with its reason). */
export interface Decision {
  decision: 'Allow' | 'Deny' | 'NoOpinion';
  reason: string;
}

/** Visits each rule (with the binding it came from) or error; returning false stops the visit. */
export type RuleVisitor = (source: string | undefined, rule: PolicyRule | undefined, error: string | undefined) => boolean;

interface Snapshot {
  clusterRoles: Map<string, Role>;
  roles: Map<string, Role>;
  clusterRoleBindings: RoleBinding[];
  roleBindings: Map<string, RoleBinding[]>;
}

/** utilerrors.NewAggregate(...).Error(): one message, or `[a, b]`. */
export function aggregate(errors: string[]): string {
  return errors.length === 1 ? (errors[0] as string) : `[${errors.join(', ')}]`;
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}

/** appliesToUser: whether a binding subject names the user. */
export function appliesTo(user: AuthUser, s: Subject, namespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return user.name === s.name;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || namespace;
      return ns !== '' && user.name === serviceAccountUsername(ns, s.name);
    }
    default:
      return false;
  }
}

/** The rule resolver and authorizer over the stored RBAC objects. */
export class RbacAuthorizer {
  private snapshot: Snapshot | undefined;
  private readonly watches: StoreWatch[] = [];

  constructor(private readonly store: Store) {
    for (const def of [roles, rolebindings, clusterroles, clusterrolebindings]) {
      this.watches.push(store.watch(Registry.keyPrefix(def), store.currentRevision(), () => this.invalidate()));
    }
  }

  /** Counts the snapshots dropped: a cache of decisions made on one is good while this stays. */
  generation = 0;

  /** Drops the snapshot: the next check reads the store again. */
  invalidate(): void {
    this.snapshot = undefined;
    this.generation++;
  }

  /** Stops following the store. */
  stop(): void {
    for (const w of this.watches) w.stop();
  }

  private read(): Snapshot {
    if (this.snapshot) return this.snapshot;
    const s: Snapshot = { clusterRoles: new Map(), roles: new Map(), clusterRoleBindings: [], roleBindings: new Map() };
    for (const o of this.store.list(Registry.keyPrefix(clusterroles)).items) s.clusterRoles.set(o.metadata.name ?? '', o as Role);
    for (const o of this.store.list(Registry.keyPrefix(roles)).items) s.roles.set(`${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`, o as Role);
    s.clusterRoleBindings = this.store.list(Registry.keyPrefix(clusterrolebindings)).items as RoleBinding[];
    for (const o of this.store.list(Registry.keyPrefix(rolebindings)).items as RoleBinding[]) {
      const ns = o.metadata.namespace ?? '';
      const list = s.roleBindings.get(ns) ?? [];
      list.push(o);
      s.roleBindings.set(ns, list);
    }
    this.snapshot = s;
    return s;
  }

  /** GetRoleReferenceRules: the rules of a binding's role, or the lister's NotFound message. */
  private roleRules(s: Snapshot, ref: RoleBinding['roleRef'], bindingNamespace: string): PolicyRule[] | string {
    if (ref.kind === 'Role') {
      const role = s.roles.get(`${bindingNamespace}/${ref.name}`);
      return role ? (role.rules ?? []) : `role.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    }
    if (ref.kind === 'ClusterRole') {
      const role = s.clusterRoles.get(ref.name);
      return role ? (role.rules ?? []) : `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    }
    return `unsupported role reference kind: ${JSON.stringify(ref.kind)}`;
  }

  /** VisitRulesFor: cluster role bindings first, then the role bindings of `namespace`. */
  visitRulesFor(user: AuthUser, namespace: string, visit: RuleVisitor): void {
    const s = this.read();
    const walk = (bindings: RoleBinding[], ns: string, what: string): boolean => {
      for (const b of bindings) {
        const subject = (b.subjects ?? []).find((sub) => appliesTo(user, sub, ns));
        if (!subject) continue;
        const rules = this.roleRules(s, b.roleRef, ns);
        if (typeof rules === 'string') {
          if (!visit(undefined, undefined, rules)) return false;
          continue;
        }
        const name = ns ? `${b.metadata.name ?? ''}/${ns}` : (b.metadata.name ?? '');
        const source = `${what} ${JSON.stringify(name)} of ${b.roleRef.kind} ${JSON.stringify(b.roleRef.name)} to ${describeSubject(subject, ns)}`;
        for (const r of rules) if (!visit(source, r, undefined)) return false;
      }
      return true;
    };
    if (!walk(s.clusterRoleBindings, '', 'ClusterRoleBinding')) return;
    if (namespace) walk(s.roleBindings.get(namespace) ?? [], namespace, 'RoleBinding');
  }

  /** RulesFor: every rule that applies, and the errors met. */
  rulesFor(user: AuthUser, namespace: string): { rules: PolicyRule[]; errors: string[] } {
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    this.visitRulesFor(user, namespace, (_s, r, e) => {
      if (r) rules.push(r);
      if (e) errors.push(e);
      return true;
    });
    return { rules, errors };
  }

  /** Authorize: Allow with `RBAC: allowed by ...`, or no opinion with the errors as the reason. */
  authorize(a: Attributes): Decision {
    let allowedBy: string | undefined;
    const errors: string[] = [];
    this.visitRulesFor(a.user, a.namespace, (source, r, e) => {
      if (r && ruleAllows(a, r)) {
        allowedBy = source;
        return false;
      }
      if (e) errors.push(e);
      return true;
    });
    if (allowedBy !== undefined) return { decision: 'Allow', reason: `RBAC: allowed by ${allowedBy}` };
    return { decision: 'NoOpinion', reason: errors.length > 0 ? `RBAC: ${aggregate(errors)}` : '' };
  }
}
