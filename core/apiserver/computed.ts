/**
 * Computed, read-only resources (`ResourceDef.list` / `get`, e.g. componentstatuses): nothing is
 * stored; GET and LIST answer the objects the resource computes now, with the request's label
 * and field selectors, `limit` and Tables — as kube-apiserver's componentstatuses REST does.
 */
import { notFound } from '../api/status';
import type { KubeObject } from '../api/types';
import { apiVersionOf, type ResourceDef } from './registry';
import { qr, selection, selects } from './rest';
import { toTable } from './table';

/** Whether a resource is computed rather than stored. */
export function isComputed(def: ResourceDef): boolean {
  return def.list !== undefined;
}

/** One computed object by name; 404 when there is none. */
export function computedGet(def: ResourceDef, name: string): KubeObject {
  const obj = def.get ? def.get(name) : def.list?.().find((o) => o.metadata.name === name);
  if (!obj) throw notFound(qr(def), name);
  return obj;
}

/** The LIST answer of a computed resource (a List, or a Table when one was asked for). */
export function computedList(def: ResourceDef, query: Record<string, string>, table: { include: string } | undefined, now: number): unknown {
  const sel = selection(def, query);
  const limit = query['limit'] ? Number.parseInt(query['limit'], 10) : 0;
  let items = (def.list?.() ?? []).filter((o) => selects(def, sel, o));
  if (limit > 0) items = items.slice(0, limit);
  // A computed list has no revision of its own: kube answers empty list metadata.
  const meta = {};
  if (table) return toTable(def.printer, items, now, table.include, meta);
  return { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: meta, items };
}
