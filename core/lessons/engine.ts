/**
 * The lesson engine: runs a lesson's setup, watches what the current step's checks read and
 * re-evaluates them on every watch event (a check ticks the moment the cluster satisfies it,
 * and stays ticked) — and, on the cluster clock, what no watch reports (logs; requests through
 * the network, for a while after each change) — reveals hints (in order, or by themselves when
 * a mistake's trigger holds), scores challenges on the cluster clock, and keeps the progress as
 * plain data the host persists. Pure: it reaches the cluster only through its client, watches
 * and the network it is given.
 */
import type { KubeObject } from '../api/types';
import type { Clock, TimerHandle } from '../clock/clock';
import { SharedInformerFactory } from '../client/factory';
import type { Informer } from '../client/informer';
import { runActions, type ActionDeps } from './actions';
import { checkPolls, checkResources, evaluateCheck, type CheckContext } from './checks';
import type { HttpNetwork } from './httpCheck';
import { emptyProgress, normalizeProgress, progressView } from './progress';
import type { ResourceType } from './resources';
import type { Check, Lesson, Progress, ProgressView, Step, StepProgress } from './types';

/** What the engine is built with. */
export interface LessonEngineOptions extends ActionDeps {
  /** The cluster's clock (timestamps, challenge timers). */
  clock: Clock;
  lessons: Lesson[];
  /** The cluster's network (`cluster.networking.network`): `httpFrom` checks send their requests through it. */
  network?: HttpNetwork;
  /** Called whenever the progress changes (the host persists it and tells the renderer). */
  onChange?: (progress: Progress) => void;
}

/** An error a caller made (unknown lesson, no lesson started): the lab API answers 400/404/409. */
export class LessonError extends Error {
  constructor(
    message: string,
    readonly code: 400 | 404 | 409,
  ) {
    super(message);
  }
}

const typeKey = (t: ResourceType) => `${t.group}/${t.version}/${t.resource}`;

/** How often (cluster time) checks no watch reports on — logs, requests through the network — are evaluated again while they fail. */
export const POLL_MS = 1000;
/** How long (cluster time) after a change in the cluster `httpFrom` checks keep being polled (kube-proxy programs a change a moment after it). */
export const POLL_WINDOW_MS = 15_000;

/** Runs lessons against one cluster. */
export class LessonEngine {
  private progress: Progress = emptyProgress();
  private factory: SharedInformerFactory | undefined;
  private readonly informers = new Map<string, Informer<KubeObject>>();
  private readonly errors = new Map<string, string>();
  private generation = 0;
  private evaluating: Promise<void> | undefined;
  private dirty = false;
  private timer: TimerHandle | undefined;
  private pollTimer: TimerHandle | undefined;
  private retryTimer: TimerHandle | undefined;
  private lastChangeAt = 0;
  /** The generation whose informers have synced: checks are evaluated only against the current step's caches. */
  private readyGeneration = -1;

  constructor(private readonly options: LessonEngineOptions) {}

  /** The lessons it knows. */
  lessons(): Lesson[] {
    return this.options.lessons;
  }

  /** One lesson by id. */
  lesson(id: string): Lesson | undefined {
    return this.options.lessons.find((l) => l.id === id);
  }

  private current(): { lesson: Lesson; step: Step; sp: StepProgress } | undefined {
    const lesson = this.progress.lesson ? this.lesson(this.progress.lesson) : undefined;
    const step = lesson?.steps[this.progress.step];
    const sp = step ? this.progress.steps[step.id] : undefined;
    return lesson && step && sp ? { lesson, step, sp } : undefined;
  }

  private requireCurrent(): { lesson: Lesson; step: Step; sp: StepProgress } {
    const c = this.current();
    if (!c) throw new LessonError('no lesson is started: POST /lab/v1/lessons/ID/start first', 409);
    return c;
  }

  /** Starts (or restarts) a lesson: its setup, then its first step's. */
  async start(id: string): Promise<ProgressView> {
    const lesson = this.lesson(id);
    if (!lesson) throw new LessonError(`lesson "${id}" not found`, 404);
    this.unwatch();
    const now = this.options.clock.now();
    this.progress = { ...this.progress, lesson: id, step: 0, startedAt: now, finishedAt: undefined, steps: {} };
    this.progress.completed = this.progress.completed.filter((c) => c !== id);
    await runActions(this.options, lesson.setup ?? []);
    await this.enterStep(0);
    return this.view();
  }

  /** Moves to the next step (a step left unfinished is marked skipped). */
  async next(): Promise<ProgressView> {
    const { lesson, sp } = this.requireCurrent();
    if (this.progress.step >= lesson.steps.length - 1) throw new LessonError('this is the last step of the lesson', 409);
    if (sp.finishedAt === undefined) sp.skipped = true;
    await this.enterStep(this.progress.step + 1);
    return this.view();
  }

  /** Restarts the current lesson from its first step (the cluster is not reset). */
  async reset(): Promise<ProgressView> {
    const { lesson } = this.requireCurrent();
    return this.start(lesson.id);
  }

  /** Reveals the next hint of the current step. */
  hint(): ProgressView {
    const { step, sp } = this.requireCurrent();
    const ordinary = (step.hints ?? []).filter((h) => !h.trigger).length;
    if (sp.hintsRevealed >= ordinary) throw new LessonError('no more hints for this step', 409);
    sp.hintsRevealed++;
    this.changed();
    return this.view();
  }

  /** Evaluates the current step's checks now. */
  async check(): Promise<ProgressView> {
    if (this.current()) await this.evaluate();
    return this.view();
  }

  /** The shell reports a command line the student ran. */
  recordCommand(line: string): void {
    const text = line.trim();
    if (text === '') return;
    this.progress.commands.push({ line: text, at: this.options.clock.now(), seq: this.progress.commandSeq++ });
    if (this.progress.commands.length > 100) this.progress.commands.splice(0, this.progress.commands.length - 100);
    this.lastChangeAt = this.options.clock.now();
    this.changed();
    this.schedule();
  }

  /** The progress as plain data (a copy). */
  exportProgress(): Progress {
    return JSON.parse(JSON.stringify(this.progress)) as Progress;
  }

  /** Restores a progress exported earlier and resumes watching its step (no setup runs again). */
  async importProgress(p: unknown): Promise<void> {
    this.unwatch();
    this.progress = normalizeProgress(p);
    const c = this.current();
    if (!c) {
      this.progress.lesson = undefined;
      return;
    }
    this.armTimer(c.sp);
    await this.watch(c.step);
  }

  /** What the lesson panel shows. */
  view(): ProgressView {
    const c = this.current();
    return progressView(this.progress, c?.lesson, this.options.clock.now(), this.errors);
  }

  /** Resolves once no evaluation is pending. */
  async idle(): Promise<void> {
    while (this.evaluating) await this.evaluating;
  }

  /** Stops watching. */
  stop(): void {
    this.unwatch();
  }

  private async enterStep(index: number): Promise<void> {
    this.unwatch();
    const lesson = this.lesson(this.progress.lesson ?? '') as Lesson;
    const step = lesson.steps[index] as Step;
    this.progress.step = index;
    const sp: StepProgress = { passed: {}, hintsRevealed: 0, triggered: [], startedAt: this.options.clock.now(), commandsFrom: this.progress.commandSeq };
    this.progress.steps[step.id] = sp;
    await runActions(this.options, step.setup ?? []);
    try {
      sp.eventsBaseline = (await this.options.client.list({ resource: 'events' }, { limit: '1' })).metadata.resourceVersion;
    } catch {
      // No API server to ask (machines before kubeadm init, a stopped API server): no event was written since.
      sp.eventsBaseline = '0';
    }
    if (step.timeLimitSeconds) sp.deadline = this.options.clock.now() + step.timeLimitSeconds * 1000;
    this.armTimer(sp);
    this.changed();
    await this.watch(step);
  }

  private armTimer(sp: StepProgress): void {
    if (sp.deadline === undefined || sp.finishedAt !== undefined) return;
    const left = sp.deadline - this.options.clock.now();
    if (left < 0) return;
    this.timer = this.options.clock.setTimer(left + 1, () => {
      this.timer = undefined;
      this.changed();
    });
  }

  private async watch(step: Step): Promise<void> {
    const gen = ++this.generation;
    const factory = new SharedInformerFactory(this.options.client, this.options.clock);
    this.factory = factory;
    const checks: Check[] = [...step.checks, ...(step.hints ?? []).flatMap((h) => (h.trigger ? [h.trigger] : []))];
    for (const t of checks.flatMap(checkResources)) {
      if (this.informers.has(typeKey(t))) continue;
      const inf = factory.informer<KubeObject>({ ...(t.group ? { group: t.group } : {}), version: t.version, resource: t.resource });
      const poke = () => {
        this.lastChangeAt = this.options.clock.now();
        this.schedule();
      };
      inf.addHandlers({ add: poke, update: poke, delete: poke });
      this.informers.set(typeKey(t), inf);
    }
    await this.startInformers(factory, gen);
    this.lastChangeAt = this.options.clock.now();
    if (gen !== this.generation) return;
    this.readyGeneration = gen;
    await this.evaluate();
  }

  /**
   * Lists what the checks read; while the API server does not answer (empty machines before
   * `kubeadm init`, a stopped API server) the checks that need no list are still evaluated, and
   * the lists are tried again every second of cluster time, as a reflector retries.
   */
  private async startInformers(factory: SharedInformerFactory, gen: number): Promise<void> {
    try {
      await factory.start();
    } catch {
      if (gen !== this.generation) return;
      this.retryTimer = this.options.clock.setTimer(1000, () => {
        this.retryTimer = undefined;
        if (gen !== this.generation) return;
        void this.startInformers(factory, gen).then(() => {
          if (gen !== this.generation) return;
          this.lastChangeAt = this.options.clock.now();
          this.schedule();
        });
      });
    }
  }

  private unwatch(): void {
    this.generation++;
    this.factory?.stop();
    this.factory = undefined;
    this.informers.clear();
    this.errors.clear();
    if (this.timer) this.options.clock.clearTimer(this.timer);
    this.timer = undefined;
    if (this.pollTimer) this.options.clock.clearTimer(this.pollTimer);
    this.pollTimer = undefined;
    if (this.retryTimer) this.options.clock.clearTimer(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Evaluates again in a moment while a failing check reads what no watch reports. */
  private armPoll(step: Step, sp: StepProgress, expired: boolean): void {
    if (this.pollTimer) return;
    const pending = [
      ...(sp.finishedAt === undefined && !expired ? step.checks.filter((c) => sp.passed[c.id] === undefined) : []),
      ...(sp.finishedAt === undefined ? (step.hints ?? []).flatMap((h, i) => (h.trigger && !sp.triggered.includes(i) ? [h.trigger] : [])) : []),
    ];
    const recent = this.options.clock.now() - this.lastChangeAt <= POLL_WINDOW_MS;
    if (!pending.some((c) => checkPolls(c) === 'always' || (recent && checkPolls(c) === 'after-change'))) return;
    this.pollTimer = this.options.clock.setTimer(POLL_MS, () => {
      this.pollTimer = undefined;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.evaluating) {
      this.dirty = true;
      return;
    }
    this.evaluating = (async () => {
      try {
        do {
          this.dirty = false;
          await this.evaluate();
        } while (this.dirty);
      } finally {
        this.evaluating = undefined;
      }
    })();
  }

  private async evaluate(): Promise<void> {
    const c = this.current();
    // Between two steps (the old caches gone, the new ones not listed yet) nothing is evaluated.
    if (!c || this.readyGeneration !== this.generation) return;
    const gen = this.generation;
    const { lesson, step, sp } = c;
    const now = this.options.clock.now();
    const expired = sp.deadline !== undefined && now > sp.deadline;
    const ctx: CheckContext = {
      objects: (t) => {
        const inf = this.informers.get(typeKey(t));
        // Not listed yet (the API server does not answer): the check cannot hold, not even `absent`.
        if (inf && !inf.hasSynced()) throw new Error(`${t.resource} could not be listed: the API server does not answer`);
        return inf?.list() ?? [];
      },
      client: this.options.client,
      ...(this.options.network ? { network: this.options.network } : {}),
      commands: this.progress.commands.filter((x) => x.seq >= sp.commandsFrom).map((x) => x.line),
      ...(sp.eventsBaseline !== undefined ? { eventsBaseline: sp.eventsBaseline } : {}),
    };
    const holds = async (key: string, check: Check): Promise<boolean> => {
      try {
        const ok = await evaluateCheck(ctx, check);
        this.errors.delete(key);
        return ok;
      } catch (e) {
        this.errors.set(key, (e as Error).message);
        return false;
      }
    };
    let changed = false;
    if (sp.finishedAt === undefined && !expired) {
      for (const check of step.checks) {
        if (sp.passed[check.id] !== undefined) continue;
        const ok = await holds(check.id, check);
        if (gen !== this.generation) return;
        if (ok) {
          sp.passed[check.id] = this.options.clock.now();
          changed = true;
        }
      }
    }
    const hints = step.hints ?? [];
    for (let i = 0; i < hints.length; i++) {
      const trigger = hints[i]?.trigger;
      if (!trigger || sp.triggered.includes(i) || sp.finishedAt !== undefined) continue;
      const ok = await holds(`hint:${i}`, trigger);
      if (gen !== this.generation) return;
      if (ok) {
        sp.triggered.push(i);
        changed = true;
      }
    }
    if (sp.finishedAt === undefined && step.checks.every((ch) => sp.passed[ch.id] !== undefined)) {
      sp.finishedAt = this.options.clock.now();
      if (this.progress.step === lesson.steps.length - 1) {
        this.progress.finishedAt = sp.finishedAt;
        if (!this.progress.completed.includes(lesson.id)) this.progress.completed.push(lesson.id);
      }
      changed = true;
    }
    if (changed) this.changed();
    this.armPoll(step, sp, expired);
  }

  private changed(): void {
    this.options.onChange?.(this.exportProgress());
  }
}
