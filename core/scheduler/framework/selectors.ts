/**
 * Matching helpers the plugins share: metav1.LabelSelector (compiled once per pod), node
 * selector terms (component-helpers' nodeaffinity), and tolerations (v1helper).
 */
import type { LabelSelector, Node, Taint, Toleration } from '../../api/types';
import type { NodeSelector, NodeSelectorRequirement, NodeSelectorTerm } from './api';

/** A compiled label selector. */
export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

/** Matches nothing (a nil selector, as `metav1.LabelSelectorAsSelector(nil)`). */
export const MATCH_NOTHING: LabelMatcher = () => false;
/** Matches everything (an empty selector). */
export const MATCH_EVERYTHING: LabelMatcher = () => true;

/**
 * Compiles a metav1.LabelSelector: `undefined`/`null` matches nothing, `{}` matches everything.
 * `extra` are requirements added to it (matchLabelKeys).
 */
export function compileLabelSelector(sel: LabelSelector | null | undefined, extra: { key: string; operator: string; values?: string[] }[] = []): LabelMatcher {
  if (!sel) return MATCH_NOTHING;
  const reqs: { key: string; operator: string; values?: string[] }[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, operator: 'In', values: [value] });
  for (const r of sel.matchExpressions ?? []) reqs.push(r);
  reqs.push(...extra);
  if (reqs.length === 0) return MATCH_EVERYTHING;
  return (labels) => {
    const l = labels ?? {};
    for (const r of reqs) {
      const v = l[r.key];
      const has = v !== undefined;
      switch (r.operator) {
        case 'In':
          if (!has || !(r.values ?? []).includes(v)) return false;
          break;
        case 'NotIn':
          if (has && (r.values ?? []).includes(v)) return false;
          break;
        case 'Exists':
          if (!has) return false;
          break;
        case 'DoesNotExist':
          if (has) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  };
}

/** Whether a label set matches a plain `map[string]string` selector (a Service's, an RC's). */
export function matchesMap(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const [k, v] of Object.entries(selector)) if (labels?.[k] !== v) return false;
  return true;
}

function matchRequirement(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(value);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || !/^-?\d+$/.test(value) || (r.values ?? []).length !== 1) return false;
      const a = Number(value);
      const b = Number((r.values as string[])[0]);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** Whether a node matches one NodeSelectorTerm (an empty term matches nothing). */
export function matchesTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!matchRequirement(r, labels[r.key])) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false;
    if (!matchRequirement(r, node.metadata.name)) return false;
  }
  return true;
}

/** Whether a node matches a NodeSelector (any of its terms). */
export function matchesNodeSelector(sel: NodeSelector | null | undefined, node: Node): boolean {
  if (!sel) return true;
  for (const t of sel.nodeSelectorTerms ?? []) if (matchesTerm(t, node)) return true;
  return false;
}

/** Whether a toleration tolerates a taint (v1.Toleration.ToleratesTaint). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (!t.key) return false;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The first taint (among those `filter` keeps) that no toleration tolerates. */
export function findUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], filter: (t: Taint) => boolean): Taint | undefined {
  for (const taint of taints) {
    if (!filter(taint)) continue;
    let ok = false;
    for (const t of tolerations) {
      if (tolerates(t, taint)) {
        ok = true;
        break;
      }
    }
    if (!ok) return taint;
  }
  return undefined;
}
