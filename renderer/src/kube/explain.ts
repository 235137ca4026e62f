// Pure helpers that turn the scheduler's Explanation into the explainer's table: one row per
// node (in the order the scheduler walked them), one column per Score plugin.
import type { Explanation, PluginScore } from './types';

/** One node's row. */
export interface ExplainRow {
  node: string;
  /** filtered: a Filter plugin rejected it; scored: it passed and was scored; feasible: it passed, no scoring was needed; skipped: not looked at. */
  outcome: 'filtered' | 'scored' | 'feasible' | 'skipped';
  filter?: { plugin: string; reasons: string[]; unresolvable: boolean };
  scores: Record<string, PluginScore>;
  total?: number;
  selected: boolean;
}

/** The Score plugins that scored any node, in their first appearance's order. */
export function scorePlugins(e: Explanation): string[] {
  const names: string[] = [];
  for (const v of e.verdicts) for (const name of Object.keys(v.scores ?? {})) if (!names.includes(name)) names.push(name);
  return names;
}

/** The table's rows: the nodes looked at, then those not evaluated. */
export function explainRows(e: Explanation): ExplainRow[] {
  const rows: ExplainRow[] = e.verdicts.map((v) => {
    const selected = v.node === e.selected;
    if (v.filteredBy) {
      const { plugin, reasons, unresolvable } = v.filteredBy;
      return { node: v.node, outcome: 'filtered', filter: { plugin, reasons, unresolvable }, scores: {}, selected };
    }
    if (v.scores) return { node: v.node, outcome: 'scored', scores: v.scores, ...(v.total === undefined ? {} : { total: v.total }), selected };
    return { node: v.node, outcome: 'feasible', scores: {}, selected };
  });
  for (const node of e.notEvaluated) rows.push({ node, outcome: 'skipped', scores: {}, selected: false });
  return rows;
}
