/**
 * Lesson packs: a `labs/`-format folder carried inside a snapshot (`kubelab snapshot save
 * --lessons DIR`) and installed, when the snapshot is opened, in the new cluster's folder
 * (`clusters/NAME/lessons/`), where the host lists its lessons beside the built-in ones.
 *
 * A pack holds only what a lesson needs: each `NN-name/lesson.json`, its `steps/ID.LANG.md`
 * texts and the files those texts link to inside the lesson folder (images). Its paths are
 * checked like workspace files (relative, no `..`, no prototype keys), its size is bounded, and
 * its lessons pass `kubelab lab validate` before it is written anywhere that counts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { validateLabs } from '../cli/labValidate';
import { lessonFolders } from './lessons';
import { appRoot } from './paths';
import { SnapshotError, checkWorkspacePath, parseSafeJson } from './snapshots';

/** One file of a pack: its path inside the pack (`05-replicasets/steps/01-create.en.md`) and its content in base64. */
export interface PackFile {
  path: string;
  data: string;
}

/** What `snapshot inspect` says about a pack's lesson. */
export interface PackLesson {
  id: string;
  title: string;
  steps: number;
}

/** The most the files of a pack may hold. */
export const MAX_PACK_BYTES = 16 * 1024 * 1024;
/** The most files a pack may hold. */
export const MAX_PACK_FILES = 2000;
/** The files a step text may link to (images and plain text), by extension. */
const LINKED_FILE = /\.(png|jpe?g|gif|svg|webp|txt|ya?ml|json)$/i;
const LESSON_ID = /^\d\d-[a-z0-9-]+$/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** The study notes beside the application (`../shared/notes`): where a pack's note references are checked. */
export function defaultNotesDir(): string {
  return join(appRoot(), '..', 'shared', 'notes');
}

export { packDir } from './lessons';

/** Relative links of a Markdown text that stay inside its lesson folder (`![x](img/a.png)`, `[x](../img/a.png)` from steps/). */
function linkedPaths(folder: string, mdPath: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = (m[1] ?? '').split('#')[0] ?? '';
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/') || !LINKED_FILE.test(target)) continue;
    const p = posix.normalize(posix.join(posix.dirname(mdPath), decodeURIComponent(target)));
    if (p.startsWith(`${folder}/`)) out.push(p);
  }
  return out;
}

/**
 * Checks a pack path: a workspace-safe relative path inside a lesson folder (`NN-name/...`),
 * no segment that names a prototype key. Returns it normalised with `/`.
 */
export function checkPackPath(p: string): string {
  const n = checkWorkspacePath(p).split(/[\\/]/).join('/');
  const parts = n.split('/');
  if (parts.some((s) => FORBIDDEN_SEGMENTS.has(s))) throw new SnapshotError(`the lesson pack file name ${JSON.stringify(p)} has a forbidden part`);
  if (parts.length < 2 || !LESSON_ID.test(parts[0] as string)) throw new SnapshotError(`the lesson pack file ${JSON.stringify(p)} is not inside a lesson folder (NN-name/)`);
  return n;
}

/** Whether a pack path is one a pack may hold: a lesson.json, a step text, or a linked file. */
function kindOf(path: string): 'lesson' | 'text' | 'linked' {
  const parts = path.split('/');
  if (parts.length === 2 && parts[1] === 'lesson.json') return 'lesson';
  if (parts.length === 3 && parts[1] === 'steps' && /^[^/]+\.(en|zh-CN)\.md$/.test(parts[2] as string)) return 'text';
  return 'linked';
}

/** Checks the files of a pack as decoded from a snapshot: paths, kinds, sizes, lesson.json free of prototype keys. */
export function checkPackFiles(files: unknown): PackFile[] {
  if (files === undefined) return [];
  if (!Array.isArray(files)) throw new SnapshotError('the snapshot\'s lesson pack is not a list of files');
  if (files.length > MAX_PACK_FILES) throw new SnapshotError(`the lesson pack holds more than ${MAX_PACK_FILES} files`);
  const seen = new Set<string>();
  let total = 0;
  const out: PackFile[] = [];
  for (const f of files as PackFile[]) {
    if (f === null || typeof f !== 'object' || typeof f.path !== 'string' || typeof f.data !== 'string') throw new SnapshotError('the lesson pack has a malformed file entry');
    const path = checkPackPath(f.path);
    if (seen.has(path)) throw new SnapshotError(`the lesson pack holds ${JSON.stringify(path)} twice`);
    seen.add(path);
    total += Math.ceil(f.data.length * 0.75);
    if (total > MAX_PACK_BYTES) throw new SnapshotError(`the lesson pack holds more than ${MAX_PACK_BYTES / 1024 / 1024} MiB`);
    out.push({ path, data: f.data });
  }
  const texts = out.filter((f) => kindOf(f.path) === 'text');
  const linked = new Set(texts.flatMap((f) => linkedPaths(f.path.split('/')[0] as string, f.path, Buffer.from(f.data, 'base64').toString('utf8'))));
  for (const f of out) {
    const kind = kindOf(f.path);
    if (kind === 'linked' && !linked.has(f.path)) throw new SnapshotError(`the lesson pack file ${JSON.stringify(f.path)} is neither a lesson.json, a step text, nor a file a step text links to`);
    if (kind === 'lesson') parseSafeJson(Buffer.from(f.data, 'base64').toString('utf8'), `lesson pack file ${f.path}`);
  }
  return out;
}

/** The files of a `labs/`-format folder that go into a pack (lesson.json, step texts, the files they link to); other files are left out. */
export function readPackFolder(dir: string): PackFile[] {
  const out: PackFile[] = [];
  let total = 0;
  const add = (path: string) => {
    const full = join(dir, ...path.split('/'));
    if (!existsSync(full) || !statSync(full).isFile()) return;
    total += statSync(full).size;
    if (total > MAX_PACK_BYTES) throw new SnapshotError(`the lessons in ${dir} hold more than ${MAX_PACK_BYTES / 1024 / 1024} MiB`);
    out.push({ path: checkPackPath(path), data: readFileSync(full).toString('base64') });
  };
  for (const folder of lessonFolders(dir)) {
    add(`${folder}/lesson.json`);
    const steps = join(dir, folder, 'steps');
    const texts = existsSync(steps) ? readdirSync(steps).filter((f) => /\.(en|zh-CN)\.md$/.test(f)).sort() : [];
    const linked = new Set<string>();
    for (const t of texts) {
      const path = `${folder}/steps/${t}`;
      add(path);
      for (const l of linkedPaths(folder, path, readFileSync(join(steps, t), 'utf8'))) linked.add(l);
    }
    for (const l of [...linked].sort()) add(l);
  }
  if (out.length > MAX_PACK_FILES) throw new SnapshotError(`the lessons in ${dir} are more than ${MAX_PACK_FILES} files`);
  return out;
}

/** Writes a pack's files into `dir` (paths checked again). */
export function writePack(dir: string, files: PackFile[]): void {
  for (const f of files) {
    const target = join(dir, ...checkPackPath(f.path).split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, Buffer.from(f.data, 'base64'));
  }
}

/**
 * The problems `kubelab lab validate` finds in a lessons folder, except prerequisites that are
 * lessons of `known` (a pack's lesson may build on the built-in ones).
 */
export function packProblems(dir: string, known: readonly string[], notesDir: string): string[] {
  const r = validateLabs(dir, notesDir);
  return r.problems.filter((p) => {
    const m = /: prerequisite (\S+) is not a lesson here$/.exec(p);
    return !(m && known.includes(m[1] as string));
  });
}

/**
 * Validates a pack decoded from a snapshot: its files are written to a temporary folder and
 * checked as `kubelab lab validate` checks `labs/` (note references are not checked here:
 * they do not change how a lesson runs). Throws SnapshotError with the first problems.
 */
export function validatePack(files: PackFile[], known: readonly string[]): void {
  if (files.length === 0) return;
  const tmp = mkdtempSync(join(tmpdir(), 'kubelab-pack-'));
  try {
    writePack(tmp, files);
    const problems = packProblems(tmp, known, join(tmp, '.no-notes'));
    if (lessonFolders(tmp).length === 0) problems.unshift('it holds no lesson folder (NN-name/lesson.json)');
    if (problems.length > 0) throw new SnapshotError(`the snapshot's lesson pack is invalid: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The lessons of a pack (from their lesson.json; a malformed one is listed by its folder). */
export function packLessons(files: PackFile[]): PackLesson[] {
  const out: PackLesson[] = [];
  for (const f of files) {
    if (kindOf(f.path) !== 'lesson') continue;
    const id = f.path.split('/')[0] as string;
    try {
      const l = parseSafeJson(Buffer.from(f.data, 'base64').toString('utf8'), `lesson pack file ${f.path}`) as { title?: { en?: unknown }; steps?: unknown };
      out.push({ id, title: typeof l.title?.en === 'string' ? l.title.en : '', steps: Array.isArray(l.steps) ? l.steps.length : 0 });
    } catch {
      out.push({ id, title: '', steps: 0 });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
