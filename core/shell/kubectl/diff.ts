/**
 * `kubectl diff -f FILE|DIR [-R] [--server-side] [--field-manager] [--force-conflicts]
 * [--show-managed-fields] [-l]`: for each object, the live version and the "merged" one the
 * server answers to a dry-run of what apply would send (the three-way patch of client-side
 * apply, or the server-side apply patch, or a create when the object is new), both as YAML
 * without managedFields (Secret data masked), compared as kubectl's default external program
 * `diff -u -N LIVE-x/NAME MERGED-y/NAME` prints them: the `diff -u -N` line, the `---`/`+++`
 * headers with the file times, and the hunks (computed by the `diff` library). Exit code 1 when
 * something differs, 0 when not, 2 on an error (kubectl's CheckDiffErr).
 *
 * The temporary directory names (kubectl's os.MkdirTemp: `LIVE-<random>`) are numbers derived
 * from the content and the time here, and the file times the client's clock (deps.now), else
 * the newest time the objects carry: the shell has no file system to make them in.
 */
import { diffLines } from 'diff';
import type { KubeObject } from '../../api/types';
import { toYaml } from '../printers/yaml';
import { LAST_APPLIED } from './apply';
import type { Kubectl } from './context';
import { typeOf } from './create';
import { resourcePath, type ApiType } from './discovery';
import { CommandError, serverError } from './errors';
import { Flags, parseFlags } from './flags';
import { readManifests } from './manifests';
import { clone } from './resources';
import { diffMap } from './threeWay';

const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'autoscaling', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io']);

/** An error of kubectl diff: exit code 2 (1 means "differences found"). */
const diffError = (message: string) => new CommandError(message, 2);

/** A 409 of the dry run: kubectl gets the live object again and retries. */
class Conflict extends CommandError {}

function answer(r: { status: number; body: unknown }): KubeObject {
  if (r.status === 409) throw new Conflict(serverError(r.body), 2);
  if (r.status >= 400) throw diffError(serverError(r.body));
  return r.body as KubeObject;
}

/** How many times kubectl diffs an object that keeps changing. */
const MAX_RETRIES = 4;

/** A klog warning line's prefix; the shell has no wall clock nor pid (core/ is pure), so those parts are zeros. */
function klogWarning(where: string): string {
  return `W0101 00:00:00.000000       1 ${where}] `;
}

/** A GNU `diff -u` hunk range: `l,s`, `l` when one line, the line before when empty. */
function range(start: number, lines: number): string {
  if (lines === 0) return `${start - 1},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

/** `2026-11-22 06:18:24.730286538 +0000`: a file time as GNU diff prints it (UTC). */
export function diffTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000 +0000`;
}

interface Change {
  /** Index of the first line of the change in each file. */
  a: number;
  b: number;
  del: string[];
  ins: string[];
}

/**
 * The changes between two texts, line by line (the `diff` library's Myers diff), each change
 * with its deleted lines before its inserted ones, as GNU diff groups them.
 */
function changes(a: string, b: string): Change[] {
  const out: Change[] = [];
  let ia = 0;
  let ib = 0;
  let cur: Change | undefined;
  for (const part of diffLines(a, b)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (!part.added && !part.removed) {
      cur = undefined;
      ia += lines.length;
      ib += lines.length;
      continue;
    }
    if (!cur) {
      cur = { a: ia, b: ib, del: [], ins: [] };
      out.push(cur);
    }
    if (part.removed) {
      cur.del.push(...lines);
      ia += lines.length;
    } else {
      cur.ins.push(...lines);
      ib += lines.length;
    }
  }
  return out;
}

/** What `diff -u -N from to` prints for two files of a compared directory ('' when equal). */
export function unifiedDiff(from: string, to: string, a: string, b: string, timeA: string, timeB: string): string {
  if (a === b) return '';
  const la = a === '' ? [] : a.replace(/\n$/, '').split('\n');
  const ctx = 3;
  const all = changes(a, b);
  let out = `diff -u -N ${from} ${to}\n--- ${from}\t${timeA}\n+++ ${to}\t${timeB}\n`;
  for (let i = 0; i < all.length; ) {
    // A hunk takes the changes whose gaps are at most twice the context.
    let j = i;
    while (j + 1 < all.length && (all[j + 1] as Change).a - ((all[j] as Change).a + (all[j] as Change).del.length) <= 2 * ctx) j++;
    const first = all[i] as Change;
    const last = all[j] as Change;
    const startA = Math.max(0, first.a - ctx);
    const endA = Math.min(la.length, last.a + last.del.length + ctx);
    const startB = first.b - (first.a - startA);
    const lenB = endA - startA - all.slice(i, j + 1).reduce((n, c) => n + c.del.length - c.ins.length, 0);
    const lenA = endA - startA;
    out += `@@ -${range(startA + 1, lenA)} +${range(startB + 1, lenB)} @@\n`;
    let pos = startA;
    for (const c of all.slice(i, j + 1)) {
      for (; pos < c.a; pos++) out += ` ${la[pos] as string}\n`;
      for (const l of c.del) out += `-${l}\n`;
      for (const l of c.ins) out += `+${l}\n`;
      pos += c.del.length;
    }
    for (; pos < endA; pos++) out += ` ${la[pos] as string}\n`;
    i = j + 1;
  }
  return out;
}

/** A 32-bit FNV-1a hash: the stand-in for os.MkdirTemp's random suffix. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The diff's Masker: Secret values replaced by `***`, marked `(before)`/`(after)` when they differ. */
function maskSecrets(from: KubeObject | undefined, to: KubeObject): void {
  const fd = (from as { data?: Record<string, unknown> } | undefined)?.data;
  const td = (to as { data?: Record<string, unknown> }).data;
  const f = fd ? { ...fd } : undefined;
  const t = td ? { ...td } : undefined;
  for (const key of Object.keys(f ?? {})) {
    if (t && key in t) {
      if (f?.[key] !== t[key]) {
        (f as Record<string, unknown>)[key] = '*** (before)';
        t[key] = '*** (after)';
        continue;
      }
      t[key] = '***';
    }
    (f as Record<string, unknown>)[key] = '***';
  }
  for (const key of Object.keys(t ?? {})) if (!f || !(key in f)) (t as Record<string, unknown>)[key] = '***';
  if (from && f) (from as { data?: unknown }).data = f;
  if (t) (to as { data?: unknown }).data = t;
}

interface Options {
  serverSide: boolean;
  fieldManager: string;
  force: boolean;
  showManagedFields: boolean;
}

/** The object as apply would leave it: the server's answer to a dry run. */
async function merged(k: Kubectl, opts: Options, type: ApiType, ns: string | undefined, local: KubeObject, live: KubeObject | undefined, force: boolean): Promise<KubeObject> {
  const name = local.metadata.name ?? '';
  if (opts.serverSide) {
    const query: Record<string, string> = { dryRun: 'All', fieldManager: opts.fieldManager || 'kubectl' };
    if (opts.force) query['force'] = 'true';
    return answer(await k.send('PATCH', resourcePath(type, ns, name), query, local, 'application/apply-patch+yaml'));
  }
  if (!live) {
    return answer(await k.send('POST', resourcePath(type, ns), { dryRun: 'All', fieldManager: opts.fieldManager || 'kubectl-client-side-apply' }, local));
  }
  // GetModifiedConfiguration(annotate=false): the file's object, its last-applied annotation
  // removed (kubectl sets the annotations, so an empty map stays) and not added either.
  const modified = clone(local);
  const annotations = { ...(modified.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  modified.metadata.annotations = annotations;
  let original: Record<string, unknown> | undefined;
  try {
    const text = live.metadata.annotations?.[LAST_APPLIED];
    original = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    original = undefined;
  }
  const patch = diffMap(original, modified as unknown as Record<string, unknown>, live);
  if (Object.keys(patch).length === 0) return live;
  // Without force, the patch carries the live resourceVersion, so that a change meanwhile is a conflict.
  const body = force ? patch : { ...patch, metadata: { ...((patch['metadata'] as Record<string, unknown>) ?? {}), resourceVersion: live.metadata.resourceVersion } };
  return answer(await k.send('PATCH', resourcePath(type, ns, name), { dryRun: 'All', fieldManager: opts.fieldManager || 'kubectl-client-side-apply' }, body, BUILTIN_GROUPS.has(type.group) ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json'));
}

/** `kubectl diff`. */
export async function diff(k: Kubectl, args: string[]): Promise<void> {
  let flags: Flags;
  try {
    flags = new Flags(
      parseFlags('kubectl diff', args, {
        filename: { kind: 'strings', short: 'f' },
        recursive: { kind: 'bool', short: 'R' },
        kustomize: { kind: 'string', short: 'k' },
        'server-side': { kind: 'bool' },
        'field-manager': { kind: 'string' },
        'force-conflicts': { kind: 'bool' },
        'show-managed-fields': { kind: 'bool' },
        concurrency: { kind: 'int' },
        selector: { kind: 'string', short: 'l' },
        prune: { kind: 'bool' },
        'prune-allowlist': { kind: 'strings' },
      }),
    );
  } catch (e) {
    // diff reports flag errors as usage errors with exit code 2 (1 means "differences found").
    const msg = (e as Error).message.split('\n')[0]?.replace(/^Error: /, '') ?? '';
    throw diffError(`error: ${msg}\nSee 'kubectl diff -h' for help and examples`);
  }
  if (flags.positional.length > 0) throw diffError(`error: Unexpected args: [${flags.positional.join(' ')}]\nSee 'kubectl diff -h' for help and examples`);
  if (flags.list('filename').length === 0) throw diffError('error: must specify one of -f and -k');
  const opts: Options = { serverSide: flags.bool('server-side'), fieldManager: flags.str('field-manager'), force: flags.bool('force-conflicts'), showManagedFields: flags.bool('show-managed-fields') };
  if (opts.force && !opts.serverSide) throw diffError('error: --force-conflicts only works with --server-side');
  let manifests;
  try {
    manifests = await readManifests(k, flags.list('filename'), flags.bool('recursive'));
  } catch (e) {
    throw diffError((e as Error).message);
  }
  const selector = flags.str('selector');
  const files: { name: string; live: string; merged: string }[] = [];
  let newest = 0;
  for (const m of manifests) {
    if (selector && !matchesSimpleSelector(m.obj.metadata.labels ?? {}, selector)) continue;
    let type: ApiType;
    try {
      type = await typeOf(k, m.obj, m.source);
    } catch (e) {
      throw diffError((e as Error).message);
    }
    const ns = type.namespaced ? (m.obj.metadata.namespace ?? k.namespace(flags)) : undefined;
    const local = clone(m.obj);
    if (ns) local.metadata.namespace = ns;
    // kubectl tries four times while the object keeps changing, the last time without the lock.
    let live: KubeObject | undefined;
    let result: KubeObject | undefined;
    for (let i = 1; i <= MAX_RETRIES && !result; i++) {
      const got = await k.send('GET', resourcePath(type, ns, local.metadata.name ?? ''));
      if (got.status >= 400 && got.status !== 404) throw diffError(serverError(got.body));
      live = got.status === 404 ? undefined : (got.body as KubeObject);
      const force = i === MAX_RETRIES;
      if (force) k.io.err(`${klogWarning('diff.go:723')}Object (${type.group}/${type.version}, Kind=${type.kind}: ${local.metadata.name ?? ''}) keeps changing, diffing without lock\n`);
      try {
        result = await merged(k, opts, type, ns, local, live, force);
      } catch (e) {
        if (!(e instanceof Conflict) || force) throw e;
      }
    }
    const after = clone(result as KubeObject);
    const before = live ? clone(live) : undefined;
    if (!opts.showManagedFields) {
      if (before) delete (before.metadata as { managedFields?: unknown }).managedFields;
      delete (after.metadata as { managedFields?: unknown }).managedFields;
    }
    if (type.group === '' && type.kind === 'Secret') maskSecrets(before, after);
    if (live?.metadata.deletionTimestamp) k.io.err(`Warning: Detected changes to resource ${live.metadata.name} which is currently being deleted.\n`);
    for (const t of [live?.metadata.creationTimestamp, after.metadata.creationTimestamp]) newest = Math.max(newest, Date.parse(t ?? '') || 0);
    const name = `${type.group ? `${type.group}.` : ''}${type.version}.${type.kind}.${ns ?? ''}.${local.metadata.name ?? ''}`;
    // For a new Secret, kubectl's masker leaves a nil object that prints as `null`.
    const liveText = before ? toYaml(before) : type.group === '' && type.kind === 'Secret' ? 'null\n' : '';
    files.push({ name, live: liveText, merged: toYaml(after) });
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const now = k.deps.now?.() ?? newest;
  const seed = files.map((f) => f.name + f.merged).join('\n') + String(now);
  const liveDir = `/tmp/LIVE-${hash(`live${seed}`)}`;
  const mergedDir = `/tmp/MERGED-${hash(`merged${seed}`)}`;
  let out = '';
  for (const f of files) out += unifiedDiff(`${liveDir}/${f.name}`, `${mergedDir}/${f.name}`, f.live, f.merged, diffTime(now), diffTime(now));
  k.io.out(out);
  if (out) k.exit = 1;
}

/** A label selector of `key=value`, `key!=value`, `key` terms (what `diff -l` filters the files' objects by). */
function matchesSimpleSelector(labels: Record<string, string>, selector: string): boolean {
  return selector.split(',').every((term) => {
    const t = term.trim();
    const ne = t.indexOf('!=');
    if (ne >= 0) return labels[t.slice(0, ne).trim()] !== t.slice(ne + 2).trim();
    const eq = t.search(/==?/);
    if (eq >= 0) return labels[t.slice(0, eq).trim()] === t.slice(eq).replace(/^==?/, '').trim();
    if (t.startsWith('!')) return !(t.slice(1) in labels);
    return t in labels;
  });
}
