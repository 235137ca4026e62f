/**
 * LIST: the objects of a resource under a prefix, filtered by the selectors, in pages
 * (`limit`/`continue`, with `remainingItemCount`), at the revision the ListOptions ask for, as a
 * List of the kind or as a Table.
 */
import type { KubeObject } from '../api/types';
import { expired } from '../api/status';
import { apiVersionOf, Registry, type ResourceDef } from './registry';
import { badRequest } from './patch/errors';
import { listRevision, type ListOptions } from './listOptions';
import type { ObjectStore } from './storeView';
import { toTable, type Table } from './table';
import { selection, selects } from './rest';

/** What a list reads: the resource's view of the store, the global revision, the clock and the typing of objects. */
export interface ListDeps {
  store: ObjectStore;
  keysWithPrefix(prefix: string): string[];
  /** The sorted keys whose object has `value` in an indexed field (`spec.nodeName` of pods); undefined when the field has no index. */
  keysByField?(field: string, value: string): string[] | undefined;
  currentRevision(): number;
  now(): number;
  typed(obj: KubeObject): KubeObject;
}

const CONTINUE_TOO_OLD = 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.';

/** Lists the objects of `def` under `namespace` (all namespaces when undefined). */
export function listObjects(deps: ListDeps, def: ResourceDef, namespace: string | undefined, query: Record<string, string>, opts: ListOptions, table: { include: string } | undefined): unknown {
  const sel = selection(def, query);
  const rv = listRevision(opts);
  const current = deps.currentRevision();
  if (opts.continue && opts.resourceVersion !== '' && opts.resourceVersion !== '0') throw badRequest('specifying resource version is not allowed when using continue');
  // An exact read of an older revision needs the history etcd keeps; KubeLab keeps only the present.
  if (opts.resourceVersionMatch === 'Exact' && rv < current) throw expired('The resourceVersion for the provided list is too old.');
  const limit = opts.limit > 0 ? opts.limit : 0;
  let startAfter = '';
  if (opts.continue) {
    const m = opts.continue.match(/^(\d+):(.*)$/);
    if (!m) throw badRequest(CONTINUE_TOO_OLD);
    startAfter = m[2] as string;
  }
  const prefix = Registry.keyPrefix(def, namespace);
  const items: KubeObject[] = [];
  let continueToken: string | undefined;
  let remaining = 0;
  // An equality on an indexed field reads only the keys the index has for it (the watch cache's indexers).
  let keys: string[] | undefined;
  for (const term of sel.fields) if (!keys && !term.negate) keys = deps.keysByField?.(term.field, term.value)?.filter((k) => k.startsWith(prefix));
  for (const key of keys ?? deps.keysWithPrefix(prefix)) {
    if (startAfter && key <= startAfter) continue;
    const obj = deps.store.get(key);
    if (!obj || !selects(def, sel, obj)) continue;
    if (limit > 0 && items.length >= limit) {
      remaining++;
      continue;
    }
    items.push(deps.typed(obj));
    if (limit > 0 && items.length === limit) continueToken = `${current}:${key}`;
  }
  const meta: Table['metadata'] = { resourceVersion: String(current) };
  if (remaining > 0 && continueToken) {
    meta.continue = continueToken;
    meta.remainingItemCount = remaining;
  }
  if (table) return toTable(def.printer, items, deps.now(), table.include, meta);
  return { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata: meta, items };
}
