/**
 * `kubelab lab grade FILE... [--labs DIR] [--csv]`: grades students' snapshots. Each snapshot
 * names its lesson (its metadata, else the lesson progress it carries); the lesson comes from the
 * snapshot's own lesson pack, else `--labs DIR`, else KubeLab's `labs/`. Every check of every
 * step is evaluated with the lesson engine's check code on the snapshot's state — loaded into a
 * cluster's store through the API server, no component started, nothing changed. What a stopped
 * cluster cannot show (commands typed, container logs, requests through the network, and what
 * held during an earlier step but no longer does) comes from the lesson progress the snapshot
 * carries: a check the progress recorded passing counts as passed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KubeObject } from '../../core/api/types';
import { ManualClock } from '../../core/clock/clock';
import { Cluster } from '../../core/cluster';
import { checkResources, evaluateCheck, type CheckContext } from '../../core/lessons/checks';
import { refOf, type ResourceType } from '../../core/lessons/resources';
import type { Check, Lesson, Progress } from '../../core/lessons/types';
import { Store } from '../../core/storage/store';
import { validatePack, writePack } from '../host/lessonPacks';
import { lessonFolders, readLesson } from '../host/lessons';
import { labsDir } from '../host/paths';
import { decodeSnapshot, SnapshotError, type Snapshot } from '../host/snapshots';

/** How one check came out. */
export type GradeResult = 'pass' | 'pass (recorded)' | 'fail';

/** One graded check. */
export interface GradedCheck {
  step: string;
  check: string;
  type: Check['type'];
  result: GradeResult;
  weight: number;
}

/** A graded snapshot. */
export interface Grade {
  file: string;
  lesson: string;
  title: string;
  checks: GradedCheck[];
  score: number;
  total: number;
  percent: number;
}

/** Checks a stopped cluster cannot evaluate (no kubelet serves logs, no kube-proxy routes): only the progress can tell. */
const RUNTIME_ONLY = new Set<Check['type']>(['logContains', 'httpFrom']);

const typeKey = (t: ResourceType) => `${t.group}/${t.version}/${t.resource}`;

/** The lesson a snapshot is graded against: from its pack, else the first of `dirs` that has it. */
function lessonOf(snap: Snapshot, id: string, dirs: string[]): Lesson {
  if (snap.pack.some((f) => f.path === `${id}/lesson.json`)) {
    validatePack(snap.pack, dirs.flatMap((d) => lessonFolders(d)));
    const tmp = mkdtempSync(join(tmpdir(), 'kubelab-grade-'));
    try {
      writePack(tmp, snap.pack);
      return readLesson(tmp, id);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  for (const dir of dirs) if (lessonFolders(dir).includes(id)) return readLesson(dir, id);
  throw new SnapshotError(`its lesson "${id}" is neither in its lesson pack nor in ${dirs.join(' or ')}`);
}

/** The commands the progress recorded during step `index` (up to the next step's first). */
function stepCommands(progress: Progress, lesson: Lesson, index: number): string[] {
  const sp = progress.steps[lesson.steps[index]?.id ?? ''];
  if (!sp) return [];
  const next = lesson.steps.slice(index + 1).map((s) => progress.steps[s.id]?.commandsFrom).find((n) => n !== undefined && n >= sp.commandsFrom);
  return progress.commands.filter((c) => c.seq >= sp.commandsFrom && (next === undefined || c.seq < next)).map((c) => c.line);
}

/** Grades one decoded snapshot against its lesson. */
export async function gradeSnapshot(file: string, snap: Snapshot, labs: string[]): Promise<Grade> {
  const id = snap.metadata.lesson ?? snap.progress?.lesson;
  if (!id) throw new SnapshotError('it names no lesson (no lesson in its metadata, no lesson progress)');
  const lesson = lessonOf(snap, id, labs);
  const store = new Store();
  store.restore(snap.state.store);
  const c = snap.state.cluster;
  const cluster = new Cluster({ clock: new ManualClock(c.clock), seed: c.seed, workers: c.workers, ...(c.shape ? { shape: c.shape } : {}), store, randomState: c.random });
  const client = cluster.client();
  const progress = snap.progress?.lesson === lesson.id ? snap.progress : undefined;
  const cache = new Map<string, KubeObject[]>();
  const checks: GradedCheck[] = [];
  for (let i = 0; i < lesson.steps.length; i++) {
    const step = lesson.steps[i];
    if (!step) continue;
    const sp = progress?.steps[step.id];
    for (const t of step.checks.flatMap(checkResources)) {
      if (!cache.has(typeKey(t))) cache.set(typeKey(t), (await client.list<KubeObject>(refOf(t))).items);
    }
    const ctx: CheckContext = {
      objects: (t) => cache.get(typeKey(t)) ?? [],
      client,
      commands: progress ? stepCommands(progress, lesson, i) : [],
      ...(sp?.eventsBaseline !== undefined ? { eventsBaseline: sp.eventsBaseline } : {}),
    };
    for (const check of step.checks) {
      let holds = false;
      if (!RUNTIME_ONLY.has(check.type)) {
        try {
          holds = await evaluateCheck(ctx, check);
        } catch {
          holds = false;
        }
      }
      const recorded = sp?.passed[check.id] !== undefined;
      checks.push({ step: step.id, check: check.id, type: check.type, result: holds ? 'pass' : recorded ? 'pass (recorded)' : 'fail', weight: check.weight ?? 1 });
    }
  }
  const total = checks.reduce((a, x) => a + x.weight, 0);
  const score = checks.filter((x) => x.result !== 'fail').reduce((a, x) => a + x.weight, 0);
  return { file, lesson: lesson.id, title: snap.metadata.title, checks, score, total, percent: total === 0 ? 0 : Math.round((100 * score) / total) };
}

/** Reads, decodes and grades one snapshot file; throws SnapshotError (or an fs error) when it cannot be read. */
export async function gradeFile(file: string, labs: string[] = [labsDir()]): Promise<Grade> {
  const snap = decodeSnapshot(readFileSync(resolve(file)));
  return gradeSnapshot(file, snap, labs);
}

/** Columns padded as kubectl's tables are (three spaces between). */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3))).join('').trimEnd()).join('\n');
}

/** The table of one grade, then its score line. */
export function formatGrade(g: Grade): string {
  const rows = [['STEP', 'CHECK', 'RESULT', 'WEIGHT'], ...g.checks.map((c) => [c.step, c.check, c.result, String(c.weight)])];
  return `${g.file}: lesson ${g.lesson} (${g.title})\n${table(rows)}\nscore: ${g.score}/${g.total} (${g.percent}%)\n`;
}

function csvField(v: string | number | boolean): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header of `--csv`. */
export const CSV_HEADER = 'file,lesson,step,check,passed,weight';

/** The CSV rows of one grade: one per check, then a summary row (step `(score)`, check the percentage, passed the weight passed, weight the total). */
export function csvRows(g: Grade): string[] {
  const row = (...cells: (string | number | boolean)[]) => cells.map(csvField).join(',');
  return [...g.checks.map((c) => row(g.file, g.lesson, c.step, c.check, c.result !== 'fail', c.weight)), row(g.file, g.lesson, '(score)', `${g.percent}%`, g.score, g.total)];
}
