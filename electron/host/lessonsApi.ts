/**
 * The lessons part of the lab API: the catalogue, one lesson with its texts, starting a lesson,
 * the progress (current step, checks, hints) and the commands the shell reports. One
 * `LessonEngine` per running cluster; its progress is kept in the cluster's folder
 * (`lessons.json`), so it survives a restart and follows a cluster switch. Contract: CONTRACT.md.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { parseGoDuration } from '../../core/api/duration';
import { badRequest, methodNotAllowed, notFound, pathNotFound, type Status } from '../../core/api/status';
import type { Cluster } from '../../core/cluster';
import type { FaultRequest } from '../../core/faults';
import { LessonEngine, LessonError } from '../../core/lessons/engine';
import type { LessonEffects } from '../../core/lessons/actions';
import type { Lesson, ProgressView } from '../../core/lessons/types';
import type { ActiveCluster } from './activeCluster';
import { readBody, sendJson } from './apiAdapter';
import { listClusterLessons, loadClusterLessons, parseYamlStream } from './lessons';
import { labsDir } from './paths';

class ApiStatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
}

function fail(status: { status: Status }): never {
  throw new ApiStatusError(status.status);
}

function statusOfLessonError(e: LessonError): Status {
  if (e.code === 404) return notFound({ group: 'lab.kubelab.dev', resource: 'lessons' }, e.message.replace(/^lesson "(.*)" not found$/, '$1')).status;
  const reason = e.code === 409 ? 'Conflict' : 'BadRequest';
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: e.message, reason, code: e.code };
}

/** The lab effects a lesson may use on a running cluster: its clock, its faults, its workspace. */
export function hostEffects(active: ActiveCluster): LessonEffects {
  return {
    clock(a) {
      const clock = active.clock;
      if (a.action === 'pause') clock.pause();
      else if (a.action === 'resume') clock.resume();
      else if (a.action === 'speed' && typeof a.speed === 'number') clock.setSpeed(a.speed);
      else if (a.action === 'step') clock.step(parseGoDuration(a.duration ?? '') ?? 0);
    },
    async fault(f) {
      await faultOn(active.cluster, f);
    },
    writeFile(path, content) {
      const root = resolve(active.workspace());
      const file = resolve(root, path);
      if (!file.startsWith(root + sep)) throw new Error(`file ${path} is outside the workspace`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
  };
}

/** Stops or starts a node or component of a cluster (a lesson's `fault` action). */
export async function faultOn(cluster: Cluster, f: FaultRequest): Promise<void> {
  await cluster.applyFault(f);
}

interface Session {
  cluster: Cluster;
  engine: LessonEngine;
}

const sessions = new WeakMap<ActiveCluster, Session>();

function progressFile(active: ActiveCluster): string {
  return join(active.dirs.dir(active.name), 'lessons.json');
}

function saveProgress(file: string, progress: unknown): void {
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(progress));
    renameSync(`${file}.tmp`, file);
  } catch {
    // The cluster folder went away (deleted, renamed): nothing to keep.
  }
}

/** The lesson engine of the running cluster (made, and its saved progress restored, on first use and after a switch). */
export async function lessonEngine(active: ActiveCluster, lessons: Lesson[] = loadClusterLessons(active.dirs.dir(active.name), labsDir()).lessons): Promise<LessonEngine> {
  const current = sessions.get(active);
  if (current && current.cluster === active.cluster) return current.engine;
  current?.engine.stop();
  const file = progressFile(active);
  const engine = new LessonEngine({
    client: active.cluster.client(),
    clock: active.clock,
    network: active.cluster.networking.network,
    lessons,
    effects: hostEffects(active),
    parseYaml: parseYamlStream,
    onChange: (p) => saveProgress(file, p),
  });
  sessions.set(active, { cluster: active.cluster, engine });
  if (existsSync(file)) {
    try {
      await engine.importProgress(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // A damaged progress file: start over.
    }
  }
  return engine;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== 'application/json') fail(badRequest('the lab API takes application/json bodies'));
  let v: unknown;
  try {
    v = JSON.parse(await readBody(req, 64 * 1024));
  } catch {
    fail(badRequest('the body is not valid JSON'));
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(badRequest('the body must be a JSON object'));
  return v as Record<string, unknown>;
}

/** Strips what only the engine needs (parsed YAML) from a lesson the API returns. */
function publicLesson(l: Lesson): unknown {
  return JSON.parse(JSON.stringify(l, (k, v: unknown) => (k === 'objects' ? undefined : v)));
}

/**
 * Moves within the started lesson with the engine's own methods: `next` enters the next step
 * (a step visited before in this run resumes with its progress; a new one runs its setup),
 * `previous` goes back to the step before with its progress kept, `reset-step` starts the
 * current step afresh (its setup again, its checks and hints cleared; on the first step that
 * is the lesson's restart). The engine persists what `next`/`start` change; a resumed step is
 * saved here.
 */
async function moveStep(active: ActiveCluster, engine: LessonEngine, verb: 'next' | 'previous' | 'reset-step'): Promise<ProgressView> {
  const p = engine.exportProgress();
  const lesson = p.lesson ? engine.lesson(p.lesson) : undefined;
  if (!lesson || !p.steps[lesson.steps[p.step]?.id ?? '']) throw new LessonError('no lesson is started: POST /lab/v1/lessons/ID/start first', 409);
  const resume = async (index: number): Promise<ProgressView> => {
    const id = lesson.steps[index]?.id ?? '';
    p.step = index;
    p.steps[id] ??= { passed: {}, hintsRevealed: 0, triggered: [], startedAt: active.clock.now(), commandsFrom: p.commandSeq };
    await engine.importProgress(p);
    saveProgress(progressFile(active), engine.exportProgress());
    return engine.view();
  };
  if (verb === 'previous') {
    if (p.step === 0) throw new LessonError('this is the first step of the lesson', 409);
    return resume(p.step - 1);
  }
  if (verb === 'next') {
    const following = lesson.steps[p.step + 1];
    if (following && p.steps[following.id]) {
      const current = p.steps[lesson.steps[p.step]?.id ?? ''];
      if (current && current.finishedAt === undefined) current.skipped = true;
      return resume(p.step + 1);
    }
    return engine.next();
  }
  if (p.step === 0) return engine.reset();
  // Back to the step before (kept as it was), then into this one as if for the first time.
  const current = lesson.steps[p.step]?.id ?? '';
  delete p.steps[current];
  await resume(p.step - 1);
  return engine.next();
}

/** Whether a path belongs to the lessons API. */
export function isLessonsPath(path: string): boolean {
  return path === '/lab/v1/lessons' || path.startsWith('/lab/v1/lessons/') || path === '/lab/v1/progress' || path.startsWith('/lab/v1/progress/') || path === '/lab/v1/commands';
}

/** Serves `/lab/v1/lessons...`, `/lab/v1/progress...` and `/lab/v1/commands`; errors carry a `status` (the lab API sends it). */
export async function serveLessonsApi(active: ActiveCluster, req: IncomingMessage, res: ServerResponse, path: string, method: string): Promise<void> {
  try {
    if (path === '/lab/v1/lessons') {
      if (method !== 'GET') fail(methodNotAllowed());
      return sendJson(res, 200, { items: listClusterLessons(active.dirs.dir(active.name), labsDir()).items });
    }
    if (path.startsWith('/lab/v1/lessons/')) {
      const [id = '', verb, ...extra] = path.slice('/lab/v1/lessons/'.length).split('/').map((p) => decodeURIComponent(p));
      if (extra.length > 0 || (verb !== undefined && verb !== 'start')) fail(pathNotFound());
      const lessons = loadClusterLessons(active.dirs.dir(active.name), labsDir()).lessons;
      const lesson = lessons.find((l) => l.id === id);
      if (verb === undefined) {
        if (method !== 'GET') fail(methodNotAllowed());
        if (!lesson) fail(notFound({ group: 'lab.kubelab.dev', resource: 'lessons' }, id));
        return sendJson(res, 200, publicLesson(lesson));
      }
      if (method !== 'POST') fail(methodNotAllowed());
      const engine = await lessonEngine(active, lessons);
      return sendJson(res, 200, await engine.start(id));
    }
    const engine = await lessonEngine(active);
    if (path === '/lab/v1/progress') {
      if (method !== 'GET') fail(methodNotAllowed());
      return sendJson(res, 200, engine.view());
    }
    if (path === '/lab/v1/commands') {
      if (method !== 'POST') fail(methodNotAllowed());
      const body = await jsonBody(req);
      if (typeof body.line !== 'string') fail(badRequest('line is required'));
      engine.recordCommand(body.line);
      await engine.idle();
      return sendJson(res, 200, engine.view());
    }
    const verb = path.slice('/lab/v1/progress/'.length);
    if (!['next', 'previous', 'hint', 'reset', 'reset-step', 'check'].includes(verb)) fail(pathNotFound());
    if (method !== 'POST') fail(methodNotAllowed());
    if (verb === 'next' || verb === 'previous' || verb === 'reset-step') return sendJson(res, 200, await moveStep(active, engine, verb));
    const view = verb === 'hint' ? engine.hint() : verb === 'reset' ? await engine.reset() : await engine.check();
    return sendJson(res, 200, view);
  } catch (e) {
    if (e instanceof LessonError) throw new ApiStatusError(statusOfLessonError(e));
    if (e instanceof ApiStatusError) throw e;
    if ((e as { status?: Status }).status) throw e;
    throw new ApiStatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: (e as Error).message, reason: 'InternalError', code: 500 });
  }
}
