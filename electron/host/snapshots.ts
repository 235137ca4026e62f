/**
 * Snapshot files (`.kubelab`): a whole cluster in one file that an instructor hands out.
 * gzip'd JSON: `{format, kubelab, minKubelab, metadata, sha256, content}` where `content` is the
 * JSON text of `{state, workspace, lessons?, pack?}` and `sha256` its SHA-256 (`lessons`: the
 * cluster's lesson progress, `lessons.json`; `pack`: a lesson pack, see lessonPacks.ts). Opening
 * checks everything before anything is written: size limits (and gzip bombs), the format
 * version, the checksum, no prototype-polluting keys, the state's schema, every object through
 * the API server's own validation, and workspace and pack paths that cannot leave their folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KubeObject } from '../../core/api/types';
import { ManualClock } from '../../core/clock/clock';
import { Random } from '../../core/clock/random';
import { ApiServer } from '../../core/apiserver/handler';
import { isStream } from '../../core/apiserver/request';
import { Store } from '../../core/storage/store';
import { unknownFields } from '../../core/api/schema/fields';
import { normalizeProgress } from '../../core/lessons/progress';
import type { Progress } from '../../core/lessons/types';
import { checkPackFiles, type PackFile } from './lessonPacks';
import { STATE_SCHEMA_VERSION, upgradeState, type StateDoc, type StateError } from './persistence/state';

/** The snapshot format this KubeLab writes and reads. */
export const SNAPSHOT_FORMAT = 1;
/** The largest snapshot file accepted (compressed). */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
/** The most a snapshot may expand to (a gzip bomb stops here). */
export const MAX_EXPANDED_BYTES = 1024 * 1024 * 1024;
/** The most the workspace files of a snapshot may hold. */
export const MAX_WORKSPACE_BYTES = 64 * 1024 * 1024;

/** What a snapshot says about itself. */
export interface SnapshotMetadata {
  title: string;
  description?: string;
  author?: string;
  /** RFC 3339 (real time of the save). */
  created: string;
  /** The lesson it belongs to, and the step (counted from 1) it starts at. */
  lesson?: string;
  step?: number;
  /** The cluster's virtual time, seed and worker nodes. */
  clock: string;
  seed: number;
  workers: number;
  /** The number of stored objects. */
  objects: number;
}

/** A workspace file in a snapshot. */
export interface WorkspaceFile {
  path: string;
  /** Base64 of the content. */
  data: string;
}

/** A decoded, checked snapshot. */
export interface Snapshot {
  format: number;
  kubelab: string;
  metadata: SnapshotMetadata;
  state: StateDoc;
  workspace: WorkspaceFile[];
  /** The cluster's lesson progress when it was saved (absent in older snapshots). */
  progress?: Progress;
  /** The lesson pack it carries (empty when none). */
  pack: PackFile[];
}

/** What a snapshot carries besides the state and the workspace. */
export interface SnapshotExtras {
  progress?: Progress | undefined;
  pack?: PackFile[] | undefined;
}

/** A snapshot that cannot be opened: one sentence naming the problem. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that refuses the keys of prototype pollution. */
export function parseSafeJson(text: string, what: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) throw new SnapshotError(`the snapshot's ${what} has a forbidden key "${key}"`);
    return value;
  });
}

/** Checks a workspace path: relative, inside the workspace, no NUL, no `..`. */
export function checkWorkspacePath(p: string): string {
  if (typeof p !== 'string' || p === '' || p.includes('\0') || p.startsWith('/') || p.startsWith('\\') || /^[a-zA-Z]:/.test(p)) throw new SnapshotError(`the workspace file name ${JSON.stringify(p)} is not a relative path`);
  const n = normalize(p);
  if (n === '..' || n.startsWith(`..${sep}`) || n.split(/[\\/]/).includes('..')) throw new SnapshotError(`the workspace file name ${JSON.stringify(p)} leads outside the workspace`);
  return n;
}

/** The files of a workspace folder (recursively), within the size limit. */
export function readWorkspace(dir: string): WorkspaceFile[] {
  const out: WorkspaceFile[] = [];
  let total = 0;
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) {
        total += st.size;
        if (total > MAX_WORKSPACE_BYTES) throw new SnapshotError(`the workspace holds more than ${MAX_WORKSPACE_BYTES / 1024 / 1024} MiB of files`);
        out.push({ path: relative(dir, full).split(sep).join('/'), data: readFileSync(full).toString('base64') });
      }
    }
  };
  walk(dir);
  return out;
}

/** Writes workspace files into `dir` (paths checked again). */
export function writeWorkspace(dir: string, files: WorkspaceFile[]): void {
  for (const f of files) {
    const target = join(dir, checkWorkspacePath(f.path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, Buffer.from(f.data, 'base64'));
  }
}

/** Encodes a snapshot file. */
export function encodeSnapshot(kubelab: string, metadata: SnapshotMetadata, state: StateDoc, workspace: WorkspaceFile[], extras: SnapshotExtras = {}): Buffer {
  const content = JSON.stringify({ state, workspace, ...(extras.progress ? { lessons: extras.progress } : {}), ...(extras.pack && extras.pack.length > 0 ? { pack: extras.pack } : {}) });
  const sha256 = createHash('sha256').update(content).digest('hex');
  return gzipSync(JSON.stringify({ format: SNAPSHOT_FORMAT, kubelab, minKubelab: kubelab, metadata, sha256, content }));
}

/** Reads the outer document of a snapshot (metadata and checksum checked; the state not yet validated). */
export function decodeSnapshot(bytes: Uint8Array): Snapshot {
  if (bytes.byteLength > MAX_SNAPSHOT_BYTES) throw new SnapshotError(`the file is larger than ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MiB`);
  if (bytes.byteLength < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new SnapshotError('the file is not a KubeLab snapshot (it is not gzip data)');
  let text: string;
  try {
    text = gunzipSync(bytes, { maxOutputLength: MAX_EXPANDED_BYTES }).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || /buffer|too large|maxOutputLength/i.test((e as Error).message)) throw new SnapshotError(`the file expands to more than ${MAX_EXPANDED_BYTES / 1024 / 1024} MiB: refused`);
    throw new SnapshotError(`the file is truncated or damaged (${code === 'Z_BUF_ERROR' ? 'unexpected end of the compressed data' : (e as Error).message})`);
  }
  let outer: Record<string, unknown>;
  try {
    outer = parseSafeJson(text, 'header') as Record<string, unknown>;
  } catch (e) {
    if (e instanceof SnapshotError) throw e;
    throw new SnapshotError('the file is not a KubeLab snapshot (its content is not JSON)');
  }
  if (outer === null || typeof outer !== 'object' || typeof outer.format !== 'number') throw new SnapshotError('the file is not a KubeLab snapshot (no format version)');
  if (outer.format > SNAPSHOT_FORMAT) throw new SnapshotError(`the snapshot needs KubeLab ${String(outer.minKubelab ?? 'newer')} or later (format ${outer.format}; this KubeLab reads format ${SNAPSHOT_FORMAT})`);
  if (typeof outer.content !== 'string' || typeof outer.sha256 !== 'string') throw new SnapshotError('the snapshot has no content or no checksum');
  if (createHash('sha256').update(outer.content).digest('hex') !== outer.sha256) throw new SnapshotError('the snapshot is damaged: its SHA-256 checksum does not match its content');
  const content = parseSafeJson(outer.content, 'content') as { state?: unknown; workspace?: unknown; lessons?: unknown; pack?: unknown };
  let state: StateDoc;
  try {
    state = upgradeState(content.state);
  } catch (e) {
    throw new SnapshotError(`the snapshot's cluster state is invalid: ${(e as StateError).message}`);
  }
  const workspace = Array.isArray(content.workspace) ? (content.workspace as WorkspaceFile[]) : [];
  let total = 0;
  for (const f of workspace) {
    checkWorkspacePath(f.path);
    if (typeof f.data !== 'string') throw new SnapshotError(`the workspace file ${JSON.stringify(f.path)} has no data`);
    total += f.data.length * 0.75;
  }
  if (total > MAX_WORKSPACE_BYTES) throw new SnapshotError(`the workspace files hold more than ${MAX_WORKSPACE_BYTES / 1024 / 1024} MiB`);
  const metadata = (outer.metadata ?? {}) as SnapshotMetadata;
  if (typeof metadata.title !== 'string') throw new SnapshotError('the snapshot has no title');
  if (metadata.lesson !== undefined && (typeof metadata.lesson !== 'string' || !/^[\w.-]{1,100}$/.test(metadata.lesson))) throw new SnapshotError('the snapshot names its lesson with an invalid id');
  if (metadata.step !== undefined && (!Number.isInteger(metadata.step) || metadata.step < 0)) throw new SnapshotError('the snapshot names its lesson step with an invalid number');
  const pack = checkPackFiles(content.pack);
  return { format: outer.format, kubelab: String(outer.kubelab ?? ''), metadata, state, workspace, pack, ...(content.lessons !== undefined ? { progress: normalizeProgress(content.lessons) } : {}) };
}

/** The REST path of a stored object, from its store key and apiVersion. */
function objectPath(key: string, obj: KubeObject): string | undefined {
  const m = /^\/registry\/([^/]+)\/([^/]+)\/(.+)$/.exec(key);
  if (!m) return undefined;
  const [, group, resource, rest] = m as unknown as [string, string, string, string];
  const version = (obj.apiVersion ?? 'v1').split('/').pop() as string;
  const base = group === 'core' ? '/api/v1' : `/apis/${group}/${version}`;
  const parts = rest.split('/');
  return parts.length === 2 ? `${base}/namespaces/${parts[0] ?? ''}/${resource}/${parts[1] ?? ''}` : `${base}/${resource}/${parts[0] ?? ''}`;
}

/**
 * Validates every object of a state through the API server's own validation: the state is
 * loaded into a throwaway store and each object is PUT onto itself as a dry run.
 * Throws SnapshotError naming the first bad object.
 */
export async function validateState(state: StateDoc): Promise<void> {
  if (state.schemaVersion !== STATE_SCHEMA_VERSION) throw new SnapshotError('the snapshot state has an unknown schema version');
  const store = new Store();
  store.restore(state.store);
  const api = new ApiServer({ store, clock: new ManualClock(state.cluster.clock), random: new Random(1), unknownFields });
  const user = { name: 'kubelab-snapshot-check', groups: ['system:masters', 'system:authenticated'] };
  for (const [key, , json] of state.store.entries) {
    let obj: KubeObject;
    try {
      obj = parseSafeJson(json, `object ${key}`) as KubeObject;
    } catch (e) {
      throw e instanceof SnapshotError ? e : new SnapshotError(`the object at ${key} is not valid JSON`);
    }
    const path = objectPath(key, obj);
    if (!path) throw new SnapshotError(`the snapshot holds an object at an unknown place: ${key}`);
    const res = await api.handle({ method: 'PUT', path, query: { dryRun: 'All', fieldValidation: 'Strict' }, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: json, user });
    if (isStream(res)) continue;
    if (res.status === 404 || res.status === 405) continue; // kinds that are not written through PUT (events' TTL, computed lists)
    if (res.status >= 400) throw new SnapshotError(`the object ${key.replace(/^\/registry\//, '')} is invalid: ${(res.body as { message?: string }).message ?? res.status}`);
  }
}
