/**
 * ClusterRole aggregation (pkg/controller/clusterroleaggregation): a ClusterRole with an
 * `aggregationRule` gets the rules of every other ClusterRole its selectors match, in name
 * order, each rule once. Shared by the bootstrap policy and the aggregation controller.
 */
import type { PolicyRule, Role } from '../../api/types';
import { deepEqual } from '../patch/value';
import { selectorMatches } from '../resources/selector';

/** The rules `role` aggregates from `all` (undefined when it has no aggregation rule). */
export function aggregatedRules(role: Role, all: Role[]): PolicyRule[] | undefined {
  const selectors = role.aggregationRule?.clusterRoleSelectors;
  if (!selectors) return undefined;
  const out: PolicyRule[] = [];
  for (const selector of selectors) {
    const matching = all.filter((r) => r.metadata.name !== role.metadata.name && selectorMatches(selector, r.metadata.labels ?? {}));
    matching.sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0));
    for (const r of matching) for (const rule of r.rules ?? []) if (!out.some((o) => deepEqual(o, rule))) out.push(rule);
  }
  return out;
}

/** Fills the rules of every aggregated role of `roles`, in place, until nothing changes. */
export function aggregateAll(roles: Role[]): void {
  for (let pass = 0; pass < 5; pass++) {
    let changed = false;
    for (const r of roles) {
      const rules = aggregatedRules(r, roles);
      if (rules && !deepEqual(rules, r.rules ?? [])) {
        r.rules = rules;
        changed = true;
      }
    }
    if (!changed) return;
  }
}
