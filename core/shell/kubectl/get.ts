/**
 * `kubectl get`: the server's Tables for the human formats (with `-o wide`, `-A`'s NAMESPACE
 * column, `--show-labels`, `-L`, `--sort-by`, `--no-headers`, the `kind/` prefix when several
 * types are printed), plain objects for yaml/json/name/jsonpath/custom-columns, `-w` and
 * `--watch-only` streaming until the server ends the watch or Ctrl-C aborts it.
 */
import type { KubeObject } from '../../api/types';
import type { Table, TableRow } from '../../apiserver/table';
import { parseOutputWith, printObjects, type OutputFormat } from '../printers/output';
import { findValues } from '../printers/jsonpath';
import { layoutColumns } from '../printers/table';
import { TABLE_ACCEPT } from '../types';
import type { Kubectl } from './context';
import { kindPrefix, resourcePath, type ApiType } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags, type FlagSpecs } from './flags';
import { fetchObject, listObjects, selectResources, singleItem, type Selection } from './resources';

/** The flags of `kubectl get`. */
export const GET_FLAGS: FlagSpecs = {
  output: { kind: 'string', short: 'o' },
  'all-namespaces': { kind: 'bool', short: 'A' },
  selector: { kind: 'string', short: 'l' },
  'field-selector': { kind: 'string' },
  'show-labels': { kind: 'bool' },
  'label-columns': { kind: 'strings', short: 'L' },
  'sort-by': { kind: 'string' },
  'no-headers': { kind: 'bool' },
  watch: { kind: 'bool', short: 'w' },
  'watch-only': { kind: 'bool' },
  'chunk-size': { kind: 'int' },
  'ignore-not-found': { kind: 'bool' },
  'show-kind': { kind: 'bool' },
  'show-managed-fields': { kind: 'bool' },
  'output-watch-events': { kind: 'bool' },
  raw: { kind: 'string' },
  filename: { kind: 'strings', short: 'f' },
  recursive: { kind: 'bool', short: 'R' },
  'allow-missing-template-keys': { kind: 'bool' },
  template: { kind: 'string' },
  subresource: { kind: 'string' },
};

const NO_TYPE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples';

interface Printed {
  type: ApiType;
  table: Table;
}

function labelsText(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((key) => `${key}=${labels?.[key] ?? ''}`).join(',');
}

function rowMeta(row: TableRow): KubeObject['metadata'] {
  return ((row.object as KubeObject | undefined)?.metadata ?? {}) as KubeObject['metadata'];
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '<none>';
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** Prints the tables of get as kubectl's human printer does. */
function humanRows(printed: Printed, opts: { wide: boolean; withNamespace: boolean; withKind: boolean; showLabels: boolean; labelColumns: string[] }, headers: boolean): string[][] {
  const { table, type } = printed;
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || c.priority === 0);
  const rows: string[][] = [];
  const withNs = opts.withNamespace && type.namespaced;
  if (headers) {
    const h = cols.map(({ c }) => c.name.toUpperCase());
    for (const l of opts.labelColumns) h.push(l.slice(l.lastIndexOf('/') + 1).toUpperCase());
    if (opts.showLabels) h.push('LABELS');
    rows.push(withNs ? ['NAMESPACE', ...h] : h);
  }
  for (const row of table.rows) {
    const meta = rowMeta(row);
    const cells = cols.map(({ i }) => cell(row.cells[i]));
    if (opts.withKind && cells.length > 0) cells[0] = `${kindPrefix(type)}/${cells[0] as string}`;
    for (const l of opts.labelColumns) cells.push(meta.labels?.[l] ?? '');
    if (opts.showLabels) cells.push(labelsText(meta.labels));
    if (withNs) cells.unshift(meta.namespace ?? '');
    rows.push(cells);
  }
  return rows;
}

function sortRows(table: Table, path: string): void {
  const key = (r: TableRow) => findValues(path, r.object)[0];
  table.rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const xs = x === undefined ? '' : typeof x === 'string' ? x : JSON.stringify(x);
    const ys = y === undefined ? '' : typeof y === 'string' ? y : JSON.stringify(y);
    return xs < ys ? -1 : xs > ys ? 1 : 0;
  });
}

/** Runs `kubectl get ARGS`. */
export async function get(k: Kubectl, args: string[]): Promise<void> {
  const flags = new Flags(parseFlags('kubectl get', args, GET_FLAGS));
  let format: OutputFormat;
  try {
    format = await parseOutputWith(flags.str('output'), true, { template: flags.str('template'), allowMissingKeys: flags.bool('allow-missing-template-keys', true), readFile: (p) => (k.deps.files ? k.deps.files.readFile(p) : Promise.reject(new Error('this terminal cannot read files'))), out: (t) => k.io.out(t) });
  } catch (e) {
    throw new CommandError((e as Error).message);
  }
  if (flags.has('raw')) {
    const r = await k.send('GET', ...rawTarget(flags.str('raw')), undefined, undefined, '*/*');
    if (r.status >= 400) throw new CommandError(serverError(r.body));
    k.io.out(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
    return;
  }
  if (flags.positional.length === 0) throw new CommandError(NO_TYPE);
  const selections = await selectResources(k, flags.positional, 'kubectl get');
  const all = flags.bool('all-namespaces');
  const ns = k.namespace(flags);
  const query: Record<string, string> = {};
  if (flags.str('selector')) query['labelSelector'] = flags.str('selector');
  if (flags.str('field-selector')) query['fieldSelector'] = flags.str('field-selector');
  const namespaceOf = (t: ApiType) => (t.namespaced && !all ? ns : undefined);
  const ignoreNotFound = flags.bool('ignore-not-found');
  if (format.kind !== 'human') {
    const objects: KubeObject[] = [];
    const errors: string[] = [];
    const typeOf = new Map<unknown, ApiType>();
    for (const s of selections) {
      if (s.names.length === 0) {
        for (const o of await listObjects(k, s.type, namespaceOf(s.type), query)) {
          typeOf.set(o, s.type);
          objects.push(o);
        }
      } else {
        for (const name of s.names) {
          const r = await fetchObject(k, s.type, ns, name);
          if (r.obj) {
            typeOf.set(r.obj, s.type);
            objects.push(r.obj);
          } else if (!(ignoreNotFound && r.status === 404)) errors.push(r.error as string);
        }
      }
    }
    if (!flags.bool('show-managed-fields') && format.kind !== 'gotemplate') for (const o of objects) delete (o.metadata as { managedFields?: unknown }).managedFields;
    const sortBy = flags.str('sort-by');
    if (sortBy) objects.sort((a, b) => String(findValues(sortBy, a)[0] ?? '').localeCompare(String(findValues(sortBy, b)[0] ?? '')));
    const single = singleItem(selections) && errors.length === 0;
    if (objects.length > 0 || format.kind === 'yaml' || format.kind === 'json' || format.kind === 'jsonpath' || format.kind === 'gotemplate') {
      if (!(objects.length === 0 && errors.length > 0)) {
        const nameOf = (o: Record<string, unknown>) => `${kindPrefix(typeOf.get(o) as ApiType)}/${(o as KubeObject).metadata.name}`;
        k.io.out(printObjects(format, objects as unknown as Record<string, unknown>[], single, nameOf, flags.bool('no-headers')));
      }
    }
    for (const e of errors) k.fail(e);
    return;
  }
  const printed: Printed[] = [];
  const errors: string[] = [];
  const tableQuery = flags.has('sort-by') ? { ...query, includeObject: 'Object' } : query;
  for (const s of selections) {
    if (s.names.length === 0) {
      const r = await k.send('GET', resourcePath(s.type, namespaceOf(s.type)), { ...tableQuery, limit: '500' }, undefined, undefined, TABLE_ACCEPT);
      if (r.status >= 400) throw new CommandError(serverError(r.body));
      printed.push({ type: s.type, table: r.body as Table });
    } else {
      let merged: Table | undefined;
      for (const name of s.names) {
        const r = await k.send('GET', resourcePath(s.type, ns, name), flags.has('sort-by') ? { includeObject: 'Object' } : {}, undefined, undefined, TABLE_ACCEPT);
        if (r.status >= 400) {
          if (!(ignoreNotFound && r.status === 404)) errors.push(serverError(r.body));
          continue;
        }
        const t = r.body as Table;
        if (merged) merged.rows.push(...t.rows);
        else merged = { ...t, rows: [...t.rows] };
      }
      if (merged) printed.push({ type: s.type, table: merged });
    }
  }
  const withKind = selections.length > 1 || flags.bool('show-kind');
  const opts = { wide: format.wide, withNamespace: all, withKind, showLabels: flags.bool('show-labels'), labelColumns: flags.list('label-columns').flatMap((l) => l.split(',')) };
  const sortBy = flags.str('sort-by');
  const watching = flags.bool('watch') || flags.bool('watch-only');
  let out = '';
  let first = true;
  if (!flags.bool('watch-only')) {
    for (const p of printed) {
      if (p.table.rows.length === 0) continue;
      if (sortBy) sortRows(p.table, sortBy);
      if (!first) out += '\n';
      out += layoutColumns(humanRows(p, opts, !flags.bool('no-headers')));
      first = false;
    }
  }
  k.io.out(out);
  const rows = printed.reduce((n, p) => n + p.table.rows.length, 0);
  if (rows === 0 && errors.length === 0 && !flags.bool('watch-only') && !(ignoreNotFound && selections.every((s) => s.names.length > 0))) {
    const namespaced = selections.some((s) => s.type.namespaced);
    k.io.err(namespaced && !all ? `No resources found in ${ns} namespace.\n` : 'No resources found\n');
  }
  for (const e of errors) k.fail(e);
  if (watching) await watch(k, printed, selections, namespaceOf, query, opts, first && !flags.bool('no-headers'));
}

async function watch(
  k: Kubectl,
  printed: Printed[],
  selections: Selection[],
  namespaceOf: (t: ApiType) => string | undefined,
  query: Record<string, string>,
  opts: Parameters<typeof humanRows>[1],
  headers: boolean,
): Promise<void> {
  const stream = k.deps.stream;
  if (!stream) throw new CommandError('error: watch is not supported by this terminal');
  if (selections.length > 1) throw new CommandError('error: you may only specify a single resource type');
  const s = selections[0] as Selection;
  const p = printed[0];
  const q: Record<string, string> = { ...query, watch: 'true' };
  if (p?.table.metadata.resourceVersion) q['resourceVersion'] = p.table.metadata.resourceVersion;
  if (s.names.length === 1) q['fieldSelector'] = `metadata.name=${s.names[0] as string}`;
  let needHeaders = headers;
  const handle = stream(resourcePath(s.type, namespaceOf(s.type)), q, TABLE_ACCEPT, (data) => {
    const ev = data as { type: string; object: Table };
    if (ev.type === 'BOOKMARK' || ev.type === 'ERROR' || ev.object?.kind !== 'Table') return;
    k.io.out(layoutColumns(humanRows({ type: s.type, table: ev.object }, opts, needHeaders)));
    needHeaders = false;
  });
  k.signal?.addEventListener('abort', () => handle.stop());
  if (k.signal?.aborted) handle.stop();
  const end = await handle.done;
  if (end && end.status >= 400) throw new CommandError(serverError(end.body));
}

/** The path and query of `--raw URI` (`/api/v1/pods?limit=1`): the query string is kept, as kubectl sends the URI as given. */
export function rawTarget(uri: string): [string, Record<string, string>] {
  const q = uri.indexOf('?');
  if (q < 0) return [uri, {}];
  const query: Record<string, string> = {};
  for (const pair of uri.slice(q + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const decode = (t: string) => {
      try {
        return decodeURIComponent(t.replace(/\+/g, ' '));
      } catch {
        return t;
      }
    };
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    query[key] ??= decode(eq < 0 ? '' : pair.slice(eq + 1));
  }
  return [uri.slice(0, q), query];
}
