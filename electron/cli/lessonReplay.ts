/**
 * Replays a lesson on a fresh seeded cluster on a manual clock — what `kubelab lab test` checks
 * and what `kubelab snapshot save --from-lesson` saves. The cluster of the lesson's shape and
 * seed starts, the lesson's setup runs, then for each step: its setup, and its solution "typed"
 * (each command line through the bundled shell; where the shell cannot run a command yet, the
 * line's API equivalent), the clock advanced until every check passes — or a failure after ten
 * minutes of cluster time. The replay can stop after a step's setup, before its solution, and
 * hands back the running cluster, its clock, the lesson engine and the workspace files.
 */
import { ManualClock } from '../../core/clock/clock';
import { Cluster } from '../../core/cluster';
import { isNodesPath, nodeApi } from '../../core/node/api';
import { parseGoDuration } from '../../core/api/duration';
import { runActions } from '../../core/lessons/actions';
import { LessonEngine } from '../../core/lessons/engine';
import type { Lesson, ProgressView } from '../../core/lessons/types';
import { ShellEngine, type ShellFiles, type ShellStream, type ShellTransport, type TransportResponse } from '../../core/shell/engine';
import { faultOn } from '../host/lessonsApi';
import { parseYamlStream } from '../host/lessons';

/** How long (cluster time) a solution's command may follow the cluster before it is interrupted. */
const COMMAND_LIMIT_MS = 5 * 60_000;

/**
 * Watch streams of the in-process API server for the shell (`rollout status`, `wait`, `get -w`):
 * the events of a watch as they come, as the lab host's HTTP stream sends them.
 */
export function clusterStream(cluster: Cluster, user: { name: string; groups: string[] }): ShellStream {
  return (path, query, accept, onData) => {
    let stopWatch: (() => void) | undefined;
    let stopped = false;
    let finish: (r: TransportResponse | undefined) => void = () => undefined;
    const done = new Promise<TransportResponse | undefined>((resolve) => (finish = resolve));
    void cluster.handle({ method: 'GET', path, query, headers: { accept }, user }).then((res) => {
      if (!('stream' in res)) return finish({ status: res.status, body: res.body });
      if (stopped) return finish(undefined);
      stopWatch = res.stream.start({ send: (ev) => onData(ev), end: () => finish(undefined) });
    });
    return {
      done,
      stop() {
        stopped = true;
        stopWatch?.();
        finish(undefined);
      },
    };
  };
}

/** The cluster time a replay starts at. */
export const TEST_START = Date.parse('2026-03-01T09:00:00Z');
/** How long (cluster time) a step's checks may take to pass after its solution. */
export const STEP_TIMEOUT_MS = 10 * 60_000;

/** The shell's answers that mean "this command is not supported yet" (the line's equivalent runs instead). */
const UNSUPPORTED = /unknown command|unknown flag|unknown shorthand flag|doesn't have a resource type|not supported|not implemented|cannot open \w+ streams/i;

const ADMIN = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** How far to replay. */
export interface ReplayOptions {
  /** Stop at this step (0-based index): its setup has run, its solution has not. Absent: replay every step. */
  stopAt?: number;
  /** Fail a step whose checks pass before its solution (the quality gate of `lab test`). */
  strict?: boolean;
}

/** A replayed lesson: the outcome, and the cluster as the replay left it (running until `stop()`). */
export interface LessonReplay {
  ok: boolean;
  /** What happened, one line each (failures start with `FAIL`). */
  log: string[];
  cluster: Cluster;
  clock: ManualClock;
  /** The lesson engine (its progress: the steps replayed done, the current one just begun). */
  engine: LessonEngine;
  /** The files the lesson's `file` actions wrote into the student's workspace. */
  workspace: Map<string, string>;
  /** Lets the cluster settle (every pending reaction run) without moving the clock. */
  settle(): Promise<void>;
  /** Stops the engine and the cluster. */
  stop(): void;
}

function failing(view: ProgressView): string {
  return view.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.id} (${c.message.en}${c.error ? `; error: ${c.error}` : ''})`)
    .join(', ');
}

/** Replays a lesson as far as asked; never throws (a crash is a failed replay). */
export async function replayLesson(lesson: Lesson, options: ReplayOptions = {}): Promise<LessonReplay> {
  const log: string[] = [];
  const clock = new ManualClock(TEST_START);
  const cluster = new Cluster({ clock, seed: lesson.cluster?.seed ?? 1, workers: lesson.cluster?.workers ?? 2, ...(lesson.cluster?.shape ? { shape: lesson.cluster.shape } : {}), ...(lesson.cluster?.empty ? { empty: true } : {}) });
  const workspace = new Map<string, string>();
  const settle = async () => {
    let last = -1;
    for (let i = 0; i < 200; i++) {
      await new Promise<void>((r) => setImmediate(r));
      const rev = cluster.store.currentRevision();
      if (rev === last) return;
      last = rev;
    }
  };
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 100) {
      clock.advance(Math.min(100, ms - t));
      await settle();
    }
  };
  const engine = new LessonEngine({
    client: cluster.client(),
    clock,
    network: cluster.networking.network,
    lessons: [lesson],
    parseYaml: parseYamlStream,
    effects: {
      clock: async (a) => {
        if (a.action === 'step') await advance(parseGoDuration(a.duration ?? '') ?? 0);
      },
      fault: (f) => faultOn(cluster, f),
      writeFile: (path, content) => void workspace.set(path.replace(/^\.\//, ''), content),
    },
  });
  const transport: ShellTransport = async (method, path, query, accept, send) => {
    // `ssh NODE COMMAND` in a solution: the lab API's node endpoints, in process.
    if (isNodesPath(path)) return nodeApi(cluster, method, path, send?.body !== undefined ? JSON.parse(send.body) : undefined, parseYamlStream);
    const headers: Record<string, string> = { accept, ...send?.headers };
    if (send?.contentType) headers['content-type'] = send.contentType;
    const res = await cluster.handle({ method, path, query, headers, user: ADMIN, ...(send?.body !== undefined ? { body: send.body } : {}) });
    if ('stream' in res) throw new Error('the lab test shell does not stream');
    return { status: res.status, body: res.body };
  };
  const stream = clusterStream(cluster, ADMIN);
  const files: ShellFiles = {
    readFile: async (p) => {
      const text = workspace.get(p.replace(/^\.\//, ''));
      if (text === undefined) throw new Error(`the path "${p}" does not exist`);
      return text;
    },
    stat: async (p) => (workspace.has(p.replace(/^\.\//, '')) ? 'file' : [...workspace.keys()].some((k) => k.startsWith(`${p.replace(/\/$/, '')}/`)) ? 'dir' : undefined),
    readDir: async (p) => [...workspace.keys()].filter((k) => k.startsWith(`${p.replace(/\/$/, '')}/`)).map((k) => k.slice(p.replace(/\/$/, '').length + 1)).sort(),
  };
  const state = { context: 'kubelab', namespace: 'default', lastExit: 0 };
  const result = (ok: boolean): LessonReplay => ({
    ok,
    log,
    cluster,
    clock,
    engine,
    workspace,
    settle,
    stop() {
      engine.stop();
      cluster.stop();
    },
  });
  const last = options.stopAt ?? lesson.steps.length;
  try {
    await cluster.start();
    await advance(3000);
    await engine.start(lesson.id);
    for (let i = 0; i < lesson.steps.length && i <= last; i++) {
      const step = lesson.steps[i];
      if (!step) continue;
      if (i > 0) await engine.next();
      await advance(2000);
      await engine.idle();
      if (i === options.stopAt) {
        log.push(`  at ${step.id} (its setup done, its solution not typed)`);
        break;
      }
      const before = await engine.check();
      const early = before.checks.filter((c) => c.passed);
      if (options.strict && early.length > 0) {
        log.push(`FAIL ${step.id}: passes before its solution: ${early.map((c) => c.id).join(', ')}`);
        return result(false);
      }
      for (const line of step.solution) {
        engine.recordCommand(line.command);
        let err = '';
        const shell = new ShellEngine(transport, state, { out: () => undefined, err: (t) => (err += t) }, { files, parseYaml: parseYamlStream, now: () => clock.now(), sleep: (ms) => advance(ms), stream });
        // A command that follows the cluster (rollout status, wait, delete, get -w) runs while the clock
        // moves on; one still running after COMMAND_LIMIT_MS is interrupted, as a student's Ctrl-C.
        const interrupt = new AbortController();
        let done = false;
        const running = shell.run(line.command, interrupt.signal).finally(() => (done = true));
        await settle();
        for (let t = 0; !done && t < COMMAND_LIMIT_MS; t += 500) await advance(500);
        if (!done) interrupt.abort();
        await running;
        const expected = line.exitCode ?? 0;
        if (state.lastExit !== expected) {
          const first = err.trim().split('\n')[0] ?? '';
          if (!line.equivalent || !UNSUPPORTED.test(err)) {
            log.push(`FAIL ${step.id}: \`${line.command}\` ${expected === 0 ? 'failed' : `exited ${state.lastExit}, not ${expected}`}: ${first}`);
            return result(false);
          }
          log.push(`  ${step.id}: the shell cannot run \`${line.command}\` yet (${first}); ran its API equivalent`);
          await runActions(
            { client: cluster.client(), effects: {}, parseYaml: parseYamlStream },
            line.equivalent,
            async (d) => advance(parseGoDuration(d) ?? 0),
          );
        } else if (line.equivalent?.some((a) => 'wait' in a)) {
          for (const a of line.equivalent) if ('wait' in a) await advance(parseGoDuration(a.wait) ?? 0);
        }
        await settle();
      }
      let view = await engine.check();
      for (let t = 0; !view.stepComplete && t < STEP_TIMEOUT_MS; t += 500) {
        await advance(500);
        await engine.idle();
        view = engine.view();
      }
      if (!view.stepComplete) {
        log.push(`FAIL ${step.id}: after its solution and ${STEP_TIMEOUT_MS / 60_000} min these checks still fail: ${failing(view)}`);
        return result(false);
      }
      log.push(`  ok ${step.id} (${view.checks.length} checks)`);
    }
    return result(true);
  } catch (e) {
    log.push(`FAIL ${(e as Error).message}`);
    return result(false);
  }
}
