/**
 * The query options every write takes, checked as kube-apiserver checks them (Create/Update/
 * PatchOptions: `dryRun`, `fieldManager`, `fieldValidation`), the field manager a request
 * writes as (its `fieldManager`, else the first part of its User-Agent), and the warnings a
 * request collects for its `Warning` response headers.
 */
import type { StatusCause } from '../api/status';
import { badRequest, invalidKind, invalidPatch } from './patch/errors';
import { FIELD_MANAGER_MAX_LENGTH, fieldManagerCauses } from './patch/patch';

/** How unknown fields are treated (metav1.FieldValidation*). */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** The options of one write. */
export interface WriteOptions {
  dryRun: boolean;
  /** The manager the write is recorded for. */
  manager: string;
  fieldValidation: FieldValidation;
}

/** `dryRun` must be `All` (ValidateDryRun). */
export function dryRunCauses(values: string[]): StatusCause[] {
  if (values.every((v) => v === 'All')) return [];
  return [{ reason: 'FieldValueNotSupported', message: `Unsupported value: []string{${values.map((v) => JSON.stringify(v)).join(', ')}}: supported values: "All"`, field: 'dryRun' }];
}

/** `fieldValidation` must be empty, Ignore, Strict or Warn (ValidateFieldValidation). */
export function fieldValidationCauses(value: string): StatusCause[] {
  if (['', 'Ignore', 'Strict', 'Warn'].includes(value)) return [];
  return [{ reason: 'FieldValueNotSupported', message: `Unsupported value: ${JSON.stringify(value)}: supported values: "", "Ignore", "Strict", "Warn"`, field: 'fieldValidation' }];
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The manager named by a User-Agent: its part before the first `/` (prefixFromUserAgent). */
export function managerFromUserAgent(userAgent: string | undefined): string {
  const head = (userAgent ?? '').split('/')[0] ?? '';
  let out = '';
  for (const ch of head) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (utf8Length(out) + utf8Length(ch) > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
  }
  return out;
}

/**
 * Parses and validates the options of a write; 422 `<kind>.meta.k8s.io "" is invalid` for bad
 * values. `extra` adds causes checked by the caller (PatchOptions' own rules).
 */
export function writeOptions(kind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions', query: Record<string, string>, headers: Record<string, string>, extra: StatusCause[] = []): WriteOptions {
  const dry = query['dryRun'];
  const fv = query['fieldValidation'] ?? '';
  const fm = query['fieldManager'] ?? '';
  const causes = [...extra];
  if (kind !== 'PatchOptions') causes.push(...fieldManagerCauses(fm));
  causes.push(...(dry !== undefined ? dryRunCauses([dry]) : []), ...fieldValidationCauses(fv));
  if (causes.length > 0) throw invalidKind('meta.k8s.io', kind, '', causes);
  return { dryRun: dry === 'All', manager: fm || managerFromUserAgent(headers['user-agent']), fieldValidation: fv === '' ? 'Warn' : (fv as FieldValidation) };
}

/** The warnings of one request, deduplicated, in order. */
export class Warnings {
  private readonly list: string[] = [];

  /** Adds a warning (ignored when already there). */
  add(text: string): void {
    if (!this.list.includes(text)) this.list.push(text);
  }

  /** The warnings. */
  all(): string[] {
    return [...this.list];
  }

  /** The `Warning` header values: `299 - "text"`, one per warning (as kube-apiserver sends them). */
  headers(): string[] {
    return this.list.map((t) => `299 - ${JSON.stringify(t)}`);
  }
}

/**
 * Applies `fieldValidation` to the unknown fields of a request's object: Strict fails (400 for a
 * create or update body, 422 for a patched object), Warn adds warnings, Ignore ignores.
 */
export function checkUnknownFields(unknown: string[], opts: WriteOptions, warnings: Warnings, failure: { kind: string; version: string } | { patched: unknown }): void {
  if (unknown.length === 0 || opts.fieldValidation === 'Ignore') return;
  if (opts.fieldValidation === 'Warn') {
    for (const u of unknown) warnings.add(u);
    return;
  }
  const detail = `strict decoding error: ${unknown.join(', ')}`;
  if ('patched' in failure) throw invalidPatch(JSON.stringify(failure.patched), detail);
  throw badRequest(`${failure.kind} in version ${JSON.stringify(failure.version)} cannot be handled as a ${failure.kind}: ${detail}`);
}
