/**
 * Time for the whole cluster. Nothing in core/ reads the wall clock or uses the host's timers:
 * every component takes a `Clock`. Tests use `ManualClock`; the host uses `LabClock`, which can
 * pause and change speed and is driven by a real timer outside core/.
 */

/** A handle to cancel a timer. */
export interface TimerHandle {
  readonly id: number;
}

/** The clock every component is given. Times are milliseconds since the Unix epoch. */
export interface Clock {
  /** The current (simulated) time. */
  now(): number;
  /** Calls `fn` once, after `delayMs` of simulated time. */
  setTimer(delayMs: number, fn: () => void): TimerHandle;
  /** Cancels a timer; a no-op when it already ran. */
  clearTimer(handle: TimerHandle): void;
}

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

/**
 * The shared timer queue: timers ordered by due time, then by creation, so that a replay with
 * the same inputs fires them in the same order.
 */
export abstract class TimerQueueClock implements Clock {
  private timers: Timer[] = [];
  private nextId = 1;
  /** Called whenever the earliest due time may have changed (the host reschedules its timer). */
  onScheduleChange: (() => void) | undefined;

  abstract now(): number;

  setTimer(delayMs: number, fn: () => void): TimerHandle {
    const timer: Timer = { id: this.nextId++, due: this.now() + Math.max(0, delayMs), fn };
    // Insert keeping (due, id) order; timers are few (hundreds), so a linear scan from the end is fine.
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1] as Timer).due > timer.due) i--;
    this.timers.splice(i, 0, timer);
    if (i === 0) this.onScheduleChange?.();
    return { id: timer.id };
  }

  clearTimer(handle: TimerHandle): void {
    const i = this.timers.findIndex((t) => t.id === handle.id);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** The due time of the earliest timer, if any. */
  nextDue(): number | undefined {
    return this.timers[0]?.due;
  }

  /** The number of pending timers. */
  pending(): number {
    return this.timers.length;
  }

  /** Runs every timer due at or before `t`, in order; `beforeRun` sets the clock to each due time. */
  protected fireUntil(t: number, beforeRun: (due: number) => void): number {
    let fired = 0;
    for (;;) {
      const first = this.timers[0];
      if (!first || first.due > t) break;
      this.timers.shift();
      beforeRun(first.due);
      fired++;
      first.fn();
    }
    return fired;
  }
}

/** A clock that moves only when told to: for tests and for deterministic replays. */
export class ManualClock extends TimerQueueClock {
  private t: number;
  constructor(start: number) {
    super();
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  /** Moves time forward by `ms`, firing the timers that come due, each at its own time. */
  advance(ms: number): void {
    const target = this.t + ms;
    this.fireUntil(target, (due) => {
      if (due > this.t) this.t = due;
    });
    this.t = target;
  }
}

/** The state of a LabClock, as persisted and shown in the UI. */
export interface LabClockState {
  /** Simulated time at the anchor. */
  virtual: number;
  /** Speed factor: 1 is real time. */
  speed: number;
  paused: boolean;
}

/** Allowed speeds. */
export const MIN_SPEED = 0.25;
/** Allowed speeds. */
export const MAX_SPEED = 100;

/**
 * The lab's clock: simulated time runs at `speed` × a real time source that the host injects,
 * and can be paused, resumed and stepped. The host calls `runDue()` when `realDelayToNext()`
 * says a timer is due.
 */
export class LabClock extends TimerQueueClock {
  private anchorVirtual: number;
  private anchorReal: number;
  private speed = 1;
  private paused = false;
  /** While timers fire, `now()` is pinned to their due time so that they see consistent time. */
  private pinned: number | undefined;

  constructor(
    private readonly realNow: () => number,
    start: number = realNow(),
  ) {
    super();
    this.anchorVirtual = start;
    this.anchorReal = realNow();
  }

  now(): number {
    if (this.pinned !== undefined) return this.pinned;
    if (this.paused) return this.anchorVirtual;
    return Math.floor(this.anchorVirtual + (this.realNow() - this.anchorReal) * this.speed);
  }

  private reanchor(): void {
    this.anchorVirtual = this.now();
    this.anchorReal = this.realNow();
  }

  /** The clock's state. */
  state(): LabClockState {
    return { virtual: this.now(), speed: this.speed, paused: this.paused };
  }

  /** Sets the speed (clamped to 0.25×–100×). */
  setSpeed(speed: number): void {
    if (!Number.isFinite(speed)) throw new RangeError('speed must be a number');
    this.reanchor();
    this.speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
    this.onScheduleChange?.();
  }

  /** Stops simulated time. */
  pause(): void {
    this.reanchor();
    this.paused = true;
    this.onScheduleChange?.();
  }

  /** Lets simulated time run again. */
  resume(): void {
    this.reanchor();
    this.paused = false;
    this.onScheduleChange?.();
  }

  /** Moves simulated time forward by `ms` at once (paused or not), firing the timers due. */
  step(ms: number): void {
    const target = this.now() + Math.max(0, ms);
    this.fireUntil(target, (due) => (this.pinned = due));
    this.pinned = undefined;
    this.anchorVirtual = target;
    this.anchorReal = this.realNow();
    this.onScheduleChange?.();
  }

  /** Fires the timers that are due now. Returns how many ran. */
  runDue(): number {
    const fired = this.fireUntil(this.now(), (due) => (this.pinned = Math.max(due, this.pinned ?? due)));
    this.pinned = undefined;
    return fired;
  }

  /** Real milliseconds until the next timer is due (undefined: none, or paused). */
  realDelayToNext(): number | undefined {
    const due = this.nextDue();
    if (due === undefined || this.paused) return undefined;
    return Math.max(0, (due - this.now()) / this.speed);
  }
}
