/**
 * The ListOptions of a list or watch, read from the query as kube-apiserver reads them: the
 * parameter codec converts the values (`Convert_url_Values_To_v1_ListOptions`: integers with
 * strconv.ParseInt — a 400 `strconv.ParseInt: parsing "abc": invalid syntax` — and booleans true
 * unless `0` or `false`), then `ValidateListOptions` checks the combination (a 422
 * `ListOptions.meta.k8s.io "" is invalid`), and the storage parses the resourceVersion
 * (`strconv.ParseUint`).
 */
import type { StatusCause } from '../api/status';
import { badRequest, invalidKind, unknownError } from './patch/errors';

/** metav1.ListOptions, as the API server uses it. */
export interface ListOptions {
  watch: boolean;
  allowWatchBookmarks: boolean;
  resourceVersion: string;
  resourceVersionMatch: string;
  /** Set when given (a negative value ends a watch at once, as in kube). */
  timeoutSeconds?: number;
  limit: number;
  continue: string;
  sendInitialEvents?: boolean;
}

/** `runtime.Convert_Slice_string_To_bool`: a query flag is true unless it is `0` or `false` (any case). */
export function queryBool(value: string | undefined): boolean {
  return value !== undefined && value !== '0' && value.toLowerCase() !== 'false';
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): the value, or Go's error text. */
export function parseGoInt64(s: string): { value: number } | { error: string } {
  if (!/^[+-]?[0-9]+$/.test(s)) return { error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` };
  const n = BigInt(s);
  if (n < INT64_MIN || n > INT64_MAX) return { error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  return { value: Number(n) };
}

/** strconv.ParseUint(s, 10, 64): the value, or Go's error text. */
export function parseGoUint64(s: string): { value: number } | { error: string } {
  if (!/^[0-9]+$/.test(s)) return { error: `strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax` };
  if (BigInt(s) > 2n ** 64n - 1n) return { error: `strconv.ParseUint: parsing ${goQuote(s)}: value out of range` };
  return { value: Number(s) };
}

function int64Param(query: Record<string, string>, name: string): number | undefined {
  const text = query[name];
  if (text === undefined) return undefined;
  const r = parseGoInt64(text);
  if ('error' in r) throw badRequest(r.error);
  return r.value;
}

/**
 * The ListOptions of a request (`watch` forced for the deprecated `/watch/` paths); 400 for a
 * value that does not convert, 422 for options that do not go together.
 */
export function parseListOptions(query: Record<string, string>, forceWatch = false): ListOptions {
  const opts: ListOptions = {
    watch: forceWatch || queryBool(query['watch']),
    allowWatchBookmarks: queryBool(query['allowWatchBookmarks']),
    resourceVersion: query['resourceVersion'] ?? '',
    resourceVersionMatch: query['resourceVersionMatch'] ?? '',
    limit: int64Param(query, 'limit') ?? 0,
    continue: query['continue'] ?? '',
  };
  const timeout = int64Param(query, 'timeoutSeconds');
  if (timeout !== undefined) opts.timeoutSeconds = timeout;
  if (query['sendInitialEvents'] !== undefined) opts.sendInitialEvents = queryBool(query['sendInitialEvents']);
  const causes = opts.watch ? watchOptionCauses(opts) : listOptionCauses(opts);
  if (causes.length > 0) throw invalidKind('meta.k8s.io', 'ListOptions', '', causes);
  return opts;
}

function forbidden(field: string, detail: string): StatusCause {
  return { reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field };
}

function notSupported(field: string, value: string, supported: string[]): StatusCause {
  return { reason: 'FieldValueNotSupported', message: `Unsupported value: ${goQuote(value)}: supported values: ${supported.map(goQuote).join(', ')}`, field };
}

/** ValidateListOptions for a list. */
function listOptionCauses(o: ListOptions): StatusCause[] {
  const causes: StatusCause[] = [];
  const match = o.resourceVersionMatch;
  if (match) {
    if (!o.resourceVersion) causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    if (o.continue) causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    if (match !== 'Exact' && match !== 'NotOlderThan') causes.push(notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
    if (match === 'Exact' && o.resourceVersion === '0') causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  }
  if (o.sendInitialEvents !== undefined) causes.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  return causes;
}

/** validateWatchOptions (the WatchList feature is on, as in 1.32). */
function watchOptionCauses(o: ListOptions): StatusCause[] {
  const causes: StatusCause[] = [];
  const match = o.resourceVersionMatch;
  if (o.sendInitialEvents !== undefined && match !== 'NotOlderThan') causes.push(forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
  if (match) {
    if (o.sendInitialEvents === undefined) causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
    if (match !== 'NotOlderThan') causes.push(notSupported('resourceVersionMatch', match, ['NotOlderThan']));
    if (o.continue) causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
  }
  return causes;
}

/**
 * The revision a list reads at (0: now), as the storage parses `resourceVersion`: an
 * unparsable one fails as kube's watch cache fails it (a 500 without a reason there, answered
 * 400 here with the same message), or — for the requests kube sends to etcd (a limit, a continue
 * token, an Exact match) — with etcd3's `invalid resource version` 400.
 */
export function listRevision(o: ListOptions): number {
  if (o.resourceVersion === '' || o.resourceVersion === '0') return 0;
  const r = parseGoUint64(o.resourceVersion);
  if ('value' in r) return r.value;
  const detail = `metadata.resourceVersion: Invalid value: ${goQuote(o.resourceVersion)}: ${r.error}`;
  const fromEtcd = (o.limit > 0 && o.resourceVersion !== '0') || o.continue !== '' || o.resourceVersionMatch === 'Exact';
  throw fromEtcd ? badRequest(`invalid resource version: ${detail}`) : unknownError(detail);
}

/**
 * Checks the `resourceVersion` of a GET: kube's watch cache parses it (an unparsable one is a 500
 * without a reason there, a 400 with the same message here).
 */
export function getRevision(resourceVersion: string | undefined): number {
  if (resourceVersion === undefined || resourceVersion === '' || resourceVersion === '0') return 0;
  const r = parseGoUint64(resourceVersion);
  if ('value' in r) return r.value;
  throw unknownError(`metadata.resourceVersion: Invalid value: ${goQuote(resourceVersion)}: ${r.error}`);
}
